"""F4 退款, issue 11 (a new owner's blind trial at 1024x768 in English): "deduct the
points already spent" is offered only when the preview found spent points (never for
a recharge without bonus points), and the list of sales and recharges never scrolls
sideways: its columns share the width, a text cut short has its whole in a tool tip."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF

from memberdesk.models.enums import TenderKind
from memberdesk.services.stored_value.recharge import (
    RechargeRefundRequest,
    RechargeRuleDraft,
    create_recharge_rule,
    refund_recharge,
)
from memberdesk.ui.common.column_fit import cell_tip
from tests.checkout_support.kit import cid, yuan

from .tasks_support import Counter, counter_for
from .test_refund_dialog_keys import load_first, refund_now


@pytest.fixture
def counter(qtbot, ui, db, staff):  # type: ignore[no-untyped-def]
    yield from counter_for(qtbot, ui, db, staff, "manager")


def _previewed(c: Counter, dialog, start: str) -> None:  # type: ignore[no-untyped-def]
    c.qtbot.waitUntil(lambda: dialog.view.split.text().startswith(start))
    c.settle()


def test_a_recharge_refund_offers_no_deduction(counter: Counter) -> None:
    c = counter
    c.world.recharge("alice", "100")  # no rule: no bonus, no bonus points
    dialog = c.open(Qt.Key.Key_F4)
    load_first(c, dialog)
    assert dialog.view.receipt.kind == "recharge"
    _previewed(c, dialog, "退款 ¥100.00：")
    assert dialog.deduct.isHidden() and not dialog.deduct.isChecked()
    refund_now(c, dialog, "退卡")
    assert dialog.outcome is not None and dialog.outcome.amount == yuan("100")


def test_a_sale_whose_points_are_still_there_offers_no_deduction(counter: Counter) -> None:
    c = counter
    c.world.sell([("WASH", 1)], [(TenderKind.CASH, "30")], member="alice")
    dialog = c.open(Qt.Key.Key_F4)
    load_first(c, dialog)
    _previewed(c, dialog, "退款 ¥30.00：")
    assert "扣回本单所得积分" in dialog.view.split.text()
    assert dialog.deduct.isHidden()


def test_spent_bonus_points_of_a_recharge_offer_it_and_the_refund_is_as_previewed(
        counter: Counter) -> None:
    """A recharge that gave bonus points the member has spent: the one case of a
    recharge where the refund needs the box (without it, it is refused)."""
    c = counter
    w = c.world
    w.set_settings(points__redeem_min_points=0, points__redeem_max_percent=100)
    create_recharge_rule(w.db, w.owner, RechargeRuleDraft(
        "充100送10", yuan("100"), yuan("10"), bonus_points=300))
    w.recharge("alice", "100")
    w.sell([("COLA", 1)], [(TenderKind.POINTS, "2"), (TenderKind.CASH, "1.50")], member="alice")
    dialog = c.open(Qt.Key.Key_F4)
    c.press(Qt.Key.Key_Down, dialog.number)
    c.press(Qt.Key.Key_Down, dialog.history)  # the sale first, then the recharge
    c.enter(dialog.history)
    assert dialog.view.receipt.kind == "recharge"
    c.qtbot.waitUntil(lambda: dialog.deduct.isVisible())
    assert "请勾选下方的扣回" in dialog.view.split.text()
    dialog.deduct.setChecked(True)
    c.qtbot.waitUntil(lambda: "扣回已用掉的" in dialog.view.split.text())
    c.settle()
    shown = dialog.view.split.text()
    refund_now(c, dialog, "退卡")
    assert dialog.outcome is not None
    assert shown.startswith(f"退款 ¥{dialog.outcome.amount.display().lstrip('¥')}：")


@pytest.mark.parametrize("width", [1024, 1366])
@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_list_shares_its_width_and_never_scrolls_sideways(
        counter: Counter, lang: str, width: int) -> None:
    """At 1024x768 it fits; at 1366x768 it uses the room (issue 11: a fixed 760 pixels
    there too, the recharges cut short): nothing is cut at all."""
    c = counter
    w = c.world
    create_recharge_rule(w.db, w.owner, RechargeRuleDraft(
        "充4000送800", yuan("4000"), yuan("800"), bonus_points=0))
    first = w.recharge("alice", "4000")
    refund_recharge(w.db, w.manager, RechargeRefundRequest(cid(), first.recharge_no, "退卡"))
    w.sell([("COLA", 1)], [(TenderKind.CASH, "3.50")], member="alice")
    w.recharge("alice", "4000")
    c.ui.i18n.set_language(lang)
    c.ui.main.resize(width, 768)
    c.qtbot.waitUntil(lambda: c.ui.main.width() == width)
    dialog = c.open(Qt.Key.Key_F4)  # no member: the shop's list, with the member's name
    c.qtbot.waitUntil(lambda: dialog.history.count() == 3)
    c.settle()
    c.qtbot.wait(50)
    history = dialog.history
    assert width * 0.85 <= dialog.width() <= width - 24  # the room, less a margin
    assert dialog.frameGeometry().width() <= width and dialog.height() <= 768 - 30
    assert history.horizontalScrollBar().maximum() == 0  # nothing to the right
    assert not history.horizontalScrollBar().isVisible()
    columns = sum(history.columnWidth(col) for col in range(history.columnCount()))
    assert columns <= history.viewport().width()
    metrics = QFontMetricsF(history.font())
    for row in range(history.count()):
        for col in range(history.columnCount()):
            item = history.item(row, col)
            whole = metrics.horizontalAdvance(item.text()) + 8 <= history.columnWidth(col)
            assert whole or cell_tip(history, history.indexFromItem(item)) == item.text()
    for col in (0, 1):  # the number and the date never cut
        item = history.item(0, col)
        assert metrics.horizontalAdvance(item.text()) <= history.columnWidth(col)
    if width == 1366:  # the room is used: every text whole, no tool tip needed
        for row in range(history.count()):
            for col in range(history.columnCount()):
                item = history.item(row, col)
                text_width = metrics.horizontalAdvance(item.text()) + 8
                assert text_width <= history.columnWidth(col), item.text()
    assert first.recharge_no in [history.number(r) for r in range(history.count())]



@pytest.mark.parametrize("width", [1024, 1366])
def test_a_sale_picked_fits_the_screen_without_scrolling_sideways(counter: Counter,
                                                                  width: int) -> None:
    c = counter
    c.world.sell([("WASH", 1), ("COLA", 2)], [(TenderKind.CASH, "40")], member="alice")
    c.ui.i18n.set_language("en")
    c.ui.main.resize(width, 768)
    c.qtbot.waitUntil(lambda: c.ui.main.width() == width)
    dialog = c.open(Qt.Key.Key_F4)
    load_first(c, dialog)
    c.qtbot.waitUntil(lambda: dialog.view.split.text() != "")
    c.settle()
    c.qtbot.wait(50)
    table = dialog.view.table
    assert table.isVisible() and table.horizontalScrollBar().maximum() == 0
    assert dialog.frameGeometry().width() <= width and dialog.frameGeometry().height() <= 768
    for button in (dialog.refund_button, dialog.close_button):
        assert button.geometry().right() <= dialog.rect().right()
        assert button.mapTo(dialog, button.rect().bottomLeft()).y() <= dialog.rect().bottom()
