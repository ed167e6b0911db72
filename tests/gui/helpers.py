"""Driving the UI the way a cashier does: keys, not method calls."""

from __future__ import annotations

from PySide6.QtCore import Qt

from memberdesk.ui.shell.session import AppController


def type_password(qtbot, ui: AppController, username: str, password: str) -> None:  # type: ignore[no-untyped-def]
    picker = ui.login.staff_picker
    index = picker.findData(username)
    assert index >= 0, f"{username} is not on the login screen"
    picker.setCurrentIndex(index)
    ui.login.password.clear()
    qtbot.keyClicks(ui.login.password, password)


def log_in(qtbot, ui: AppController, username: str = "cashier", password: str = "cashier-pass") -> None:  # type: ignore[no-untyped-def]
    type_password(qtbot, ui, username, password)
    with qtbot.waitSignal(ui.logged_in, timeout=10_000):
        qtbot.keyClick(ui.login.password, Qt.Key.Key_Return)


def press_wrong_password(qtbot, ui: AppController, username: str = "cashier") -> None:  # type: ignore[no-untyped-def]
    type_password(qtbot, ui, username, "not-my-password")
    with qtbot.waitSignal(ui.runner.finished, timeout=10_000):
        qtbot.keyClick(ui.login.password, Qt.Key.Key_Return)


def assert_laid_out(window, widgets, gap: int = 4) -> None:  # type: ignore[no-untyped-def]
    """``widgets``, top to bottom, each at least its minimum height and at least
    ``gap`` pixels below the one before: not squeezed together as in a window
    too small for what it shows."""
    window.layout().activate()
    bottom = None
    for w in widgets:
        assert w.height() >= w.minimumHeight(), (w.objectName(), w.height())
        top = w.mapTo(window, w.rect().topLeft()).y()
        if bottom is not None:
            assert top - bottom >= gap, (w.objectName(), top - bottom)
        bottom = top + w.height()
