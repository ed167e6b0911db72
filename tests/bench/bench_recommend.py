"""The recommendations refresh (issue 13, item 3) over the report benchmarks' shop with
regular buyers (``report_data.ensure(..., regulars=True)``: a quarter of the lines
bought by members coming back for one product every 7-30 days): 100,000 members and
1,000,000 sale lines over two years (sizes ``MEMBERDESK_BENCH_RECOMMEND_MEMBERS`` /
``_LINES``).

Prints, each with the wall and CPU time (``time.process_time``) and the load average:

* ``recommend_first_*``: the first (full) refresh as of the file's last day;
* ``recommend_daily_*``: the next day's, after a day of sales made by the generator
  (the members touched since, and those whose next change date came; the pair counts
  changed by the day's sales and refunds and the day leaving the window);
* ``recommend_day2_*`` .. ``recommend_day7_*``: the six days after, each after its day
  of sales (a whole week: the old code counted the pairs in full on one of these);
  ``recommend_daily_max_*``: the longest of the seven;
* ``recommend_full_daily_*``: a full refresh of the last day, the result compared
  with the daily one's (``same rows``, ``same pairs``);
* ``recommend_pairs_full_*``: counting the product pairs in full (the first refresh's
  share), ``recommend_pairs_daily_*``: the pairs' share of each daily refresh (median,
  max) and the longest write lock it held;

``MEMBERDESK_BENCH_RECOMMEND_TILL=1``: then an eighth day's refresh beside a till
selling every 50 ms (``tests/bench/till.py``): ``checkout_p99_during_recommend_ms``
(and p50, max, the quiet p99 of the same till before it);

then the counter's reads on the refreshed file: ``recommend_member_read_ms`` (a member's
due products, the statement the member view adds) and ``recommend_cart_read_ms`` (a
three-product cart's companions), p50 and p95 over 1,000 members / carts.

``MEMBERDESK_BENCH_RECOMMEND_BEFORE=FILE``: the first and daily refreshes by the
``refresh_recommendations`` of that file instead (an older ``recommend_refresh.py``,
e.g. ``git show a6280ca:src/memberdesk/services/analytics/recommend_refresh.py``), for
before / after on the same data, as long as the file runs against this tree's
``recommend_state.py`` and schema. The weekly pair count (before migration 0031) does
not: run the bench of an export of that tree instead (``git archive 7ea0243 src tests
migrations alembic.ini | tar -x -C OLD``, the cached file linked into
``OLD/build/bench/``, ``PYTHONPATH=OLD/src:OLD python -m tests.bench recommend`` from
``OLD``); it prints its pair count as ``recommend_pairs_*``.
"""

from __future__ import annotations

import importlib.util
import os
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from memberdesk.db import Database
from memberdesk.models import Member, Product, Sale
from memberdesk.paths import DataPaths
from memberdesk.services.analytics import recommend_refresh
from memberdesk.services.analytics.recommend_read import cart_suggestions_in, member_suggestions

from . import report_data, till
from .stats import percentile

TILL = os.environ.get("MEMBERDESK_BENCH_RECOMMEND_TILL") == "1"

LINES = int(os.environ.get("MEMBERDESK_BENCH_RECOMMEND_LINES", "1000000"))
MEMBERS = int(os.environ.get("MEMBERDESK_BENCH_RECOMMEND_MEMBERS", "100000"))
BEFORE = os.environ.get("MEMBERDESK_BENCH_RECOMMEND_BEFORE")
SIZE = f"{MEMBERS // 1000}k"


def _ms(samples: list[float]) -> str:
    return f"p50 {percentile(samples, 50) * 1000:.3f} ms, p95 {percentile(samples, 95) * 1000:.3f} ms"


def _timed(name: str, work: Callable[[], Any]) -> Any:
    load = os.getloadavg()[0]
    t0, c0 = time.perf_counter(), time.process_time()
    res = work()
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(f"{name}_{SIZE}_s: {wall:.1f} s wall, {cpu:.1f} s CPU, load {load:.1f} -> "
          f"{os.getloadavg()[0]:.1f}", flush=True)
    return res


