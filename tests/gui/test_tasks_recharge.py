"""F3 充值: the bonus rule is on screen before the recharge is confirmed."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from memberdesk.domain import shoptime
from memberdesk.models import Recharge
from memberdesk.models.enums import CouponKind
from memberdesk.money import Money
from memberdesk.services.stored_value.recharge import RechargeRuleDraft, create_recharge_rule
from tests.checkout_support.kit import snapshot, yuan

from .tasks_support import Counter, counter_for


@pytest.fixture
def counter(qtbot, ui, db, staff):  # type: ignore[no-untyped-def]
    yield from counter_for(qtbot, ui, db, staff)


def add_rules(c: Counter) -> None:
    owner = c.world.owner
    create_recharge_rule(c.db, owner, RechargeRuleDraft("充100送10", yuan("100"), yuan("10")))
    create_recharge_rule(c.db, owner, RechargeRuleDraft("充500送60", yuan("500"), yuan("60"),
                                                        bonus_points=100))


def recharges(c: Counter) -> int:
    with c.db.reader() as uow:
        return int(uow.session.scalar(select(func.count()).select_from(Recharge)) or 0)


def test_recharge_500_shows_the_rule_first_then_credits_principal_and_bonus(counter: Counter) -> None:
    c = counter
    add_rules(c)
    c.select_member("alice")
    dialog = c.open(Qt.Key.Key_F3)

    assert dialog.heading.text() == "为 张三（M000001）充值"
    assert [b.text() for b in dialog.offer_buttons] == ["充100送10", "充500送60"]
    c.type(dialog.amount, "500")
    # Before anything is confirmed, the offer that will apply is on screen.
    assert "充500送60" in dialog.preview.text()
    assert "¥60.00" in dialog.preview.text()
    assert "100 积分" in dialog.preview.text()
    assert "¥560.00" in dialog.preview.text()
    assert recharges(c) == 0

    with c.qtbot.waitSignal(dialog.recharged):
        c.press(Qt.Key.Key_Return, dialog.amount)
    c.settle()

    principal, bonus, points = c.world.balances("alice")
    assert (principal, bonus, points) == (yuan("500"), yuan("60"), 100)
    assert "新余额：¥560.00" in dialog.message.text()
    assert "余额：¥560.00" in dialog.member_label.text()  # the balance above is the new one
    assert not dialog.preview.isVisible()  # no offer worked out on the new balance
    assert dialog.confirm_button.text() == "完成（回车）"
    c.press(Qt.Key.Key_Return, dialog)
    assert not dialog.isVisible()


def test_a_smaller_amount_gets_the_smaller_offer_and_an_offer_button_fills_in(counter: Counter) -> None:
    c = counter
    add_rules(c)
    c.select_member("bob")
    dialog = c.open(Qt.Key.Key_F3)
    c.type(dialog.amount, "99.99")
    assert "没有适用的充值活动" in dialog.preview.text()
    dialog.amount.clear()
    c.type(dialog.amount, "300")
    assert "充100送10" in dialog.preview.text()
    dialog.offer_buttons[1].click()
    assert dialog.amount.text() == "500.00"
    assert "充500送60" in dialog.preview.text()


def test_letters_in_the_amount_write_nothing_and_say_why(counter: Counter) -> None:
    c = counter
    c.select_member("alice")
    dialog = c.open(Qt.Key.Key_F3)
    before = snapshot(c.db)

    c.type(dialog.amount, "50o")
    c.enter(dialog.amount)
    assert dialog.message.text() == "金额 50o 无效：不是数字"
    assert dialog.focusWidget() is dialog.amount

    dialog.amount.clear()
    c.enter(dialog.amount)
    assert dialog.message.text() == "请输入充值金额。"
    assert snapshot(c.db) == before


def test_other_payment_needs_a_reference_and_over_the_cap_is_refused(counter: Counter) -> None:
    c = counter
    c.select_member("alice")
    dialog = c.open(Qt.Key.Key_F3)
    before = snapshot(c.db)
    dialog.tender.setCurrentIndex(dialog.tender.findData("other"))
    c.type(dialog.amount, "100")
    c.enter(dialog.amount)
    assert "需要填写交易参考号" in dialog.message.text()
    assert dialog.focusWidget() is dialog.reference

    dialog.tender.setCurrentIndex(dialog.tender.findData("cash"))
    dialog.amount.clear()
    c.type(dialog.amount, "5000.01")
    assert "超过上限 ¥5,000.00" in dialog.preview.text()
    c.enter(dialog.amount)
    assert dialog.message.text() == "充值后储值余额 ¥5,000.01 将超过上限 ¥5,000.00"
    assert snapshot(c.db) == before


def test_a_retry_after_a_refusal_keeps_the_one_client_id(counter: Counter) -> None:
    c = counter
    c.select_member("alice")
    dialog = c.open(Qt.Key.Key_F3)
    first_id = dialog.client_id
    c.type(dialog.amount, "6000")
    c.enter(dialog.amount)
    assert "超过上限" in dialog.message.text()
    dialog.amount.clear()
    c.type(dialog.amount, "200")
    c.enter(dialog.amount)
    assert dialog.client_id == first_id
    assert dialog.outcome is not None and dialog.outcome.amount == Money(20000)
    assert recharges(c) == 1


def test_f3_without_a_member_says_what_to_do(counter: Counter) -> None:
    c = counter
    c.press(Qt.Key.Key_F3)
    assert c.tasks.dialog is None
    assert c.ui.main.banner.isVisible()
    assert "请先找到会员" in c.ui.main.banner.text


def test_the_counter_gets_the_new_balance(counter: Counter) -> None:
    c = counter
    c.select_member("alice")
    seen: list[object] = []
    c.state.member_balances_changed.connect(seen.append)
    dialog = c.open(Qt.Key.Key_F3)
    c.type(dialog.amount, "88")
    c.enter(dialog.amount)
    c.settle()
    assert len(seen) == 1
    assert getattr(seen[0], "stored_value", None) == yuan("88")


def test_english(counter: Counter) -> None:
    c = counter
    add_rules(c)
    c.ui.i18n.set_language("en")
    c.select_member("alice")
    dialog = c.open(Qt.Key.Key_F3)
    c.type(dialog.amount, "500")
    assert dialog.heading.text() == "Recharge for 张三 (M000001)"
    assert "Offer 充500送60: bonus ¥60.00" in dialog.preview.text()
    c.ui.i18n.set_language("zh_CN")  # the dialog follows (LanguageChange is an event)
    c.qtbot.waitUntil(lambda: "活动 充500送60：赠送 ¥60.00" in dialog.preview.text())


def test_an_expired_offer_is_neither_offered_nor_previewed_and_the_recharge_agrees(
    counter: Counter,
) -> None:
    c = counter
    now = shoptime.utc_now()  # the shop clock, whatever it reads: the window is relative
    create_recharge_rule(c.db, c.world.owner, RechargeRuleDraft(
        "充100送20", yuan("100"), yuan("20"),
        valid_from=now - timedelta(days=30), valid_to=now - timedelta(days=1)))
    c.select_member("alice")
    dialog = c.open(Qt.Key.Key_F3)
    assert dialog.offer_buttons == []
    assert dialog.offers_label.text() == "充值活动：无"
    c.type(dialog.amount, "100")
    assert "充100送20" not in dialog.preview.text()
    assert "¥20.00" not in dialog.preview.text()
    assert "没有适用的充值活动" in dialog.preview.text()
    assert "卡内到账 ¥100.00，充值后余额 ¥100.00" in dialog.preview.text()  # bonus ¥0.00

    with c.qtbot.waitSignal(dialog.recharged):
        c.press(Qt.Key.Key_Return, dialog.amount)
    c.settle()
    assert dialog.outcome is not None and dialog.outcome.bonus == Money(0)
    assert c.world.balances("alice") == (yuan("100"), Money(0), 0)


def test_the_bonus_coupon_is_named_in_the_preview_and_on_the_slip(counter: Counter) -> None:
    """The preview and the slip say which coupon the offer gives and what it is worth
    (they said only 另送优惠券 / 赠券 {code}), in both languages."""
    from memberdesk.services.coupons.core import CouponTemplateDraft, create_coupon_template
    from memberdesk.services.receipts.text import render_text

    c = counter
    owner = c.world.owner
    tid = create_coupon_template(c.db, owner, CouponTemplateDraft(
        "NEXT20", "下次满100减20", CouponKind.AMOUNT_OFF, value=yuan("20"),
        min_spend=yuan("100"), valid_days=30))
    create_recharge_rule(c.db, owner, RechargeRuleDraft(
        "充300送券", yuan("300"), yuan("0"), coupon_template_id=tid))
    c.select_member("alice")
    dialog = c.open(Qt.Key.Key_F3)
    c.type(dialog.amount, "300")
    assert "另送优惠券 下次满100减20（减 ¥20.00）" in dialog.preview.text()
    c.ui.i18n.set_language("en")
    c.qtbot.waitUntil(lambda: "plus the coupon 下次满100减20 (¥20.00 off)"
                      in dialog.preview.text())
    c.ui.i18n.set_language("zh_CN")
    with c.qtbot.waitSignal(dialog.recharged):
        c.press(Qt.Key.Key_Return, dialog.amount)
    c.settle()
    result = dialog.outcome
    assert result is not None and len(result.coupon_codes) == 1
    code = result.coupon_codes[0]
    slip = render_text(result.receipt, 80)
    assert f"赠券 {code}\n  下次满100减20（减 ¥20.00）\n" in slip
    assert f"Gift coupon {code}\n  下次满100减20 (¥20.00 off)\n" in render_text(
        result.receipt, 80, "en")
