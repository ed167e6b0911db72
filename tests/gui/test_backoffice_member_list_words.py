"""会员 by keys and in words (a new owner's blind trial): every Alt+letter on the
members page is its own (Alt+F was both 查找 and 到店起于, Alt+A both 标签 and
储值高于)."""

from __future__ import annotations

from collections import Counter as Tally

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QLabel, QTabBar, QWidget

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
    assert len(keys) >= 11, keys  # the tabs, find, sort, filters, six filter fields
    twice = {k: [t for key, t in keys if key == k]
             for k, n in Tally(k for k, _ in keys).items() if n > 1}
    assert not twice, twice
    # Alt+F finds, Alt+D is 到店起于 / visited from, Alt+V the stored value
    c.press(Qt.Key.Key_D, office, Qt.KeyboardModifier.AltModifier)
    c.qtbot.waitUntil(page.list.visited_from.hasFocus, timeout=2_000)
    c.press(Qt.Key.Key_V, office, Qt.KeyboardModifier.AltModifier)
    c.qtbot.waitUntil(page.list.balance.hasFocus, timeout=2_000)
    c.press(Qt.Key.Key_F, office, Qt.KeyboardModifier.AltModifier)
    c.qtbot.waitUntil(page.list.search.hasFocus, timeout=2_000)
