"""营销 → 会员分群 by keys and at 1024x768 (a new owner's blind trial): every Alt+letter
on the tab is its own (Alt+S was both 分群 and 此后未到店); the filters' labels take one
line each, three label+field pairs a row as on the members page; the count is said once;
every field in use is counted, the segment-only ones too."""

from __future__ import annotations

from collections import Counter as Tally

import pytest
from PySide6.QtWidgets import QWidget

from .office_1024 import office_page_at_1024
from .tasks_support import Counter
from .test_backoffice_member_list_words import assert_every_filter_label_has_a_key, mnemonics


def segments_at_1024(c: Counter, lang: str):  # type: ignore[no-untyped-def]
    office, page = office_page_at_1024(c, lang, "campaigns")
    seg = page.segments
    c.qtbot.waitUntil(lambda: seg.count is not None, timeout=10_000)
    c.settle()
    return office, page, seg


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
