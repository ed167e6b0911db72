"""The main counter: lookup, cart, payment, the card reader and the status bar.

It owns the counter's controllers and wires them to each other, to the shared
:class:`~memberdesk.ui.counter.state.CounterState`, to the card reader bridge and to the keys:
F2 find, F12 pay, Esc clear (first the typing, then the member, then the cart),
``+``/``-``/Del on the selected line. After a member is found the typing goes to
the scan (product) field, never to the plain amount.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from memberdesk.money import Money
from memberdesk.ui.counter.cart_controller import CartController
from memberdesk.ui.counter.cart_restore import CartRestore
from memberdesk.ui.counter.discount_controller import DiscountController
from memberdesk.ui.counter.discount_labels import discount_label
from memberdesk.ui.counter.errors import CounterError
from memberdesk.ui.counter.lookup_controller import LookupController
from memberdesk.ui.counter.payment_flow import PaymentFlow
from memberdesk.ui.counter.suggestion_bar import SuggestionController
from memberdesk.ui.counter.wedge import WedgeDetector
from memberdesk.ui.counter.work_names import job
from memberdesk.ui.shell.printer_setup import configured_printer, set_shop_printer

if TYPE_CHECKING:
    from memberdesk.services.catalog.products import ProductInfo
    from memberdesk.services.shared.context import Actor
    from memberdesk.services.shifts.shift import ShiftSummary
    from memberdesk.ui.counter.main_window import MainWindow
    from memberdesk.ui.counter.reader_bridge import ReaderBridge
    from memberdesk.ui.counter.state import CounterState
    from memberdesk.ui.counter.work import BackupInfo, MemberView, SessionInfo
    from memberdesk.ui.shell.i18n import Translations
    from memberdesk.ui.shell.tasks import TaskRunner

log = logging.getLogger(__name__)

BACKUP_CHECK_MS = 10 * 60 * 1000
UNPLUGGED = ("no_reader", "no_service")


class CounterController(QObject):
    def __init__(
        self,
        window: MainWindow,
        runner: TaskRunner,
        state: CounterState,
        reader: ReaderBridge,
        i18n: Translations,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.window = window
        self.runner = runner
        self.state = state
        self.reader = reader
        self.lookup = LookupController(window, runner, state, self)
        self.cart = CartController(window, runner, state, self)
        self.lookup.cart_is_empty = lambda: self.cart.is_empty
        self.cart_restore = CartRestore(  # Esc that emptied the cart, taken back by Ctrl+Z
            self.cart, window.banner,
            (window.lookup, window.cart_panel.product_field, window.cart_panel.amount_field), self)
        # Keys typed ahead keep the time they were typed on the wedge detectors' clock.
        window.type_ahead.clock = lambda: self.lookup.wedge.clock()
        self.payment = PaymentFlow(window, runner, state, self.cart, self.lookup, self)
        self.discounts = DiscountController(window, runner, state, self.cart, self)
        self.payment.approve_first = self.discounts.ask_approval
        self.suggestions = SuggestionController(window, runner, self.lookup, self.cart, self)
        self._backup_timer = QTimer(self)
        self._backup_timer.setInterval(BACKUP_CHECK_MS)
        self._backup_timer.timeout.connect(self.refresh_backup)
        window.destroyed.connect(self._backup_timer.stop)  # no refresh of a deleted window

        self.lookup.member_selected.connect(self._member_selected)
        self.lookup.product_scanned.connect(self._product_scanned)
        self.cart.scan_requested.connect(lambda text: self.lookup.scan(text, product_first=True))
        self.cart.changed.connect(self._render_totals)
        self.lookup.wedge.scanned.connect(window.card_presented)
        window.pay_requested.connect(self.payment.start)
        window.clear_requested.connect(self.escape)
        state.shift_changed.connect(self._shift_changed)
        self.payment.printer_state_changed.connect(window.status.set_printer_state)
        i18n.language_changed.connect(lambda _lang: self._render_discounts())
        reader.status_changed.connect(self._reader_status)
        reader.card_inserted.connect(self._card)
        reader.read_failed.connect(self._read_failed)
        window.status.set_reader_state(reader.status)

    @property
    def wedges(self) -> tuple[WedgeDetector, ...]:
        """The keyboard-wedge detectors of the lookup, product and amount fields."""
        return (self.lookup.wedge, self.cart.wedge, self.cart.amount_wedge)

    # -- the session ------------------------------------------------------------------------
    def start_session(self, actor: Actor) -> None:
        self.state.set_actor(actor)
        self.window.status.set_printer_state("ready" if configured_printer() else "none")
        self.runner.call(job("session_info"), actor, on_done=self._session_loaded)
        self.refresh_backup()
        self._backup_timer.start()
        self.cart.requote()

    def reload_settings(self) -> None:
        """The owner changed the settings: the wedge, the plain-amount line and the
        printer follow at once."""
        if self.state.actor is not None:
            self.runner.call(job("session_info"), self.state.actor, on_done=self._session_loaded)

    def stop_timers(self) -> None:
        self._backup_timer.stop()

    def end_session(self) -> None:
        self.stop_timers()
        self.cart.clear()
        self.cart_restore.forget()  # the next cashier's Ctrl+Z brings back nothing
        self.lookup.clear()
        self.state.set_shift(None)
        self.state.set_actor(None)
        self.window.status.clear_session()

    def _session_loaded(self, info: SessionInfo) -> None:
        for detector in self.wedges:
            detector.max_interval_ms = info.settings.wedge_max_interval_ms
            detector.min_length = info.settings.wedge_min_length
        self.payment.paper_mm = info.settings.paper_mm
        set_shop_printer(info.settings.printer, info.settings.open_drawer)
        self.window.status.set_printer_state("ready" if configured_printer() else "none")
        self.cart.confirm_above = Money(info.settings.plain_amount_confirm_fen)
        self.window.member_panel.card.set_spend_order(info.settings.spend_order)
        self.state.set_shift(info.shift)

    def refresh_backup(self) -> None:
        self.runner.call(job("backup_info"), on_done=self._backup_loaded)

    def _backup_loaded(self, info: BackupInfo | None) -> None:
        if info is not None:
            self.window.status.set_backup(info.last_good_at, info.age_seconds, info.stale)

    def _shift_changed(self, shift: ShiftSummary | None) -> None:
        if self.state.actor is not None:
            self.window.status.set_shift(shift.shift_no if shift is not None else None)

    # -- member and items ---------------------------------------------------------------------
    def _member_selected(self, view: MemberView) -> None:
        del view
        self.window.focus_entry()

    def _product_scanned(self, product: ProductInfo) -> None:
        self.cart.add_product(product)
        if not self.window.cart_panel.amount_field.hasFocus():
            self.window.focus_field(self.window.cart_panel.product_field)

    def escape(self) -> None:
        """Esc: clear the typing; then the member; then the cart (Ctrl+Z brings it back)."""
        w = self.window
        fields = (w.lookup, w.cart_panel.product_field, w.cart_panel.amount_field)
        w.banner.clear()
        if any(f.text() for f in fields):
            for f in fields:
                f.clear()
        elif self.lookup.view is not None or self.state.member is not None:
            self.lookup.clear()
        elif not self.cart.is_empty:
            self.cart_restore.clear()  # Ctrl+Z brings it back
        w.focus_lookup()

    def _render_totals(self) -> None:
        panel = self.window.totals_panel
        bd = self.cart.breakdown
        count = self.cart.model.item_count
        if bd is not None:
            panel.set_totals(count, bd.gross, -bd.discount_total, bd.payable)
        else:  # until the service has priced the change: the prices as entered
            gross = Money(sum(i.unit_price.fen * i.qty for i in self.cart.items))
            panel.set_totals(count, gross, Money(0), gross)
        self._render_discounts()

    def _render_discounts(self) -> None:
        """The discounts as the pricing service explained them, in this language."""
        bd = self.cart.breakdown
        self.window.totals_panel.set_discounts(
            [(discount_label(d.kind, d.label, bd.tier_name), d.amount) for d in bd.discounts]
            if bd is not None
            else []
        )

    # -- the card reader --------------------------------------------------------------------------
    def _card(self, uid: str) -> None:
        self.window.card_presented.emit(uid)
        if self.state.actor is None or not self.window.isVisible():
            return
        if self.payment.is_open:
            self.payment.card_presented(CounterError("card_during_payment"))
            return
        if self.payment.receipt is not None:
            self.payment.receipt.accept()  # the next customer: the receipt is done
        if QApplication.activeModalWidget() is not None:
            return  # a dialog (a counter task, the receipt) has the counter
        self.lookup.scan(uid, product_first=False, keep_member=True)

    def _read_failed(self, reason: str) -> None:
        """A card that could not be read: said; the member on the sale stays."""
        error = CounterError("card_pulled" if reason == "card_removed" else "card_read_failed")
        if self.payment.is_open:
            self.payment.card_presented(error)
        else:
            self.lookup.kept_notice(error)

    def _reader_status(self, status: str) -> None:
        previous = self.window.status.reader_state
        self.window.status.set_reader_state(status)
        if status in UNPLUGGED and previous in ("ready", "card_present"):
            code = "reader_unplugged" if status == "no_reader" else "reader_service_down"
            log.warning("card reader: %s", status)
            self.lookup.kept_notice(CounterError(code))
