"""The report exporters, read back with independent tools (calamine, poppler)."""

from __future__ import annotations

import os
import subprocess
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from memberdesk.money import Money
from memberdesk.reports.document import (
    Column,
    ColumnKind,
    Document,
    ExportError,
    Table,
    static_rows,
)
from memberdesk.reports.pdf import write_pdf
from memberdesk.reports.xlsx import write_xlsx

ROWS = [
    (date(2026, 11, 24), f"S20261124-{i:04d}", "=1+1" if i == 3 else f"会员{i}", Money(i * 137 + 1),
     i % 7)
    for i in range(900)
]
TOTAL = Money(sum(r[3].fen for r in ROWS))


def _doc() -> Document:
    table = Table(
        "销售明细",
        (Column("日期", ColumnKind.DATE), Column("单号"), Column("会员"),
         Column("金额", ColumnKind.MONEY), Column("积分", ColumnKind.INT)),
        static_rows(ROWS),
        totals=("合计", "", "", TOTAL, sum(r[4] for r in ROWS)),
    )
    return Document(
        "日结报表", "好邻居便利店", "2026-11-24", datetime(2026, 11, 24, 21, 30),
        summary=(("销售笔数", len(ROWS)), ("净销售额", TOTAL), ("备注", "+86 @home -x")),
        tables=(table,),
    )


def test_xlsx_read_back(tmp_path: Path) -> None:
    path = tmp_path / "day.xlsx"
    assert write_xlsx(_doc(), path) == len(ROWS)
    wb = CalamineWorkbook.from_path(str(path))
    assert wb.sheet_names == ["汇总", "销售明细"]
    rows = wb.get_sheet_by_name("销售明细").to_python()
    assert rows[0] == ["日期", "单号", "会员", "金额", "积分"]
    assert rows[1][0] == date(2026, 11, 24)
    assert rows[4][2] == "=1+1"  # formula text kept as text
    assert rows[-1][3] == pytest.approx(float(TOTAL.to_decimal()))
    # Money is an exact decimal in the file and sums to the fen.
    assert sum(round(r[3] * 100) for r in rows[1:-1]) == TOTAL.fen
    summary = wb.get_sheet_by_name("汇总").to_python()
    assert ["备注", "+86 @home -x"] in summary
    with zipfile.ZipFile(path) as z:
        sheet = z.read("xl/worksheets/sheet2.xml").decode()
        styles = z.read("xl/styles.xml").decode()
    assert "<f>" not in sheet  # no formulas anywhere
    assert 'state="frozen"' in sheet and 'autoFilter ref="A1:E901"' in sheet
    del styles
    from openpyxl import load_workbook

    ws = load_workbook(path, read_only=True)["销售明细"]
    money_cell = next(ws.iter_rows(min_row=2, max_row=2))[3]
    assert money_cell.number_format == "#,##0.00"
    assert not list(tmp_path.glob("*.partial"))


def _pdftotext(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def test_pdf_text_fonts_pages(tmp_path: Path) -> None:
    path = tmp_path / "day.pdf"
    write_pdf(_doc(), path)
    text = _pdftotext(path)
    assert "日结报表" in text and "好邻居便利店" in text and "销售明细" in text
    assert TOTAL.display() in text
    pages = text.split("\f")
    real_pages = [p for p in pages if p.strip()]
    assert len(real_pages) > 3
    assert all("单号" in p for p in real_pages[1:]), "header row repeats on every page"
    assert f"共 {len(real_pages)} 页" in real_pages[-1]
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    assert fonts and all(" yes " in line for line in fonts), fonts  # every font embedded
    png = tmp_path / "page"
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(path), str(png)],
                   check=True)
    assert (tmp_path / "page-01.png").stat().st_size > 5000


def test_empty_table(tmp_path: Path) -> None:
    doc = Document("会员对账单", "店", "2026-11", datetime(2026, 11, 24),
                   tables=(Table("流水", (Column("日期"), Column("金额", ColumnKind.MONEY)),
                                 static_rows([])),))
    write_pdf(doc, tmp_path / "e.pdf")
    assert "无数据" in _pdftotext(tmp_path / "e.pdf")
    write_xlsx(doc, tmp_path / "e.xlsx")
    assert CalamineWorkbook.from_path(str(tmp_path / "e.xlsx")).get_sheet_by_name(
        "流水").to_python() == [["日期", "金额"]]


