"""The counter's status bar at 1024x768 (issue 11, a new owner's blind trial): the
card reader's state was cut to "读卡器：…". It is read whole now, in Chinese and
English, whatever the state; the parts that matter less give way first (ending in
"…", whole in their tooltip)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from memberdesk.ui.counter.status_bar import READER_STATES

from .counter_support import Till, make_till

SHOTS = os.environ.get("MEMBERDESK_SHOTS", "")


@pytest.fixture
def till(qtbot, ui, db, staff) -> Till:  # type: ignore[no-untyped-def]
    return make_till(qtbot, ui, db, staff)


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_reader_state_is_whole_at_1024(till: Till, lang: str) -> None:
    status = till.main.status
    status.set_shop("幸福里便利店（朝阳路二分店）")
    status.set_shift("S20261204-0001-03")
    till.ui.i18n.set_language(lang)
    till.main.resize(1024, 768)
    till.qtbot.waitUntil(lambda: till.main.width() == 1024)
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
