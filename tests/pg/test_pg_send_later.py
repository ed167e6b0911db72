"""Writes sent with the next statement (services/shared/pipeline.py, issue 15): on
PostgreSQL a queued write goes out in one round trip with the statement after it, in
order, in the same transaction; its error fails that statement or the commit, and a
rollback sends nothing of it."""

from __future__ import annotations

from typing import Any

import psycopg
import pytest
from sqlalchemy import event, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError

from memberdesk.models import PointsLotMove
from memberdesk.models.enums import PointsKind, TenderKind
from memberdesk.services.shared.driver import run, send_later
from memberdesk.services.shared.ledger import _ADD_MOVES, _ADD_POINTS_ENTRY, _MOVE_POINTS
from memberdesk.services.shared.locks import lock_member
from memberdesk.services.shared.pipeline import LATER
from memberdesk.services.shared.tables import connection
from tests.checkout_support.kit import World

_BAD_MOVE = {"entry_id": 10**9, "lot_id": 10**9, "delta": 1}  # no such entry or lot
_MOVES = select(func.count()).select_from(PointsLotMove)


def _entry(world: World, conn: Any, delta: int) -> int:
    member = world.members["bob"]
    after = run(conn, _MOVE_POINTS, {"member_id": member, "delta": delta}).scalar_one()
    return int(run(conn, _ADD_POINTS_ENTRY, {
        "member_id": member, "kind": PointsKind.ADJUSTMENT, "delta": delta,
        "balance_after": after, "sale_id": None, "recharge_id": None, "refund_id": None,
        "staff_id": None, "note": "later"}).scalar_one())


def test_a_queued_write_is_read_back_by_the_next_statement(pg_world: World) -> None:
    world = pg_world
    world.give_points("bob", 50)
    with world.db.uow() as uow:
        conn = connection(uow.session)
        lot = conn.exec_driver_sql("SELECT id FROM points_lots LIMIT 1").scalar_one()
        before = conn.execute(_MOVES).scalar_one()
        entry = _entry(world, conn, 1)
        send_later(conn, _ADD_MOVES, [{"entry_id": entry, "lot_id": lot, "delta": 1}])
        assert conn.info.get(LATER)  # queued, not sent
        assert run(conn, _MOVES).scalar_one() == before + 1  # sent with this read, before it
        assert not conn.info.get(LATER)
        uow.commit()


def test_a_failing_queued_write_fails_the_statement_that_carries_it(pg_world: World) -> None:
    world = pg_world
    with world.db.uow() as uow:
        conn = connection(uow.session)
        send_later(conn, _ADD_MOVES, [_BAD_MOVE])
        with pytest.raises(IntegrityError):
            run(conn, _MOVES)
    with world.db.uow() as uow:  # the connection is fine afterwards, nothing queued
        conn = connection(uow.session)
        assert not conn.info.get(LATER)
        assert run(conn, _MOVES).scalar_one() == 0


def test_a_failing_queued_write_fails_the_commit_and_nothing_is_kept(pg_world: World) -> None:
    world = pg_world
    with pytest.raises(IntegrityError), world.db.uow() as uow:
        conn = connection(uow.session)
        _entry(world, conn, 5)
        send_later(conn, _ADD_MOVES, [_BAD_MOVE])
        uow.commit()
    assert world.balances("bob")[2] == 0  # the entry and the balance were rolled back


def test_a_rollback_sends_nothing_queued(pg_world: World) -> None:
    world = pg_world
    world.give_points("bob", 50)
    sent: list[str] = []
    event.listen(world.db.engine, "before_cursor_execute",
                 lambda _c, _cur, sql, *_a: sent.append(sql))
    with world.db.uow() as uow:
        conn = connection(uow.session)
        send_later(conn, _ADD_MOVES, [_BAD_MOVE])  # would fail if it were ever sent
    with world.db.uow() as uow:
        assert run(connection(uow.session), _MOVES).scalar_one() == 0
        uow.commit()
    assert not any("points_lot_moves (" in s for s in sent)


def test_a_checkout_on_the_server_keeps_every_row(pg_world: World) -> None:
    """The sale's queued writes (tenders, line discounts, lot moves, the new lot, the
    visit) are all there after the commit."""
    world = pg_world
    world.recharge("bob", "100")
    world.give_points("bob", 1000)
    r = world.sell([("COLA", 2), ("BEER", 1)],
                   [(TenderKind.POINTS, "5"), (TenderKind.STORED_VALUE, "3"),
                    (TenderKind.CASH, "20")], member="bob")
    with world.db.uow() as uow:
        conn = connection(uow.session)
        tenders = conn.exec_driver_sql(
            f"SELECT count(*) FROM tenders WHERE sale_id = {r.sale_id}").scalar_one()
        moves = conn.exec_driver_sql(
            "SELECT count(*) FROM points_lot_moves m JOIN points_entries e ON e.id = m.entry_id"
            f" WHERE e.sale_id = {r.sale_id}").scalar_one()
        lots = conn.exec_driver_sql(
            "SELECT count(*) FROM points_lots l JOIN points_entries e ON e.id = l.entry_id"
            f" WHERE e.sale_id = {r.sale_id}").scalar_one()
        visits = conn.exec_driver_sql(
            f"SELECT visit_count FROM members WHERE id = {world.members['bob']}").scalar_one()
    assert (tenders, moves, lots, visits) == (3, 1, 1, 1)


def test_a_queued_lock_is_held_once_the_next_statement_has_run(
    pg_world: World, pg_fresh: str
) -> None:
    """lock_member's SELECT ... FOR UPDATE goes with the next statement: once that
    statement has its answer, another till cannot take the member's row."""
    world = pg_world
    member = world.members["bob"]
    u = make_url(pg_fresh)
    other = psycopg.connect(dbname=u.database, user=u.username, host=str(u.query["host"]),
                            autocommit=True)
    try:
        with world.db.uow() as uow:
            lock_member(uow.session, member)
            conn = connection(uow.session)
            run(conn, _MOVES)  # carries the lock
            with pytest.raises(psycopg.errors.LockNotAvailable):
                other.execute("SELECT id FROM members WHERE id = %s FOR UPDATE NOWAIT", [member])
        other.execute("SELECT id FROM members WHERE id = %s FOR UPDATE NOWAIT", [member])
    finally:
        other.close()
