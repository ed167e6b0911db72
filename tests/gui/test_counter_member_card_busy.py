"""The member card at 1024x768 for a busy member (issue 11, a new owner's blind trial
in English): a tier, stored value with a bonus, points, coupons, a birthday today, a
churn warning, the analytics grade and a note. The coupons (how many, and the first
one) were below the flags, under the scroll bar: the cashier never saw them. They show
without scrolling; the flags and the rest follow."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtWidgets import QWidget

from memberdesk.models.enums import TenderKind
from memberdesk.services.analytics.refresh import refresh_scores
from memberdesk.services.members import profiles
from memberdesk.services.stored_value.recharge import RechargeRuleDraft, create_recharge_rule
from tests.checkout_support.kit import yuan

from .counter_support import Till, make_till
from .moving_clock import MovingClock, moving_clock
from .test_counter_payment import give_coupon

START = datetime.now(UTC).date() - timedelta(days=60)  # relative to now, never a fixed day


@pytest.fixture
def clock() -> Iterator[MovingClock]:
    with moving_clock(START) as c:
        yield c


@pytest.fixture
def till(qtbot, ui, db, staff, clock: MovingClock) -> Till:  # type: ignore[no-untyped-def]
    return make_till(qtbot, ui, db, staff)


def busy_member(till: Till, clock: MovingClock) -> None:
    """张三: gold, ¥560.00 stored value (¥60.00 bonus), points, three coupons, came every
    week then stopped (a churn warning), a birthday today and a note."""
    w = till.world
    for day in (0, 7, 14):
        clock.day = START + timedelta(days=day)
        w.sell([("CHIPS", 2)], [(TenderKind.CASH, "17.60")], member="alice")
    clock.day = START + timedelta(days=3)
    w.sell([("BEER", 1)], [(TenderKind.CASH, "6.00")], member="carol")
    clock.day = START + timedelta(days=40)
    refresh_scores(w.db)
    w.set_tier("alice", "gold")
    create_recharge_rule(w.db, w.owner, RechargeRuleDraft("充500送60", yuan("500"), yuan("60")))
    w.recharge("alice", "500")
    w.give_points("alice", 2766, days=10)
    for code, name, off, least in (("C5", "满20减5", 5, 20), ("C10", "满50减10", 10, 50),
                                   ("C20", "满100减20", 20, 100)):
        give_coupon(till, code, name, off, least)
    profiles.edit_member(w.db, w.owner, "M000001", birthday=w.today().replace(year=1988),
                         notes="只喝无糖可乐，小票要打印；周末常来，带两个孩子")


def _bottom_in_viewport(widget: QWidget, viewport: QWidget) -> int:
    return widget.mapTo(viewport, widget.rect().bottomLeft()).y()


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
@pytest.mark.parametrize("size", [(1024, 768), (1366, 768)])
def test_the_coupons_show_without_scrolling(till: Till, clock: MovingClock, lang: str,
                                            size: tuple[int, int]) -> None:
    busy_member(till, clock)
    till.ui.i18n.set_language(lang)
    till.main.resize(*size)
    till.qtbot.waitUntil(lambda: till.main.width() == size[0])
    till.find("13800000001")
    till.qtbot.wait(50)
    panel = till.main.member_panel
    card = panel.card
    assert card.churn[0].isVisible() and card.birthday[0].isVisible()  # the card is busy
    assert card.analytics.isVisible() and card.tier.text()
    assert card.coupon_value.text() in ("3 usable", "可用 3 张")
    viewport = panel.card_scroll.viewport()
    assert panel.card_scroll.verticalScrollBar().value() == 0
    room = viewport.height()
    for widget in (card.sv_value, card.points_value, card.coupon_value):
        assert widget.isVisible() and _bottom_in_viewport(widget, viewport) <= room
    first_coupon = card.coupon_detail
    top = first_coupon.mapTo(viewport, first_coupon.rect().topLeft()).y()
    assert first_coupon.text().split("\n")[0] == "满20减5"
    assert top + first_coupon.fontMetrics().height() <= room  # the first one, whole


@pytest.mark.parametrize(("first", "then"), [("zh_CN", "en"), ("en", "zh_CN")])
def test_a_figure_on_one_line_only_when_both_fit(till: Till, clock: MovingClock,
                                                 first: str, then: str) -> None:
    """Each figure's caption and value share a line only when both fit it whole; the
    choice follows the texts (it was made on a resize only: with the member on screen
    in Chinese, switched to English at 1024, 'Coupons' ran into '1 usable')."""
    from memberdesk.ui.counter.member_card import FigureLine

    busy_member(till, clock)
    till.ui.i18n.set_language(first)
    till.main.resize(1024, 768)
    till.qtbot.waitUntil(lambda: till.main.width() == 1024)
    till.find("13800000001")
    till.ui.i18n.set_language(then)
    till.qtbot.wait(50)
    lines = till.main.member_panel.card.findChildren(FigureLine)
    assert len(lines) == 3
    for line in lines:
        one_line = line.box.direction() == line.box.Direction.LeftToRight
        assert one_line == (line.width() >= line.one_line_width()), line.caption.text()
