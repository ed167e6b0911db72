"""Report benchmarks on two years of trading (``python -m tests.bench reports``).

* ``day_report_s``: the day-close report (the ``day_report`` use case: its read unit
  of work, the permission check, ``window_for`` and ``compute``) of the last,
  unclosed day of a shop with 10,000,000 sale lines; also a closed day in the middle
  (``compute`` on its window), and the same SELECTs replayed with raw sqlite3.
* ``xlsx_export_1m_s`` / ``xlsx_export_1m_rss_mb``: the sales detail of the last
  days holding 1,000,000 lines, streamed through ``sales_detail`` and
  ``sales_detail_document`` into ``write_xlsx``, in a child process whose peak RSS
  (VmHWM) is reported; plus reading the same rows through the service and raw.
* ``checkout_p99_during_backup_ms``: checkouts through the service, one every 50 ms,
  while ``create_backup`` copies and verifies a ~1 GB shop in another thread; the
  same without a backup for comparison.

Data files are generated once under ``build/bench/`` (see ``report_data``);
``MEMBERDESK_BENCH_LINES`` / ``MEMBERDESK_BENCH_BACKUP_LINES`` make smaller ones.
"""

from __future__ import annotations

import json
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import event, func, select

from memberdesk.db import Database, make_engine
from memberdesk.models import DayClose, Sale
from memberdesk.services.backup.create import create_backup
from memberdesk.services.closing.day_close import day_report
from memberdesk.services.reporting.day_report import compute
from memberdesk.services.reporting.window import Watermarks, Window
from memberdesk.services.staff.accounts import login

from . import report_data
from .stats import percentile
from .till import till_on_copy

LINES = int(os.environ.get("MEMBERDESK_BENCH_LINES", "10000000"))
MEMBERS = int(os.environ.get("MEMBERDESK_BENCH_REPORT_MEMBERS", "200000"))
BACKUP_LINES = int(os.environ.get("MEMBERDESK_BENCH_BACKUP_LINES", "4500000"))
EXPORT_LINES = int(os.environ.get("MEMBERDESK_BENCH_EXPORT_LINES", "1000000"))
REPEAT = 7
READ_RUNS = 3


def _median(values: list[float]) -> float:
    return statistics.median(values)


# -- the day report ----------------------------------------------------------------
def _closed_window(db: Database, day: date) -> Window:
    with db.reader() as uow:
        s = uow.session
        cur = s.scalar(select(DayClose).where(DayClose.business_date == day))
        prev = s.scalar(select(DayClose).where(DayClose.business_date == day - timedelta(days=1)))
        assert cur is not None and prev is not None
        marks = [Watermarks.from_dict(json.loads(c.report_json)["watermarks"]) for c in (prev, cur)]
        return Window(day, prev.business_date, marks[0], marks[1], prev.closed_at, cur.closed_at)


def bench_day_report(path: Path) -> None:
    db = Database(make_engine(path))
    owner = login(db, "owner", report_data.PASSWORDS["owner"])
    with db.reader() as uow:
        last = uow.session.scalar(select(func.max(Sale.business_date)))
    assert last is not None
    statements: list[tuple[str, Any]] = []

    def capture(conn: Any, cursor: Any, sql: str, params: Any, ctx: Any, many: bool) -> None:
        if sql.lstrip().upper().startswith("SELECT"):
            statements.append((sql, params))

    event.listen(db.engine, "before_cursor_execute", capture)
    t0 = time.perf_counter()
    rep = day_report(db, owner, last)
    first = time.perf_counter() - t0
    event.remove(db.engine, "before_cursor_execute", capture)
    lines = sum(p.qty for p in rep.top_products)  # only a sanity figure
    times = []
    for _ in range(REPEAT):
        t0 = time.perf_counter()
        day_report(db, owner, last)
        times.append(time.perf_counter() - t0)
    mid = last - timedelta(days=365)
    window = _closed_window(db, mid)
    mid_times = []
    with db.reader() as uow:
        for _ in range(REPEAT):
            t0 = time.perf_counter()
            mid_rep = compute(uow.session, window)
            mid_times.append(time.perf_counter() - t0)
    db.close()
    raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    raw_times = []
    for _ in range(REPEAT):
        t0 = time.perf_counter()
        for sql, params in statements:
            raw.execute(sql, params).fetchall()
        raw_times.append(time.perf_counter() - t0)
    raw.close()
    print(f"day_report_sales: {rep.sales_count} sales (top-10 products {lines} items)")
    print(f"day_report_s: {_median(times):.3f} s")
    print(f"day_report_max_s: {max(times):.3f} s")
    print(f"day_report_first_s: {first:.3f} s (the first call on a freshly opened file)")
    print(f"day_report_closed_day_s: {_median(mid_times):.3f} s ({mid_rep.sales_count} sales)")
    print(f"day_report_raw_s: {_median(raw_times):.3f} s ({len(statements)} statements)")
    print(f"day_report_ratio_vs_raw: {_median(times) / _median(raw_times):.1f} x")


