"""The pick lists: members when a lookup matches several (last 4 digits, a name,
pinyin initials), products when the scan field's text names several (a name, its
initials, a part of them): Up/Down (or the row's number key 1–9) and Enter, Esc
to cancel.

Opened with ``open()`` (window-modal, never a nested event loop); the choice
arrives as :attr:`MemberPickDialog.picked`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from memberdesk.ui.common import fmt
from memberdesk.ui.shell.i18n import Retranslating, add_language_key

if TYPE_CHECKING:
    from memberdesk.services.catalog.products import ProductInfo
    from memberdesk.services.catalog.search import ProductSearch
    from memberdesk.services.members.lookup import LookupResult, MemberHit

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class PickTable(QTableWidget):
    """Enter picks the current row; digits 1–9 pick that row at once."""

    chosen = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.currentRow() >= 0:
                self.chosen.emit(self.currentRow())
            return
        text = event.text()
        if len(text) == 1 and text in "123456789" and int(text) <= self.rowCount():
            self.chosen.emit(int(text) - 1)
            return
        super().keyPressEvent(event)


class _PickDialog(Retranslating, QDialog):
    """What both pick lists share: a heading, the numbered table (Enter, a double
    click or the row's number key chooses), a "more match" line and the key hint.
    The subclass names the rows and says what a choice emits and how it reads."""

    def __init__(
        self,
        rows: Sequence[tuple[str, ...]],
        columns: int,
        right: tuple[int, ...],
        size: tuple[int, int, int],
        parent: QWidget | None,
    ) -> None:
        super().__init__(parent)
        add_language_key(self)
        self.setModal(True)
        self.heading = QLabel()
        self.heading.setObjectName("dialogHeading")
        self.heading.setWordWrap(True)
        self.table = PickTable(len(rows), columns)
        self.table.setObjectName("pickTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.chosen.connect(self._choose)
        self.table.cellDoubleClicked.connect(lambda row, _col: self._choose(row))
        self.more = QLabel()
        self.more.setObjectName("pickMore")
        self.more.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setObjectName("dialogHint")
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.more)
        layout.addWidget(self.hint)
        for row, values in enumerate(rows):
            cells = (f"{row + 1}" if row < 9 else "", *values)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 0 or col in right:
                    item.setTextAlignment(_RIGHT)
                self.table.setItem(row, col, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setCurrentCell(0, 0)
        self.table.setFocus()
        width, base, per_row = size
        self.resize(width, min(560, base + per_row * len(rows)))

    def _choose(self, row: int) -> None:
        if 0 <= row < self.table.rowCount():
            self._emit(row)
            self.accept()

    def _emit(self, row: int) -> None:
        raise NotImplementedError


class MemberPickDialog(_PickDialog):
    picked = Signal(str)  # member number

    def __init__(self, result: LookupResult, parent: QWidget | None = None) -> None:
        rows = [
            (hit.name, hit.phone or "—", hit.member_no, fmt.money(hit.stored_value))
            for hit in result.members
        ]
        super().__init__(rows, 5, (4,), (760, 200, 48), parent)
        self._result = result
        self.hits: tuple[MemberHit, ...] = result.members
        self.setObjectName("pickDialog")
        self.retranslate()

    def _emit(self, row: int) -> None:
        self.picked.emit(self.hits[row].member_no)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Choose the member"))
        self.heading.setText(
            self.tr("{count} members match “{text}”").format(
                count=len(self.hits), text=self._result.query
            )
        )
        self.table.setHorizontalHeaderLabels(
            ["#", self.tr("Name"), self.tr("Phone"), self.tr("Member no."), self.tr("Stored value")]
        )
        self.more.setText(
            self.tr("More members match: type more of the name or the phone to narrow the list.")
            if self._result.more
            else ""
        )
        self.more.setVisible(self._result.more)
        self.hint.setText(self.tr("↑/↓ and Enter, or the number key, to choose · Esc to cancel"))


class ProductPickDialog(_PickDialog):
    """The pick list when what was typed in the scan field names several products
    (or one, by a part of its name): the same keys as the member pick list."""

    picked = Signal(object)  # services.catalog.ProductInfo

    def __init__(self, result: ProductSearch, parent: QWidget | None = None) -> None:
        rows = [(p.name, p.code, fmt.money(p.price)) for p in result.products]
        super().__init__(rows, 4, (3,), (720, 160, 40), parent)
        self._result = result
        self.products: tuple[ProductInfo, ...] = result.products
        self.setObjectName("productPickDialog")
        self.retranslate()

    def _emit(self, row: int) -> None:
        self.picked.emit(self.products[row])

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Choose the item"))
        self.heading.setText(
            self.tr("{count} items match “{text}”").format(
                count=len(self.products), text=self._result.query
            )
        )
        self.table.setHorizontalHeaderLabels(
            ["#", self.tr("Item"), self.tr("Code"), self.tr("Price")]
        )
        self.more.setText(
            self.tr("More items match: type more of the name or the code to narrow the list.")
            if self._result.more
            else ""
        )
        self.more.setVisible(self._result.more)
        self.hint.setText(self.tr("↑/↓ and Enter, or the number key, to choose · Esc to cancel"))
