"""Tiers that move (等级升降): the daily tier evaluation, the upgrade at checkout, the
tier history and the member card's notice of a recent change.

The rule itself is :mod:`memberdesk.domain.tiers` (spend over ``tiers.window_days``,
upgrade at the threshold, review at the end of a term with ``tiers.keep_percent``,
the lock). Every move is a row of the append-only ``tier_changes`` (old tier, new
tier, reason, business date, the spend it was judged on) and is audited in the
transaction that moves the member: at checkout one row per change (``tier.upgrade``),
in the daily evaluation one row per batch naming each move (``tier.evaluation``).

The daily job (:func:`evaluate_tiers`) looks only at members that may move: those
whose term has ended (a review), those with a sale refunded the day before (a drop
below the keep threshold), and those whose spend over the window reaches a threshold
above the lowest tier (an upgrade the checkout did not make, e.g. after a threshold
was lowered). It works in batches of members, each its own short unit of
work, like the points expiry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import bindparam, func, insert, or_, select, update
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.domain import shoptime
from memberdesk.domain.tiers import (
    TierMove,
    TierReason,
    TierStep,
    evaluate,
    is_locked,
    review_due,
    upgrade,
    window_start,
)
from memberdesk.models import Member, Refund, Sale, Tier, TierChange
from memberdesk.models.enums import MemberStatus, RefundKind
from memberdesk.money import Money
from memberdesk.services.notifications import outbox as notify_outbox
from memberdesk.services.shared import audit, clock, settings
from memberdesk.services.shared.batches import run_batches
from memberdesk.services.shared.driver import run
from memberdesk.services.shared.tables import connection, sync, table

NOTICE_DAYS = 30  # the member card shows a tier change this many days (today included)

_MEMBERS, _TIERS, _SALES = table(Member), table(Tier), table(Sale)
_REFUNDS, _CHANGES = table(Refund), table(TierChange)

_SALES_SPEND = select(func.sum(_SALES.c.payable)).where(
    _SALES.c.member_id == bindparam("member_id"),
    _SALES.c.business_date >= bindparam("start"), _SALES.c.business_date <= bindparam("day"))
_REFUNDED = (
    select(func.sum(_REFUNDS.c.amount))
    .select_from(_REFUNDS.join(_SALES, _SALES.c.id == _REFUNDS.c.sale_id))
    .where(_SALES.c.member_id == bindparam("member_id"), _REFUNDS.c.kind == RefundKind.SALE,
           _SALES.c.business_date >= bindparam("start"),
           _SALES.c.business_date <= bindparam("day"),
           _REFUNDS.c.business_date <= bindparam("day"))
)
_TIER_ROWS = select(_TIERS.c.id, _TIERS.c.rank, _TIERS.c.upgrade_threshold, _TIERS.c.active)
_MOVE = update(_MEMBERS).where(_MEMBERS.c.id == bindparam("member_id")).values(
    tier_id=bindparam("to_tier_id"), tier_evaluated_at=bindparam("at"))
_ADD_CHANGE = insert(_CHANGES)
# Members whose term has ended (reviews): above the lowest tier, not locked on the day.
_REVIEWS = (
    select(_MEMBERS.c.id)
    .select_from(_MEMBERS.join(_TIERS, _TIERS.c.id == _MEMBERS.c.tier_id))
    .where(_MEMBERS.c.status == MemberStatus.ACTIVE, _TIERS.c.rank > bindparam("lowest"),
           func.coalesce(_MEMBERS.c.tier_evaluated_at, _MEMBERS.c.created_at)
           < bindparam("cutoff", type_=_MEMBERS.c.created_at.type),
           or_(_MEMBERS.c.tier_locked_until.is_(None),
               _MEMBERS.c.tier_locked_until < bindparam("day")))
)
# Members with a sale refunded on the business date before the evaluation's.
_REFUNDED_MEMBERS = select(_REFUNDS.c.member_id).distinct().where(
    _REFUNDS.c.business_date == bindparam("yesterday"), _REFUNDS.c.kind == RefundKind.SALE,
    _REFUNDS.c.member_id.is_not(None))
# Members whose sales over the window reach the lowest threshold above the lowest tier.
_UPGRADES = (
    select(_SALES.c.member_id)
    .where(_SALES.c.business_date >= bindparam("start"),
           _SALES.c.business_date <= bindparam("day"), _SALES.c.member_id.is_not(None))
    .group_by(_SALES.c.member_id)
    .having(func.sum(_SALES.c.payable) >= bindparam("least", type_=_SALES.c.payable.type))
)
_RECENT_CHANGE = (
    select(_CHANGES.c.reason, _CHANGES.c.business_date, _CHANGES.c.from_tier_id,
           _CHANGES.c.to_tier_id)
    .where(_CHANGES.c.member_id == bindparam("member_id"),
           _CHANGES.c.reason.in_([TierReason.UPGRADE.value, TierReason.DOWNGRADE.value]),
           _CHANGES.c.business_date >= bindparam("since"))
    .order_by(_CHANGES.c.id.desc()).limit(1)
)
_TIER_NAMES = select(_TIERS.c.id, _TIERS.c.name).where(
    _TIERS.c.id.in_(bindparam("ids", expanding=True)))


@dataclass(frozen=True)
class TierRules:
    """The settings and tiers one evaluation uses."""

    window_days: int
    keep_percent: int
    tiers: tuple[TierStep, ...]  # the active tiers
    all_tiers: dict[int, TierStep]  # every tier, by id (a member may sit on an inactive one)

    def for_member(self, current_id: int) -> tuple[TierStep, ...]:
        """The tiers a member may move between: the active ones and their own."""
        current = self.all_tiers.get(current_id)
        if current is None or current in self.tiers:
            return self.tiers
        return (*self.tiers, current)


def load_rules(session: Session, window_days: int | None = None,
               keep_percent: int | None = None) -> TierRules:
    steps: list[TierStep] = []
    active: list[TierStep] = []
    for tier_id, rank, threshold, is_active in connection(session).execute(_TIER_ROWS):
        step = TierStep(tier_id, rank, threshold)
        steps.append(step)
        if is_active:
            active.append(step)
    return TierRules(
        window_days if window_days is not None else settings.get_int(session, "tiers.window_days"),
        keep_percent if keep_percent is not None
        else settings.get_int(session, "tiers.keep_percent"),
        tuple(sorted(active, key=lambda t: t.rank)), {t.id: t for t in steps})


def window_spend(session: Session, member_id: int, day: date, window_days: int) -> Money:
    """The member's net spend over the window ending on ``day``: their sales' payable
    less what was refunded of those sales (by ``day``)."""
    params = {"member_id": member_id, "start": window_start(day, window_days), "day": day}
    conn = connection(session)
    sold = conn.scalar(_SALES_SPEND, params) or Money(0)
    refunded = conn.scalar(_REFUNDED, params) or Money(0)
    return Money(max(0, sold.fen - refunded.fen))


def _apply(
    session: Session, member_id: int, move: TierMove, spend: Money, day: date, at: datetime,
    *, sale_id: int | None = None, staff_id: int | None = None,
) -> None:
    conn = connection(session)
    conn.execute(_MOVE, {"member_id": member_id, "to_tier_id": move.to_id, "at": at})
    sync(session, Member, member_id, tier_id=move.to_id, tier_evaluated_at=at)
    conn.execute(_ADD_CHANGE, {
        "member_id": member_id, "from_tier_id": move.from_id, "to_tier_id": move.to_id,
        "reason": move.reason.value, "spend": spend, "business_date": day, "sale_id": sale_id,
        "staff_id": staff_id, "created_at": clock.now()})
    if move.to_id != move.from_id:  # a renewal keeps the tier: no message
        notify_outbox.enqueue(session, "tier", member_id, {},
                              f"tier:{member_id}:{day.isoformat()}:{move.to_id}")


def record_manual(session: Session, member_id: int, from_id: int, to_id: int, day: date,
                  staff_id: int | None) -> None:
    """A manager's change of a member's tier (``tiers.set_member_tier``, audited there)
    in the tier history, in the caller's transaction."""
    connection(session).execute(_ADD_CHANGE, {
        "member_id": member_id, "from_tier_id": from_id, "to_tier_id": to_id,
        "reason": TierReason.MANUAL.value, "spend": Money(0), "business_date": day,
        "sale_id": None, "staff_id": staff_id, "created_at": clock.now()})
    if to_id != from_id:  # the member's row still holds the old tier: name the new one
        tier = session.get(Tier, to_id)
        notify_outbox.enqueue(session, "tier", member_id, {"tier": tier.name if tier else ""},
                              f"tier:{member_id}:{day.isoformat()}:{to_id}")


