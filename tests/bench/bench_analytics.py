"""The analytics refresh over a big shop (issue 13's scale), with checkouts going on.

Prints ``analytics_refresh_s`` (named with the size it ran at: the budget is < 60 s for
1,000,000 members and 10,000,000 sale lines) and the checkout latency meanwhile
(``checkout_p99_during_analytics_ms``, budget < 50 ms), against the same checkouts on
a quiet file: the file's first refresh (the purchase aggregates built from every
sale, every row written), then the next day's (``analytics_daily_*``: the sales since
folded in, only the rows that changed written). Sizes: ``MEMBERDESK_BENCH_ANALYTICS_LINES`` (default 10,000,000) and
``MEMBERDESK_BENCH_ANALYTICS_MEMBERS`` (default 1,000,000); the data is the report
benchmarks' generator (``report_data``), cached under ``build/bench/``.

The refresh runs in a child process, as the till runs it (``services/jobs/child.py``).
``MEMBERDESK_BENCH_ANALYTICS_DAILY_ONLY=1``: only the next day's refresh (then the same
in a thread of the till's process, for the comparison; ``..._DAYS_AHEAD=7``: the day the
model is fitted again), on a copy of
the file after its first refresh (made once, without checkouts, and cached beside it:
the first refresh takes minutes at a million members), so it can be run again and again.
"""

from __future__ import annotations

import os
import resource
import shutil
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from memberdesk.db import Database
from memberdesk.paths import DataPaths
from memberdesk.services.analytics.aggregates import scores_date
from memberdesk.services.analytics.refresh import refresh_scores
from memberdesk.services.jobs.child import run_in_child

from . import report_data
from .bench_reports import _median
from .stats import percentile
from .till import Till, till_on_copy

LINES = int(os.environ.get("MEMBERDESK_BENCH_ANALYTICS_LINES", "10000000"))
MEMBERS = int(os.environ.get("MEMBERDESK_BENCH_ANALYTICS_MEMBERS", "1000000"))
DAILY_ONLY = os.environ.get("MEMBERDESK_BENCH_ANALYTICS_DAILY_ONLY") == "1"
# The daily-only refresh this many days after the file's first (7: the model's
# parameters are fitted again, as once a week in a shop: model_fit.MODEL_DAYS).
DAYS_AHEAD = int(os.environ.get("MEMBERDESK_BENCH_ANALYTICS_DAYS_AHEAD", "1"))


def _run(till: Till, as_of: date | None = None, *, thread: bool = False) -> dict[str, Any]:
    """One refresh beside the till, each write batch's time noted (as the child's
    progress reaches the parent): in a child process as the till runs it
    (``services/jobs/child.py``), or with ``thread`` in a thread of the till's process
    (how it ran before, for the comparison). The CPU seconds are the child's (or the
    thread's)."""
    batches: list[float] = []
    last = [time.perf_counter()]

    def step(done_: int, total: int) -> bool:
        now = time.perf_counter()
        batches.append(now - last[0])
        last[0] = now
        return True

    def work() -> Any:
        if thread:
            return refresh_scores(till.db, as_of, step=step)
        return run_in_child(till.db, refresh_scores, as_of, step=step)

    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    run = till.during(work)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = run.cpu + (after.ru_utime + after.ru_stime) - (children.ru_utime + children.ru_stime)
    return {"refresh": run.result, "s": run.s, "cpu": cpu, "busy": run.busy,
            "batches": batches}


def _print(name: str, res: dict[str, Any], during: str) -> None:
    r = res["refresh"]
    how = ("aggregates rebuilt" if r.rebuilt else "read from the sales" if r.folded is None
           else f"{r.folded:,} members folded")
    print(f"{name}_s: {res['s']:.1f} s "
          f"({r.members:,} members, {r.scored:,} scored, {r.churn:,} churn warnings, "
          f"model {'fitted' if r.model else 'not fitted'}, {how}, {r.changed:,} rows written)")
    # the refresh thread's own CPU time: its cost, whatever else the machine runs
    print(f"{name}_cpu_s: {res['cpu']:.1f} s")
    batches = res["batches"]
    print(f"{name}_write_batches: {len(batches)}, longest {max(batches, default=0) * 1000:.0f} ms "
          "(includes the scoring before the first batch)")
    busy = res["busy"]
    print(f"checkout_during_{during}_count: {len(busy)} checkouts")
    print(f"checkout_p50_during_{during}_ms: {_median(busy):.1f} ms")
    print(f"checkout_p99_during_{during}_ms: {percentile(busy, 99):.1f} ms")
    print(f"checkout_max_during_{during}_ms: {max(busy, default=0):.1f} ms")


def bench_refresh(path: Path) -> None:
    """The first refresh of the file (the aggregates built from every sale, every row
    written), then the next day's (what changed folded in, the rows that changed
    written): ``analytics_refresh_*`` and ``analytics_daily_*``."""
    with till_on_copy(path) as till:
        first = _run(till)
        daily = _run(till, first["refresh"].as_of + timedelta(days=1))
        quiet = till.quiet
    print(f"checkout_quiet_p99_ms: {percentile(quiet, 99):.1f} ms")
    _print(f"analytics_refresh_{MEMBERS}m_{LINES}l", first, "analytics")
    _print(f"analytics_daily_{MEMBERS}m_{LINES}l", daily, "daily_analytics")
    print(f"analytics_peak_rss_mb: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


def cached_after(path: Path, kind: str, what: str, work: Callable[[Database], Any]) -> Path:
    """A copy of ``path`` after ``work`` ran on it (no checkouts), made once and cached
    beside it as ``<stem>-<kind>.sqlite3``."""
    out = path.with_name(f"{path.stem}-{kind}.sqlite3")
    if not out.exists():
        print(f"# {what} of {path.name} (once)", flush=True)
        with tempfile.TemporaryDirectory(prefix="md-bench-", dir=path.parent) as tmp:
            paths = DataPaths(Path(tmp) / "data").ensure()
            shutil.copyfile(path, paths.database)
            db = Database.open(paths)
            work(db)
            db.close()
            shutil.copyfile(paths.database, out.with_suffix(".building"))
            out.with_suffix(".building").rename(out)
    return out


def refreshed(path: Path) -> Path:
    """A copy of ``path`` after its first refresh (no checkouts), cached beside it."""
    return cached_after(path, "refreshed", "the first refresh", refresh_scores)


def bench_daily(path: Path) -> None:
    """The next day's refresh only (``analytics_daily_*``), on :func:`refreshed`: in a
    child process as the till runs it, then on a fresh copy in a thread of the till's
    process (``*_in_thread``, how it ran before)."""
    for thread in (False, True):
        with till_on_copy(path) as till:
            with till.db.reader() as r:
                day = scores_date(r.session)
            assert day is not None
            daily = _run(till, day + timedelta(days=DAYS_AHEAD), thread=thread)
            quiet = till.quiet
        kind = "_in_thread" if thread else ""
        print(f"checkout_quiet{kind}_p99_ms: {percentile(quiet, 99):.1f} ms")
        _print(f"analytics_daily{kind}_{MEMBERS}m_{LINES}l", daily, f"daily_analytics{kind}")


def main() -> None:
    if DAILY_ONLY:
        bench_daily(refreshed(report_data.ensure(LINES, MEMBERS)))
        return
    bench_refresh(report_data.ensure(LINES, MEMBERS))


if __name__ == "__main__":
    main()
