"""Segments (saved member filters) and coupon campaigns (issue 14).

``campaign_members`` is append-only: a member's row is written once, in the same
transaction as their coupon (or as held out, with none), and its primary key
(campaign, member) is what makes a rerun after a crash issue each coupon once."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from memberdesk.money import Money

from .base import Base, IdMixin, utcnow


class Segment(IdMixin, Base):
    """A saved member filter (分群); ``filter_json`` is ``services.members.filter``'s
    :func:`to_json` of a ``MemberFilter``."""

    __tablename__ = "segments"

    name: Mapped[str] = mapped_column(String(40), unique=True)
    filter_json: Mapped[str] = mapped_column(Text, default="{}")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Campaign(IdMixin, Base):
    """A campaign measured over ``first_day`` .. ``last_day`` (shop dates, both
    included), of one kind: ``coupon`` (a coupon template issued to a segment, minus a
    random hold-out), ``member_day`` (会员日: a weekday or a date with a discount and/or
    a points multiplier), ``special`` (限时特价: a product's price from ``starts_at``
    to ``ends_at``) or ``gift`` (满赠: a sale of ``min_spend`` or more from ``starts_at``
    to ``ends_at`` gets ``gift_qty`` of ``product_id`` at zero price). Member days,
    specials and gifts admit members of ``tier_ids`` (a comma
    list; empty: every tier) who are not in the hold-out; ``ended_at`` ends one early."""

    __tablename__ = "campaigns"
    __table_args__ = (
        CheckConstraint("holdout_permille BETWEEN 0 AND 900", name="holdout_range"),
        CheckConstraint("last_day >= first_day", name="window_order"),
        CheckConstraint("kind IN ('coupon', 'member_day', 'special', 'gift')", name="kind"),
    )

    name: Mapped[str] = mapped_column(String(40), unique=True)
    kind: Mapped[str] = mapped_column(String(16), default="coupon")
    segment_id: Mapped[int | None] = mapped_column(ForeignKey("segments.id"))
    template_id: Mapped[int | None] = mapped_column(ForeignKey("coupon_templates.id"))
    weekday: Mapped[int | None]  # member day: 0 Monday .. 6 Sunday
    on_day: Mapped[date | None]  # member day: one date instead of a weekday
    discount_permille: Mapped[int] = mapped_column(default=1000)
    multiplier_permille: Mapped[int] = mapped_column(default=1000)
    tier_ids: Mapped[str] = mapped_column(String(200), default="")
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id"))
    price: Mapped[Money | None]
    starts_at: Mapped[datetime | None]
    ends_at: Mapped[datetime | None]
    members_only: Mapped[bool] = mapped_column(default=False)
    min_spend: Mapped[Money | None]  # gift: the payable a sale must reach
    gift_qty: Mapped[int | None]  # gift: how many of product_id
    ended_at: Mapped[datetime | None]
    holdout_permille: Mapped[int] = mapped_column(default=100)
    seed: Mapped[str] = mapped_column(String(32))
    first_day: Mapped[date]
    last_day: Mapped[date]
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class CampaignMember(Base):
    """One member of a campaign's audience: their coupon, or held out (none)."""

    __tablename__ = "campaign_members"
    __table_args__ = (
        CheckConstraint("held_out = (coupon_id IS NULL)", name="coupon_or_held_out"),
        Index("ix_campaign_members_member_id", "member_id"),
    )

    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id"), primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), primary_key=True)
    held_out: Mapped[bool]
    coupon_id: Mapped[int | None] = mapped_column(ForeignKey("coupons.id"), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class CampaignAudience(Base):
    """A member of a promotion limited to a segment (会员日, 限时特价, 满赠), as the
    segment was when the campaign was saved, with the hold-out drawn then; frozen from
    the campaign's start (``services.campaigns.audience``)."""

    __tablename__ = "campaign_audience"

    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id"), primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), primary_key=True)
    held_out: Mapped[bool]
