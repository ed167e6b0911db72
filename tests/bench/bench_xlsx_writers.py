"""The .xlsx writers side by side on the same sales-detail rows (``python -m tests.bench
xlsx_writers``): openpyxl write-only (what the reports used before), XlsxWriter with
``constant_memory``, rustpy-xlsxwriter, and the reports' own stream
(:mod:`memberdesk.reports.xlsx_stream` through ``write_xlsx``).

Each writer gets the rows a report yields (Money, dates, CJK text) and converts them
as it must; each file is read back with calamine and compared cell by cell with the
rows (numbers as numbers, CJK intact). Medians of ``RUNS`` runs, and each writer's
time as a ratio to the reports' own. XlsxWriter and rustpy-xlsxwriter come from
``requirements-bench.lock`` (``make bench`` installs it).
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from memberdesk.money import Money
from memberdesk.reports.document import Column, ColumnKind, Document, Table
from memberdesk.reports.xlsx import write_xlsx

ROWS = int(os.environ.get("MEMBERDESK_BENCH_WRITER_ROWS", "100000"))
RUNS = 3
TITLES = ("营业日", "单号", "时间", "收银员", "会员编号", "商品编码", "商品名称", "数量", "单价",
          "优惠", "实收")  # fmt: skip
KINDS = (ColumnKind.DATE, ColumnKind.TEXT, ColumnKind.DATETIME, ColumnKind.TEXT,
         ColumnKind.TEXT, ColumnKind.TEXT, ColumnKind.TEXT, ColumnKind.INT, ColumnKind.MONEY,
         ColumnKind.MONEY, ColumnKind.MONEY)  # fmt: skip
Row = tuple[Any, ...]


def rows(n: int) -> Iterator[Row]:
    start = datetime(2026, 1, 1, 8)
    for i in range(n):
        price = 100 + i * 37 % 9900
        disc = price * 5 // 100 if i % 3 else 0
        yield (date(2026, 1, 1) + timedelta(days=i // 2000), f"S20260101-{i:07d}",
               start + timedelta(days=i // 2000, seconds=i % 2000 * 25), "张收银",
               f"B{i % 200000:07d}" if i % 5 < 2 else "", f"P{i % 2000:05d}",
               f"商品{i % 2000:05d} {'红黄蓝绿白'[i % 5]}色装", 1 + i % 3, Money(price),
               Money(disc), Money(price * (1 + i % 3) - disc))


def ours(data: list[Row], out: Path) -> None:
    table = Table("明细", tuple(Column(t, k) for t, k in zip(TITLES, KINDS, strict=True)),
                  lambda: iter(data))
    write_xlsx(Document("销售明细", "基准测试店", "2026", datetime(2026, 1, 1), tables=(table,)),
               out)


def openpyxl_write_only(data: list[Row], out: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    formats = {ColumnKind.DATE: "yyyy-mm-dd", ColumnKind.DATETIME: "yyyy-mm-dd hh:mm",
               ColumnKind.INT: "#,##0", ColumnKind.MONEY: "#,##0.00"}
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("明细")
    ws.append(list(TITLES))
    for row in data:
        cells = []
        for v, kind in zip(row, KINDS, strict=True):
            c = WriteOnlyCell(ws, value=v.to_decimal() if isinstance(v, Money) else v)
            if kind in formats:
                c.number_format = formats[kind]
            else:
                c.data_type = "s"
            cells.append(c)
        ws.append(cells)
    wb.save(out)


def xlsxwriter_constant_memory(data: list[Row], out: Path) -> None:
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(out), {"constant_memory": True, "strings_to_formulas": False,
                                        "strings_to_numbers": False, "strings_to_urls": False})
    ws = wb.add_worksheet("明细")
    fmt = {k: wb.add_format({"num_format": f}) for k, f in (
        (ColumnKind.DATE, "yyyy-mm-dd"), (ColumnKind.DATETIME, "yyyy-mm-dd hh:mm"),
        (ColumnKind.INT, "#,##0"), (ColumnKind.MONEY, "#,##0.00"))}
    ws.write_row(0, 0, TITLES)
    for n, row in enumerate(data, start=1):
        for i, (v, kind) in enumerate(zip(row, KINDS, strict=True)):
            if kind is ColumnKind.MONEY:
                ws.write_number(n, i, float(v.to_decimal()), fmt[kind])
            elif kind in (ColumnKind.DATE, ColumnKind.DATETIME):
                ws.write_datetime(n, i, v, fmt[kind])
            elif kind is ColumnKind.INT:
                ws.write_number(n, i, v, fmt[kind])
            elif v:
                ws.write_string(n, i, v)
    wb.close()


def rustpy_xlsxwriter(data: list[Row], out: Path) -> None:
    import rustpy_xlsxwriter as rx

    money = rx.Format().set_num_format("#,##0.00")
    day = rx.Format().set_num_format("yyyy-mm-dd")

    def records() -> Iterator[dict[str, Any]]:
        for row in data:
            yield {t: float(v.to_decimal()) if isinstance(v, Money) else (v or None)
                   for t, v in zip(TITLES, row, strict=True)}

    rx.write_worksheet(records(), str(out), sheet_name="明细", freeze_row=1, autofilter=True,
                       datetime_format="yyyy-mm-dd hh:mm",
                       column_formats={"营业日": day, "单价": money, "优惠": money, "实收": money})


WRITERS: dict[str, Callable[[list[Row], Path], None]] = {
    "ours": ours, "openpyxl": openpyxl_write_only, "xlsxwriter": xlsxwriter_constant_memory,
    "rustpy": rustpy_xlsxwriter,
}


def same_cells(out: Path, data: list[Row]) -> str:
    """"ok", or the first cell calamine reads back differently."""
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(out))
    sheet = book.get_sheet_by_name("明细")
    got = sheet.iter_rows()
    if [str(t) for t in next(got)] != list(TITLES):
        return "header differs"
    count = 0
    for want, row in zip(data, got, strict=False):
        for i, (w, g) in enumerate(zip(want, row, strict=True)):
            expect: Any = w
            if isinstance(w, Money):
                expect, g = w.fen, round(g * 100) if isinstance(g, float | int) else g
            elif isinstance(w, datetime):
                g = g.replace(microsecond=0) if isinstance(g, datetime) else g
            elif isinstance(w, int):
                g = int(g) if isinstance(g, float) and g.is_integer() else g
            if g != expect:
                return f"row {count + 2} column {i + 1}: {g!r} != {expect!r}"
        count += 1
    return "ok" if count == len(data) else f"{count} rows read back, {len(data)} written"


def main() -> None:
    data = list(rows(ROWS))
    times: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="md-writers-") as tmp:
        for name, write in WRITERS.items():
            out = Path(tmp) / f"{name}.xlsx"
            runs = []
            try:
                for _ in range(RUNS):
                    t0 = time.perf_counter()
                    write(data, out)
                    runs.append(time.perf_counter() - t0)
            except ImportError as exc:
                print(f"xlsx_writer_{name}_s: not installed ({exc.name}; "
                      "pip install -r requirements-bench.lock)")
                continue
            times[name] = statistics.median(runs)
            print(f"xlsx_writer_{name}_s: {times[name]:.2f} s (median of {RUNS}, {ROWS:,} rows, "
                  f"{out.stat().st_size / 1e6:.1f} MB)", flush=True)
            print(f"xlsx_writer_{name}_read_back: {same_cells(out, data)}", flush=True)
    for name, took in times.items():
        if name != "ours":
            print(f"xlsx_writer_{name}_ratio_vs_ours: {took / times['ours']:.1f} x")


if __name__ == "__main__":
    main()
