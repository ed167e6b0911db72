"""Cash sales while the server is gone (网络版), at the counter: the red strip and the
offline bar appear together, Ctrl+Shift+F12 opens the offline cash sale, the sale is
priced from the till's copy of the catalogue and queued, its receipt says offline with
the local number, the bar counts the waiting sale; when the server answers again the
sale is sent through the checkout (once) and the bar goes. The window tests run on the
SQLite file: the offline services are told it is a server (``enabled``), the loss is
the psycopg error the unit of work maps, as in test_counter_server_lost.py."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.services.offline import catalogue, send
from memberdesk.services.offline.files import CATALOGUE_FILE, QUEUE_FILE
from memberdesk.services.offline.queue import OfflineQueue
from memberdesk.services.shared.errors import StorageError
from tests.checkout_support.kit import build_world

from .counter_support import Till, make_till
from .helpers import log_in

SHOTS = Path("/tmp/memberdesk-offline-shots")


@pytest.fixture
def till(qtbot, ui, db, staff, monkeypatch) -> Till:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(catalogue, "enabled", lambda _db: True)
    monkeypatch.setattr(send, "enabled", lambda _db: True)
    return make_till(qtbot, ui, db, staff)


def _lose_the_server(self: Session) -> None:
    raise OperationalError(
        "COMMIT", {}, psycopg.OperationalError("server closed the connection unexpectedly")
    )


def _shot(widget: object, name: str) -> None:
    if SHOTS.exists():
        widget.grab().save(str(SHOTS / name))  # type: ignore[attr-defined]


def test_an_offline_cash_sale_is_queued_counted_and_sent_when_the_server_is_back(
    till: Till, monkeypatch: pytest.MonkeyPatch
) -> None:
    bar, strip = till.main.offline_bar, till.main.server_strip
    folder = till.db.paths.root
    till.qtbot.waitUntil(lambda: (folder / CATALOGUE_FILE).exists(), timeout=10_000)
    assert bar.isHidden()  # online, nothing waiting
    till.main.offline_sale_action.trigger()  # online: the key does nothing
    assert till.ui.offline.dialog is None

    real_commit, real_ping = Session.commit, Database.ping
    monkeypatch.setattr(Session, "commit", _lose_the_server)

    def ping_down(self: Database) -> None:
        raise StorageError("server_lost")

    monkeypatch.setattr(Database, "ping", ping_down)
    till.ring_up("COLA")
    dialog = till.pay_key()
    till.qtbot.keyClicks(dialog.rows["cash"].field, "10")
    till.press(Qt.Key.Key_Return, dialog)
    assert strip.isVisible() and bar.isVisible()
    assert bar.sell_button.isVisible() and bar.sell_button.text() == "离线收银 Ctrl+Shift+F12"
    assert "只收散客现金" in bar.label.text() and "退款" in bar.label.text()
    dialog.reject()
    till.settle()
    # the server's work is refused at once, in the screen's language: a member lookup,
    # the counter's own payment (F12)
    till.find("13800000001")
    assert "离线时只能用离线收银给散客收现金" in till.main.banner.label.text()
    assert "会员、储值、积分、优惠券、充值、退款" in till.main.banner.label.text()
    _shot(till.main, "offline-member-refused.png")
    till.main.banner.label.clear()
    till.press(Qt.Key.Key_F12)  # the cart's COLA through the counter's payment
    assert "离线时只能用离线收银" in till.main.banner.label.text()
    assert till.payment is None or not till.payment.isVisible()
    assert till.ui.offline.dialog is None

    till.main.offline_sale_action.trigger()  # Ctrl+Shift+F12
    sale = till.ui.offline.dialog
    assert sale is not None and sale.isVisible()
    till.qtbot.keyClicks(sale.product_field, "6901234567892")  # COLA's barcode
    till.qtbot.keyClick(sale.product_field, Qt.Key.Key_Return)
    till.qtbot.waitUntil(lambda: sale.total_value.text() == "¥3.50")
    till.qtbot.keyClicks(sale.product_field, "CHIPS")
    till.qtbot.keyClick(sale.product_field, Qt.Key.Key_Return)
    till.qtbot.waitUntil(lambda: sale.table.rowCount() == 2)
    till.qtbot.waitUntil(lambda: sale.total_value.text() == "¥12.30")
    _shot(sale, "offline-sale-dialog.png")
    till.qtbot.keyClicks(sale.cash_field, "20")
    till.qtbot.keyClick(sale.cash_field, Qt.Key.Key_Return)
    till.qtbot.waitUntil(lambda: till.ui.offline.receipt is not None)
    receipt = till.ui.offline.receipt
    assert receipt is not None and receipt.isVisible()
    assert receipt.change_value.text() == "¥7.70"
    text = receipt.preview.toPlainText()
    assert "离线销售" in text and "L" in receipt.heading.text()
    till.qtbot.waitUntil(lambda: bar.waiting == 1)
    assert bar.count_label.text() == "待发送：1 笔" and bar.queue_button.isVisible()
    _shot(till.main, "offline-counter.png")
    receipt.accept()
    assert till.sale_count() == 0  # nothing on the "server" yet

    monkeypatch.setattr(Session, "commit", real_commit)  # the server is back
    monkeypatch.setattr(Database, "ping", real_ping)
    till.main.reconnect_action.trigger()
    till.qtbot.waitUntil(strip.isHidden)
    till.qtbot.waitUntil(bar.isHidden, timeout=10_000)  # sent, nothing waits
    assert till.sale_count() == 1
    assert [s.payable.fen for s in till.sales()] == [1230]
    assert bar.waiting == 0 and bar.refused == 0


def test_the_offline_bar_speaks_english_and_counts_refused_sales(till: Till) -> None:
    bar = till.main.offline_bar
    till.ui.i18n.toggle()  # English
    bar.set_counts(2, 1)
    assert bar.isVisible() and not bar.sell_button.isVisible()
    assert bar.count_label.text() == "waiting: 2 · refused: 1"
    assert "a manager must look at them" in bar.label.text()
    bar.set_offline(True)
    assert bar.sell_button.text() == "Offline cash sale (Ctrl+Shift+F12)"
    assert "walk-in customers only" in bar.label.text()
    bar.set_offline(False)
    bar.set_counts(0, 0)
    assert bar.isHidden()


def test_sales_left_waiting_by_a_stopped_till_are_sent_at_the_next_log_in(
    qtbot,
    ui,
    db,
    staff,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.setattr(catalogue, "enabled", lambda _db: True)
    monkeypatch.setattr(send, "enabled", lambda _db: True)
    world = build_world(db, staff)
    cashier = world.cashier
    cola = world.products["COLA"].id
    with OfflineQueue(db.paths.root / QUEUE_FILE) as q:  # as a till killed while sending left it
        for n in (1, 2):
            q.add(
                f"offline-restart-{n:04d}",
                (cashier.staff_id, cashier.username, cashier.display_name, cashier.role.value),
                "2026-12-03T10:00:00+00:00",
                "20261203",
                "",
                {"lines": [{"product_id": cola, "qty": n}], "tenders": [1000]},
                350 * n,
                1000,
            )
    log_in(qtbot, ui, "cashier", "cashier-pass")

    def states() -> list[str]:
        with OfflineQueue(db.paths.root / QUEUE_FILE) as q:
            return [r.state for r in q.rows()]

    qtbot.waitUntil(lambda: states() == ["sent", "sent"], timeout=10_000)
    qtbot.waitUntil(lambda: not ui.offline.bar.sending and ui.offline.bar.isHidden())
    with db.reader() as uow:
        got = uow.session.execute(text("SELECT client_id, payable FROM sales ORDER BY id")).all()
    assert [(c, p) for c, p in got] == [
        ("offline-restart-0001", 350),
        ("offline-restart-0002", 700),
    ]


def test_a_refused_offline_sale_is_shown_with_its_reason_and_only_a_manager_resends(
    qtbot,
    ui,
    db,
    staff,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.setattr(catalogue, "enabled", lambda _db: True)
    monkeypatch.setattr(send, "enabled", lambda _db: True)
    world = build_world(db, staff)
    cashier = world.cashier
    with OfflineQueue(db.paths.root / QUEUE_FILE) as q:  # a product deleted meanwhile
        q.add(
            "offline-gone-0001",
            (cashier.staff_id, cashier.username, cashier.display_name, cashier.role.value),
            "2026-12-03T10:00:00+00:00",
            "20261203",
            "",
            {"lines": [{"product_id": 99999, "qty": 1}], "tenders": [1000]},
            1000,
            1000,
        )
    log_in(qtbot, ui, "cashier", "cashier-pass")
    bar = ui.offline.bar
    qtbot.waitUntil(lambda: bar.refused == 1, timeout=10_000)
    assert bar.isVisible() and bar.count_label.text() == "待发送：0 笔 · 被拒：1 笔"
    assert "请店长处理" in bar.label.text()
    bar.queue_button.click()
    qtbot.waitUntil(lambda: ui.offline.queue_dialog is not None)
    dialog = ui.offline.queue_dialog
    assert dialog is not None and dialog.isVisible()
    state = dialog.table.item(0, 5).text()
    assert state.startswith("被拒：") and "99999" in state
    assert dialog.table.item(0, 0).text() == "L20261203-0001"
    _shot(dialog, "offline-queue.png")
    dialog.table.selectRow(0)
    assert dialog.retry_button.isEnabled()
    dialog.retry_button.click()  # a cashier: refused, the sale stays refused
    qtbot.waitUntil(lambda: bool(ui.main.banner.label.text()), timeout=10_000)
    assert "权限" in ui.main.banner.label.text() or "无权" in ui.main.banner.label.text()
    with OfflineQueue(db.paths.root / QUEUE_FILE) as q:
        assert [r.state for r in q.rows()] == ["refused"]
