"""The payment dialog: split tenders from the keyboard, what is left at each step,
the member's payment password, coupons, the receipt; bad input and a locked
database leave nothing half-written."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt

from memberdesk.models.enums import CouponKind, TenderKind
from memberdesk.money import Money
from memberdesk.services.coupons import core as coupons
from memberdesk.services.coupons.core import CouponTemplateDraft
from memberdesk.services.shifts import shift as shifts
from memberdesk.services.stored_value.payment_password import set_payment_password
from tests.checkout_support.kit import snapshot

from .counter_support import Till, make_till


@pytest.fixture
def till(qtbot, ui, db, staff) -> Till:  # type: ignore[no-untyped-def]
    return make_till(qtbot, ui, db, staff)


def test_a_split_of_stored_value_points_and_cash_with_change(till: Till) -> None:
    w = till.world
    w.recharge("alice", "50")
    w.give_points("alice", 1000)
    till.find("13800000001")
    till.type(till.amount, "96")

    dialog = till.pay_key()
    rows = dialog.rows
    assert dialog.due_value.text() == "¥96.00"
    assert rows["cash"].field.text() == "96.00"  # stored value does not cover it: cash
    assert rows["stored_value"].note.text() == "可用 ¥50.00（先扣赠送，再扣本金）"

    till.press(Qt.Key.Key_F1, dialog)  # stored value pays what it can
    assert rows["cash"].field.text() == ""
    assert rows["stored_value"].field.text() == "50.00"
    assert dialog.summary.text() == "已收 ¥50.00 · 还需 ¥46.00"
    till.press(Qt.Key.Key_F2, dialog)  # points: 1000 points pay ¥10.00
    assert rows["points"].field.text() == "10.00"
    assert rows["points"].note.text() == "使用 1,000 积分"
    assert dialog.summary.text() == "已收 ¥60.00 · 还需 ¥36.00"
    till.press(Qt.Key.Key_F3, dialog)  # cash: what is left, selected for retyping
    assert rows["cash"].field.text() == "36.00"
    till.qtbot.keyClicks(rows["cash"].field, "50")
    assert rows["cash"].note.text() == "找零 ¥14.00"
    assert dialog.summary.text() == "已收 ¥110.00 · 找零 ¥14.00"

    till.press(Qt.Key.Key_Return, dialog)

    receipt = till.receipt
    assert receipt is not None and receipt.isVisible()
    assert till.payment is None
    [sale] = till.sales()
    assert sale.payable == Money.of_yuan(96) and sale.member_id == w.members["alice"]
    assert till.tenders(sale.id) == {
        "stored_value": (5000, None), "points": (1000, None), "cash": (3600, 5000),
    }
    principal, bonus, points = w.balances("alice")
    assert (principal, bonus) == (Money(0), Money(0))
    assert points == sale.points_earned > 0
    assert receipt.change_value.text() == "¥14.00"
    assert receipt.sv_value.text() == "¥0.00"
    assert receipt.points_value.text() == str(points)
    assert receipt.earned_value.text() == f"+{sale.points_earned}"
    text = receipt.preview.toPlainText()
    assert sale.sale_no in text and "找零" in text and "储值" in text
    # The counter is ready for the next customer.
    assert till.ui.state.member is None and till.counter.cart.is_empty
    till.press(Qt.Key.Key_Return, receipt)
    assert till.receipt is None
    till.qtbot.waitUntil(till.product.hasFocus)  # the counter has the keys again


def test_a_walk_in_sale_in_cash(till: Till) -> None:
    till.ring_up("COLA")
    dialog = till.pay_key()
    assert dialog.member_line.text() == "散客（非会员）"
    assert not dialog.rows["stored_value"].field.isEnabled()
    assert not dialog.rows["points"].field.isEnabled()
    assert dialog.rows["cash"].field.hasFocus() and dialog.rows["cash"].field.selectedText() == "3.50"
    till.qtbot.keyClicks(dialog.rows["cash"].field, "10")
    till.press(Qt.Key.Key_Return, dialog)
    [sale] = till.sales()
    assert sale.member_id is None and sale.change_given == Money(650)
    assert till.receipt.change_value.text() == "¥6.50"
    assert not till.receipt.sv_value.isVisible()


def test_wechat_pays_the_rest_and_letters_never_reach_the_fields(till: Till) -> None:
    till.ring_up("BEER")
    dialog = till.pay_key()
    till.press(Qt.Key.Key_F5, dialog)  # WeChat instead of the cash filled in
    field = dialog.rows["wechat"].field
    assert dialog.rows["cash"].field.text() == "" and field.text() == "6.00"
    field.clear()
    till.qtbot.keyClicks(field, "x5y.z5")
    assert field.text() == "5.5"
    assert dialog.summary.text() == "已收 ¥5.50 · 还需 ¥0.50"
    till.press(Qt.Key.Key_Return, dialog)  # not covered: says so, writes nothing
    assert dialog.message.text() == "付款合计 ¥5.50，应付 ¥6.00，金额不符"
    assert till.sale_count() == 0
    till.qtbot.keyClicks(field, "0")  # 5.50 -> 5.50 (a third decimal is refused)
    assert field.text() == "5.50"
    field.selectAll()
    till.qtbot.keyClicks(field, "6")
    till.press(Qt.Key.Key_Return, dialog)
    [sale] = till.sales()
    assert till.tenders(sale.id) == {"wechat": (600, None)}


def test_the_members_payment_password_when_the_shop_requires_it(till: Till) -> None:
    w = till.world
    w.set_settings(stored_value__require_password=True)
    w.recharge("alice", "100")
    set_payment_password(till.db, w.owner, w.members["alice"], "1234")
    till.find("13800000001")
    till.ring_up("COLA")
    dialog = till.pay_key()

    till.press(Qt.Key.Key_Return, dialog)
    assert dialog.message.text() == "请输入会员消费密码"
    assert dialog.password.isVisible() and dialog.password.hasFocus()
    assert till.sale_count() == 0

    till.qtbot.keyClicks(dialog.password, "9999")
    till.press(Qt.Key.Key_Return, dialog)
    assert dialog.message.text() == "消费密码错误，还可以再试 4 次"
    assert till.sale_count() == 0
    assert dialog.password.selectedText() == "9999"

    till.qtbot.keyClicks(dialog.password, "1234")
    till.press(Qt.Key.Key_Return, dialog)
    assert till.sale_count() == 1
    assert w.balances("alice")[0] == Money(9650)


def test_a_coupon_ticked_in_the_dialog_reprices_the_sale(till: Till) -> None:
    w = till.world
    w.recharge("alice", "100")
    template = coupons.create_coupon_template(till.db, w.owner, CouponTemplateDraft(
        "C5", "满20减5", CouponKind.AMOUNT_OFF, Money.of_yuan(5), min_spend=Money.of_yuan(20)))
    [coupon] = coupons.issue_coupons(till.db, w.owner, template, w.members["alice"])
    till.find("13800000001")
    till.ring_up("CHIPS")  # ¥8.80: below the coupon's minimum spend
    dialog = till.pay_key()
    # Listed with the pricing's reason, and cannot be ticked
    assert dialog.coupon_list.item(0).text() == (
        f"满20减5：本单不可用（优惠券 {coupon.code} 需要满 ¥20.00 才能使用）")
    till.press(Qt.Key.Key_F7, dialog)
    till.press(Qt.Key.Key_Space, dialog.coupon_list)
    till.press(Qt.Key.Key_F7, dialog, Qt.KeyboardModifier.ShiftModifier)
    assert dialog.coupon_codes() == () and dialog.due_value.text() == "¥8.80"
    till.press(Qt.Key.Key_Escape, dialog)
    assert till.sale_count() == 0

    till.ring_up("CIG")  # now ¥53.80
    dialog = till.pay_key()
    assert dialog.rows["stored_value"].field.text() == "53.80"
    till.press(Qt.Key.Key_F7, dialog)
    till.press(Qt.Key.Key_Space, dialog.coupon_list)
    assert dialog.due_value.text() == "¥48.80"
    assert dialog.rows["stored_value"].field.text() == "48.80"  # the automatic fill follows
    till.press(Qt.Key.Key_Return, dialog)
    [sale] = till.sales()
    assert sale.payable == Money(4880)
    assert coupons.member_coupons(till.db, w.members["alice"]) == []
    assert "满20减5" in till.receipt.preview.toPlainText()


def test_the_member_coupons_best_first_and_shift_f7_uses_the_best(till: Till) -> None:
    """The dialog lists the member's coupons by what the pricing says each saves on
    this cart (one that cannot apply last, greyed); Shift+F7 ticks the best."""
    w = till.world
    member = w.members["alice"]

    def give(code: str, name: str, off: int, min_spend: int) -> None:
        template = coupons.create_coupon_template(till.db, w.owner, CouponTemplateDraft(
            code, name, CouponKind.AMOUNT_OFF, Money.of_yuan(off),
            min_spend=Money.of_yuan(min_spend)))
        coupons.issue_coupons(till.db, w.owner, template, member)

    give("C5", "满20减5", 5, 20)
    give("C30", "满100减30", 30, 100)  # the cart is ¥53.80: cannot apply
    give("C10", "满50减10", 10, 50)
    till.find("13800000001")
    till.ring_up("CHIPS")
    till.ring_up("CIG")
    dialog = till.pay_key()
    texts = [dialog.coupon_list.item(i).text() for i in range(dialog.coupon_list.count())]
    assert texts[:2] == ["满50减10：省 ¥10.00", "满20减5：省 ¥5.00"]
    assert texts[2].startswith("满100减30：本单不可用（")
    assert not dialog.coupon_list.item(2).flags() & Qt.ItemFlag.ItemIsEnabled
    till.press(Qt.Key.Key_F7, dialog, Qt.KeyboardModifier.ShiftModifier)
    till.qtbot.waitUntil(lambda: dialog.due_value.text() == "¥43.80", timeout=5_000)
    assert len(dialog.coupon_codes()) == 1
    till.press(Qt.Key.Key_Return, dialog)
    [sale] = till.sales()
    assert sale.payable == Money(4380)
    assert "满50减10" in till.receipt.preview.toPlainText()


def give_coupon(till: Till, code: str, name: str, off: int, min_spend: int) -> None:
    w = till.world
    template = coupons.create_coupon_template(till.db, w.owner, CouponTemplateDraft(
        code, name, CouponKind.AMOUNT_OFF, Money.of_yuan(off), min_spend=Money.of_yuan(min_spend)))
    coupons.issue_coupons(till.db, w.owner, template, w.members["alice"])


def test_a_coupon_for_the_sale_left_unticked_is_said_above_the_amounts(till: Till) -> None:
    """Issue 11: with the coupon unticked the dialog said "Paid in full" and the
    cashier never saw the list. A line above the amounts names the best coupon and
    its key until one is ticked; none when no coupon applies."""
    till.world.recharge("alice", "100")
    give_coupon(till, "C5", "满20减5", 5, 20)
    give_coupon(till, "C10", "满50减10", 10, 50)
    till.find("13800000001")
    till.ring_up("CHIPS")  # ¥8.80: neither applies
    dialog = till.pay_key()
    assert dialog.coupon_list.count() == 2 and dialog.coupon_notice.isHidden()
    till.press(Qt.Key.Key_Escape, dialog)

    till.ring_up("CHIPS", "CHIPS")  # ¥26.40: only 满20减5
    dialog = till.pay_key()
    assert dialog.summary.text() == "已收齐，按回车确认"  # stored value covers it, but:
    assert dialog.coupon_notice.isVisible()
    assert dialog.coupon_notice.text() == "有券没用：满20减5 省 ¥5.00 — 按 Shift+F7 使用"
    till.press(Qt.Key.Key_F7, dialog, Qt.KeyboardModifier.ShiftModifier)
    till.qtbot.waitUntil(lambda: dialog.due_value.text() == "¥21.40", timeout=5_000)
    assert dialog.coupon_notice.isHidden()  # used: nothing more to say
    till.press(Qt.Key.Key_F7, dialog)
    till.press(Qt.Key.Key_Space, dialog.coupon_list)  # unticked again: said again
    till.qtbot.waitUntil(lambda: dialog.due_value.text() == "¥26.40", timeout=5_000)
    assert dialog.coupon_notice.isVisible()
    till.press(Qt.Key.Key_Escape, dialog)

    till.ring_up("CIG")  # ¥80.40: both apply, 满50减10 saves most
    till.ui.i18n.set_language("en")
    dialog = till.pay_key()
    assert dialog.coupon_notice.text() == (
        "2 coupons not used; best: 满50减10 saves ¥10.00 — Shift+F7")


def test_the_shop_may_have_the_best_coupon_ticked_as_the_payment_opens(till: Till) -> None:
    """checkout.tick_best_coupon: the coupon that saves most is ticked when the dialog
    opens (the same one Shift+F7 takes); the cashier may untick it."""
    w = till.world
    w.set_settings(checkout__tick_best_coupon=True)
    w.recharge("alice", "100")
    give_coupon(till, "C5", "满20减5", 5, 20)
    give_coupon(till, "C10", "满50减10", 10, 50)
    till.find("13800000001")
    till.ring_up("CHIPS", "CIG")  # ¥53.80
    dialog = till.pay_key()
    till.qtbot.waitUntil(lambda: dialog.due_value.text() == "¥43.80", timeout=5_000)
    till.settle()
    assert len(dialog.coupon_codes()) == 1 and dialog.coupon_notice.isHidden()
    assert dialog.rows["stored_value"].field.text() == "43.80"
    till.press(Qt.Key.Key_Return, dialog)
    [sale] = till.sales()
    assert sale.payable == Money(4380)
    assert "满50减10" in till.receipt.preview.toPlainText()


def test_f12_on_an_empty_cart_or_without_an_open_shift(till: Till) -> None:
    till.press(Qt.Key.Key_F12)
    assert till.payment is None
    assert till.main.banner.text == "还没有商品：请先扫码或输入金额。"

    shifts.close_shift(till.db, till.world.cashier, {TenderKind.CASH: Money.of_yuan(200)})
    till.ring_up("COLA")
    till.press(Qt.Key.Key_F12)
    assert till.payment is None
    assert till.main.banner.text == "请先开班再收银：按 F5，清点备用金。"
    assert till.main.status.shift_label.text() == "班次：未开班"


@pytest.fixture
def short_busy_timeout(monkeypatch: pytest.MonkeyPatch) -> int:
    """SQLite's busy timeout for this test's database only (the app waits 10 s
    for a lock). Listed before the fixtures that open the database."""
    from memberdesk.db import engine

    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 300)
    return 300


def test_a_database_locked_by_another_program(short_busy_timeout: int, till: Till) -> None:
    till.world.recharge("alice", "100")
    till.find("13800000001")
    till.ring_up("COLA")
    client_id = till.counter.cart.sale_id
    before = snapshot(till.db)
    other = sqlite3.connect(till.db.paths.database, isolation_level=None, timeout=0)
    other.execute("BEGIN EXCLUSIVE")
    try:
        dialog = till.pay_key()  # reading still works while another program writes
        till.press(Qt.Key.Key_Return, dialog)  # the write waits, then gives up
        assert dialog.isVisible()
        assert dialog.message.text().startswith("数据库正被另一个程序占用")
        assert dialog.confirm_button.isEnabled()
    finally:
        other.rollback()
        other.close()
    assert snapshot(till.db) == before  # nothing half-written

    till.press(Qt.Key.Key_Return, dialog)  # the same sale, tried again
    [sale] = till.sales()
    assert sale.client_id == client_id
    assert till.world.balances("alice")[0] == Money(9650)


def test_a_bug_during_the_payment_reaches_the_crash_hook_and_frees_the_dialog(
    till: Till, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from memberdesk.ui.counter import work as counter_jobs

    till.ring_up("COLA")
    dialog = till.pay_key()
    caught: list[type[BaseException]] = []

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug in the checkout")

    monkeypatch.setattr(counter_jobs, "pay", broken)
    monkeypatch.setattr(sys, "excepthook", lambda t, e, tb: caught.append(t))
    till.press(Qt.Key.Key_Return, dialog)
    assert caught == [RuntimeError]  # the crash dialog and the log have it
    assert dialog.isVisible() and dialog.confirm_button.isEnabled()  # not stuck
    assert till.sale_count() == 0
    till.press(Qt.Key.Key_Escape, dialog)
    assert till.payment is None


def test_the_card_and_the_dialog_say_which_stored_value_goes_first(till: Till) -> None:
    """One line on the card and beside 储值 in the payment dialog says which part a
    payment takes first: what the ledger then does (the shop's setting)."""
    from memberdesk.services.stored_value.recharge import RechargeRuleDraft, create_recharge_rule

    w = till.world
    create_recharge_rule(till.db, w.owner, RechargeRuleDraft("充100送20", Money.of_yuan(100),
                                                             Money.of_yuan(20)))
    w.recharge("alice", "100")
    till.find("13800000001")
    card = till.main.member_panel.card
    assert card.spend_order.text() == "储值扣款：先扣赠送，再扣本金"
    till.ring_up("COLA")
    dialog = till.pay_key()
    assert dialog.rows["stored_value"].note.text() == "可用 ¥120.00（先扣赠送，再扣本金）"
    till.press(Qt.Key.Key_Return, dialog)
    assert w.balances("alice")[:2] == (Money.of_yuan(100), Money(1650))  # the bonus paid

    w.set_settings(stored_value__spend_order="principal_first")
    till.counter.reload_settings()
    till.settle()
    till.press(Qt.Key.Key_Return, till.receipt)
    till.find("13800000001")  # the next sale: the member again
    assert card.sv_detail.text() == "本金 ¥100.00\n赠送 ¥16.50"
    assert card.spend_order.text() == "储值扣款：先扣本金，再扣赠送"
    till.ui.i18n.set_language("en")
    till.qtbot.waitUntil(lambda: card.spend_order.text() == (
        "Stored value pays principal first, then bonus"), timeout=5_000)
    till.ui.i18n.set_language("zh_CN")
    till.ring_up("COLA")
    dialog = till.pay_key()
    assert dialog.rows["stored_value"].note.text() == "可用 ¥116.50（先扣本金，再扣赠送）"
    till.press(Qt.Key.Key_Return, dialog)
    assert w.balances("alice")[:2] == (Money(9650), Money(1650))  # now the principal


def test_f2_adds_points_and_the_stored_value_filled_in_keeps_the_rest(till: Till) -> None:
    """Issue 11: with "all from stored value" filled in, F2 (points) emptied the stored
    value field (F1 filled it again). F2 adds the points: stored value keeps the rest."""
    w = till.world
    w.recharge("alice", "100")
    w.give_points("alice", 1000)
    till.find("13800000001")
    till.type(till.amount, "96")
    dialog = till.pay_key()
    rows = dialog.rows
    assert rows["stored_value"].field.text() == "96.00"  # stored value covers it
    till.press(Qt.Key.Key_F2, dialog)  # points: 1000 points pay ¥10.00
    assert rows["points"].field.text() == "10.00" and rows["points"].field.hasFocus()
    assert rows["stored_value"].field.text() == "86.00"  # kept, less what points pay
    assert dialog.summary.text() == "已收齐，按回车确认"
    till.press(Qt.Key.Key_Return, dialog)
    [sale] = till.sales()
    assert till.tenders(sale.id) == {"stored_value": (8600, None), "points": (1000, None)}
    assert w.balances("alice")[0] + w.balances("alice")[1] == Money.of_yuan(14)


def test_lowering_the_points_raises_the_stored_value_filled_in(till: Till) -> None:
    """Blind trial: with "all from stored value" filled in and points added (F2),
    lowering the points left the order unpaid by the difference. Stored value filled
    in takes it up (as far as the balance allows); one the cashier typed is kept."""
    w = till.world
    w.recharge("alice", "100")
    w.give_points("alice", 1000)
    till.find("13800000001")
    till.type(till.amount, "96")
    dialog = till.pay_key()
    rows = dialog.rows
    till.press(Qt.Key.Key_F2, dialog)  # points ¥10.00, stored value ¥86.00
    till.type(rows["points"].field, "4", enter=False)  # typed over the selected 10.00
    assert rows["points"].field.text() == "4"
    assert rows["stored_value"].field.text() == "92.00"
    assert dialog.summary.text() == "已收齐，按回车确认"
    till.press(Qt.Key.Key_Backspace, rows["points"].field)  # no points at all
    assert rows["stored_value"].field.text() == "96.00"
    till.type(rows["points"].field, "5", enter=False)
    assert rows["stored_value"].field.text() == "91.00"
    till.press(Qt.Key.Key_F1, dialog)
    till.type(rows["stored_value"].field, "50", enter=False)  # the cashier's own amount
    till.press(Qt.Key.Key_F2, dialog)
    till.type(rows["points"].field, "2", enter=False)
    assert rows["stored_value"].field.text() == "50"  # kept: still to pay ¥44.00
    assert dialog.summary.text().endswith("¥44.00")
    till.press(Qt.Key.Key_F1, dialog)
    till.type(rows["stored_value"].field, "94", enter=False)
    till.press(Qt.Key.Key_Return, dialog)
    [sale] = till.sales()
    assert till.tenders(sale.id) == {"stored_value": (9400, None), "points": (200, None)}


def test_f3_instead_of_the_stored_value_filled_in_pays_it_all_in_cash(till: Till) -> None:
    """Cash (F3, like card, WeChat, Alipay) pays all of it: nothing is left for stored
    value, so its automatic fill gives way (the member pays in cash this time)."""
    w = till.world
    w.recharge("alice", "100")
    till.find("13800000001")
    till.ring_up("COLA")
    dialog = till.pay_key()
    assert dialog.rows["stored_value"].field.text() == "3.50"
    till.press(Qt.Key.Key_F3, dialog)
    assert dialog.rows["cash"].field.text() == "3.50" and dialog.rows["stored_value"].field.text() == ""
