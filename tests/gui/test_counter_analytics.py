"""The member card at the counter shows the member's analytics (issue 13, item 1):
grade and lifecycle stage from the one member_scores row, and a churn warning with its
reason in words, in Chinese and in English; nothing before the first refresh."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest

from memberdesk.models.enums import TenderKind
from memberdesk.services.analytics.refresh import refresh_scores

from .counter_support import Till, make_till
from .moving_clock import MovingClock, moving_clock

START = date(2026, 11, 1)


@pytest.fixture
def clock() -> Iterator[MovingClock]:
    with moving_clock(START) as c:
        yield c


@pytest.fixture
def till(qtbot, ui, db, staff, clock: MovingClock) -> Till:  # type: ignore[no-untyped-def]
    return make_till(qtbot, ui, db, staff)


def test_the_card_shows_grade_lifecycle_and_a_churn_warning(till: Till, clock: MovingClock
                                                            ) -> None:
    w = till.world
    card = till.main.member_panel.card
    till.find("13800000001")
    assert not card.analytics.isVisible() and not card.churn[0].isVisible()  # never refreshed

    for day in (0, 7, 14):  # alice came every week, then stopped
        clock.day = START + timedelta(days=day)
        w.sell([("CHIPS", 2)], [(TenderKind.CASH, "17.60")], member="alice")
    clock.day = START + timedelta(days=3)
    w.sell([("BEER", 1)], [(TenderKind.CASH, "6.00")], member="carol")
    clock.day = START + timedelta(days=40)
    refresh_scores(w.db)

    till.find("13800000001")
    assert card.analytics.isVisible()
    assert card.analytics.text() == "A 类 · 活跃"  # R 26 <= 30: still active
    assert card.analytics.toolTip().startswith("客户价值等级 A 类，活跃：会员分析截至")
    assert card.churn[0].isVisible()
    assert card.churn[1].text() == "流失预警：平时约 7 天来一次，已 26 天未来"

    till.find("13800000002")  # bob: never bought
    assert card.analytics.text() == "D 类 · 休眠" and not card.churn[0].isVisible()

    till.ui.i18n.set_language("en")
    till.find("13800000001")
    assert card.analytics.text() == "A · Active"
    assert card.churn[1].text() == (
        "Churn warning: Usually every 7 days; not seen for 26 days")
