"""F8 后台 → 备份与恢复: back up now, the stale and missing-USB warnings, restore
(owner only): a corrupt file is refused before anything changes; a good one asks
for the owner's password, then the app works on the restored database."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import Qt

from memberdesk.services.backup.create import create_backup
from memberdesk.services.loyalty.enrol import register_member
from memberdesk.services.members.lookup import LookupOutcome, lookup
from memberdesk.ui.backoffice.backup_list import size_text
from memberdesk.ui.common import fmt

from .tasks_support import Counter


def backup_page(c: Counter):  # type: ignore[no-untyped-def]
    office = c.open(Qt.Key.Key_F8)
    c.press(Qt.Key.Key_5, office, Qt.KeyboardModifier.ControlModifier)
    page = office.page("backup")
    assert office.stack.currentWidget() is page
    c.settle()
    return page


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_back_up_now_shows_the_verified_file_and_clears_the_warning(owner: Counter) -> None:
    c = owner
    c.world.set_settings(backup__second_destination="")
    page = backup_page(c)
    assert page.status_label.text() == "还没有可用的备份。"
    assert page.warning.text() == "还没有任何备份，请立即备份。"

    with c.qtbot.waitSignal(page.backed_up, timeout=20_000) as blocker:
        page.backup_button.click()
    made = blocker.args[0]
    assert made.path.is_file() and made.path.parent == c.db.paths.backups
    # when, to the second, and how big (the file's name cut in its middle read the same
    # for three backups in a row: a blind trial); the whole path in the tooltip
    line = page.message.text()
    assert line == (f"备份完成并已校验：{fmt.datetime_text(made.created_at, seconds=True)}，"
                    f"{size_text(made.size)}")
    assert str(made.path) in page.message.toolTip()
    assert page.status_label.text().startswith("最近一次可用备份：")
    assert str(made.path) == page.status_label.toolTip()
    assert not page.warning.isVisible()
    c.qtbot.waitUntil(lambda: c.ui.main.status.backup_label.text() != "上次备份：—")


def test_a_backup_older_than_a_day_is_a_warning(owner: Counter) -> None:
    from datetime import timedelta

    from memberdesk.services.backup import create as backup_svc

    c = owner
    create_backup(c.db, c.world.owner, now=backup_svc.clock_now() - timedelta(hours=30))
    page = backup_page(c)
    assert page.warning.text() == "最近一次可用备份已超过一天，请立即备份。"
    assert "最近一次可用备份：" in page.status_label.text()


def test_a_missing_usb_destination_is_a_warning(owner: Counter, tmp_path: Path) -> None:
    c = owner
    usb = tmp_path / "usb-stick"
    c.world.set_settings(backup__second_destination=str(usb))
    page = backup_page(c)
    assert f"找不到第二备份位置 {usb}：请插入U盘。" in page.warning.text()
    with c.qtbot.waitSignal(page.backed_up, timeout=20_000):
        page.backup_button.click()
    assert "找不到第二备份位置" in page.warning.text()  # still missing after the backup
    usb.mkdir()
    page.refresh()
    c.settle()
    assert not page.warning.isVisible()


def test_restore_refuses_a_corrupt_file_and_the_live_file_is_unchanged(owner: Counter, tmp_path: Path) -> None:
    c = owner
    live = c.db.paths.database
    before = sha(live)
    junk = tmp_path / "not-a-backup.sqlite3"
    junk.write_bytes(b"SQLite format 3\x00" + b"\x17" * 5000)
    page = backup_page(c)
    page.restore_from(junk)
    c.settle()
    assert page.message.text().startswith("not-a-backup.sqlite3 ")
    assert "不能恢复" in page.message.text() or "不是 MemberDesk" in page.message.text()
    assert page.confirm is None
    assert sha(live) == before

    page.restore_from(tmp_path / "gone.sqlite3")
    c.settle()
    assert page.message.text() == f"找不到要恢复的文件 {tmp_path / 'gone.sqlite3'}"


def test_restore_asks_the_owner_password_then_switches_to_the_restored_database(owner: Counter) -> None:
    c = owner
    backup = create_backup(c.db, c.world.owner).path
    later = register_member(c.db, c.world.owner, phone="13600000006", name="吴十")
    restored: list[object] = []
    c.tasks.database_restored.connect(restored.append)
    page = backup_page(c)
    page.restore_from(backup)
    c.settle()
    confirm = page.confirm
    assert confirm is not None and confirm.isVisible()
    assert confirm.username.text() == "owner" and confirm.username.isReadOnly()
    c.type(confirm.password, "wrong-pass")
    c.enter(confirm.password)
    assert confirm.message.text() == "用户名或密码错误"
    assert restored == []

    c.type(confirm.password, "owner-pass")
    with c.qtbot.waitSignal(c.tasks.database_restored, timeout=20_000):
        c.enter(confirm.password)
    c.settle()
    result = restored[0]
    try:
        assert "已恢复" in page.message.text()
        assert result.pre_restore_backup.is_file()
        # Every later call goes to the restored file: the member added after the
        # backup is not there.
        found = lookup(result.database, c.world.owner, later.member_no)
        assert found.outcome is LookupOutcome.NOT_FOUND
        seen: list[object] = []
        c.ui.runner.call(lambda db: db, on_done=seen.append)
        c.settle()
        assert seen == [result.database]
    finally:
        c.ui.runner.wait()
        result.database.close()


def test_a_manager_may_back_up_but_not_restore(manager: Counter, tmp_path: Path) -> None:
    c = manager
    page = backup_page(c)
    assert not page.restore_button.isVisible()
    assert page.restore_intro.text() == "只有老板可以恢复备份。"
    page.restore_from(tmp_path / "whatever.sqlite3")
    assert page.confirm is None


def test_every_backup_is_listed_and_the_chosen_one_is_restored(owner: Counter) -> None:
    """Three backups a day apart, a member added after each: three rows, newest
    first; Enter on the second-newest restores that one (the password asked first)."""
    from datetime import timedelta

    from memberdesk.services.backup import create as backup_svc

    c = owner
    c.world.set_settings(backup__second_destination="")
    now = backup_svc.clock_now()
    made, members = [], []
    for i, days in enumerate((2, 1, 0)):
        made.append(create_backup(c.db, c.world.owner, now=now - timedelta(days=days)).path)
        members.append(register_member(c.db, c.world.owner, phone=f"1360000001{i}",
                                       name=f"会员{i}").member_no)
    page = backup_page(c)
    c.qtbot.waitUntil(lambda: page.list.rowCount() == 3, timeout=10_000)
    assert [f.path for f in page.list.files] == made[::-1]  # newest first
    assert page.list_label.text() == "找到的备份(&B)：3 份（最新的在前）"
    row = [page.list.item(1, col).text() for col in range(5)]
    assert row[2:4] == ["已校验", "手动"]
    assert row[4] == f"本机：{c.db.paths.backups}"
    assert row[1].endswith(" KB") or row[1].endswith(" MB")

    restored: list[object] = []
    c.tasks.database_restored.connect(restored.append)
    page.list.setFocus()
    page.list.selectRow(1)
    c.enter(page.list)
    c.settle()
    confirm = page.confirm
    assert confirm is not None and confirm.isVisible()
    assert page.restore_file == made[1]
    c.type(confirm.password, "owner-pass")
    with c.qtbot.waitSignal(c.tasks.database_restored, timeout=20_000):
        c.enter(confirm.password)
    c.settle()
    result = restored[0]
    try:
        assert made[1].name in page.message.text()
        # the second-newest backup: made after the first member, before the second
        found = [lookup(result.database, c.world.owner, no).outcome for no in members]
        assert found[0] is not LookupOutcome.NOT_FOUND
        assert found[1:] == [LookupOutcome.NOT_FOUND, LookupOutcome.NOT_FOUND]
    finally:
        c.ui.runner.wait()
        result.database.close()


def test_restore_chosen_without_a_backup_says_choose_one(owner: Counter) -> None:
    c = owner
    page = backup_page(c)
    assert page.list.rowCount() == 0
    page.restore_chosen_button.click()
    c.settle()
    assert page.message.text() == "请先在列表中选择一份备份。"
    assert page.confirm is None
