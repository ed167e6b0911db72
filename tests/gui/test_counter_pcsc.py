"""The counter on a real PC/SC stack: a private pcscd with the vpcd driver and
virtual cards (tests/support). Swipe, then two keys to pay everything from stored
value and see the receipt; cards pulled away and presented at the wrong time.

Without pcscd/vpcd these tests skip, except with CI=true, where they fail."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from memberdesk.money import Money
from memberdesk.services.members import cards
from tests.support.pcscd import VPCD_READER, PcscdProcess, started_pcscd, wait_reader_empty
from tests.support.vpcd_card import VirtualCard, virtual_cards

from .counter_support import KeyCounter, Till, make_till

ALICE_CARD = "04A1B2C3"
BOB_CARD = "04D4E5F6"
EVENT_MS = 5_000  # pcscd polls every ~0.4 s; generous for a loaded machine


@pytest.fixture(scope="module")
def pcscd() -> Iterator[PcscdProcess]:
    yield from started_pcscd()


@pytest.fixture(name="virtual_cards")
def _virtual_cards() -> Iterator[Callable[..., VirtualCard]]:
    yield from virtual_cards()


@pytest.fixture
def reader_till(pcscd: PcscdProcess, qtbot, ui, db, staff) -> Iterator[Till]:  # type: ignore[no-untyped-def]
    """The counter with the card reader service watching the virtual reader."""
    if not pcscd.running:
        pcscd.start()
    till = make_till(qtbot, ui, db, staff)
    w = till.world
    w.recharge("alice", "100")
    w.recharge("bob", "100")
    cards.bind_card(db, w.owner, "M000001", ALICE_CARD)
    cards.bind_card(db, w.owner, "M000002", BOB_CARD)
    ui.reader.start(retry_interval=0.2, poll_interval=0.25,
                    reader_filter=lambda name: name == VPCD_READER)
    try:
        wait_status(till, "读卡器：就绪")
        yield till
    finally:
        ui.reader.stop()


def wait_status(till: Till, text: str) -> None:
    till.qtbot.waitUntil(lambda: till.main.status.reader_label.text() == text, timeout=EVENT_MS)


def present(till: Till, card: VirtualCard) -> None:
    """Put the card on the reader and wait for its lookup to come back."""
    with till.qtbot.waitSignal(till.ui.reader.card_inserted, timeout=EVENT_MS):
        card.insert()
    till.settle()


def take_away(till: Till, card: VirtualCard) -> None:
    with till.qtbot.waitSignal(till.ui.reader.card_removed, timeout=EVENT_MS):
        card.remove()
    wait_status(till, "读卡器：就绪")


def test_swipe_then_two_keys_pay_all_from_stored_value(
    reader_till: Till, virtual_cards: Callable[..., VirtualCard]
) -> None:
    till = reader_till
    till.ring_up("COLA", "CHIPS")  # the items first, as at a supermarket till
    card = virtual_cards(ALICE_CARD)
    present(till, card)  # the swipe
    assert till.main.member_panel.card.name.text() == "张三"
    assert till.main.status.reader_label.text() == "读卡器：有卡"

    keys = KeyCounter()
    QApplication.instance().installEventFilter(keys)
    try:
        till.press(Qt.Key.Key_F12)  # 1: the dialog opens with "all from stored value"
        till.press(Qt.Key.Key_Return)  # 2: confirm
    finally:
        QApplication.instance().removeEventFilter(keys)

    assert keys.keys == ["Key_F12", "Key_Return"]  # two key presses after the swipe
    receipt = till.receipt
    assert receipt is not None and receipt.isVisible()
    [sale] = till.sales()
    assert till.tenders(sale.id) == {"stored_value": (1230, None)}
    assert till.world.balances("alice")[0] == Money(10000 - 1230)
    assert receipt.sv_value.text() == "¥87.70"
    assert receipt.earned_value.text() == f"+{sale.points_earned}"
    assert "¥12.30" in receipt.preview.toPlainText() or "12.30" in receipt.preview.toPlainText()
    take_away(till, card)


def test_a_card_pulled_and_another_presented_during_the_payment(
    reader_till: Till, virtual_cards: Callable[..., VirtualCard]
) -> None:
    till = reader_till
    alice = virtual_cards(ALICE_CARD)
    present(till, alice)
    till.ring_up("BEER")
    dialog = till.pay_key()
    take_away(till, alice)  # pulled in the middle of the payment: nothing changes
    assert dialog.isVisible() and not dialog.message.isVisible()

    bob = virtual_cards(BOB_CARD)
    present(till, bob)  # a second card during the payment
    assert dialog.message.text() == "正在收款时刷了卡：请先完成或取消本次收款（Esc）。"
    take_away(till, bob)
    till.press(Qt.Key.Key_Return, dialog)

    [sale] = till.sales()
    assert sale.member_id == till.world.members["alice"]
    assert till.world.balances("bob")[0] == Money(10000)


def test_a_card_pulled_while_it_is_read_then_a_good_one(
    reader_till: Till, virtual_cards: Callable[..., VirtualCard]
) -> None:
    till = reader_till
    pulled = virtual_cards(ALICE_CARD, drop_on_get_uid=True)
    with till.qtbot.waitSignal(till.ui.reader.card_removed, timeout=EVENT_MS):
        pulled.insert()
    till.settle()
    assert till.ui.state.member is None  # nobody was identified by a half-read card
    if till.main.banner.isVisible():
        assert till.main.banner.text in (
            "读卡时卡片被拿开了，请重新刷卡。", "读卡失败，请重新刷卡。",
        )
    pulled.remove()
    assert wait_reader_empty(VPCD_READER)
    good = virtual_cards(BOB_CARD)
    present(till, good)
    assert till.main.member_panel.card.name.text() == "李四"
