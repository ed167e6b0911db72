"""Offline selling on the till's side (services/offline): a shop on its own SQLite file
never uses it; the local catalogue and queue as a cash sale uses them (the server side
is tests/pg/test_offline_sales.py)."""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

import pytest

from memberdesk.models.enums import ShiftStatus, TenderKind
from memberdesk.money import Money
from memberdesk.services.offline.catalogue import LocalCatalogue, refresh_catalogue
from memberdesk.services.offline.files import CATALOGUE_FILE, QUEUE_FILE, enabled
from memberdesk.services.offline.queue import OfflineQueue
from memberdesk.services.offline.sell import (
    OfflineLine,
    OfflineSaleRequest,
    quote_offline,
    sell_offline,
)
from memberdesk.services.offline.send import (
    close_shift_at_till,
    queue_counts,
    queue_rows,
    send_queue,
)
from memberdesk.services.pricing.tenders import TenderRequest
from memberdesk.services.receipts.text import render_text
from memberdesk.services.shared.errors import NotFoundError, ValidationError
from tests.checkout_support.kit import World, yuan


def test_a_shop_file_never_uses_the_offline_files(world: World) -> None:
    db = world.db
    assert not enabled(db)
    assert refresh_catalogue(db) is None
    assert send_queue(db).sent == 0
    assert queue_counts(db).waiting == 0 and queue_rows(db) == []
    assert db.paths is not None
    assert not (db.paths.root / CATALOGUE_FILE).exists()
    assert not (db.paths.root / QUEUE_FILE).exists()
    shift = close_shift_at_till(db, world.cashier, {TenderKind.CASH: yuan("200")})
    assert shift.status is ShiftStatus.CLOSED


def _catalogue(folder: Path) -> None:
    """A local catalogue file as refresh_catalogue writes it (two products)."""
    conn = sqlite3.connect(folder / CATALOGUE_FILE)
    conn.executescript("""
        CREATE TABLE products (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, barcode TEXT,
            name TEXT NOT NULL, price INTEGER NOT NULL, discountable INTEGER NOT NULL,
            points_ratio INTEGER NOT NULL);
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        INSERT INTO products VALUES (1, 'COLA', '6901234567892', '可口可乐 330ml', 350, 1, 1000);
        INSERT INTO products VALUES (2, 'CHIPS', NULL, '乐事薯片', 880, 1, 1000);
        INSERT INTO settings VALUES ('checkout.rounding', 'drop_jiao'),
            ('checkout.max_change_fen', '10000'), ('checkout.max_line_fen', '100000'),
            ('shop.timezone_offset_minutes', '480'), ('shop_name', '网络店'),
            ('number_prefix', 'A01-');
    """)
    conn.commit()
    conn.close()


def test_a_cash_sale_is_priced_locally_queued_and_its_receipt_says_offline(
    world: World, tmp_path: Path
) -> None:
    _catalogue(tmp_path)
    with LocalCatalogue(tmp_path / CATALOGUE_FILE) as cat:
        assert cat.find("6901234567892").code == "COLA"
        assert cat.find("CHIPS").price == Money(880)
        with pytest.raises(NotFoundError):
            cat.find("NOPE")
    lines = (OfflineLine(product_id=1, qty=2), OfflineLine(product_id=2))
    # 7.00 + 8.80 = 15.80, the shop's rounding drops the jiao: 15.00
    assert quote_offline(tmp_path, lines).payable == Money(1500)
    request = OfflineSaleRequest(
        uuid.uuid4().hex, lines, (TenderRequest(TenderKind.CASH, yuan("20")),)
    )
    result = sell_offline(tmp_path, world.cashier, request)
    assert result.change == Money(500)
    assert result.queued.local_no.startswith("A01-L") and result.queued.state == "waiting"
    assert result.queued.client_id == request.client_id
    text = render_text(result.receipt)
    assert result.queued.local_no in text and "离线销售" in text
    assert "Offline sale" in render_text(result.receipt, lang="en")
    with OfflineQueue(tmp_path / QUEUE_FILE) as q:
        assert q.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert [r.client_id for r in q.rows()] == [request.client_id]
    with pytest.raises(ValidationError) as short:  # the same rules as the checkout
        sell_offline(
            tmp_path,
            world.cashier,
            OfflineSaleRequest(
                uuid.uuid4().hex, lines, (TenderRequest(TenderKind.CASH, yuan("10")),)
            ),
        )
    assert short.value.code == "tenders_mismatch"
    with pytest.raises(ValidationError) as card:
        sell_offline(
            tmp_path,
            world.cashier,
            OfflineSaleRequest(
                uuid.uuid4().hex, lines, (TenderRequest(TenderKind.WECHAT, yuan("15")),)
            ),
        )
    assert card.value.code == "offline_cash_only"
    assert "cash only" in card.value.message("en") and "只收现金" in card.value.message("zh_CN")


