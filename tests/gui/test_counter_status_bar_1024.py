"""The counter's status bar at 1024x768 (issue 11, a new owner's blind trial): the
card reader's state was cut to "读卡器：…". It is read whole now, in Chinese and
English, whatever the state; the parts that matter less give way first (ending in
"…", whole in their tooltip). A later trial: the shop's name and the shift's number
were cut in English though the bar had room; they are whole when there is room, and
a long name takes the room that is left (none is left unused)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from memberdesk.ui.common import fmt
from memberdesk.ui.counter.status_bar import BAR_LEAD_PX, READER_STATES

from .counter_support import Till, make_till

SHOTS = os.environ.get("MEMBERDESK_SHOTS", "")


@pytest.fixture
def till(qtbot, ui, db, staff) -> Till:  # type: ignore[no-untyped-def]
    return make_till(qtbot, ui, db, staff)


def at_1024(till: Till, lang: str, shop: str) -> None:
    """The bar of a till with ``shop`` and today's first shift open, at 1024 in ``lang``."""
    status = till.main.status
    status.set_shop(shop)
    status.set_shift(f"B{fmt.shop_today():%Y%m%d}-001")  # as the shift service numbers it
    till.ui.i18n.set_language(lang)
    till.main.resize(1024, 768)
    till.qtbot.waitUntil(lambda: till.main.width() == 1024)


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_reader_state_is_whole_at_1024(till: Till, lang: str) -> None:
    status = till.main.status
    at_1024(till, lang, "幸福里便利店（朝阳路二分店）")
    for state in READER_STATES:
        status.set_reader_state(state)
        till.qtbot.wait(20)
        label = status.reader_label
        text = label.text()
        assert label.isVisible() and not label.elided(), (state, text, label.width())
        assert label.fontMetrics().horizontalAdvance(text) <= label.contentsRect().width()
        if SHOTS and state == "card_present":
            status.grab().save(str(Path(SHOTS) / f"status-bar-1024-{lang}.png"))
    # the whole bar stays inside the window; what gave way says itself in its tooltip
    assert status.width() <= 1024
    for label in status.fields.values():
        assert label.isVisible() and label.mapTo(status, label.rect().topRight()).x() <= 1024


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_shop_and_the_shift_are_whole_when_there_is_room(till: Till, lang: str) -> None:
    status = till.main.status
    at_1024(till, lang, "好邻居便利店")  # the demo shop
    status.set_reader_state("card_present")  # the longest reader state in English
    till.qtbot.wait(20)
    if SHOTS:
        status.grab().save(str(Path(SHOTS) / f"status-bar-room-1024-{lang}.png"))
    for key, label in status.fields.items():
        assert not label.elided(), (key, label.text(), label.width())
    assert status.shop_label.toolTip() == status.shop_label.text()


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_a_long_shop_name_takes_all_the_room_left(till: Till, lang: str) -> None:
    status = till.main.status
    at_1024(till, lang, "幸福里便利店（朝阳路二分店）")
    status.set_reader_state("card_present")
    till.qtbot.wait(20)
    assert status.shop_label.elided()  # too long for 1024: it gives way first ...
    assert not status.shift_label.elided()  # ... and the shift's number stays whole
    assert status.shop_label.toolTip().endswith("幸福里便利店（朝阳路二分店）")
    # no room left unused: the fields run from the bar's own lead to its right end
    assert status.staff_label.x() == BAR_LEAD_PX
    assert status.backup_label.geometry().right() == status.width() - 1
