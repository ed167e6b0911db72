"""``memberdesk.ui.shell.app.run``: the whole start-up, as ``memberdesk`` calls it."""

from __future__ import annotations

import faulthandler
import logging
import sys
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from memberdesk.paths import DataPaths
from memberdesk.ui.shell.app import run
from memberdesk.ui.shell.login import LoginScreen


@pytest.fixture(autouse=True)
def _restore_logging_and_hooks() -> Iterator[None]:
    hooks = (sys.excepthook, threading.excepthook)
    yield
    assert (sys.excepthook, threading.excepthook) == hooks, "run() left its crash hook installed"
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_memberdesk", False):
            root.removeHandler(handler)
            handler.close()
    faulthandler.enable(sys.__stderr__, all_threads=True)  # pytest's, not the shop's file


@pytest.fixture
def watchdog() -> Iterator[None]:
    """End a stuck event loop after 15 s; stopped when the test ends."""
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(lambda: QCoreApplication.exit(99))
    timer.start(15_000)
    yield
    timer.stop()


def visible_login() -> LoginScreen | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, LoginScreen) and widget.isVisible() and widget.staff_picker.count():
            return widget
    return None


def test_run_shows_the_login_screen_of_the_shop_and_quits_with_0(qapp, watchdog, data_paths: DataPaths, staff) -> None:  # type: ignore[no-untyped-def]
    seen: list[str] = []

    def poll() -> None:
        login = visible_login()
        if login is None:
            QTimer.singleShot(20, poll)
            return
        seen.append(login.shop_label.text())
        login.quit_requested.emit()

    QTimer.singleShot(0, poll)
    assert run(data_paths) == 0
    assert seen == ["测试便利店"]
    assert (data_paths.logs / "memberdesk.log").exists()
    assert faulthandler.is_enabled()  # a segfault leaves every thread's traceback here
    assert "fault log armed" in (data_paths.logs / "faults.log").read_text(encoding="utf-8")


def test_run_on_an_empty_folder_shows_the_shop_set_up(qapp, watchdog, data_paths: DataPaths) -> None:  # type: ignore[no-untyped-def]
    from memberdesk.ui.shell.shop_setup import ShopSetupScreen

    seen: list[str] = []

    def poll() -> None:
        screens = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, ShopSetupScreen) and w.isVisible()]
        if not screens:
            QTimer.singleShot(20, poll)
            return
        seen.append(screens[0].title.text())
        screens[0].quit_requested.emit()

    QTimer.singleShot(0, poll)
    assert run(data_paths) == 0
    assert seen == ["欢迎使用 MemberDesk"]


def test_the_window_code_loads_without_the_database_stack() -> None:
    """The login window shows before SQLAlchemy, alembic and the models load:
    they are imported on the worker while the window is already on screen."""
    import subprocess

    code = (
        "import sys, memberdesk.ui.shell.app, memberdesk.ui.shell.session\n"
        "heavy = [m for m in ('sqlalchemy', 'alembic', 'memberdesk.models', 'memberdesk.db')"
        " if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == ""


def _start_and_switch(data_paths: DataPaths, switch: bool) -> list[str]:
    """Run the application; on its login screen read the language button (it names the
    other language) and the subtitle, switch the language if asked, and quit."""
    seen: list[str] = []

    def poll() -> None:
        login = visible_login()
        if login is None:
            QTimer.singleShot(20, poll)
            return
        seen.append(f"{login.subtitle.text()} | {login.language_button.text()}")
        if switch:
            login.language_toggle_requested.emit()
        login.quit_requested.emit()

    _close_earlier_windows()
    QTimer.singleShot(0, poll)
    assert run(data_paths) == 0
    _close_earlier_windows()
    return seen


def _close_earlier_windows() -> None:
    """The windows of an earlier run() in this process go, as with its process."""
    for window in QApplication.topLevelWidgets():
        window.hide()
        window.deleteLater()


def test_the_language_chosen_is_the_language_of_the_next_start(  # type: ignore[no-untyped-def]
        qapp, watchdog, data_paths: DataPaths, staff, monkeypatch: pytest.MonkeyPatch) -> None:
    from memberdesk.ui.shell.i18n import ENV_LANG

    monkeypatch.delenv(ENV_LANG, raising=False)
    assert _start_and_switch(data_paths, switch=True) == ["员工登录 | English"]  # to English
    assert (data_paths.root / "language").read_text(encoding="utf-8").strip() == "en"
    assert _start_and_switch(data_paths, switch=True) == ["Staff login | 中文"]  # and back
    assert _start_and_switch(data_paths, switch=False) == ["员工登录 | English"]
    monkeypatch.setenv(ENV_LANG, "en")  # the environment still wins (tests, screenshots)
    assert _start_and_switch(data_paths, switch=False) == ["Staff login | 中文"]
