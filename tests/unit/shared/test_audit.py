"""The audit log is append-only and hash-chained: edits and deletions are detected."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import text

from memberdesk.db import Database
from memberdesk.services.backup.integrity import check_database
from memberdesk.services.shared import audit


def _raw(db: Database) -> sqlite3.Connection:
    return sqlite3.connect(db.paths.database, isolation_level=None)  # type: ignore[union-attr]


def _add_rows(db: Database, n: int) -> None:
    with db.uow() as uow:
        for i in range(n):
            audit.record(uow.session, action="test.event", staff_id=1, detail={"i": i, "名": "值"})
        uow.commit()


def test_chain_intact(db: Database, shop) -> None:
    _add_rows(db, 5)
    with db.reader() as r:
        assert audit.verify_chain(r.session) == []


@pytest.mark.sqlite_only  # on the file itself; PostgreSQL: tests/pg/test_pg_engine.py
def test_database_rejects_update_and_delete(db: Database, shop) -> None:
    _add_rows(db, 2)
    conn = _raw(db)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("UPDATE audit_log SET action = 'x' WHERE id = 1")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("DELETE FROM audit_log WHERE id = 1")
    conn.close()


@pytest.mark.parametrize(
    ("tamper", "expected"),
    [
        ("UPDATE audit_log SET detail = '{\"i\": 99}' WHERE id = 3", "row 3 (test.event) was altered"),
        ("DELETE FROM audit_log WHERE id = 3", "rows 3..3 are missing"),
        ("DELETE FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_log)", "newest rows"),
    ],
)
@pytest.mark.sqlite_only  # on the file itself; PostgreSQL: tests/pg/test_pg_engine.py
def test_tampering_is_detected(db: Database, shop, tamper: str, expected: str) -> None:
    _add_rows(db, 5)
    conn = _raw(db)
    conn.execute("DROP TRIGGER trg_audit_log_no_update")
    conn.execute("DROP TRIGGER trg_audit_log_no_delete")
    conn.execute(tamper)
    conn.close()
    problems = [p.message for p in check_database(db) if p.check == "audit"]
    assert any(expected in p for p in problems), problems


def test_ledgers_are_append_only(db: Database, shop) -> None:
    from memberdesk.models import APPEND_ONLY_TABLES

    postgres = db.engine.dialect.name == "postgresql"
    query = text("SELECT pg_get_triggerdef(oid) FROM pg_trigger WHERE tgname = :n" if postgres
                 else "SELECT sql FROM sqlite_master WHERE name = :n")
    with db.reader() as r:
        for table in APPEND_ONLY_TABLES:
            sql = r.session.execute(query, {"n": f"trg_{table}_no_update"}).scalar()
            assert sql and ("memberdesk_append_only()" if postgres else "RAISE(ABORT") in sql
