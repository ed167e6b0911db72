"""A till that loses the server (issue 15, section 3): the connection dropped in the
middle of a checkout, between the server's commit and its reply, and a server restart.
Each is one clear user error (``server_lost``), nothing is half-written, the pool
reconnects by itself, and a retry with the same client id books the sale once."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import event, text
from sqlalchemy.engine import make_url

from memberdesk.db import Database
from memberdesk.models.enums import TenderKind
from memberdesk.paths import DataPaths
from memberdesk.services.backup.integrity import check_database
from memberdesk.services.checkout.sale import checkout
from memberdesk.services.shared.errors import StorageError
from memberdesk.services.stored_value.recharge import RechargeRequest, recharge
from tests.checkout_support.kit import World, cid, yuan
from tests.pg.cluster import PrivateCluster
from tests.pg.worlds import staffed_world


def _admin(url: str) -> psycopg.Connection:
    u = make_url(url)
    return psycopg.connect(dbname=u.database, user=u.username, host=str(u.query["host"]),
                           autocommit=True)


def _terminate(url: str, pid: int) -> None:
    with _admin(url) as admin:
        admin.execute("SELECT pg_terminate_backend(%s, 5000)", (pid,))


def _count(db: Database, sql: str, **params: Any) -> int:
    with db.reader() as uow:
        return int(uow.session.execute(text(sql), params).scalar_one())


@contextmanager
def _cut_before(db: Database, statement: str, cut: Callable[[Any], None]) -> Iterator[list[int]]:
    """Run ``cut(dbapi_connection)`` once, just before the first statement starting with
    ``statement`` is sent (the transaction is open, nothing committed)."""
    fired: list[int] = []

    def before(conn: Any, _cursor: Any, sql: str, *_: Any) -> None:
        if not fired and sql.lstrip().startswith(statement):
            fired.append(1)
            cut(conn.connection.dbapi_connection)

    event.listen(db.engine, "before_cursor_execute", before)
    try:
        yield fired
    finally:
        event.remove(db.engine, "before_cursor_execute", before)


@contextmanager
def _reply_lost(db: Database, url: str) -> Iterator[list[int]]:
    """The next COMMIT reaches the server and is durable there; then the server's
    backend is terminated and the till gets no reply (psycopg's error for a socket
    closed under it)."""
    dialect = db.engine.dialect
    real = dialect.do_commit
    fired: list[int] = []

    def commit_then_drop(dbapi_conn: Any) -> None:
        real(dbapi_conn)
        if fired:
            return
        fired.append(1)
        _terminate(url, dbapi_conn.dbapi_connection.info.backend_pid)  # the pool's wrapper
        raise psycopg.OperationalError("server closed the connection unexpectedly")

    dialect.do_commit = commit_then_drop  # type: ignore[method-assign]
    try:
        yield fired
    finally:
        dialect.do_commit = real  # type: ignore[method-assign]


def test_connection_dropped_mid_checkout_saves_nothing_and_the_retry_books_it_once(
    pg_world: World, pg_fresh: str
) -> None:
    world = pg_world
    req = world.request([("COLA", 2), ("CHIPS", 1)], [(TenderKind.CASH, "20")], member="alice")
    before_points = world.member("alice").points_balance
    def drop(c: Any) -> None:
        _terminate(pg_fresh, c.info.backend_pid)

    with _cut_before(world.db, "INSERT INTO sales", drop) as fired, \
            pytest.raises(StorageError) as lost:
        checkout(world.db, world.cashier, req)
    assert fired and lost.value.code == "server_lost"
    assert "与服务器的连接已断开" in lost.value.message("zh_CN")
    assert "connection to the server was lost" in lost.value.message("en")
    assert _count(world.db, "SELECT count(*) FROM sales") == 0  # nothing half-written
    assert world.member("alice").points_balance == before_points
    # the same Database (the pool threw the dead connection away), the same client id
    first = checkout(world.db, world.cashier, req)
    assert not first.replayed
    again = checkout(world.db, world.cashier, req)
    assert again.replayed and again.sale_no == first.sale_no
    assert _count(world.db, "SELECT count(*) FROM sales WHERE client_id = :c",
                  c=req.client_id) == 1
    assert world.member("alice").points_balance == before_points + first.points_earned
    assert check_database(world.db) == []


def test_reply_lost_after_the_commit_the_retry_returns_the_first_sale(
    pg_world: World, pg_fresh: str
) -> None:
    world = pg_world
    world.recharge("alice", "100")
    req = world.request([("COLA", 1)], [(TenderKind.STORED_VALUE, "3.5")], member="alice")
    sv = world.member("alice").sv_principal + world.member("alice").sv_bonus
    with _reply_lost(world.db, pg_fresh) as fired, pytest.raises(StorageError) as lost:
        checkout(world.db, world.cashier, req)
    assert fired and lost.value.code == "server_lost"
    # the server did commit: the sale is there, once, and the balance was spent once
    assert _count(world.db, "SELECT count(*) FROM sales WHERE client_id = :c",
                  c=req.client_id) == 1
    retried = checkout(world.db, world.cashier, req)
    assert retried.replayed
    assert retried.sv_balance == sv - yuan("3.5")
    after = world.member("alice")
    assert after.sv_principal + after.sv_bonus == sv - yuan("3.5")
    assert _count(world.db, "SELECT count(*) FROM sales") == 1
    assert check_database(world.db) == []


def test_reply_lost_after_a_recharge_the_retry_returns_the_first_recharge(
    pg_world: World, pg_fresh: str
) -> None:
    world = pg_world
    req = RechargeRequest(cid(), world.members["bob"], yuan("50"), TenderKind.CASH)
    with _reply_lost(world.db, pg_fresh), pytest.raises(StorageError) as lost:
        recharge(world.db, world.cashier, req)
    assert lost.value.code == "server_lost"
    retried = recharge(world.db, world.cashier, req)
    assert retried.replayed
    assert _count(world.db, "SELECT count(*) FROM recharges") == 1
    assert world.member("bob").sv_principal == yuan("50")
    assert check_database(world.db) == []


def test_a_server_that_is_down_is_server_lost_and_the_till_recovers_after_restart(
    tmp_path: Path,
) -> None:
    cluster = PrivateCluster()
    try:
        db = Database.open(DataPaths(tmp_path / "data").ensure(), cluster.url())
        try:
            world = staffed_world(db)
            req = world.request([("BEER", 1)], [(TenderKind.CASH, "10")])
            # the server restarts while this checkout's transaction is open
            with _cut_before(db, "INSERT INTO sales", lambda _c: cluster.restart()), \
                    pytest.raises(StorageError) as lost:
                checkout(db, world.cashier, req)
            assert lost.value.code == "server_lost"
            cluster.stop()  # the server is away: a clear error, not a crash
            with pytest.raises(StorageError) as down:
                checkout(db, world.cashier, req)
            assert down.value.code == "server_lost"
            cluster.start()
            first = checkout(db, world.cashier, req)  # no restart of the till
            assert not first.replayed
            assert checkout(db, world.cashier, req).replayed
            assert _count(db, "SELECT count(*) FROM sales") == 1
            assert check_database(db) == []
        finally:
            db.close()
    finally:
        cluster.close()


def test_server_restarts_during_a_run_of_checkouts_each_sale_once(tmp_path: Path) -> None:
    cluster = PrivateCluster()
    try:
        db = Database.open(DataPaths(tmp_path / "data").ensure(), cluster.url())
        try:
            world = staffed_world(db)
            world.recharge("alice", "500")
            done = threading.Event()
            restarts: list[float] = []

            def restart_twice() -> None:
                for _ in range(2):
                    time.sleep(0.4)
                    cluster.restart()
                    restarts.append(time.monotonic())
                done.set()

            restarter = threading.Thread(target=restart_twice)
            requests, lost = [], 0
            restarter.start()
            while not done.is_set() or len(requests) < 20:
                member = "alice" if len(requests) % 2 else None
                tenders = [(TenderKind.STORED_VALUE, "3.5")] if member else [
                    (TenderKind.CASH, "5")]
                req = world.request([("COLA", 1)], tenders, member=member)
                while True:  # the till retries the same sale until the server answers
                    try:
                        checkout(db, world.cashier, req)
                        break
                    except StorageError as exc:
                        assert exc.code == "server_lost"
                        lost += 1
                        time.sleep(0.05)
                requests.append(req)
            restarter.join()
            assert len(restarts) == 2
            with db.reader() as uow:
                got = uow.session.execute(text(
                    "SELECT client_id, count(*) FROM sales GROUP BY client_id")).all()
            assert sorted(c for c, _ in got) == sorted(r.client_id for r in requests)
            assert all(n == 1 for _, n in got)
            spent = sum(1 for r in requests if r.cart.member_id is not None)
            alice = world.member("alice")
            assert alice.sv_principal + alice.sv_bonus == yuan("500") - yuan("3.5") * spent
            assert check_database(db) == []
        finally:
            db.close()
    finally:
        cluster.close()
