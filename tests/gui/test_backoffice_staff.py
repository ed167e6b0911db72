"""F8 后台 → 员工: the owner adds a cashier who can then log in, resets a
forgotten password (lifting a lock), disables and enables an account; a manager
is offered cashiers only, and the services refuse the rest."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from memberdesk.services.shared.errors import AuthError
from memberdesk.services.staff import accounts as staff_service

from .tasks_support import Counter


def staff_page(c: Counter):  # type: ignore[no-untyped-def]
    office = c.open(Qt.Key.Key_F8)
    c.press(Qt.Key.Key_4, office, Qt.KeyboardModifier.ControlModifier)
    page = office.page("staff")
    assert office.stack.currentWidget() is page
    c.settle()
    return page


def rows(page) -> list[tuple[str, ...]]:  # type: ignore[no-untyped-def]
    return [tuple(page.table.item(r, c).text() for c in range(4))
            for r in range(page.table.rowCount())]


def select(page, username: str) -> None:  # type: ignore[no-untyped-def]
    for r in range(page.table.rowCount()):
        if page.table.item(r, 1).text() == username:
            page.table.selectRow(r)
            return
    raise AssertionError(username)


def test_the_owner_adds_a_cashier_who_can_log_in(owner: Counter) -> None:
    c = owner
    page = staff_page(c)
    assert page.heading.text() == "员工账号"
    usernames = [r[1] for r in rows(page)]
    assert {"owner", "manager", "cashier"} <= set(usernames)
    assert [page.new_role.itemText(i) for i in range(page.new_role.count())] == \
        ["收银员", "店长", "老板"]

    page.password.setText("wang-pass")
    page.add_button.click()  # no user name yet
    assert page.message.text() == "请填写登录用户名。"
    page.password.clear()
    c.qtbot.keyClicks(page.username, "xiaowang")
    c.enter(page.username)
    assert page.focusWidget() is page.display_name  # Enter moves on through the form
    page.display_name.setText("小王")
    c.qtbot.keyClicks(page.password, "wang-pass")
    c.qtbot.keyClicks(page.password_again, "wang-typo")
    page.add_button.click()
    assert page.message.text() == "两次输入的密码不一致，请重新输入。"
    assert page.password_again.text() == ""

    c.qtbot.keyClicks(page.password_again, "wang-pass")
    c.enter(page.password_again)  # Enter in the last field adds
    c.settle()
    assert page.message.text() == "小王 现在可以用 xiaowang 登录（收银员）。"
    assert ("小王", "xiaowang", "收银员", "正常") in rows(page)
    assert page.selected is not None and page.selected.username == "xiaowang"
    assert page.new_role.currentText() == "收银员" and page.username.text() == ""
    assert staff_service.login(c.db, "xiaowang", "wang-pass").display_name == "小王"

    page.username.setText("xiaowang")  # the same user name again: the service says no
    page.password.setText("another-1")
    page.password_again.setText("another-1")
    page.add_button.click()
    c.settle()
    assert "xiaowang" in page.message.text() and page.message.property("tone") == "error"


def test_a_forgotten_password_and_disabling(owner: Counter) -> None:
    c = owner
    for _ in range(5):
        with pytest.raises(AuthError):
            staff_service.login(c.db, "cashier", "forgot-it")
    page = staff_page(c)
    assert any(r[1] == "cashier" and r[3].startswith("锁定至") for r in rows(page))
    select(page, "cashier")
    assert page.selected_heading.text() == "张收银 (cashier)"
    page.reset_password_edit.setText("new-cashier")
    page.reset_again.setText("new-cashier")
    c.enter(page.reset_again)  # Enter in the last field sets it
    c.settle()
    assert page.message.text() == "已为 张收银 设置新密码，张收银 以后用新密码登录。"
    assert any(r[1] == "cashier" and r[3] == "正常" for r in rows(page))
    assert staff_service.login(c.db, "cashier", "new-cashier").username == "cashier"

    assert page.active_button.text() == "停用"
    page.active_button.click()
    c.settle()
    assert page.message.text() == "张收银 已停用，不能再登录。"
    assert any(r[1] == "cashier" and r[3] == "已停用" for r in rows(page))
    with pytest.raises(AuthError):
        staff_service.login(c.db, "cashier", "new-cashier")
    assert page.active_button.text() == "启用"
    page.active_button.click()
    c.settle()
    assert staff_service.login(c.db, "cashier", "new-cashier").username == "cashier"

    select(page, "owner")  # one's own account: not disabled, nor its password reset, here
    assert not page.active_button.isEnabled()
    assert not page.reset_button.isEnabled()


def test_a_manager_manages_cashiers_only(manager: Counter) -> None:
    c = manager
    page = staff_page(c)
    assert [page.new_role.itemText(i) for i in range(page.new_role.count())] == ["收银员"]
    select(page, "owner")
    assert not page.reset_button.isEnabled() and not page.active_button.isEnabled()
    select(page, "cashier")
    assert page.reset_button.isEnabled() and page.active_button.isEnabled()
