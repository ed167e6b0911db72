"""F8 后台 → 日结: figures on screen, closing with a second press, exports read back
with independent readers (python-calamine, pdftotext), printing to PDF."""

from __future__ import annotations

import subprocess
import unicodedata
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtPrintSupport import QPrinter
from python_calamine import CalamineWorkbook
from sqlalchemy import func, select

from memberdesk.domain import shoptime
from memberdesk.models import DayClose
from memberdesk.models.enums import TenderKind
from memberdesk.services.loyalty.signin import sign_in
from memberdesk.services.shifts import shift as shifts
from memberdesk.ui.common import fmt
from tests.checkout_support.kit import yuan

from .tasks_support import Counter, counter_for


@pytest.fixture
def counter(qtbot, ui, db, staff):  # type: ignore[no-untyped-def]
    yield from counter_for(qtbot, ui, db, staff, "manager")


def trade(c: Counter) -> None:
    w = c.world
    w.set_settings(signin__points=5)
    sign_in(c.db, w.cashier, w.members["alice"])
    w.sell([("CHIPS", 2)], [(TenderKind.CASH, "17.60")], member="alice")
    w.sell([("BEER", 1)], [(TenderKind.WECHAT, "6.00")])
    w.recharge("bob", "100")


def close_all_shifts(c: Counter) -> None:
    for actor in (c.world.cashier, c.world.manager, c.world.owner):
        shifts.close_shift(c.db, actor, {TenderKind.CASH: yuan("200")})


def pdf_text(path: Path) -> str:
    """The text of a PDF. NFKC: a PDF printed by Qt with Noto CJK maps some glyphs
    shared with the Kangxi radicals back to those (⽇ for 日)."""
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                         text=True, check=True).stdout
    return unicodedata.normalize("NFKC", out)


def test_the_day_close_shows_figures_closes_and_exports_files_that_read_back(
        counter: Counter, tmp_path: Path) -> None:
    c = counter
    trade(c)
    close_all_shifts(c)
    office = c.open(Qt.Key.Key_F8)
    assert [office.nav.item(i).text() for i in range(office.nav.count())] == ["日结", "报表", "会员", "员工", "备份与恢复", "商品", "库存", "设置", "规则", "审计", "分析", "营销", "计次卡", "积分商城", "消息", "每日任务"]
    page = office.page("day")
    c.settle()
    assert page.report is not None and page.report.close_no is None
    figures = page.figures.text()
    assert "预览：当日尚未日结" in figures
    assert "¥23.60" in figures  # net sales 17.60 + 6.00
    assert "微信支付" in figures and "¥6.00" in figures
    assert "会员权益" in figures and "签到 · 积分" in figures and "<b>1 · 5</b>" in figures
    assert "会员权益" in page.preview.toPlainText()
    assert "日结报表（预览，未日结）" in page.preview.toPlainText()

    page.close_button.click()
    c.settle()  # the service checks first (open shifts would be said now)
    assert "再按一次" in page.message.text()
    with c.db.reader() as uow:
        assert uow.session.scalar(select(func.count()).select_from(DayClose)) == 0
    page.close_button.click()
    c.settle()
    assert page.report is not None and page.report.close_no == 1
    assert f"{page.report.business_date.isoformat()} 已日结：第 1 号报表。" in page.message.text()
    assert "已备份到" in page.message.text()
    assert "日结报表 第 1 号" in page.preview.toPlainText()
    assert "第 1 号报表（已日结）" in page.figures.text()

    panel = page.export_panel
    panel.folder = tmp_path
    with c.qtbot.waitSignal(panel.exported, timeout=20_000) as blocker:
        c.press(Qt.Key.Key_E, office, Qt.KeyboardModifier.ControlModifier)
    xlsx, pdf = blocker.args[0]
    assert xlsx.name.startswith("日结_第1号_") and xlsx.suffix == ".xlsx" and pdf.suffix == ".pdf"
    assert str(xlsx) in panel.status.text()
    book = CalamineWorkbook.from_path(str(xlsx))
    summary = book.get_sheet_by_index(0).to_python()
    values = {row[0]: row[1] for row in summary if len(row) > 1}
    assert values["销售笔数"] == 2
    assert values["净销售额（销售额 - 退款）"] == pytest.approx(23.60)
    assert "收款方式" in book.sheet_names
    text = pdf_text(pdf)
    assert "日结报表 第 1 号" in text and "23.60" in text


