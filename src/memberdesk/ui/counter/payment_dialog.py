"""The payment dialog (收款): split tenders from the keyboard.

F1 stored value, F2 points, F3 cash, F4 bank card, F5 WeChat, F6 Alipay put the
focus in that method's field, filled with what is left to pay (capped by the
balance); F7 goes to the member's coupons (:mod:`.payment_coupons`: Space ticks one and
re-prices, Shift+F7 ticks the best; one for this sale left unticked is said above the
amounts). What is left, or the change, is shown after every key. Enter confirms once
it is covered; else Enter in an empty field fills it with what is left. Esc cancels.

Stored value covering the sale opens filled in (F12, Enter pays) and keeps what points
leave. A view: it emits :attr:`submitted`; the controller reports :meth:`payment_failed`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from memberdesk.money import Money
from memberdesk.services.shared.errors import UserError, ValidationError
from memberdesk.ui.common import fmt, widgets
from memberdesk.ui.counter import keys
from memberdesk.ui.counter.payment_coupons import CouponList, CouponNotice
from memberdesk.ui.counter.tender_rows import (
    MEMBER_ONLY,
    TENDERS,
    TenderRow,
    give_way,
    render_notes,
    split_problem,
    split_totals,
    stored_value_keeps_the_rest,
)
from memberdesk.ui.dialogs.base import restyle
from memberdesk.ui.shell.i18n import Retranslating, add_language_key, normalise

if TYPE_CHECKING:
    from memberdesk.services.checkout.coupon_choices import CouponChoice
    from memberdesk.services.pricing.prices import PointsQuote

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


@dataclass(frozen=True)
class PaymentContext:
    payable: Money
    member_name: str | None = None  # None: a walk-in sale
    sv_available: Money | None = None
    points: PointsQuote | None = None
    coupons: tuple[CouponChoice, ...] = ()  # best for this cart first
    require_password: bool = False
    spend_order: str = "bonus_first"  # stored_value.spend_order
    tick_best_coupon: bool = False  # checkout.tick_best_coupon


@dataclass(frozen=True)
class PaymentInput:
    tenders: tuple[tuple[str, Money], ...]  # (TenderKind value, amount handed over)
    password: str | None = None
    coupon_codes: tuple[str, ...] = field(default=())


class PaymentDialog(Retranslating, QDialog):
    submitted = Signal(object)  # PaymentInput
    coupons_changed = Signal(object)  # tuple of coupon codes now ticked

    def __init__(self, context: PaymentContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        add_language_key(self)
        self.setObjectName("paymentDialog")
        self.setModal(True)
        self._context = context
        self._payable = context.payable
        self._points = context.points
        self._busy = self._repricing = False
        self._touched = False  # the cashier chose amounts (no more automatic fills)
        self._auto: str | None = None  # the row filled automatically, until touched
        self._message: UserError | None = None

        self.due_caption = QLabel()
        self.due_caption.setObjectName("paymentDueCaption")
        self.due_value = QLabel()
        self.due_value.setObjectName("paymentDue")
        self.member_line = QLabel()
        self.member_line.setObjectName("paymentMember")
        self.member_line.setWordWrap(True)

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(2, 1)
        self.rows: dict[str, TenderRow] = {}
        for index, (kind, key) in enumerate(TENDERS):
            row = TenderRow(kind, key, grid, index, self)
            row.activated.connect(self.activate)
            row.edited.connect(self._edited)
            self.rows[kind] = row

        self.coupon_caption = QLabel()
        self.coupon_list = CouponList(context.coupons)
        self.coupon_list.itemChanged.connect(self._coupon_ticked)
        self.coupon_notice = CouponNotice(self.coupon_list)
        self.coupon_action = widgets.key_action(self, keys.COUPON, self._focus_coupons)
        self.best_coupon_action = widgets.key_action(self, keys.BEST_COUPON, self._tick_best_coupon)

        self.password_caption = QLabel()
        self.password = QLineEdit()
        self.password.setObjectName("paymentPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(6)
        self.password_caption.setBuddy(self.password)

        self.summary = QLabel()
        self.summary.setObjectName("paymentSummary")
        self.summary.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("paymentMessage")
        self.message.setWordWrap(True)
        self.confirm_button = QPushButton()
        self.confirm_button.setObjectName("primaryButton")
        self.confirm_button.clicked.connect(self.confirm)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel)
        for button in (self.confirm_button, self.cancel_button):
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._lay_out(grid)
        self._set_up_rows()
        self.retranslate()
        self._prefill()

    def _lay_out(self, grid: QGridLayout) -> None:
        who = QVBoxLayout()  # the member under "Amount due": a line saved (768 high)
        who.setSpacing(2)
        who.addWidget(self.due_caption)
        who.addWidget(self.member_line)
        top = QHBoxLayout()
        top.addLayout(who, 1)
        top.addWidget(self.due_value, 0, Qt.AlignmentFlag.AlignVCenter)
        password_row = QHBoxLayout()
        password_row.addWidget(self.password_caption)
        password_row.addWidget(self.password, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(24, 14, 24, 14)
        column.setSpacing(8)
        column.addLayout(top)
        column.addLayout(grid)
        column.addWidget(self.coupon_caption)
        column.addWidget(self.coupon_list)
        column.addLayout(password_row)
        column.addWidget(self.coupon_notice)
        column.addWidget(self.summary)
        column.addWidget(self.message)
        column.addLayout(buttons)
        for widget in (self.coupon_caption, self.coupon_list):
            widget.setVisible(bool(self._context.coupons))
        self.coupon_action.setEnabled(bool(self._context.coupons))
        self.best_coupon_action.setEnabled(self.coupon_list.best is not None)
        self._show_password(False)
        self.setMinimumWidth(720)  # the notes beside the fields in two lines at most (English)

    def _set_up_rows(self) -> None:
        walk_in = self._context.member_name is None
        for kind in MEMBER_ONLY:
            self.rows[kind].set_enabled(not walk_in)
        self.rows["stored_value"].cap = self._context.sv_available
        if not walk_in and not self._context.sv_available:
            self.rows["stored_value"].set_enabled(False)
        self._set_points_cap()

    def _set_points_cap(self) -> None:
        quote = self._points
        row = self.rows["points"]
        row.cap = quote.max_value if quote is not None else Money(0)
        row.set_enabled(quote is not None and quote.max_value.fen > 0)

    def _prefill(self) -> None:
        """All from stored value when it covers the sale, else all in cash. The
        filled row gives way as soon as the cashier picks another method."""
        for row in self.rows.values():
            row.clear()
        sv = self._context.sv_available
        self._auto = "stored_value" if sv is not None and sv >= self._payable else "cash"
        if self._payable.fen == 0:
            self._auto = None
            self.rows["cash"].field.setFocus()
        else:
            self.rows[self._auto].fill(self._payable)
        self._render()

    # -- the controller's side ------------------------------------------------------------
    @property
    def payable(self) -> Money:
        return self._payable

    def coupon_codes(self) -> tuple[str, ...]:
        return self.coupon_list.codes()

    def use_shop_rule(self) -> None:  # checkout.tick_best_coupon, once the flow listens
        if self._context.tick_best_coupon:
            self._tick_best_coupon()

    def set_repriced(self, payable: Money, points: PointsQuote | None) -> None:
        """The sale re-priced with the coupons now ticked (typed amounts stay)."""
        self._repricing = False
        self._payable, self._points = payable, points
        self._set_points_cap()
        if self._touched:
            stored_value_keeps_the_rest(self.rows, self._payable)  # one filled in follows
            self._render()
        else:
            self._prefill()

    def reprice_failed(self, error: UserError | None, code: str | None) -> None:
        """A ticked coupon cannot apply: untick it (all, without a code) and say why."""
        self._repricing = False
        self.coupon_list.untick(code)
        self.show_message(error)

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.confirm_button, self.cancel_button, self.coupon_list, self.password):
            widget.setEnabled(not busy)
        for row in self.rows.values():
            row.field.setReadOnly(busy)
        self._render()

    def payment_failed(self, error: UserError) -> None:
        self.set_busy(False)
        self.show_message(error)
        if error.code.startswith("payment_password"):
            self._show_password(True)
            self.password.setFocus()
            self.password.selectAll()

    def show_message(self, error: UserError | None) -> None:
        """A non-blocking message inside the dialog (None clears it)."""
        self._message = error
        self._render_message()

    # -- keys ----------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in ENTER_KEYS:
            self._enter()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            return
        super().keyPressEvent(event)

    def activate(self, kind: str) -> None:
        """F1–F6 (or a touch on the method): this method pays what is left."""
        if self._busy:
            return
        row = self.rows[kind]
        if not row.field.isEnabled():
            return
        self._touched = True
        auto, self._auto = self._auto, None
        if auto is not None and auto != kind:
            give_way(self.rows, auto, row, self._payable)  # stored value keeps the rest
        if not row.field.text():
            others = split_totals(self._payable, [r for r in self.rows.values() if r is not row])
            row.fill(others.remaining)
        else:
            row.field.setFocus()
            row.field.selectAll()
        self._render()

    def _enter(self) -> None:
        if self._busy or self._repricing:
            return
        totals = split_totals(self._payable, list(self.rows.values()))
        focused = next((r for r in self.rows.values() if r.field.hasFocus()), None)
        if not totals.covered and focused is not None and not focused.field.text():
            self.activate(focused.kind)
            return
        self.confirm()

    def confirm(self) -> None:
        if self._busy or self._repricing:
            return
        problem = split_problem(self._payable, list(self.rows.values()))
        if problem is not None:
            self.show_message(problem)
            return
        sv_used = self.rows["stored_value"].amount.fen > 0
        if sv_used and self._context.require_password and not self.password.text():
            self._show_password(True)
            self.password.setFocus()
            self.show_message(ValidationError("payment_password_required"))
            return
        tenders = tuple(
            (kind, row.amount) for kind, row in self.rows.items() if row.amount.fen > 0
        )
        password = self.password.text() if self.password.isVisible() else None
        self.show_message(None)
        self.set_busy(True)
        self.submitted.emit(PaymentInput(tenders, password or None, self.coupon_codes()))

    def cancel(self) -> None:
        if not self._busy:
            self.reject()

    # -- reacting --------------------------------------------------------------------------
    def _edited(self, kind: str) -> None:
        self._touched = True
        self._auto = None if kind == self._auto else self._auto
        if kind == "points":  # more or fewer points: stored value filled in keeps the rest
            stored_value_keeps_the_rest(self.rows, self._payable)
        if self._message is not None and self._message.code != "card_during_payment":
            self.show_message(None)
        self._render()

    def _focus_coupons(self) -> None:
        if not self._busy:
            self.coupon_list.go_to()

    def _tick_best_coupon(self) -> None:
        if not self._busy:
            self.coupon_list.tick_best()

    def _coupon_ticked(self, _item: QListWidgetItem) -> None:
        self._repricing = True
        self._render()
        self.coupons_changed.emit(self.coupon_codes())

    def _show_password(self, shown: bool) -> None:
        self.password_caption.setVisible(shown)
        self.password.setVisible(shown)

    # -- texts --------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Payment"))
        self.due_caption.setText(self.tr("Amount due"))
        name = self._context.member_name
        self.member_line.setText(self.tr("Walk-in sale (no member)") if name is None
                                 else self.tr("Member: {name}").format(name=name))
        for row in self.rows.values():
            row.retranslate()
        self.coupon_caption.setText(self.tr(
            "F7  Coupons, best first (Space ticks one; Shift+F7 uses the first)"))
        self.password_caption.setText(self.tr("Member's payment &password"))
        self.password.setPlaceholderText(self.tr("4–6 digits"))
        self.confirm_button.setText(self.tr("Take payment (Enter)"))
        self.cancel_button.setText(self.tr("Cancel (Esc)"))
        self._render()

    def _render(self) -> None:
        self.due_value.setText(fmt.money(self._payable))
        rows = list(self.rows.values())
        totals = split_totals(self._payable, rows)
        render_notes(self.rows, self._payable, self._context.member_name is None, self._points,
                     self._context.spend_order)
        if self._busy:
            text, state = self.tr("Taking the payment…"), "busy"
        elif self._repricing:
            text, state = self.tr("Applying the coupons…"), "busy"
        elif totals.change.fen and (refused := split_problem(self._payable, rows)) is not None:
            text, state = refused.message(normalise(QLocale().name())), "due"  # no change
        elif totals.change.fen:
            text = self.tr("Paid {paid} · Change {change}").format(
                paid=fmt.money(totals.paid), change=fmt.money(totals.change))
            state = "change"
        elif totals.covered:
            text, state = self.tr("Paid in full: press Enter"), "done"
        else:
            text = self.tr("Paid {paid} · Still to pay {left}").format(
                paid=fmt.money(totals.paid), left=fmt.money(totals.remaining)
            )
            state = "due"
        self.summary.setText(text)
        if self.summary.property("state") != state:
            self.summary.setProperty("state", state)
            restyle(self.summary)
        self.coupon_notice.retranslate()  # shown while a coupon for the sale is unticked
        self._render_message()

    def _render_message(self) -> None:
        lang = normalise(QLocale().name())
        self.message.setText("" if self._message is None else self._message.message(lang))
        self.message.setVisible(self._message is not None)