# -- the 1,000,000-line export -----------------------------------------------------------
def export_range(path: Path, lines: int) -> tuple[date, date, int]:
    """The last business days that together hold at least ``lines`` sale lines."""
    raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    end = day = date.fromisoformat(raw.execute("SELECT MAX(business_date) FROM sales").fetchone()[0])
    first = date.fromisoformat(raw.execute("SELECT MIN(business_date) FROM sales").fetchone()[0])
    total = 0
    while day >= first:
        total += raw.execute(
            "SELECT COUNT(*) FROM sale_lines l JOIN sales s ON s.id = l.sale_id "
            "WHERE s.business_date = ?", (day.isoformat(),)).fetchone()[0]
        if total >= lines:
            raw.close()
            return day, end, total
        day -= timedelta(days=1)
    raw.close()
    raise RuntimeError("not enough sale lines for the export benchmark")


@dataclass(frozen=True)
class Checked:
    rows: int
    sampled: int


DETAIL_SQL = (
    "SELECT s.business_date, s.sale_no, s.created_at, st.display_name, m.member_no, p.code, "
    "l.description, l.qty, l.unit_price, l.discount, l.net_amount FROM sales s "
    "JOIN sale_lines l ON l.sale_id = s.id JOIN staff st ON st.id = s.staff_id "
    "LEFT JOIN members m ON m.id = s.member_id LEFT JOIN products p ON p.id = l.product_id "
    "WHERE s.business_date BETWEEN ? AND ? ORDER BY s.business_date, s.id, l.line_no")


def export_sales(path: Path, start: date, end: date, out: Path) -> int:
    from memberdesk.reports.xlsx import write_xlsx
    from memberdesk.services.reporting.sales_detail import sales_detail, sales_detail_document

    db = Database(make_engine(path))
    owner = login(db, "owner", report_data.PASSWORDS["owner"])
    with sales_detail(db, owner, start, end) as rep:
        rows = write_xlsx(sales_detail_document(rep, "基准测试店", rep.generated_at), out)
    db.close()
    return rows


