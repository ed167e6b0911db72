"""The members page's filters in words a newcomer reads (issue 11, a blind trial): the
state box said "not anonymised" (未注销) for its default; it names the states the
member list's column shows; the member tier (等级) and the analytics' A/B/C/D grade
(客户等级) sat side by side unexplained: they are named apart, each with a tooltip, in
the list's column and the filters alike."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from memberdesk.models.enums import MemberStatus
from memberdesk.ui.backoffice.member_model import STATES, TIER, _tr

from .office_1024 import office_page_at_1024
from .tasks_support import Counter


@pytest.mark.parametrize(("lang", "default"), [
    ("zh_CN", "正常和已停用"), ("en", "Active and deactivated")])
def test_the_state_choices_read_as_the_list_names_the_states(manager: Counter, lang: str,
                                                             default: str) -> None:
    c = manager
    _office, page = office_page_at_1024(c, lang, "members")
    box = page.list.filter_box.status
    choices = [box.itemText(i) for i in range(box.count())]
    assert choices[0] == default
    states = (MemberStatus.ACTIVE, MemberStatus.INACTIVE, MemberStatus.ANONYMISED)
    assert choices[1:] == [_tr(STATES[st]) for st in states]


def plain(text: str) -> str:
    """A label's text without its Alt+letter: 会员等级(&T) -> 会员等级, &Tier -> Tier."""
    key = QKeySequence.mnemonic(text).toString()[-1:]
    return text.replace(f"(&{key})", "").replace("&", "").strip()


@pytest.mark.parametrize(("lang", "tier", "grade"), [
    ("zh_CN", "会员等级", "客户价值等级"), ("en", "Tier", "Value grade")])
def test_the_tier_and_the_grade_are_told_apart(manager: Counter, lang: str, tier: str,
                                               grade: str) -> None:
    c = manager
    _office, page = office_page_at_1024(c, lang, "members")
    box = page.list.filter_box
    assert plain(box.labels["tier"].text()) == tier
    assert plain(box.labels["grade"].text()) == grade
    model = page.list.model
    horizontal = Qt.Orientation.Horizontal
    assert model.headerData(TIER, horizontal) == tier  # the list's column as the filter
    tip = model.headerData(TIER, horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tip and tip == box.labels["tier"].toolTip() == box.tier.toolTip()
    grade_tip = box.labels["grade"].toolTip()
    assert grade_tip and grade_tip == box.grade.toolTip() and grade_tip != tip
    assert ("A/B/C/D" in grade_tip) and (tier in grade_tip or tier.lower() in grade_tip)


@pytest.mark.parametrize(("lang", "hint"), [("zh_CN", "年-月-日"), ("en", "YYYY-MM-DD")])
def test_an_empty_day_field_does_not_look_filled_in(owner: Counter, lang: str,
                                                    hint: str) -> None:
    """The day fields' grey hint was a day (2026-01-31): it read as a filter in use."""
    c = owner
    office, page = office_page_at_1024(c, lang, "members")
    box = page.list.filter_box
    dialog = page.open_member("M000001")
    segments = office.show_page("campaigns").segments.list.filter_box
    days = [box.visited_from, box.visited_before, segments.registered_from,
            segments.registered_before, dialog.lock_until]
    assert [day.placeholderText() for day in days] == [hint] * len(days)
    assert not any(day.text() for day in days)
    dialog.close()
