"""The daily jobs over a big shop (issue 12's scale), with checkouts going on.

Prints ``jobs_daily_<n>_s`` (one business date of every daily job: points expiry,
tier evaluation, birthday gifts, count-card expiry, the analytics refresh and the
notifications; budget < 60 s for 1,000,000 members with a year of history) and
``checkout_p99_during_jobs_ms`` (checkouts through the service in a second thread,
one every 50 ms, while the jobs run; budget < 50 ms), with the same checkouts on a
quiet file. The jobs run in a child process, as the till runs them
(``services/jobs/child.py``). Size: ``MEMBERDESK_BENCH_JOBS_MEMBERS`` (default 1,000,000).

The shop: the report benchmarks' shop made through the services (staff, the kit's
products and members, open shifts), then with raw sqlite3 inserts the members, each
with a birthday (about 1/365 of them due a gift on any date), two points lots earned
in the past year (each expiring 365 days after it was earned: about 2/366 of the lots
are due on any date), 10% of them on a higher tier with their term ending any day of
the 400-day window (about 1/400 of those due for review).
Cached under ``build/bench/`` by size and schema revision.
"""

from __future__ import annotations

import os
import random
import resource
import sqlite3
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from memberdesk.db import Database, make_engine
from memberdesk.db.migrate import head_revision
from memberdesk.services.shared import settings

from . import report_data
from .bench_reports import _median
from .stats import percentile
from .till import till_on_copy

MEMBERS = int(os.environ.get("MEMBERDESK_BENCH_JOBS_MEMBERS", "1000000"))
GENERATOR = "v4"  # v4: member_scores as a refresh the day before left them
CHUNK = 50_000


def cache_path(members: int) -> Path:
    return report_data.ROOT / "build" / "bench" / f"jobs-{members}-{GENERATOR}-{head_revision()}.sqlite3"


def _members(raw: sqlite3.Connection, n: int, today: date) -> None:
    rng = random.Random(20261203)
    first = raw.execute("SELECT MAX(id) FROM members").fetchone()[0] + 1
    tiers = [r[0] for r in raw.execute("SELECT id FROM tiers WHERE active = 1 ORDER BY rank")]
    now = datetime.now(UTC).replace(tzinfo=None)
    entry = (raw.execute("SELECT COALESCE(MAX(id), 0) FROM points_entries").fetchone()[0] or 0) + 1
    lot = (raw.execute("SELECT COALESCE(MAX(id), 0) FROM points_lots").fetchone()[0] or 0) + 1
    for start in range(0, n, CHUNK):
        members, entries, lots = [], [], []
        for i in range(start, min(n, start + CHUNK)):
            mid = first + i
            joined = now - timedelta(days=400 + rng.randrange(400))
            upper = rng.random() < 0.10
            # a term of tiers.window_days (400 by default): about 1/400 of them due a day
            evaluated = (now - timedelta(days=rng.randrange(1, 401))) if upper else None
            balance = 0
            for _ in range(2):
                earned = today - timedelta(days=1 + rng.randrange(366))  # a lot a day due
                points = rng.randrange(10, 500)
                balance += points
                at = datetime.combine(earned, datetime.min.time()) + timedelta(hours=3)
                entries.append((entry, mid, "earn", points, balance, None, None, None, 3, "",
                                at.strftime("%Y-%m-%d %H:%M:%S.%f")))
                lots.append((lot, mid, entry, points, points,
                             (earned + timedelta(days=365)).isoformat()))
                entry += 1
                lot += 1
            birthday = date(1960 + rng.randrange(45), 1, 1) + timedelta(days=rng.randrange(365))
            stamp = joined.strftime("%Y-%m-%d %H:%M:%S.%f")
            members.append((
                mid, f"J{i:07d}", f"136{i:08d}", f"{i:08d}"[-4:], f"会员{i}",
                rng.choice(tiers[1:]) if upper and len(tiers) > 1 else tiers[0], balance,
                birthday.isoformat(),
                evaluated.strftime("%Y-%m-%d %H:%M:%S.%f") if evaluated else None, stamp, stamp))
        raw.executemany(
            "INSERT INTO members (id, member_no, phone, phone_last4, name, name_pinyin, "
            "name_initials, gender, tags, notes, marketing_consent, status, tier_id, "
            "sv_principal, sv_bonus, points_balance, total_spent, visit_count, "
            "payment_password_failures, birthday, tier_evaluated_at, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, 'huiyuan', 'hy', 'unknown', '', '', 1, 'active', ?, 0, 0, "
            "?, 0, 0, 0, ?, ?, ?, ?)", members)
        raw.executemany(
            "INSERT INTO points_entries (id, member_id, kind, delta, balance_after, sale_id, "
            "recharge_id, refund_id, staff_id, note, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", entries)
        raw.executemany(
            "INSERT INTO points_lots (id, member_id, entry_id, points, remaining, expires_on) "
            "VALUES (?, ?, ?, ?, ?, ?)", lots)


