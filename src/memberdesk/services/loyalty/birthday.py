"""Birthday gifts (生日礼): the daily job that gives each member, once a year, the
birthday points (``birthday.points``) and/or a coupon of the template
``birthday.coupon_template``, on the birthday or in the birthday month
(``birthday.mode``). A member born on 29 February gets it on 28 February in a year
without a 29 February.

Once a year is the ``birthday_gifts`` table (unique per member and year, append-only):
running the job twice, or catching up days, finds the gift given and gives nothing.
The points are a BONUS entry in the points ledger (a lot expiring by
the points expiry policy like earned points); the coupon is issued with its ISSUE
event; the gifts are audited, one row per batch naming each (``birthday.gifts``). Batches of members, each its own
short unit of work, like the points expiry.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Integer, Select, bindparam, exists, extract, insert, or_, select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.domain import shoptime
from memberdesk.domain.tiers import BirthdayMode, month_days
from memberdesk.models import BirthdayGift, CouponTemplate, Member
from memberdesk.models.enums import MemberStatus, PointsKind
from memberdesk.services.coupons import core as coupons
from memberdesk.services.notifications import outbox as notify_outbox
from memberdesk.services.shared import audit, clock, settings
from memberdesk.services.shared.batches import run_batches
from memberdesk.services.shared.ledger import Refs, credit_points
from memberdesk.services.shared.policy import Policy
from memberdesk.services.shared.tables import connection, table

log = logging.getLogger(__name__)

PAGE = 5000  # members due read at a time (a read transaction: no write lock)
NOTICE_DAYS = 30  # the member card shows the gift this many days (today included)
# Points earned at a checkout on the birthday (or in the birthday month, by
# ``birthday.mode``) are multiplied by this (‰, on top of the tier's multiplier): the
# sale's EARN entry holds them, so a refund takes them back with the rest.
BIRTHDAY_MULTIPLIER = "birthday.points_multiplier_permille"


def birthday_points_note(permille: int) -> str:
    """The sale receipt's note when the birthday multiplier applied: "生日积分 ×2"."""
    return f"生日积分 ×{permille / 1000:g}"

_MEMBERS, _GIFTS = table(Member), table(BirthdayGift)
_ADD_GIFT = insert(_GIFTS)
_GIVEN = select(_GIFTS.c.id).where(_GIFTS.c.member_id == bindparam("member_id"),
                                   _GIFTS.c.year == bindparam("year"))


def _due_members(mode: BirthdayMode, day: date) -> Select[Any]:
    """Members whose gift of ``day.year`` is due on ``day`` and not given yet, active,
    registered by the end of ``day``; ``after``/``batch`` page through them by id."""
    month = extract("month", _MEMBERS.c.birthday)
    dom = extract("day", _MEMBERS.c.birthday)
    pairs = month_days(day, mode)
    if mode is BirthdayMode.MONTH:
        match = month == pairs[0][0]
    else:
        match = or_(*[(month == m) & (dom == d) for m, d in pairs])
    given = exists().where(_GIFTS.c.member_id == _MEMBERS.c.id, _GIFTS.c.year == day.year)
    return (
        select(_MEMBERS.c.id, _MEMBERS.c.member_no)
        .where(_MEMBERS.c.status == MemberStatus.ACTIVE, _MEMBERS.c.birthday.is_not(None),
               match, ~given, _MEMBERS.c.id > bindparam("after"),
               _MEMBERS.c.created_at < bindparam("registered_by",
                                                  type_=_MEMBERS.c.created_at.type))
        .order_by(_MEMBERS.c.id)
        .limit(bindparam("batch", type_=Integer))
    )


@dataclass(frozen=True)
class BirthdayPlan:
    mode: BirthdayMode
    points: int
    expiry: Policy  # points.expiry_policy / validity_days for the gift's points
    template_id: int | None  # the active coupon template ``birthday.coupon_template`` names
    template_code: str  # as set (it may name no active template)

    @property
    def gives_anything(self) -> bool:
        return self.points > 0 or self.template_id is not None


def load_plan(session: Session) -> BirthdayPlan:
    code = settings.get_str(session, "birthday.coupon_template").strip()
    template = None
    if code:
        template = session.scalar(select(CouponTemplate.id).where(
            CouponTemplate.code == code, CouponTemplate.active.is_(True)))
        if template is None:
            log.warning("birthday.coupon_template %r names no active coupon template", code)
    return BirthdayPlan(BirthdayMode(settings.get_str(session, "birthday.mode")),
                        settings.get_int(session, "birthday.points"),
                        Policy.load(session), template, code)


