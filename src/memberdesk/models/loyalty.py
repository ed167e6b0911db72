"""Loyalty records written by the daily jobs and the checkout: the tier history and the
birthday gifts. Both append-only."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from memberdesk.money import Money

from .base import Base, IdMixin, utcnow


class TierChange(IdMixin, Base):
    """A member's tier moved (or was renewed at its review): from, to, why, on which
    business date, on what net spend over the window. ``sale_id`` is the sale that
    crossed the threshold (an upgrade at checkout); ``staff_id`` a manual change."""

    __tablename__ = "tier_changes"
    __table_args__ = (
        Index("ix_tier_changes_member_id", "member_id", "id"),
        Index("ix_tier_changes_business_date", "business_date"),
    )

    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    from_tier_id: Mapped[int] = mapped_column(ForeignKey("tiers.id"))
    to_tier_id: Mapped[int] = mapped_column(ForeignKey("tiers.id"))
    reason: Mapped[str] = mapped_column(String(16))  # domain.tiers.TierReason
    spend: Mapped[Money] = mapped_column(default=Money(0))
    business_date: Mapped[date]
    sale_id: Mapped[int | None] = mapped_column(ForeignKey("sales.id"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class BirthdayGift(IdMixin, Base):
    """The birthday gift of ``year`` to a member (once a year: unique): the points entry
    and the coupon it gave."""

    __tablename__ = "birthday_gifts"
    __table_args__ = (
        UniqueConstraint("member_id", "year"),
        Index("ix_birthday_gifts_business_date", "business_date"),
    )

    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    year: Mapped[int]
    business_date: Mapped[date]
    points: Mapped[int] = mapped_column(default=0)
    points_entry_id: Mapped[int | None] = mapped_column(ForeignKey("points_entries.id"))
    coupon_id: Mapped[int | None] = mapped_column(ForeignKey("coupons.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class SignIn(IdMixin, Base):
    """A member's sign-in (签到) on a business date (once: unique), the streak of
    consecutive days it makes, and the points entry that gave its points."""

    __tablename__ = "sign_ins"
    __table_args__ = (
        UniqueConstraint("member_id", "business_date"),
        Index("ix_sign_ins_business_date", "business_date"),
    )

    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    business_date: Mapped[date]
    streak: Mapped[int]
    points: Mapped[int]
    bonus: Mapped[int] = mapped_column(default=0)
    points_entry_id: Mapped[int | None] = mapped_column(ForeignKey("points_entries.id"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Referral(IdMixin, Base):
    """Who referred a member (推荐人), chosen at registration, and the reward both got
    after the member's first qualifying purchase (``sale_id``): the points entries and
    coupons it gave, and the refund that took them back (``refund_id``)."""

    __tablename__ = "referrals"
    __table_args__ = (Index("ix_referrals_referrer_id", "referrer_id"),)

    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), unique=True)
    referrer_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sale_id: Mapped[int | None] = mapped_column(ForeignKey("sales.id"))
    rewarded_at: Mapped[datetime | None]
    member_entry_id: Mapped[int | None] = mapped_column(ForeignKey("points_entries.id"))
    referrer_entry_id: Mapped[int | None] = mapped_column(ForeignKey("points_entries.id"))
    member_coupon_id: Mapped[int | None] = mapped_column(ForeignKey("coupons.id"))
    referrer_coupon_id: Mapped[int | None] = mapped_column(ForeignKey("coupons.id"))
    refund_id: Mapped[int | None] = mapped_column(ForeignKey("refunds.id"))
    taken_back_at: Mapped[datetime | None]