def _describe(res: Any) -> str:
    worked = getattr(res, "worked", None)  # (not counted before the incremental refresh)
    how = ("full" if worked is None else f"full: {worked:,} members worked out"
           if res.full else f"{worked:,} members worked out again")
    if hasattr(res, "pairs_full"):
        pairs = (f"counted in full over {res.pairs_sales:,} baskets" if res.pairs_full
                 else f"changed by {res.pairs_sales:,} sales' baskets")
    else:
        pairs = "counted" if getattr(res, "pairs_counted", True) else "kept"
    return (f"{how}, {res.rows:,} member rows written, {res.members:,} members with a due "
            f"product, {res.pairs:,} pair rows ({pairs})")


class _PairTimes:
    """The pairs' share of each refresh (wall s) and the longest lock each held."""

    def __init__(self) -> None:
        self.wall: list[float] = []
        self.held: list[float] = []
        self.rows: list[int] = []
        self.inner = recommend_refresh.refresh_pairs

    def __call__(self, *args: Any, **kw: Any) -> Any:
        t = time.perf_counter()
        res = self.inner(*args, **kw)
        self.wall.append(time.perf_counter() - t)
        self.held.append(res.held_s)
        self.rows.append(res.changed)
        return res


def _old(path: str) -> Callable[..., Any]:
    spec = importlib.util.spec_from_file_location("before_recommend_refresh", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # its dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod.refresh_recommendations  # type: ignore[no-any-return]


class _NextDay(report_data.Generator):
    """The generator for one more day: its shifts numbered apart from the open ones
    the services part made (which have the generator's numbers for today)."""

    def _shift(self, d: date, staff: int, start: int, end: int) -> int:
        sid = self.ids.take("shifts")
        opened = datetime.combine(d, datetime.min.time()) + timedelta(hours=start)
        self.rows["shifts"].append((
            sid, f"N{d:%Y%m%d}-{staff:03d}", staff, "verified", 20000, 0,
            report_data.stamp(opened), report_data.stamp(opened + timedelta(hours=end - start)),
            staff, 1, "", report_data.STORE))
        return sid


def _a_day(file: Path, day: date) -> None:
    """One more day of sales (the generator's, with its regular buyers) on ``day``."""
    raw = sqlite3.connect(file, isolation_level=None)
    raw.execute("BEGIN")
    first = raw.execute("SELECT MIN(id) FROM members WHERE member_no LIKE 'B%'").fetchone()[0]
    began = date.fromisoformat(raw.execute("SELECT MIN(business_date) FROM sales").fetchone()[0])
    plan = report_data.plan_of(MEMBERS, began + timedelta(days=report_data.DAYS - 1))
    gen = _NextDay(raw, LINES, plan, first, random.Random(day.toordinal()), regulars=True)
    gen.day(day, close=False)
    raw.execute("COMMIT")
    raw.close()


def _rows(db: Database) -> set[tuple[Any, ...]]:
    with db.reader() as r:
        return set(r.session.connection().exec_driver_sql(
            "SELECT member_id, rank, product_id, days_bought, gap_x2, last_day "
            "FROM member_recommendations"))


def _pairs(db: Database) -> set[tuple[Any, ...]]:
    with db.reader() as r:
        return set(r.session.connection().exec_driver_sql(
            "SELECT product_id, rank, other_id, together, lift_permille FROM product_pairs"))


def _week(db: Database, paths: DataPaths, last: date,
          refresh: Callable[..., Any]) -> tuple[Database, date]:
    """Seven days, each a day of sales and the day's refresh (timed)."""
    walls: list[float] = []
    day = last
    for n in range(1, 8):
        day = last + timedelta(days=n)
        db.close()
        _a_day(paths.database, day)
        db = Database.open(paths)
        name = "recommend_daily" if n == 1 else f"recommend_day{n}"
        t = time.perf_counter()
        res = _timed(name, lambda b=db, d=day: refresh(b, d))  # type: ignore[misc]
        walls.append(time.perf_counter() - t)
        print(f"#   {day:%a %Y-%m-%d}: {_describe(res)}")
    print(f"recommend_daily_max_{SIZE}_s: {max(walls):.1f} s wall (median "
          f"{percentile(walls, 50):.1f} s)")
    return db, day


def _beside_a_till(db: Database, paths: DataPaths, day: date,
                   refresh: Callable[..., Any]) -> Database:
    """A day of sales, then its refresh with checkouts going on (the till's own
    sales are today's: new sales for the refresh, as at a shop)."""
    db.close()
    _a_day(paths.database, day)
    db = Database.open(paths)
    w, lines, tenders = till._world(db)
    quiet = till._checkouts(w, lines, tenders, None, 120)[20:]  # 20 to warm up
    run = till.Till(db, w, lines, tenders, quiet).during(lambda: refresh(db, day))
    busy = run.busy
    print(f"#   {day:%a %Y-%m-%d} beside a till: {_describe(run.result)}; "
          f"{run.s:.1f} s wall, {run.cpu:.1f} s CPU, load {os.getloadavg()[0]:.1f}")
    print(f"checkout_quiet_p99_ms: {percentile(quiet, 99):.1f} ms")
    print(f"checkout_during_recommend_count: {len(busy)} checkouts")
    print(f"checkout_p50_during_recommend_ms: {percentile(busy, 50):.1f} ms")
    print(f"checkout_p99_during_recommend_ms: {percentile(busy, 99):.1f} ms")
    print(f"checkout_max_during_recommend_ms: {max(busy, default=0):.1f} ms")
    return db


def bench(path: Path) -> None:
    refresh = _old(BEFORE) if BEFORE else recommend_refresh.refresh_recommendations
    with tempfile.TemporaryDirectory(prefix="md-bench-", dir=path.parent) as tmp:
        paths = DataPaths(Path(tmp) / "data").ensure()
        shutil.copyfile(path, paths.database)
        db = Database.open(paths)
        with db.reader() as r:
            last: date = r.session.scalar(select(func.max(Sale.business_date)))
            members = list(r.session.scalars(select(Member.id)))
            products = list(r.session.scalars(select(Product.id)))
        print(f"# {LINES:,} sale lines, {MEMBERS:,} members, as of {last}"
              f"{' (before: ' + str(BEFORE) + ')' if BEFORE else ''}", flush=True)
        times = _PairTimes()
        if not BEFORE:
            recommend_refresh.refresh_pairs = times  # type: ignore[assignment]
        res = _timed("recommend_first", lambda: refresh(db, last))
        print(f"#   {_describe(res)}")
        if times.wall:
            print(f"recommend_pairs_full_{SIZE}_s: {times.wall[0]:.1f} s wall, "
                  f"{times.rows[0]:,} count rows written, longest lock "
                  f"{times.held[0] * 1000:.0f} ms")
        db, day = _week(db, paths, last, refresh)
        if not BEFORE:
            daily, pairs = _rows(db), _pairs(db)
            res = _timed("recommend_full_daily", lambda: refresh(db, day, full=True))
            print(f"#   {_describe(res)}; same rows as the daily: {_rows(db) == daily}, "
                  f"same pairs: {_pairs(db) == pairs}")
            days = times.wall[1:8]
            print(f"recommend_pairs_daily_{SIZE}_s: median {percentile(days, 50):.2f} s, "
                  f"max {max(days):.2f} s wall; {max(times.rows[1:8]):,} count rows "
                  f"changed at most; longest lock {max(times.held[1:8]) * 1000:.0f} ms")
            recommend_refresh.refresh_pairs = times.inner
        if TILL:
            db = _beside_a_till(db, paths, day + timedelta(days=1), refresh)
        rng = random.Random(1)
        member_reads: list[float] = []
        cart_reads: list[float] = []
        with db.reader() as r:
            for member_id in rng.sample(members, k=min(1000, len(members))):
                t = time.perf_counter()
                member_suggestions(r.session, member_id)
                member_reads.append(time.perf_counter() - t)
            for _ in range(1000):
                cart = rng.sample(products, k=3)
                t = time.perf_counter()
                cart_suggestions_in(r.session, cart)
                cart_reads.append(time.perf_counter() - t)
        db.close()
    print(f"recommend_member_read_ms: {_ms(member_reads)}")
    print(f"recommend_cart_read_ms: {_ms(cart_reads)}")


def main() -> None:
    bench(report_data.ensure(LINES, MEMBERS, regulars=True))


if __name__ == "__main__":
    main()
