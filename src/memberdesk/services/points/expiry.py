"""Points expiry (积分过期): the daily job that writes expired lots off, and the one
"expiring soon" rule the member card, the receipt and the back office's list share.

A lot with ``expires_on = D`` can be spent through D; the job of business date
D + 1 posts an EXPIRE entry for what is left of it (one entry per lot, never a
deletion), so the balance, the points report and the day close's liability are
true. The job works in batches of members, each batch its own short unit of work,
so a checkout waits at most one batch for the write lock.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.domain.points import (
    ExpiryNotice,
    expiry_horizon,
    expiry_notice,
    parse_reminder_days,
)
from memberdesk.models import Member, PointsEntry, PointsLot, PointsLotMove
from memberdesk.models.enums import PointsKind
from memberdesk.services.shared import settings
from memberdesk.services.shared.driver import run
from memberdesk.services.shared.ledger import Refs, ref_values, usable_lots
from memberdesk.services.shared.tables import connection, sync, table

_LOTS = table(PointsLot)
_MEMBERS, _ENTRIES, _MOVES = table(Member), table(PointsEntry), table(PointsLotMove)
# The members with a lot due, a row a lot (``ix_points_lots_due``: lots with points
# left, by date). Not DISTINCT nor LIMIT: SQLite then scans ix_points_lots_member_expiry
# from the first member, and each batch of a run scanned again past the members
# already done (1,000,000 members: 0.3 s a batch, inside the write lock).
_DUE_LOTS = select(_LOTS.c.member_id).where(
    _LOTS.c.remaining > 0, _LOTS.c.expires_on < bindparam("day"))

BATCH_MEMBERS = 200
PAUSE_S = 0.1  # the longest pause between two batches (see expire_due)

# A batch's lots past their date, member by member, each member's by id (the order
# their entries are posted in), and the members' balances, locked for the batch.
_DUE_LOTS_OF_MEMBERS = (
    select(_LOTS.c.id, _LOTS.c.member_id, _LOTS.c.remaining)
    .where(_LOTS.c.member_id.in_(bindparam("ids", expanding=True)), _LOTS.c.remaining > 0,
           _LOTS.c.expires_on < bindparam("day"))
    .order_by(_LOTS.c.member_id, _LOTS.c.id)
)
_BALANCES = (select(_MEMBERS.c.id, _MEMBERS.c.points_balance)
             .where(_MEMBERS.c.id.in_(bindparam("ids", expanding=True))).with_for_update())
_ADD_ENTRIES = insert(_ENTRIES).returning(_ENTRIES.c.id, sort_by_parameter_order=True)
_EMPTY_LOT = update(_LOTS).where(_LOTS.c.id == bindparam("lot_id")).values(
    remaining=_LOTS.c.remaining - bindparam("taken"))
_SET_BALANCE = update(_MEMBERS).where(_MEMBERS.c.id == bindparam("member_id")).values(
    points_balance=bindparam("after"))


@dataclass(frozen=True)
class MemberExpiry:
    """What a member's usable points will do: ``expiring`` points within
    ``expiring_days`` (today included), the soonest ``next_expiry``, and the reminder
    (``points.reminder_days`` before a lot expires) or None."""

    expiring: int
    expiring_days: int
    next_expiry: date | None
    notice: ExpiryNotice | None


def reminder_days(session: Session) -> tuple[int, ...]:
    return parse_reminder_days(settings.get_str(session, "points.reminder_days"))


def member_expiry(session: Session, member_id: int, today: date) -> MemberExpiry:
    """The member card's and the receipt's view of a member's expiring points."""
    days = settings.get_int(session, "points.expiring_soon_days")
    horizon = expiry_horizon(today, days)
    lots = [(lot.remaining, lot.expires_on) for lot in usable_lots(session, member_id, today)]
    dated = [d for _, d in lots if d is not None]
    soon = sum(r for r, d in lots if d is not None and d <= horizon)
    return MemberExpiry(soon, days, min(dated) if dated else None,
                        expiry_notice(lots, today, reminder_days(session)))


_USABLE_DATED = (
    select(_LOTS.c.remaining, _LOTS.c.expires_on)
    .where(_LOTS.c.member_id == bindparam("member_id"), _LOTS.c.remaining > 0,
           _LOTS.c.expires_on >= bindparam("today"))
)


def notice_for(session: Session, member_id: int, today: date, days_text: str) -> ExpiryNotice | None:
    """The reminder alone (the receipt's line); ``days_text`` is the checkout's
    already-loaded ``points.reminder_days``. One read."""
    lots = [(int(r), d) for r, d in run(connection(session),
        _USABLE_DATED, {"member_id": member_id, "today": today})]
    return expiry_notice(lots, today, parse_reminder_days(days_text))


