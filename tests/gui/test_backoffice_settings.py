"""F8 后台 → 设置: the owner changes settings by keys (only what changed is saved,
in one audited step) and the counter follows at once; a manager sees them
read-only; a bad value gets a clear message and nothing is saved."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLineEdit, QSpinBox
from sqlalchemy import select

from memberdesk.models import AuditEntry
from memberdesk.services.shared.settings import change_settings, read_settings
from memberdesk.ui.common.money_input import MoneyEdit
from memberdesk.ui.common.widgets import PickerBox

from .office_1024 import office_page_at
from .tasks_support import Counter, counter_for

SHOTS = os.environ.get("MEMBERDESK_SHOTS", "")

PLAIN = "checkout.plain_amount_confirm_fen"
CTRL = Qt.KeyboardModifier.ControlModifier


def settings_page(c: Counter):  # type: ignore[no-untyped-def]
    office = c.open(Qt.Key.Key_F8)
    c.press(Qt.Key.Key_8, office, CTRL)
    page = office.page("settings")
    assert office.stack.currentWidget() is page
    settle(c, page)
    return office, page


def settle(c: Counter, page) -> None:  # type: ignore[no-untyped-def]
    """Until the page's calls (the save, then the reload it starts) have come back."""
    c.settle()
    c.qtbot.waitUntil(lambda: not page.busy, timeout=10_000)
    c.settle()


def retype(c: Counter, editor, text: str) -> None:  # type: ignore[no-untyped-def]
    """Select the field's text and type over it, then pause as a person does before
    the next key. (Under `stress`, right after the page's first build, a Ctrl+S sent
    in the same event-loop turn as the typing was sometimes not delivered as a
    shortcut on the offscreen platform: 3 of 6 runs; the window was the active one.
    No person types that fast; the pause keeps the test about the page.)"""
    c.qtbot.waitUntil(lambda: editor.window().isActiveWindow(), timeout=5_000)
    editor.setFocus()
    c.qtbot.keyClick(editor, Qt.Key.Key_A, CTRL)
    c.qtbot.keyClicks(editor, text)
    c.qtbot.wait(150)


def audit_rows(c: Counter) -> list[dict[str, object]]:
    with c.db.reader() as r:
        rows = r.session.scalars(select(AuditEntry.detail).where(
            AuditEntry.action == "settings.change")).all()
    return [json.loads(d) for d in rows]


def test_the_owner_lowers_the_plain_amount_line_and_the_counter_follows(owner: Counter) -> None:
    c = owner
    office, page = settings_page(c)
    assert office.nav.item(7).text() == "设置"
    assert page.heading.text() == "设置"
    heads = [h.text() for h in page.section_heads.values()]
    assert heads == ["门店", "收银", "储值", "积分与等级", "员工与交班", "读卡器", "备份", "打印机与小票",
                     "会员分析", "短信"]
    plain = page.editors[PLAIN]
    assert isinstance(plain, MoneyEdit) and plain.text() == "500.00"
    assert page.labels[PLAIN].text() == "直接收款确认金额"
    assert page.notes[PLAIN].text().startswith("默认：¥500.00。")
    assert isinstance(page.editors["points.validity_days"], QSpinBox)
    assert page.editors["points.validity_days"].suffix() == " 天"
    assert isinstance(page.editors["shift.blind_close"], QCheckBox)
    rounding = page.editors["checkout.rounding"]
    assert isinstance(rounding, PickerBox) and rounding.currentText() == "不抹零"
    assert isinstance(page.editors["printer.connection"], QLineEdit)

    retype(c, plain, "300")
    c.press(Qt.Key.Key_S, plain, CTRL)
    settle(c, page)
    assert page.message.text() == "已保存，修改了 1 项设置。"
    assert read_settings(c.db)[PLAIN] == 30_000
    assert audit_rows(c) == [{"before": {PLAIN: 50_000}, "after": {PLAIN: 30_000}}]
    c.enter(plain)  # nothing changed since: nothing saved again
    settle(c, page)
    assert page.message.text() == "没有修改任何设置。"
    assert len(audit_rows(c)) == 1

    c.press(Qt.Key.Key_Escape, office)
    c.settle()
    assert not office.isVisible()
    amount = c.ui.main.cart_panel.amount_field
    c.ui.main.focus_field(amount)
    c.qtbot.keyClicks(amount, "350")
    c.qtbot.keyClick(amount, Qt.Key.Key_Return)
    c.qtbot.waitUntil(lambda: c.ui.counter.cart.plain_dialog is not None)
    dialog = c.ui.counter.cart.plain_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.reason_label.text() == "超过直接收款确认线 ¥300.00，请核对金额。"