def ensure(members: int) -> Path:
    path = cache_path(members)
    if path.exists():
        return path
    print(f"# building a {members:,}-member shop with a year of points in {path} (once)",
          flush=True)
    started = time.perf_counter()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".building")
    for p in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        p.unlink(missing_ok=True)
    report_data._services_part(tmp)
    raw = sqlite3.connect(tmp, isolation_level=None)
    raw.execute("PRAGMA journal_mode = OFF")
    raw.execute("PRAGMA locking_mode = EXCLUSIVE")
    raw.execute("PRAGMA synchronous = OFF")
    raw.execute("BEGIN")
    _members(raw, members, (datetime.now(UTC) + report_data.OFFSET).date())
    raw.execute("COMMIT")
    raw.close()
    db = Database(make_engine(tmp))
    with db.uow() as uow:  # a birthday gift, so that job has work each day
        settings.put(uow.session, "birthday.points", 50)
        uow.commit()
    # yesterday's analytics rows, as the daily job left them (today's refresh rewrites
    # them, as it does in a shop)
    from memberdesk.services.analytics.refresh import refresh_scores
    from memberdesk.services.shared import clock

    with db.reader() as r:
        yesterday = clock.today(r.session) - timedelta(days=1)
    refresh_scores(db, yesterday, batch=20_000)
    db.close()
    raw = sqlite3.connect(tmp)
    raw.execute("PRAGMA journal_mode = WAL")
    raw.execute("ANALYZE")
    raw.close()
    tmp.replace(path)
    print(f"# built {path.name} ({path.stat().st_size / 1e9:.2f} GB) in "
          f"{time.perf_counter() - started:.0f} s", flush=True)
    return path


def bench_jobs(path: Path) -> None:
    from memberdesk.services.jobs.child import run_in_child
    from memberdesk.services.jobs.runner import run_jobs

    with till_on_copy(path) as till:
        started = datetime.now(UTC)
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        run = till.during(lambda: run_in_child(till.db, run_jobs))  # as the till runs them
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        quiet, busy = till.quiet, run.busy
    cpu = (after.ru_utime + after.ru_stime) - (children.ru_utime + children.ru_stime)
    result: dict[str, Any] = {"started": started, "run": run.result, "s": run.s, "cpu": cpu}
    last = result["started"]
    for info in result["run"].runs:  # each job's time: from the one before it finished
        at = info.finished_at if info.finished_at.tzinfo else info.finished_at.replace(tzinfo=UTC)
        print(f"# {info.job}: {(at - last).total_seconds():.1f} s {info.counts}")
        last = at
    print(f"jobs_daily_{MEMBERS}_s: {result['s']:.1f} s")
    # the jobs' child process's CPU time: what the jobs cost, whatever else the machine runs
    print(f"jobs_daily_{MEMBERS}_cpu_s: {result['cpu']:.1f} s")
    print(f"checkout_quiet_p99_ms: {percentile(quiet, 99):.1f} ms")
    print(f"checkout_during_jobs_count: {len(busy)} checkouts")
    print(f"checkout_p50_during_jobs_ms: {_median(busy):.1f} ms")
    print(f"checkout_p99_during_jobs_ms: {percentile(busy, 99):.1f} ms")


def main() -> None:
    bench_jobs(ensure(MEMBERS))
