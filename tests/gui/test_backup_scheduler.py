"""The scheduled backup: made when one is due (none yet, or the last good one
older than ``backup.interval_hours``), not otherwise; a failure is told once in
the banner, and the next check tries again."""

from __future__ import annotations

from pathlib import Path

import pytest

from memberdesk.services.backup import create as backup_service
from memberdesk.services.backup.files import list_backups
from memberdesk.services.shared.errors import UserError
from memberdesk.ui.shell.session import AppController

from .helpers import log_in


def backups(db) -> list[str]:  # type: ignore[no-untyped-def]
    return [b.kind for b in list_backups(db.paths.backups)]


def check(qtbot, ui: AppController) -> None:  # type: ignore[no-untyped-def]
    scheduler = ui.backups
    assert scheduler is not None
    # the daily jobs may hold the long-job worker after the log-in (a check then
    # waits for its next turn): check once it is free
    qtbot.waitUntil(lambda: not scheduler.waits(), timeout=30_000)
    with qtbot.waitSignal(scheduler.long_jobs.finished, timeout=20_000):
        scheduler.check()


def test_a_due_backup_is_made_once(qtbot, ui: AppController, db) -> None:  # type: ignore[no-untyped-def]
    log_in(qtbot, ui)
    qtbot.waitUntil(lambda: not ui.runner.busy)
    assert ui.main.status.backup_is_stale  # nothing backed up yet
    assert ui.backups is not None
    # as in check(): once the daily jobs have let go of the long-job worker
    qtbot.waitUntil(lambda: not ui.backups.waits(), timeout=30_000)
    with qtbot.waitSignal(ui.backups.backup_made, timeout=20_000) as made:
        ui.backups.check()
    path = made.args[0].path
    assert isinstance(path, Path) and path.is_file() and path.parent == db.paths.backups
    assert backups(db) == ["scheduled"]
    qtbot.waitUntil(lambda: not ui.main.status.backup_is_stale)

    check(qtbot, ui)  # a backup a moment ago: nothing is due
    assert backups(db) == ["scheduled"]


def test_a_failure_is_told_once_and_tried_again(  # type: ignore[no-untyped-def]
    qtbot, ui: AppController, db, monkeypatch: pytest.MonkeyPatch
) -> None:
    log_in(qtbot, ui)
    qtbot.waitUntil(lambda: not ui.runner.busy)
    real = backup_service.create_backup

    def full_disk(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise UserError("disk_full", path=db.paths.backups)

    monkeypatch.setattr(backup_service, "create_backup", full_disk)
    scheduler = ui.backups
    assert scheduler is not None
    told: list[UserError] = []
    scheduler.backup_failed.connect(told.append)
    check(qtbot, ui)
    assert ui.main.banner.text == (
        f"自动备份失败：磁盘空间不足，无法写入 {db.paths.backups}；原有数据未受影响。"
        "请检查磁盘或在后台立即备份"
    )
    check(qtbot, ui)
    assert len(told) == 1  # not a banner every ten minutes
    assert backups(db) == []

    monkeypatch.setattr(backup_service, "create_backup", real)
    check(qtbot, ui)
    assert backups(db) == ["scheduled"]


def test_the_timer_checks_by_itself_and_a_restore_holds_it(qtbot, ui: AppController, db) -> None:  # type: ignore[no-untyped-def]
    scheduler = ui.backups
    assert scheduler is not None
    scheduler.long_jobs.hold(True)  # a restore under way
    scheduler.check()
    assert not scheduler.long_jobs.busy and backups(db) == []
    scheduler.long_jobs.hold(False)
    with qtbot.waitSignal(scheduler.backup_made, timeout=20_000):
        scheduler.start(first_check_ms=0)  # as the app does once the shop is open
    assert scheduler.timer.isActive()
    assert backups(db) == ["scheduled"]
    scheduler.stop()
