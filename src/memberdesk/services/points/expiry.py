"""Points expiry (积分过期): the daily job that writes expired lots off, and the one
"expiring soon" rule the member card, the receipt and the back office's list share.

A lot with ``expires_on = D`` can be spent through D; the job of business date
D + 1 posts an EXPIRE entry for what is left of it (one entry per lot, never a
deletion), so the balance, the points report and the day close's liability are
true. The job works in batches of members, each batch its own short unit of work,
so a checkout waits at most one batch for the write lock.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.domain.points import (
    ExpiryNotice,
    expiry_horizon,
    expiry_notice,
    parse_reminder_days,
)
from memberdesk.models import PointsLot
from memberdesk.services.shared import settings
from memberdesk.services.shared.ledger import Refs, expire_points, usable_lots
from memberdesk.services.shared.tables import connection, table

_LOTS = table(PointsLot)
# The members with a lot due (``ix_points_lots_due``: lots with points left, by date).
_DUE_MEMBERS = (
    select(_LOTS.c.member_id).distinct()
    .where(_LOTS.c.remaining > 0, _LOTS.c.expires_on < bindparam("day"))
    .limit(bindparam("batch"))
)
_DUE_TOTAL = select(func.count(func.distinct(_LOTS.c.member_id))).where(
    _LOTS.c.remaining > 0, _LOTS.c.expires_on < bindparam("day"))

BATCH_MEMBERS = 500


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
    lots = [(int(r), d) for r, d in connection(session).execute(
        _USABLE_DATED, {"member_id": member_id, "today": today})]
    return expiry_notice(lots, today, parse_reminder_days(days_text))


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
    day``), ``batch`` members per unit of work. Idempotent: a written-off lot has
    nothing left, so running again finds nothing. ``step(done, total)`` is told after
    each batch (the write lock is free then); when it returns False the job stops
    there (what was done stays done) and the counts say ``cancelled``."""
    batch = batch or BATCH_MEMBERS
    with db.reader() as r:
        total = int(connection(r.session).scalar(_DUE_TOTAL, {"day": day}) or 0)
    members = lots = points = 0
    refs = Refs(note=f"expired {day.isoformat()}")
    while True:
        with db.uow() as uow:
            s = uow.session
            ids = list(connection(s).scalars(_DUE_MEMBERS, {"day": day, "batch": batch}))
            for member_id in ids:
                before = _due_lot_count(s, member_id, day)
                points += expire_points(s, member_id, day, refs)
                lots += before
            uow.commit()
        members += len(ids)
        if not ids:
            return ExpiryCounts(members, lots, points)
        if step is not None and not step(members, max(total, members)):
            return ExpiryCounts(members, lots, points, cancelled=True)


_DUE_LOTS_OF = select(func.count()).where(
    _LOTS.c.member_id == bindparam("member_id"), _LOTS.c.remaining > 0,
    _LOTS.c.expires_on < bindparam("day"))


def _due_lot_count(session: Session, member_id: int, day: date) -> int:
    return int(connection(session).scalar(
        _DUE_LOTS_OF, {"member_id": member_id, "day": day}) or 0)
