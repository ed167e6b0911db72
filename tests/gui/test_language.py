"""Switching between Chinese and English at runtime."""

from __future__ import annotations

from PySide6.QtCore import Qt

from memberdesk.money import Money
from memberdesk.services.shared.errors import NotFoundError
from memberdesk.ui.shell.session import AppController

from .helpers import log_in, press_wrong_password


def test_the_login_screen_switches_to_english_and_back(qtbot, ui: AppController) -> None:  # type: ignore[no-untyped-def]
    login = ui.login
    press_wrong_password(qtbot, ui)
    assert login.language_button.text() == "English"

    qtbot.mouseClick(login.language_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: login.login_button.text() == "Log in (Enter)")

    assert ui.i18n.language == "en"
    assert login.subtitle.text() == "Staff login"
    assert login.staff_label.text() == "&Staff"
    assert login.error_label.text() == "Wrong user name or password"  # the service's error, re-rendered
    assert login.language_button.text() == "中文"
    assert login.shop_label.text() == "测试便利店"  # data is not translated

    qtbot.keyClick(login, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: login.login_button.text() == "登录（回车）")
    assert login.error_label.text() == "用户名或密码错误"


def test_the_counter_switches_to_english(qtbot, ui: AppController) -> None:  # type: ignore[no-untyped-def]
    log_in(qtbot, ui)
    qtbot.waitUntil(lambda: not ui.runner.busy)  # the shift and the backup status are in
    main = ui.main
    main.totals_panel.set_totals(3, Money(123450), Money(-450), Money(123000))
    main.banner.show_user_error(NotFoundError("member_not_found", key="0001"))
    assert main.totals_panel.due_value.text() == "¥1,230.00"
    assert main.banner.text == "找不到会员 0001"

    qtbot.keyClick(main, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: main.status.staff_label.text() == "On duty: 张收银 (Cashier)")

    assert main.status.shop_label.text() == "Shop: 测试便利店"
    assert main.status.reader_label.text() == "Reader: not connected"
    assert main.status.printer_label.text() == "Printer: none"
    assert main.status.backup_label.text() == "Backup: never"
    texts = [b.text() for b in main.key_bar.buttons]
    assert texts[:1] + texts[-5:] == [
        "F2\nFind member",
        "F12\nPay",
        "Esc\nClear",
        "F9\nLock screen",
        "Shift+F9\nLog out",
        "Ctrl+Q\nQuit",
    ]
    assert main.system_menu.title() == "&System"
    assert main.member_panel.title.text() == "Member"
    assert main.cart_panel.title.text() == "Cart"
    assert main.totals_panel.due_caption.text() == "Amount due"
    assert main.totals_panel.discount_value.text() == "-¥4.50"
    assert main.banner.text == "No member 0001"
    assert "counter" in main.windowTitle()
    header = main.cart_panel.table.model()
    assert [header.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == [
        "Item",
        "Qty",
        "Price",
        "Disc.",  # short: the item names keep the room at 1024 (test_counter_fits_1024)
        "Amount",
    ]

    ui.i18n.set_language("zh_CN")
    qtbot.waitUntil(lambda: main.status.staff_label.text() == "值班：张收银（收银员）")
    assert main.cart_panel.title.text() == "购物清单"
    assert main.totals_panel.due_caption.text() == "应收金额"


def test_the_hidden_window_is_translated_too(qtbot, ui: AppController) -> None:  # type: ignore[no-untyped-def]
    ui.i18n.set_language("en")
    qtbot.waitUntil(lambda: ui.login.subtitle.text() == "Staff login")
    log_in(qtbot, ui)
    assert ui.main.status.staff_label.text() == "On duty: 张收银 (Cashier)"


def test_ctrl_shift_l_works_inside_a_dialog(qtbot, ui: AppController) -> None:  # type: ignore[no-untyped-def]
    from memberdesk.ui.counter.actions import counter_tasks_of

    log_in(qtbot, ui)
    qtbot.waitUntil(lambda: not ui.runner.busy)
    tasks = counter_tasks_of(ui.main)
    assert tasks is not None
    qtbot.keyClick(ui.main, Qt.Key.Key_F5)  # the shift dialog (modal)
    dialog = tasks.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: not ui.runner.busy)
    before = dialog.close_button.text()
    qtbot.keyClick(dialog, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: ui.i18n.language == "en")
    assert before == "取消（Esc）"
    qtbot.waitUntil(lambda: dialog.close_button.text() == "Cancel (Esc)")
    assert ui.main.status.shop_label.text() == "Shop: 测试便利店"  # the counter behind too
