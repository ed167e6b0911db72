"""The server lost during a payment (网络版): the payment dialog says so in the
interface language and keeps the sale, the red strip appears at once above the counter,
Reconnect (Ctrl+R, and its timer) asks the server again, the strip goes when it
answers, and the same sale then goes through once. The loss is the psycopg error the
unit of work maps (the window tests run on the SQLite file)."""

from __future__ import annotations

import psycopg
import pytest
from PySide6.QtCore import Qt
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.services.shared.errors import StorageError
from memberdesk.ui.counter import server_strip
from tests.checkout_support.kit import snapshot

from .counter_support import Till, make_till


@pytest.fixture
def till(qtbot, ui, db, staff) -> Till:  # type: ignore[no-untyped-def]
    return make_till(qtbot, ui, db, staff)


def _lose_the_server(self: Session) -> None:
    raise OperationalError("COMMIT", {}, psycopg.OperationalError(
        "server closed the connection unexpectedly"))


def test_the_server_lost_during_a_payment(till: Till, monkeypatch: pytest.MonkeyPatch) -> None:
    strip = till.main.server_strip
    assert strip.isHidden()
    till.ring_up("COLA")
    before = snapshot(till.db)
    dialog = till.pay_key()
    real_commit = Session.commit
    monkeypatch.setattr(Session, "commit", _lose_the_server)
    pings: list[bool] = []
    real_ping = Database.ping

    def ping_down(self: Database) -> None:
        pings.append(False)
        raise StorageError("server_lost")

    monkeypatch.setattr(Database, "ping", ping_down)
    till.qtbot.keyClicks(dialog.rows["cash"].field, "10")
    till.press(Qt.Key.Key_Return, dialog)
    assert dialog.isVisible() and dialog.confirm_button.isEnabled()  # the sale is kept
    assert dialog.message.text().startswith("与服务器的连接已断开，这笔操作没有完成")
    assert strip.isVisible()
    assert strip.label.text().startswith("与服务器的连接已断开")
    assert strip.reconnect_button.text() == "重新连接 (Ctrl+R)"
    assert snapshot(till.db) == before and till.sale_count() == 0

    strip.reconnect_now()  # still down: the strip stays and counts the tries
    till.qtbot.waitUntil(lambda: bool(pings) and strip.reconnect_button.isEnabled())
    assert strip.isVisible() and "1" in strip.label.text()

    monkeypatch.setattr(Session, "commit", real_commit)  # the server is back
    monkeypatch.setattr(Database, "ping", real_ping)
    till.main.reconnect_action.trigger()  # Ctrl+R
    till.qtbot.waitUntil(strip.isHidden)
    till.press(Qt.Key.Key_Return, dialog)  # the same sale, the same client id
    assert till.sale_count() == 1


def test_the_strip_tries_again_by_itself_and_speaks_english(
    till: Till, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(server_strip, "RETRY_MS", 50)
    strip = server_strip.ServerStrip()
    till.qtbot.addWidget(strip)
    till.ui.i18n.toggle()  # English
    asked: list[int] = []
    strip.reconnect_requested.connect(lambda: asked.append(1))
    strip.show_lost()
    assert "The connection to the server was lost" in strip.label.text()
    assert strip.reconnect_button.text() == "Reconnect (Ctrl+R)"
    till.qtbot.waitUntil(lambda: len(asked) == 1)  # the timer asked, no key pressed
    strip.reconnect_done(False)
    assert strip.isVisible() and "No answer yet (tries: 1)" in strip.label.text()
    strip.reconnect_done(True)
    assert strip.isHidden()