def check_export(path: Path, start: date, end: date, out: Path, export: bool = True) -> Checked:
    """Export the sales detail of ``start``..``end`` (unless ``export`` is False), read
    the workbook back with calamine and compare it with the database: the row count,
    the sums of quantity and money to the fen, and every cell of ~200 sampled rows."""
    from python_calamine import CalamineWorkbook

    if export:
        export_sales(path, start, end, out)
    raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    expected = raw.execute(DETAIL_SQL, (start.isoformat(), end.isoformat()))
    sheet = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("销售明细")
    rows = sheet.iter_rows()
    next(rows)  # the header
    count = sampled = 0
    sums = [0, 0, 0, 0]  # qty, unit price, discount, net in fen
    step = 0
    total = raw.execute("SELECT COUNT(*) FROM sale_lines l JOIN sales s ON s.id = l.sale_id "
                        "WHERE s.business_date BETWEEN ? AND ?",
                        (start.isoformat(), end.isoformat())).fetchone()[0]
    step = max(1, total // 200)
    for want, got in zip(expected, rows, strict=False):
        qty, price, disc, net = (int(got[7]), round(got[8] * 100), round(got[9] * 100),
                                 round(got[10] * 100))
        sums = [sums[0] + qty, sums[1] + price, sums[2] + disc, sums[3] + net]
        if count % step == 0:
            at = datetime.fromisoformat(want[2]) + report_data.OFFSET
            assert (got[0], got[1], got[2].replace(second=0, microsecond=0), got[3],
                    got[4], got[5], got[6]) == (
                date.fromisoformat(want[0]), want[1], at.replace(second=0, microsecond=0),
                want[3], want[4] or "", want[5] or "", want[6]), (count, got, want)
            assert (qty, price, disc, net) == want[7:], (count, got, want)
            sampled += 1
        count += 1
    footer = next(rows)  # the totals row
    raw_sums = raw.execute(
        "SELECT SUM(l.qty), SUM(l.unit_price), SUM(l.discount), SUM(l.net_amount) "
        "FROM sale_lines l JOIN sales s ON s.id = l.sale_id WHERE s.business_date BETWEEN ? "
        "AND ?", (start.isoformat(), end.isoformat())).fetchone()
    raw.close()
    assert count == total, (count, total)
    assert sums == list(raw_sums), (sums, raw_sums)
    assert (int(footer[7]), round(footer[10] * 100)) == (raw_sums[0], raw_sums[3]), footer
    assert next(rows, None) is None
    return Checked(count, sampled)


def export_child(path: str, start: str, end: str, out: str) -> None:
    """Runs in a fresh interpreter: export, then report time and peak RSS as JSON."""
    from memberdesk.reports.xlsx import write_xlsx
    from memberdesk.services.reporting.sales_detail import sales_detail, sales_detail_document

    db = Database(make_engine(path))
    owner = login(db, "owner", report_data.PASSWORDS["owner"])
    before = _vm("VmRSS")
    t0, c0 = time.perf_counter(), time.process_time()
    with sales_detail(db, owner, date.fromisoformat(start), date.fromisoformat(end)) as rep:
        rows = write_xlsx(sales_detail_document(rep, "基准测试店", rep.generated_at), Path(out))
    took, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(json.dumps({"s": took, "cpu_s": cpu, "rows": rows, "hwm_mb": _vm("VmHWM"),
                      "start_mb": before}))


def _vm(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def bench_export(path: Path) -> None:
    start, end, lines = export_range(path, EXPORT_LINES)
    with tempfile.TemporaryDirectory(prefix="md-bench-") as tmp:
        out = Path(tmp) / "sales.xlsx"
        code = ("from tests.bench.bench_reports import export_child; "
                f"export_child({str(path)!r}, {start.isoformat()!r}, {end.isoformat()!r}, "
                f"{str(out)!r})")
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              check=True, cwd=report_data.ROOT)
        result = json.loads(done.stdout.strip().splitlines()[-1])
        size = out.stat().st_size
        checked = check_export(path, start, end, out, export=False)
    children_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"xlsx_export_range: {start} .. {end}, {lines:,} lines")
    print(f"xlsx_export_rows: {result['rows']} rows")
    print(f"xlsx_export_1m_s: {result['s']:.1f} s")
    print(f"xlsx_export_1m_cpu_s: {result['cpu_s']:.1f} s (the export's own CPU time: "
          "on a busy machine the wall time above includes waiting for a core)")
    print(f"xlsx_export_1m_rss_mb: {result['hwm_mb']:.0f} MB (peak; {result['start_mb']:.0f} MB "
          f"before the export; ru_maxrss of children {children_mb:.0f} MB)")
    print(f"xlsx_export_file_mb: {size / 1e6:.0f} MB")
    print(f"xlsx_export_read_back: identical ({checked.rows:,} rows and their sums, "
          f"{checked.sampled} sampled rows cell by cell, calamine)")
    _bench_stream(path, start, end)


