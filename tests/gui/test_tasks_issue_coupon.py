"""Shift+F1 发券: a coupon for the member at the counter, from the active templates; a
cashier gets a manager's approval first."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from memberdesk.models.enums import CouponKind
from memberdesk.money import Money
from memberdesk.services.coupons.admin import (
    CouponTemplateRequest,
    add_coupon_template,
    set_coupon_template_active,
)
from memberdesk.services.coupons.core import member_coupons

from .tasks_support import Counter, counter_for


@pytest.fixture
def counter(qtbot, ui, db, staff):  # type: ignore[no-untyped-def]
    yield from counter_for(qtbot, ui, db, staff)


def test_without_a_member_f1_says_to_find_one(counter: Counter) -> None:
    counter.press(Qt.Key.Key_F1, modifier=Qt.KeyboardModifier.ShiftModifier)
    assert counter.tasks.dialog is None
    assert "Shift+F1" in counter.ui.main.banner.text


def test_a_cashier_gives_a_coupon_with_a_managers_approval(counter: Counter) -> None:
    c, w = counter, counter.world
    add_coupon_template(c.db, w.owner, CouponTemplateRequest(
        "OFF5", "满20减5", CouponKind.AMOUNT_OFF, value=Money(500), min_spend=Money(2000),
        valid_days=30))
    add_coupon_template(c.db, w.owner, CouponTemplateRequest(
        "OLD", "旧券", CouponKind.AMOUNT_OFF, value=Money(100)))
    set_coupon_template_active(c.db, w.owner, "OLD", False)
    c.select_member("alice")
    dialog = c.open(Qt.Key.Key_F1, Qt.KeyboardModifier.ShiftModifier)
    assert dialog.table.rowCount() == 1  # active templates only
    assert [dialog.table.item(0, col).text() for col in range(3)] == ["满20减5", "减 ¥5.00", "¥20.00"]
    c.enter(dialog.table)
    approval = dialog.approval  # a cashier may not: the manager approves
    assert approval is not None and approval.isVisible()
    # what is approved, in the cashier's words (not the permission's "管理营销活动")
    assert approval.explanation.text().startswith("发放优惠券需要店长或老板授权")
    # said calmly behind the approval box, not a red "没有权限" (a blind trial read it
    # as a failure)
    assert dialog.message.property("tone") == "info"
    assert dialog.message.text() == "需要店长批准：请店长在弹出的窗口中输入账号和密码。"
    c.type(approval.username, "manager")
    c.enter(approval.username)
    c.type(approval.password, "manager-pass")
    c.enter(approval.password)
    c.qtbot.waitUntil(lambda: dialog.issued_coupons is not None, timeout=10_000)
    assert "满20减5" in dialog.message.text() and "张三" in dialog.message.text()
    assert [cp.code for cp in member_coupons(c.db, w.members["alice"])] == list(dialog.issued_coupons.codes)
    assert len(dialog.issued_coupons.codes) == 1  # one coupon per Enter: no double issue
    assert dialog.give_button.isEnabled()  # the next one at once (issue 11)
    assert dialog.approval_id is None  # one approval, one coupon


@pytest.fixture
def manager_counter(qtbot, ui, db, staff):  # type: ignore[no-untyped-def]
    yield from counter_for(qtbot, ui, db, staff, "manager")


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_a_second_coupon_is_given_without_opening_the_dialog_again(
        manager_counter: Counter, lang: str) -> None:
    """Issue 11: after one coupon the Give button stayed grey until the dialog was
    opened again; a cashier giving two had to press Shift+F1 twice."""
    c, w = manager_counter, manager_counter.world
    for code, name in (("OFF5", "满20减5"), ("OFF10", "满50减10")):
        add_coupon_template(c.db, w.owner, CouponTemplateRequest(
            code, name, CouponKind.AMOUNT_OFF, value=Money(500), min_spend=Money(2000),
            valid_days=30))
    c.ui.i18n.set_language(lang)
    c.select_member("alice")
    dialog = c.open(Qt.Key.Key_F1, Qt.KeyboardModifier.ShiftModifier)
    assert dialog.table.rowCount() == 2
    dialog.table.setFocus()
    c.qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    c.qtbot.keyClick(dialog.table, Qt.Key.Key_Return)  # while it gives: nothing more
    c.settle()
    assert len(member_coupons(c.db, w.members["alice"])) == 1
    assert dialog.give_button.isEnabled() and dialog.isVisible()
    given = {"zh_CN": "已发放 1 张", "en": "Coupons given so far: 1"}[lang]
    assert given in dialog.message.text()
    first = dialog.issued_coupons.template_name
    c.press(Qt.Key.Key_Down, dialog.table)  # the other coupon, Enter at once
    c.enter(dialog.table)
    assert dialog.issued_coupons is not None
    assert {first, dialog.issued_coupons.template_name} == {"满20减5", "满50减10"}
    held = member_coupons(c.db, w.members["alice"])
    assert len(held) == 2
    assert {"zh_CN": "已发放 2 张", "en": "Coupons given so far: 2"}[lang] in dialog.message.text()
    assert dialog.give_button.isEnabled()


@pytest.mark.parametrize(("lang", "none"), [("zh_CN", "无门槛"), ("en", "none")])
def test_a_coupon_without_a_minimum_says_so(counter: Counter, lang: str, none: str) -> None:
    c, w = counter, counter.world
    add_coupon_template(c.db, w.owner, CouponTemplateRequest(
        "P90", "全场9折券", CouponKind.PERCENT_OFF, percent_paid=900, max_discount=Money(2000),
        valid_days=30))
    c.ui.i18n.set_language(lang)
    c.select_member("alice")
    dialog = c.open(Qt.Key.Key_F1, Qt.KeyboardModifier.ShiftModifier)
    assert dialog.table.item(0, 2).text() == none  # not a blank cell
