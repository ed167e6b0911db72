"""Light inventory (库存): the stock ledger and each product's stock level.

``stock_entries`` is append-only (database triggers forbid edits): every movement of
a product's stock is a row with its change and the quantity on hand after it.
``stock_levels.on_hand`` is a cache of the product's entries in that store, updated in
the same transaction. Stock is per store (网络版, migration 0027): a level row per
product and store, and every entry names its store. A product is tracked for stock in
a store only once it has a level row there with ``tracked`` set (a service such as a
car wash never is); sales of an untracked product move no stock. Quantities are whole units of the product's unit (瓶, 包, 斤),
integers like the sale lines' quantities.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, IdMixin, utcnow
from .enums import enum_column


class StockKind(StrEnum):
    OPENING = "opening"  # 期初: the first count of a product starts tracking it
    RECEIVE = "receive"  # 入库: goods received
    COUNT = "count"  # 盘点: the difference a stock count found (with a reason)
    SALE = "sale"  # 销售
    REFUND = "refund"  # 退货: a refunded sale line back on the shelf
    GIFT = "gift"  # 积分兑换礼品 (the points mall, later)
    TRANSFER_OUT = "transfer_out"  # 调出: sent to another store of the chain
    TRANSFER_IN = "transfer_in"  # 调入: received from another store of the chain


class StockLevel(Base):
    """A product's stock in one store: on hand (a cache of its entries there), the
    low-stock threshold, whether it is tracked. No row: not tracked in that store."""

    __tablename__ = "stock_levels"
    __table_args__ = (
        CheckConstraint("low_at IS NULL OR low_at >= 0", name="low_at_nonneg"),
        # The low-stock list: tracked products at or below their threshold.
        Index("ix_stock_levels_low", "store_id", "on_hand", sqlite_where=text("tracked = 1"),
              postgresql_where=text("tracked")),
    )

    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), primary_key=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id"), primary_key=True)
    tracked: Mapped[bool] = mapped_column(default=True)
    on_hand: Mapped[int] = mapped_column(default=0)
    low_at: Mapped[int | None]  # at or below this the product is low (None: no threshold)


class StockEntry(IdMixin, Base):
    """One movement of a product's stock (库存流水)."""

    __tablename__ = "stock_entries"
    __table_args__ = (
        CheckConstraint("delta <> 0 OR kind IN ('count', 'opening')", name="delta_nonzero"),
        Index("ix_stock_entries_product_id", "product_id", "store_id", "id"),
        Index("ix_stock_entries_sale_id", "sale_id"),
        Index("ix_stock_entries_created_at", "created_at"),
        # Sales that took stock below zero, for the stock report.
        Index("ix_stock_entries_below_zero", "created_at",
              sqlite_where=text("on_hand_after < 0"), postgresql_where=text("on_hand_after < 0")),
    )

    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id"))
    # a transfer (调拨): the other store (where it went, or came from); else NULL
    peer_store_id: Mapped[int | None] = mapped_column(ForeignKey("stores.id"))
    kind: Mapped[StockKind] = mapped_column(enum_column(StockKind, "stock_kind"))
    delta: Mapped[int]
    on_hand_after: Mapped[int]
    sale_id: Mapped[int | None] = mapped_column(ForeignKey("sales.id"))
    refund_id: Mapped[int | None] = mapped_column(ForeignKey("refunds.id"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    note: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
