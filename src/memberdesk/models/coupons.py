"""Coupon templates, issued coupons and the append-only coupon event log."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from memberdesk.money import Money

from .base import Base, IdMixin, utcnow
from .enums import CouponEventKind, CouponKind, CouponScope, CouponStatus, enum_column


class CouponTemplate(IdMixin, Base):
    __tablename__ = "coupon_templates"
    __table_args__ = (
        CheckConstraint("percent_permille BETWEEN 0 AND 1000", name="percent_range"),
        CheckConstraint("valid_days IS NULL OR valid_days > 0", name="valid_days_pos"),
    )

    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(40))
    kind: Mapped[CouponKind] = mapped_column(enum_column(CouponKind, "coupon_kind"))
    # AMOUNT_OFF: the amount off; FIXED_PRICE_ITEM: the item's price.
    value: Mapped[Money] = mapped_column(default=Money(0))
    # PERCENT_OFF: what is paid, 800 = 8折.
    percent_permille: Mapped[int] = mapped_column(default=1000)
    max_discount: Mapped[Money | None]
    min_spend: Mapped[Money] = mapped_column(default=Money(0))
    scope: Mapped[CouponScope] = mapped_column(
        enum_column(CouponScope, "coupon_scope"), default=CouponScope.ALL
    )
    valid_from: Mapped[datetime | None]
    valid_to: Mapped[datetime | None]
    valid_days: Mapped[int | None]  # validity counted from issue
    # Minutes after local midnight when the coupon may be used (e.g. happy hour).
    valid_start_minute: Mapped[int | None]
    valid_end_minute: Mapped[int | None]
    stackable: Mapped[bool] = mapped_column(default=False)
    per_member_limit: Mapped[int | None]
    total_limit: Mapped[int | None]
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class CouponTemplateScope(IdMixin, Base):
    """The categories or products a scoped template applies to."""

    __tablename__ = "coupon_template_scopes"
    __table_args__ = (
        CheckConstraint(
            "(category_id IS NULL) <> (product_id IS NULL)", name="one_target"
        ),
    )

    template_id: Mapped[int] = mapped_column(ForeignKey("coupon_templates.id"), index=True)
    category_id: Mapped[int | None] = mapped_column(ForeignKey("categories.id"))
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id"))


class Coupon(IdMixin, Base):
    """An issued coupon. ``status`` is a cache of its events."""

    __tablename__ = "coupons"
    __table_args__ = (
        Index("ix_coupons_member_status", "member_id", "status"),
        Index("ix_coupons_template_id", "template_id"),
    )

    code: Mapped[str] = mapped_column(String(24), unique=True)
    template_id: Mapped[int] = mapped_column(ForeignKey("coupon_templates.id"))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    status: Mapped[CouponStatus] = mapped_column(
        enum_column(CouponStatus, "coupon_status"), default=CouponStatus.ISSUED
    )
    valid_from: Mapped[datetime]
    valid_to: Mapped[datetime]
    issued_at: Mapped[datetime] = mapped_column(default=utcnow)


class CouponEvent(IdMixin, Base):
    __tablename__ = "coupon_events"
    __table_args__ = (Index("ix_coupon_events_coupon_id", "coupon_id", "id"),)

    coupon_id: Mapped[int] = mapped_column(ForeignKey("coupons.id"))
    kind: Mapped[CouponEventKind] = mapped_column(enum_column(CouponEventKind, "coupon_event"))
    status_after: Mapped[CouponStatus] = mapped_column(
        enum_column(CouponStatus, "coupon_status_after")
    )
    sale_id: Mapped[int | None] = mapped_column(ForeignKey("sales.id"))
    recharge_id: Mapped[int | None] = mapped_column(ForeignKey("recharges.id"))
    refund_id: Mapped[int | None] = mapped_column(ForeignKey("refunds.id"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
