"""Shift+F3 计次卡 (issue 12, item 5): a count card sold through the normal checkout and
used at the counter by keys, the message line showing what remains; over-use refused
in the dialog; without a member the key says to find one first."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from memberdesk.services.count_cards.templates import TemplateDraft, add_template
from memberdesk.services.count_cards.use import member_cards
from memberdesk.ui.counter.actions import counter_tasks_of
from tests.checkout_support.kit import yuan

from .counter_support import Till, make_till


@pytest.fixture
def till(qtbot, ui, db, staff) -> Till:  # type: ignore[no-untyped-def]
    t = make_till(qtbot, ui, db, staff)
    add_template(t.db, t.world.owner, TemplateDraft(
        "WASH10", "洗车10次卡", yuan("250"), (("WASH", 10),), validity_days=365))
    return t


def test_sell_a_card_then_use_it_by_keys(till: Till) -> None:
    w = till.world
    till.find("13800000001")
    till.ring_up("WASH10")
    dialog = till.pay_key()
    assert dialog.due_value.text() == "¥250.00"
    till.press(Qt.Key.Key_Return, dialog)  # cash, exactly
    till.press(Qt.Key.Key_Return, till.receipt)
    (card,) = member_cards(w.db, w.cashier, w.members["alice"])
    assert card.remaining == 10

    tasks = counter_tasks_of(till.main)
    assert tasks is not None
    till.find("13800000001")  # the next visit: the member is found again
    till.press(Qt.Key.Key_F3, modifier=Qt.KeyboardModifier.ShiftModifier)
    cc = tasks.dialog
    assert cc is not None and cc.isVisible() and cc.objectName() == "countCardDialog"
    till.settle()
    assert cc.heading.text() == "张三（M000001）的计次卡"
    assert cc.services.count() == 1
    assert "洗车10次卡 · 精洗一次" in cc.services.item(0).text()
    assert "剩余 10/10 次" in cc.services.item(0).text()
    till.press(Qt.Key.Key_Return, cc.services)  # one use
    assert cc.message.text() == "洗车10次卡 精洗一次 ×1，剩余 9 次"
    assert "剩余 9/10 次" in cc.services.item(0).text()
    close_slip(till, tasks, "核销 精洗一次 x 1", "剩余 精洗一次 9 次")
    assert cc.isVisible()  # the slip closes alone: the next use follows here
    cc.uses.setFocus()
    cc.uses.selectAll()
    till.qtbot.keyClicks(cc.uses, "3")
    till.press(Qt.Key.Key_Return, cc.uses)
    assert cc.message.text() == "洗车10次卡 精洗一次 ×3，剩余 6 次"
    close_slip(till, tasks, "核销 精洗一次 x 3", "剩余 精洗一次 6 次")
    cc.uses.selectAll()
    till.qtbot.keyClicks(cc.uses, "7")
    till.press(Qt.Key.Key_Return, cc.uses)
    assert cc.message.text() == "计次卡“洗车10次卡”的“精洗一次”只剩 6 次，不够 7 次"
    assert member_cards(w.db, w.cashier, w.members["alice"])[0].remaining == 6
    till.press(Qt.Key.Key_Escape, cc)
    assert not cc.isVisible()


def close_slip(till: Till, tasks: Any, *lines: str) -> None:
    """The count-card slip on screen over the dialog, as it prints; Enter closes it."""
    till.settle()
    slip = tasks.slip
    assert slip is not None and slip.isVisible()
    assert slip.heading.text().startswith("计次卡核销凭证 · CC")
    text = slip.preview.toPlainText()
    assert "【计次】计次卡核销凭证" in text and all(line in text for line in lines)
    till.press(Qt.Key.Key_Return, slip)
    till.settle()
    assert tasks.slip is None


def test_the_key_needs_a_member(till: Till) -> None:
    tasks = counter_tasks_of(till.main)
    assert tasks is not None
    till.press(Qt.Key.Key_F3, modifier=Qt.KeyboardModifier.ShiftModifier)
    assert tasks.dialog is None or not tasks.dialog.isVisible()
    assert "Shift+F3" in till.main.banner.text


def test_the_unused_part_is_refunded_with_a_managers_approval(till: Till) -> None:
    from memberdesk.models.enums import TenderKind

    w = till.world
    w.sell([("WASH10", 1)], [(TenderKind.CASH, "250")], member="alice")
    (card,) = member_cards(w.db, w.cashier, w.members["alice"])
    tasks = counter_tasks_of(till.main)
    assert tasks is not None
    till.find("13800000001")
    till.press(Qt.Key.Key_F3, modifier=Qt.KeyboardModifier.ShiftModifier)
    cc = tasks.dialog
    assert cc is not None
    till.settle()
    for left in (9, 8):  # two uses: 8 left
        till.press(Qt.Key.Key_Return, cc.services)
        close_slip(till, tasks, f"剩余 精洗一次 {left} 次")
    cc.refund_button.click()
    assert "再按一次" in cc.message.text() and "8" in cc.message.text()
    cc.refund_button.click()
    till.settle()
    approval = cc.approval
    assert approval is not None and approval.isVisible()
    approval.username.setFocus()
    till.qtbot.keyClicks(approval.username, "manager")
    till.press(Qt.Key.Key_Return, approval.username)
    assert approval.focusWidget() is approval.password
    till.qtbot.keyClicks(approval.password, "manager-pass")
    with till.qtbot.waitSignal(cc.refunded, timeout=10_000):
        till.press(Qt.Key.Key_Return, approval.password)
    till.settle()
    assert cc.message.text().startswith("已退 ¥200.00")  # 250 × 8 / 10
    assert member_cards(w.db, w.cashier, w.members["alice"]) == []
    assert card.card_id not in [c.card_id for c in member_cards(w.db, w.cashier, w.members["alice"])]