_UPPER = _TIERS.alias("upper")
_OWN = _TIERS.alias("own")
# The checkout's one read: the member's tier and lock, the spend over the window (sales,
# refunds of them) and the lowest threshold of a higher active tier (None: the top).
_CHECKOUT_VIEW = (
    select(
        _MEMBERS.c.tier_id, _MEMBERS.c.tier_locked_until,
        _SALES_SPEND.scalar_subquery(), _REFUNDED.scalar_subquery(),
        select(func.min(_UPPER.c.upgrade_threshold))
        .where(_UPPER.c.active.is_(True), _UPPER.c.rank > _OWN.c.rank).scalar_subquery(),
    )
    .select_from(_MEMBERS.join(_OWN, _OWN.c.id == _MEMBERS.c.tier_id))
    .where(_MEMBERS.c.id == bindparam("member_id"))
)
_MEMBER_NO = select(_MEMBERS.c.member_no).where(_MEMBERS.c.id == bindparam("member_id"))


def upgrade_at_checkout(
    session: Session, member_id: int, today: date, at: datetime, *, sale_id: int,
    staff_id: int | None, window_days: int,
) -> TierMove | None:
    """In the checkout's transaction, after the sale is written: move the member up at
    once if their spend over the window now reaches a higher tier (never down; never a
    locked member). One read when nothing moves. Returns the move, or None."""
    conn = connection(session)
    row = run(conn, _CHECKOUT_VIEW, {
        "member_id": member_id, "start": window_start(today, window_days), "day": today,
    }).first()
    if row is None or is_locked(row[1], today) or row[4] is None:
        return None
    spend = Money(max(0, (row[2] or Money(0)).fen - (row[3] or Money(0)).fen))
    if spend < row[4]:
        return None
    rules = load_rules(session, window_days, 100)
    move = upgrade(rules.for_member(row[0]), row[0], spend)
    if move is not None:
        member_no = conn.scalar(_MEMBER_NO, {"member_id": member_id})
        _apply(session, member_id, move, spend, today, at, sale_id=sale_id, staff_id=staff_id)
        audit.record(session, action=f"tier.{move.reason.value}", staff_id=staff_id,
                     entity="member", entity_id=member_no,
                     detail={"from": move.from_id, "to": move.to_id, "spend": spend.fen,
                             "business_date": today.isoformat(), "sale_id": sale_id})
    return move


