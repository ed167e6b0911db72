"""F6 登记会员 with a swiped card; F7 挂失/补卡: lost, found, replaced, void."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from memberdesk.services.loyalty.enrol import register_member
from memberdesk.services.members.lookup import LookupOutcome, lookup
from tests.checkout_support.kit import snapshot

from .helpers import assert_laid_out
from .tasks_support import Counter, counter_for


@pytest.fixture
def counter(qtbot, ui, db, staff):  # type: ignore[no-untyped-def]
    yield from counter_for(qtbot, ui, db, staff)


def swipe(c: Counter, field, text: str) -> None:  # type: ignore[no-untyped-def]
    """A keyboard-wedge reader: the UID typed in a burst, then Enter."""
    c.type(field, text)
    c.enter(field)


def test_registration_with_a_swiped_card_selects_the_new_member(counter: Counter) -> None:
    c = counter
    dialog = c.open(Qt.Key.Key_F6)
    assert dialog.focusWidget() is dialog.phone
    c.type(dialog.phone, "13912345678")
    c.enter(dialog.phone)
    assert dialog.focusWidget() is dialog.name
    c.type(dialog.name, "赵六")
    c.enter(dialog.name)
    assert dialog.focusWidget() is dialog.card
    swipe(c, dialog.card, "04a1b2c3")  # wedge readers print lower case too

    assert dialog.member is not None
    assert dialog.message.text().startswith(f"会员 {dialog.member.member_no} 赵六 已登记（139****5678）。")
    assert "会员卡已绑定" in dialog.message.text()
    assert "。 " not in dialog.message.text()  # Chinese sentences follow without a space
    found = lookup(c.db, c.world.owner, "04A1B2C3")
    assert found.outcome is LookupOutcome.MEMBER and found.member is not None
    assert found.member.name == "赵六"
    c.qtbot.waitUntil(lambda: getattr(c.state.member, "member_no", None) == dialog.member.member_no)


def test_a_card_on_the_reader_fills_the_card_field(counter: Counter) -> None:
    c = counter
    dialog = c.open(Qt.Key.Key_F6)
    dialog.card_presented("04A1B2C3D4E5F6")
    assert dialog.card.text() == "04A1B2C3D4E5F6"


def test_duplicate_phone_bad_phone_and_a_taken_card_write_nothing(counter: Counter) -> None:
    c = counter
    register_member(c.db, c.world.owner, phone="13700000009", name="钱七", card_uid="0A0B0C0D")
    dialog = c.open(Qt.Key.Key_F6)
    before = snapshot(c.db)

    c.enter(dialog.phone)
    assert dialog.message.text() == "请输入手机号。"
    c.type(dialog.phone, "13800000001")  # alice's
    c.type(dialog.name, "张三丰")
    c.enter(dialog.card)
    assert dialog.message.text() == "手机号 138****0001 已被会员 M000001 使用"
    assert dialog.focusWidget() is dialog.phone
    # The message line takes room of its own: the fields are not squeezed under it.
    assert_laid_out(dialog, [dialog.phone, dialog.name, dialog.card, dialog.message])

    dialog.phone.clear()
    c.type(dialog.phone, "12345")
    c.enter(dialog.card)
    assert "不是有效的中国大陆手机号" in dialog.message.text()

    dialog.phone.clear()
    c.type(dialog.phone, "13912345670")
    c.type(dialog.card, "0a:0b:0c:0d")  # the same card, as another reader prints it
    c.enter(dialog.card)
    assert "已绑定会员" in dialog.message.text()
    assert dialog.focusWidget() is dialog.card
    assert snapshot(c.db) == before
    assert dialog.member is None


def test_a_lost_card_is_reported_lost_by_the_lookup_then_replaced(counter: Counter) -> None:
    c = counter
    member = register_member(c.db, c.world.owner, phone="13700000008", name="孙八",
                             card_uid="11223344")
    dialog = c.open(Qt.Key.Key_F7)
    swipe(c, dialog.card, "11223344")
    assert "正常使用中" in dialog.state.text() and member.member_no in dialog.state.text()

    dialog.lost_button.click()
    c.settle()
    assert dialog.message.text() == f"会员 {member.member_no} 的卡 11223344：已挂失。"
    assert lookup(c.db, c.world.owner, "11223344").outcome is LookupOutcome.CARD_LOST
    c.enter(dialog.card)
    assert dialog.state.text() == f"卡 11223344 已挂失，不能使用（会员 {member.member_no}）"

    c.type(dialog.new_card, "55667788")
    c.enter(dialog.new_card)
    assert "55667788" in dialog.message.text() and "正常" in dialog.message.text()
    assert lookup(c.db, c.world.owner, "11223344").outcome is LookupOutcome.CARD_REPLACED
    hit = lookup(c.db, c.world.owner, "55667788").member
    assert hit is not None and hit.member_no == member.member_no


def test_the_members_cards_are_listed_and_void_asks_twice(counter: Counter) -> None:
    c = counter
    register_member(c.db, c.world.owner, phone="13700000007", name="周九", card_uid="A1A2A3A4")
    hit = lookup(c.db, c.world.owner, "13700000007").member
    assert hit is not None
    c.state.set_member(hit)
    dialog = c.open(Qt.Key.Key_F7)
    assert dialog.heading.text() == f"周九（{hit.member_no}）的会员卡"
    assert dialog.cards.count() == 1 and "A1A2A3A4" in dialog.cards.item(0).text()
    assert dialog.card.text() == "A1A2A3A4"  # the member's one card, ready to act on
    dialog.card.clear()
    c.enter(dialog.card)
    assert dialog.message.text() == "请刷卡或输入卡号。"
    dialog.cards.setCurrentRow(0)
    assert dialog.card.text() == "A1A2A3A4"
    c.enter(dialog.card)
    assert dialog.message.text() == ""  # the earlier "swipe the card" is gone
    assert "A1A2A3A4" in dialog.state.text()

    before = snapshot(c.db)
    dialog.void_button.click()
    assert "再按一次" in dialog.message.text()
    assert snapshot(c.db) == before
    dialog.void_button.click()
    c.settle()
    assert "已作废" in dialog.message.text()
    assert lookup(c.db, c.world.owner, "A1A2A3A4").outcome is LookupOutcome.CARD_VOID
    assert "已作废" in dialog.cards.item(0).text()


def test_a_card_nobody_has_and_garbage(counter: Counter) -> None:
    c = counter
    dialog = c.open(Qt.Key.Key_F7)
    before = snapshot(c.db)
    c.type(dialog.card, "DEADBEEF")
    dialog.lost_button.click()
    c.settle()
    assert dialog.message.text() == "未知卡 DEADBEEF：没有绑定会员"
    dialog.card.clear()
    c.type(dialog.card, "not a card!")
    dialog.lost_button.click()
    c.settle()
    assert dialog.message.text() == "无法识别的卡号 not a card!"
    dialog.card.clear()
    dialog.lost_button.click()
    assert dialog.message.text() == "请刷卡或输入卡号。"
    assert snapshot(c.db) == before
