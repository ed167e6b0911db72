"""Birthday gifts (生日礼): the daily job that gives each member, once a year, the
birthday points (``birthday.points``) and/or a coupon of the template
``birthday.coupon_template``, on the birthday or in the birthday month
(``birthday.mode``). A member born on 29 February gets it on 28 February in a year
without a 29 February.

Once a year is the ``birthday_gifts`` table (unique per member and year, append-only):
running the job twice, or catching up days, finds the gift given and gives nothing.
The points are a BONUS entry in the points ledger (a lot expiring by
the points expiry policy like earned points); the coupon is issued with its ISSUE
event; the gifts are audited, one row per batch naming each (``birthday.gifts``).

The job gives them set-based, like the points expiry: :data:`BATCH_MEMBERS` members a
short unit of work, each kind of row one multi-row statement (:func:`give_gifts`);
:func:`give_one` is the member-by-member definition it is tested equal to.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Integer, Select, bindparam, exists, extract, insert, or_, select, update
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.domain import shoptime
from memberdesk.domain.tiers import BirthdayMode, month_days
from memberdesk.models import (
    BirthdayGift,
    Coupon,
    CouponEvent,
    CouponTemplate,
    Member,
    PointsEntry,
    PointsLot,
)
from memberdesk.models.enums import CouponEventKind, CouponStatus, MemberStatus, PointsKind
from memberdesk.services.coupons import core as coupons
from memberdesk.services.notifications import outbox as notify_outbox
from memberdesk.services.shared import audit, clock, settings
from memberdesk.services.shared.batches import run_batches
from memberdesk.services.shared.errors import NotFoundError
from memberdesk.services.shared.ledger import Refs, credit_points, ref_values
from memberdesk.services.shared.policy import Policy
from memberdesk.services.shared.tables import connection, insert_many, sync, table

log = logging.getLogger(__name__)

PAGE = 5000  # members due read at a time (a read transaction: no write lock)
BATCH_MEMBERS = 200  # members given their gifts in one unit of work (a few statements)
NOTICE_DAYS = 30  # the member card shows the gift this many days (today included)
# Points earned at a checkout on the birthday (or in the birthday month, by
# ``birthday.mode``) are multiplied by this (‰, on top of the tier's multiplier): the
# sale's EARN entry holds them, so a refund takes them back with the rest.
BIRTHDAY_MULTIPLIER = "birthday.points_multiplier_permille"


def birthday_points_note(permille: int) -> str:
    """The sale receipt's note when the birthday multiplier applied: "生日积分 ×2"."""
    return f"生日积分 ×{permille / 1000:g}"

_MEMBERS, _GIFTS = table(Member), table(BirthdayGift)
_ENTRIES, _LOTS = table(PointsEntry), table(PointsLot)
_COUPONS, _EVENTS = table(Coupon), table(CouponEvent)
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


def give_one(session: Session, member_id: int, plan: BirthdayPlan, day: date,
             offset: int) -> tuple[int, int]:
    """One member's gift of ``day.year`` in the caller's transaction: (points, coupons).
    The definition :func:`give_gifts` does for a batch (a test holds them equal)."""
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


_GIVEN_OF = select(_GIFTS.c.member_id).where(
    _GIFTS.c.year == bindparam("year"), _GIFTS.c.member_id.in_(bindparam("ids", expanding=True)))
_BALANCES = (select(_MEMBERS.c.id, _MEMBERS.c.points_balance)
             .where(_MEMBERS.c.id.in_(bindparam("ids", expanding=True))).with_for_update())
_ADD_ENTRIES = insert(_ENTRIES).returning(_ENTRIES.c.id, sort_by_parameter_order=True)
_SET_BALANCE = update(_MEMBERS).where(_MEMBERS.c.id == bindparam("member_id")).values(
    points_balance=bindparam("after"))


def _credit_all(session: Session, ids: list[int], plan: BirthdayPlan, day: date) -> dict[int, int]:
    """The gift's points for each of ``ids`` (in id order): a BONUS entry and its lot
    each, the balances moved; {member: entry id}."""
    conn = connection(session)
    balance = {int(m): int(b) for m, b in conn.execute(_BALANCES, {"ids": ids})}
    base = ref_values(Refs(note=f"生日礼 {day.year}"))
    rows = []
    for m in ids:
        if m not in balance:
            raise NotFoundError("member_not_found", key=m)
        balance[m] += plan.points
        rows.append({**base, "member_id": m, "kind": PointsKind.BONUS, "delta": plan.points,
                     "balance_after": balance[m]})
    entry_ids = [int(e) for e in conn.execute(_ADD_ENTRIES, rows).scalars()]
    expires = plan.expiry.points_expire_on(day)
    conn.execute(insert(_LOTS), [
        {"member_id": m, "entry_id": e, "points": plan.points, "remaining": plan.points,
         "expires_on": expires} for m, e in zip(ids, entry_ids, strict=True)])
    conn.execute(_SET_BALANCE, [{"member_id": m, "after": balance[m]} for m in ids])
    for m in ids:
        sync(session, Member, m, points_balance=balance[m])
    return dict(zip(ids, entry_ids, strict=True))


