"""The points-expiry reminders of a business date: a member whose points expire
``points.reminder_days`` days from that date gets one message per lot date and
reminder day. The daily job ``notifications`` (:mod:`memberdesk.services.jobs.runner`)
writes them, then, on today's run, sends what is due.

The reminders go through :func:`.notify_outbox.enqueue` (dedupe key per member,
expiry date and reminder day: a second run writes nothing), in short batches
(:mod:`.job_batches`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.models import Member, PointsLot
from memberdesk.models.enums import MemberStatus
from memberdesk.services.notifications import outbox as notify_outbox
from memberdesk.services.points import expiry as points_expiry
from memberdesk.services.shared.batches import run_batches
from memberdesk.services.shared.policy import Policy
from memberdesk.services.shared.tables import connection, table

_LOTS, _MEMBERS = table(PointsLot), table(Member)
# Active members' points left in lots expiring on ``on``, summed per member.
_EXPIRING_ON = (
    select(_LOTS.c.member_id, func.sum(_LOTS.c.remaining))
    .join(_MEMBERS, _MEMBERS.c.id == _LOTS.c.member_id)
    .where(_LOTS.c.remaining > 0, _LOTS.c.expires_on == bindparam("on"),
           _MEMBERS.c.status == MemberStatus.ACTIVE)
    .group_by(_LOTS.c.member_id)
)

Reminder = tuple[int, int, date, int]  # member id, points, expiry date, days before


def remind_expiring(db: Database, day: date, *,
                    step: Callable[[int, int], bool] | None = None) -> tuple[int, bool]:
    """Write the expiry reminders of business date ``day``: (messages written, cancelled)."""
    with db.reader() as r:
        s = r.session
        policy = Policy.load(s)
        if not policy.bool("notify.expiry.on"):
            return 0, False
        due: list[Reminder] = []
        for days in points_expiry.reminder_days(s):
            on = day + timedelta(days=days)
            due += [(int(m), int(p), on, days)
                    for m, p in connection(s).execute(_EXPIRING_ON, {"on": on})]
    written = 0

    def work(session: Session, item: Reminder) -> int | None:
        nonlocal written
        member_id, points, on, days = item
        status = notify_outbox.enqueue(
            session, "expiry", member_id, {"points": points, "date": on.isoformat()},
            f"expiry:{member_id}:{on.isoformat()}:{days}", policy=policy)
        if status is not None:
            written += 1
        return None

    _done, cancelled = run_batches(db, due, work, step=step)
    return written, cancelled