# -- the daily job ------------------------------------------------------------------------


@dataclass(frozen=True)
class TierCounts:
    members: int = 0  # looked at
    up: int = 0
    down: int = 0
    renewed: int = 0
    cancelled: bool = False

    def as_dict(self) -> dict[str, int]:
        return {"members": self.members, "up": self.up, "down": self.down,
                "renewed": self.renewed}


def _candidates(session: Session, rules: TierRules, day: date,
                offset: int) -> tuple[list[int], set[int]]:
    """The members that may move on ``day`` and, of them, those with a refund the day
    before."""
    if not rules.tiers:
        return [], set()
    lowest = rules.tiers[0].rank
    conn = connection(session)
    cutoff = shoptime.start_of_day(day - timedelta(days=rules.window_days - 1), offset)
    ids = set(conn.scalars(_REVIEWS, {"lowest": lowest, "cutoff": cutoff, "day": day}))
    refunded = {int(m) for m in conn.scalars(
        _REFUNDED_MEMBERS, {"yesterday": day - timedelta(days=1)})}
    ids |= refunded
    above = [t.threshold for t in rules.tiers if t.rank > lowest]
    if above:
        ids.update(conn.scalars(_UPGRADES, {
            "start": window_start(day, rules.window_days), "day": day, "least": min(above)}))
    return sorted(ids), refunded


