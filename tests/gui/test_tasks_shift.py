"""F5 交班: open with a float, cash in/out, count and close; blind close."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from sqlalchemy import select

from memberdesk.models import Shift, ShiftCashMove, ShiftCount
from memberdesk.models.enums import ShiftStatus, TenderKind
from memberdesk.services.shifts import shift as shifts
from tests.checkout_support.kit import snapshot, yuan

from .tasks_support import Counter, counter_for


@pytest.fixture
def counter(qtbot, ui, db, staff):  # type: ignore[no-untyped-def]
    yield from counter_for(qtbot, ui, db, staff)


def cash_count(c: Counter, shift_no: str) -> ShiftCount:
    with c.db.reader() as uow:
        s = uow.session
        row = s.scalar(select(ShiftCount).join(Shift, Shift.id == ShiftCount.shift_id).where(
            Shift.shift_no == shift_no, ShiftCount.tender_kind == TenderKind.CASH))
        assert row is not None
        s.expunge(row)
        return row


def test_closing_with_counted_cash_shows_and_records_the_difference(counter: Counter) -> None:
    c = counter
    c.world.sell([("CHIPS", 2)], [(TenderKind.CASH, "17.60")])
    c.world.sell([("COLA", 1)], [(TenderKind.WECHAT, "3.50")])
    seen: list[object] = []
    c.state.shift_changed.connect(seen.append)
    dialog = c.open(Qt.Key.Key_F5)
    assert dialog.summary is not None
    assert "开班备用金：¥200.00" in dialog.figures.text()
    assert "销售：2 笔，¥21.10" in dialog.figures.text()

    # The button that leaves without closing the shift says so (it read "Close (Esc)"
    # beside "Close shift (Enter)", and a new owner took it for closing the shift)
    assert dialog.close_button.text() == "取消（Esc）"
    c.press(Qt.Key.Key_F5, dialog)  # F5 again: count and close
    assert sorted(b.text() for b in dialog.findChildren(QPushButton) if b.isVisible()) == [
        "交班（回车）", "取消（Esc）"]
    view = dialog.count_view
    assert view.expected_labels[TenderKind.CASH].text() == "¥217.60"
    assert view.expected_labels[TenderKind.WECHAT].text() == "¥3.50"
    c.type(view.cash, "215")
    c.enter(view.cash)

    result = dialog.result_view
    assert result.isVisible()
    assert result.headline.text() == f"班次 {dialog.summary.shift_no} 已交班。现金短款 ¥2.60。"
    assert result.variance_labels[TenderKind.CASH].text() == "-¥2.60"
    heads = [result.grid.itemAtPosition(0, col).widget().text() for col in range(4)]
    assert heads == ["收款方式", "应有", "实点", "差额"]  # the order used while counting
    assert result.variance_labels[TenderKind.WECHAT].text() == "¥0.00"
    row = cash_count(c, dialog.summary.shift_no)
    assert (row.expected, row.counted, row.variance) == (yuan("217.60"), yuan("215"), yuan("-2.60"))
    assert seen[-1] is None and c.state.shift is None
    assert dialog.close_button.text() == "完成（Esc）"  # nothing left to cancel
    c.press(Qt.Key.Key_Return, dialog)
    assert not dialog.isVisible()


def test_blind_close_opens_with_a_float_and_hides_what_is_expected(counter: Counter) -> None:
    c = counter
    shifts.close_shift(c.db, c.world.cashier, {TenderKind.CASH: yuan("200")})
    c.world.set_settings(shift__blind_close=True)
    dialog = c.open(Qt.Key.Key_F5)
    assert dialog.page == 0 and "当前没有开班" in dialog.open_intro.text()
    c.type(dialog.float_amount, "100")
    c.enter(dialog.float_amount)
    assert dialog.summary is not None and dialog.summary.blind
    assert not dialog.isVisible()  # opened: the counter has the keys
    assert c.state.shift is dialog.summary

    c.world.sell([("BEER", 1)], [(TenderKind.CASH, "6.00")])
    dialog = c.open(Qt.Key.Key_F5)
    c.press(Qt.Key.Key_F5, dialog)
    view = dialog.count_view
    assert view.expected_labels[TenderKind.CASH].text() == "不显示"
    assert "盲交" in view.intro.text()
    c.type(view.cash, "100")
    c.enter(view.cash)
    assert "盲交" in dialog.result_view.headline.text()
    row = cash_count(c, dialog.summary.shift_no)
    assert row.variance == yuan("-6.00")  # recorded for the manager


def test_cash_out_needs_an_amount_and_a_reason(counter: Counter) -> None:
    c = counter
    dialog = c.open(Qt.Key.Key_F5)
    before = snapshot(c.db)
    dialog.move_kind.setCurrentIndex(1)  # take cash out
    c.type(dialog.move_amount, "fifty")
    c.enter(dialog.move_amount)  # Enter moves on to the reason first
    c.enter(dialog.move_reason)
    assert dialog.message.text() == "金额 fifty 无效：不是数字"
    dialog.move_amount.clear()
    c.type(dialog.move_amount, "50")
    c.enter(dialog.move_reason)
    assert dialog.message.text() == "请填写原因。"
    assert snapshot(c.db) == before

    c.type(dialog.move_reason, "存银行")
    c.enter(dialog.move_reason)
    assert dialog.message.text() == "已记录。"
    assert "取出：¥50.00" in dialog.figures.text()
    with c.db.reader() as uow:
        move = uow.session.scalar(select(ShiftCashMove))
        assert move is not None and move.amount == yuan("50") and move.reason == "存银行"


def test_closing_needs_the_cash_counted(counter: Counter) -> None:
    c = counter
    dialog = c.open(Qt.Key.Key_F5)
    c.press(Qt.Key.Key_F5, dialog)
    before = snapshot(c.db)
    c.enter(dialog.count_view.cash)
    assert dialog.message.text() == "请先清点现金：输入钱箱里的金额。"
    c.type(dialog.count_view.cash, "1e3")
    c.enter(dialog.count_view.cash)
    assert "不是数字" in dialog.message.text()
    assert snapshot(c.db) == before
    with c.db.reader() as uow:
        assert uow.session.scalar(select(Shift.status).where(
            Shift.staff_id == c.world.cashier.staff_id)) is ShiftStatus.OPEN