def test_no_catalogue_copy_no_offline_sale(world: World, tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as none:
        sell_offline(
            tmp_path,
            world.cashier,
            OfflineSaleRequest(
                uuid.uuid4().hex,
                (OfflineLine(product_id=1),),
                (TenderRequest(TenderKind.CASH, yuan("5")),),
            ),
        )
    assert none.value.code == "offline_no_catalogue"
    assert not (tmp_path / QUEUE_FILE).exists()


def test_a_plain_amount_sells_offline_and_the_receipt_says_list_prices(
    world: World, tmp_path: Path
) -> None:
    _catalogue(tmp_path)
    lines = (OfflineLine(product_id=1), OfflineLine(amount=yuan("6.60"), description=""))
    result = sell_offline(
        tmp_path,
        world.cashier,
        OfflineSaleRequest(uuid.uuid4().hex, lines, (TenderRequest(TenderKind.CASH, yuan("20")),)),
    )
    # 3.50 + 6.60 = 10.10, the jiao dropped: 10.00
    assert result.breakdown.payable == Money(1000)
    assert [pl.description for pl in result.breakdown.lines][1] == "直接收款"
    cart = result.queued.cart
    assert cart["lines"][1] == {"amount": 660, "qty": 1, "description": ""}
    assert [p["name"] for p in cart["priced"]] == ["可口可乐 330ml", "直接收款"]
    assert "按标价" in render_text(result.receipt)
    assert "List prices" in render_text(result.receipt, lang="en")
    with LocalCatalogue(tmp_path / CATALOGUE_FILE) as cat:  # a copy made before the setting
        assert cat.setting_int("checkout.plain_amount_confirm_fen") == 50_000


def test_a_queue_file_of_the_first_version_is_rebuilt_with_its_rows(tmp_path: Path) -> None:
    path = tmp_path / QUEUE_FILE
    conn = sqlite3.connect(path)
    conn.executescript("""
        CREATE TABLE queue (
            seq INTEGER PRIMARY KEY AUTOINCREMENT, client_id TEXT NOT NULL UNIQUE,
            local_no TEXT NOT NULL UNIQUE, staff_id INTEGER NOT NULL, username TEXT NOT NULL,
            display_name TEXT NOT NULL, role TEXT NOT NULL, created_at TEXT NOT NULL,
            request TEXT NOT NULL, payable INTEGER NOT NULL, received INTEGER NOT NULL,
            state TEXT NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'sent', 'refused')),
            reason_code TEXT, reason_zh TEXT, reason_en TEXT, sale_no TEXT,
            server_payable INTEGER, sent_at TEXT);
        INSERT INTO queue (client_id, local_no, staff_id, username, display_name, role,
            created_at, request, payable, received, state, reason_code)
            VALUES ('c-1', 'L20261203-0001', 3, 'cashier', '张收银', 'cashier',
            '2026-12-03T10:00:00+00:00', '{"lines": [], "tenders": [500]}', 500, 500,
            'refused', 'product_inactive');
    """)
    conn.commit()
    conn.close()
    with OfflineQueue(path) as q:
        (row,) = q.rows()
        assert (row.client_id, row.state, row.reason_code) == ("c-1", "refused", "product_inactive")
        q.mark_written_off(row.seq, "bag torn", "李店长", "2026-12-03T11:00:00+00:00")
        assert q.counts().written_off == 1 and q.counts().refused == 0
        assert q.conn.execute("PRAGMA user_version").fetchone()[0] == 1
    with OfflineQueue(path) as q:  # opened again: as it is
        assert q.get(row.seq).write_off_reason == "bag torn"


def test_the_staff_copy_is_for_the_till_user_only(world: World, tmp_path: Path) -> None:
    from memberdesk.services.offline.staff_copy import known, remember, staff_path

    with world.db.reader() as uow:
        remember(uow.session, tmp_path, world.cashier.staff_id, "2026-12-03T10:00:00+00:00")
    assert oct(staff_path(tmp_path).stat().st_mode & 0o777) == "0o600"
    copy = known(tmp_path, "CASHIER")
    assert copy is not None and copy.password_hash.startswith("$argon2id$")
    assert "cashier-pass" not in staff_path(tmp_path).read_text(encoding="utf-8")
