"""Long work in a child process (services/jobs/child.py): the daily jobs and the
analysis refresh at the till run there, so the counter's interpreter is not shared
with them. The child reads and writes the parent's shop on the parent's clock; its
progress, cancelling, user errors and failures come back to the parent."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from memberdesk.db import Database, make_engine
from memberdesk.models import JobRun
from memberdesk.services.jobs import child
from memberdesk.services.jobs.child import ChildFailed, run_in_child
from memberdesk.services.jobs.runner import RunResult, run_jobs
from memberdesk.services.shared.errors import ValidationError
from tests.checkout_support.kit import World

from . import child_targets as t
from .conftest import ShopClock


def test_the_work_runs_in_another_process_on_the_shop_and_the_clock_of_the_parent(
        world: World, shop_clock: ShopClock) -> None:
    shop_clock.advance(40)  # a day far from the computer's
    pid, now, members = run_in_child(world.db, t.where_and_when)
    assert pid != os.getpid()
    assert members == len(world.members)
    assert timedelta(0) <= now - shop_clock() < timedelta(seconds=30)


def test_the_daily_jobs_run_there_and_are_recorded(world: World, shop_clock: ShopClock,
                                                   caplog: pytest.LogCaptureFixture) -> None:
    run_jobs(world.db)  # today's
    shop_clock.advance(2)
    caplog.set_level(logging.INFO, logger=child.__name__)
    result = run_in_child(world.db, run_jobs)
    assert isinstance(result, RunResult) and not result.cancelled
    assert {r.business_date for r in result.runs} == {shop_clock.day - timedelta(days=1),
                                                       shop_clock.day}
    with world.db.reader() as r:  # written by the child, read here
        assert r.session.scalar(select(func.max(JobRun.business_date))) == shop_clock.day
    assert "run_jobs ran in a child process" in caplog.text


def test_progress_comes_back_and_a_cancel_reaches_the_child(world: World) -> None:
    seen: list[tuple[int, int]] = []

    def step(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < 3

    got = run_in_child(world.db, t.counting, 500, step=step)
    assert seen[:3] == [(1, 500), (2, 500), (3, 500)]
    assert 3 <= got < 500  # stopped soon after the third step said no


def test_a_user_error_in_the_child_is_the_same_error_here(world: World) -> None:
    with pytest.raises(ValidationError) as caught:
        run_in_child(world.db, t.refusing)
    assert caught.value.code == "jobs_future_date"
    assert "tomorrow" in caught.value.message("en") and "明天" in caught.value.message()


def test_a_bug_in_the_child_fails_here_with_its_traceback_and_is_logged(world: World) -> None:
    with pytest.raises(ChildFailed, match="a bug in the child"):
        run_in_child(world.db, t.breaking)
    assert world.db.paths is not None
    log = (world.db.paths.logs / "memberdesk.log").read_text(encoding="utf-8")
    assert "ZeroDivisionError: a bug in the child" in log


def test_a_child_that_dies_fails_here(world: World) -> None:
    with pytest.raises(ChildFailed, match="code 3"):
        run_in_child(world.db, t.dying)


def test_without_a_data_directory_the_work_runs_in_this_thread() -> None:
    db = Database(make_engine(":memory:"))
    assert child.opening(db) is None
    with pytest.raises(ZeroDivisionError):
        run_in_child(db, t.breaking)


_ORPHAN_PARENT = """
import sys
from pathlib import Path
from memberdesk.db import Database
from memberdesk.paths import DataPaths
from memberdesk.services.jobs.child import run_in_child
from tests.integration.jobs import child_targets
db = Database.open(DataPaths(Path(sys.argv[1])))
run_in_child(db, child_targets.counting_until_told, sys.argv[2])
"""


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/status").read_text().split("State:")[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state != "Z"  # (an orphan's zombie is the init process's to reap)


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
def test_a_child_whose_till_is_killed_stops_at_its_next_step(world: World,
                                                             tmp_path: Path) -> None:
    assert world.db.paths is not None
    pidfile = tmp_path / "child.pid"
    till = subprocess.Popen([sys.executable, "-c", _ORPHAN_PARENT, str(world.db.paths.root),
                             str(pidfile)], cwd=Path(__file__).resolve().parents[3])
    try:
        deadline = time.monotonic() + 60
        while not pidfile.exists() or not pidfile.read_text():
            assert time.monotonic() < deadline and till.poll() is None
            time.sleep(0.1)
        pid = int(pidfile.read_text())
        time.sleep(0.3)
        assert _running(pid)
    finally:
        till.kill()  # no clean-up in the till: as a crash or the task manager would
        till.wait()
    deadline = time.monotonic() + 10
    while _running(pid):
        assert time.monotonic() < deadline, "the child went on without its till"
        time.sleep(0.1)
    log = (world.db.paths.logs / "memberdesk.log").read_text(encoding="utf-8")
    assert "the program that started it is gone" in log
