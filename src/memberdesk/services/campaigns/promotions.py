"""Member days (会员日) and special prices (限时特价): created, ended and read for the
cart (issue 14 §2); gifts (满赠, :mod:`.gifts`) are read and ended here too. The rules are :mod:`memberdesk.domain.promotions`; this module
stores them as campaigns (kinds ``member_day`` and ``special``) and hands the open
ones to ``cart.load_cart`` in one read.

A special price's window is typed in shop time and stored as UTC instants (start
included, end excluded); a member day falls on a weekday or one date (business
dates) between the campaign's first and last day. Both may be limited to tiers and
keep a hold-out share (default 10% for a member day, none for a special price: the
shelf shows the price) drawn from the campaign's seed, so the campaign report
compares the members reached with those held out. Creating and ending need
``manage_promotions`` and are audited.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.domain.campaigns import DEFAULT_HOLDOUT_PERMILLE, MAX_HOLDOUT_PERMILLE
from memberdesk.domain.gifts import Gift
from memberdesk.domain.promotions import (
    NO_DISCOUNT,
    NO_MULTIPLIER,
    Audience,
    MemberDay,
    Special,
    discount_problem,
    multiplier_problem,
)
from memberdesk.domain.shoptime import utc_of_local
from memberdesk.models import Campaign, Tier
from memberdesk.money import Money
from memberdesk.services.campaigns import audience
from memberdesk.services.campaigns.coupon_campaigns import (
    ENDED,
    MAX_DAYS,
    CampaignRow,
    campaign_row,
    find_campaign,
    state_of,
)
from memberdesk.services.campaigns.segments import find_segment
from memberdesk.services.catalog.products import lookup_product
from memberdesk.services.shared import audit, clock
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.driver import run
from memberdesk.services.shared.errors import ConflictError, NotFoundError, ValidationError
from memberdesk.services.shared.permissions import Permission, require
from memberdesk.services.shared.policy import Policy
from memberdesk.services.shared.requests import clean_text
from memberdesk.services.shared.tables import connection, table

MEMBER_DAY, SPECIAL, GIFT = "member_day", "special", "gift"


@dataclass(frozen=True)
class MemberDayRequest:
    name: str
    weekday: int | None = None  # 0 Monday .. 6 Sunday
    on_day: date | None = None  # or one date
    discount_permille: int = NO_DISCOUNT  # 900: members pay 90%
    multiplier_permille: int = NO_MULTIPLIER  # 2000: double points
    tiers: tuple[str, ...] = ()  # tier codes or names; empty: every tier
    holdout_permille: int = DEFAULT_HOLDOUT_PERMILLE
    days: int = 30  # from the first day
    first_day: date | None = None  # None: the shop's today
    segment: str = ""  # a saved segment's name: only its members (see .audience)


@dataclass(frozen=True)
class SpecialRequest:
    name: str
    product: str  # a barcode or code
    price: Money
    starts: datetime  # shop time (naive), included
    ends: datetime  # shop time (naive), excluded
    members_only: bool = False
    tiers: tuple[str, ...] = ()
    holdout_permille: int = 0
    segment: str = ""  # a saved segment's name: only its members (see .audience)


def new_name(s: Session, raw: str) -> str:
    name = clean_text(raw or "", 41)
    if not name or len(name) > 40:
        raise ValidationError("campaign_name_needed")
    if s.scalar(select(Campaign.id).where(Campaign.name == name)):
        raise ConflictError("campaign_exists", name=name)
    return name


def check_holdout(permille: int) -> None:
    if type(permille) is not int or not 0 <= permille <= MAX_HOLDOUT_PERMILLE:
        raise ValidationError("campaign_bad_holdout", max=MAX_HOLDOUT_PERMILLE // 10)


def tier_ids(s: Session, keys: tuple[str, ...]) -> str:
    ids: list[int] = []
    for key in keys:
        key = key.strip()
        if not key:
            continue
        tid = s.scalar(select(Tier.id).where((Tier.code == key) | (Tier.name == key)))
        if tid is None:
            raise NotFoundError("promo_tier_not_found", tier=key)
        ids.append(int(tid))
    return ",".join(str(i) for i in sorted(set(ids)))


def record(s: Session, actor: Actor, c: Campaign, detail: dict[str, object]) -> None:
    audit.record(s, action=f"campaign.{c.kind}", staff_id=actor.staff_id, entity="campaign",
                 entity_id=c.name, detail=detail)


def shop_window(s: Session, starts: datetime, ends: datetime) -> dict[str, object]:
    """A special price's or gift's window typed in shop time (start included, end
    excluded) as the campaign's columns: UTC instants and its first and last day."""
    offset = Policy.load(s).int("shop.timezone_offset_minutes")
    last = (ends - timedelta(microseconds=1)).date()
    if (last - starts.date()).days >= MAX_DAYS:
        raise ValidationError("campaign_bad_days", max=MAX_DAYS)
    return {"starts_at": utc_of_local(starts, offset), "ends_at": utc_of_local(ends, offset),
            "first_day": starts.date(), "last_day": last}


