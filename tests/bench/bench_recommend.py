"""The recommendations refresh (issue 13, item 3) over the report benchmarks' shop:
100,000 members and 1,000,000 sale lines over two years (``report_data``; sizes
``MEMBERDESK_BENCH_RECOMMEND_MEMBERS`` / ``_LINES``), as of its last day.

Prints ``recommend_refresh_100k_s`` (named with the member count it ran at: the two
reads, the ranking and the batched writes), what it wrote, and the counter's reads
on the refreshed file: ``recommend_member_read_ms`` (a member's due products, the
statement the member view adds) and ``recommend_cart_read_ms`` (a three-product cart's
companions), p50 and p95 over 1,000 members / carts.
"""

from __future__ import annotations

import os
import random
import shutil
import tempfile
import time
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from memberdesk.db import Database
from memberdesk.models import Member, Product, Sale
from memberdesk.paths import DataPaths
from memberdesk.services.analytics.recommend_read import cart_suggestions_in, member_suggestions
from memberdesk.services.analytics.recommend_refresh import refresh_recommendations

from . import report_data
from .stats import percentile

LINES = int(os.environ.get("MEMBERDESK_BENCH_RECOMMEND_LINES", "1000000"))
MEMBERS = int(os.environ.get("MEMBERDESK_BENCH_RECOMMEND_MEMBERS", "100000"))


def _ms(samples: list[float]) -> str:
    return f"p50 {percentile(samples, 50) * 1000:.3f} ms, p95 {percentile(samples, 95) * 1000:.3f} ms"


def bench(path: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="md-bench-", dir=path.parent) as tmp:
        paths = DataPaths(Path(tmp) / "data").ensure()
        shutil.copyfile(path, paths.database)
        db = Database.open(paths)
        with db.reader() as r:
            last: date = r.session.scalar(select(func.max(Sale.business_date)))
            members = list(r.session.scalars(select(Member.id)))
            products = list(r.session.scalars(select(Product.id)))
        t0 = time.perf_counter()
        res = refresh_recommendations(db, last)
        seconds = time.perf_counter() - t0
        print(f"recommend_refresh_{MEMBERS // 1000}k_s: {seconds:.1f} s ({LINES:,} sale lines; "
              f"{res.members:,} members with {res.rows:,} due products, "
              f"{res.pairs:,} pair rows)")
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
    bench(report_data.ensure(LINES, MEMBERS))


if __name__ == "__main__":
    main()
