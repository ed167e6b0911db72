"""The members page's filters in words a newcomer reads (issue 11, a blind trial): the
state box said "not anonymised" (未注销) for its default; it names the states the
member list's column shows."""

from __future__ import annotations

import pytest

from memberdesk.models.enums import MemberStatus
from memberdesk.ui.backoffice.member_model import STATES, _tr

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
