"""会员 by keys and in words (a new owner's blind trial): every Alt+letter on the
members page is its own (Alt+F was both 查找 and 到店起于, Alt+A both 标签 and
储值高于); a list that finds nobody says how many filters are in use and how to see
them; the count and the Enter hint read as two sentences."""

from __future__ import annotations

from collections import Counter as Tally

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QLabel, QTabBar, QWidget

from tests.checkout_support.kit import add_member

from .office_1024 import office_page_at_1024
from .tasks_support import Counter


def mnemonics(widgets: list[QWidget]) -> list[tuple[str, str]]:
    """(Alt+letter, text) of each buddy label, button and tab among ``widgets``."""
    texts: list[str] = []
    for w in widgets:
        if (isinstance(w, QLabel) and w.buddy() is not None) or isinstance(w, QAbstractButton):
            texts.append(w.text())
        elif isinstance(w, QTabBar):
            texts += [w.tabText(i) for i in range(w.count())]
    keys = [(QKeySequence.mnemonic(t).toString(), t) for t in texts]
    return [(k, t) for k, t in keys if k]


def assert_every_filter_label_has_a_key(box: QWidget) -> None:
    """Each label of the filters (the newer ones had none: 状态, 客户分群 …) has its
    Alt+letter; pressing it reaches the field."""
    labels = box.labels  # type: ignore[attr-defined]
    bare = [label.text() for label in labels.values() if not mnemonics([label])]
    assert not bare, bare


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_every_alt_letter_on_the_members_page_is_its_own(manager: Counter, lang: str) -> None:
    c = manager
    office, page = office_page_at_1024(c, lang, "members")
    page.list.filters_button.click()
    c.settle()
    # the page's labels, buttons and tabs (both tabs), and what the window shows beside it
    widgets = page.findChildren(QWidget) + [w for w in office.findChildren(QWidget)
                                            if w.isVisible()]
    keys = mnemonics(list(dict.fromkeys(widgets)))
    assert len(keys) >= 16, keys  # the tabs, find, sort, filters, the eleven filter fields
    twice = {k: [t for key, t in keys if key == k]
             for k, n in Tally(k for k, _ in keys).items() if n > 1}
    assert not twice, twice
    assert_every_filter_label_has_a_key(page.list.filter_box)
    # Alt+F finds, Alt+D is 到店起于 / visited from, Alt+V the stored value
    c.press(Qt.Key.Key_D, office, Qt.KeyboardModifier.AltModifier)
    c.qtbot.waitUntil(page.list.visited_from.hasFocus, timeout=2_000)
    c.press(Qt.Key.Key_V, office, Qt.KeyboardModifier.AltModifier)
    c.qtbot.waitUntil(page.list.balance.hasFocus, timeout=2_000)
    c.press(Qt.Key.Key_F, office, Qt.KeyboardModifier.AltModifier)
    c.qtbot.waitUntil(page.list.search.hasFocus, timeout=2_000)
    c.press(Qt.Key.Key_U, office, Qt.KeyboardModifier.AltModifier)  # 状态 / Status
    c.qtbot.waitUntil(page.list.filter_box.status.hasFocus, timeout=2_000)


@pytest.mark.parametrize(("lang", "texts"), [
    ("zh_CN", ("没有符合条件的会员（已用 2 个筛选条件，按 Alt+E 查看）",
               "没有符合条件的会员（已用 2 个筛选条件）",
               "没有找到（已用 1 个筛选条件，按 Alt+E 查看）", "没有找到")),
    ("en", ("No members match (2 filters in use — Alt+E to see them)",
            "No members match (2 filters in use)",
            "Nothing found (1 filter in use — Alt+E to see it)", "Nothing found")),
])
def test_an_empty_list_names_the_filters_in_use(manager: Counter, lang: str,
                                                texts: tuple[str, ...]) -> None:
    c = manager
    _office, page = office_page_at_1024(c, lang, "members")
    panel = page.list
    c.qtbot.waitUntil(lambda: panel.model.rowCount() > 0)
    folded_two, unfolded_two, search_one, search_none = texts
    panel.show_filters(True)
    panel.month.setCurrentIndex(panel.month.findData(1))
    c.type(panel.tag, "VIP")
    c.press(Qt.Key.Key_Return, panel.tag)  # nobody is tagged VIP
    c.settle()
    assert panel.model.rowCount() == 0
    assert panel.count_label.text() == unfolded_two
    panel.show_filters(False)
    assert panel.count_label.text() == folded_two
    panel.month.setCurrentIndex(0)
    c.type(panel.search, "张三")
    c.press(Qt.Key.Key_Return, panel.search)
    c.settle()
    assert panel.count_label.text() == search_one
    # no filter in use: the words as they were
    panel.tag.clear()
    panel.apply_now()
    c.settle()
    assert panel.model.rowCount() > 0
    c.type(panel.search, "no such member")
    panel.apply_now()
    c.settle()
    assert panel.count_label.text() == search_none


@pytest.mark.parametrize(("lang", "shown", "counted"), [
    ("zh_CN", "已显示 100 位，向下滚动加载更多。回车打开会员详情。", "共 {n} 位会员。回车打开会员详情。"),
    ("en", "100 shown, scroll for more. Enter opens the member.",
     "{n} members. Enter opens the member."),
])
def test_the_count_and_the_enter_hint_are_two_sentences(manager: Counter, lang: str,
                                                        shown: str, counted: str) -> None:
    c = manager
    for i in range(120):  # more than a page of 100
        add_member(c.db, f"137{i:04d}{i:04d}", f"顾客{i:03d}", c.world.tiers["normal"])
    _office, page = office_page_at_1024(c, lang, "members")
    panel = page.list
    c.qtbot.waitUntil(lambda: panel.model.rowCount() >= 100)
    assert panel.count_label.text() == shown
    assert panel.count_label.isVisible()  # beside the page's heading
    panel.table.scrollToBottom()
    c.qtbot.waitUntil(lambda: not panel.model.more)
    c.settle()
    assert panel.count_label.text() == counted.format(n=panel.model.rowCount())


def test_a_typed_filter_applies_when_tab_leaves_it(manager: Counter) -> None:
    """The trial typed 500 in 储值高于 and pressed Tab: the list, its count and the
    filters button stayed as before (only Enter applied), and a segment saved then held
    other members than the screen showed."""
    c = manager
    _office, page = office_page_at_1024(c, "zh_CN", "members")
    panel = page.list
    c.qtbot.waitUntil(lambda: panel.model.rowCount() > 0)
    panel.show_filters(True)
    panel.balance.setFocus()
    c.type(panel.balance, "500")
    c.press(Qt.Key.Key_Tab, panel.balance)
    c.settle()
    c.qtbot.waitUntil(lambda: panel.model.rowCount() == 0)  # nobody holds ¥500
    assert "（1）" in panel.filters_button.text()
    reloads: list[object] = []
    panel.applied.connect(reloads.append)
    panel.balance.setFocus()
    c.press(Qt.Key.Key_Tab, panel.balance)  # left again, nothing typed: no reload
    c.settle()
    assert reloads == []
