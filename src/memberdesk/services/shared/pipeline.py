"""Writes sent with the next statement (PostgreSQL): one round trip for several.

A checkout writes rows whose results nothing reads: the sale's tenders and line
discounts, the points lots' moves, a new lot, the coupon's event, the visit count.
On a server each cost a round trip of its own. :func:`~.driver.send_later` queues such
a write on the transaction's connection instead; the next statement on the driver
(:func:`~.driver.run` ...) sends the queue and itself in one psycopg pipeline (one
round trip), and whatever is left is sent before the COMMIT. Nothing else changes:
the same statements in the same order, in the same transaction; a queued write that
fails (a foreign key, the append-only guard, a lost server) fails the statement that
carries it, or the commit, as SQLAlchemy's own error, so the unit of work rolls the
whole transaction back as before. A ROLLBACK drops the queue (the writes were never
sent). On SQLite there are no round trips to save: ``send_later`` runs at once.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, event, exc

LATER = "memberdesk_send_later"  # the queue, in the pooled connection's info
_IDLE = 0  # libpq's PQTRANS_IDLE: no transaction open


def fail(conn: Connection, e: Exception, sql: str, params: Any, cursor: Any) -> Exception:
    """A driver error as SQLAlchemy's exception (a lost server invalidates the connection)."""
    dialect = conn.dialect
    dbapi = dialect.loaded_dbapi
    if not isinstance(e, dbapi.Error):
        return e
    lost = bool(dialect.is_disconnect(e, conn.connection.dbapi_connection, cursor))
    if lost:
        conn.invalidate(e)
    return exc.DBAPIError.instance(
        sql, params, e, dbapi.Error, connection_invalidated=lost, dialect=dialect
    )


@contextmanager
def carrying(conn: Connection) -> Iterator[None]:
    """The block's statements sent after the queued writes, in one pipeline (a plain
    block when nothing is queued). Errors come out of the block as the driver's."""
    pending: list[tuple[str, list[Any]]] = conn.info.pop(LATER, None) or []
    dbapi_conn: Any = conn.connection.dbapi_connection
    if not pending and not _begins(dbapi_conn):
        yield
        return
    cursor = dbapi_conn.cursor()
    before, after = conn.dispatch.before_cursor_execute, conn.dispatch.after_cursor_execute
    try:
        with dbapi_conn.pipeline():
            for sql, rows in pending:
                if before:
                    before(conn, cursor, sql, rows, None, True)
                cursor.executemany(sql, rows)
            yield
        if after:
            for sql, rows in pending:
                after(conn, cursor, sql, rows, None, True)
    finally:
        cursor.close()


def _begins(dbapi_conn: Any) -> bool:
    """Whether psycopg will send a BEGIN before the next statement: then the two go in
    one pipeline (one round trip instead of two)."""
    pgconn = getattr(dbapi_conn, "pgconn", None)
    return (pgconn is not None and not dbapi_conn.autocommit
            and pgconn.transaction_status == _IDLE)


def queue(conn: Connection, sql: str, rows: list[Any]) -> None:
    """Queue ``sql`` for each of ``rows`` (the driver's parameters) on ``conn``."""
    _watch(conn.engine)
    conn.info.setdefault(LATER, []).append((sql, rows))


def flush(conn: Connection) -> None:
    """Send whatever is queued on ``conn`` now (before a COMMIT, or a statement that
    does not go through the driver)."""
    if not conn.info.get(LATER):
        return
    try:
        with carrying(conn):
            pass
    except Exception as e:
        raise fail(conn, e, "(statements sent with the commit)", None, None) from e


def _drop(conn: Connection) -> None:
    conn.info.pop(LATER, None)


def _before_statement(conn: Connection, *_args: Any) -> None:
    # A statement sent by SQLAlchemy itself (an ORM flush ...) reads and writes after
    # the queued writes, as it would have without the queue. The driver's own statements
    # take the queue first (carrying), so this finds it empty for them.
    if conn.info.get(LATER):
        flush(conn)


_WATCHED: weakref.WeakSet[Engine] = weakref.WeakSet()


def _watch(engine: Engine) -> None:
    if engine in _WATCHED:
        return
    _WATCHED.add(engine)
    event.listen(engine, "commit", flush)
    event.listen(engine, "rollback", _drop)
    event.listen(engine, "begin", _drop)  # a queue left by a connection handed back
    event.listen(engine, "before_cursor_execute", _before_statement)


__all__ = ["carrying", "fail", "flush", "queue"]
