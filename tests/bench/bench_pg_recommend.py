"""The recommendations refresh (issue 13, item 3) on PostgreSQL against SQLite: the
recommendations bench's shop (``report_data.ensure(..., regulars=True)``, 100,000
members and 1,000,000 sale lines over two years) moved onto a fresh database of the
throw-away cluster with ``memberdesk network migrate``'s service, then on each engine:

* ``*_recommend_first_*``: the first (full) refresh as of the file's last day;
* ``*_recommend_daily_*``: the next day's (no new sales: the members whose next
  change date came, the day leaving the pairs' window);
* ``*_recommend_full_daily_*``: a full refresh of that day, its rows compared with the
  daily one's;
* ``*_recommend_member_read_ms`` / ``*_recommend_cart_read_ms``: the counter's reads,
  p50 and p95 over 1,000 members / three-product carts;

and ``pg_recommend_*_ratio_vs_sqlite`` (the same work, the same run). The day's sales
the SQLite bench adds with the generator are raw SQLite inserts; on the server a day
with no new sales is what can be timed alike.

    bash scripts/with-postgres.sh .venv/bin/python -m tests.bench pg_recommend
"""

from __future__ import annotations

import random
import shutil
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from memberdesk.db import Database
from memberdesk.models import Member, Product, Sale
from memberdesk.paths import DataPaths
from memberdesk.services.analytics.recommend_read import cart_suggestions_in, member_suggestions
from memberdesk.services.analytics.recommend_refresh import refresh_recommendations
from memberdesk.services.backup.network_migrate import MigrateRequest, migrate_shop
from tests.pg_engine import PgDatabases, pg_url

from . import report_data
from .bench_recommend import LINES, MEMBERS, SIZE
from .stats import percentile

READS = 1000


def _timed(work: Callable[[], Any]) -> tuple[float, float, Any]:
    t0, c0 = time.perf_counter(), time.process_time()
    res = work()
    return time.perf_counter() - t0, time.process_time() - c0, res


def _content(db: Database) -> tuple[int, int, int]:
    """Rows, members with a due product, pair rows: what both engines must agree on."""
    with db.reader() as r:
        conn = r.session.connection()
        return (int(conn.exec_driver_sql("SELECT count(*) FROM member_recommendations").scalar()
                    or 0),
                int(conn.exec_driver_sql(
                    "SELECT count(DISTINCT member_id) FROM member_recommendations").scalar() or 0),
                int(conn.exec_driver_sql("SELECT count(*) FROM product_pairs").scalar() or 0))


def _reads(db: Database) -> tuple[list[float], list[float]]:
    rng = random.Random(1)
    with db.reader() as r:
        members = list(r.session.scalars(select(Member.id)))
        products = list(r.session.scalars(select(Product.id)))
        member_ms: list[float] = []
        cart_ms: list[float] = []
        for member_id in rng.sample(members, k=min(READS, len(members))):
            t = time.perf_counter()
            member_suggestions(r.session, member_id)
            member_ms.append((time.perf_counter() - t) * 1000)
        for _ in range(READS):
            cart = rng.sample(products, k=3)
            t = time.perf_counter()
            cart_suggestions_in(r.session, cart)
            cart_ms.append((time.perf_counter() - t) * 1000)
    return member_ms, cart_ms


def _run(engine: str, db: Database) -> dict[str, Any]:
    """The first, the next day's and a full refresh of it, then the reads."""
    with db.reader() as r:
        last: date = r.session.scalar(select(func.max(Sale.business_date)))
    out: dict[str, Any] = {}
    out["first"] = _timed(lambda: refresh_recommendations(db, last))
    out["daily"] = _timed(lambda: refresh_recommendations(db, last + timedelta(days=1)))
    daily = _content(db)
    out["full_daily"] = _timed(lambda: refresh_recommendations(db, last + timedelta(days=1),
                                                               full=True))
    out["content"] = _content(db)
    out["same"] = out["content"] == daily
    out["member_ms"], out["cart_ms"] = _reads(db)
    for step in ("first", "daily", "full_daily"):
        wall, cpu, res = out[step]
        print(f"{engine}_recommend_{step}_{SIZE}_s: {wall:.1f} s wall, {cpu:.1f} s CPU "
              f"({res.rows:,} member rows written, {res.pairs:,} pair rows)", flush=True)
    rows, due, pairs = out["content"]
    print(f"# {engine}: {rows:,} recommendation rows for {due:,} members, {pairs:,} pair "
          f"rows; the full refresh the same as the daily: {out['same']}")
    for kind in ("member", "cart"):
        ms = out[f"{kind}_ms"]
        print(f"{engine}_recommend_{kind}_read_ms: p50 {percentile(ms, 50):.3f} ms, "
              f"p95 {percentile(ms, 95):.3f} ms")
    return out


def _both(path: Path, dbs: PgDatabases) -> dict[str, dict[str, Any]]:
    """The file moved to a fresh server database, then :func:`_run` on each engine."""
    with tempfile.TemporaryDirectory(prefix="md-bench-", dir=path.parent) as tmp:
        paths = DataPaths(Path(tmp) / "sqlite").ensure()
        shutil.copyfile(path, paths.database)
        server = dbs.fresh()
        try:
            wall, _cpu, moved = _timed(lambda: migrate_shop(MigrateRequest(
                paths.database, server, "A01", "owner", report_data.PASSWORDS["owner"])))
            print(f"# {LINES:,} sale lines, {MEMBERS:,} members: {moved.rows:,} rows moved "
                  f"to the server in {wall:.0f} s", flush=True)
            results = {}
            for engine, address in (("sqlite", None), ("pg", server)):
                db = Database.open(DataPaths(Path(tmp) / engine).ensure(), address)
                try:
                    results[engine] = _run(engine, db)
                finally:
                    db.close()
        finally:
            dbs.drop(server)
    return results


def main() -> None:
    url = pg_url()
    if url is None:
        print("# bench_pg_recommend: no MEMBERDESK_TEST_PG_URL "
              "(run through scripts/with-postgres.sh)")
        return
    path = report_data.ensure(LINES, MEMBERS, regulars=True)
    dbs = PgDatabases(url)
    try:
        results = _both(path, dbs)
    finally:
        dbs.close()
    for step in ("first", "daily", "full_daily"):
        ratio = results["pg"][step][0] / max(results["sqlite"][step][0], 1e-9)
        print(f"pg_recommend_{step}_ratio_vs_sqlite: {ratio:.2f}")
    for kind in ("member", "cart"):
        ratio = (percentile(results["pg"][f"{kind}_ms"], 95)
                 / max(percentile(results["sqlite"][f"{kind}_ms"], 95), 1e-9))
        print(f"pg_recommend_{kind}_read_p95_ratio_vs_sqlite: {ratio:.2f}")
    same = results["pg"]["content"] == results["sqlite"]["content"]
    print(f"pg_recommend_same_as_sqlite: {same}")
