"""The recommendations refresh (issue 13, item 3) over the report benchmarks' shop with
regular buyers (``report_data.ensure(..., regulars=True)``: a quarter of the lines
bought by members coming back for one product every 7-30 days): 100,000 members and
1,000,000 sale lines over two years (sizes ``MEMBERDESK_BENCH_RECOMMEND_MEMBERS`` /
``_LINES``).

Prints, each with the wall and CPU time (``time.process_time``) and the load average:

* ``recommend_first_*``: the first (full) refresh as of the file's last day;
* ``recommend_daily_*``: the next day's, after a day of sales made by the generator
  (the members touched since, and those whose next change date came);
* ``recommend_full_daily_*``: a full refresh of that same day, the result compared
  with the daily one's (``same rows``);
* ``recommend_pairs_*``: counting the product pairs (what a refresh adds once a week);

then the counter's reads on the refreshed file: ``recommend_member_read_ms`` (a member's
due products, the statement the member view adds) and ``recommend_cart_read_ms`` (a
three-product cart's companions), p50 and p95 over 1,000 members / carts.

``MEMBERDESK_BENCH_RECOMMEND_BEFORE=FILE``: the first and daily refreshes by the
``refresh_recommendations`` of that file instead (an older ``recommend_refresh.py``,
e.g. ``git show a6280ca:src/memberdesk/services/analytics/recommend_refresh.py``), for
before / after on the same data.
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

from . import report_data
from .stats import percentile

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
    return (f"{how}, {res.rows:,} member rows written, {res.members:,} members with a due "
            f"product, {res.pairs:,} pair rows"
            f"{' (counted)' if getattr(res, 'pairs_counted', True) else ' (kept)'}")


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
    gen = _NextDay(raw, LINES, MEMBERS, first, random.Random(day.toordinal()),
                                regulars=True)
    gen.day(day, close=False)
    raw.execute("COMMIT")
    raw.close()


def _rows(db: Database) -> set[tuple[Any, ...]]:
    with db.reader() as r:
        return set(r.session.connection().exec_driver_sql(
            "SELECT member_id, rank, product_id, days_bought, gap_x2, last_day "
            "FROM member_recommendations"))


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
        res = _timed("recommend_first", lambda: refresh(db, last))
        print(f"#   {_describe(res)}")
        db.close()
        _a_day(paths.database, last + timedelta(days=1))
        db = Database.open(paths)
        res = _timed("recommend_daily", lambda: refresh(db, last + timedelta(days=1)))
        print(f"#   {_describe(res)}")
        if not BEFORE:
            daily = _rows(db)
            res = _timed("recommend_full_daily", lambda: refresh(
                db, last + timedelta(days=1), full=True))
            print(f"#   {_describe(res)}; same rows as the daily: {_rows(db) == daily}")
            with db.reader() as r:
                window = int(r.session.connection().exec_driver_sql(
                    "SELECT window_days FROM recommend_state").scalar() or 365)
            _timed("recommend_pairs", lambda: recommend_refresh._pairs(db, last, window))
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