def test_a_bad_value_says_which_and_nothing_is_saved(owner: Counter) -> None:
    c = owner
    _office, page = settings_page(c)
    retype(c, page.editors["points.validity_days"], "30")
    retype(c, page.editors["printer.connection"], "lpt1")
    c.enter(page.editors["printer.connection"])
    settle(c, page)
    assert page.message.text().startswith("“小票打印机”（printer.connection）：不是可用的打印机写法")
    assert page.editors["printer.connection"].hasFocus()
    assert read_settings(c.db)["points.validity_days"] == 365 and audit_rows(c) == []
    c.ui.i18n.set_language("en")
    c.qtbot.waitUntil(lambda: page.heading.text() == "Settings")
    assert page.message.text().startswith(
        "Receipt printer (printer.connection): is not a printer address")
    assert page.labels[PLAIN].text() == "Plain amount confirmation above"
    assert page.heading.text() == "Settings"
    retype(c, page.editors["printer.connection"], "network:192.168.1.87")
    c.press(Qt.Key.Key_S, page, CTRL)
    settle(c, page)
    assert page.message.text() == "Saved. Settings changed: 2."
    values = read_settings(c.db)
    assert values["points.validity_days"] == 30
    assert values["printer.connection"] == "network:192.168.1.87"


def test_a_manager_sees_the_settings_but_cannot_change_them(manager: Counter) -> None:
    c = manager
    change_settings(c.db, c.world.owner, {PLAIN: 80_000})
    _office, page = settings_page(c)
    plain = page.editors[PLAIN]
    assert plain.text() == "800.00" and not plain.isEnabled()
    assert not page.save_button.isVisible()
    assert page.read_only_note.text() == "只有老板可以修改设置。"
    c.press(Qt.Key.Key_S, page, CTRL)
    c.settle()
    assert read_settings(c.db)[PLAIN] == 80_000 and len(audit_rows(c)) == 1


def test_a_cashier_has_no_settings_page(qtbot, ui, db, staff) -> None:  # type: ignore[no-untyped-def]
    for cashier in counter_for(qtbot, ui, db, staff, "cashier"):
        office = cashier.open(Qt.Key.Key_F8)
        assert list(office.pages) == ["reports"]


def test_a_test_print_before_saving_the_printer(owner: Counter, tmp_path) -> None:  # type: ignore[no-untyped-def]
    c = owner
    _office, page = settings_page(c)
    connection = page.editors["printer.connection"]
    page.scroller.ensureWidgetVisible(connection)
    retype(c, connection, f"file:{tmp_path}/usb/lp0")  # a device node that is not there
    c.press(Qt.Key.Key_T, connection, CTRL)
    settle(c, page)
    assert page.message.text().startswith("打印机没有连接")
    capture = tmp_path / "lp0"
    retype(c, connection, f"file:{capture}")
    page.editors["printer.open_drawer"].setChecked(True)
    c.press(Qt.Key.Key_T, connection, CTRL)
    settle(c, page)
    assert page.message.text() == "已发送，请查看打印机是否出纸。请查看钱箱是否弹开。"
    sent = capture.read_bytes()
    assert "打印测试".encode("gb18030") in sent and b"\x1bp\x00" in sent  # ESC p 0: the drawer
    assert page.changes() == {"printer.connection": f"file:{capture}",
                              "printer.open_drawer": True}  # tested, not yet saved