def test_unwritable_path(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    for writer in (write_xlsx, write_pdf):
        with pytest.raises(ExportError) as err:
            writer(_doc(), blocker / "out.x")
        assert err.value.code == "not_writable"


def test_cancel_leaves_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ExportError) as err:
        write_xlsx(_doc(), out / "c.xlsx", progress=lambda n: False)
    assert err.value.code == "cancelled"
    assert list(out.iterdir()) == []


def test_full_disk_during_export(tmp_path: Path) -> None:
    if os.geteuid() != 0:
        if os.environ.get("CI") == "true":
            pytest.fail("needs root to mount a size-limited tmpfs")
        pytest.skip("needs root to mount a size-limited tmpfs")
    tiny = tmp_path / "tiny"
    tiny.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", str(tiny)], check=True)
    try:
        for writer, name in ((write_xlsx, "d.xlsx"), (write_pdf, "d.pdf")):
            with pytest.raises(ExportError) as err:
                writer(_doc(), tiny / name)
            assert err.value.code == "disk_full"
            assert list(tiny.iterdir()) == []
    finally:
        subprocess.run(["umount", "-l", str(tiny)], check=True)


def test_xlsx_awkward_values(tmp_path: Path) -> None:
    """Values a report may hold that XML or Excel would refuse or change."""
    rows = [
        ("a&b<c>\"'", Money(-5), 7, date(2026, 2, 28), datetime(2026, 2, 28, 23, 59, 30)),
        ("  两头空格  ", Money(123456789012), None, None, None),
        ("bell\x07 and \x1b[0m", Money(0), -3, date(2000, 1, 1), datetime(2026, 1, 1, 0, 0)),
        ("长" * 40_000, None, 0, None, None),
        (12, "not money", "x", "y", "z"),  # the wrong types still make readable cells
    ]
    doc = Document("边角值", "店", "2026", datetime(2026, 2, 28, 9), tables=(Table(
        "值", (Column("文字"), Column("金额", ColumnKind.MONEY), Column("数", ColumnKind.INT),
               Column("日期", ColumnKind.DATE), Column("时间", ColumnKind.DATETIME)),
        static_rows(rows)),))
    path = tmp_path / "odd.xlsx"
    assert write_xlsx(doc, path) == len(rows)
    got = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("值").to_python()
    assert got[1] == ["a&b<c>\"'", -0.05, 7, date(2026, 2, 28), datetime(2026, 2, 28, 23, 59, 30)]
    assert got[2][:2] == ["  两头空格  ", 1234567890.12]
    assert got[3][:4] == ["bell and [0m", 0, -3, date(2000, 1, 1)]
    assert got[4][0] == "长" * 32_767  # Excel's most in one cell
    assert got[5] == [12, "not money", "x", "y", "z"]
    from openpyxl import load_workbook

    ws = load_workbook(path, read_only=True)["值"]
    formats = [c.number_format for c in next(ws.iter_rows(min_row=2, max_row=2))]
    assert formats == ["General", "#,##0.00", "#,##0", "yyyy-mm-dd", "yyyy-mm-dd hh:mm"]


def test_pdf_streams_pages_as_the_rows_come(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A long table is laid out and its pages written while its rows are still being
    read (bounded memory): by the time the 3,000th row is asked for, pages are out;
    the page count is still right on every page."""
    from reportlab.pdfgen.canvas import Canvas

    shown = [0]
    original = Canvas.showPage

    def counting(self: Canvas) -> None:
        shown[0] += 1
        original(self)

    monkeypatch.setattr(Canvas, "showPage", counting)
    seen_at: dict[int, int] = {}

    def rows():  # type: ignore[no-untyped-def]
        for n in range(3001):
            if n in (0, 3000):
                seen_at[n] = shown[0]
            yield (date(2026, 11, 24), f"S{n:05d}", "张三", Money(100 + n), n)

    doc = Document("日结报表", "好邻居便利店", "2026-11-24", datetime(2026, 11, 24, 22),
                   tables=(Table("销售明细", (Column("日期", ColumnKind.DATE), Column("单号"),
                                              Column("会员"), Column("金额", ColumnKind.MONEY),
                                              Column("积分", ColumnKind.INT)), rows),))
    path = tmp_path / "long.pdf"
    assert write_pdf(doc, path) == 3001
    assert seen_at[0] == 0 and seen_at[3000] > 20, seen_at
    pages = [p for p in _pdftotext(path).split("\f") if p.strip()]
    assert len(pages) == shown[0]
    assert f"第 1 页 / 共 {len(pages)} 页" in pages[0]
    assert f"第 {len(pages)} 页 / 共 {len(pages)} 页" in pages[-1]
