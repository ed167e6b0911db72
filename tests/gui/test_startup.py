"""Opening the shop on the worker: a good shop, a foreign file, an empty one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from memberdesk.paths import DataPaths
from memberdesk.ui.shell.i18n import Translations
from memberdesk.ui.shell.session import EXIT_DATABASE_ERROR, AppController
from memberdesk.ui.shell.tasks import TaskRunner


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Texts of message boxes; exec() returns at once."""
    shown: list[str] = []

    def fake_exec(self: QMessageBox) -> int:
        shown.append(self.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


@pytest.fixture
def fresh_ui(qtbot, i18n: Translations) -> Iterator[AppController]:  # type: ignore[no-untyped-def]
    controller = AppController(i18n, TaskRunner())
    qtbot.addWidget(controller.login)
    qtbot.addWidget(controller.main)
    yield controller
    controller.runner.shutdown()


def test_the_app_opens_the_shop_on_the_worker(qtbot, fresh_ui: AppController, data_paths: DataPaths, staff) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(fresh_ui.ready, timeout=10_000):
        fresh_ui.start(data_paths)
    assert fresh_ui.login.shop_label.text() == "测试便利店"
    assert fresh_ui.login.staff_picker.count() == 3
    qtbot.waitUntil(lambda: fresh_ui.runner.has_database, timeout=10_000)


def test_the_login_screen_is_ready_before_the_database_opens_and_a_login_waits(qtbot, fresh_ui: AppController, data_paths: DataPaths, staff, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """The login screen is filled in from the file (memberdesk.db.peek) while the database
    stack still loads; a password typed meanwhile logs in once the database is open."""
    import threading

    from memberdesk.ui.shell import session

    gate = threading.Event()
    real_open = session._open_database

    def slow_open(paths: DataPaths) -> object:
        assert gate.wait(10)
        return real_open(paths)

    monkeypatch.setattr(session, "_open_database", slow_open)
    with qtbot.waitSignal(fresh_ui.ready, timeout=10_000):
        fresh_ui.start(data_paths)
    assert not fresh_ui.runner.has_database
    assert fresh_ui.login.shop_label.text() == "测试便利店"
    assert fresh_ui.daily_jobs is not None and fresh_ui.backups is not None
    assert not fresh_ui.daily_jobs.timer.isActive()  # no job before the database is open
    assert not fresh_ui.backups.timer.isActive()
    fresh_ui.login.staff_picker.setCurrentIndex(
        fresh_ui.login.staff_picker.findData("cashier"))
    fresh_ui.login.password.setText("cashier-pass")
    fresh_ui.login.submit()
    assert not fresh_ui.login.password.isEnabled()  # busy until the database is open
    with qtbot.waitSignal(fresh_ui.logged_in, timeout=10_000) as blocker:
        gate.set()
    assert blocker.args[0].username == "cashier"
    assert fresh_ui.daily_jobs.timer.isActive() and fresh_ui.backups.timer.isActive()


def test_a_file_that_is_not_a_database_is_refused_in_chinese(qtbot, fresh_ui: AppController, tmp_path: Path, messages: list[str]) -> None:  # type: ignore[no-untyped-def]
    paths = DataPaths(tmp_path / "shop").ensure()
    paths.database.write_bytes(b"this is a spreadsheet, not a shop" * 10)

    with qtbot.waitSignal(fresh_ui.exit_requested, timeout=10_000) as blocker:
        fresh_ui.start(paths)

    assert blocker.args == [EXIT_DATABASE_ERROR]
    assert messages == [f"{paths.database} 不是 MemberDesk 数据库文件。文件未作任何改动。"]
    assert not fresh_ui.login.isVisible()
    assert paths.database.read_bytes().startswith(b"this is a spreadsheet")


def test_a_database_from_a_newer_version_is_refused_in_english(qtbot, fresh_ui: AppController, data_paths: DataPaths, messages: list[str]) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    conn = sqlite3.connect(data_paths.database)
    conn.execute("UPDATE alembic_version SET version_num = 'ffffffffffff'")
    conn.commit()
    conn.close()
    fresh_ui.i18n.set_language("en")

    with qtbot.waitSignal(fresh_ui.exit_requested, timeout=10_000) as blocker:
        fresh_ui.start(data_paths)

    assert blocker.args == [EXIT_DATABASE_ERROR]
    assert "was written by a newer version of MemberDesk (schema ffffffffffff)" in messages[0]


def test_a_first_run_sets_up_the_shop_then_the_owner_logs_in(qtbot, fresh_ui: AppController, data_paths: DataPaths) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    with qtbot.waitSignal(fresh_ui.setup_shown, timeout=10_000):
        fresh_ui.start(data_paths)
    setup = fresh_ui.setup
    assert setup is not None and setup.isVisible() and not fresh_ui.login.isVisible()
    assert setup.title.text() == "欢迎使用 MemberDesk"
    assert str(data_paths.root) in setup.folder_label.text()

    def fill(*texts: str) -> None:
        for edit, text in zip(setup.fields, texts, strict=True):
            edit.setText(text)  # as an input method would (QTest types ASCII only)

    # Enter in each field moves on; in the last one it submits.
    fill("好邻居便利店", "王老板", "boss", "secret-1", "secret-2")
    qtbot.keyClick(setup.password_again, Qt.Key.Key_Return)
    assert setup.error_label.text() == "两次输入的密码不一致，请重新输入。"
    assert setup.password_again.text() == ""
    fill("好邻居便利店", "王老板", "boss", "12345", "12345")
    with qtbot.waitSignal(fresh_ui.runner.finished, timeout=10_000):
        qtbot.keyClick(setup.password_again, Qt.Key.Key_Return)
    assert "6" in setup.error_label.text()  # the service's rule: at least 6 characters
    assert setup.create_button.isEnabled()
    assert setup.password.text() == "" and setup.focusWidget() is setup.password

    fill("好邻居便利店", "王老板", "boss", "secret-1", "secret-1")
    with qtbot.waitSignal(fresh_ui.ready, timeout=10_000):
        qtbot.keyClick(setup.password_again, Qt.Key.Key_Return)
    assert fresh_ui.login.isVisible() and not setup.isVisible()
    assert fresh_ui.login.shop_label.text() == "好邻居便利店"
    assert fresh_ui.login.selected_username == "boss"

    qtbot.keyClicks(fresh_ui.login.password, "secret-1")
    with qtbot.waitSignal(fresh_ui.logged_in, timeout=10_000) as blocker:
        qtbot.keyClick(fresh_ui.login.password, Qt.Key.Key_Return)
    assert blocker.args[0].display_name == "王老板"
    assert str(blocker.args[0].role) == "owner"