def test_find_printers_and_pick_one_by_keys(owner: Counter, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from memberdesk.hardware import printer_devices
    from memberdesk.hardware.printer_devices import FoundPrinter

    c = owner
    _office, page = settings_page(c)
    monkeypatch.setattr(printer_devices, "find_printers", lambda: [])
    connection = page.editors["printer.connection"]
    c.qtbot.waitUntil(lambda: connection.window().isActiveWindow(), timeout=5_000)
    # the page ignores Ctrl+L until its settings are read (a loaded machine: not yet)
    c.qtbot.waitUntil(lambda: page.sheet is not None and not page.busy, timeout=10_000)
    connection.setFocus()  # anywhere on the page: Ctrl+L
    c.press(Qt.Key.Key_L, connection, CTRL)
    settle(c, page)
    assert page.message.text().startswith("没有找到打印机")
    monkeypatch.setattr(printer_devices, "find_printers", lambda: [
        FoundPrinter("usb", "usb:0416:5011", "POS-58 (0416:5011)"),
        FoundPrinter("serial", "serial:/dev/ttyUSB0", "/dev/ttyUSB0")])
    c.press(Qt.Key.Key_L, connection, CTRL)
    settle(c, page)
    dialog = page.printer_pick
    assert dialog is not None and dialog.list.count() == 2
    c.press(Qt.Key.Key_Down, dialog.list)
    c.press(Qt.Key.Key_Return, dialog.list)
    assert page.editors["printer.connection"].text() == "serial:/dev/ttyUSB0"
    assert page.changes() == {"printer.connection": "serial:/dev/ttyUSB0"}


def test_every_help_text_is_inside_the_page_at_1024_in_english(owner: Counter) -> None:
    """The help column wraps instead of running off the right edge (the scroller never
    scrolls sideways): at 1024x768 in English it was cut off."""
    c = owner
    c.ui.main.resize(1024, 768)
    office, page = settings_page(c)
    office.resize(1024 - 40, 768 - 50)
    c.qtbot.keyClick(office, Qt.Key.Key_L,
                     Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    c.qtbot.waitUntil(lambda: office.windowTitle() == "Back office", timeout=5_000)
    c.settle()
    c.qtbot.wait(100)
    viewport = page.scroller.viewport().width()
    assert page.form.width() <= viewport
    outside = [key for key, note in page.notes.items()
               if note.mapTo(page.form, note.rect().topRight()).x() > viewport]
    assert outside == []
    assert all(page.notes[k].text().startswith("Default:") for k in page.notes)


def test_a_test_print_without_a_printer_shows_where_to_type_it(owner: Counter) -> None:
    """A new shop has no printer: the test print says so and puts the cursor in the
    printer field, far down the page."""
    c = owner
    _office, page = settings_page(c)
    page.editors["printer.connection"].setText("")
    page.editors["receipt.paper_mm"].setFocus()
    page.test_print()
    settle(c, page)
    assert page.focusWidget() is page.editors["printer.connection"]
    assert page.message.text().startswith("请先填写打印机地址")


TIME_ZONE = "shop.timezone_offset_minutes"


def test_the_time_zone_is_picked_by_place_and_saved_in_minutes(owner: Counter) -> None:
    """A blind trial: "时区（与 UTC 相差的分钟数）" and 480 told a new owner nothing.
    Issue 11 (a second trial): UTC+8:45 尤克拉 sat right under Beijing and places with
    summer time were named beside a fixed offset. The setting is a fixed offset: Beijing
    first, the common offsets, a line, the others west to east, only places that keep
    their offset all year, and the note says why the others are missing."""
    c = owner
    _office, page = settings_page(c)
    zone = page.editors[TIME_ZONE]
    assert isinstance(zone, PickerBox)
    assert page.labels[TIME_ZONE].text() == "时区"
    assert zone.currentText() == "UTC+8 北京时间（中国）"
    assert page.notes[TIME_ZONE].text().startswith("默认：UTC+8 北京时间（中国）。")
    assert page.notes[TIME_ZONE].text().endswith("有夏令时的地区不在列表中。")
    texts = [zone.itemText(i) for i in range(zone.count())]
    assert texts[:7] == ["UTC+8 北京时间（中国）", "UTC+9 东京、首尔", "UTC+7 曼谷、河内、雅加达",
                         "UTC+5:30 印度、斯里兰卡", "UTC+4 迪拜", "UTC+3 莫斯科、伊斯坦布尔、利雅得", ""]
    others = [int(zone.itemData(i)) for i in range(7, zone.count())]
    assert others == sorted(others) and others[0] == -660 and others[-1] == 840
    assert len(texts) <= 30  # small
    summer = ("尤克拉", "纽约", "伦敦", "悉尼", "巴黎", "洛杉矶", "芝加哥", "阿德莱德", "奥克兰", "纽芬兰")
    assert not [t for t in texts if any(place in t for place in summer)]
    assert all(len(t.split(" ", 1)) == 2 for t in texts if t)  # each offset with its places

    zone.setFocus()
    c.press(Qt.Key.Key_Down, zone)  # the next common one after Beijing
    assert zone.currentText() == "UTC+9 东京、首尔"
    c.press(Qt.Key.Key_S, zone, CTRL)
    settle(c, page)
    assert page.message.text() == "已保存，修改了 1 项设置。"
    assert read_settings(c.db)[TIME_ZONE] == 540  # the same setting, in minutes
    c.ui.i18n.set_language("en")
    c.qtbot.waitUntil(lambda: page.heading.text() == "Settings")
    assert page.labels[TIME_ZONE].text() == "Time zone"
    assert zone.currentText() == "UTC+9 Tokyo, Seoul"
    assert page.notes[TIME_ZONE].text().startswith("Default: UTC+8 Beijing time (China).")
    assert page.notes[TIME_ZONE].text().endswith("places with summer time are not listed.")


def test_a_time_zone_stored_by_other_means_is_shown_and_kept(owner: Counter) -> None:
    c = owner
    change_settings(c.db, c.world.owner, {TIME_ZONE: 100})  # e.g. `memberdesk settings`
    _office, page = settings_page(c)
    zone = page.editors[TIME_ZONE]
    assert zone.currentText() == "UTC+1:40"
    assert zone.itemText(zone.currentIndex() - 1).startswith("UTC+1 ")  # in its place
    assert zone.itemText(zone.currentIndex() + 1).startswith("UTC+2 ")
    assert page.changes() == {}  # saving the page does not move the shop's clock


@pytest.mark.parametrize("screen", [(1024, 768), (1366, 768)])
@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_form_has_the_height_and_every_help_reads_whole(
        owner: Counter, lang: str, screen: tuple[int, int]) -> None:
    """A blind trial at 1024x768: the form showed in a strip (the buttons under it) and
    the help stood in a column 215 px wide, five lines a setting. The buttons sit
    beside the heading, whole; where the form is narrow each help goes under its field,
    as wide as the field's and the help's columns, every line of it shown."""
    c = owner
    office, page = office_page_at(c, lang, screen, "settings")
    settle(c, page)
    c.qtbot.wait(100)
    if SHOTS:
        office.grab().save(str(Path(SHOTS) / f"settings-{screen[0]}-{lang}.png"))
    assert page.scroller.viewport().height() >= 550, page.scroller.viewport().height()
    for button in (page.find_printers_button, page.test_print_button, page.save_button):
        assert button.isVisible() and button.width() >= button.sizeHint().width()
    narrow = {key: note.width() for key, note in page.notes.items() if note.width() < 400}
    assert not narrow, narrow
    cut = [key for key, note in page.notes.items()
           if note.height() < note.heightForWidth(note.width())]
    assert not cut, cut
    footer = page.editors["shop.receipt_footer_en"]  # a text field shows its text whole
    assert footer.width() >= footer.fontMetrics().horizontalAdvance(footer.text()) + 28


def test_the_language_setting_says_it_is_the_shops_not_the_windows(owner: Counter) -> None:
    """The trial switched to English at log-in and read "Language: Chinese": the setting
    is the shop's (messages, reports from the command line), not this window's."""
    c = owner
    c.ui.i18n.set_language("en")
    _office, page = settings_page(c)
    key = "shop.language"
    assert page.labels[key].text() == "Shop's default language"
    assert "each till's window keeps the language picked at log-in" in page.notes[key].text()
    c.ui.i18n.set_language("zh_CN")
    c.qtbot.waitUntil(lambda: page.labels[key].text() == "店铺默认语言", timeout=5_000)
    assert "登录界面" in page.notes[key].text()


def test_the_wheel_scrolls_the_page_past_a_choice_it_does_not_change(owner: Counter) -> None:
    """A blind trial scrolled 设置 with the wheel: the scroll stopped on 界面语言 and
    turned it to English, no click. A choice or a number takes the wheel only while it
    is being edited (focused); otherwise it leaves the event to the page under it (Qt
    hands a spontaneous wheel event the widget ignored to its parent: the page scrolls)."""
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    c = owner
    _office, page = settings_page(c)
    box = page.editors["shop.language"]
    count = next(e for e in page.editors.values() if isinstance(e, QSpinBox))
    assert isinstance(box, PickerBox)

    def wheel(widget) -> bool:  # type: ignore[no-untyped-def]
        """A turn of the wheel (down) over ``widget``: whether it took it."""
        at = QPointF(widget.rect().center())
        event = QWheelEvent(at, QPointF(widget.mapToGlobal(at.toPoint())), QPoint(),
                            QPoint(0, -120), Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(widget, event)
        c.settle()
        return event.isAccepted()

    page.save_button.setFocus()
    choice, number = box.currentIndex(), count.value()
    assert not wheel(box) and not wheel(count)  # left to the page
    assert (box.currentIndex(), count.value()) == (choice, number)  # neither changed
    assert page.changes() == {}
    box.setFocus()  # being edited: the wheel turns it
    assert wheel(box) and box.currentIndex() != choice


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_every_choice_shows_its_longest_option_whole(owner: Counter, lang: str) -> None:
    """A trial read 积分计算基数 as "实付（不含积分抵扣" (the bracket cut: every choice
    was 240 px). A choice is as wide as its longest option, up to the page's room."""
    _office, page = office_page_at(owner, lang, (1024, 768), "settings")
    settle(owner, page)
    cut = {}
    for key, box in page.editors.items():
        if isinstance(box, PickerBox):
            widest = max(box.fontMetrics().horizontalAdvance(box.itemText(i))
                         for i in range(box.count()))
            if box.width() < widest + 40:  # the text's padding and the arrow
                cut[key] = (box.width(), widest)
    assert not cut, cut
