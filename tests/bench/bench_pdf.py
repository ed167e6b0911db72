"""PDF export of a long report (``python -m tests.bench pdf``).

``pdf_export_100k_s`` / ``pdf_export_100k_rss_mb``: a sales-detail-shaped document
(the 销售明细 table's eleven columns, CJK product names, money and dates) of
``MEMBERDESK_BENCH_PDF_ROWS`` rows (100,000) through ``write_pdf`` in a child
process, whose peak RSS (VmHWM) is reported with its RSS before the export; the
same at a tenth of the rows shows whether memory grows with the rows. The raw
counterpart is the rows alone (formatting every cell, no PDF).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROWS = int(os.environ.get("MEMBERDESK_BENCH_PDF_ROWS", "100000"))
NAMES = ("农夫山泉550ml", "康师傅红烧牛肉面", "可口可乐330ml罐装", "伊利纯牛奶250ml", "洗车服务")


def document(rows: int):  # type: ignore[no-untyped-def]
    from memberdesk.money import Money
    from memberdesk.reports.document import Column, ColumnKind, Document, Table

    m, i = ColumnKind.MONEY, ColumnKind.INT
    start = date(2026, 1, 1)

    def lines():  # type: ignore[no-untyped-def]
        for n in range(rows):
            qty = 1 + n % 3
            price = Money(150 + (n * 37) % 5000)
            yield (start + timedelta(days=n // 3000), f"S20260101{n:06d}",
                   datetime(2026, 1, 1, 9) + timedelta(seconds=n * 7), "收银员", f"M{n % 99999:06d}",
                   f"P{n % 500:04d}", NAMES[n % len(NAMES)], qty, price, Money(n % 50),
                   Money(price.fen * qty - n % 50))

    columns = (Column("营业日", ColumnKind.DATE), Column("单号", width=15),
               Column("时间", ColumnKind.DATETIME), Column("收银员", width=8),
               Column("会员编号", width=9), Column("商品编码", width=10),
               Column("商品名称", width=20), Column("数量", i, width=6), Column("单价", m),
               Column("优惠", m), Column("实收", m))
    return Document("销售明细", "基准店", "2026-01-01 至 2026-02-03", datetime(2026, 2, 3, 20),
                    tables=(Table("销售明细", columns, lines),))


def _vm(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def child(rows: int, out: str) -> None:
    from memberdesk.reports.document import format_cell
    from memberdesk.reports.pdf import write_pdf

    doc = document(rows)
    start_mb = _vm("VmRSS")
    t0 = time.perf_counter()
    written = write_pdf(doc, Path(out))
    took = time.perf_counter() - t0
    t0 = time.perf_counter()
    for row in doc.tables[0].rows():
        [format_cell(v) for v in row]
    raw = time.perf_counter() - t0
    print(json.dumps({"s": took, "raw_s": raw, "rows": written, "hwm_mb": _vm("VmHWM"),
                      "start_mb": start_mb, "bytes": Path(out).stat().st_size}))


def _run(rows: int, tmp: str) -> dict[str, float]:
    out = str(Path(tmp) / f"detail-{rows}.pdf")
    done = subprocess.run([sys.executable, "-m", "tests.bench.bench_pdf", "--child", str(rows), out],
                          capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(done.stdout.splitlines()[-1])
    return result


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="md-pdf-") as tmp:
        small = _run(ROWS // 10, tmp)
        big = _run(ROWS, tmp)
    print(f"pdf_export_rows: {int(big['rows'])} rows, {big['bytes'] / 1e6:.0f} MB")
    print(f"pdf_export_100k_s: {big['s']:.1f} s")
    print(f"pdf_export_100k_raw_s: {big['raw_s']:.1f} s (the rows and their cell texts alone)")
    print(f"pdf_export_100k_rss_mb: {big['hwm_mb']:.0f} MB (peak; {big['start_mb']:.0f} MB "
          f"before the export)")
    print(f"pdf_export_10k_rss_mb: {small['hwm_mb']:.0f} MB (peak, a tenth of the rows)")
    print(f"pdf_export_rss_growth_mb: {big['hwm_mb'] - small['hwm_mb']:.0f} MB "
          f"(100k rows against 10k)")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(int(sys.argv[2]), sys.argv[3])
    else:
        main()
