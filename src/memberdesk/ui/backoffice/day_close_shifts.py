"""日结 → 代交班: the shifts still open at this store, listed above the day's figures
while there are any (cashier, shift No., opened at, cash expected). A manager picks one
(arrow keys) and presses Enter or "Close for them": the count form of a shift close
(cash required, the other methods as expected unless typed, a note), Enter closes the
shift in the manager's name (audited as 代交班) and shows the difference; the list
then refreshes and the day can be closed. The rules are the service's:
:func:`memberdesk.services.shifts.shift.close_shift_for`."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from memberdesk.models.enums import TenderKind
from memberdesk.services.shifts.shift import ShiftSummary, close_shift_for
from memberdesk.ui.common import fmt
from memberdesk.ui.common.column_fit import fit_columns
from memberdesk.ui.shell.i18n import Retranslating
from memberdesk.ui.shell.tasks import TaskRunner

from ..dialogs.base import TaskDialog, push_button
from ..dialogs.shift_close import ShiftCountView, ShiftResultView

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
VISIBLE_ROWS = 3  # the list stays short: the day's figures keep the room below it


def cash_expected(summary: ShiftSummary) -> str:
    amount = next((a.expected for a in summary.amounts if a.kind is TenderKind.CASH), None)
    return "—" if amount is None else fmt.money(amount)


class OpenShiftsBox(Retranslating, QWidget):
    """The open shifts and the 代交班 button; hidden while there are none."""

    close_for = Signal(object)  # ShiftSummary

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("openShiftsBox")
        self.rows: tuple[ShiftSummary, ...] = ()
        self.own: int | None = None  # the staff id of whoever looks: their shift is theirs
        self.title = QLabel()
        self.title.setWordWrap(True)
        # under the list when the shift picked is the viewer's own: the service refuses to
        # close it "for them" (shift_close_for_own); the counter's F5 交班 closes it
        self.own_note = QLabel()
        self.own_note.setObjectName("ownShiftNote")
        self.own_note.setWordWrap(True)
        self.own_note.setVisible(False)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("openShiftsTable")
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        fit_columns(self.table, elastic=(0,))
        self.title.setBuddy(self.table)
        self.table.itemSelectionChanged.connect(self._picked_changed)
        self.button = push_button(self._close_picked)
        self.button.setObjectName("closeForButton")
        row = QHBoxLayout()
        row.addWidget(self.table, 1)
        row.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addLayout(row)
        layout.addWidget(self.own_note)
        self.setVisible(False)
        self.retranslate()

    def set_rows(self, rows: tuple[ShiftSummary, ...], own: int | None = None) -> None:
        """The open shifts; ``own``: the viewer's staff id (their own shift is not
        closed "for them": the button is off and a line says how to close it)."""
        self.rows = rows
        self.own = own
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            cells = (r.staff_name, r.shift_no, fmt.datetime_text(r.opened_at), cash_expected(r))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 3:
                    item.setTextAlignment(RIGHT)
                self.table.setItem(i, col, item)
        if rows:
            self.table.selectRow(0)
        header = self.table.horizontalHeader().sizeHint().height()
        lines = max(1, min(len(rows), VISIBLE_ROWS))
        self.table.setFixedHeight(header + lines * self.table.verticalHeader().defaultSectionSize()
                                  + 2 * self.table.frameWidth())
        self.setVisible(bool(rows))
        self.retranslate()
        self._picked_changed()

    def _picked_changed(self) -> None:
        shift = self.picked()
        mine = shift is not None and self.own is not None and shift.staff_id == self.own
        self.button.setEnabled(shift is not None and not mine)
        self.own_note.setVisible(mine)

    def picked(self) -> ShiftSummary | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _close_picked(self) -> None:
        shift = self.picked()
        if shift is not None:
            self.close_for.emit(shift)

    def retranslate(self) -> None:
        self.title.setText(self.tr(
            "%n shift(s) still open. Pick one and close it for its cashier.", "", len(self.rows)))
        self.table.setHorizontalHeaderLabels([
            self.tr("Cashier"), self.tr("Shift No."), self.tr("Opened at"),
            self.tr("Cash expected")])
        self.button.setText(self.tr("Close for &them"))
        self.button.setToolTip(self.tr("Count the drawer and close the shift in your name (the audit log keeps both names)."))
        self.own_note.setText(self.tr(
            "This shift is your own: close it at the counter with F5 Shift, then close the day."))


class CloseForDialog(TaskDialog):
    """The count of another staff member's shift, then its outcome."""

    def __init__(self, runner: TaskRunner, actor: Any, shift: ShiftSummary,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, actor, parent, name="closeForDialog")
        self.shift = shift
        self.closed: ShiftSummary | None = None
        self.count_view = ShiftCountView()
        self.count_view.set_summary(shift)
        self.result_view = ShiftResultView()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.count_view)
        self.pages.addWidget(self.result_view)
        self.body.addWidget(self.pages)
        self.submit_button = self.add_button(self.submit, primary=True)
        self.submit_button.setObjectName("closeForSubmit")
        self.retranslate()
        self.count_view.cash.setFocus()

    def enter_pressed(self) -> None:
        if self.closed is None:
            self.submit()
        else:
            self.accept()

    def submit(self) -> None:
        if self.busy or self.closed is not None:
            return
        counted = self.count_view.counted(
            lambda field: self.read_amount(field, lambda: self.tr(
                "Count the cash first: type the amount in the drawer.")))
        if counted is None:
            return
        note = " ".join(self.count_view.note.text().split())
        self.call(close_shift_for, self.actor, self.shift.shift_no, counted, note,
                  on_done=self._closed)

    def _closed(self, summary: ShiftSummary) -> None:
        self.closed = summary
        self.result_view.set_summary(summary)
        self.pages.setCurrentWidget(self.result_view)
        self.submit_button.hide()
        self.clear_message()
        self.work_done()

    def retranslate(self) -> None:
        s = self.shift
        self.setWindowTitle(self.tr("Close for them"))
        self.heading.setText(self.tr(
            "Close shift {number} of {name} for them (opened {when})").format(
                number=s.shift_no, name=s.staff_name, when=fmt.datetime_text(s.opened_at)))
        self.submit_button.setText(self.tr("Close shift (Enter)"))
        super().retranslate()
