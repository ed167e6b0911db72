"""Read-only units of work on PostgreSQL: one ``BEGIN ... READ ONLY`` (no separate SET
TRANSACTION), writes refused, and ended with COMMIT so psycopg keeps the connection's
prepared statements (after a ROLLBACK it sends DEALLOCATE ALL and forgets them: every
lookup between two checkouts made the next checkout plan its statements again)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import event, text
from sqlalchemy.exc import InternalError

from memberdesk.db import Database
from memberdesk.paths import DataPaths


def test_a_reader_is_read_only_in_its_begin_and_keeps_prepared_statements(
    pg_fresh: str, tmp_path: Path
) -> None:
    db = Database.open(DataPaths(tmp_path / "data").ensure(), pg_fresh)
    sent: list[str] = []
    event.listen(db.engine, "before_cursor_execute",
                 lambda _c, _cur, sql, *_a: sent.append(sql.strip().upper()))
    try:
        for _ in range(8):  # psycopg prepares a statement on its 5th execution
            with db.reader() as uow:
                assert uow.session.execute(text("SELECT count(*) FROM staff")).scalar() == 0
        with db.reader() as uow:
            conn = uow.session.connection()
            prepared = conn.execute(text("SELECT count(*) FROM pg_prepared_statements")).scalar()
            read_only = conn.execute(text("SHOW transaction_read_only")).scalar()
        assert prepared and prepared >= 1  # not thrown away by the readers before
        assert read_only == "on"
        assert not any("SET TRANSACTION" in s for s in sent)
        with pytest.raises(InternalError, match="read-only transaction"), db.reader() as uow:
            uow.session.execute(text("DELETE FROM settings"))
        with db.uow() as uow:  # the pool's connection is writable again after a reader
            uow.session.execute(text("DELETE FROM settings WHERE key = 'nothing'"))
            uow.commit()
    finally:
        db.close()


def test_a_quick_read_keeps_the_connections_prepared_statements(
    pg_fresh: str, tmp_path: Path
) -> None:
    """The lookup at the counter (Database.quick_read) ends with COMMIT on the server:
    before, the pool's ROLLBACK made psycopg send DEALLOCATE ALL, and the checkout after
    each lookup parsed and planned its ~30 statements again (bench_pg_trips)."""
    db = Database.open(DataPaths(tmp_path / "data").ensure(), pg_fresh)
    sent: list[str] = []
    event.listen(db.engine, "before_cursor_execute",
                 lambda _c, _cur, sql, *_a: sent.append(sql.strip().upper()))
    try:
        for _ in range(8):  # psycopg prepares a statement on its 5th execution
            with db.quick_read() as conn:
                assert conn.execute(text("SELECT count(*) FROM staff")).scalar() == 0
        with db.quick_read() as conn:
            prepared = conn.execute(text("SELECT count(*) FROM pg_prepared_statements")).scalar()
        assert prepared and prepared >= 1
    finally:
        db.close()
