"""F8 后台 → 分析 (issue 13, section 2): the page shows the figures as of its date,
charts beside their tables; Refresh scores runs the analytics refresh on the long-job
worker with its progress bar, then shows the new figures; the export writes the
workbook and the PDF, whose figures are the window's; a cashier has no such page."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from python_calamine import CalamineWorkbook

from memberdesk.models.enums import TenderKind
from memberdesk.money import Money

from .moving_clock import MovingClock, moving_clock
from .tasks_support import Counter, counter_for

START = date(2026, 11, 1)


@pytest.fixture
def clock() -> Iterator[MovingClock]:
    with moving_clock(START) as c:
        yield c


@pytest.fixture
def counter(clock, qtbot, ui, db, staff):  # type: ignore[no-untyped-def]
    yield from counter_for(qtbot, ui, db, staff, "owner")


def analysis_page(c: Counter):  # type: ignore[no-untyped-def]
    office = c.open(Qt.Key.Key_F8)
    office.show_page("analysis")
    c.settle()
    return office, office.page("analysis")


def window_rows(table) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [[table.item(r, k).text() for k in range(table.columnCount())]
            for r in range(table.rowCount())]


def as_window_text(v: object, money: bool) -> str:
    """A workbook cell as the window writes it."""
    if isinstance(v, float) and money:
        return Money(round(v * 100)).display()
    if isinstance(v, float):
        return f"{int(v):,}"
    if isinstance(v, datetime | date):
        return (v.date() if isinstance(v, datetime) else v).isoformat()
    return str(v)


def test_the_page_refreshes_shows_and_exports_what_it_shows(counter: Counter, clock: MovingClock,
                                                             tmp_path: Path) -> None:
    c = counter
    w = c.world
    for day in (0, 7, 14):  # alice came every week, then stopped
        clock.day = START + timedelta(days=day)
        w.sell([("CHIPS", 2)], [(TenderKind.CASH, "17.60")], member="alice")
    clock.day = START + timedelta(days=30)
    w.sell([("BEER", 1)], [(TenderKind.CASH, "6.00")], member="carol")
    clock.day = START + timedelta(days=40)
    office, page = analysis_page(c)
    assert page.heading.text() == "会员分析"
    assert page.scores_note.text() == "尚未计算会员评分：请按“更新评分”。"  # never refreshed
    c.qtbot.mouseClick(page.refresh_button, Qt.MouseButton.LeftButton)
    assert page.bar.isVisible()  # the long job's progress
    c.qtbot.waitUntil(lambda: page.progress is None, timeout=20_000)
    c.settle()
    c.qtbot.waitUntil(lambda: page.loaded is not None, timeout=10_000)
    assert not page.bar.isVisible()
    assert not page.scores_note.isVisible()  # the scores are of the page's date
    assert page.message.text().startswith("评分已更新（截至 2026-12-11）")
    summary = dict(p for r in window_rows(page.tables[0]) for p in ((r[0], r[1]), (r[2], r[3])))
    assert summary["评分日期"] == "2026-12-11"
    assert summary["复购率"] == "50.0%" and summary["流失预警人数"] == "1"
    churn = window_rows(page.tables[4])
    assert churn[0][:3] == ["M000001", "张三", "¥52.80"]
    assert churn[0][3] == "平时约 7 天来一次，已 26 天未来" and churn[0][4] == "2026-11-15"
    assert len(page.charts) == 10 and all(ch.data is not None for ch in page.charts)
    grades = page.charts[1].data
    assert grades.labels == ("A 类", "B 类", "C 类", "D 类")
    assert [r[1] for r in window_rows(page.tables[2])] == [
        f"{v:,.0f}" for v in grades.values[0]]  # the chart draws the table's figures
    assert page.charts[1].top() >= max(grades.values[0]) and page.charts[1].top() > 0

    # export what is on screen; the workbook and the PDF hold the window's figures.
    page.export_panel.folder = tmp_path
    c.qtbot.mouseClick(page.export_panel.export_button, Qt.MouseButton.LeftButton)
    c.qtbot.waitUntil(lambda: bool(page.export_panel.written), timeout=30_000)
    xlsx = next(p for p in page.export_panel.written if p.suffix == ".xlsx")
    pdf = next(p for p in page.export_panel.written if p.suffix == ".pdf")
    assert xlsx.name == "会员分析_2026-12-11.xlsx"
    book = CalamineWorkbook.from_path(str(xlsx))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    for name, table in zip(book.sheet_names[1:], page.tables[1:], strict=True):
        shown = window_rows(table)
        sheet = book.get_sheet_by_name(name).to_python()[1:1 + len(shown)]
        assert [[as_window_text(v, s.startswith("¥")) for v, s in zip(row, srow, strict=True)]
                for row, srow in zip(sheet, shown, strict=True)] == shown, name
        for row in shown:
            for cell in row:
                if cell[:1].isdigit() or cell.startswith("¥"):
                    assert cell in text, (name, cell)
    # another language: the page's words and the figures' words follow.
    c.qtbot.keyClick(office, Qt.Key.Key_L,
                     Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    c.qtbot.waitUntil(lambda: page.heading.text() == "Member analysis", timeout=5_000)
    c.settle()
    c.qtbot.waitUntil(lambda: page.loaded_lang == "en", timeout=10_000)
    assert window_rows(page.tables[0])[0] == ["Members", "3", "Repurchase rate", "50.0%"]
    assert page.charts[1].data.labels == ("A", "B", "C", "D")
    # the English summary fits a 1024-pixel screen: the labels share what the values
    # leave (the whole label in the tool tip), no scroll bar of its own
    office.resize(984, 718)
    c.settle()
    head = page.tables[0]
    assert sum(head.columnWidth(k) for k in range(4)) <= head.viewport().width()
    assert head.item(2, 0).toolTip() == head.item(2, 0).text() == "Buyers (F ≥ 1)"
    # ...and no English label is cut at 984 (the screenshots showed "Members who bought
    # (F …" and "Members with a churn wa…")
    metrics = head.fontMetrics()
    for r in range(head.rowCount()):
        for k in (0, 2):
            cell = head.item(r, k)
            if cell is not None and cell.text():
                assert metrics.horizontalAdvance(cell.text()) + 8 <= head.columnWidth(k), cell.text()
    office.reject()


@pytest.fixture
def cashier(clock, qtbot, ui, db, staff):  # type: ignore[no-untyped-def]
    yield from counter_for(qtbot, ui, db, staff, "cashier")


def test_a_cashier_has_no_analysis_page(cashier: Counter) -> None:
    office = cashier.open(Qt.Key.Key_F8)
    assert "analysis" not in office.pages
    office.reject()


def test_the_charts_load_only_when_the_page_shows_figures() -> None:
    import sys

    code = ("import sys, memberdesk.ui.shell.session, memberdesk.ui.backoffice.window\n"
            "print('memberdesk.ui.backoffice.bar_chart' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=60)
    assert out.stdout.strip() == "False"
