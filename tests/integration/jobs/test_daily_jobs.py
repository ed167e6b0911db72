"""The daily jobs runner and points expiry (issue 12, items 1 and 2): an EXPIRE entry
per lot due, the balance dropping, once per business date, every missed day caught
up, a future date refused unless brought forward (audited), the write lock free
between batches, and ``db check`` passing after."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from memberdesk.models import AuditEntry, JobRun, PointsEntry, PointsLot
from memberdesk.models.enums import PointsKind
from memberdesk.services.backup.integrity import check_database
from memberdesk.services.jobs.runner import JobRunInfo, jobs_status, run_jobs
from memberdesk.services.points import expiry as points_expiry
from memberdesk.services.reporting.points_report import points_report
from memberdesk.services.shared.errors import PermissionDenied, ValidationError
from tests.checkout_support.kit import World, add_member

from .conftest import DAY, ShopClock


@pytest.fixture(autouse=True)
def _without_analytics(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests count the points-expiry, tier and birthday runs; the analytics job
    has its own tests (tests/integration/analytics/test_analytics_job.py)."""
    from memberdesk.services.jobs import runner as jobs

    monkeypatch.setattr(jobs, "JOBS", tuple(j for j in jobs.JOBS if j.name != "analytics_refresh"))


def _expire_entries(w: World) -> list[tuple[int, int]]:
    with w.db.reader() as r:
        return [(m, d) for m, d in r.session.execute(
            select(PointsEntry.member_id, PointsEntry.delta)
            .where(PointsEntry.kind == PointsKind.EXPIRE).order_by(PointsEntry.id))]


def _job_dates(w: World) -> list[str]:
    with w.db.reader() as r:
        return [d.isoformat() for d in r.session.scalars(
            select(JobRun.business_date).where(JobRun.job == "points_expiry")
            .order_by(JobRun.business_date))]


def _expiry(runs: tuple[JobRunInfo, ...]) -> list[JobRunInfo]:
    """The points expiry's runs (the tier and birthday jobs run beside it each date)."""
    return [r for r in runs if r.job == "points_expiry"]


def test_expiry_posts_an_entry_per_lot_and_the_balance_drops(
    world: World, shop_clock: ShopClock
) -> None:
    w = world
    w.give_points("alice", 100, days=2)  # spendable through DAY + 2
    w.give_points("alice", 50, days=2)
    w.give_points("alice", 30, days=10)
    w.give_points("bob", 70, days=5)
    w.give_points("carol", 40, days=None)  # never expires
    shop_clock.advance(2)
    assert run_jobs(w.db).runs[0].counts == {"lots": 0, "members": 0, "points": 0}
    assert w.balances("alice")[2] == 180  # the last day they can be spent
    shop_clock.advance(1)
    result = run_jobs(w.db)
    assert [(r.job, r.business_date) for r in result.runs] == [
        (job, DAY + timedelta(days=3))
        for job in ("points_expiry", "tier_evaluation", "birthday_gifts", "count_card_expiry",
                    "notifications")]
    assert result.runs[0].counts == {"lots": 2, "members": 1, "points": 150}
    alice = w.members["alice"]
    assert _expire_entries(w) == [(alice, -100), (alice, -50)]  # one entry per lot
    assert [w.balances(k)[2] for k in ("alice", "bob", "carol")] == [30, 70, 40]
    with w.db.reader() as r:
        left = sorted(r.session.scalars(select(PointsLot.remaining)
                                        .where(PointsLot.member_id == alice)))
        assert left == [0, 0, 30]  # written off, not deleted
    with points_report(w.db, w.manager) as rep:
        assert rep.expired == 150 and rep.overdue == 0 and rep.outstanding == 140
    assert check_database(w.db) == []


def test_running_twice_the_same_day_does_nothing_more(world: World, shop_clock: ShopClock) -> None:
    w = world
    w.give_points("alice", 100, days=1)
    shop_clock.advance(2)
    assert len(_expiry(run_jobs(w.db).runs)) == 1
    w.give_points("bob", 20, days=-1)  # e.g. a refund gave back points to a stale lot
    assert run_jobs(w.db).runs == ()  # the day is done: the next run is tomorrow's
    assert _expire_entries(w) == [(w.members["alice"], -100)]
    assert _job_dates(w) == [(DAY + timedelta(days=2)).isoformat()]
    shop_clock.advance(1)
    assert [r.counts["points"] for r in _expiry(run_jobs(w.db).runs)] == [20]


