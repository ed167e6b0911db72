"""Coupon campaigns (营销活动): a coupon template issued to a segment, once per member,
minus a random hold-out that gets nothing.

Creating a campaign fixes its segment, template, hold-out share and a random seed
(:func:`memberdesk.domain.campaigns.held_out` draws the hold-out from it, the same on
every run) and the window its result is measured over (``first_day`` .. ``last_day``).

A run finds the segment's members not yet in ``campaign_members`` (a read, no write
lock), then works through them a chunk of members per unit of work in set-based
statements (:mod:`.campaign_issue`, one audit row a chunk; with the ``campaign``
message when that event is on): each member's row is written in the same
transaction as their coupon, and the row's key (campaign, member) is unique, so a run that stops midway (a
crash, a cancel, a full disk) leaves whole members only and a rerun goes on with the
rest: each member's coupon is issued exactly once. Members who joined the segment since
are included by a rerun; members who left it keep what they were given. Needs
``manage_promotions``.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.domain.campaigns import DEFAULT_HOLDOUT_PERMILLE, MAX_HOLDOUT_PERMILLE
from memberdesk.models import Campaign, CampaignMember, CouponTemplate, Member, Product, Segment
from memberdesk.money import Money
from memberdesk.services.campaigns import audience, issue as campaign_issue
from memberdesk.services.campaigns.segments import find_segment
from memberdesk.services.coupons.admin import issuable_template
from memberdesk.services.members.filter import conditions, from_json
from memberdesk.services.shared import audit, clock
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import ConflictError, NotFoundError, ValidationError
from memberdesk.services.shared.permissions import Permission, require
from memberdesk.services.shared.requests import clean_text

MAX_DAYS = 366
DEFAULT_DAYS = 30
MAX_MEMBERS_PER_BATCH: int | None = 1000  # members a unit of work (tests make it small)
# Kept from the member-by-member runs; a unit of work is now one chunk of members.
BATCH_BUDGET_MS = 50.0


@dataclass(frozen=True)
class CampaignRequest:
    name: str
    segment: str  # a segment's name
    template: str  # a coupon template's code or name
    holdout_permille: int = DEFAULT_HOLDOUT_PERMILLE
    days: int = DEFAULT_DAYS  # the measured window, from the first day
    first_day: date | None = None  # None: the shop's today


@dataclass(frozen=True)
class CampaignRow:
    id: int
    name: str
    segment: str
    template: str
    holdout_permille: int
    first_day: date
    last_day: date
    reached: int  # members given a coupon
    held_out: int
    finished: bool
    kind: str = "coupon"  # or member_day, special, gift (campaigns/promotions.py, campaigns/gifts.py)
    ended: bool = False  # ended early (any kind: promotions.end_campaign)
    weekday: int | None = None  # member day: 0 Monday .. 6 Sunday
    on_day: date | None = None
    discount_permille: int = 1000
    multiplier_permille: int = 1000
    product: str = ""  # special price: the product's name, its price and window
    price: Money | None = None
    starts: datetime | None = None  # shop time
    ends: datetime | None = None
    members_only: bool = False
    min_spend: Money | None = None  # gift (满赠): the threshold, the gift is ``product``
    gift_qty: int = 0
    state: str = "pending"  # pending, running or ended (state_of): what may change


@dataclass(frozen=True)
class CampaignRun:
    name: str
    issued: int  # coupons issued by this run
    held_out: int  # members held out by this run
    reached: int  # all members given a coupon so far
    held_out_total: int
    cancelled: bool


def find_campaign(s: Session, name: str) -> Campaign:
    c = s.scalar(select(Campaign).where(Campaign.name == (name or "").strip()))
    if c is None:
        raise NotFoundError("campaign_not_found", name=name)
    return c


def check_coupon(r: CampaignRequest) -> None:
    if type(r.holdout_permille) is not int or not (
            0 <= r.holdout_permille <= MAX_HOLDOUT_PERMILLE):
        raise ValidationError("campaign_bad_holdout", max=MAX_HOLDOUT_PERMILLE // 10)
    if type(r.days) is not int or not 1 <= r.days <= MAX_DAYS:
        raise ValidationError("campaign_bad_days", max=MAX_DAYS)


def coupon_fields(s: Session, r: CampaignRequest) -> dict[str, Any]:
    """A checked coupon campaign's columns (the one rule for creating and editing)."""
    seg = find_segment(s, r.segment)
    t = issuable_template(s, r.template)
    first = r.first_day or clock.today(s)
    return {"segment_id": seg.id, "template_id": t.id, "holdout_permille": r.holdout_permille,
            "first_day": first, "last_day": first + timedelta(days=r.days - 1)}


def create_campaign(db: Database, actor: Actor, r: CampaignRequest) -> CampaignRow:
    name = clean_text(r.name or "", 41)
    if not name or len(name) > 40:
        raise ValidationError("campaign_name_needed")
    check_coupon(r)
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_PROMOTIONS)
        if s.scalar(select(Campaign.id).where(Campaign.name == name)):
            raise ConflictError("campaign_exists", name=name)
        c = Campaign(name=name, seed=secrets.token_hex(16), **coupon_fields(s, r))
        s.add(c)
        s.flush()
        audit.record(s, action="campaign.create", staff_id=actor.staff_id, entity="campaign",
                     entity_id=name, detail={"segment": r.segment, "template": r.template,
                                             "holdout_permille": c.holdout_permille,
                                             "first_day": c.first_day.isoformat(),
                                             "last_day": c.last_day.isoformat()})
        row = campaign_row(s, c)
        uow.commit()
    return row


