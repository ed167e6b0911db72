"""The daily jobs at the till run on the long-job worker at start-up (the first
check) and after a day close: points past their date are written off while the
counter stays free."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from memberdesk.domain import shoptime
from memberdesk.models import JobRun

from .counter_support import Till, make_till

NOON = datetime(2026, 12, 24, 4, 0, tzinfo=UTC)  # 12:00 on 24 Dec in the shop (+08:00)


@pytest.fixture
def till(qtbot, ui, db, staff) -> Iterator[Till]:  # type: ignore[no-untyped-def]
    with shoptime.frozen(NOON):
        yield make_till(qtbot, ui, db, staff)


def test_the_first_check_expires_points_on_the_long_job_worker(till: Till) -> None:
    w = till.world
    w.give_points("alice", 300, days=-1)  # spendable through yesterday
    scheduler = till.ui.daily_jobs
    assert scheduler is not None  # started at log-in (the ui fixture checks), stopped for tests
    with till.qtbot.waitSignal(scheduler.jobs_ran, timeout=20_000) as ran:
        scheduler.check()
    assert [(r.job, r.counts.get("points")) for r in ran.args[0].runs] == [
        ("points_expiry", 300), ("tier_evaluation", None), ("birthday_gifts", 0),
        ("count_card_expiry", None), ("analytics_refresh", None), ("notifications", None)]
    assert w.balances("alice")[2] == 0
    with till.qtbot.waitSignal(scheduler.long_jobs.finished, timeout=20_000):
        scheduler.check()  # done for today: nothing more
    with w.db.reader() as r:
        assert len(r.session.scalars(select(JobRun)).all()) == 6  # one per job, once
