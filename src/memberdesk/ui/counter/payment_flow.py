"""F12 to the receipt: fresh figures, the payment dialog, checkout, the receipt.

F12 asks the worker for the cart's price, the member's balances and coupons, the
open shift and the shop's settings in one go, then opens the payment dialog.
The dialog's choice becomes one :class:`PaymentOrder` with the sale's client id
(the same on every retry, so a payment is never taken twice) and goes to the
checkout service on the task runner. On success the counter is cleared for the
next customer and the receipt dialog shows the change, the new balances and the
receipt, printed on a runner of its own so a slow printer never holds the counter.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from memberdesk.domain.discounts import ManualDiscount
from memberdesk.money import Money
from memberdesk.services.shared.errors import UserError
from memberdesk.ui.counter.cart_model import CartItem
from memberdesk.ui.counter.errors import CounterError
from memberdesk.ui.counter.payment_dialog import PaymentContext, PaymentDialog, PaymentInput
from memberdesk.ui.counter.receipt_dialog import ReceiptDialog
from memberdesk.ui.counter.receipt_printing import ReceiptPrinter
from memberdesk.ui.counter.work_names import job
from memberdesk.ui.shell.printer_setup import set_shop_printer
from memberdesk.ui.shell.tasks import Task, TaskRunner

if TYPE_CHECKING:
    from memberdesk.services.pricing.prices import PriceBreakdown
    from memberdesk.ui.counter.cart_controller import CartController
    from memberdesk.ui.counter.lookup_controller import LookupController
    from memberdesk.ui.counter.main_window import MainWindow
    from memberdesk.ui.counter.state import CounterState
    from memberdesk.ui.counter.work import Paid, PaymentStart

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PaymentOrder:
    """Everything the cashier decided, for one checkout."""

    client_id: str  # one per sale, the same on every retry
    items: tuple[CartItem, ...]
    member_id: int | None
    member_no: str | None
    coupon_codes: tuple[str, ...]
    tenders: tuple[tuple[str, Money], ...]  # (TenderKind value, amount handed over)
    password: str | None = None
    order_discount: ManualDiscount | None = None
    approval_id: int | None = None  # a manager's approval of the manual discounts


class PaymentFlow(QObject):
    paid = Signal(object)  # services.checkout.CheckoutResult
    printer_state_changed = Signal(str)  # "none" | "ready" | "error"

    def __init__(
        self,
        window: MainWindow,
        runner: TaskRunner,
        state: CounterState,
        cart: CartController,
        lookup: LookupController,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.window = window
        self.runner = runner
        self.state = state
        self.cart = cart
        self.lookup = lookup
        self.printing = ReceiptPrinter(window.banner.show_user_error, self)
        self.printing.state_changed.connect(self.printer_state_changed)
        self.dialog: PaymentDialog | None = None
        self.receipt: ReceiptDialog | None = None
        self.paper_mm = 58
        self._starting = False
        self._start: PaymentStart | None = None
        self._tasks: dict[str, Task] = {}  # the flow's calls in flight, by purpose
        # Asks a manager to approve the cart's manual discounts, then calls its argument
        # (set by the counter controller: the discount key's controller).
        self.approve_first: Callable[[Callable[[], None]], None] | None = None
        runner.finished.connect(self._unstick)

    @property
    def is_open(self) -> bool:
        return self.dialog is not None or self._starting

    # -- F12 --------------------------------------------------------------------------------
    def start(self) -> None:
        actor = self.state.actor
        if actor is None or self.is_open or self.receipt is not None:
            return
        if self.cart.is_empty:
            from memberdesk.ui.counter.errors import CounterError

            self.window.banner.show_user_error(CounterError("nothing_to_pay"))
            self.window.cart_panel.product_field.setFocus()
            return
        bd = self.cart.breakdown
        if bd is not None and bd.approval_needed and self.cart.approval_id is None \
                and self.approve_first is not None:
            self.approve_first(self.start)  # the manual discount needs a manager first
            return
        self._starting = True
        view = self.lookup.view
        self._tasks["start"] = self.runner.call(
            job("start_payment"), actor, self.cart.items, view.member_no if view else None,
            self.cart.order_discount, on_done=self._open, on_user_error=self._not_started,
        )

    def _not_started(self, error: UserError) -> None:
        self._starting = False
        self.window.banner.show_user_error(error)

    def _open(self, start: PaymentStart) -> None:
        self._starting = False
        self.paper_mm = start.settings.paper_mm
        set_shop_printer(start.settings.printer, start.settings.open_drawer)
        self.state.set_shift(start.shift)
        if start.shift is None:
            self.window.banner.show_user_error(CounterError("no_open_shift"))
            return
        self._start = start
        bd, view = start.breakdown, start.view
        context = PaymentContext(
            payable=bd.payable,
            member_name=view.detail.name if view else None,
            sv_available=view.detail.stored_value if view else None,
            points=bd.points,
            coupons=start.coupons,
            require_password=start.settings.require_payment_password,
            spend_order=start.settings.spend_order,
            tick_best_coupon=start.settings.tick_best_coupon,
        )
        self.window.banner.clear()
        dialog = PaymentDialog(context, self.window)
        dialog.submitted.connect(self._submit)
        dialog.coupons_changed.connect(self._reprice)
        dialog.finished.connect(lambda _code: self._closed(dialog))
        self.dialog = dialog
        dialog.open()
        dialog.use_shop_rule()

    def _closed(self, dialog: PaymentDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
            self._start = None
        dialog.deleteLater()
        if self.receipt is None:
            self.window.focus_entry()

    # -- inside the dialog ----------------------------------------------------------------
    def card_presented(self, error: UserError) -> None:
        """A card (or a read error) while the payment is open: say so, change nothing."""
        if self.dialog is not None:
            self.dialog.show_message(error)

    def _member(self) -> tuple[int | None, str | None]:
        view = self._start.view if self._start is not None else None
        return (view.detail.id, view.member_no) if view is not None else (None, None)

    def _reprice(self, codes: tuple[str, ...]) -> None:
        dialog, actor = self.dialog, self.state.actor
        if dialog is None or actor is None:
            return
        member_id, _ = self._member()

        def done(bd: PriceBreakdown) -> None:
            if self.dialog is dialog:
                dialog.set_repriced(bd.payable, bd.points)

        def refused(error: UserError) -> None:
            if self.dialog is dialog:
                dialog.reprice_failed(error, error.params.get("coupon"))

        self._tasks["reprice"] = self.runner.call(
            job("quote"), actor, self.cart.items, member_id, codes, self.cart.order_discount,
            on_done=done, on_user_error=refused,
        )

    def _submit(self, choice: PaymentInput) -> None:
        dialog, actor = self.dialog, self.state.actor
        if dialog is None or actor is None:
            return
        member_id, member_no = self._member()
        order = PaymentOrder(
            self.cart.sale_id, self.cart.items, member_id, member_no, choice.coupon_codes,
            choice.tenders, choice.password, self.cart.order_discount, self.cart.approval_id,
        )
        log.info("checkout %s: %s", order.client_id, [(k, a.yuan()) for k, a in order.tenders])
        self._tasks["pay"] = self.runner.call(
            job("pay"), actor, order, on_done=self._paid, on_user_error=dialog.payment_failed
        )

    def _unstick(self, task: Task) -> None:
        """A call of ours that failed with a bug (the crash dialog has it): the
        dialog must not stay waiting for an answer that will not come."""
        purpose = next((p for p, t in self._tasks.items() if t is task), None)
        if purpose is None:
            return
        del self._tasks[purpose]
        if task.error is None or isinstance(task.error, UserError):
            return
        if purpose == "start":
            self._starting = False
        elif self.dialog is not None:
            self.dialog.set_busy(False)
            if purpose == "reprice":
                self.dialog.reprice_failed(None, None)

    # -- after the payment ------------------------------------------------------------------
    def _paid(self, paid: Paid) -> None:
        result = paid.result
        log.info("sale %s paid (replayed: %s)", result.sale_no, result.replayed)
        self.cart.clear()
        self.lookup.clear()
        receipt = ReceiptDialog(result, self.paper_mm, self.window)
        receipt.print_requested.connect(self.print_receipt)
        receipt.finished.connect(lambda _code: self._receipt_closed(receipt))
        self.receipt = receipt
        if self.dialog is not None:
            self.dialog.accept()
        receipt.open()
        self.state.sale_completed.emit(result)
        if paid.view is not None:
            self.state.member_balances_changed.emit(paid.view.detail)
        self.paid.emit(result)
        if self.printing.configured():
            self.print_receipt(receipt.receipt_text())

    def _receipt_closed(self, receipt: ReceiptDialog) -> None:
        if self.receipt is receipt:
            self.receipt = None
        receipt.deleteLater()
        self.window.focus_entry()

    def print_receipt(self, text: str) -> None:
        receipt = self.receipt
        self.printing.print_text(text, receipt,
                                 lambda: receipt is not None and self.receipt is receipt)
