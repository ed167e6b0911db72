"""审计 → 交班审核: closed shifts waiting for a manager's check, oldest first, with
the cash expected, counted and the difference (short in red); tick to see the
recently verified ones too. Pick a shift (arrow keys), Enter goes to the note,
Enter there verifies it. A manager cannot verify their own shift (the service
says so); the check is audited with the differences."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from memberdesk.money import Money
from memberdesk.services.shifts import shift as shifts
from memberdesk.services.shifts.review import ShiftToVerify, shifts_to_verify
from memberdesk.ui.common import fmt
from memberdesk.ui.common.column_fit import fit_columns
from memberdesk.ui.shell.tasks import TaskRunner

from ..dialogs.base import OK, push_button
from .page import Page

SHORT = QColor("#b3261e")
OVER = QColor("#8a5a00")
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _waiting(db: Any, actor: Any, include_verified: bool) -> tuple[ShiftToVerify, ...]:
    return shifts_to_verify(db, actor, include_verified=include_verified)


class ShiftChecks(Page):
    def __init__(self, runner: TaskRunner, actor: Any, parent: QWidget | None = None) -> None:
        super().__init__(runner, actor, "shiftChecks", parent)
        self.heading.hide()
        self.rows: tuple[ShiftToVerify, ...] = ()
        self.show_verified = QCheckBox()
        self.show_verified.setObjectName("shiftShowVerified")
        self.show_verified.toggled.connect(lambda _on: self.refresh())
        self.count_label = QLabel()
        self.count_label.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.count_label, 1)
        top.addWidget(self.show_verified)
        self.table = QTableWidget(0, 8)
        self.table.setObjectName("shiftTable")
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # the cashier and the verifier give way; the amounts and times stay whole
        fit_columns(self.table, elastic=(1, 7))
        self.table.currentCellChanged.connect(lambda row, _c, _r, _p: self._render_picked())
        self.picked_label = QLabel()
        self.picked_label.setWordWrap(True)
        self.note_label = QLabel()
        self.note = QLineEdit()
        self.note.setObjectName("shiftVerifyNote")
        self.note.setMaxLength(100)
        self.note_label.setBuddy(self.note)
        self.verify_button = push_button(self.verify, primary=True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.note_label)
        bottom.addWidget(self.note, 1)
        bottom.addWidget(self.verify_button)
        self._busy_buttons.append(self.verify_button)
        self.body.addLayout(top)
        self.body.addWidget(self.table, 1)
        self.body.addWidget(self.picked_label)
        self.body.addLayout(bottom)
        self.update_state()
        self.retranslate()

    def activated(self) -> None:
        self.refresh()
        self.table.setFocus()

    def refresh(self, keep: int | None = None) -> None:
        self.fetch(_waiting, self.actor, self.show_verified.isChecked(),
                   on_done=lambda rows: self._show(rows, keep))

    def _show(self, rows: tuple[ShiftToVerify, ...], keep: int | None = None) -> None:
        self.rows = rows
        self.table.setColumnHidden(7, not self.show_verified.isChecked())  # verified by
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            cells = (r.shift_no, r.cashier, fmt.local_text(r.closed_at),
                     fmt.money(r.cash_expected), fmt.money(r.cash_counted),
                     fmt.money(r.cash_variance), fmt.money(r.other_variance), r.verified_by)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if 3 <= col <= 6:
                    item.setTextAlignment(RIGHT)
                if col in (5, 6):
                    amount = r.cash_variance if col == 5 else r.other_variance
                    if amount.fen:
                        item.setForeground(QBrush(SHORT if amount.fen < 0 else OVER))
                self.table.setItem(i, col, item)
        if rows:
            ids = [r.id for r in rows]
            self.table.selectRow(ids.index(keep) if keep in ids else 0)
        self._render_count()
        self._render_picked()
        self.update_state()

    def picked(self) -> ShiftToVerify | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def enter_pressed(self) -> None:
        """Enter in the list goes to the note; Enter in the note verifies."""
        if self.focusWidget() is self.note:
            self.verify()
        elif self.picked() is not None:
            self.note.setFocus()

    def verify(self) -> None:
        shift = self.picked()
        if shift is None or shift.verified:
            return
        self.call(shifts.verify_shift, self.actor, shift.id, self.note.text(),
                  on_done=lambda summary: self._verified(summary, shift))

    def _verified(self, summary: shifts.ShiftSummary, shift: ShiftToVerify) -> None:
        self.note.clear()
        self.say(lambda: self.tr("Shift {no} ({name}) is verified.").format(
            no=summary.shift_no, name=shift.cashier), OK)
        self.refresh(keep=shift.id)
        self.table.setFocus()

    # -- state and texts -------------------------------------------------------------------
    def update_state(self) -> None:
        shift = self.picked()
        self.verify_button.setEnabled(not self.busy and shift is not None and not shift.verified)

    def _render_count(self) -> None:
        waiting = sum(1 for r in self.rows if not r.verified)
        self.count_label.setText(
            self.tr("%n closed shift(s) wait for a check.", "", waiting) if waiting
            else self.tr("No shift waits for a check."))

    def _render_picked(self) -> None:
        shift = self.picked()
        self.update_state()
        if shift is None:
            self.picked_label.setText("")
            return
        v = shift.cash_variance
        if v.fen < 0:
            cash = self.tr("cash short by {amount}").format(amount=fmt.money(Money(-v.fen)))
        elif v.fen > 0:
            cash = self.tr("cash over by {amount}").format(amount=fmt.money(v))
        else:
            cash = self.tr("cash right")
        text = self.tr("{no}, {name}: counted {counted}, expected {expected}, {cash}.").format(
            no=shift.shift_no, name=shift.cashier, counted=fmt.money(shift.cash_counted),
            expected=fmt.money(shift.cash_expected), cash=cash)
        if shift.verified:
            text += " " + self.tr("Verified by {name}.").format(name=shift.verified_by)
        if shift.note:
            text += " " + self.tr("Note: {note}").format(note=shift.note)
        self.picked_label.setText(text)

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([
            self.tr("Shift No."), self.tr("Cashier"), self.tr("Closed"),
            self.tr("Expected"), self.tr("Counted"), self.tr("Difference"),
            self.tr("Other diff."), self.tr("Verified by")])
        self.show_verified.setText(self.tr("Show &verified shifts too"))
        self.note_label.setText(self.tr("&Note"))
        self.note.setPlaceholderText(self.tr("optional, e.g. short 5 jiao explained"))
        self.verify_button.setText(self.tr("Verify (Enter)"))
        picked = self.picked()
        if self.rows:
            self._show(self.rows, picked.id if picked else None)
        else:
            self._render_count()
        super().retranslate()
