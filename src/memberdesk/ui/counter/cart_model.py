"""The sale being rung up, as the cart table shows it.

The model holds what the cashier entered (:class:`CartItem`: a product or a plain
amount, and a quantity) and, once the pricing service has answered, the priced
lines (member price, tier discount, coupons, rounding per line) and the gift lines
the service added (满赠, ``PricedLine.gift_campaign_id``): rows after the cashier's,
shown as 赠品 at zero price, gone as soon as the cart changes until the service
answers again (a cart that no longer qualifies gets none). Until then the entered
price is shown. The priced lines are replaced whenever the cart changes,
so what is on screen is always what the service computed for this cart.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

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
GIFT_COLOUR = "#b3261e"  # a gift line (满赠) stands out from the lines sold


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
        self._gifts: tuple[PricedLine, ...] = ()  # 满赠 lines, after the items
        self._tier_name = ""

    # -- changing --------------------------------------------------------------------
    def set_items(self, items: list[CartItem]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self._priced = self._gifts = ()
        self.endResetModel()

    def set_priced(self, lines: tuple[PricedLine, ...], tier_name: str = "") -> None:
        """The service's priced lines for exactly the current items, then its gifts."""
        n = len(self.items)
        gifts = tuple(ln for ln in lines[n:] if ln.gift_campaign_id is not None)
        if len(lines) != n + len(gifts):
            return
        if self._gifts:
            self.beginRemoveRows(QModelIndex(), n, n + len(self._gifts) - 1)
            self._gifts = ()
            self.endRemoveRows()
        self._priced = lines[:n]
        self._tier_name = tier_name
        if gifts:
            self.beginInsertRows(QModelIndex(), n, n + len(gifts) - 1)
            self._gifts = gifts
            self.endInsertRows()
        if self.items:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.items) - 1, len(COLUMNS) - 1))

    def with_qty(self, row: int, qty: int) -> list[CartItem]:
        items = list(self.items)
        items[row] = replace(items[row], qty=qty)
        return items

    def priced(self, row: int) -> PricedLine | None:
        return self._priced[row] if row < len(self._priced) else None

    @property
    def gifts(self) -> tuple[PricedLine, ...]:
        return self._gifts

    @property
    def item_count(self) -> int:
        return sum(item.qty for item in self.items)

    # -- Qt model ---------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self.items) + len(self._gifts)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("Item"), self.tr("Qty"), self.tr("Price"), self.tr("Disc."),
                self.tr("Amount"),
            )[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT if section == 0 else _RIGHT
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self.rowCount():
            return None
        if index.row() >= len(self.items):
            return self._gift_data(self._gifts[index.row() - len(self.items)],
                                   COLUMNS[index.column()], role)
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

    def _gift_data(self, line: PricedLine, column: str, role: int) -> Any:
        """A gift line (满赠): 赠品 and its name, the quantity, zero price and amount."""
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "item":
                return self.tr("[Gift] {name}").format(name=line.description)
            if column == "qty":
                return fmt.number(line.qty)
            return "" if column == "discount" else fmt.money(line.net)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT if column == "item" else _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(GIFT_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("A gift with this purchase: added by itself while the sale "
                           "reaches the amount, at no charge.")
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