@dataclass(frozen=True)
class Expired:
    members: int  # members with a lot expired
    lots: int
    points: int


def expire_lots(session: Session, member_ids: Sequence[int], today: date, refs: Refs) -> Expired:
    """Expire every lot of ``member_ids`` whose date has passed (``expires_on <
    today``): one EXPIRE entry per lot (never a deletion), the lot emptied and the move
    recorded, the balance lowered, as :func:`expire_points` does for one member,
    in a handful of statements for the whole set (the daily job's batch)."""
    if not member_ids:
        return Expired(0, 0, 0)
    conn = connection(session)
    ids = sorted(set(member_ids))
    lots = conn.execute(_DUE_LOTS_OF_MEMBERS, {"ids": ids, "day": today}).all()
    if not lots:
        return Expired(0, 0, 0)
    balance = {int(m): int(b) for m, b in conn.execute(
        _BALANCES, {"ids": sorted({int(lot.member_id) for lot in lots})})}
    base = ref_values(refs)
    entries = []
    for lot in lots:
        after = balance[lot.member_id] - lot.remaining
        if after < 0:
            raise ValueError("points cache out of step with lots")
        balance[lot.member_id] = after
        entries.append({**base, "member_id": lot.member_id, "kind": PointsKind.EXPIRE,
                        "delta": -lot.remaining, "balance_after": after})
    entry_ids = list(conn.execute(_ADD_ENTRIES, entries).scalars())
    conn.execute(_EMPTY_LOT, [{"lot_id": lot.id, "taken": lot.remaining} for lot in lots])
    conn.execute(insert(_MOVES), [{"entry_id": e, "lot_id": lot.id, "delta": -lot.remaining}
                                  for e, lot in zip(entry_ids, lots, strict=True)])
    conn.execute(_SET_BALANCE, [{"member_id": m, "after": b} for m, b in balance.items()])
    for lot in lots:
        sync(session, PointsLot, lot.id, remaining=0)
    for m, b in balance.items():
        sync(session, Member, m, points_balance=b)
    return Expired(len(balance), len(lots), sum(int(lot.remaining) for lot in lots))


@dataclass(frozen=True)
class ExpiryCounts:
    members: int = 0
    lots: int = 0
    points: int = 0
    cancelled: bool = False


def expire_due(
    db: Database,
    day: date,
    *,
    batch: int | None = None,
    step: Callable[[int, int], bool] | None = None,
) -> ExpiryCounts:
    """Write off every lot past its date on business date ``day`` (``expires_on <
    day``), ``batch`` members per unit of work (:func:`expire_lots`: a few statements a
    batch), leaving the write lock free after each for as long as the batch held it
    (at most :data:`PAUSE_S`, as :mod:`.job_batches` explains). Idempotent: a
    written-off lot has nothing left, so running again finds nothing. ``step(done,
    total)`` is told after each batch (the write lock is free then); when it returns
    False the job stops there (what was done stays done) and the counts say
    ``cancelled``."""
    batch = batch or BATCH_MEMBERS
    with db.reader() as r:  # the members due, found once without the write lock
        due = sorted({int(m) for m in connection(r.session).scalars(_DUE_LOTS, {"day": day})})
    total = len(due)
    members = lots = points = 0
    refs = Refs(note=f"expired {day.isoformat()}")
    for first in range(0, total, batch):
        ids = due[first:first + batch]
        with db.uow() as uow:
            s = uow.session
            s.connection()  # BEGIN IMMEDIATE: any wait for the lock is here
            started = time.monotonic()  # the pause below counts the lock held
            done = expire_lots(s, ids, day, refs)  # a lot expired meanwhile: nothing left
            uow.commit()
        members += len(ids)
        lots += done.lots
        points += done.points
        if step is not None and not step(members, total):
            return ExpiryCounts(members, lots, points, cancelled=True)
        if members < total:
            time.sleep(min(time.monotonic() - started, PAUSE_S))
    return ExpiryCounts(members, lots, points)


def expire_points(session: Session, member_id: int, today: date, refs: Refs) -> int:
    """Expire every lot of ``member_id`` whose date has passed (``expires_on < today``):
    one EXPIRE entry per lot, never a deletion. Returns the points expired (the one-member
    form of :func:`expire_lots`, which the daily job runs for a batch)."""
    return expire_lots(session, [member_id], today, refs).points
