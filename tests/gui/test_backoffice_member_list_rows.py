"""会员 at 1024x768 (issue 11, a new owner's blind trial): the member list showed
about four members under its filters. The filters fold away behind one button
(their count of fields in use on it), so the list shows ten rows and more, in
Chinese and English; opening the filters still reaches every field."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from memberdesk.ui.backoffice.member_filters import DAY_PADDING
from memberdesk.ui.common.column_fit import cell_tip, title_tip
from tests.checkout_support.kit import add_member

from .office_1024 import office_page_at, office_page_at_1024, visible_rows
from .tasks_support import Counter

SHOTS = os.environ.get("MEMBERDESK_SHOTS", "")


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_member_list_shows_ten_rows_at_1024(manager: Counter, lang: str) -> None:
    c = manager
    for i in range(30):
        add_member(c.db, f"137{i:04d}{i:04d}", f"顾客{i:03d}", c.world.tiers["normal"])
    office, page = office_page_at_1024(c, lang, "members")
    panel = page.list
    c.settle()
    c.qtbot.waitUntil(lambda: panel.model.rowCount() >= 30)
    c.qtbot.wait(50)
    if SHOTS:
        office.grab().save(str(Path(SHOTS) / f"members-1024-{lang}.png"))
    rows = visible_rows(panel.table)
    assert rows >= 10, (rows, panel.table.height())
    # the filters unfold with their button, the first field ready to pick
    assert not panel.filter_box.isVisible()
    panel.filters_button.click()
    c.settle()
    assert panel.filter_box.isVisible() and panel.tier.hasFocus()
    c.type(panel.tag, "VIP")
    c.press(Qt.Key.Key_Return, panel.tag)
    c.settle()
    assert panel.model.rowCount() == 0
    # folded again, the button says a filter is in use
    panel.filters_button.click()
    c.settle()
    assert not panel.filter_box.isVisible() and panel.filters_button.hasFocus()
    text = panel.filters_button.text()
    assert "(1)" in text or "（1）" in text, text
    # by keys too: Alt+E unfolds them (the tag's field still typed in)
    c.press(Qt.Key.Key_E, office, Qt.KeyboardModifier.AltModifier)
    c.qtbot.waitUntil(panel.filter_box.isVisible, timeout=2_000)  # (a mnemonic's click: 100 ms)
    assert panel.tag.text() == "VIP"


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_eight_rows_and_whole_titles_with_the_filters_unfolded(manager: Counter,
                                                               lang: str) -> None:
    """The unfolded filters (a label beside each field, three to a row, a line high)
    leave the list eight rows and more at 1024x768; no column title is cut ("…"),
    nor a tier."""
    c = manager
    for i in range(30):
        add_member(c.db, f"137{i:04d}{i:04d}", f"顾客{i:03d}", c.world.tiers["normal"])
    office, page = office_page_at_1024(c, lang, "members")
    panel = page.list
    c.qtbot.waitUntil(lambda: panel.model.rowCount() >= 30)
    c.press(Qt.Key.Key_E, office, Qt.KeyboardModifier.AltModifier)
    c.qtbot.waitUntil(panel.filter_box.isVisible, timeout=2_000)
    c.settle()
    c.qtbot.wait(50)
    if SHOTS:
        office.grab().save(str(Path(SHOTS) / f"members-filters-1024-{lang}.png"))
    rows = visible_rows(panel.table)
    assert rows >= 8, (rows, panel.table.height(), panel.filter_box.height())
    header = panel.table.horizontalHeader()
    cut = [panel.model.headerData(col, Qt.Orientation.Horizontal)
           for col in range(header.count()) if title_tip(header, col) is not None]
    assert not cut, cut
    assert cell_tip(panel.table, panel.model.index(0, 3)) is None  # the tier, whole
    # every field still shown whole beside its label, none off the page's right
    right = panel.mapToGlobal(panel.rect().topRight()).x()
    for label in panel.filter_box.labels.values():
        buddy = label.buddy()
        assert buddy is not None and buddy.isVisible()
        assert buddy.mapToGlobal(buddy.rect().topRight()).x() <= right, label.text()
        assert label.width() >= label.sizeHint().width(), label.text()


@pytest.mark.parametrize("screen", [(1024, 768), (1366, 768)])
@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_a_stored_value_typed_above_shows_whole(manager: Counter, lang: str,
                                                screen: tuple[int, int]) -> None:
    """储值高于 / Stored value above was a field a few digits wide (a blind trial at
    1024): an amount like 12345.67 shows whole, in its own big font, at both sizes."""
    c = manager
    office, page = office_page_at(c, lang, screen, "members")
    panel = page.list
    c.press(Qt.Key.Key_E, office, Qt.KeyboardModifier.AltModifier)
    c.qtbot.waitUntil(panel.filter_box.isVisible, timeout=2_000)
    c.type(panel.balance, "12345.67")
    c.press(Qt.Key.Key_Return, panel.balance)  # applied (nothing left to apply at the end)
    c.settle()
    if SHOTS:
        office.grab().save(str(Path(SHOTS) / f"members-balance-{screen[0]}-{lang}.png"))
    text = panel.balance.fontMetrics().horizontalAdvance("12345.67")
    assert panel.balance.width() >= text + DAY_PADDING, (panel.balance.width(), text)
    right = panel.mapToGlobal(panel.rect().topRight()).x()
    for label in panel.filter_box.labels.values():  # the rest of the row still whole
        assert label.width() >= label.sizeHint().width(), label.text()
        buddy = label.buddy()
        assert buddy.mapToGlobal(buddy.rect().topRight()).x() <= right, label.text()
