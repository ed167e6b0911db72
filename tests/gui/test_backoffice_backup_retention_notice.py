"""Older backups removed by the retention rule are said on screen (issue 11): a
scheduled backup's removals in the counter's banner (until dismissed or the Backups
page is opened: not 12 s only), a restore's (its safety copy's
rotation) in the Backups page's message and on the login screen after the restore —
not only in the log and the audit trail."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

from PySide6.QtCore import Qt

from memberdesk.db import Database
from memberdesk.models.base import utcnow
from memberdesk.services.backup.create import create_backup
from memberdesk.services.backup.files import list_backups
from memberdesk.services.shared.errors import UserError
from memberdesk.services.shared.settings import change_settings_in
from memberdesk.ui.counter import banner as banner_module
from memberdesk.ui.counter.actions import counter_tasks_of
from memberdesk.ui.shell.restored_notice import ZWSP, restored_text
from memberdesk.ui.shell.session import AppController

from .helpers import log_in


def keep_one(db: Database, owner) -> None:  # type: ignore[no-untyped-def]
    with db.uow() as uow:
        change_settings_in(uow.session, owner, {
            "backup.keep_daily": 1, "backup.keep_weekly": 1, "backup.keep_monthly": 1})
        uow.commit()


def test_a_scheduled_backup_names_what_it_removed_in_the_banner(  # type: ignore[no-untyped-def]
    qtbot, ui: AppController, db, staff
) -> None:
    keep_one(db, staff["owner"])
    old = create_backup(db, None, kind="scheduled", now=utcnow() - timedelta(days=40))
    log_in(qtbot, ui)
    qtbot.waitUntil(lambda: not ui.runner.busy)
    scheduler = ui.backups
    assert scheduler is not None
    qtbot.waitUntil(lambda: not scheduler.waits(), timeout=30_000)
    with qtbot.waitSignal(scheduler.removed_backups, timeout=20_000) as told:
        scheduler.check()
    made = told.args[0]
    assert made.removed == (old.path.name,)
    assert [b.file for b in list_backups(db.paths.backups)] == [made.path.name]
    assert ui.main.banner.isVisible() and ui.main.banner.tone == "ok"
    assert ui.main.banner.text == (
        f"自动备份完成；按保留规则删除了 1 份较早的备份：{old.path.name}。")
    ui.i18n.set_language("en")
    qtbot.waitUntil(lambda: ui.main.banner.text == (
        f"Scheduled backup done; removed 1 older backup by the retention rule: "
        f"{old.path.name}."))


def test_a_scheduled_backup_that_removed_nothing_says_nothing(  # type: ignore[no-untyped-def]
    qtbot, ui: AppController, db
) -> None:
    log_in(qtbot, ui)
    qtbot.waitUntil(lambda: not ui.runner.busy)
    scheduler = ui.backups
    assert scheduler is not None
    told: list[object] = []
    scheduler.removed_backups.connect(told.append)
    qtbot.waitUntil(lambda: not scheduler.waits(), timeout=30_000)
    with qtbot.waitSignal(scheduler.backup_made, timeout=20_000):
        scheduler.check()
    assert told == [] and not ui.main.banner.isVisible()


def test_the_restored_notice_names_the_backups_removed(ui: AppController, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    gone = ("memberdesk-20261101-090000-000000+0800-scheduled.sqlite3",
            "memberdesk-20261102-090000-000000+0800-scheduled.sqlite3")
    result = SimpleNamespace(source=folder / "memberdesk-a-manual.sqlite3", source_made_at=None,
                             pre_restore_backup=folder / "memberdesk-b-pre-restore.sqlite3",
                             removed=gone)
    wide = restored_text(result)
    assert wide.endswith(f"按保留规则删除了 2 份较早的备份：{gone[0]}, {gone[1]}。")
    narrow = restored_text(result, narrow=True)
    assert gone[0].replace("-", "-" + ZWSP) in narrow
    ui.i18n.set_language("en")
    assert restored_text(result).endswith(
        f"Removed 2 older backups by the retention rule: {gone[0]}, {gone[1]}.")
    nothing = SimpleNamespace(**{**result.__dict__, "removed": ()})
    assert "retention" not in restored_text(nothing)


def removal_shown(qtbot, ui: AppController, db, staff):  # type: ignore[no-untyped-def]
    """A scheduled backup whose rotation removed one: its note in the counter's banner,
    the banner's 12 s cut to 50 ms (the note must outlast it)."""
    keep_one(db, staff["owner"])
    create_backup(db, None, kind="scheduled", now=utcnow() - timedelta(days=40))
    log_in(qtbot, ui, "manager", "manager-pass")
    qtbot.waitUntil(lambda: not ui.runner.busy)
    scheduler = ui.backups
    assert scheduler is not None
    qtbot.waitUntil(lambda: not scheduler.waits(), timeout=30_000)
    with qtbot.waitSignal(scheduler.removed_backups, timeout=20_000):
        scheduler.check()
    banner = ui.main.banner
    assert banner.isVisible() and "1" in banner.text
    qtbot.wait(300)  # many times the (shortened) time a notice shows
    assert banner.isVisible() and banner.tone == "ok", "the note hid by itself"
    return banner


def test_the_removal_note_stays_until_dismissed(  # type: ignore[no-untyped-def]
    qtbot, ui: AppController, db, staff, monkeypatch
) -> None:
    monkeypatch.setattr(banner_module, "BANNER_MS", 50)
    banner = removal_shown(qtbot, ui, db, staff)
    note = banner.text
    # Esc at the counter (it clears the banner's errors) and a member chosen leave it
    qtbot.keyClick(ui.main, Qt.Key.Key_Escape)
    banner.clear()
    assert banner.isVisible() and banner.text == note
    # an error shown over it hides as usual, then the note is back
    banner.show_user_error(UserError("disk_full", path=db.paths.backups))
    assert banner.text != note
    qtbot.waitUntil(lambda: banner.text == note, timeout=2_000)
    assert banner.isVisible() and banner.tone == "ok"
    qtbot.mouseClick(banner.close_button, Qt.MouseButton.LeftButton)
    assert not banner.isVisible()
    banner.show_user_error(UserError("disk_full", path=db.paths.backups))
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=2_000)  # gone for good


def test_the_removal_note_goes_when_the_backups_page_opens(  # type: ignore[no-untyped-def]
    qtbot, ui: AppController, db, staff, monkeypatch
) -> None:
    monkeypatch.setattr(banner_module, "BANNER_MS", 50)
    banner = removal_shown(qtbot, ui, db, staff)
    tasks = counter_tasks_of(ui.main)
    assert tasks is not None
    tasks.open_back_office()
    office = tasks.dialog
    assert office is not None
    office.show_page("reports")
    qtbot.wait(50)
    assert banner.isVisible()  # another page: the note stays
    office.show_page("backup")
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=5_000)
    office.reject()
    qtbot.waitUntil(lambda: not ui.runner.busy)
