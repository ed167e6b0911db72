"""Every daily job of one business date, timed as one, on the analytics benchmark's shop
(issue 13's scale: 1,000,000 members, 10,000,000 sale lines), with a till selling
beside it: points expiry, tier evaluation, birthday gifts, count-card expiry, the
analytics refresh (the scores, then the recommendations) and the notifications, run
as the till runs them (``ui/shell/daily_jobs``: ``run_jobs`` in a child process,
``services/jobs/child.py``).

The file: :func:`.bench_analytics.refreshed` (the scores' first refresh done), then
every daily job run for that date (:func:`day_run`, made once and cached beside it:
``-jobs``), so the run is a next day's, as in a shop. The clock is frozen at
10:00 in the shop on the day after (the child runs on it too).

Prints ``whole_day_<members>m_<lines>l_s`` (wall; budget < 60 s for the analytics
refresh alone), ``..._cpu_s`` (the child's), each job's seconds, and
``checkout_p99_during_whole_day_ms`` (budget < 50 ms) with the till's quiet p99.
"""

from __future__ import annotations

import resource
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from memberdesk.db import Database
from memberdesk.domain import shoptime
from memberdesk.services.analytics.aggregates import scores_date
from memberdesk.services.jobs.child import run_in_child
from memberdesk.services.jobs.runner import run_jobs

from . import report_data
from .bench_analytics import LINES, MEMBERS, cached_after, refreshed
from .bench_reports import _median
from .stats import percentile
from .till import till_on_copy


def _ten_am(day: date) -> datetime:
    return datetime.combine(day, time(2, 0), tzinfo=UTC)  # 10:00 in the shop (UTC+8)


def day_run(path: Path) -> Path:
    """A copy of ``path`` (scores refreshed) after every daily job ran for the scores'
    date (the points expired over the generated year caught up, the recommendations'
    first refresh), cached beside it: the bench's run is then one next day's, as in a
    shop whose jobs run every day."""
    def every_job(db: Database) -> None:
        with db.reader() as r:
            day = scores_date(r.session)
        assert day is not None
        with shoptime.frozen(_ten_am(day)):
            run_jobs(db)

    return cached_after(path, "jobs", "every daily job for the last day", every_job)


def bench_whole_day(path: Path) -> None:
    with till_on_copy(path) as till:
        with till.db.reader() as r:
            day = scores_date(r.session)
        assert day is not None
        at = _ten_am(day + timedelta(days=1))
        began = datetime.now(UTC)  # (the bench's own wall clock, not the shop's)
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        with shoptime.frozen(lambda: at + (datetime.now(UTC) - began)):  # moving from 10:00
            run = till.during(lambda: run_in_child(till.db, run_jobs))
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        quiet, busy = till.quiet, run.busy
    cpu = (after.ru_utime + after.ru_stime) - (children.ru_utime + children.ru_stime)
    last = at
    for info in run.result.runs:  # each job's time: from the one before it finished
        finished = info.finished_at.replace(tzinfo=info.finished_at.tzinfo or UTC)
        print(f"# {info.job}: {(finished - last).total_seconds():.1f} s {info.counts}")
        last = finished
    name = f"whole_day_{MEMBERS}m_{LINES}l"
    print(f"{name}_s: {run.s:.1f} s ({len(run.result.runs)} jobs for {day + timedelta(days=1)})")
    print(f"{name}_cpu_s: {cpu:.1f} s")
    print(f"checkout_quiet_p99_ms: {percentile(quiet, 99):.1f} ms")
    print(f"checkout_during_whole_day_count: {len(busy)} checkouts")
    print(f"checkout_p50_during_whole_day_ms: {_median(busy):.1f} ms")
    print(f"checkout_p99_during_whole_day_ms: {percentile(busy, 99):.1f} ms")
    print(f"checkout_max_during_whole_day_ms: {max(busy, default=0):.1f} ms")


def main() -> None:
    bench_whole_day(day_run(refreshed(report_data.ensure(LINES, MEMBERS))))


if __name__ == "__main__":
    main()