def test_a_gap_of_ten_days_is_caught_up_once_per_day(world: World, shop_clock: ShopClock) -> None:
    w = world
    run_jobs(w.db)  # DAY
    w.give_points("alice", 10, days=2)  # written off by the job of DAY + 3
    w.give_points("bob", 20, days=6)  # ... of DAY + 7
    w.give_points("carol", 30, days=12)  # still good after the gap
    shop_clock.advance(10)  # the computer was off for ten days
    assert jobs_status(w.db).jobs[0].due_days == 10
    runs = _expiry(run_jobs(w.db).runs)
    assert [r.business_date for r in runs] == [DAY + timedelta(days=n) for n in range(1, 11)]
    by_day = {(r.business_date - DAY).days: r.counts["points"] for r in runs}
    assert by_day == {n: {3: 10, 7: 20}.get(n, 0) for n in range(1, 11)}
    assert _job_dates(w) == [(DAY + timedelta(days=n)).isoformat() for n in range(11)]
    assert run_jobs(w.db).runs == ()
    assert jobs_status(w.db).jobs[0].due_days == 0
    assert [w.balances(k)[2] for k in ("alice", "bob", "carol")] == [0, 0, 30]


def test_a_date_after_today_is_refused_unless_brought_forward_and_audited(
    world: World, shop_clock: ShopClock
) -> None:
    w = world
    w.give_points("alice", 100, days=3)
    later = DAY + timedelta(days=5)
    with pytest.raises(ValidationError) as err:
        run_jobs(w.db, later)
    assert err.value.code == "jobs_future_date"
    with pytest.raises(PermissionDenied):
        run_jobs(w.db, later, bring_forward=w.cashier)
    assert w.balances("alice")[2] == 100 and _job_dates(w) == []
    runs = _expiry(run_jobs(w.db, later, bring_forward=w.owner).runs)
    assert [r.business_date for r in runs] == [DAY + timedelta(days=n) for n in range(6)]
    assert w.balances("alice")[2] == 0
    with w.db.reader() as r:
        audited = r.session.scalars(select(AuditEntry.staff_id).where(
            AuditEntry.action == "jobs.bring_forward")).all()
    assert audited == [w.owner.staff_id]
    # An earlier --until runs only what is due up to it.
    assert run_jobs(w.db, DAY).runs == ()


def test_a_checkout_is_not_blocked_between_batches(
    world: World, shop_clock: ShopClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each batch is its own short transaction: between batches another connection
    takes the write lock at once (BEGIN IMMEDIATE with no wait) and sells."""
    w = world
    tier = w.tiers["normal"]
    for n in range(7):
        w.members[f"m{n}"] = add_member(w.db, f"1390001000{n}", f"会员{n}", tier)
        w.give_points(f"m{n}", 10 + n, days=0)
    shop_clock.advance(1)
    monkeypatch.setattr(points_expiry, "BATCH_MEMBERS", 2)
    path = w.db.paths.database if w.db.paths else None
    assert path is not None
    locked: list[bool] = []

    def between_batches(done: int, total: int) -> bool:
        other = sqlite3.connect(path, timeout=0, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")  # raises "database is locked" if held
            locked.append(False)
            other.execute("ROLLBACK")
        finally:
            other.close()
        return True

    result = run_jobs(w.db, step=between_batches)
    assert len(locked) == 4 and not any(locked)  # 7 members, 2 a batch
    assert result.runs[0].counts == {"lots": 7, "members": 7, "points": sum(range(10, 17))}
    with w.db.reader() as r:
        assert r.session.scalar(select(func.sum(PointsLot.remaining))) == 0
    assert check_database(w.db) == []


def test_a_cancelled_run_is_not_recorded_and_finishes_next_time(
    world: World, shop_clock: ShopClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = world
    for key in ("alice", "bob", "carol"):
        w.give_points(key, 10, days=0)
    shop_clock.advance(1)
    monkeypatch.setattr(points_expiry, "BATCH_MEMBERS", 1)
    result = run_jobs(w.db, step=lambda done, total: False)
    assert result.cancelled and result.runs == () and _job_dates(w) == []
    assert len(_expire_entries(w)) == 1
    assert run_jobs(w.db).runs[0].counts == {"lots": 2, "members": 2, "points": 20}
    assert check_database(w.db) == []
