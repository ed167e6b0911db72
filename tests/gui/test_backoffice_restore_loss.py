"""Issue 11 at the Backups page: before the password, the restore's confirmation says
when the backup was made (shop time, how long ago) and what the live data recorded
since then is lost; after the restore the login screen names the backup now live and
the safety copy of the data from before it; "Back up now" names what the rotation
removed."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from memberdesk.models.enums import TenderKind
from memberdesk.money import Money
from memberdesk.services.backup import create as backup_svc
from memberdesk.services.backup.create import create_backup
from memberdesk.ui.backoffice.restore_confirm import RestoreConfirm
from memberdesk.ui.common import fmt
from memberdesk.ui.shell.restored_notice import ZWSP

from .helpers import log_in
from .tasks_support import Counter


def backup_page(c: Counter):  # type: ignore[no-untyped-def]
    office = c.open(Qt.Key.Key_F8)
    page = office.show_page("backup")
    c.settle()
    return page


def test_the_confirmation_says_when_the_backup_was_made_and_what_is_lost(owner: Counter) -> None:
    c = owner
    made_at = backup_svc.clock_now() - timedelta(hours=3, minutes=5)
    backup = create_backup(c.db, c.world.owner, now=made_at).path
    sold = [c.world.sell([("CHIPS", 2)], [(TenderKind.CASH, "20.00")]),
            c.world.sell([("COLA", 1)], [(TenderKind.CASH, "3.50")])]
    total = Money(sum(s.payable.fen for s in sold))
    page = backup_page(c)
    page.restore_from(backup)
    c.settle()
    confirm = page.confirm
    assert isinstance(confirm, RestoreConfirm) and confirm.isVisible()
    assert confirm.heading.text() == "恢复这份备份吗？"
    made = confirm.made_label.text()
    assert backup.name in made
    assert f"制作于 {fmt.datetime_text(made_at)}（门店时间），3 小时前。" in made
    assert confirm.loss_label.text() == (
        f"这份备份之后在这里记录、恢复后将丢失的数据：\n• 2 笔销售，{fmt.money(total)}")
    assert str(c.db.paths.backups) in confirm.keep_label.text()
    assert confirm.password.hasFocus() or confirm.password.isVisible()

    c.ui.i18n.set_language("en")  # the confirmation says it again in English
    c.qtbot.waitUntil(lambda: "3 hours ago" in confirm.made_label.text())
    assert "Made " in confirm.made_label.text()
    assert confirm.loss_label.text() == (
        f"Recorded here since this backup and lost by the restore:\n• 2 sales, {fmt.money(total)}")
    assert confirm.approve_button.text() == "Restore (Enter)"
    confirm.reject()
    c.settle()


def test_a_backup_with_nothing_after_it_says_nothing_is_lost(owner: Counter) -> None:
    c = owner
    backup = create_backup(c.db, c.world.owner).path
    page = backup_page(c)
    page.restore_from(backup)
    c.settle()
    assert page.confirm is not None
    assert page.confirm.loss_label.text().startswith("不会丢失记录")
    assert "刚刚" in page.confirm.made_label.text()
    page.confirm.reject()


def test_after_the_restore_the_login_names_the_backup_and_the_safety_copy(owner: Counter) -> None:
    c = owner
    made_at = backup_svc.clock_now() - timedelta(days=2)
    backup = create_backup(c.db, c.world.owner, now=made_at).path
    page = backup_page(c)
    page.restore_from(backup)
    c.settle()
    assert page.confirm is not None
    c.type(page.confirm.password, "owner-pass")
    with c.qtbot.waitSignal(c.tasks.database_restored, timeout=20_000) as restored:
        c.enter(page.confirm.password)
    result = restored.args[0]
    try:
        c.qtbot.waitUntil(lambda: c.ui.login.isVisible(), timeout=5_000)
        notice = c.ui.login.restored_label
        assert notice.isVisible()
        shown = notice.text().replace(ZWSP, "")  # (break opportunities in the long names)
        assert shown == (
            f"已恢复备份 {backup.name}（制作于 {fmt.datetime_text(made_at)}，门店时间）。"
            f"恢复前的数据已另存到备份文件夹：{result.pre_restore_backup.name}，恢复这个文件即可找回。")
        assert notice.toolTip() == str(result.pre_restore_backup)
        assert result.pre_restore_backup.is_file()
        assert page.message.text() == (
            f"已恢复备份 {backup.name}（制作于 {fmt.datetime_text(made_at)}，门店时间）。"
            f"恢复前的数据已保存为 {result.pre_restore_backup}：要找回这些数据，请恢复这个文件"
            "（后台 → 备份与恢复）。")
        c.ui.i18n.set_language("en")
        c.qtbot.waitUntil(lambda: notice.text().startswith("Restored"))
        shown = notice.text().replace(ZWSP, "")
        assert shown.startswith(f"Restored from {backup.name}, made ")
        assert shown.endswith(f"as {result.pre_restore_backup.name}: restore that file to get "
                              "it back.")
        c.ui.i18n.set_language("zh_CN")
        log_in(c.qtbot, c.ui, "owner", "owner-pass")  # read: the next login is a plain one
        assert not notice.isVisible()
    finally:
        c.ui.runner.wait()
        result.database.close()


def test_back_up_now_names_the_backups_the_rotation_removed(owner: Counter) -> None:
    c = owner
    c.world.set_settings(backup__second_destination="")
    scheduled = create_backup(c.db, None, kind="scheduled").path  # the same day: replaced
    page = backup_page(c)
    with c.qtbot.waitSignal(page.backed_up, timeout=20_000) as blocker:
        page.backup_button.click()
    made = blocker.args[0]
    assert made.removed == (scheduled.name,)
    made_line, removed_line = page.message.text().split("\n")
    assert made_line.startswith(
        f"备份完成并已校验：{fmt.datetime_text(made.created_at, seconds=True)}，")
    assert removed_line == ("按保留规则删除了 1 份较早的备份（鼠标停在这里可看文件名）。")
    assert f"按保留规则删除了 1 份较早的备份：{scheduled.name}。" in page.message.toolTip()


def test_back_up_now_chooses_the_new_backup_and_enter_needs_no_click(owner: Counter) -> None:
    """Third blind trial: after 立即备份 the old backup stayed chosen (Enter would have
    restored it), and Enter did nothing until the list was clicked."""
    c = owner
    c.world.set_settings(backup__second_destination="")
    older = create_backup(c.db, None, kind="manual").path
    page = backup_page(c)
    c.qtbot.waitUntil(lambda: page.list.chosen() is not None)
    assert page.list.chosen().path == older
    c.qtbot.waitUntil(lambda: page.list.hasFocus())
    with c.qtbot.waitSignal(page.backed_up, timeout=20_000) as blocker:
        page.backup_button.click()
    made = blocker.args[0]
    assert made.path != older
    assert page.list.chosen().path == made.path
