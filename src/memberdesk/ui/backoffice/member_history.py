"""The member page's three history tabs: stored-value entries, points entries and
purchases with their items, each a page of newest first with "Older…" for more.

The page (``member_dialog.MemberDialog``) owns the tabs and the worker; this
object fills them through the page's ``fetch``."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from memberdesk.money import Money
from memberdesk.services.members.admin import LinesPage, points_lines, purchases, stored_value_lines
from memberdesk.ui.common import fmt

from ..dialogs.base import push_button


def history_table(columns: int, name: str) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.setObjectName(name)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def add_row(table: QTableWidget, *cells: str, right: tuple[int, ...] = ()) -> None:
    row = table.rowCount()
    table.insertRow(row)
    for col, text in enumerate(cells):
        item = QTableWidgetItem(text)
        if col in right:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        table.setItem(row, col, item)


def _signed(amount: Money) -> str:
    return ("+" if amount.fen > 0 else "") + fmt.money(amount) if amount.fen else ""


Fetch = Callable[..., None]


class MemberHistory(QObject):
    """The stored-value, points and purchases tabs of one member's page."""

    def __init__(self, new_tab: Callable[[], QVBoxLayout], fetch: Fetch, actor: Any,
                 parent: QObject) -> None:
        super().__init__(parent)
        self.fetch, self.actor = fetch, actor
        self.member_id: int | None = None
        self.sv_before: int | None = None
        self.points_before: int | None = None
        self.sales_before: int | None = None
        layout = new_tab()
        self.sv_table = history_table(6, "storedValueLedger")
        self.sv_more = push_button(self.more_stored_value)
        layout.addWidget(self.sv_table, 1)
        layout.addWidget(self.sv_more, 0, Qt.AlignmentFlag.AlignRight)
        layout = new_tab()
        self.points_table = history_table(5, "pointsLedger")
        self.points_more = push_button(self.more_points)
        layout.addWidget(self.points_table, 1)
        layout.addWidget(self.points_more, 0, Qt.AlignmentFlag.AlignRight)
        layout = new_tab()
        self.sales_tree = QTreeWidget()
        self.sales_tree.setObjectName("purchases")
        self.sales_tree.setColumnCount(4)
        header = self.sales_tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)  # the amount beside the unit price, not far right
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the sale, the item
        self.sales_more = push_button(self.more_purchases)
        layout.addWidget(self.sales_tree, 1)
        layout.addWidget(self.sales_more, 0, Qt.AlignmentFlag.AlignRight)

    def show_member(self, member_id: int) -> None:
        """Start again from the newest entries of ``member_id``."""
        self.member_id = member_id
        self.sv_table.setRowCount(0)
        self.points_table.setRowCount(0)
        self.sales_tree.clear()
        self.more_stored_value(True)
        self.more_points(True)
        self.more_purchases(True)

    def _more(self, first: bool, before: int | None, read: Callable[..., LinesPage],
              on_done: Callable[[LinesPage], None]) -> None:
        if self.member_id is None or (not first and before is None):
            return
        self.fetch(partial(read, before=None if first else before), self.actor, self.member_id,
                   on_done=on_done)

    def more_stored_value(self, first: bool = False) -> None:
        self._more(first, self.sv_before, stored_value_lines, self._sv_page)

    def more_points(self, first: bool = False) -> None:
        self._more(first, self.points_before, points_lines, self._points_page)

    def more_purchases(self, first: bool = False) -> None:
        self._more(first, self.sales_before, purchases, self._sales_page)

    def _sv_page(self, page: LinesPage) -> None:
        for ln in page.lines:
            add_row(self.sv_table, fmt.datetime_text(ln.at), self._kind(ln.kind),
                    _signed(ln.principal_delta), _signed(ln.bonus_delta),
                    fmt.money(ln.balance_after), " — ".join(x for x in (ln.note, ln.staff) if x),
                    right=(2, 3, 4))
        self.sv_before = page.before
        self.sv_more.setEnabled(page.before is not None)

    def _points_page(self, page: LinesPage) -> None:
        for ln in page.lines:
            add_row(self.points_table, fmt.datetime_text(ln.at), self._kind(ln.kind),
                    f"{ln.delta:+d}", fmt.number(ln.balance_after),
                    " — ".join(x for x in (ln.note, ln.staff) if x), right=(2, 3))
        self.points_before = page.before
        self.points_more.setEnabled(page.before is not None)

    def _sales_page(self, page: LinesPage) -> None:
        for sale in page.lines:
            top = QTreeWidgetItem([f"{fmt.datetime_text(sale.at)}  {sale.sale_no}",
                                   self._sale_state(sale.status.value), "",
                                   fmt.money(sale.payable)])
            items = [top]
            for ln in sale.lines:
                refunded = self.tr(" (refunded {n})").format(n=ln.refunded_qty) \
                    if ln.refunded_qty else ""
                items.append(QTreeWidgetItem([ln.description + refunded, f"× {ln.qty}",
                                              fmt.money(ln.unit_price), fmt.money(ln.net_amount)]))
                top.addChild(items[-1])
            for item in items:
                for col in (2, 3):  # the unit price and the amount, as money is everywhere
                    item.setTextAlignment(col, RIGHT)
            self.sales_tree.addTopLevelItem(top)
            top.setExpanded(True)
        self.sales_before = page.before
        self.sales_more.setEnabled(page.before is not None)

    def _kind(self, kind: str) -> str:
        return {"opening": self.tr("opening"), "recharge": self.tr("recharge"),
                "spend": self.tr("spent"), "sale_refund": self.tr("refund"),
                "recharge_refund": self.tr("recharge refund"),
                "adjustment": self.tr("adjustment"), "earn": self.tr("earned"),
                "bonus": self.tr("bonus"), "redeem": self.tr("redeemed"),
                "redeem_return": self.tr("redeemed, returned"),
                "earn_reversal": self.tr("earned, reversed"),
                "expire": self.tr("expired")}.get(kind, kind)

    def _sale_state(self, state: str) -> str:
        return {"completed": self.tr("completed"), "refunded": self.tr("refunded"),
                "partially_refunded": self.tr("partly refunded")}.get(state, state)

    def buttons(self) -> tuple[QPushButton, ...]:
        return (self.sv_more, self.points_more, self.sales_more)

    def retranslate(self) -> None:
        self.sv_table.setHorizontalHeaderLabels([
            self.tr("Time"), self.tr("Kind"), self.tr("Paid part"), self.tr("Bonus part"),
            self.tr("Balance after"), self.tr("Note")])
        self.points_table.setHorizontalHeaderLabels([
            self.tr("Time"), self.tr("Kind"), self.tr("Points"), self.tr("Balance after"),
            self.tr("Note")])
        self.sales_tree.setHeaderLabels([self.tr("Sale / item"), self.tr("State / qty"),
                                         self.tr("Unit price"), self.tr("Amount")])
        for button in self.buttons():
            button.setText(self.tr("Older…"))