@dataclass(frozen=True)
class BirthdayCounts:
    members: int = 0
    points: int = 0
    coupons: int = 0
    cancelled: bool = False

    def as_dict(self) -> dict[str, int]:
        return {"members": self.members, "points": self.points, "coupons": self.coupons}


def _give(session: Session, member_id: int, plan: BirthdayPlan, day: date,
          offset: int) -> tuple[int, int]:
    """One member's gift of ``day.year`` in the caller's transaction: (points, coupons)."""
    if connection(session).execute(_GIVEN, {"member_id": member_id, "year": day.year}).first():
        return 0, 0  # given meanwhile (another process)
    note = f"生日礼 {day.year}"
    entry_id = coupon_id = None
    if plan.points > 0:
        entry = credit_points(session, member_id, PointsKind.BONUS, plan.points,
                              plan.expiry.points_expire_on(day), Refs(note=note))
        entry_id = entry.id
    template = session.get(CouponTemplate, plan.template_id) if plan.template_id else None
    if template is not None:
        coupon = coupons.issue_in(session, template, member_id, None,
                                  shoptime.start_of_day(day, offset))
        coupon_id = coupon.id
    connection(session).execute(_ADD_GIFT, {
        "member_id": member_id, "year": day.year, "business_date": day,
        "points": plan.points if entry_id else 0, "points_entry_id": entry_id,
        "coupon_id": coupon_id, "created_at": clock.now()})
    if entry_id or coupon_id:  # the greeting goes with the gift (promotional)
        notify_outbox.enqueue(session, "birthday", member_id,
                              {"points": plan.points if entry_id else 0, "date": day.isoformat()},
                              f"birthday:{member_id}:{day.year}", policy=plan.expiry)
    return (plan.points if entry_id else 0), (1 if coupon_id else 0)


def _audit_gifts(session: Session, day: date, gifts: list[tuple[str, int, int]]) -> None:
    """One audit row per batch (``birthday.gifts``), naming each gift: member number,
    points, coupons."""
    audit.record(session, action="birthday.gifts", staff_id=None, entity="birthday_gifts",
                 entity_id=day.isoformat(), detail={"gifts": [list(g) for g in gifts]})


def give_birthday_gifts(
    db: Database,
    day: date,
    *,
    step: Callable[[int, int], bool] | None = None,
) -> BirthdayCounts:
    """The birthday gifts due on business date ``day``. Nothing to give (no points, no
    coupon template) gives nothing and scans nothing. The members due are found in a
    read transaction (pages of :data:`PAGE` by id), then given their gifts in short
    write transactions (:mod:`.job_batches`). ``step(done, total)`` after each batch;
    False stops there (what is given stays given)."""
    with db.reader() as r:
        s = r.session
        plan = load_plan(s)
        offset = clock.offset_minutes(s)
        due: list[tuple[int, str]] = []
        if plan.gives_anything:
            statement = _due_members(plan.mode, day)
            registered_by = shoptime.start_of_day(day + timedelta(days=1), offset)
            after = 0
            while True:
                rows = [(int(i), str(no)) for i, no in connection(s).execute(statement, {
                    "after": after, "batch": PAGE, "registered_by": registered_by})]
                due += rows
                if len(rows) < PAGE:
                    break
                after = rows[-1][0]
    given = {"points": 0, "coupons": 0}

    def work(session: Session, member: tuple[int, str]) -> tuple[str, int, int] | None:
        p, c = _give(session, member[0], plan, day, offset)
        given["points"] += p
        given["coupons"] += c
        return (member[1], p, c) if p or c else None

    done, cancelled = run_batches(db, due, work, step=step,
                                  audit_batch=lambda s, g: _audit_gifts(s, day, g))
    return BirthdayCounts(done, given["points"], given["coupons"], cancelled)


# -- the member card ----------------------------------------------------------------------

_RECENT_GIFT = (
    select(_GIFTS.c.business_date, _GIFTS.c.points, _GIFTS.c.coupon_id)
    .where(_GIFTS.c.member_id == bindparam("member_id"),
           _GIFTS.c.business_date >= bindparam("since"), _GIFTS.c.business_date <= bindparam("day"))
    .order_by(_GIFTS.c.id.desc()).limit(1)
)


@dataclass(frozen=True)
class BirthdayNotice:
    """The member's birthday gift, for the member card while it is recent."""

    on: date
    points: int
    coupon: bool


def recent_gift(session: Session, member_id: int, today: date) -> BirthdayNotice | None:
    """The gift given within :data:`NOTICE_DAYS` (today included), or None."""
    row = connection(session).execute(_RECENT_GIFT, {
        "member_id": member_id, "since": today - timedelta(days=NOTICE_DAYS - 1),
        "day": today}).first()
    if row is None:
        return None
    return BirthdayNotice(row.business_date, int(row.points), row.coupon_id is not None)

