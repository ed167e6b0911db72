"""The crash hook: the traceback in the log, a dialog on the GUI thread, no recursion."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThread
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from memberdesk.ui.shell.crash import CrashDialog, CrashHandler
from memberdesk.ui.shell.i18n import Translations
from memberdesk.ui.shell.tasks import TaskRunner


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[CrashDialog]:
    """Crash dialogs opened; exec() returns at once instead of blocking."""
    dialogs: list[CrashDialog] = []

    def fake_exec(self: CrashDialog) -> int:
        app = QApplication.instance()
        assert app is not None and QThread.currentThread() is app.thread()
        dialogs.append(self)
        return 0

    monkeypatch.setattr(CrashDialog, "exec", fake_exec)
    return dialogs


@pytest.fixture
def handler(log_file: Path, i18n: Translations) -> Iterator[CrashHandler]:
    crash = CrashHandler(log_file)
    crash.install()
    try:
        yield crash
    finally:
        crash.uninstall()


def boom() -> None:
    raise RuntimeError("boom in the worker")


def test_a_crashing_task_is_logged_and_shown(qtbot, handler: CrashHandler, shown: list[CrashDialog], log_file: Path) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    try:
        with qtbot.waitSignal(handler.shown, timeout=5000):
            runner.run(boom)
    finally:
        runner.shutdown()

    log_text = log_file.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in log_text
    assert "RuntimeError: boom in the worker" in log_text
    (dialog,) = shown
    assert "RuntimeError: boom in the worker" in dialog.details_view.toPlainText()
    assert str(log_file) in dialog.explanation.text()
    assert "详细信息已写入日志文件" in dialog.explanation.text()
    assert dialog.copy_button.text() == "复制详细信息"

    dialog.copy_button.click()
    clipboard = QGuiApplication.clipboard().text()
    assert "RuntimeError: boom in the worker" in clipboard
    assert str(log_file) in clipboard
    assert dialog.copy_button.text() == "已复制"


def test_an_exception_on_another_thread_shows_the_dialog_on_the_gui_thread(qtbot, handler: CrashHandler, shown: list[CrashDialog], log_file: Path) -> None:  # type: ignore[no-untyped-def]
    thread = threading.Thread(target=boom, name="reader-thread")
    with qtbot.waitSignal(handler.shown, timeout=5000):
        thread.start()
        thread.join()
    assert len(shown) == 1
    assert "thread reader-thread" in log_file.read_text(encoding="utf-8")


def test_a_failing_dialog_is_logged_and_does_not_recurse(qtbot, handler: CrashHandler, monkeypatch: pytest.MonkeyPatch, log_file: Path) -> None:  # type: ignore[no-untyped-def]
    attempts: list[int] = []

    def broken_exec(self: CrashDialog) -> int:
        attempts.append(1)
        raise RuntimeError("the dialog broke too")

    monkeypatch.setattr(CrashDialog, "exec", broken_exec)
    try:
        raise ValueError("first problem")
    except ValueError as exc:
        handler.excepthook(type(exc), exc, exc.__traceback__)
    qtbot.waitUntil(lambda: "the crash dialog itself failed" in log_file.read_text(encoding="utf-8"))
    qtbot.wait(50)
    assert attempts == [1]
    assert handler.count == 1
    assert "the dialog broke too" in log_file.read_text(encoding="utf-8")


def test_a_second_crash_while_the_dialog_is_open_is_only_logged(qtbot, handler: CrashHandler, monkeypatch: pytest.MonkeyPatch, log_file: Path) -> None:  # type: ignore[no-untyped-def]
    opened: list[CrashDialog] = []

    def exec_and_crash_again(self: CrashDialog) -> int:
        opened.append(self)
        if len(opened) == 1:
            try:
                raise KeyError("second")
            except KeyError as exc:
                handler.excepthook(type(exc), exc, exc.__traceback__)
            qtbot.wait(50)  # the queued request is delivered while "open"
        return 0

    monkeypatch.setattr(CrashDialog, "exec", exec_and_crash_again)
    try:
        raise ValueError("first")
    except ValueError as exc:
        handler.excepthook(type(exc), exc, exc.__traceback__)
    qtbot.waitUntil(lambda: len(opened) >= 1)
    qtbot.wait(50)
    assert len(opened) == 1
    assert handler.count == 2
    assert "another unexpected error while the crash dialog is open" in log_file.read_text(
        encoding="utf-8"
    )


def test_uninstall_restores_the_previous_hooks(log_file: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    import sys

    before = (sys.excepthook, threading.excepthook)
    crash = CrashHandler(log_file)
    crash.install()
    assert sys.excepthook == crash.excepthook
    crash.uninstall()
    assert (sys.excepthook, threading.excepthook) == before
