"""A flapping card reader (pcscd restarting, the card reported removed and inserted
during a read) never takes the member off the sale: only the cashier does (Esc on an
empty field, or the sale ending). Each failure is said; the member stays."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from memberdesk.hardware.reader_events import (
    CardInserted,
    CardRemoved,
    ReaderAdded,
    ReaderEvent,
    ReaderRemoved,
    ReadError,
    ReadErrorReason,
    ReaderStatus,
    StatusChanged,
)
from memberdesk.services.members import cards

from .counter_support import Till, make_till

READER = "Virtual PCD 00 00"
CARD = "04A1B2C3"


@pytest.fixture
def till(qtbot, ui, db, staff) -> Till:  # type: ignore[no-untyped-def]
    till = make_till(qtbot, ui, db, staff)
    cards.bind_card(till.db, till.world.owner, "M000001", CARD)
    return till


def deliver(till: Till, *events: ReaderEvent) -> None:
    """Events from a thread of their own, as the reader service sends them."""
    thread = threading.Thread(target=lambda: [till.ui.reader.listener(e) for e in events])
    thread.start()
    thread.join()
    QApplication.processEvents()
    till.settle()


def _member_by_card_with_an_item(till: Till) -> None:
    deliver(till, StatusChanged(ReaderStatus.READY), CardInserted(READER, CARD))
    till.qtbot.waitUntil(lambda: till.ui.state.member is not None)
    till.ring_up("COLA")
    assert till.main.member_panel.card.name.text() == "张三"


FLAPS: dict[str, tuple[ReaderEvent, ...]] = {
    "card pulled during the read": (
        CardRemoved(READER, CARD),
        ReadError(READER, ReadErrorReason.CARD_REMOVED, "card removed during the read"),
    ),
    "read failed": (ReadError(READER, ReadErrorReason.PCSC_ERROR, "transaction failed"),),
    "card removed": (CardRemoved(READER, CARD),),
    "service restarting": (
        CardRemoved(READER, CARD), ReaderRemoved(READER), StatusChanged(ReaderStatus.NO_SERVICE),
        StatusChanged(ReaderStatus.READY), ReaderAdded(READER),
        ReadError(READER, ReadErrorReason.READER_REMOVED, "reader removed during the read"),
    ),
    "reader gone": (CardRemoved(READER, CARD), ReaderRemoved(READER),
                    StatusChanged(ReaderStatus.NO_READER)),
    "a phone's random UID": (CardRemoved(READER, CARD), CardInserted(READER, "08F1E2D3")),
    "an unbound card": (CardInserted(READER, "04D4E5F9"),),
    "mute card then lost service": (
        ReadError(READER, ReadErrorReason.UNRESPONSIVE_CARD, "mute card"),
        ReadError(READER, ReadErrorReason.SERVICE_LOST, "service lost"),
        StatusChanged(ReaderStatus.NO_SERVICE),
    ),
}


@pytest.mark.parametrize("flap", list(FLAPS))
def test_a_flapping_reader_keeps_the_member_on_the_sale(till: Till, flap: str) -> None:
    _member_by_card_with_an_item(till)
    due = till.main.totals_panel.due_value.text()
    deliver(till, *FLAPS[flap])
    assert till.ui.state.member is not None
    assert till.main.member_panel.card.name.text() == "张三"
    assert till.main.totals_panel.due_value.text() == due  # still priced for the member
    dialog = till.pay_key()
    assert "张三" in dialog.member_line.text()
    till.press(Qt.Key.Key_Return, dialog)
    [sale] = till.sales()
    assert sale.member_id == till.world.members["alice"]


def test_a_pulled_card_says_so_and_that_the_member_stays(till: Till) -> None:
    _member_by_card_with_an_item(till)
    deliver(till, ReadError(READER, ReadErrorReason.CARD_REMOVED, "card removed"))
    assert till.main.banner.text == (
        "读卡时卡片被拿开了，请重新刷卡。会员 张三（M000001）仍在本单上（按 Esc 取消会员）。")
    deliver(till, CardInserted(READER, "08F1E2D3"))
    assert till.main.banner.text.startswith("未知卡 08F1E2D3")
    assert till.main.banner.text.endswith("会员 张三（M000001）仍在本单上（按 Esc 取消会员）。")


def test_esc_still_takes_the_member_off(till: Till) -> None:
    _member_by_card_with_an_item(till)
    deliver(till, CardRemoved(READER, CARD))
    till.press(Qt.Key.Key_Escape)
    assert till.ui.state.member is None
    dialog = till.pay_key()
    assert dialog.member_line.text() == "散客（非会员）"


def test_another_members_card_changes_the_member(till: Till) -> None:
    cards.bind_card(till.db, till.world.owner, "M000002", "04D4E5F6")
    _member_by_card_with_an_item(till)
    deliver(till, CardRemoved(READER, CARD), CardInserted(READER, "04D4E5F6"))
    till.qtbot.waitUntil(lambda: till.main.member_panel.card.name.text() == "李四")