def _issue_all(session: Session, ids: list[int], template: CouponTemplate,
               at: datetime) -> dict[int, int]:
    """A coupon of ``template`` for each of ``ids`` with its ISSUE event, as
    :func:`.coupons.issue_in` writes one; {member: coupon id}."""
    conn = connection(session)
    valid_from, valid_to = coupons.validity(template, at)
    codes = coupons.new_codes(session, len(ids))
    insert_many(conn, _COUPONS, [
        {"code": code, "template_id": template.id, "member_id": m, "status": CouponStatus.ISSUED,
         "valid_from": valid_from, "valid_to": valid_to, "issued_at": at}
        for code, m in zip(codes, ids, strict=True)])
    coupon_of = {int(m): int(i) for i, m in conn.execute(
        select(_COUPONS.c.id, _COUPONS.c.member_id).where(_COUPONS.c.code.in_(codes)))}
    insert_many(conn, _EVENTS, [
        {"coupon_id": coupon_of[m], "kind": CouponEventKind.ISSUE,
         "status_after": CouponStatus.ISSUED, "sale_id": None, "recharge_id": None,
         "refund_id": None, "staff_id": None, "created_at": at} for m in ids])
    return coupon_of


def give_gifts(session: Session, members: Sequence[tuple[int, str]], plan: BirthdayPlan,
               day: date, offset: int) -> list[tuple[str, int, int]]:
    """:func:`give_one` for each of ``members`` (id, member number) in a handful of
    statements in the caller's transaction: the same entries, lots, coupons, events,
    gift rows and messages. Returns (member number, points, coupons) per gift given."""
    conn = connection(session)
    members = sorted(members)
    given = set(conn.execute(_GIVEN_OF, {"year": day.year,
                                         "ids": [m for m, _ in members]}).scalars())
    todo = [(m, no) for m, no in members if m not in given]  # not given meanwhile
    if not todo:
        return []
    ids = [m for m, _ in todo]
    entry_of = _credit_all(session, ids, plan, day) if plan.points > 0 else {}
    template = session.get(CouponTemplate, plan.template_id) if plan.template_id else None
    coupon_of = ({} if template is None else
                 _issue_all(session, ids, template, shoptime.start_of_day(day, offset)))
    now = clock.now()
    conn.execute(_ADD_GIFT, [
        {"member_id": m, "year": day.year, "business_date": day,
         "points": plan.points if m in entry_of else 0, "points_entry_id": entry_of.get(m),
         "coupon_id": coupon_of.get(m), "created_at": now} for m in ids])
    gifts = [(m, no, plan.points if m in entry_of else 0, 1 if m in coupon_of else 0)
             for m, no in todo]
    gifts = [g for g in gifts if g[2] or g[3]]
    if gifts and plan.expiry.bool("notify.birthday.on"):  # the greeting goes with the gift
        who = notify_outbox.recipients(session, [g[0] for g in gifts])
        draft = notify_outbox.Draft.of(plan.expiry, "birthday", now)
        notify_outbox.write(session, [row for m, _no, p, _c in gifts if (
            row := notify_outbox.message(
                plan.expiry, "birthday", m, who.get(m), {"points": p, "date": day.isoformat()},
                f"birthday:{m}:{day.year}", now, draft)) is not None])
    return [(no, p, c) for _m, no, p, c in gifts]


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
    chunks = [due[i:i + BATCH_MEMBERS] for i in range(0, len(due), BATCH_MEMBERS)]
    given = {"members": 0, "points": 0, "coupons": 0}

    def work(session: Session, chunk: list[tuple[int, str]]) -> list[tuple[str, int, int]]:
        gifts = give_gifts(session, chunk, plan, day, offset)
        given["members"] += len(chunk)
        given["points"] += sum(g[1] for g in gifts)
        given["coupons"] += sum(g[2] for g in gifts)
        return gifts

    def audit_chunk(session: Session, results: list[list[tuple[str, int, int]]]) -> None:
        gifts = [g for r in results for g in r]
        if gifts:
            _audit_gifts(session, day, gifts)

    def progress(_chunks: int, _total: int) -> bool:
        return step is None or step(given["members"], len(due))

    _, cancelled = run_batches(db, chunks, work, step=progress, audit_batch=audit_chunk,
                               max_members=1)
    done = given["members"]
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

