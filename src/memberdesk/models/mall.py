"""The points mall (积分商城): gifts with a points price, and their redemptions.

A gift is a product of the catalogue (its name, unit and stock are the product's:
the owner receives and counts gifts on the stock page like any product) with a
points price and whether it is on the shelf. A redemption records what a member
took for how many points; its points debit is an entry of the points ledger and its
stock decrement an entry of the stock ledger (kind ``gift``), both in the same
transaction. A reversal (a manager's) gives both back with new entries and marks
the redemption reversed: nothing is ever edited in the ledgers.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, IdMixin, utcnow


class MallGift(Base):
    """A product offered in the points mall."""

    __tablename__ = "mall_gifts"
    __table_args__ = (CheckConstraint("points_price > 0", name="points_price_pos"),)

    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), primary_key=True)
    points_price: Mapped[int]
    on_shelf: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class MallRedemption(IdMixin, Base):
    """A member's redemption of ``qty`` of a gift for ``points`` (兑换单)."""

    __tablename__ = "mall_redemptions"
    __table_args__ = (
        CheckConstraint("qty > 0", name="qty_pos"),
        CheckConstraint("points > 0", name="points_pos"),
        Index("ix_mall_redemptions_member_id", "member_id", "id"),
        Index("ix_mall_redemptions_business_date", "business_date"),
    )

    redemption_no: Mapped[str] = mapped_column(String(32), unique=True)
    client_id: Mapped[str] = mapped_column(String(64), unique=True)  # a retry redeems once
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    qty: Mapped[int]
    points: Mapped[int]
    business_date: Mapped[date]
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    points_entry_id: Mapped[int] = mapped_column(ForeignKey("points_entries.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    receipt_json: Mapped[str] = mapped_column(Text, default="{}")
    reversed_at: Mapped[datetime | None]
    reversed_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    reversal_reason: Mapped[str] = mapped_column(String(200), default="")
    reversal_entry_id: Mapped[int | None] = mapped_column(ForeignKey("points_entries.id"))
