"""The Backups list after a restore and its undo (issue 11, blind trial): the two
copies made "before a restore" in the same minute are told apart at a glance — the
time has its seconds and each copy names the backup whose restore it preceded — and
at 1024x768 the columns share the width in both languages: no sideways scroll, the
folder cut in its middle (its own name stays), the whole path in the tool tip."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QFontMetrics

from memberdesk.services.backup import create as backup_svc
from memberdesk.services.backup.create import create_backup
from memberdesk.ui.backoffice.backup_list import WHERE, short_where
from memberdesk.ui.common import fmt

from .office_1024 import office_page_at
from .tasks_support import Counter

SHOTS = os.environ.get("MEMBERDESK_SHOTS", "")  # a folder: save what the tests show


def open_page(c: Counter, lang: str, screen: tuple[int, int]) -> Any:
    office, page = office_page_at(c, lang, screen, "backup")
    c.qtbot.wait(60)  # the columns share the width once the rows are in
    c.settle()
    return office, page


def restore_and_undo(c: Counter) -> tuple[Any, Any, Any]:
    """A backup by hand, a restore of it and the undo of that restore, the two copies
    before them made 20 seconds apart in the same minute (as the services write them)."""
    now = backup_svc.clock_now().replace(second=10, microsecond=0)
    kept = create_backup(c.db, c.world.owner, now=now - timedelta(hours=2))
    first = create_backup(c.db, c.world.owner, kind="pre-restore", now=now,
                          restoring=(kept.path.name, kept.created_at))
    undo = create_backup(c.db, c.world.owner, kind="pre-restore",
                         now=now + timedelta(seconds=20),
                         restoring=(first.path.name, first.created_at))
    return kept, first, undo


def shot(office: Any, name: str) -> None:
    if SHOTS:
        office.grab().save(str(Path(SHOTS) / f"{name}.png"))


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_two_copies_before_a_restore_in_one_minute_are_told_apart(owner: Counter,
                                                                  lang: str) -> None:
    c = owner
    kept, first, undo = restore_and_undo(c)
    office, page = open_page(c, lang, (1366, 768))
    table = page.list
    rows = {table.files[r].path: r for r in range(table.rowCount())}
    made = [table.item(rows[b.path], 0).text() for b in (undo, first)]
    kinds = [table.item(rows[b.path], 3).text() for b in (undo, first)]
    assert made == [fmt.datetime_text(undo.created_at, seconds=True),
                    fmt.datetime_text(first.created_at, seconds=True)]
    assert made[0] != made[1] and made[0][:16] == made[1][:16]  # the same minute
    # each names the backup restored by when it was made: its time (with seconds),
    # and its date too when that was another day
    when = [fmt.datetime_text(b.created_at, seconds=True) for b in (first, kept)]
    shown = [w[11:] if w[:10] == m[:10] else w[5:] if w[:4] == m[:4] else w
             for w, m in zip(when, made, strict=True)]
    assert shown[0] == when[0][11:]  # the undo restored the copy made 20 s before it
    if lang == "zh_CN":
        assert kinds == [f"恢复前\n（恢复 {shown[0]} 的备份）",
                         f"恢复前\n（恢复 {shown[1]} 的备份）"]
        assert table.item(rows[kept.path], 3).text() == "手动"
    else:
        assert kinds == [f"before restoring\nthe {shown[0]} backup",
                         f"before restoring\nthe {shown[1]} backup"]
    assert table.item(rows[undo.path], 3).toolTip() == f"{kinds[0]}\n{first.path.name}"
    two_lines = table.fontMetrics().lineSpacing() * 2
    assert table.rowHeight(rows[undo.path]) >= two_lines  # both lines show
    shot(office, f"backups-after-undo-{lang}-1366")


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_at_1024_the_columns_fit_and_the_folder_keeps_its_end(owner: Counter,
                                                              lang: str) -> None:
    c = owner
    restore_and_undo(c)
    office, page = open_page(c, lang, (1024, 768))
    table = page.list
    shot(office, f"backups-after-undo-{lang}-1024")
    c.qtbot.waitUntil(lambda: not table.horizontalScrollBar().isVisible(), timeout=3_000)
    widths = [table.columnWidth(i) for i in range(table.columnCount())]
    assert sum(widths) <= table.viewport().width(), widths
    metrics = QFontMetrics(table.font())
    for col in range(WHERE):  # when, size, state, kind: whole
        for row in range(table.rowCount()):
            text = table.item(row, col).text()
            wide = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
            assert wide + 8 <= widths[col], (col, text, widths)
    where = table.item(0, WHERE)
    assert where.toolTip() == str(table.files[0].path)
    shown = short_where(where.text(), lambda t: metrics.horizontalAdvance(t) <= widths[WHERE] - 8)
    # where it is, and the folder's own name (its end) when there is room for it
    assert shown in (("本机：…/backups", "本机") if lang == "zh_CN"
                     else ("this computer: …/backups", "this computer"))
    assert table.itemDelegateForColumn(WHERE) is not None
    office.resize(1366 - 40, 768 - 50)
    c.settle()
    c.qtbot.wait(60)
    c.settle()
    shot(office, f"backups-after-undo-{lang}-1366")


def test_a_folder_keeps_its_label_and_its_end() -> None:
    def fits(n: int):  # type: ignore[no-untyped-def]
        return lambda text: len(text) <= n

    text = "this computer: /home/shop/MemberDesk/data/backups"
    assert short_where(text, fits(99)) == text
    assert short_where(text, fits(32)) == "this computer: …/data/backups"
    assert short_where(text, fits(26)) == "this computer: …/backups"
    assert short_where(text, fits(20)) == "this computer"  # the path in the tool tip
    assert short_where(text, fits(10)) == ""  # cut in the middle then
    usb = "第二备份位置：E:\\MemberDesk\\店铺备份"
    assert short_where(usb, fits(24)) == "第二备份位置：…\\MemberDesk\\店铺备份"
