"""F5 交班: open a shift with a float, put cash in or take it out, count and close.

Pages: no shift -> "open" (float, Enter: the shift opens and the dialog closes, so
what the cashier types next, the next customer's phone, reaches the counter, which
says the shift started in its message strip; typed at once, while the shift is
being opened, it waits for the counter's lookup: ui/counter/type_ahead.py); an open shift -> "overview" (figures,
cash in/out with a reason, Enter records it; F5 again goes to counting) ->
"count" (Enter closes) -> "result" (the difference, as far as this staff member
may see it: a blind close hides the expected amounts from a cashier).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QStackedWidget, QWidget
from shiboken6 import isValid

from memberdesk.models.enums import CashMoveKind
from memberdesk.services.shifts.shift import ShiftSummary
from memberdesk.ui.common import fmt
from memberdesk.ui.common.widgets import PickerBox
from memberdesk.ui.shell.i18n import QT_TRANSLATE_NOOP
from memberdesk.ui.shell.tasks import TaskRunner

from .base import ERROR, OK, AmountEdit, TaskDialog
from .shift_close import ShiftCountView, ShiftResultView

OPEN, OVERVIEW, COUNT, RESULT = range(4)
OPENED = QT_TRANSLATE_NOOP("ShiftDialog", "Shift {number} started, float {amount}. Ready to sell.")


def opened_text(summary: ShiftSummary) -> str:
    """What the counter says once a shift is open, in the current language."""
    return QCoreApplication.translate("ShiftDialog", OPENED).format(
        number=summary.shift_no, amount=fmt.money(summary.opening_float))


def current(db: Any, actor: Any) -> ShiftSummary | None:
    from memberdesk.services.shifts.shift import current_shift

    return current_shift(db, actor)


def open_it(db: Any, actor: Any, opening_float: Any) -> ShiftSummary:
    from memberdesk.services.shifts.shift import open_shift

    return open_shift(db, actor, opening_float)


def move(db: Any, actor: Any, kind: CashMoveKind, amount: Any, reason: str) -> ShiftSummary:
    from memberdesk.services.shifts.shift import cash_move

    return cash_move(db, actor, kind, amount, reason)


def close_it(db: Any, actor: Any, counted: Any, note: str) -> ShiftSummary:
    """Refused while this till has offline sales not yet sent (网络版)."""
    from memberdesk.services.offline.send import close_shift_at_till

    return close_shift_at_till(db, actor, counted, note)


def counter_type_ahead(dialog: QWidget) -> Any:
    """The type-ahead of the counter window under ``dialog`` (``MainWindow.type_ahead``,
    ui/counter/type_ahead.py), or None (no counter under it)."""
    widget = dialog.parentWidget()
    while widget is not None and getattr(widget, "type_ahead", None) is None:
        widget = widget.parentWidget()
    return None if widget is None else widget.type_ahead  # type: ignore[attr-defined]


def _form() -> QFormLayout:
    form = QFormLayout()
    form.setHorizontalSpacing(16)
    form.setVerticalSpacing(8)
    return form


class ShiftDialog(TaskDialog):
    shift_changed = Signal(object)  # ShiftSummary | None
    opened = Signal(object)  # ShiftSummary: the shift was opened (and the dialog closed)

    def __init__(self, runner: TaskRunner, actor: Any, parent: QWidget | None = None) -> None:
        super().__init__(runner, actor, parent, name="shiftDialog")
        self.summary: ShiftSummary | None = None
        self.loaded = False
        self.pages = QStackedWidget()

        page = QWidget()
        form = _form()
        page.setLayout(form)
        self.open_intro = QLabel()
        self.open_intro.setWordWrap(True)
        self.float_amount = AmountEdit()
        self.float_amount.setObjectName("openingFloat")
        self.float_label = QLabel()
        self.float_label.setBuddy(self.float_amount)
        form.addRow(self.open_intro)
        form.addRow(self.float_label, self.float_amount)
        self.pages.addWidget(page)

        page = QWidget()
        form = _form()
        page.setLayout(form)
        self.figures = QLabel()
        self.figures.setObjectName("shiftFigures")
        self.figures.setWordWrap(True)
        self.move_kind = PickerBox()
        self.move_kind.setObjectName("cashMoveKind")
        self.move_kind.addItem("", CashMoveKind.CASH_IN.value)
        self.move_kind.addItem("", CashMoveKind.CASH_OUT.value)
        self.move_amount = AmountEdit()
        self.move_amount.setObjectName("cashMoveAmount")
        self.move_reason = QLineEdit()
        self.move_reason.setObjectName("cashMoveReason")
        self.move_reason.setMaxLength(200)
        self.kind_label, self.move_amount_label, self.reason_label = QLabel(), QLabel(), QLabel()
        self.kind_label.setBuddy(self.move_kind)
        self.move_amount_label.setBuddy(self.move_amount)
        self.reason_label.setBuddy(self.move_reason)
        form.addRow(self.figures)
        form.addRow(self.kind_label, self.move_kind)
        form.addRow(self.move_amount_label, self.move_amount)
        form.addRow(self.reason_label, self.move_reason)
        self.pages.addWidget(page)

        self.count_view = ShiftCountView()
        self.pages.addWidget(self.count_view)
        self.result_view = ShiftResultView()
        self.pages.addWidget(self.result_view)
        self.body.addWidget(self.pages, 1)

        self.open_button = self.add_button(self.submit_open, primary=True)
        self.move_button = self.add_button(self.submit_move)
        self.to_count_button = self.add_button(self.go_count, primary=True)
        self.close_shift_button = self.add_button(self.submit_close, primary=True)
        self.count_action = QAction(self)
        self.count_action.setShortcut(QKeySequence("F5"))
        self.count_action.triggered.connect(self.go_count)
        self.addAction(self.count_action)
        self.setMinimumWidth(640)
        self.retranslate()
        self._show_page(OPEN)
        self.open_button.setEnabled(False)
        self.call(current, self.actor, on_done=self._loaded)

    # -- pages ----------------------------------------------------------------------------
    def _show_page(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        for button, on in ((self.open_button, OPEN), (self.move_button, OVERVIEW),
                           (self.to_count_button, OVERVIEW), (self.close_shift_button, COUNT)):
            button.setVisible(page == on)
        focus = {OPEN: self.float_amount, OVERVIEW: self.move_amount, COUNT: self.count_view.cash,
                 RESULT: self.close_button}[page]
        focus.setFocus()

    @property
    def page(self) -> int:
        return self.pages.currentIndex()

    def _loaded(self, summary: ShiftSummary | None) -> None:
        self.loaded = True
        self._set_summary(summary)
        self._show_page(OVERVIEW if summary is not None else OPEN)

    def _set_summary(self, summary: ShiftSummary | None) -> None:
        self.summary = summary
        self.retranslate()

    def update_state(self) -> None:
        self.open_button.setEnabled(self.loaded)

    def go_count(self) -> None:
        if self.page == OVERVIEW and self.summary is not None and not self.busy:
            self.clear_message()
            self.count_view.set_summary(self.summary)
            self._show_page(COUNT)

    def enter_pressed(self) -> None:
        if self.page == OPEN:
            self.submit_open()
        elif self.page == OVERVIEW:
            if self.focusWidget() is self.move_amount and not self.move_reason.text().strip():
                self.move_reason.setFocus()
            else:
                self.submit_move()
        elif self.page == COUNT:
            self.submit_close()
        else:
            self.accept()

    # -- actions ----------------------------------------------------------------------------
    def submit_open(self) -> None:
        if not self.loaded or self.busy:
            return
        amount = self.read_amount(self.float_amount, lambda: self.tr("Type the opening float (0 for none)."))
        if amount is not None:
            keys = counter_type_ahead(self)
            if keys is not None:
                keys.hand_over(self)  # what is typed from now on is the next customer's phone
            self.call(open_it, self.actor, amount, on_done=self._opened,
                      on_finally=lambda: self._keys_back(keys))

    def _keys_back(self, keys: Any) -> None:
        """The shift did not open (the dialog is still up, saying why): the keys typed
        meanwhile are dropped, none goes to the float; the dialog has the keys again."""
        opened = isValid(self) and self.page == OPEN and self.summary is not None
        if keys is not None and isValid(keys) and not opened:
            keys.drop()

    def _opened(self, summary: ShiftSummary) -> None:
        """The shift is open: nothing more to do here, the counter takes the keys."""
        self._set_summary(summary)
        self.shift_changed.emit(summary)
        self.opened.emit(summary)
        # Closed on the next turn of the event loop: the keys typed while the shift was
        # being opened, and not yet read, come here first (the type-ahead holds them for
        # the counter); read once this window is gone they would be lost (issue 11).
        QTimer.singleShot(0, self, self._to_the_counter)

    def _to_the_counter(self) -> None:
        under = self.parentWidget()
        if under is not None:
            # The keyboard to the counter before this window goes: without a window
            # manager, keys typed between the two would reach nobody.
            under.window().activateWindow()
        self.accept()

    def submit_move(self) -> None:
        if self.busy or self.summary is None:
            return
        amount = self.read_amount(self.move_amount, lambda: self.tr("Type the amount of cash."))
        if amount is None:
            return
        reason = self.require_text(self.move_reason, lambda: self.tr("Please give a reason."))
        if reason is None:
            return
        kind = CashMoveKind(self.move_kind.currentData())
        self.call(move, self.actor, kind, amount, reason, on_done=self._moved)

    def _moved(self, summary: ShiftSummary) -> None:
        self._set_summary(summary)
        self.move_amount.clear()
        self.move_reason.clear()
        self.move_amount.setFocus()
        self.say(lambda: self.tr("Recorded."), OK)
        self.shift_changed.emit(summary)

    def submit_close(self) -> None:
        if self.busy or self.summary is None:
            return
        if not self.count_view.cash.text().strip():
            self.say(lambda: self.tr("Count the cash first: type the amount in the drawer."), ERROR)
            self.count_view.cash.setFocus()
            return
        counted = self.count_view.counted(
            lambda field: self.read_amount(field, lambda: self.tr("Type the amount counted."))
        )
        if counted is None:
            return
        note = " ".join(self.count_view.note.text().split())
        self.call(close_it, self.actor, counted, note, on_done=self._closed)

    def _closed(self, summary: ShiftSummary) -> None:
        self._set_summary(summary)
        self.result_view.set_summary(summary)
        self.work_done()  # the shift is closed: the Esc button reads Done
        self.clear_message()
        self._show_page(RESULT)
        self.shift_changed.emit(None)

    # -- texts ------------------------------------------------------------------------------
    def _figures_text(self) -> str:
        s = self.summary
        if s is None:
            return ""
        rows = [
            self.tr("Shift {number}, opened {when}").format(
                number=s.shift_no, when=fmt.datetime_text(s.opened_at)),
            self.tr("Opening float: {amount}").format(amount=fmt.money(s.opening_float)),
            self.tr("Sales: {count}, {amount}").format(
                count=fmt.number(s.sales_count), amount=fmt.money(s.sales_total)),
            self.tr("Refunds: {amount}    Recharges: {recharges}").format(
                amount=fmt.money(s.refunds_total), recharges=fmt.money(s.recharges_total)),
            self.tr("Cash in: {cash_in}    Cash out: {cash_out}").format(
                cash_in=fmt.money(s.cash_in), cash_out=fmt.money(s.cash_out)),
        ]
        return "\n".join(rows)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Shift"))
        self.heading.setText(self.tr("Shift") if self.summary is None
                             else self.tr("Shift {number}").format(number=self.summary.shift_no))
        self.open_intro.setText(
            self.tr("Loading…") if not self.loaded
            else self.tr("No shift is open. Count the float in the drawer and open a shift "
                         "to take payments."))
        self.float_label.setText(self.tr("Opening &float"))
        self.figures.setText(self._figures_text())
        self.kind_label.setText(self.tr("Cash &in or out"))
        self.move_kind.setItemText(0, self.tr("Put cash in (float)"))
        self.move_kind.setItemText(1, self.tr("Take cash out"))
        self.move_amount_label.setText(self.tr("&Amount"))
        self.reason_label.setText(self.tr("&Reason"))
        self.move_reason.setPlaceholderText(self.tr("Why (required)"))
        self.open_button.setText(self.tr("Open shift (Enter)"))
        self.move_button.setText(self.tr("Record cash in/out (Enter)"))
        self.to_count_button.setText(self.tr("Count and close (F5)"))
        self.close_shift_button.setText(self.tr("Close shift (Enter)"))
        super().retranslate()