def segment_id(s: Session, name: str) -> int | None:
    """A saved segment's id by name; None for no segment (an empty name)."""
    return find_segment(s, name).id if (name or "").strip() else None


def check_member_day(r: MemberDayRequest) -> None:
    if (r.weekday is None) == (r.on_day is None) or (
            r.weekday is not None and (type(r.weekday) is not int or not 0 <= r.weekday <= 6)):
        raise ValidationError("promo_day_needed")
    if discount_problem(r.discount_permille):
        raise ValidationError("promo_bad_discount")
    if multiplier_problem(r.multiplier_permille):
        raise ValidationError("promo_bad_multiplier")
    if r.discount_permille == NO_DISCOUNT and r.multiplier_permille == NO_MULTIPLIER:
        raise ValidationError("promo_gives_nothing")
    check_holdout(r.holdout_permille)
    if type(r.days) is not int or not 1 <= r.days <= MAX_DAYS:
        raise ValidationError("campaign_bad_days", max=MAX_DAYS)


def member_day_fields(s: Session, r: MemberDayRequest) -> dict[str, Any]:
    """A checked member day's columns (the one rule for creating and editing)."""
    first = r.on_day or r.first_day or clock.today(s)
    last = r.on_day or first + timedelta(days=r.days - 1)
    return {"weekday": r.weekday, "on_day": r.on_day, "discount_permille": r.discount_permille,
            "multiplier_permille": r.multiplier_permille, "tier_ids": tier_ids(s, r.tiers),
            "segment_id": segment_id(s, r.segment), "holdout_permille": r.holdout_permille,
            "first_day": first, "last_day": last}


def check_special(r: SpecialRequest) -> None:
    if not isinstance(r.price, Money) or r.price.fen < 0:
        raise ValidationError("promo_bad_price")
    if not r.starts < r.ends:
        raise ValidationError("promo_bad_window")
    check_holdout(r.holdout_permille)


def special_fields(s: Session, r: SpecialRequest) -> dict[str, Any]:
    """A checked special price's columns (the one rule for creating and editing)."""
    product = lookup_product(s, r.product)
    if r.price >= product.price:
        raise ValidationError("promo_price_not_lower", price=product.price.display())
    return {"product_id": product.id, "price": r.price, "members_only": r.members_only,
            "tier_ids": tier_ids(s, r.tiers), "segment_id": segment_id(s, r.segment),
            "holdout_permille": r.holdout_permille, **shop_window(s, r.starts, r.ends)}


def audit_detail(fields: dict[str, Any]) -> dict[str, object]:
    """A campaign's columns as the audit log's detail (dates and times as text, money
    in yuan)."""
    out: dict[str, object] = {}
    for key, v in fields.items():
        if isinstance(v, Money):
            out[key] = v.display()
        elif isinstance(v, date | datetime):
            out[key] = v.isoformat()
        else:
            out[key] = v
    return out


def create(s: Session, actor: Actor, name: str, kind: str, fields: dict[str, Any]) -> CampaignRow:
    """A promotion of ``kind`` with checked ``fields``, its segment's audience saved
    and the creation audited, in the caller's transaction."""
    c = Campaign(name=new_name(s, name), kind=kind, seed=secrets.token_hex(16), **fields)
    s.add(c)
    s.flush()
    audience.take(s, c)
    record(s, actor, c, audit_detail(fields))
    return campaign_row(s, c)


def add_member_day(db: Database, actor: Actor, r: MemberDayRequest) -> CampaignRow:
    check_member_day(r)
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_PROMOTIONS)
        row = create(s, actor, r.name, MEMBER_DAY, member_day_fields(s, r))
        uow.commit()
    return row