def _bench_stream(path: Path, start: date, end: date) -> None:
    """Reading the same rows: through the service, and the same SELECT with raw sqlite3,
    taken in turns ``READ_RUNS`` times (medians: the machine is shared)."""
    from memberdesk.services.reporting import sales_detail as module
    from memberdesk.services.reporting.sales_detail import sales_detail

    db = Database(make_engine(path))
    owner = login(db, "owner", report_data.PASSWORDS["owner"])
    seen: list[tuple[str, Any]] = []
    plain: list[tuple[str, Any]] = []  # the lines' SELECT sent to the driver's cursor

    def capture(conn: Any, cursor: Any, sql: str, params: Any, ctx: Any, many: bool) -> None:
        seen.append((sql, params))

    driver_read = getattr(module, "plain_rows", None)  # issue 16; older builds: none
    if driver_read is not None:

        def recorded(s: Any, stmt: Any) -> Any:
            dialect = s.connection().dialect
            plain.append((str(stmt.compile(dialect=dialect,
                                           compile_kwargs={"literal_binds": True})), ()))
            return driver_read(s, stmt)

        module.plain_rows = recorded  # type: ignore[attr-defined]

    raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    service_s: list[float] = []
    raw_s: list[float] = []
    for _ in range(READ_RUNS):
        with sales_detail(db, owner, start, end) as rep:
            event.listen(db.engine, "before_cursor_execute", capture)
            t0 = time.perf_counter()
            n = sum(1 for _ in rep.lines())
            service_s.append(time.perf_counter() - t0)
            event.remove(db.engine, "before_cursor_execute", capture)
        sql, params = plain[-1] if plain else seen[-1]
        t0 = time.perf_counter()
        m = sum(1 for _ in raw.execute(sql, params))
        raw_s.append(time.perf_counter() - t0)
        assert n == m
    if driver_read is not None:
        module.plain_rows = driver_read  # type: ignore[attr-defined]
    db.close()
    raw.close()
    service, raw_median = _median(service_s), _median(raw_s)
    print(f"sales_detail_read_s: {service:.1f} s ({n:,} rows through the service, median of "
          f"{READ_RUNS})")
    print(f"sales_detail_read_raw_s: {raw_median:.1f} s")
    print(f"sales_detail_read_ratio_vs_raw: {service / raw_median:.1f} x")


# -- checkout while a backup runs -------------------------------------------------------
def bench_checkout_during_backup(path: Path) -> None:
    with till_on_copy(path, quiet=200) as till:
        quiet = till.quiet
        run = till.during(lambda: create_backup(till.db, None, kind="bench"))
    busy, result = run.busy, {"s": run.s, "backup": run.result}
    size = path.stat().st_size / 1e9
    print(f"backup_db_gb: {size:.2f} GB; backup took {result['s']:.1f} s "
          f"({result['backup'].size / 1e9:.2f} GB written and verified)")
    print(f"checkout_no_backup_p50_ms: {_median(quiet):.1f} ms")
    print(f"checkout_no_backup_p99_ms: {percentile(quiet, 99):.1f} ms")
    print(f"checkout_during_backup_count: {len(busy)} checkouts")
    print(f"checkout_p50_during_backup_ms: {_median(busy):.1f} ms")
    print(f"checkout_p99_during_backup_ms: {percentile(busy, 99):.1f} ms")
    print(f"checkout_max_during_backup_ms: {max(busy):.1f} ms")
    print(f"checkout_p99_ratio_backup_vs_quiet: {percentile(busy, 99) / percentile(quiet, 99):.1f} x")


def main() -> None:
    big = report_data.ensure(LINES, MEMBERS)
    bench_day_report(big)
    bench_export(big)
    small = report_data.ensure(BACKUP_LINES, MEMBERS // 2)
    bench_checkout_during_backup(small)


if __name__ == "__main__":
    main()
