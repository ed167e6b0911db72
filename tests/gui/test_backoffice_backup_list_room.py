"""Back up now at 1024x768 with several older backups removed by the retention rule:
the message keeps to two lines (the file's name cut in its middle if need be, the
removed backups counted, every name and the whole path in its tooltip) and the
last backup's state is one line beside 立即备份 (its path in the tooltip), so the
list shows 4 rows and more (issue 11), in Chinese and English."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest

from memberdesk.services.backup import create as backup_svc
from memberdesk.services.backup.create import create_backup
from memberdesk.ui.common import fmt

from .office_1024 import office_page_at_1024, visible_rows
from .tasks_support import Counter

SHOTS = os.environ.get("MEMBERDESK_SHOTS", "")


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_list_keeps_its_rows_after_a_backup_that_removed_several(owner: Counter,
                                                                     lang: str) -> None:
    c = owner
    c.world.set_settings(backup__second_destination="")
    now = backup_svc.clock_now()
    for days in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10):
        create_backup(c.db, c.world.owner, now=now - timedelta(days=days))
    c.world.set_settings(backup__keep_daily=3, backup__keep_weekly=1, backup__keep_monthly=1)
    office, page = office_page_at_1024(c, lang, "backup")
    with c.qtbot.waitSignal(page.backed_up, timeout=20_000) as blocker:
        page.backup_button.click()
    made = blocker.args[0]
    assert len(made.removed) >= 3, made.removed
    c.settle()
    c.qtbot.wait(50)
    message = page.message.text()
    assert not any(name in message for name in made.removed), message
    assert message.count("\n") == 1 and str(len(made.removed)) in message.split("\n")[1]
    assert fmt.datetime_text(made.created_at, seconds=True) in message  # when it was made
    # each line of the message is one line of the screen
    metrics = page.message.fontMetrics()
    room = page.message.contentsRect().width()
    assert all(metrics.horizontalAdvance(line) <= room for line in message.split("\n")), (
        [metrics.horizontalAdvance(line) for line in message.split("\n")], room, message)
    assert str(made.path) in page.message.toolTip()
    assert all(name in page.message.toolTip() for name in made.removed)
    assert str(made.path) == page.status_label.toolTip()
    if SHOTS:
        office.grab().save(str(Path(SHOTS) / f"backup-list-room-{lang}.png"))
    rows = visible_rows(page.list)
    assert rows >= 4, (rows, page.list.height())
