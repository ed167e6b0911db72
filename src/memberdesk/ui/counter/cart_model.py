"""The sale being rung up, as the cart table shows it.

The model holds what the cashier entered (:class:`CartItem`: a product or a plain
amount, and a quantity) and, once the pricing service has answered, the priced
lines (member price, tier discount, coupons, rounding per line). Until then the
entered price is shown. The priced lines are replaced whenever the cart changes,
so what is on screen is always what the service computed for this cart.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from memberdesk.domain.discounts import ManualDiscount
from memberdesk.money import Money
from memberdesk.ui.common import fmt
from memberdesk.ui.counter.discount_labels import discount_label

if TYPE_CHECKING:
    from memberdesk.services.pricing.prices import PricedLine

ModelIndex = QModelIndex | QPersistentModelIndex
COLUMNS = ("item", "qty", "price", "discount", "amount")
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class CartItem:
    product_id: int | None  # None: a plain amount
    code: str
    name: str
    unit_price: Money
    qty: int = 1
    override: Money | None = None  # a new unit price given at the counter
    discount: ManualDiscount | None = None  # a manual discount of the line

    @property
    def is_amount(self) -> bool:
        return self.product_id is None


class CartModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.items: list[CartItem] = []
        self._priced: tuple[PricedLine, ...] = ()
        self._tier_name = ""

    # -- changing --------------------------------------------------------------------
    def set_items(self, items: list[CartItem]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self._priced = ()
        self.endResetModel()

    def set_priced(self, lines: tuple[PricedLine, ...], tier_name: str = "") -> None:
        """The service's priced lines for exactly the current items."""
        if len(lines) != len(self.items):
            return
        self._priced = lines
        self._tier_name = tier_name
        if self.items:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.items) - 1, len(COLUMNS) - 1))

    def with_qty(self, row: int, qty: int) -> list[CartItem]:
        items = list(self.items)
        items[row] = replace(items[row], qty=qty)
        return items

    def priced(self, row: int) -> PricedLine | None:
        return self._priced[row] if row < len(self._priced) else None

    @property
    def item_count(self) -> int:
        return sum(item.qty for item in self.items)

    # -- Qt model ---------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("Item"), self.tr("Qty"), self.tr("Price"), self.tr("Discount"),
                self.tr("Amount"),
            )[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT if section == 0 else _RIGHT
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.items):
            return None
        item = self.items[index.row()]
        priced = self.priced(index.row())
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, priced, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT if column == "item" else _RIGHT
        if role == Qt.ItemDataRole.FontRole and item.is_amount:
            font = QFont()
            font.setItalic(True)  # a plain amount never passes for an item
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [f"{item.name}  {item.code}".strip()] if not item.is_amount else []
            if priced is not None:
                lines += [
                    f"{discount_label(d.kind, d.label, self._tier_name)}  {fmt.money(-d.amount)}"
                    for d in priced.discounts
                ]
            return "\n".join(lines) or None
        return None

    def _text(self, item: CartItem, priced: PricedLine | None, column: str) -> str:
        if column == "item":
            return self.tr("Plain amount") if item.is_amount else item.name
        if column == "qty":
            return fmt.number(item.qty)
        if column == "price":
            return fmt.money(item.unit_price)
        if column == "discount":
            if priced is None or not priced.discount:
                return ""
            return fmt.money(-priced.discount)
        gross = item.unit_price * item.qty
        return fmt.money(priced.net if priced is not None else gross)
