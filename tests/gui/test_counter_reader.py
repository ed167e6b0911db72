"""Card reader events through the bridge (fake events from another thread, as the
PC/SC service delivers them), the status bar, and cards at the wrong moment:
a second card during the payment, a card pulled away, the reader unplugged."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QApplication

from memberdesk.hardware.reader_events import (
    CardInserted,
    CardRemoved,
    ReaderEvent,
    ReadError,
    ReadErrorReason,
    ReaderStatus,
    StatusChanged,
)
from memberdesk.money import Money
from memberdesk.services.backup import create as backup
from memberdesk.services.members import cards

from .counter_support import Till, make_till


@pytest.fixture
def till(qtbot, ui, db, staff) -> Till:  # type: ignore[no-untyped-def]
    return make_till(qtbot, ui, db, staff)

READER = "Virtual PCD 00 00"


def deliver(till: Till, *events: ReaderEvent) -> None:
    """Events from a thread of their own, as the reader service sends them."""
    thread = threading.Thread(target=lambda: [till.ui.reader.listener(e) for e in events])
    thread.start()
    thread.join()
    QApplication.processEvents()  # the queued signals arrive on the GUI thread
    till.settle()


def test_the_status_bar_shows_the_reader_state_from_its_thread(till: Till) -> None:
    status = till.main.status
    threads: list[bool] = []
    till.ui.reader.status_changed.connect(
        lambda _s: threads.append(QThread.currentThread() is QApplication.instance().thread())
    )
    assert status.reader_label.text() == "读卡器：未连接"
    for state, text in (
        (ReaderStatus.NO_SERVICE, "读卡器：服务未运行"),
        (ReaderStatus.NO_READER, "读卡器：未连接"),
        (ReaderStatus.READY, "读卡器：就绪"),
        (ReaderStatus.CARD_PRESENT, "读卡器：有卡"),
    ):
        deliver(till, StatusChanged(state))
        till.qtbot.waitUntil(lambda text=text: status.reader_label.text() == text)
    assert threads and all(threads)  # every signal arrived on the GUI thread


def test_a_card_on_the_reader_finds_its_member(till: Till) -> None:
    cards.bind_card(till.db, till.world.owner, "M000001", "04A1B2C3")
    presented: list[str] = []
    till.main.card_presented.connect(presented.append)
    deliver(till, StatusChanged(ReaderStatus.READY), CardInserted(READER, "04A1B2C3"))
    till.qtbot.waitUntil(lambda: till.ui.state.member is not None)
    assert till.main.member_panel.card.name.text() == "张三"
    assert presented == ["04A1B2C3"]


def test_the_reader_unplugged_says_so_and_typing_still_works(till: Till) -> None:
    deliver(till, StatusChanged(ReaderStatus.READY))
    deliver(till, StatusChanged(ReaderStatus.NO_READER))
    till.qtbot.waitUntil(lambda: till.main.banner.isVisible())
    assert till.main.banner.text.startswith("读卡器已断开")
    assert till.main.status.reader_label.text() == "读卡器：未连接"
    till.find("13800000001")
    assert till.main.member_panel.card.name.text() == "张三"


def test_a_card_pulled_away_while_it_was_read(till: Till) -> None:
    deliver(till, ReadError(READER, ReadErrorReason.CARD_REMOVED, "card removed"))
    till.qtbot.waitUntil(lambda: till.main.banner.isVisible())
    assert till.main.banner.text == "读卡时卡片被拿开了，请重新刷卡。"
    assert till.ui.state.member is None


def test_a_second_card_or_a_pulled_card_during_the_payment_change_nothing(till: Till) -> None:
    w = till.world
    w.recharge("alice", "100")
    w.recharge("bob", "100")
    cards.bind_card(till.db, w.owner, "M000001", "04A1B2C3")
    cards.bind_card(till.db, w.owner, "M000002", "04D4E5F6")
    deliver(till, StatusChanged(ReaderStatus.READY), CardInserted(READER, "04A1B2C3"))
    till.qtbot.waitUntil(lambda: till.ui.state.member is not None)
    till.ring_up("COLA")
    dialog = till.pay_key()

    deliver(till, CardRemoved(READER, "04A1B2C3"), CardInserted(READER, "04D4E5F6"))
    till.qtbot.waitUntil(lambda: dialog.message.isVisible())
    assert dialog.message.text() == "正在收款时刷了卡：请先完成或取消本次收款（Esc）。"
    deliver(till, CardRemoved(READER, "04D4E5F6"), StatusChanged(ReaderStatus.READY))
    assert till.main.member_panel.card.name.text() == "张三"  # still the first member

    till.press(Qt.Key.Key_Return, dialog)
    [sale] = till.sales()
    assert sale.member_id == w.members["alice"]
    assert w.balances("alice")[0] == Money(9650)
    assert w.balances("bob")[0] == Money(10000)


def test_the_status_bar_shows_shift_staff_and_a_stale_backup(till: Till) -> None:
    status = till.main.status
    assert status.staff_label.text() == "值班：张收银（收银员）"
    assert status.shift_label.text().startswith("班次：B")
    assert status.backup_label.text() == "上次备份：从未备份"
    assert status.backup_is_stale  # shown in the warning colour

    backup.create_backup(till.db, till.world.owner)
    till.counter.refresh_backup()
    till.settle()
    assert status.backup_label.text() == "上次备份：刚刚"
    assert not status.backup_is_stale
    status.set_backup(None, None, True)
    status.set_last_backup(datetime.now(UTC) - timedelta(hours=3))  # the back office's way
    assert status.backup_label.text() == "上次备份：3 小时前"
    assert not status.backup_is_stale


def test_the_next_card_closes_the_receipt_and_starts_the_next_sale(till: Till) -> None:
    cards.bind_card(till.db, till.world.owner, "M000002", "04D4E5F6")
    till.ring_up("COLA")
    till.press(Qt.Key.Key_Return, till.pay_key())  # cash, exact
    assert till.receipt is not None
    deliver(till, CardInserted(READER, "04D4E5F6"))
    till.qtbot.waitUntil(lambda: till.ui.state.member is not None)
    assert till.receipt is None
    assert till.main.member_panel.card.name.text() == "李四"
