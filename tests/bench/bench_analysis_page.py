"""The 分析 page's figures on a big shop (issue 13: ``analytics_page_s`` < 1 s).

``analytics_page_s``: the page's data build (``analysis_data.load``: the read unit of
work, the permission check, every figure's SQL aggregate, the Document and the screen
tables with their chart values) as of the last trading day, the median of a few runs
after the analytics refresh has written ``member_scores``; each figure's query time
too. Sizes as the analytics benchmark: ``MEMBERDESK_BENCH_ANALYTICS_LINES`` (default
10,000,000) and ``MEMBERDESK_BENCH_ANALYTICS_MEMBERS`` (default 1,000,000), the data
from ``report_data``, cached under ``build/bench/``.
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import event

from memberdesk.db import Database
from memberdesk.paths import DataPaths
from memberdesk.services.analytics import report as analytics_report
from memberdesk.services.analytics.refresh import refresh_scores
from memberdesk.services.staff.accounts import login
from memberdesk.ui.backoffice.analysis_data import load

from . import report_data
from .bench_analytics import LINES, MEMBERS

REPEAT = 5


def bench_page(path: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="md-bench-", dir=path.parent) as tmp:
        paths = DataPaths(Path(tmp) / "data").ensure()
        shutil.copyfile(path, paths.database)
        db = Database.open(paths)
        t0 = time.perf_counter()
        refreshed = refresh_scores(db)
        print(f"# refresh before the page: {time.perf_counter() - t0:.1f} s "
              f"({refreshed.members:,} members)", flush=True)
        owner = login(db, "owner", report_data.PASSWORDS["owner"])
        queries: dict[str, float] = {}

        def before(conn, cursor, statement, params, context, many):  # type: ignore[no-untyped-def]
            context._bench_t0 = time.perf_counter()

        def after(conn, cursor, statement, params, context, many):  # type: ignore[no-untyped-def]
            took = time.perf_counter() - context._bench_t0
            key = " ".join(statement.split())[:60]
            queries[key] = queries.get(key, 0.0) + took

        times = []
        for i in range(REPEAT):
            if i == REPEAT - 1:
                event.listen(db.engine, "before_cursor_execute", before)
                event.listen(db.engine, "after_cursor_execute", after)
            t0 = time.perf_counter()
            screen = load(db, owner, None, "zh_CN")
            times.append(time.perf_counter() - t0)
        db.close()
    rep = screen.report
    print(f"analytics_page_s: {statistics.median(times):.2f} s (median of {REPEAT}; "
          f"{rep.members:,} members, {rep.churn_count:,} churn warnings, "
          f"{len(rep.preferences)} segment x category cells over "
          f"{analytics_report.analysis.PREFERENCE_DAYS} days)")
    for key, took in sorted(queries.items(), key=lambda kv: -kv[1])[:8]:
        print(f"#   {took * 1000:7.0f} ms  {key}")


def main() -> None:
    bench_page(report_data.ensure(LINES, MEMBERS))


if __name__ == "__main__":
    main()
