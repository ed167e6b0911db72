"""Shift+F2 积分兑换 at the counter: the gifts on the shelf with their points and stock, a
preview of the points, a refusal when the member is short, the redemption (points and
stock taken, the slip marked 兑), and the back office's points mall page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from memberdesk.services.loyalty.mall import list_gifts, save_gift
from memberdesk.services.stock.ledger import receive_stock, stock_of

from .tasks_support import Counter, counter_for


@pytest.fixture
def counter(qtbot, ui, db, staff):  # type: ignore[no-untyped-def]
    yield from counter_for(qtbot, ui, db, staff)


def test_redeeming_a_gift_at_the_counter(counter: Counter) -> None:
    c = counter
    save_gift(c.db, c.world.owner, "CHIPS", 300)
    save_gift(c.db, c.world.owner, "BEER", 1000)
    receive_stock(c.db, c.world.owner, "CHIPS", 5)
    receive_stock(c.db, c.world.owner, "BEER", 5)
    c.world.give_points("alice", 700)
    c.select_member("alice")
    dialog = c.open(Qt.Key.Key_F2, Qt.KeyboardModifier.ShiftModifier)
    assert dialog.heading.text() == "积分兑换 — 张三（M000001）"
    assert [dialog.table.item(r, 0).text() for r in range(2)] == [
        "乐事薯片 原味 70g", "青岛啤酒 500ml"]
    assert dialog.table.item(0, 2).text().startswith("5")
    dialog.qty.setValue(3)
    assert "= 900 积分" in dialog.preview.text() and "还差 200 积分" in dialog.preview.text()
    c.enter(dialog.table)
    assert "积分不足" in dialog.message.text() and "差 200" in dialog.message.text()
    assert c.world.balances("alice")[2] == 700
    dialog.qty.setValue(2)
    with c.qtbot.waitSignal(dialog.redeemed):
        c.press(Qt.Key.Key_Return, dialog.table)
    c.settle()
    assert c.world.balances("alice")[2] == 100
    assert stock_of(c.db, "CHIPS").on_hand == 3
    assert "剩余积分：100" in dialog.message.text()
    c.qtbot.waitUntil(lambda: c.tasks.slip is not None and c.tasks.slip.isVisible())
    slip = c.tasks.slip
    assert "【兑】积分兑换凭证" in slip.receipt_text()
    assert "600" in slip.change_value.text()


def test_no_member_no_dialog_and_the_gifts_page(counter: Counter) -> None:
    c = counter
    c.press(Qt.Key.Key_F2, modifier=Qt.KeyboardModifier.ShiftModifier)
    assert c.tasks.dialog is None
    assert "然后按 Shift+F2" in c.ui.main.banner.text
    from memberdesk.ui.backoffice.mall import MallPage

    page = MallPage(c.ui.runner, c.tasks.long_jobs, c.world.owner)
    c.qtbot.addWidget(page)
    page.activated()
    c.settle()
    assert page.table.rowCount() == 0
    c.type(page.code, "COLA")
    c.type(page.points, "150")
    page.save_button.click()
    c.settle()
    c.settle()
    assert [(g.code, g.points_price, g.on_shelf) for g in list_gifts(c.db)] == [
        ("COLA", 150, True)]
    c.qtbot.waitUntil(lambda: page.table.rowCount() == 1)
    page.table.selectRow(0)
    assert page.shelf_button.text() == "下架"
    page.shelf_button.click()
    c.settle()
    assert list_gifts(c.db, on_shelf_only=True) == ()
    page.export_button.click()
    c.qtbot.waitUntil(lambda: not page.exporting, timeout=20_000)
    written = sorted(p.name for p in c.db.paths.exports.iterdir())
    assert any(n.startswith("积分兑换报表_") and n.endswith(".xlsx") for n in written), written
    assert page.message.text().startswith("已导出：")


def test_signing_in_at_the_counter_once_a_day(counter: Counter) -> None:
    c = counter
    c.world.set_settings(signin__points=5)
    c.ui.main.lookup_submitted.emit(c.world.member("alice").member_no)
    c.settle()
    card = c.ui.main.findChild(QWidget, "memberSignedIn")
    assert card is not None and card.isHidden()
    dialog = c.open(Qt.Key.Key_F1)
    assert dialog.heading.text() == "签到 · 张三（M000001）"
    assert "签到成功：+5 积分" in dialog.message.text()
    assert "连续签到第 1 天" in dialog.figures.text()
    assert c.world.balances("alice")[2] == 5
    c.press(Qt.Key.Key_Return, dialog)
    c.qtbot.waitUntil(lambda: card.isVisible(), timeout=10_000)
    assert "今日已签到" in card.findChildren(QLabel)[-1].text()
    again = c.open(Qt.Key.Key_F1)
    assert "今日已签到" in again.message.text()
    assert c.world.balances("alice")[2] == 5


def test_registering_with_a_referrer_and_an_unknown_one(counter: Counter) -> None:
    from sqlalchemy import select

    from memberdesk.models import Referral

    c = counter
    dialog = c.open(Qt.Key.Key_F6)
    c.type(dialog.phone, "13912345678")
    c.type(dialog.name, "赵六")
    c.type(dialog.referrer, "M999999")
    dialog.register_button.click()
    c.settle()
    assert "找不到推荐人会员号 M999999" in dialog.message.text()
    assert dialog.focusWidget() is dialog.referrer
    dialog.referrer.clear()
    c.type(dialog.referrer, c.world.member("alice").member_no)
    dialog.register_button.click()
    c.settle()
    assert dialog.member is not None
    with c.db.reader() as uow:
        r = uow.session.scalars(select(Referral)).one()
        assert r.referrer_id == c.world.members["alice"]


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_slip_groups_the_points_by_thousands(counter: Counter, lang: str) -> None:
    """The printed slip says 1,300 as the window does (not 1300)."""
    c = counter
    save_gift(c.db, c.world.owner, "BEER", 1200)
    receive_stock(c.db, c.world.owner, "BEER", 5)
    c.world.give_points("alice", 2500)
    c.ui.i18n.set_language(lang)
    c.select_member("alice")
    dialog = c.open(Qt.Key.Key_F2, Qt.KeyboardModifier.ShiftModifier)
    with c.qtbot.waitSignal(dialog.redeemed):
        c.press(Qt.Key.Key_Return, dialog.table)
    c.settle()
    c.qtbot.waitUntil(lambda: c.tasks.slip is not None and c.tasks.slip.isVisible())
    text = c.tasks.slip.receipt_text()
    assert "1,200" in text and "1,300" in text  # the points used and left
    assert "1200" not in text and "1300" not in text