def test_closing_with_open_shifts_is_refused_clearly(counter: Counter) -> None:
    c = counter
    trade(c)
    office = c.open(Qt.Key.Key_F8)
    page = office.page("day")
    c.settle()
    page.close_button.click()  # the first press says it (it took a second press)
    c.settle()
    assert page.message.text().startswith("还有未交班的班次：")
    assert "张收银" in page.message.text()
    page.close_button.click()  # and a second press does not close either
    c.settle()
    assert page.message.text().startswith("还有未交班的班次：")
    close_all_shifts(c)
    page.close_button.click()  # the shifts are closed: now the confirmation
    c.settle()
    assert "再按一次" in page.message.text() or "again" in page.message.text()
    with c.db.reader() as uow:
        assert uow.session.scalar(select(func.count()).select_from(DayClose)) == 0


def test_the_report_prints(counter: Counter, tmp_path: Path) -> None:
    c = counter
    trade(c)
    office = c.open(Qt.Key.Key_F8)
    page = office.page("day")
    c.settle()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    page.preview.print_to(printer)
    text = pdf_text(tmp_path / "printed.pdf")
    assert "日结报表" in text and "收款方式" in text
    assert page.export_panel.print_button.isEnabled()


def test_english_figures(counter: Counter) -> None:
    c = counter
    trade(c)
    c.ui.i18n.set_language("en")
    office = c.open(Qt.Key.Key_F8)
    page = office.page("day")
    c.settle()
    assert "Preview: the day is not closed yet" in page.figures.text()
    assert "WeChat Pay" in page.figures.text()
    assert "Sign-ins · points" in page.figures.text()
    assert page.close_button.text() == "Close the day"


def test_an_english_screen_exports_english_files(counter: Counter, tmp_path: Path) -> None:
    """Issue 9: the day report files stayed Chinese when the screen was English. The
    page passes the screen's language to the report: words and file names in English,
    the same figures."""
    c = counter
    trade(c)
    c.ui.i18n.set_language("en")
    office = c.open(Qt.Key.Key_F8)
    page = office.page("day")
    c.settle()
    assert "Day report (preview, not closed)" in page.preview.toPlainText()
    assert "Net sales (sales - refunds)" in page.figures.text()
    panel = page.export_panel
    panel.folder = tmp_path
    with c.qtbot.waitSignal(panel.exported, timeout=20_000) as blocker:
        c.press(Qt.Key.Key_E, office, Qt.KeyboardModifier.ControlModifier)
    xlsx, pdf = blocker.args[0]
    assert xlsx.name.startswith("day-preview_") and pdf.name.startswith("day-preview_")
    book = CalamineWorkbook.from_path(str(xlsx))
    assert book.sheet_names[:3] == ["Summary", "Discounts", "Takings by method"]
    values = {row[0]: row[1] for row in book.get_sheet_by_name("Summary").to_python()
              if len(row) > 1}
    assert values["Sales count"] == 2
    assert values["Net sales (sales - refunds)"] == pytest.approx(23.60)
    text = pdf_text(pdf)
    assert "Day report (preview, not closed)" in text and "Page 1 of" in text
    assert "日结" not in text and "汇总" not in text


def test_on_a_chain_the_day_close_names_its_store(counter: Counter) -> None:
    """Issue 15 §2: each store closes its own day; the page and the files say which."""
    from memberdesk.services.shop.stores import add_store, list_stores

    c = counter
    trade(c)
    add_store(c.db, c.world.owner, "B2", "人民路店")
    here = list_stores(c.db)[0]
    office = c.open(Qt.Key.Key_F8)
    page = office.page("day")
    c.settle()
    assert f"· {here.code} {here.name}" in page.figures.text()
    assert f"，门店 {here.code} {here.name}" in page.preview.toPlainText()


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_figures_never_scroll_sideways(counter: Counter, lang: str) -> None:
    """At 1024 (the back office 984 wide) in English the figures and the preview were
    both cut, each with a sideways scroll bar: now the figures keep their width and
    the preview beside them is left out where it would be narrower than 360 px."""
    c = counter
    trade(c)
    c.ui.i18n.set_language(lang)
    office = c.open(Qt.Key.Key_F8)
    page = office.show_page("day")
    for width in (1326, 984):
        office.resize(width, 718)
        c.settle()
        c.qtbot.wait(100)
        box = page.figures_box
        assert not box.horizontalScrollBar().isVisible(), (width, box.width())
        assert box.width() >= page.figures.sizeHint().width()
        if page.preview.isVisible():
            assert page.preview.width() >= 360
    office.resize(1326, 718)
    c.settle()
    c.qtbot.wait(100)
    assert page.preview.isVisible()
    office.reject()


