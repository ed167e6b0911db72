"""F10 会员资料: change the counter's member's name, mobile, birthday and notes;
only what changed is saved; bad input writes nothing."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from memberdesk.services.members.details import get_member
from memberdesk.services.members.lookup import lookup
from tests.checkout_support.kit import snapshot

from .tasks_support import Counter, counter_for


@pytest.fixture
def counter(qtbot, ui, db, staff):  # type: ignore[no-untyped-def]
    yield from counter_for(qtbot, ui, db, staff)


def test_f10_without_a_member_says_to_find_one(counter: Counter) -> None:
    c = counter
    c.press(Qt.Key.Key_F10)
    assert c.tasks.dialog is None
    assert c.ui.main.banner.text == "请先找到会员：刷卡或在上方搜索，然后按 F10。"


def test_the_details_are_changed_from_the_keyboard(counter: Counter) -> None:
    c = counter
    c.select_member("alice")
    dialog = c.open(Qt.Key.Key_F10)
    assert dialog.heading.text() == "张三（M000001）的资料"
    assert dialog.name.text() == "张三"
    assert dialog.phone.text() == "" and "138****0001" in dialog.phone.placeholderText()

    dialog.name.clear()
    c.type(dialog.name, "张三丰")
    c.enter(dialog.name)
    assert dialog.focusWidget() is dialog.phone  # Enter moves on
    c.type(dialog.birthday, "1988-5-20")  # not a date as written
    c.enter(dialog.notes)
    assert dialog.message.text() == "生日请按 年-月-日 填写，例如 1988-05-20。"
    assert dialog.focusWidget() is dialog.birthday
    dialog.birthday.clear()
    c.type(dialog.birthday, "1988-05-20")
    c.type(dialog.notes, "只喝无糖可乐")
    before = snapshot(c.db)
    c.enter(dialog.notes)
    assert dialog.message.text() == "已保存。"
    assert dialog.save_button.text() == "完成（回车）"

    m = get_member(c.db, c.world.owner, "M000001")
    assert (m.name, m.birthday, m.notes) == ("张三丰", date(1988, 5, 20), "只喝无糖可乐")
    assert m.phone == "13800000001"  # the masked phone left alone is not changed
    assert c.state.member is not None and c.state.member.name == "张三丰"  # the counter too
    assert [h.name for h in lookup(c.db, c.world.owner, "zsf").members] == ["张三丰"]  # initials
    assert snapshot(c.db) != before
    c.enter(dialog.notes)
    assert not dialog.isVisible()


def test_a_taken_phone_writes_nothing(counter: Counter) -> None:
    c = counter
    c.select_member("alice")
    dialog = c.open(Qt.Key.Key_F10)
    c.type(dialog.phone, "13800000002")  # bob's
    before = snapshot(c.db)
    dialog.save_button.click()
    c.settle()
    assert dialog.message.text() == "手机号 138****0002 已被会员 M000002 使用"
    assert snapshot(c.db) == before
    dialog.phone.clear()
    dialog.save_button.click()
    assert dialog.message.text() == "没有修改任何内容。"


def test_the_unsubscribed_box_marks_and_clears_the_members_phone(counter: Counter) -> None:
    c = counter
    c.select_member("alice")
    dialog = c.open(Qt.Key.Key_F10)
    assert dialog.unsubscribed.text() == "已退订营销短信（回复 R / 退订）"
    assert not dialog.unsubscribed.isChecked()
    dialog.unsubscribed.setChecked(True)  # she replied R at the counter
    c.enter(dialog.notes)
    assert dialog.message.text() == "已保存。"
    assert get_member(c.db, c.world.owner, "M000001").sms_unsubscribed
    c.enter(dialog.notes)
    again = c.open(Qt.Key.Key_F10)
    assert again.unsubscribed.isChecked()
    again.unsubscribed.setChecked(False)
    c.enter(again.notes)
    assert not get_member(c.db, c.world.owner, "M000001").sms_unsubscribed
