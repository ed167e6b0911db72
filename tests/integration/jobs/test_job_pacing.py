"""The daily jobs pace themselves by the time they hold the write lock, not by the time
they waited for it: a batch that had to wait for a checkout's transaction still does a
full batch's work, and the pause after it matches the lock held. Simulated without a
wall clock: the jobs' duration clock is replaced by one that only the wait for BEGIN
IMMEDIATE moves (a second each time)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event

from memberdesk.services.analytics.rows import write_batch
from memberdesk.services.points import expiry as points_expiry
from memberdesk.services.shared import batches as job_batches, pacing
from memberdesk.services.shared.batches import run_batches
from memberdesk.services.shared.pacing import Pacer
from tests.checkout_support.kit import World

from .conftest import ShopClock


class WaitingClock:
    """``time.monotonic`` for the jobs: moves one second at each BEGIN (the wait for the
    write lock), never otherwise; records the pauses asked for."""

    def __init__(self) -> None:
        self.now = 100.0
        self.pauses: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.pauses.append(seconds)

    def waited(self, *_: Any) -> None:
        self.now += 1.0


@pytest.fixture
def waiting(world: World, monkeypatch: pytest.MonkeyPatch) -> Iterator[WaitingClock]:
    c = WaitingClock()
    for module in (job_batches, points_expiry, pacing):
        monkeypatch.setattr(module.time, "monotonic", c.monotonic)
    monkeypatch.setattr(job_batches.time, "sleep", c.sleep)
    event.listen(world.db.engine, "begin", c.waited)
    yield c
    event.remove(world.db.engine, "begin", c.waited)


def test_a_batch_that_waited_for_the_lock_still_does_a_full_batch(
        world: World, waiting: WaitingClock) -> None:
    steps: list[int] = []

    def work(session: Any, item: int) -> None:
        session.connection().exec_driver_sql("SELECT 1")  # a member's reads and writes

    done, cancelled = run_batches(world.db, list(range(5)), work,
                                  step=lambda d, t: steps.append(d) is None)
    assert (done, cancelled) == (5, False)
    assert steps == [5]  # one batch: the second spent waiting was not its budget
    assert waiting.pauses == []  # the last batch is not followed by a pause


def test_the_refresh_counts_the_lock_held_not_the_wait(world: World, waiting: WaitingClock,
                                                       shop_clock: ShopClock) -> None:
    """A batch with a row to write waits a second for the lock (the clock above) and
    holds it for no time; a batch with nothing changed takes no lock at all."""
    from datetime import date, datetime

    from memberdesk.services.analytics.rows import COLUMNS

    sqlite = world.db.engine.dialect.name == "sqlite"
    day: Any = date(2026, 3, 10).isoformat() if sqlite else date(2026, 3, 10)
    at: Any = "2026-03-10 02:00:00.000000" if sqlite else datetime(2026, 3, 10, 2)
    figures = {"f": 0, "m": 0, "grade": "D", "lifecycle": "dormant"}
    row = tuple(figures.get(c) for c in COLUMNS)
    row = (world.members["carol"], day, *row[2:-1], at)
    with Pacer(world.db) as pace:
        assert write_batch(pace, 0, row[0], [row], {}) == 1
        assert pace.held == 0.0  # waited a second for the lock, held it for no time
        kept = {row[0]: (day, *row[2:-1])}
        assert write_batch(pace, 0, row[0], [row], kept) == 0  # nothing to write
    # no pause owed before the first write, none taken by the batch with nothing to
    # write; as the job ends, the least pause (the lock was held for no time)
    assert waiting.pauses == [0.0, pytest.approx(pacing.PAUSE_S)]


def test_the_points_expiry_finds_its_members_through_the_due_index(world: World) -> None:
    """The members due are read by ``ix_points_lots_due`` (lots with points left, by
    date): a DISTINCT ... LIMIT form scanned ix_points_lots_member_expiry from the first
    member each batch (0.3 s a batch inside the write lock at 1,000,000 members)."""
    from datetime import date

    from memberdesk.services.points import expiry

    with world.db.reader() as r:
        conn = r.session.connection()
        sql = str(expiry._DUE_LOTS.compile(conn, compile_kwargs={"literal_binds": False}))
        plan = " ".join(str(row[-1]) for row in conn.exec_driver_sql(
            f"EXPLAIN QUERY PLAN {sql}", (0, date(2026, 3, 10).isoformat())))
    assert "ix_points_lots_due" in plan, plan