def test_a_sealed_day_turns_the_close_button_off_until_the_next_business_day(
        counter: Counter) -> None:
    """Issue 11: the button stayed on after the day was sealed (a second press only
    said so). Off while the sealed day is shown, with when it was sealed; on again for
    the next business day, when the page comes back."""
    c = counter
    trade(c)
    close_all_shifts(c)
    office = c.open(Qt.Key.Key_F8)
    page = office.page("day")
    c.settle()
    assert page.close_button.isEnabled() and page.close_button.toolTip() == ""
    page.close_button.click()
    c.settle()
    page.close_button.click()
    c.settle()
    report = page.report
    assert report is not None and report.close_no == 1
    day = report.business_date
    assert not page.close_button.isEnabled()
    tip = page.close_button.toolTip()
    assert tip.startswith(f"{day.isoformat()} 已日结封存：第 1 号报表，")
    assert fmt.local_text(report.until) in tip
    page.earlier.click()  # another day (open) may be closed
    assert page.close_button.isEnabled() and page.close_button.toolTip() == ""
    page.later.click()
    page.show_report()
    c.settle()
    assert not page.close_button.isEnabled()
    page.activated()  # the page shown again the same day: still sealed
    c.settle()
    assert page.day == day and not page.close_button.isEnabled()

    with shoptime.frozen(shoptime.utc_now() + timedelta(days=1)):
        page.activated()  # the next business day
        c.settle()
        assert page.day == day + timedelta(days=1)
        assert page.report is not None and page.report.close_no is None
        assert page.close_button.isEnabled() and page.close_button.toolTip() == ""
    c.ui.i18n.set_language("en")
    page.date.setDate(QDate(day.year, day.month, day.day))
    page.show_report()
    c.settle()
    assert page.close_button.toolTip().startswith(
        f"{day.isoformat()} is sealed: report No. 1, closed at ")


def test_after_a_close_the_page_says_where_later_sales_go_and_the_next_day_waits(
        counter: Counter) -> None:
    """Issue 11 (blind trial): after 日结 the button was grey with no reason on the
    page, "›" did nothing, and nothing said into which close the sales made later that
    day go. Now a sentence under the date says it (the next close, once the next
    business day has begun), "›" is off with why, and those sales are in the next
    day's close."""
    c = counter
    trade(c)
    close_all_shifts(c)
    office = c.open(Qt.Key.Key_F8)
    page = office.page("day")
    c.settle()
    assert not page.note.isVisible()
    assert not page.later.isEnabled()  # the current business day: no day after it yet
    day = page.day
    assert page.later.toolTip() == f"{day.isoformat()} 是当前营业日：下一天开始后才能查看。"
    for _press in range(2):  # 日结, then again to confirm, by keys
        page.close_button.setFocus()
        c.press(Qt.Key.Key_Space, page.close_button)
        c.settle()
    assert page.report is not None and page.report.close_no == 1
    nxt = (day + timedelta(days=1)).isoformat()
    assert page.note.isVisible()
    note = page.note.text()
    assert note.startswith(f"{day.isoformat()} 已于 ") and "（第 1 号报表），不能再次日结" in note
    assert "此后的销售、退款和充值都计入下一次日结" in note and f"{nxt} 开始后即可在此日结" in note
    c.press(Qt.Key.Key_Right, page.later)  # "›" is off: the page stays on the day
    assert page.day == day
    c.ui.i18n.set_language("en")
    page.show_report()
    c.settle()
    assert page.note.text().endswith(
        f"go into the next close, which you can make here once {nxt} has begun.")
    assert page.later.toolTip().startswith(f"{day.isoformat()} is the current business day")

    shifts.open_shift(c.db, c.world.cashier, yuan("200"))
    c.world.sell([("BEER", 1)], [(TenderKind.CASH, "6.00")])  # the same date, after the close
    page.show_report()
    c.settle()
    assert page.report is not None and page.report.sales_count == 2  # the sealed day
    with shoptime.frozen(shoptime.utc_now() + timedelta(days=1)):
        page.activated()  # the next business day: its close takes the later sale
        c.settle()
        assert page.day == day + timedelta(days=1) and not page.note.isVisible()
        assert page.report is not None and page.report.close_no is None
        assert page.report.sales_count == 1
        page.earlier.setFocus()
        c.press(Qt.Key.Key_Space, page.earlier)
        assert page.day == day and page.later.isEnabled()
        assert page.later.toolTip() == "The day after"
