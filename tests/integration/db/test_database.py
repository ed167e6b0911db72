"""The SQLite engine settings, the unit of work and concurrent spending."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
import time

import pytest
from sqlalchemy import select, text

from memberdesk.db import Database, make_engine
from memberdesk.models import Member
from memberdesk.models.enums import StoredValueKind
from memberdesk.money import Money
from memberdesk.services.backup.integrity import check_database
from memberdesk.services.members.profiles import add_member_in
from memberdesk.services.shared import ledger


def test_pragmas_on_every_connection(db: Database) -> None:
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_write_transactions_begin_immediate(db: Database, shop) -> None:
    """A write unit of work holds the write lock from its first statement (a read):
    another writer cannot begin until it ends, but a reader is not blocked."""
    raw = sqlite3.connect(db.paths.database, timeout=0.1, isolation_level=None)  # type: ignore[union-attr]
    with db.uow() as uow:
        uow.session.scalar(text("SELECT name FROM shop"))  # a read starts the transaction
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            raw.execute("BEGIN IMMEDIATE")
        other = Database(make_engine(db.paths.database))  # type: ignore[union-attr]
        with other.reader() as reader:
            assert reader.session.scalar(text("SELECT name FROM shop")) == "测试便利店"
        other.close()
    raw.execute("BEGIN IMMEDIATE")  # free again
    raw.execute("ROLLBACK")
    raw.close()


def test_unit_of_work_rolls_back_unless_committed(db: Database, shop) -> None:
    with db.uow() as uow:
        add_member_in(uow.session, phone="13800138000", name="张三")
        # no commit
    with db.uow() as uow, pytest.raises(RuntimeError):
        add_member_in(uow.session, phone="13800138001", name="李四")
        raise RuntimeError("boom")
    with db.reader() as r:
        assert r.session.scalar(select(Member.id)) is None


def test_read_only_unit_cannot_commit(db: Database) -> None:
    with db.reader() as r, pytest.raises(RuntimeError):
        r.commit()


def test_guarded_update_refuses_overdraft(db: Database, shop) -> None:
    with db.uow() as uow:
        m = add_member_in(uow.session, phone="13800138000", name="张三")
        ledger.post_stored_value(
            uow.session, m.id, StoredValueKind.RECHARGE, Money(500), Money(0), ledger.Refs()
        )
        uow.commit()
    from memberdesk.services.shared.errors import ValidationError

    with db.uow() as uow, pytest.raises(ValidationError) as err:
        ledger.post_stored_value(
            uow.session, m.id, StoredValueKind.SPEND, Money(-501), Money(0), ledger.Refs()
        )
    assert err.value.code == "insufficient_stored_value"
    assert "¥5.01" in err.value.message() and "¥5.00" in err.value.message()


def test_two_processes_spending_one_balance(db: Database, shop) -> None:
    """Two processes race read-then-spend 120 times each on a balance that covers
    150 spends: exactly 150 succeed, the balance ends at zero, the ledger agrees."""
    with db.uow() as uow:
        m = add_member_in(uow.session, phone="13800138000", name="张三")
        ledger.post_stored_value(
            uow.session, m.id, StoredValueKind.RECHARGE, Money(150 * 100), Money(0), ledger.Refs()
        )
        uow.commit()
    path = str(db.paths.database)  # type: ignore[union-attr]
    cmd = [sys.executable, "-m", "tests.integration.spend_worker", path, str(m.id), "120", "100"]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True) for _ in range(2)]
    results = []
    for p in procs:
        out, _ = p.communicate(timeout=120)
        assert p.returncode == 0
        results.append(tuple(int(x) for x in out.split()))
    assert sum(ok for ok, _ in results) == 150
    assert sum(refused for _, refused in results) == 90
    assert all(ok > 0 for ok, _ in results), "both processes should have spent"
    with db.reader() as r:
        member = r.session.get(Member, m.id)
        assert member is not None and member.sv_principal == Money(0)
    assert check_database(db) == []


def test_threads_share_engine_safely(db: Database, shop) -> None:
    with db.uow() as uow:
        m = add_member_in(uow.session, phone="13800138000", name="张三")
        ledger.post_stored_value(
            uow.session, m.id, StoredValueKind.RECHARGE, Money(10_000), Money(0), ledger.Refs()
        )
        uow.commit()
    errors: list[BaseException] = []

    def spend() -> None:
        try:
            for _ in range(25):
                with db.uow() as uow:
                    ledger.post_stored_value(
                        uow.session, m.id, StoredValueKind.SPEND, Money(-100), Money(0),
                        ledger.Refs(),
                    )
                    uow.commit()
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=spend) for _ in range(4)]
    t0 = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors, errors
    assert time.monotonic() - t0 < 60
    with db.reader() as r:
        member = r.session.get(Member, m.id)
        assert member is not None and member.sv_principal == Money(0)
    assert check_database(db) == []
