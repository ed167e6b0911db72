"""A full disk at the counter: the payment dialog says "the disk is full, nothing was
saved" in the interface language, keeps the sale to try again, and writes nothing."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from tests.checkout_support.kit import snapshot

from .counter_support import Till, make_till


@pytest.fixture
def till(qtbot, ui, db, staff) -> Till:  # type: ignore[no-untyped-def]
    return make_till(qtbot, ui, db, staff)


def test_a_full_disk_during_a_payment(till: Till, monkeypatch: pytest.MonkeyPatch) -> None:
    till.ring_up("COLA")
    before = snapshot(till.db)
    dialog = till.pay_key()
    real_commit = Session.commit

    def full(self: Session) -> None:
        raise OperationalError("COMMIT", {}, sqlite3.OperationalError("database or disk is full"))

    monkeypatch.setattr(Session, "commit", full)
    till.qtbot.keyClicks(dialog.rows["cash"].field, "10")
    till.press(Qt.Key.Key_Return, dialog)
    assert dialog.isVisible() and dialog.confirm_button.isEnabled()
    assert dialog.message.text() == "磁盘已满，本次操作没有保存任何内容。请清理磁盘空间后重试"
    monkeypatch.setattr(Session, "commit", real_commit)
    assert snapshot(till.db) == before and till.sale_count() == 0

    till.press(Qt.Key.Key_Return, dialog)  # space freed: the same sale goes through
    assert till.sale_count() == 1


def test_a_full_disk_during_a_recharge(qtbot, ui, db, staff, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """F3 充值 calls the service straight from its dialog: the unit of work's mapping
    is what words it (before, the raw driver error went to the crash dialog)."""
    import sys

    from tests.gui.tasks_support import counter_for

    crashes: list[type[BaseException]] = []
    monkeypatch.setattr(sys, "excepthook", lambda t, e, tb: crashes.append(t))
    gen = counter_for(qtbot, ui, db, staff)
    c = next(gen)
    try:
        c.select_member("alice")
        dialog = c.open(Qt.Key.Key_F3)
        c.type(dialog.amount, "100")
        before = snapshot(c.db)

        def full(self: Session) -> None:
            raise OperationalError("COMMIT", {}, sqlite3.OperationalError("database or disk is full"))

        monkeypatch.setattr(Session, "commit", full)
        c.press(Qt.Key.Key_Return, dialog.amount)
        c.settle()
        monkeypatch.undo()
        assert crashes == []
        assert dialog.message.text() == "磁盘已满，本次操作没有保存任何内容。请清理磁盘空间后重试"
        assert snapshot(c.db) == before
    finally:
        gen.close()


@pytest.mark.parametrize(("lang", "text"), [
    ("zh_CN", "磁盘已满，MemberDesk 无法打开门店数据。文件未作任何改动"),
    ("en", "is full: MemberDesk cannot open the shop. Nothing was changed"),
])
def test_starting_on_a_full_disk_says_so_not_damaged(  # type: ignore[no-untyped-def]
    qtbot, i18n, data_paths, monkeypatch: pytest.MonkeyPatch, lang: str, text: str
) -> None:
    """Before, the shared-memory file that could not grow read as "damaged"."""
    from PySide6.QtWidgets import QMessageBox

    from memberdesk.db import migrate
    from memberdesk.ui.shell.session import EXIT_DATABASE_ERROR, AppController
    from memberdesk.ui.shell.tasks import TaskRunner

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    real_connect = sqlite3.connect

    class Full:
        def __init__(self, conn: sqlite3.Connection) -> None:
            self.conn = conn

        def execute(self, *args: object) -> object:
            err = sqlite3.OperationalError("disk I/O error")
            err.sqlite_errorcode = 4874  # type: ignore[attr-defined]  # SQLITE_IOERR_SHMSIZE
            raise err

        def close(self) -> None:
            self.conn.close()

    monkeypatch.setattr(migrate.sqlite3, "connect", lambda *a, **k: Full(real_connect(*a, **k)))
    controller = AppController(i18n, TaskRunner())
    qtbot.addWidget(controller.login)
    qtbot.addWidget(controller.main)
    try:
        controller.i18n.set_language(lang)
        with qtbot.waitSignal(controller.exit_requested, timeout=10_000) as blocker:
            controller.start(data_paths)
        assert blocker.args == [EXIT_DATABASE_ERROR]
        assert text in shown[0] and "damaged" not in shown[0] and "损坏" not in shown[0]
    finally:
        controller.runner.shutdown()
