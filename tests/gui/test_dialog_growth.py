"""A dialog keeps its size when a message line appears or goes while it has room:
``grow_to_fit`` measures the height the content needs at the dialog's own width (it
measured at the layout's narrower width, where the message wraps into more lines, and
grew the dialog with each message, and when one went). Two real dialogs: F3 recharge and F4 refund."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from memberdesk.models.enums import TenderKind

from .tasks_support import Counter, counter_for


@pytest.fixture
def counter(qtbot, ui, db, staff):  # type: ignore[no-untyped-def]
    yield from counter_for(qtbot, ui, db, staff)


def at_1024(c: Counter, lang: str) -> None:
    c.ui.i18n.set_language(lang)
    c.ui.main.resize(1024, 768)
    c.qtbot.waitUntil(lambda: c.ui.main.width() == 1024)


def messages_come_and_go(c: Counter, dialog: Any, show: Any) -> None:
    """Three times: ``show()`` a real message, then clear it; the size never moves."""
    c.settle()
    size = dialog.size()
    for _ in range(3):
        show()
        c.settle()
        assert dialog.message.isVisible()
        assert dialog.size() == size, dialog.message.text()
        dialog.clear_message()
        assert dialog.size() == size


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_recharge_dialog_keeps_its_size(counter: Counter, lang: str) -> None:
    c = counter
    at_1024(c, lang)
    c.select_member("alice")
    dialog = c.open(Qt.Key.Key_F3)
    c.type(dialog.amount, "5000.01")  # over the cap: refused with a long line
    dialog.resize(dialog.width(), 700)  # room for the message (it opens just high enough)

    messages_come_and_go(c, dialog, lambda: c.enter(dialog.amount))


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_refund_dialog_keeps_its_size(counter: Counter, lang: str) -> None:
    c = counter
    sale = c.world.sell([("COLA", 1)], [(TenderKind.CASH, "3.50")])
    at_1024(c, lang)
    dialog = c.open(Qt.Key.Key_F4)
    c.type(dialog.number, sale.sale_no)
    c.enter(dialog.number)
    c.qtbot.waitUntil(lambda: dialog.view.split.text() != "")

    messages_come_and_go(c, dialog, lambda: c.enter(dialog.reason))  # no reason given