PENDING, RUNNING, ENDED = "pending", "running", "ended"


def state_of(s: Session, c: Campaign) -> str:
    """Where a campaign is: ``pending`` (not started: every field may change),
    ``running`` (it may only be ended early) or ``ended`` (read only). A coupon
    campaign starts with its first run (its coupons and hold-out drawn) and is over
    after its last day; a special price or gift runs from ``starts_at`` to
    ``ends_at``; a member day over its days."""
    if c.ended_at is not None:
        return ENDED
    today = clock.today(s)
    if c.kind == "coupon":
        if c.started_at is None:
            return PENDING
        return RUNNING if today <= c.last_day else ENDED
    if c.starts_at is not None and c.ends_at is not None:
        now = clock.now()
        return PENDING if now < c.starts_at else RUNNING if now < c.ends_at else ENDED
    return PENDING if today < c.first_day else RUNNING if today <= c.last_day else ENDED


def _counts(s: Session, campaign_id: int) -> tuple[int, int]:
    got = {bool(h): int(n) for h, n in s.execute(
        select(CampaignMember.held_out, func.count())
        .where(CampaignMember.campaign_id == campaign_id).group_by(CampaignMember.held_out))}
    return int(got.get(False, 0)), int(got.get(True, 0))


def campaign_row(s: Session, c: Campaign) -> CampaignRow:
    if c.kind != "coupon":
        return _promotion_row(s, c)
    reached, held = _counts(s, c.id)
    seg = s.get_one(Segment, c.segment_id)
    t = s.get_one(CouponTemplate, c.template_id)
    return CampaignRow(c.id, c.name, seg.name, t.name, c.holdout_permille, c.first_day,
                       c.last_day, reached, held, c.finished_at is not None,
                       ended=c.ended_at is not None, state=state_of(s, c))


def _promotion_row(s: Session, c: Campaign) -> CampaignRow:
    product = (s.scalar(select(Product.name).where(Product.id == c.product_id)) or ""
               if c.product_id is not None else "")
    segment, reached, held = "", 0, 0
    if c.segment_id is not None:  # its audience, saved (services/campaigns/audience.py)
        segment = s.get_one(Segment, c.segment_id).name
        reached, held = audience.counts(s, c.id)
    return CampaignRow(
        c.id, c.name, segment, "", c.holdout_permille, c.first_day, c.last_day, reached, held,
        c.ended_at is not None, c.kind, c.ended_at is not None, c.weekday, c.on_day,
        c.discount_permille, c.multiplier_permille, product, c.price,
        clock.local_time(s, c.starts_at) if c.starts_at else None,
        clock.local_time(s, c.ends_at) if c.ends_at else None, c.members_only, c.min_spend,
        c.gift_qty or 0, state_of(s, c))


def list_campaigns(db: Database, actor: Actor) -> list[CampaignRow]:
    with db.reader() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_PROMOTIONS)
        return [campaign_row(s, c) for c in s.scalars(select(Campaign).order_by(Campaign.id.desc()))]


def _pending(db: Database, campaign_id: int, filter_json: str) -> list[int]:
    """The segment's members not yet in the campaign, by id."""
    with db.reader() as uow:
        s = uow.session
        done = select(CampaignMember.member_id).where(CampaignMember.campaign_id == campaign_id)
        return list(s.scalars(select(Member.id).where(*conditions(s, from_json(filter_json)),
                                                      Member.id.not_in(done))
                              .order_by(Member.id)))


def run_campaign(db: Database, actor: Actor, name: str, *,
                 step: Callable[[int, int], bool] | None = None) -> CampaignRun:
    """Issue the campaign's coupons to the members of its segment not yet reached
    (see the module's text). ``step(done, total)`` after each batch; False stops
    there (what was issued stays issued; run it again to go on)."""
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_PROMOTIONS)
        c = find_campaign(s, name)
        if c.kind != "coupon" or c.template_id is None or c.segment_id is None:
            raise ValidationError("promo_not_runnable", name=c.name)
        if c.ended_at is not None:
            raise ConflictError("promo_already_ended", name=c.name)
        t = issuable_template(s, str(s.get_one(CouponTemplate, c.template_id).code))
        seg = s.get_one(Segment, c.segment_id)
        cid, tid, seed, share = c.id, t.id, c.seed, c.holdout_permille
        label, filter_json = c.name, seg.filter_json
        if c.started_at is None:
            c.started_at = clock.now()
        audit.record(s, action="campaign.run", staff_id=actor.staff_id, entity="campaign",
                     entity_id=label, detail={"segment": seg.name, "template": t.code})
        uow.commit()
    pending = _pending(db, cid, filter_json)
    job = campaign_issue.Issue(cid, label, tid, seed, share, actor.staff_id, clock.now())
    issued, held_now, cancelled = campaign_issue.issue(
        db, job, pending, MAX_MEMBERS_PER_BATCH or 1000, budget_ms=BATCH_BUDGET_MS, step=step)
    with db.uow() as uow:
        s = uow.session
        c = s.get_one(Campaign, cid)
        if not cancelled and c.finished_at is None:
            c.finished_at = clock.now()
        reached, held = _counts(s, cid)
        uow.commit()
    return CampaignRun(label, issued, held_now, reached, held, cancelled)
