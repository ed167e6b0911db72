"""The pick lists: members when a lookup matches several (last 4 digits, a name,
pinyin initials), products when the scan field's text names several (a name, its
initials, a part of them): Up/Down (or the row's number key 1–9) and Enter, Esc
to cancel.

Opened with ``open()`` (window-modal, never a nested event loop); the choice
arrives as :attr:`MemberPickDialog.picked`.
"""

from __future__ import annotations

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


class MemberPickDialog(Retranslating, QDialog):
    picked = Signal(str)  # member number

    def __init__(self, result: LookupResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        add_language_key(self)
        self.setObjectName("pickDialog")
        self.setModal(True)
        self._result = result
        self.hits: tuple[MemberHit, ...] = result.members
        self.heading = QLabel()
        self.heading.setObjectName("dialogHeading")
        self.heading.setWordWrap(True)
        self.table = PickTable(len(self.hits), 5)
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
        self._fill()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setCurrentCell(0, 0)
        self.table.setFocus()
        self.resize(760, min(560, 200 + 48 * len(self.hits)))
        self.retranslate()

    def _fill(self) -> None:
        for row, hit in enumerate(self.hits):
            cells = (
                f"{row + 1}" if row < 9 else "",
                hit.name,
                hit.phone or "—",
                hit.member_no,
                fmt.money(hit.stored_value),
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col in (0, 4):
                    item.setTextAlignment(_RIGHT)
                self.table.setItem(row, col, item)

    def _choose(self, row: int) -> None:
        if 0 <= row < len(self.hits):
            self.picked.emit(self.hits[row].member_no)
            self.accept()

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


class ProductPickDialog(Retranslating, QDialog):
    """The pick list when what was typed in the scan field names several products
    (or one, by a part of its name): the same keys as the member pick list."""

    picked = Signal(object)  # services.catalog.ProductInfo

    def __init__(self, result: ProductSearch, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        add_language_key(self)
        self.setObjectName("productPickDialog")
        self.setModal(True)
        self._result = result
        self.products: tuple[ProductInfo, ...] = result.products
        self.heading = QLabel()
        self.heading.setObjectName("dialogHeading")
        self.heading.setWordWrap(True)
        self.table = PickTable(len(self.products), 4)
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
        for row, product in enumerate(self.products):
            cells = (f"{row + 1}" if row < 9 else "", product.name, product.code,
                     fmt.money(product.price))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col in (0, 3):
                    item.setTextAlignment(_RIGHT)
                self.table.setItem(row, col, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setCurrentCell(0, 0)
        self.table.setFocus()
        self.resize(720, min(560, 160 + 40 * len(self.products)))
        self.retranslate()

    def _choose(self, row: int) -> None:
        if 0 <= row < len(self.products):
            self.picked.emit(self.products[row])
            self.accept()

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
