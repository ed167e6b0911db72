"""The counter's suggestions (issue 13, item 3): with the member on screen, the regular
products they are due for, and with items in the cart, what is often bought with them
(not what is in the cart already), on a quiet strip under the cart's lines; Alt+1 (or a
click) adds one to the cart; a member with nothing due and an empty cart show no strip
at all; both languages."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from memberdesk.models.enums import TenderKind
from memberdesk.services.analytics.recommend_refresh import refresh_recommendations

from .counter_support import Till, make_till
from .moving_clock import MovingClock, moving_clock
from .test_counter_analytics import START


@pytest.fixture
def clock() -> Iterator[MovingClock]:
    with moving_clock(START) as c:
        yield c


@pytest.fixture
def till(qtbot, ui, db, staff, clock: MovingClock) -> Till:  # type: ignore[no-untyped-def]
    t = make_till(qtbot, ui, db, staff)
    t.main.resize(1600, 768)  # room for two due products side by side
    w = t.world
    for day in (0, 7, 14):  # alice: chips and cola together every week
        clock.day = START + timedelta(days=day)
        w.sell([("CHIPS", 1), ("COLA", 1)], [(TenderKind.CASH, "20")], member="alice")
        w.sell([("BEER", 1)], [(TenderKind.CASH, "20")])  # so the pair is above chance
    clock.day = START + timedelta(days=23)
    refresh_recommendations(w.db)
    return t


def _texts(till: Till) -> list[str]:
    bar = till.main.cart_panel.suggestions
    return [b.toolTip() for b in bar.buttons if not b.isHidden()]


def test_the_member_due_products_and_the_carts_companions(till: Till) -> None:
    bar = till.main.cart_panel.suggestions
    assert bar.isHidden()  # nobody at the counter, nothing in the cart
    till.find("13800000001")  # alice
    assert bar.isVisible() and bar.due_caption.text() == "推荐："
    assert _texts(till) == [
        "可口可乐 330ml（约 7 天买一次，已 9 天）：加入购物清单（Alt+1）",
        "乐事薯片 原味 70g（约 7 天买一次，已 9 天）：加入购物清单（Alt+2）"]
    assert bar.buttons[0].text().startswith("Alt+1  可口可乐 330ml")
    assert [s.code for s in bar.shown] == ["COLA", "CHIPS"]
    # Alt+1 adds the cola: it is no longer suggested as due; chips are, and as a
    # companion of the cola only the chips would come, already shown as due.
    till.press(Qt.Key.Key_1, till.main, Qt.KeyboardModifier.AltModifier)
    till.settle()
    assert [i.code for i in till.counter.cart.items] == ["COLA"]
    assert _texts(till) == ["乐事薯片 原味 70g（约 7 天买一次，已 9 天）：加入购物清单（Alt+1）"]
    assert bar.rows[1].isHidden()
    # a click on it adds the chips: nothing left to suggest, no strip
    bar.buttons[0].click()
    till.settle()
    assert [i.code for i in till.counter.cart.items] == ["COLA", "CHIPS"]
    assert bar.isHidden()


def test_a_narrow_cart_shows_what_fits_whole(till: Till) -> None:
    """At 1024 wide only the first due product fits whole: the second is not shown
    (not cut to a stub), and Alt+2 adds nothing."""
    bar = till.main.cart_panel.suggestions
    till.main.resize(1024, 768)
    till.find("13800000001")
    till.qtbot.waitUntil(lambda: len(bar.shown) == 1)
    assert [s.code for s in bar.shown] == ["COLA"]
    assert bar.buttons[0].text() == "Alt+1  可口可乐 330ml（约 7 天买一次，已 9 天）"
    till.press(Qt.Key.Key_2, till.main, Qt.KeyboardModifier.AltModifier)
    assert till.counter.cart.items == ()


def test_companions_without_a_member_and_nothing_for_a_member_without(till: Till) -> None:
    bar = till.main.cart_panel.suggestions
    till.find("13800000002")  # bob: nothing due
    assert bar.isHidden()
    till.ring_up("CHIPS")
    assert bar.isVisible() and bar.rows[0].isHidden()
    assert bar.with_caption.text() == "常一起买："
    assert _texts(till) == ["可口可乐 330ml：加入购物清单（Alt+1）"]
    till.ui.i18n.set_language("en")
    till.qtbot.waitUntil(lambda: bar.with_caption.text() == "Often bought with these:")
    assert _texts(till) == ["可口可乐 330ml: add to the cart (Alt+1)"]
    till.press(Qt.Key.Key_1, till.main, Qt.KeyboardModifier.AltModifier)
    till.settle()
    assert [i.code for i in till.counter.cart.items] == ["CHIPS", "COLA"]
    assert bar.isHidden()


def test_switched_off_nothing_is_shown(till: Till) -> None:
    till.world.set_settings(analytics__recommendations=False)
    till.find("13800000001")
    till.ring_up("CHIPS")
    assert till.main.cart_panel.suggestions.isHidden()
    till.press(Qt.Key.Key_1, till.main, Qt.KeyboardModifier.AltModifier)
    assert [i.code for i in till.counter.cart.items] == ["CHIPS"]
