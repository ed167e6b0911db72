"""The points expiry reminder (issue 12, item 2) at the counter: on the member card
at lookup and as a line of the sale's receipt, by the ``points.reminder_days`` rule
(7 and 3 days by default), on a frozen shop clock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt

from memberdesk.domain import shoptime

from .counter_support import Till, make_till

NOON = datetime(2026, 12, 24, 4, 0, tzinfo=UTC)  # 12:00 on 24 Dec in the shop (+08:00)


@pytest.fixture
def till(qtbot, ui, db, staff) -> Iterator[Till]:  # type: ignore[no-untyped-def]
    with shoptime.frozen(NOON):
        yield make_till(qtbot, ui, db, staff)


def test_the_card_and_the_receipt_remind_of_points_expiring_soon(till: Till) -> None:
    w = till.world
    w.give_points("alice", 300, days=7)  # spendable through 31 Dec
    w.give_points("alice", 200, days=200)
    w.give_points("bob", 300, days=8)  # beyond the 7-day reminder

    till.find("13800000002")
    card = till.main.member_panel.card
    assert not card.expiry[0].isVisible() and card.expiry[1].text() == ""

    till.find("13800000001")
    assert card.expiry[0].isVisible()
    assert card.expiry[1].text() == "积分 300 将于 12月31日 到期"
    till.ring_up("COLA")
    dialog = till.pay_key()
    till.press(Qt.Key.Key_Return, dialog)
    assert till.receipt is not None
    assert "积分 300 将于 12月31日 到期" in till.receipt.preview.toPlainText()
