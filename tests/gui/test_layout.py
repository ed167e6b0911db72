"""The counter fits a 1024x768 screen in both languages and big amounts fit."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontMetrics

from memberdesk.money import Money
from memberdesk.ui.shell.session import AppController

from .helpers import log_in


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_windows_fit_1024_by_768(qtbot, ui: AppController, lang: str) -> None:  # type: ignore[no-untyped-def]
    ui.i18n.set_language(lang)
    log_in(qtbot, ui)
    ui.main.resize(1024, 768)
    qtbot.waitUntil(lambda: ui.main.width() == 1024)
    hint = ui.main.minimumSizeHint()
    assert hint.width() <= 1024 and hint.height() <= 768
    assert ui.login.minimumSizeHint().width() <= 1024


def test_a_big_amount_due_shrinks_to_fit(qtbot, ui: AppController) -> None:  # type: ignore[no-untyped-def]
    log_in(qtbot, ui)
    ui.main.resize(1024, 768)
    qtbot.waitUntil(lambda: ui.main.width() == 1024)
    label = ui.main.totals_panel.due_value
    normal = label.font().pointSizeF()
    assert normal == 36

    ui.main.totals_panel.set_totals(1, Money(9_999_999_99), Money(0), Money(9_999_999_99))

    assert label.text() == "¥9,999,999.99"
    assert QFontMetrics(label.font()).horizontalAdvance(label.text()) <= label.contentsRect().width()
    assert label.font().pointSizeF() < normal

    ui.main.totals_panel.set_totals(0, Money(0), Money(0), Money(0))
    assert label.font().pointSizeF() == normal


def test_the_lookup_field_has_the_focus(qtbot, ui: AppController) -> None:  # type: ignore[no-untyped-def]
    log_in(qtbot, ui)
    assert ui.main.focusWidget() is ui.main.lookup
    assert ui.main.lookup.placeholderText().startswith("刷卡")


def test_counter_keys_go_left_of_the_session_keys(qtbot, ui: AppController) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QAction, QKeySequence

    log_in(qtbot, ui)
    action = QAction("Extra", ui.main)
    action.setShortcut(QKeySequence("F11"))
    ui.main.key_bar.add_action(action)
    texts = [b.text() for b in ui.main.key_bar.buttons]
    assert texts[:1] == ["F2\n查找会员"]
    assert texts[-6:] == [
        "F12\n结账", "Esc\n清除", "F11\nExtra", "F9\n锁屏", "Shift+F9\n注销登录", "Ctrl+Q\n退出程序",
    ]
    action.setText("新功能")
    assert ui.main.key_bar.buttons[-4].text() == "F11\n新功能"
    for width in (1366, 1024):
        ui.main.resize(width, 768)
        qtbot.waitUntil(lambda width=width: ui.main.width() == width)
        buttons = ui.main.key_bar.buttons
        counter_right = max(b.mapTo(ui.main, b.rect().topRight()).x() for b in buttons[:-3])
        session_left = min(b.mapTo(ui.main, b.rect().topLeft()).x() for b in buttons[-3:])
        assert counter_right < session_left  # the counter keys wrap, never under the session keys
        assert all(b.isVisible() and b.width() >= b.sizeHint().width() for b in buttons)


def test_the_cart_headings_are_never_clipped(qtbot, ui: AppController) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFont

    log_in(qtbot, ui)
    ui.main.resize(1024, 768)
    qtbot.waitUntil(lambda: ui.main.width() == 1024)
    ui.counter.cart.add_amount(Money(5))  # a short amount: narrow contents
    ui.i18n.set_language("en")  # longer headings than 单价, 金额
    qtbot.wait(50)
    table = ui.main.cart_panel.table
    model, header = table.model(), table.horizontalHeader()
    font = QFont(header.font())
    font.setBold(True)
    shown = [c for c in range(1, model.columnCount()) if not header.isSectionHidden(c)]
    assert len(shown) >= 3
    for col in shown:
        text = model.headerData(col, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        assert header.sectionSize(col) >= QFontMetrics(font).horizontalAdvance(text) + 12, text
    # ...and the item names keep most of the room, with no sideways scrolling at 1024.
    assert table.columnWidth(0) >= table.viewport().width() // 3
    assert not table.horizontalScrollBar().isVisible()
