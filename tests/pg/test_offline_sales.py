"""Cash sales while the server is gone (issue 15, section 3): walk-in cash sales made
with the server stopped are queued on the till, then sent in order through the checkout
when it is back, each once (also when the till is killed while sending); the stock and
the day report count them; members' balances are never touched offline."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from sqlalchemy import text

from memberdesk.db import Database
from memberdesk.models.enums import ShiftStatus, TenderKind
from memberdesk.money import Money
from memberdesk.paths import DataPaths
from memberdesk.services.backup.integrity import check_database
from memberdesk.services.checkout.sale import checkout
from memberdesk.services.closing.day_close import report_for_day
from memberdesk.services.offline import send as sender
from memberdesk.services.offline.catalogue import refresh_catalogue
from memberdesk.services.offline.queue import OfflineQueue, queue_path
from memberdesk.services.offline.sell import OfflineLine, OfflineSaleRequest, sell_offline
from memberdesk.services.offline.send import (
    close_shift_at_till,
    queue_counts,
    retry_refused,
    send_queue,
)
from memberdesk.services.pricing.tenders import TenderRequest
from memberdesk.services.shared.errors import (
    NotFoundError,
    PermissionDenied,
    StorageError,
    ValidationError,
)
from memberdesk.services.stock.ledger import receive_stock, stock_of
from tests.checkout_support.kit import World, db_address, snapshot, yuan
from tests.pg.cluster import PrivateCluster
from tests.pg.worlds import staffed_world

ROOT = Path(__file__).resolve().parents[2]


def _cash_sale(world: World, folder: Path, items: list[tuple[str, int]], cash: str) -> str:
    lines = tuple(OfflineLine(product_id=world.products[code].id, qty=q) for code, q in items)
    result = sell_offline(
        folder,
        world.cashier,
        OfflineSaleRequest(uuid.uuid4().hex, lines, (TenderRequest(TenderKind.CASH, yuan(cash)),)),
    )
    return result.queued.client_id


def _sales(db: Database) -> list[tuple[str, str, int, int | None]]:
    with db.reader() as uow:
        return [
            tuple(r)
            for r in uow.session.execute(
                text(  # type: ignore[misc]
                    "SELECT client_id, sale_no, payable, member_id FROM sales ORDER BY id"
                )
            )
        ]


def test_sales_made_with_the_server_stopped_arrive_once_each_in_order(tmp_path: Path) -> None:
    cluster = PrivateCluster()
    try:
        folder = tmp_path / "data"
        db = Database.open(DataPaths(folder).ensure(), cluster.url())
        try:
            world = staffed_world(db)
            receive_stock(db, world.owner, "BEER", 50)
            world.recharge("alice", "100")
            members_before = snapshot(db)["balances"]
            assert refresh_catalogue(db) is not None
            cluster.stop()  # the server is gone
            with pytest.raises(StorageError) as lost:
                world.sell([("BEER", 1)], [(TenderKind.CASH, "10")])
            assert lost.value.code == "server_lost"
            made = [
                _cash_sale(world, folder, [("BEER", 2)], "20"),
                _cash_sale(world, folder, [("COLA", 1), ("CHIPS", 1)], "20"),
                _cash_sale(world, folder, [("BEER", 3), ("COLA", 2)], "50"),
                _cash_sale(world, folder, [("CIG", 1)], "50"),
            ]
            assert queue_counts(db).waiting == 4
            with pytest.raises(ValidationError) as waiting:  # the cash is not booked yet
                close_shift_at_till(db, world.cashier, {TenderKind.CASH: yuan("0")})
            assert waiting.value.code == "offline_sales_waiting"
            with pytest.raises(StorageError):  # the server still away: all stay waiting
                send_queue(db)
            assert queue_counts(db).waiting == 4
            cluster.start()
            report = send_queue(db)
            assert (report.sent, report.refused, report.counts.waiting) == (4, 0, 0)
            sales = _sales(db)
            assert [c for c, *_ in sales] == made  # in the order they were made
            assert [p for _, _, p, _ in sales] == [1200, 1230, 2500, 4500]
            assert all(m is None for *_, m in sales)
            with OfflineQueue(queue_path(db)) as q:
                rows = q.rows()
            assert [r.sale_no for r in rows] == [no for _, no, _, _ in sales]
            assert [r.payable for r in rows] == [r.server_payable for r in rows]
            # sent again (a second run, or one sale replayed by hand): still once each
            assert send_queue(db).sent == 0
            again = checkout(db, world.cashier, sender.checkout_request_of(rows[1]))
            assert again.replayed and again.sale_no == rows[1].sale_no
            assert len(_sales(db)) == 4
            assert stock_of(db, "BEER").on_hand == 50 - 5
            with db.reader() as uow:
                day = report_for_day(uow.session, world.today())
            assert day.sales_count == 4
            assert day.net == Money(1200 + 1230 + 2500 + 4500)
            assert dict(day.sales_by_tender)[TenderKind.CASH] == day.net
            assert snapshot(db)["balances"] == members_before  # no member touched
            shift = close_shift_at_till(db, world.cashier, {TenderKind.CASH: yuan("294.30")})
            assert shift.status is ShiftStatus.CLOSED
            assert (shift.sales_count, shift.sales_total) == (4, Money(9430))
            assert check_database(db) == []
        finally:
            db.close()
    finally:
        cluster.close()


def test_a_till_killed_while_sending_sends_each_sale_exactly_once(
    pg_world: World, tmp_path: Path
) -> None:
    world = pg_world
    folder = tmp_path / "data"
    refresh_catalogue(world.db)
    made = [_cash_sale(world, folder, [("COLA", 1 + i % 3)], "20") for i in range(24)]
    rnd = random.Random(20261203)
    cut: list[str] = []
    for _ in range(3):  # three tills killed after the server's commit, before the mark
        proc = subprocess.Popen(
            [sys.executable, "-m", "tests.pg.offline_sender", db_address(world.db), str(folder)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        )
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read() if proc.stderr else ""
        for _ in range(rnd.randint(1, 4)):
            committed = proc.stdout.readline()
            assert committed.startswith("= "), proc.stderr.read() if proc.stderr else ""
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        proc.stdout.close()
        if proc.stderr is not None:
            proc.stderr.close()
        cut.append(committed[2:].strip())
        with OfflineQueue(queue_path(world.db)) as q:  # on the server, not marked sent
            assert {r.client_id for r in q.rows("waiting")} >= {cut[-1]}
        assert [c for c, *_ in _sales(world.db)].count(cut[-1]) == 1
    report = send_queue(world.db)  # the till restarted
    assert report.counts.waiting == 0 and report.counts.refused == 0
    assert report.counts.sent == len(made)
    assert report.replayed == 1  # the last cut; the first two were replayed by the next till
    sales = _sales(world.db)
    assert [c for c, *_ in sales] == made  # each once, in order
    assert check_database(world.db) == []


def test_members_are_never_spent_offline(pg_world: World, tmp_path: Path) -> None:
    world = pg_world
    folder = tmp_path / "data"
    world.recharge("alice", "100")
    world.give_points("alice", 500)
    refresh_catalogue(world.db)
    before = snapshot(world.db)
    line = (OfflineLine(product_id=world.products["COLA"].id),)
    refused = []
    for request in (
        OfflineSaleRequest(
            uuid.uuid4().hex,
            line,
            (TenderRequest(TenderKind.CASH, yuan("5")),),
            member_id=world.members["alice"],
        ),
        OfflineSaleRequest(
            uuid.uuid4().hex, line, (TenderRequest(TenderKind.STORED_VALUE, yuan("3.5")),)
        ),
        OfflineSaleRequest(uuid.uuid4().hex, line, (TenderRequest(TenderKind.POINTS, yuan("1")),)),
        OfflineSaleRequest(
            uuid.uuid4().hex,
            line,
            (TenderRequest(TenderKind.CASH, yuan("5")),),
            coupon_codes=("C123",),
        ),
    ):
        with pytest.raises(ValidationError) as exc:
            sell_offline(folder, world.cashier, request)
        refused.append(exc.value.code)
    assert refused == [
        "offline_refused",
        "offline_cash_only",
        "offline_cash_only",
        "offline_refused",
    ]
    assert "散客" in ValidationError("offline_refused", what="x").message("zh_CN")
    assert queue_counts(world.db).waiting == 0
    # A queue file edited by hand to name a member and a stored-value payment: the sale
    # is rebuilt with no member and cash only.
    _cash_sale(world, folder, [("COLA", 1)], "5")
    with OfflineQueue(queue_path(world.db)) as q:
        row = q.rows()[0]
        cart = row.cart | {"member_id": world.members["alice"], "kind": "stored_value"}
        q.conn.execute("UPDATE queue SET request = ? WHERE seq = ?", (json.dumps(cart), row.seq))
    assert send_queue(world.db).sent == 1
    after = snapshot(world.db)
    assert after["balances"] == before["balances"]
    assert after["points_entries"] == before["points_entries"]
    assert after["stored_value_entries"] == before["stored_value_entries"]
    assert [m for *_, m in _sales(world.db)] == [None]


def test_a_sale_the_server_refuses_stays_in_the_queue_with_its_reason(
    pg_world: World, tmp_path: Path
) -> None:
    world = pg_world
    folder = tmp_path / "data"
    refresh_catalogue(world.db)
    first = _cash_sale(world, folder, [("CHIPS", 1)], "10")
    _cash_sale(world, folder, [("COLA", 1)], "5")
    third = _cash_sale(world, folder, [("CHIPS", 2)], "20")
    with world.db.uow() as uow:  # the product taken off sale meanwhile on the server
        uow.session.execute(text("UPDATE products SET active = false WHERE code = 'CHIPS'"))
        uow.commit()
    report = send_queue(world.db)
    assert (report.sent, report.refused) == (1, 2)
    with OfflineQueue(queue_path(world.db)) as q:
        rows = q.rows()
    assert [r.state for r in rows] == ["refused", "sent", "refused"]
    assert {rows[0].client_id, rows[2].client_id} == {first, third}
    assert rows[0].reason_code == "product_inactive"
    assert "CHIPS" in rows[0].reason("en") and "CHIPS" in rows[0].reason("zh_CN")
    assert len(_sales(world.db)) == 1
    # the manager puts the product back on sale and sends it again
    with world.db.uow() as uow:
        uow.session.execute(text("UPDATE products SET active = true WHERE code = 'CHIPS'"))
        uow.commit()
    with pytest.raises(PermissionDenied):  # a cashier may not
        retry_refused(world.db, world.cashier, rows[0].seq)
    assert retry_refused(world.db, world.manager, rows[0].seq).waiting == 1
    with pytest.raises(NotFoundError):  # sent ones are not refused
        retry_refused(world.db, world.manager, rows[1].seq)
    assert send_queue(world.db).sent == 1
    assert queue_counts(world.db).refused == 1
