"""The refund dialog's list of recent sales and recharges: one row each, its number,
when, what (a sale's amount; a recharge's amount and bonus), whose (in the shop's list:
the member's name, "Walk-in" for a sale without one) and whether it was refunded, in
columns that share the list's width
(:mod:`memberdesk.ui.common.column_fit`). Issue 11: a recharge row, one long line of
text, made the list scroll sideways at 1024x768 in English; now the "what" column
gives way and a text cut short ends in "…" with the whole of it in its tool tip."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem, QWidget

from memberdesk.ui.common.column_fit import fit_columns

NUMBER, WHEN, WHAT, WHO, STATE = range(5)
GAP = "    "  # between the columns in :meth:`RefundHistory.row_text`


class RefundHistory(QTableWidget):
    """Rows of (number, when, what, whose, state); each cell carries the document's number
    (``Qt.UserRole``), so a click anywhere on a row picks it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setObjectName("refundHistory")
        self.horizontalHeader().setVisible(False)  # a list: the cells say what they are
        self.verticalHeader().setVisible(False)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)  # as the list was
        # "what" gives way, a long name too; the number, the date and "(refunded)" never
        self.fit = fit_columns(self, elastic=(WHAT, WHO), spare=(WHAT,))

    def set_rows(self, rows: Sequence[tuple[str, str, str, str, str]]) -> None:
        """(number, when, what, whose, state) per document, newest first."""
        self.setRowCount(len(rows))
        for row, cells in enumerate(rows):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, cells[NUMBER])
                if column == STATE:
                    item.setForeground(self.palette().placeholderText())
                self.setItem(row, column, item)
        self.fit.refit()

    def count(self) -> int:
        return self.rowCount()

    def setCurrentRow(self, row: int) -> None:
        if 0 <= row < self.rowCount():
            self.setCurrentCell(row, NUMBER)
        else:
            self.setCurrentCell(-1, -1)

    def number(self, row: int) -> str:
        item = self.item(row, NUMBER)
        return "" if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def row_text(self, row: int) -> str:
        """The row's cells as one line (those not empty), as the list showed it."""
        cells = (self.item(row, c) for c in range(self.columnCount()))
        return GAP.join(item.text() for item in cells if item is not None and item.text())
