"""Backup retention (issue 11, finding 3): backups made by hand are never removed
silently — every one of the daily window's days is kept, a second one the same day
and the day close's backup after it included — and whatever a backup run removes is
named in its result (the Backups page, the day close and the command line say it)."""

from __future__ import annotations

import json
from datetime import timedelta

from sqlalchemy import select

from memberdesk.db import Database
from memberdesk.models import AuditEntry
from memberdesk.models.base import utcnow
from memberdesk.models.enums import TenderKind
from memberdesk.money import Money
from memberdesk.services.backup.create import create_backup
from memberdesk.services.backup.files import list_backups
from memberdesk.services.closing.day_close import close_day
from memberdesk.services.shared.settings import change_settings_in
from memberdesk.services.shifts import shift as shifts
from tests.checkout_support.kit import build_world


def _keep(db: Database, owner, daily: int, weekly: int = 1, monthly: int = 1) -> None:  # type: ignore[no-untyped-def]
    with db.uow() as uow:
        change_settings_in(uow.session, owner, {
            "backup.keep_daily": daily, "backup.keep_weekly": weekly,
            "backup.keep_monthly": monthly})
        uow.commit()


def _kept(db: Database) -> set[str]:
    return {b.file for b in list_backups(db.paths.backups)}  # type: ignore[union-attr]


def test_two_backups_by_hand_the_same_day_are_both_kept(db: Database, staff) -> None:  # type: ignore[no-untyped-def]
    _keep(db, staff["owner"], 3)
    # 02:00 UTC: every backup below falls on one shop day (+08:00)
    start = (utcnow() - timedelta(days=1)).replace(hour=2, minute=0, second=0, microsecond=0)
    first = create_backup(db, staff["owner"], now=start)
    second = create_backup(db, staff["manager"], kind="cli", now=start + timedelta(minutes=10))
    close = create_backup(db, None, kind="day-close", now=start + timedelta(minutes=20))
    later = create_backup(db, None, kind="scheduled", now=start + timedelta(minutes=30))
    assert (second.removed, close.removed, later.removed) == ((), (), ())
    assert {first.path.name, second.path.name, close.path.name, later.path.name} <= _kept(db)


def test_what_a_backup_removes_is_named_in_its_result_and_audited(db: Database, staff) -> None:  # type: ignore[no-untyped-def]
    _keep(db, staff["owner"], 2)
    start = (utcnow() - timedelta(days=20)).replace(hour=2, minute=0, second=0, microsecond=0)
    old_by_hand = create_backup(db, staff["owner"], now=start)
    scheduled = create_backup(db, None, kind="scheduled", now=start + timedelta(days=10))
    newer = create_backup(db, None, kind="scheduled", now=start + timedelta(days=10, hours=1))
    assert newer.removed == (scheduled.path.name,)  # the same day's older scheduled one
    assert old_by_hand.path.name in _kept(db)  # still one of the two newest days
    eleven = create_backup(db, None, kind="scheduled", now=start + timedelta(days=11))
    # out of the two days' window, not the newest of its week or month: removed, named
    assert eleven.removed == (old_by_hand.path.name,)
    twelve = create_backup(db, None, kind="scheduled", now=start + timedelta(days=12))
    assert twelve.removed == (newer.path.name,)
    assert _kept(db) == {eleven.path.name, twelve.path.name}
    with db.reader() as uow:
        details = [r.detail for r in uow.session.scalars(select(AuditEntry).where(
            AuditEntry.action == "backup.create").order_by(AuditEntry.id))]
    removed = [(json.loads(d) if isinstance(d, str) else d)["removed"] for d in details]
    assert removed == [[], [], [scheduled.path.name], [old_by_hand.path.name],
                       [newer.path.name]]

def test_a_backup_by_hand_outside_the_window_is_removed_and_reported(db: Database, staff) -> None:  # type: ignore[no-untyped-def]
    _keep(db, staff["owner"], 1, weekly=0, monthly=0)
    start = (utcnow() - timedelta(days=5)).replace(hour=2, minute=0, second=0, microsecond=0)
    by_hand = create_backup(db, staff["owner"], now=start)
    again = create_backup(db, staff["owner"], now=start + timedelta(hours=1))
    assert again.removed == ()  # the same day: both kept
    next_day = create_backup(db, None, kind="scheduled", now=start + timedelta(days=1))
    assert set(next_day.removed) == {by_hand.path.name, again.path.name}
    assert _kept(db) == {next_day.path.name}


def test_the_day_close_says_which_backups_its_backup_removed(db: Database, staff) -> None:  # type: ignore[no-untyped-def]
    w = build_world(db, staff)
    _keep(db, staff["owner"], 3)
    w.sell([("COLA", 1)], [(TenderKind.CASH, "3.50")])
    scheduled = create_backup(db, None, kind="scheduled")
    for actor in (w.cashier, w.manager, w.owner):
        cur = shifts.current_shift(db, actor)
        assert cur is not None
        shifts.close_shift(db, actor, {a.kind: a.expected or Money(0) for a in cur.amounts})
    result = close_day(db, w.owner, w.today())
    assert result.backup_path is not None
    assert result.backup_removed == (scheduled.path.name,)
    assert scheduled.path.name not in _kept(db)
