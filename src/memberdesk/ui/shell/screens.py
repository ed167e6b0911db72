"""Moving between the application's top-level screens (login, counter, shop set-up)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def switch_screen(show: QWidget, hide: QWidget) -> None:
    """``show`` where ``hide`` was, then ``hide`` hidden."""
    # Show first: hiding the only visible window could end the application.
    # The geometry too when maximised: without a window manager (a bare X server)
    # the state alone leaves the window at its own size (fill_screen).
    show.setGeometry(hide.geometry())
    if hide.isMaximized() or hide.isFullScreen():
        show.setWindowState(hide.windowState())
    show.show()
    show.raise_()
    show.activateWindow()
    hide.hide()


def fill_screen(window: QWidget) -> None:
    """Maximised, on a real desktop and without a window manager: there nobody
    resizes a window asked to be maximised, so it first takes the screen's
    available area itself (which a window manager then maximises as usual)."""
    window.setGeometry(window.screen().availableGeometry())
    window.showMaximized()