def add_special(db: Database, actor: Actor, r: SpecialRequest) -> CampaignRow:
    check_special(r)
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_PROMOTIONS)
        row = create(s, actor, r.name, SPECIAL, special_fields(s, r))
        uow.commit()
    return row


def end_campaign(db: Database, actor: Actor, name: str) -> CampaignRow:
    """End a campaign now: a member day, special price or gift (满赠) stops at the
    counter at once, a coupon campaign issues no more (a run refuses it; the coupons
    it issued stay as issued); its report keeps the days it ran. Before its start this
    cancels it."""
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_PROMOTIONS)
        c = find_campaign(s, name)
        if state_of(s, c) == ENDED:
            raise ConflictError("promo_already_ended", name=c.name)
        at, today = clock.now(), clock.today(s)
        c.ended_at = at
        c.last_day = max(c.first_day, min(c.last_day, today))
        if c.ends_at is not None and c.starts_at is not None:
            c.ends_at = max(c.starts_at, min(c.ends_at, at))
        record(s, actor, c, {"ended": True, "last_day": c.last_day.isoformat()})
        row = campaign_row(s, c)
        uow.commit()
    return row


def audience_of(c: Campaign | Any, admitted: frozenset[int] = frozenset()) -> Audience:
    """Who ``c`` is for (a :class:`Campaign` or a row of :data:`_OPEN`); ``admitted``:
    the segment campaigns the cart's member is in (:func:`.audience.admitted`)."""
    tiers = frozenset(int(t) for t in c.tier_ids.split(",") if t)
    return Audience(c.seed, c.holdout_permille, tiers, c.segment_id is not None,
                    c.id in admitted)


_C = table(Campaign)
# The open member days, special prices and gifts: a Core read, run on the driver
# (every checkout asks; loading Campaign objects cost it ~0.5 ms).
_OPEN = select(
    _C.c.id, _C.c.name, _C.c.kind, _C.c.weekday, _C.c.on_day, _C.c.discount_permille,
    _C.c.multiplier_permille, _C.c.first_day, _C.c.last_day, _C.c.product_id, _C.c.price,
    _C.c.min_spend, _C.c.gift_qty, _C.c.starts_at, _C.c.ends_at, _C.c.members_only,
    _C.c.seed, _C.c.holdout_permille, _C.c.tier_ids, _C.c.segment_id,
).where(
    _C.c.kind.in_((MEMBER_DAY, SPECIAL, GIFT)), _C.c.ended_at.is_(None),
    _C.c.first_day <= bindparam("today"), _C.c.last_day >= bindparam("today"),
)


def open_promotions(s: Session, today: date, member_id: int | None = None
                    ) -> tuple[list[MemberDay], list[Special], list[Gift]]:
    """The member days, special prices and gifts (满赠) not ended whose days include
    ``today`` (one read, and one primary-key probe for those limited to a segment),
    as the cart of ``member_id`` sees them; the domain's rules pick what applies."""
    days: list[MemberDay] = []
    specials: list[Special] = []
    gifts: list[Gift] = []
    rows = list(run(connection(s), _OPEN, {"today": today}))
    admitted = audience.admitted(s, (c.id for c in rows if c.segment_id is not None),
                                 member_id)
    for c in rows:
        if c.kind == MEMBER_DAY:
            days.append(MemberDay(c.id, c.name, c.weekday, c.on_day, c.discount_permille,
                                  c.multiplier_permille, audience_of(c, admitted), c.first_day,
                                  c.last_day))
        elif c.kind == GIFT:
            gift = gift_of(c, admitted)
            if gift is not None:
                gifts.append(gift)
        elif c.product_id is not None and c.price is not None and c.starts_at and c.ends_at:
            specials.append(Special(c.id, c.name, c.product_id, c.price.fen, c.starts_at,
                                    c.ends_at, c.members_only, audience_of(c, admitted)))
    return days, specials, gifts


def gift_of(c: Campaign | Any, admitted: frozenset[int] = frozenset()) -> Gift | None:
    """The rule of a gift campaign row (None when a field is missing)."""
    if (c.product_id is None or c.min_spend is None or not c.gift_qty or c.starts_at is None
            or c.ends_at is None):
        return None
    return Gift(c.id, c.name, c.min_spend.fen, c.product_id, c.gift_qty, c.starts_at,
                c.ends_at, c.members_only, audience_of(c, admitted))
