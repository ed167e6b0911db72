"""Products, categories and member prices per tier (会员价)."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from memberdesk.money import Money

from .base import Base, IdMixin


class Category(IdMixin, Base):
    __tablename__ = "categories"

    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(40))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("categories.id"))
    # Points earned per yuan paid on this category's products (and its sub-categories'),
    # instead of the shop's points.earn_per_yuan; None: the shop's rate.
    points_per_yuan: Mapped[int | None] = mapped_column(default=None)


class Product(IdMixin, Base):
    __tablename__ = "products"
    __table_args__ = (
        CheckConstraint("price >= 0", name="price_nonneg"),
        CheckConstraint("points_ratio_permille >= 0", name="ratio_nonneg"),
        CheckConstraint("cost IS NULL OR cost >= 0", name="cost_nonneg"),
    )

    code: Mapped[str] = mapped_column(String(20), unique=True)
    barcode: Mapped[str | None] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(60), index=True)
    name_initials: Mapped[str] = mapped_column(String(60), default="", index=True)
    category_id: Mapped[int | None] = mapped_column(ForeignKey("categories.id"), index=True)
    price: Mapped[Money]
    # What the shop pays for one (进价), for the gross margin; None: not known.
    cost: Mapped[Money | None] = mapped_column(default=None)
    unit: Mapped[str] = mapped_column(String(8), default="件")
    # Points earned per yuan paid on this product, in thousandths (1000 = normal).
    points_ratio_permille: Mapped[int] = mapped_column(default=1000)
    is_service: Mapped[bool] = mapped_column(default=False)
    # Whether tier discounts apply (cigarettes, say, are often excluded).
    discountable: Mapped[bool] = mapped_column(default=True)
    active: Mapped[bool] = mapped_column(default=True)


class ProductSearchKey(Base):
    """Keys for the middle of a product's name (可乐 in 可口可乐, kl in kkkl): every
    suffix of the name from its second character and of its pinyin initials from
    the second letter, so "contains" is a prefix range on this index. Prefixes of
    the whole name, code, barcode and initials use the indexes on ``products``.
    Maintained by ``services.catalog.search``."""

    __tablename__ = "product_search_keys"
    __table_args__ = (
        Index("ix_product_search_keys_product_id", "product_id"),
        {"sqlite_with_rowid": False},
    )

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), primary_key=True)


class MemberPrice(IdMixin, Base):
    """A product's price for one tier; the tier discount applies where none is set."""

    __tablename__ = "member_prices"
    __table_args__ = (
        UniqueConstraint("product_id", "tier_id"),
        CheckConstraint("price >= 0", name="price_nonneg"),
    )

    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    tier_id: Mapped[int] = mapped_column(ForeignKey("tiers.id"))
    price: Mapped[Money]
