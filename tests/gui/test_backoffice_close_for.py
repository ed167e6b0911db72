"""F8 后台 → 日结 → 代交班: a cashier sold and logged out with the shift open; the
owner closes it for them by keys (the count form, Enter), and then closes the day."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from shiboken6 import isValid
from sqlalchemy import select

from memberdesk.models import AuditEntry, Shift
from memberdesk.models.enums import ShiftStatus, TenderKind
from memberdesk.services.shifts import shift as shifts
from tests.checkout_support.kit import yuan

from .helpers import log_in
from .office_1024 import office_page_at, office_page_at_1024
from .tasks_support import PASSWORDS, Counter, counter_for

SHOTS = os.environ.get("MEMBERDESK_SHOTS", "")


@pytest.fixture
def counter(qtbot, ui, db, staff):  # type: ignore[no-untyped-def]
    yield from counter_for(qtbot, ui, db, staff, "cashier")


def cashier_left_the_shift_open(c: Counter) -> str:
    """The cashier sells and logs out; the owner logs in (the others' shifts closed)."""
    w = c.world
    w.sell([("BEER", 1)], [(TenderKind.CASH, "10")])  # 200 float + 6.00 cash
    left = shifts.current_shift(c.db, w.cashier)
    assert left is not None
    c.ui.logout()
    for actor in (w.manager, w.owner):
        shifts.close_shift(c.db, actor, {TenderKind.CASH: yuan("200")})
    log_in(c.qtbot, c.ui, "owner", PASSWORDS["owner"])
    return left.shift_no


def test_the_owner_closes_the_cashiers_shift_for_them_by_keys_then_closes_the_day(
        counter: Counter) -> None:
    c = counter
    shift_no = cashier_left_the_shift_open(c)
    _office, page = office_page_at_1024(c, "zh_CN", "day")
    box = page.open_shifts
    assert box.isVisible() and box.table.rowCount() == 1
    assert [box.table.item(0, col).text() for col in (0, 1, 3)] == ["张收银", shift_no, "¥206.00"]
    assert box.title.text() == "还有 1 个班次未交班：选中后可为收银员代交班。" and box.button.text() == "代交班(&T)"
    page.close_button.click()  # the day close refuses and says how
    c.settle()
    assert "或在日结页面用“代交班”结束" in page.message.text()

    c.enter(box.table)  # Enter on the open shift: its count form
    dialog = QApplication.activeModalWidget()
    assert dialog is not None and dialog.objectName() == "closeForDialog"
    assert shift_no in dialog.heading.text() and "张收银" in dialog.heading.text()
    c.enter(dialog.count_view.cash)  # no cash typed: refused, said
    assert dialog.message.text() == "请先清点现金：输入钱箱里的金额。"
    c.qtbot.keyClicks(dialog.count_view.cash, "205")
    c.enter(dialog.count_view.cash)
    assert "¥1.00" in dialog.result_view.headline.text()  # cash is 1.00 short
    assert dialog.result_view.variance_labels[TenderKind.CASH].text() == "-¥1.00"
    c.qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Done (Esc)
    c.settle()
    assert not isValid(dialog) and not box.isVisible()
    assert f"{shift_no}" in page.message.text() and "张收银" in page.message.text()
    with c.db.reader() as r:
        row = r.session.scalars(select(Shift).where(Shift.shift_no == shift_no)).one()
        assert row.status is ShiftStatus.CLOSED and row.closed_by_id == c.world.owner.staff_id
        detail = r.session.scalar(select(AuditEntry.detail)
                                  .where(AuditEntry.action == "shift.close_for"))
    assert json.loads(detail)["cash"] == {"expected": 20600, "counted": 20500}

    for _press in range(2):  # the day close now: press, then confirm
        c.qtbot.keyClick(page.close_button, Qt.Key.Key_Space)
        c.settle()
    assert page.report is not None and page.report.close_no == 1


@pytest.mark.parametrize("screen", [(1024, 768), (1366, 768)])
@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_figures_keep_their_height_beside_the_open_shifts_and_a_message(
        counter: Counter, lang: str, screen: tuple[int, int]) -> None:
    """A blind trial at 1024x768: with the open shifts listed the day's figures were a
    strip four lines high, and at 1366 the preview shrank so when the refusal showed.
    The export buttons stand in a column beside them (the formats and where files go
    in one row under them): open shifts, the refusal, and still the figures (and at
    1366 the preview) six lines high and more, every button whole."""
    c = counter
    cashier_left_the_shift_open(c)
    office, page = office_page_at(c, lang, screen, "day")
    page.close_button.click()  # refused: the open shift is said at the page's foot
    c.settle()
    c.qtbot.wait(100)
    if SHOTS:
        office.grab().save(str(Path(SHOTS) / f"day-open-shifts-{screen[0]}-{lang}.png"))
    assert page.message.isVisible() and page.message.text()
    table = page.open_shifts.table
    assert page.open_shifts.isVisible() and table.viewport().height() >= table.rowHeight(0)
    lines = 6 * page.figures.fontMetrics().lineSpacing()
    box = page.figures_box
    assert box.viewport().height() >= lines, (box.viewport().height(), lines)
    assert not box.horizontalScrollBar().isVisible()
    if screen[0] > 1024:
        assert page.preview.isVisible() and page.preview.width() >= 360
        assert page.preview.height() >= lines
    panel = page.export_panel
    for button in (panel.export_button, panel.print_button, panel.folder_button):
        assert button.isVisible() and button.width() >= button.sizeHint().width()
    bottom = page.mapToGlobal(page.rect().bottomLeft()).y()
    assert panel.status.mapToGlobal(panel.status.rect().bottomLeft()).y() <= bottom


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_back_office_opens_on_the_day_close_no_wider_than_the_screen(
        counter: Counter, lang: str) -> None:
    """A blind trial at 1024x768 in English: F8 opened the back office 1041 px wide, its
    right edge (Close, Close the day, Save on other pages) off the screen. Laying out
    the day close's figures put the export buttons in their column beside the figures
    before the page had its width, and the window grew to hold them. It opens at its
    size (the counter's less 40 px) and stays there."""
    c = counter
    cashier_left_the_shift_open(c)
    c.ui.i18n.set_language(lang)
    c.ui.main.resize(1024, 768)
    c.settle()
    office = c.open(Qt.Key.Key_F8)
    page = office.show_page("day")
    c.settle()
    c.qtbot.wait(200)
    assert page.open_shifts.isVisible()
    assert office.width() <= 1024 - 40, office.width()
    assert office.minimumSizeHint().width() <= 1024 - 40


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_viewers_own_open_shift_is_not_closed_for_them_and_the_page_says_how(
        counter: Counter, lang: str) -> None:
    """The seventh blind trial: the owner's own shift was open, 日结 offered 代交班 for
    it and the service refused ("close it the usual way"). Picked, the own shift turns
    the button off and a line under the list says where it is closed; the cashier's
    shift picked again, the button is back."""
    c = counter
    cashier_left_the_shift_open(c)
    w = c.world
    shifts.open_shift(c.db, w.owner, yuan("100"))  # the owner's own, opened after
    w.sell([("BEER", 1)], [(TenderKind.CASH, "10")], actor=w.owner)
    office, page = office_page_at_1024(c, lang, "day")
    box = page.open_shifts
    assert box.table.rowCount() == 2  # oldest first: the cashier's, then the owner's
    assert box.button.isEnabled() and not box.own_note.isVisible()
    box.table.selectRow(1)
    c.settle()
    if SHOTS:
        office.grab().save(str(Path(SHOTS) / f"day-own-shift-1024-{lang}.png"))
    assert not box.button.isEnabled() and box.own_note.isVisible()
    assert box.own_note.text() == {
        "zh_CN": "这是你自己的班次：请回到收银台按 F5 交班，再来日结。",
        "en": "This shift is your own: close it at the counter with F5 Shift, then close the day.",
    }[lang]
    c.enter(box.table)  # Enter on it opens no count form
    assert QApplication.activeModalWidget() is office
    box.table.selectRow(0)
    c.settle()
    assert box.button.isEnabled() and not box.own_note.isVisible()