_ONE_MEMBER = select(
    _MEMBERS.c.member_no, _MEMBERS.c.tier_id, _MEMBERS.c.tier_locked_until,
    func.coalesce(_MEMBERS.c.tier_evaluated_at, _MEMBERS.c.created_at), _MEMBERS.c.status,
).where(_MEMBERS.c.id == bindparam("member_id"))


@dataclass(frozen=True)
class _Moved:
    member_no: str
    move: TierMove
    spend: Money


def _evaluate_one(session: Session, member_id: int, rules: TierRules, day: date,
                  offset: int, refunded: bool) -> _Moved | None:
    row = connection(session).execute(_ONE_MEMBER, {"member_id": member_id}).first()
    if row is None:
        return None
    member_no, tier_id, locked_until, since, status = row
    if status != MemberStatus.ACTIVE:
        return None
    spend = window_spend(session, member_id, day, rules.window_days)
    move = evaluate(
        rules.for_member(tier_id), tier_id, spend, keep_percent=rules.keep_percent,
        due=review_due(shoptime.business_date(since, offset), rules.window_days, day),
        locked=is_locked(locked_until, day), refunded=refunded)
    if move is None:
        return None
    _apply(session, member_id, move, spend, day, shoptime.start_of_day(day, offset))
    return _Moved(member_no, move, spend)


def _audit_moves(session: Session, day: date, moved: list[_Moved]) -> None:
    """One audit row per batch of the evaluation (``tier.evaluation``), naming every
    move: member number, from and to tier ids, reason, spend in fen."""
    audit.record(session, action="tier.evaluation", staff_id=None, entity="tier_changes",
                 entity_id=day.isoformat(), detail={"moves": [
                     [m.member_no, m.move.from_id, m.move.to_id, m.move.reason.value,
                      m.spend.fen] for m in moved]})


def evaluate_tiers(
    db: Database,
    day: date,
    *,
    step: Callable[[int, int], bool] | None = None,
) -> TierCounts:
    """The tier evaluation of business date ``day``: upgrades the spend earns, and at
    the end of a member's term a renewal or a downgrade (see :mod:`memberdesk.domain.tiers`).
    Locked members stay. The members that may move are found in a read transaction,
    then handled in short write transactions (:mod:`.job_batches`). Idempotent for a
    day: a member moved or renewed on ``day`` starts a new term and is not due again;
    an upgraded one no longer qualifies for more. ``step(done, total)`` after each
    batch; False stops (what is done stays)."""
    with db.reader() as r:
        s = r.session
        rules = load_rules(s)
        offset = clock.offset_minutes(s)
        ids, refunded = _candidates(s, rules, day, offset)
    moved: dict[TierReason, int] = {}

    def work(session: Session, member_id: int) -> _Moved | None:
        result = _evaluate_one(session, member_id, rules, day, offset, member_id in refunded)
        if result is not None:
            moved[result.move.reason] = moved.get(result.move.reason, 0) + 1
        return result

    done, cancelled = run_batches(db, ids, work, step=step,
                                  audit_batch=lambda s, m: _audit_moves(s, day, m))
    return TierCounts(done, moved.get(TierReason.UPGRADE, 0), moved.get(TierReason.DOWNGRADE, 0),
                      moved.get(TierReason.RENEW, 0), cancelled)


# -- the member card ----------------------------------------------------------------------


@dataclass(frozen=True)
class TierNotice:
    """A recent tier change for the member card: up or down, from and to, when."""

    upgraded: bool
    from_name: str
    to_name: str
    on: date


def recent_change(session: Session, member_id: int, today: date) -> TierNotice | None:
    """The member's latest upgrade or downgrade within :data:`NOTICE_DAYS`, or None."""
    conn = connection(session)
    row = conn.execute(_RECENT_CHANGE, {
        "member_id": member_id, "since": today - timedelta(days=NOTICE_DAYS - 1)}).first()
    if row is None:
        return None
    names = dict(conn.execute(_TIER_NAMES, {"ids": [row.from_tier_id, row.to_tier_id]}).all())
    return TierNotice(row.reason == TierReason.UPGRADE.value, names.get(row.from_tier_id, ""),
                      names.get(row.to_tier_id, ""), row.business_date)

