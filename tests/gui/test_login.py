"""The login screen, logging in, locking and logging out."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from memberdesk.money import Money
from memberdesk.services.shifts import shift as shifts
from memberdesk.ui.shell.session import AppController

from .helpers import log_in, press_wrong_password


def test_login_screen_shows_the_shop_and_its_staff(ui: AppController) -> None:
    login = ui.login
    assert login.isVisible()
    assert not ui.main.isVisible()
    assert login.shop_label.text() == "测试便利店"
    assert "测试便利店" in login.windowTitle()
    assert login.subtitle.text() == "员工登录"
    names = [login.staff_picker.itemText(i) for i in range(login.staff_picker.count())]
    # The user name (what the README, the approval box and `--user` use) beside the
    # display name.
    assert names == ["王老板 (owner)", "李店长 (manager)", "张收银 (cashier)"]
    assert login.login_button.text() == "登录（回车）"
    assert login.error_label.text() == ""


def test_right_password_and_enter_open_the_counter(qtbot, ui: AppController) -> None:  # type: ignore[no-untyped-def]
    log_in(qtbot, ui, "cashier", "cashier-pass")

    assert ui.main.isVisible()
    assert not ui.login.isVisible()
    status = ui.main.status
    assert status.staff_label.text() == "值班：张收银（收银员）"
    assert status.shop_label.text() == "门店：测试便利店"
    assert status.reader_label.text() == "读卡器：未连接"
    assert status.printer_label.text() == "打印机：未设置"
    qtbot.waitUntil(lambda: not ui.runner.busy)  # the shift and the backup status are in
    assert status.shift_label.text() == "班次：未开班"
    assert status.backup_label.text() == "上次备份：从未备份"
    assert ui.main.actor is not None and ui.main.actor.username == "cashier"
    assert ui.main.focusWidget() is ui.main.lookup
    assert ui.login.password.text() == ""  # no password left behind


def test_wrong_password_shows_the_service_message_and_stays(qtbot, ui: AppController) -> None:  # type: ignore[no-untyped-def]
    press_wrong_password(qtbot, ui)

    assert ui.login.error_label.text() == "用户名或密码错误"
    assert ui.login.isVisible()
    assert not ui.main.isVisible()
    assert ui.main.actor is None
    assert ui.login.login_button.isEnabled()


def test_too_many_wrong_passwords_show_the_lock_message(qtbot, ui: AppController) -> None:  # type: ignore[no-untyped-def]
    for _ in range(5):  # staff.max_failed_logins defaults to 5
        press_wrong_password(qtbot, ui)
    assert ui.login.error_label.text() == "密码错误次数过多，账号已锁定，请 15 分钟后再试"

    # Even the right password is refused while locked.
    from .helpers import type_password

    type_password(qtbot, ui, "cashier", "cashier-pass")
    with qtbot.waitSignal(ui.runner.finished):
        qtbot.keyClick(ui.login.password, Qt.Key.Key_Return)
    assert "已锁定" in ui.login.error_label.text()
    assert not ui.main.isVisible()


def test_enter_without_a_password_asks_for_one(qtbot, ui: AppController) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(ui.login.password, Qt.Key.Key_Return)
    assert ui.login.error_label.text() == "请输入密码"
    assert not ui.runner.busy


def test_up_and_down_in_the_password_field_pick_the_staff_member(qtbot, ui: AppController) -> None:  # type: ignore[no-untyped-def]
    picker = ui.login.staff_picker
    picker.setCurrentIndex(0)
    qtbot.keyClick(ui.login.password, Qt.Key.Key_Down)
    assert ui.login.selected_username == "manager"
    qtbot.keyClick(ui.login.password, Qt.Key.Key_Up)
    qtbot.keyClick(ui.login.password, Qt.Key.Key_Up)
    assert ui.login.selected_username == "cashier"


def test_pick_a_name_then_enter_moves_to_the_password(qtbot, ui: AppController) -> None:  # type: ignore[no-untyped-def]
    ui.login.activateWindow()
    ui.login.staff_picker.setFocus()
    qtbot.waitUntil(ui.login.staff_picker.hasFocus)
    qtbot.keyClick(ui.login.staff_picker, Qt.Key.Key_Return)
    qtbot.waitUntil(ui.login.password.hasFocus)


def test_f9_locks_back_to_login_and_the_same_staff_unlocks(qtbot, ui: AppController) -> None:  # type: ignore[no-untyped-def]
    log_in(qtbot, ui, "cashier", "cashier-pass")

    qtbot.keyClick(ui.main, Qt.Key.Key_F9)

    assert ui.login.isVisible()
    assert not ui.main.isVisible()
    assert ui.login.selected_username == "cashier"
    assert ui.login.password.text() == ""
    log_in(qtbot, ui, "cashier", "cashier-pass")
    assert ui.main.isVisible()
    assert ui.main.status.staff_label.text() == "值班：张收银（收银员）"


def test_another_staff_member_can_unlock_and_takes_over(qtbot, ui: AppController) -> None:  # type: ignore[no-untyped-def]
    log_in(qtbot, ui, "cashier", "cashier-pass")
    qtbot.keyClick(ui.main, Qt.Key.Key_F9)
    log_in(qtbot, ui, "manager", "manager-pass")
    assert ui.main.status.staff_label.text() == "值班：李店长（店长）"


def test_shift_f9_logs_out_and_forgets_the_staff_member(qtbot, ui: AppController) -> None:  # type: ignore[no-untyped-def]
    log_in(qtbot, ui, "owner", "owner-pass")
    ui.main.lookup.setText("1380")

    qtbot.keyClick(ui.main, Qt.Key.Key_F9, Qt.KeyboardModifier.ShiftModifier)

    assert ui.login.isVisible()
    assert not ui.main.isVisible()
    assert ui.main.actor is None
    assert ui.main.status.staff_label.text() == "值班：—"
    assert ui.main.lookup.text() == ""


def test_ctrl_q_asks_the_application_to_quit(qtbot, ui: AppController) -> None:  # type: ignore[no-untyped-def]
    log_in(qtbot, ui)
    with qtbot.waitSignal(ui.exit_requested) as blocker:
        qtbot.keyClick(ui.main, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args == [0]


def test_the_key_bar_shows_only_working_keys(qtbot, ui: AppController) -> None:  # type: ignore[no-untyped-def]
    log_in(qtbot, ui)
    texts = [b.text() for b in ui.main.key_bar.buttons]
    # The counter's own keys around the counter tasks' F3–F8, the session keys last.
    assert texts[:1] + texts[-5:] == [
        "F2\n查找会员", "F12\n结账", "Esc\n清除", "F9\n锁屏", "Shift+F9\n注销登录", "Ctrl+Q\n退出程序",
    ]
    assert all(b.action.isEnabled() for b in ui.main.key_bar.buttons)
    ui.main.key_bar.buttons[-3].click()
    assert ui.login.isVisible()


def test_accounts_added_while_the_counter_was_open_appear_after_locking(qtbot, ui: AppController, db, staff) -> None:  # type: ignore[no-untyped-def]
    from memberdesk.models.enums import Role
    from memberdesk.services.staff import accounts as staff_svc

    log_in(qtbot, ui, "owner", "owner-pass")
    staff_svc.create_staff(
        db, staff["owner"], username="temp", display_name="临时工", role=Role.CASHIER,
        password="temp-pass",
    )
    qtbot.keyClick(ui.main, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: ui.login.staff_picker.count() == 4)
    assert ui.login.selected_username == "owner"


def test_choosing_another_staff_member_clears_the_wrong_password_and_its_message(qtbot, ui: AppController) -> None:  # type: ignore[no-untyped-def]
    login = ui.login
    press_wrong_password(qtbot, ui)  # the cashier's
    assert login.error_label.text() == "用户名或密码错误"
    assert login.password.text()  # kept (selected) to be typed over

    login.activateWindow()
    login.staff_picker.setFocus()
    qtbot.waitUntil(login.staff_picker.hasFocus)
    qtbot.keyClick(login.staff_picker, Qt.Key.Key_Up)  # another name in the list
    assert login.selected_username == "manager"
    assert login.error_label.text() == ""
    assert login.password.text() == ""

    press_wrong_password(qtbot, ui)  # again; now Up/Down in the password field
    assert login.error_label.text() == "用户名或密码错误"
    qtbot.keyClick(login.password, Qt.Key.Key_Up)
    assert login.selected_username == "manager"
    assert login.error_label.text() == ""
    assert login.password.text() == ""


@pytest.fixture
def cashier_shift_open(db: Any, staff: dict[str, Any]) -> None:
    """The cashier left a shift open on this till (before the login screen opens: list
    it before ``ui``)."""
    shifts.open_shift(db, staff["cashier"], Money(0))


def test_the_cashier_with_a_shift_open_on_this_till_is_chosen_first(cashier_shift_open: None, ui: AppController) -> None:
    # (without a shift open, the first in the list: the owner)
    assert ui.login.selected_username == "cashier"


@pytest.fixture
def manager_shift_open_too(cashier_shift_open: None, db: Any, staff: dict[str, Any]) -> None:
    """The manager opened a shift on this till after the cashier's."""
    shifts.open_shift(db, staff["manager"], Money(0))


def test_of_several_shifts_open_the_latest_is_chosen_first(manager_shift_open_too: None, ui: AppController) -> None:
    assert ui.login.selected_username == "manager"
