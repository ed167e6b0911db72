"""营销 → 会员分群 by keys and at 1024x768 (a new owner's blind trial): every Alt+letter
on the tab is its own (Alt+S was both 分群 and 此后未到店); the filters' labels take one
line each, three label+field pairs a row as on the members page; the count is said once;
every field in use is counted, the segment-only ones too."""

from __future__ import annotations

import os
from collections import Counter as Tally
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from tests.checkout_support.kit import add_member

from .office_1024 import office_page_at, visible_rows
from .tasks_support import Counter
from .test_backoffice_member_list_words import assert_every_filter_label_has_a_key, mnemonics

SHOTS = os.environ.get("MEMBERDESK_SHOTS", "")


def segments_at(c: Counter, lang: str, screen: tuple[int, int] = (1024, 768), *,
                unfold: bool = True):  # type: ignore[no-untyped-def]
    """The 分群 tab loaded at ``screen``; its filters unfolded (their button) unless not
    ``unfold``."""
    office, page = office_page_at(c, lang, screen, "campaigns")
    seg = page.segments
    c.qtbot.waitUntil(lambda: seg.count is not None, timeout=10_000)
    c.settle()
    if unfold:
        seg.list.filters_button.click()
        c.settle()
    return office, page, seg


def segments_at_1024(c: Counter, lang: str):  # type: ignore[no-untyped-def]
    return segments_at(c, lang)


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_every_alt_letter_on_the_segments_tab_is_its_own(owner: Counter, lang: str) -> None:
    c = owner
    office, page, _seg = segments_at_1024(c, lang)
    widgets = page.findChildren(QWidget) + [w for w in office.findChildren(QWidget)
                                            if w.isVisible()]
    keys = mnemonics([w for w in dict.fromkeys(widgets) if w.isVisibleTo(office)])
    assert len(keys) >= 21, keys  # segment, name, sort and the eighteen filter fields
    twice = {k: [t for key, t in keys if key == k]
             for k, n in Tally(k for k, _ in keys).items() if n > 1}
    assert not twice, twice
    assert_every_filter_label_has_a_key(_seg.list.filter_box)


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_filters_labels_take_one_line_and_the_count_is_said_once(
        owner: Counter, lang: str) -> None:
    c = owner
    _office, _page, seg = segments_at_1024(c, lang)
    box = seg.list.filter_box
    line = box.fontMetrics().height()
    tall = {label.text(): label.height() for label in box.labels.values()
            if label.height() >= 2 * line}
    assert not tall, tall
    for label in box.labels.values():  # whole, not cut
        assert label.width() >= label.sizeHint().width(), label.text()
    area = box.parentWidget()
    assert box.width() <= area.width()  # nothing cut at the right
    shown = [w.text() for w in (seg.count_label, seg.list.count_label) if w.isVisible()]
    assert shown == [seg.count_label.text()]
    assert shown[0] == ("符合条件的会员：3 位" if lang == "zh_CN" else "3 members match")


def test_every_field_in_use_is_counted(owner: Counter) -> None:
    c = owner
    _office, _page, seg = segments_at_1024(c, "zh_CN")
    box = seg.list.filter_box
    assert box.in_use() == 0
    c.type(box.visits_min, "2")
    c.type(box.expiring, "30")
    assert box.in_use() == 2
    box.window_days.setText("30")  # a window other than the default narrows it too
    box.tier.setCurrentIndex(1)
    assert box.in_use() == 4
    box.clear()
    assert box.in_use() == 0


@pytest.mark.parametrize("screen", [(1024, 768), (1366, 768)])
@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_segments_list_shows_eight_rows_its_filters_folded(
        owner: Counter, lang: str, screen: tuple[int, int]) -> None:
    """The result table showed two rows under the eighteen fields at 1024x768 (a blind
    trial): the filters fold behind their button, as on the members page, the count
    beside it, so the table shows eight rows and more; Alt+E unfolds them, the first
    field ready, and folded again the button counts the fields in use."""
    c = owner
    for i in range(30):
        add_member(c.db, f"137{i:04d}{i:04d}", f"顾客{i:03d}", c.world.tiers["normal"])
    office, _page, seg = segments_at(c, lang, screen, unfold=False)
    panel = seg.list
    c.qtbot.waitUntil(lambda: panel.model.rowCount() >= 30)
    c.qtbot.wait(50)
    if SHOTS:
        office.grab().save(str(Path(SHOTS) / f"segments-{screen[0]}-{lang}.png"))
    rows = visible_rows(panel.table)
    assert rows >= 8, (rows, panel.table.height())
    assert seg.count_label.isVisible() and panel.filters_button.isVisible()
    assert not panel.filter_box.isVisible()
    c.press(Qt.Key.Key_E, office, Qt.KeyboardModifier.AltModifier)
    c.qtbot.waitUntil(panel.filter_box.isVisible, timeout=2_000)
    assert panel.tier.hasFocus()
    c.type(panel.filter_box.visits_min, "2")
    c.press(Qt.Key.Key_Return, panel.filter_box.visits_min)
    c.settle()
    if SHOTS:
        office.grab().save(str(Path(SHOTS) / f"segments-open-{screen[0]}-{lang}.png"))
    panel.filters_button.click()
    c.settle()
    assert not panel.filter_box.isVisible()
    text = panel.filters_button.text()
    assert "(1)" in text or "（1）" in text, text
