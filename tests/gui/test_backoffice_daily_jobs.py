"""F8 后台 → 每日任务 (the last page): each daily job (points expiry, tier evaluation, birthday
gifts) with the last date it ran for, what it did and the days due; 立即运行 runs what
is due on the long-job worker and the table shows the result."""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import update

from memberdesk.domain import shoptime
from memberdesk.models import Member
from memberdesk.ui.common import fmt

from .tasks_support import Counter

NOON = datetime(2026, 12, 24, 4, 0, tzinfo=UTC)  # 12:00 on 24 Dec in the shop (+08:00)


def test_the_page_shows_the_jobs_and_runs_what_is_due(manager: Counter,
                                                      caplog: pytest.LogCaptureFixture) -> None:
    c = manager
    w = c.world
    caplog.set_level(logging.INFO, logger="memberdesk.services.jobs.child")
    with shoptime.frozen(NOON):
        w.set_settings(birthday__points=50)
        with w.db.uow() as uow:
            uow.session.execute(update(Member).where(Member.id == w.members["alice"])
                                .values(birthday=date(1990, 12, 24)))
            uow.commit()
        assert c.ui.daily_jobs is not None  # stopped for tests: nothing ran yet
        office = c.open(Qt.Key.Key_F8)
        office.nav.setFocus()  # the last page of the list (past Ctrl+0): End in the list
        c.press(Qt.Key.Key_End, office.nav)
        page = office.page("jobs")
        assert office.stack.currentWidget() is page
        c.settle()
        table = page.table

        def cells() -> list[list[str]]:
            return [[table.item(r, k).text() for k in range(4)] for r in range(table.rowCount())]

        assert [row[0] for row in cells()] == ["积分过期", "会员等级评定", "生日礼", "计次卡过期",
                                               "会员分析", "短信通知"]
        assert [row[1:] for row in cells()] == [["从未运行", "", "1"]] * 6
        assert fmt.date_text(date(2026, 12, 24)) in page.intro.text()
        with c.qtbot.waitSignal(c.tasks.long_jobs.finished, timeout=20_000):
            page.run_button.click()
        c.settle()
        day = fmt.date_text(date(2026, 12, 24))
        assert cells() == [
            ["积分过期", day, "0 位会员的 0 积分过期", "0"],
            ["会员等级评定", day, "升级 0，降级 0，保级 0", "0"],
            ["生日礼", day, "1 份生日礼：50 积分，0 张券", "0"],
            ["计次卡过期", day, "0 张计次卡过期，共 0 次", "0"],
            ["会员分析", day, "3 位会员中 0 位已评分，0 条流失预警", "0"],
            ["短信通知", day, "写入 0 条积分到期提醒，发送 0 条短信", "0"],
        ]
        assert page.message.text() == "完成：已运行 1 天的任务。"
        assert "run_jobs ran in a child process" in caplog.text  # not on the counter's interpreter
