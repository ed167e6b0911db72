"""The login screen and the counter fill the screen when started maximised, also on
an X server without a window manager (a bare Xvfb, a kiosk set-up), where
``showMaximized`` alone leaves the window at its own size in the corner. (This fails
without the fix under ``xvfb-run`` with ``QT_QPA_PLATFORM=xcb``; the offscreen platform
maximises by itself.)"""

from __future__ import annotations

from .helpers import log_in


def test_started_maximised_the_windows_fill_the_screen(qtbot, ui) -> None:  # type: ignore[no-untyped-def]
    ui.login.hide()
    ui.start(maximized=True)
    room = ui.login.screen().availableGeometry()
    qtbot.waitUntil(lambda: ui.login.isVisible())
    qtbot.wait(100)
    filled = ui.login.frameGeometry()
    assert filled.width() >= room.width() and filled.height() >= room.height()
    log_in(qtbot, ui)
    qtbot.waitUntil(lambda: ui.main.isVisible())
    qtbot.wait(100)
    filled = ui.main.frameGeometry()  # (the offscreen platform's screen is narrower
    assert filled.width() >= room.width() and filled.height() >= room.height()  # than it)
    assert ui.main.isMaximized()
