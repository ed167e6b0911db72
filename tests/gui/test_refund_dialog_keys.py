"""F4 退款, issue 11 (a new owner's blind trial), driven by keys: the result is one
page with the cash to hand back on top; unticking "whole sale" lets the cashier pick
(every quantity 0); ↓/↑ between the number field and the list; the preview tells a
coupon kept spent and the value of points already spent, as the refund then does;
recharges are listed and previewed like sales."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from memberdesk.models.enums import CouponKind, TenderKind
from memberdesk.services.coupons.core import (
    CouponTemplateDraft,
    create_coupon_template,
    issue_coupons,
)
from memberdesk.services.stored_value.recharge import RechargeRuleDraft, create_recharge_rule
from memberdesk.ui.common import fmt
from tests.checkout_support.kit import yuan

from .tasks_support import Counter, counter_for


@pytest.fixture
def counter(qtbot, ui, db, staff):  # type: ignore[no-untyped-def]
    yield from counter_for(qtbot, ui, db, staff, "manager")


def load_first(c: Counter, dialog) -> None:  # type: ignore[no-untyped-def]
    """↓ from the number field into the list, Enter loads its first row."""
    c.press(Qt.Key.Key_Down, dialog.number)
    c.enter(dialog.history)
    assert dialog.view.receipt is not None


def refund_now(c: Counter, dialog, reason: str = "顾客退货") -> None:  # type: ignore[no-untyped-def]
    c.type(dialog.reason, reason)
    with c.qtbot.waitSignal(dialog.refunded, timeout=10_000):
        c.press(Qt.Key.Key_Return, dialog.reason)
    c.settle()


def test_down_goes_into_the_list_and_up_on_its_first_row_back(counter: Counter) -> None:
    c = counter
    first = c.world.sell([("COLA", 1)], [(TenderKind.CASH, "3.50")], member="alice")
    latest = c.world.sell([("CHIPS", 1)], [(TenderKind.CASH, "8.80")], member="alice")
    c.select_member("alice")
    dialog = c.open(Qt.Key.Key_F4)
    assert dialog.focusWidget() is dialog.number
    c.press(Qt.Key.Key_Down, dialog.number)
    assert dialog.focusWidget() is dialog.history and dialog.history.currentRow() == 0
    c.press(Qt.Key.Key_Down, dialog.history)
    assert dialog.history.currentRow() == 1
    c.press(Qt.Key.Key_Up, dialog.history)
    c.press(Qt.Key.Key_Up, dialog.history)  # on the first row: back to the field
    assert dialog.focusWidget() is dialog.number and dialog.view.receipt is None
    c.press(Qt.Key.Key_Down, dialog.number)
    c.press(Qt.Key.Key_Down, dialog.history)
    c.enter(dialog.history)
    assert dialog.view.receipt is not None and dialog.view.receipt.number == first.sale_no
    assert latest.sale_no != first.sale_no


def test_unticking_whole_sale_lets_the_cashier_pick_from_zero(counter: Counter) -> None:
    c = counter
    c.world.sell([("CHIPS", 2), ("BEER", 3)], [(TenderKind.CASH, "35.60")])
    dialog = c.open(Qt.Key.Key_F4)
    load_first(c, dialog)
    chips, beer = dialog.view.spins
    assert (chips.value(), beer.value()) == (2, 3)  # what the whole refund takes
    c.qtbot.waitUntil(lambda: dialog.view.split.text().startswith("退款 ¥35.60："))
    dialog.view.whole.setFocus()
    c.press(Qt.Key.Key_Space, dialog.view.whole)
    assert (chips.value(), beer.value()) == (0, 0) and chips.isEnabled()
    assert dialog.focusWidget() in (chips, chips.lineEdit())
    assert dialog.view.split.text() == "请设置每样商品退回几件。"
    c.qtbot.keyClicks(chips, "1")
    c.settle()
    c.qtbot.waitUntil(lambda: dialog.view.split.text().startswith("退款 ¥8.80："))
    c.enter(dialog.reason)  # no reason yet: nothing refunded, nothing lost
    assert chips.value() == 1 and dialog.outcome is None
    c.press(Qt.Key.Key_Space, dialog.view.whole)
    assert (chips.value(), beer.value()) == (2, 3)


def test_a_part_refund_says_the_coupon_stays_spent(counter: Counter) -> None:
    c = counter
    w = c.world
    template = create_coupon_template(w.db, w.owner, CouponTemplateDraft(
        "C5", "满20减5", CouponKind.AMOUNT_OFF, yuan("5"), min_spend=yuan("20")))
    [coupon] = issue_coupons(w.db, w.owner, template, w.members["alice"])
    w.sell([("WASH", 1), ("COLA", 2)], [(TenderKind.CASH, "32")], member="alice",
           coupons=(coupon.code,))
    dialog = c.open(Qt.Key.Key_F4)
    load_first(c, dialog)
    dialog.view.whole.setFocus()
    c.press(Qt.Key.Key_Space, dialog.view.whole)
    wash, cola = dialog.view.spins
    c.press(Qt.Key.Key_Tab, dialog.focusWidget())  # from the first quantity to the next
    assert dialog.focusWidget() in (cola, cola.lineEdit())
    c.qtbot.keyClicks(dialog.focusWidget(), "2")  # the colas come back: ¥7 of the ¥32 left
    c.settle()
    assert (wash.value(), cola.value()) == (0, 2)
    c.qtbot.waitUntil(lambda: "优惠券不退回（本单已用掉）：满20减5。" in dialog.view.split.text())
    shown = dialog.view.split.text()
    refund_now(c, dialog)
    assert dialog.outcome is not None and dialog.outcome.coupons_restored == ()
    assert shown.startswith(f"退款 {fmt.money(dialog.outcome.amount)}：")


def test_points_already_spent_are_previewed_then_deducted_as_shown(counter: Counter) -> None:
    c = counter
    w = c.world
    w.set_settings(points__redeem_min_points=0, points__redeem_max_percent=100)
    sale = w.sell([("WASH", 2)], [(TenderKind.CASH, "60")], member="alice")  # earns 120
    w.sell([("COLA", 1)], [(TenderKind.POINTS, "1"), (TenderKind.CASH, "2.50")], member="alice")
    dialog = c.open(Qt.Key.Key_F4)
    c.type(dialog.number, sale.sale_no)
    c.enter(dialog.number)
    c.qtbot.waitUntil(lambda: "会员已用掉其中 98 积分（价值 ¥0.98）：请勾选下方的扣回，否则不能退款。"
                      in dialog.view.split.text())
    dialog.deduct.setFocus()
    c.press(Qt.Key.Key_Space, dialog.deduct)
    c.qtbot.waitUntil(lambda: dialog.view.split.text().startswith("退款 ¥59.02：现金 ¥59.02。"))
    assert "扣回已用掉的 98 积分：-¥0.98。" in dialog.view.split.text()
    assert "扣回本单所得积分：22。" in dialog.view.split.text()
    refund_now(c, dialog)
    assert dialog.outcome is not None and dialog.outcome.amount == yuan("59.02")
    assert dialog.outcome.points_taken_back == 22


def test_recharges_are_listed_and_previewed(counter: Counter) -> None:
    c = counter
    w = c.world
    create_recharge_rule(w.db, w.owner, RechargeRuleDraft(
        "充100送10", yuan("100"), yuan("10"), bonus_points=100))
    w.sell([("COLA", 1)], [(TenderKind.CASH, "3.50")], member="alice")
    recharge = w.recharge("alice", "100")
    dialog = c.open(Qt.Key.Key_F4)  # no member: the shop's, with the member's name
    assert dialog.history_label.text() == "最近的销售和充值"
    row = dialog.history.row_text(0)
    assert row.startswith(recharge.recharge_no) and "充值 ¥100.00 + 赠送 ¥10.00    张三" in row
    load_first(c, dialog)
    assert dialog.view.receipt.number == recharge.recharge_no
    c.qtbot.waitUntil(lambda: dialog.view.split.text() == (
        "退款 ¥100.00：现金 ¥100.00。赠送余额作废：¥10.00。扣回赠送积分：100。"))
    c.ui.i18n.set_language("en")
    c.qtbot.waitUntil(lambda: dialog.view.split.text().startswith(
        "Money back ¥100.00: Cash ¥100.00. Bonus balance forfeited: ¥10.00."))
    assert "Recharge ¥100.00 + bonus ¥10.00    张三" in dialog.history.row_text(0)
    c.ui.i18n.set_language("zh_CN")
    refund_now(c, dialog, "退卡")
    assert dialog.outcome is not None and dialog.outcome.amount == yuan("100")
    assert w.balances("alice") == (yuan("0"), yuan("0"), 3)  # the cola's points stay


@pytest.mark.parametrize(("tenders", "cash", "where"), [
    ([(TenderKind.STORED_VALUE, "10"), (TenderKind.CASH, "15"), (TenderKind.WECHAT, "5")],
     "现金退还 ¥15.00", ["储值 ¥10.00 已退回会员卡", "微信支付 ¥5.00：请按原方式手工退回"]),
    ([(TenderKind.STORED_VALUE, "30")], "不退现金", ["储值 ¥30.00 已退回会员卡"]),
])
def test_the_result_is_one_page_with_the_cash_on_top(counter: Counter, tenders, cash, where) -> None:  # type: ignore[no-untyped-def]
    c = counter
    c.world.recharge("alice", "100")
    c.world.sell([("WASH", 1)], tenders, member="alice")
    c.select_member("alice")
    dialog = c.open(Qt.Key.Key_F4)
    assert dialog.history_label.text() == "张三 的销售和充值"
    assert dialog.history.row_text(1).endswith("充值 ¥100.00")  # whose: the heading says
    load_first(c, dialog)
    refund_now(c, dialog)
    assert not dialog.form.isVisible() and dialog.headline.isVisible()
    assert dialog.headline.cash.text() == cash
    c.qtbot.waitUntil(lambda: c.tasks.slip is not None and c.tasks.slip.isVisible())
    slip = c.tasks.slip
    assert slip.refund_headline.cash.text() == cash  # on top of the slip, in large type
    big = slip.refund_headline.cash.font()
    assert big.bold() and big.pointSizeF() > 1.5 * slip.print_status.font().pointSizeF()
    assert slip.refund_headline.where.text().split("\n") == where
    assert not slip.change_value.isVisible()  # no second, bigger figure under it
    # the slip covers the dialog: one page, one Done button on screen
    assert slip.geometry().contains(dialog.geometry())
    c.ui.i18n.set_language("en")
    c.qtbot.waitUntil(lambda: slip.refund_headline.cash.text() in (
        "Cash to hand back ¥15.00", "Nothing to hand back in cash"))
    c.ui.i18n.set_language("zh_CN")
    c.press(Qt.Key.Key_Return, slip)
    c.qtbot.waitUntil(lambda: not dialog.isVisible())


def test_tab_goes_through_the_quantities_then_the_reason_then_the_buttons(
        counter: Counter) -> None:
    """The second blind trial: Tab from the last quantity left the Reason field out
    (the quantity boxes, made when a sale is picked, came last in the focus chain).
    Tab follows the screen: the quantities, the reason, the buttons; Shift+Tab back."""
    c = counter
    c.world.sell([("CHIPS", 1), ("BEER", 2), ("COLA", 3)], [(TenderKind.CASH, "50")])
    dialog = c.open(Qt.Key.Key_F4)
    load_first(c, dialog)
    assert dialog.focusWidget() is dialog.reason
    dialog.view.whole.setFocus()
    c.press(Qt.Key.Key_Space, dialog.view.whole)  # unticked: the first quantity

    def tab(backwards: bool = False) -> object:
        c.press(Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab, dialog.focusWidget(),
                Qt.KeyboardModifier.ShiftModifier if backwards
                else Qt.KeyboardModifier.NoModifier)
        focus = dialog.focusWidget()
        return next((spin for spin in dialog.view.spins if focus in (spin, spin.lineEdit())),
                    focus)

    chips, beer, cola = dialog.view.spins
    assert dialog.focusWidget() in (chips, chips.lineEdit())
    assert [tab(), tab(), tab(), tab(), tab()] == [
        beer, cola, dialog.reason, dialog.refund_button, dialog.close_button]
    assert [tab(True), tab(True), tab(True)] == [dialog.refund_button, dialog.reason, cola]
    dialog.view.whole.setFocus()
    c.press(Qt.Key.Key_Space, dialog.view.whole)  # whole sale again: the quantities are shut
    assert tab() is dialog.reason
