"""The SQLite engine: WAL, synchronous=FULL, foreign keys, busy timeout, BEGIN IMMEDIATE.

pysqlite's own transaction handling is switched off (``isolation_level=None``) and
every transaction is begun by us with ``BEGIN IMMEDIATE``: the write lock is taken
at the start, so two writers never both read a balance and then both spend it.
This is SQLAlchemy's documented recipe for "serializable isolation / savepoints /
transactional DDL" on pysqlite.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 10_000


def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # we emit BEGIN ourselves
    cur = dbapi_conn.cursor()
    try:
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys = ON")
        mode = cur.execute("PRAGMA journal_mode = WAL").fetchone()
        if mode and str(mode[0]).lower() not in ("wal", "memory"):
            raise RuntimeError(f"SQLite refused WAL mode (got {mode[0]})")
        cur.execute("PRAGMA synchronous = FULL")
        cur.execute("PRAGMA trusted_schema = OFF")
    finally:
        cur.close()


READ_ONLY_OPTION = "memberdesk_read_only"
# A quick read (Database.quick_read: the lookup at the counter) sends no BEGIN on
# SQLite: each of its statements reads a consistent snapshot of its own, and the
# BEGIN/ROLLBACK round trips cost more than the indexed read they would wrap.
QUICK_READ_OPTION = "memberdesk_quick_read"


def _on_begin(conn: Any) -> None:
    # Read-only units of work take no write lock, so lookups never queue behind a
    # checkout; everything else takes the write lock up front.
    options = conn.get_execution_options()
    if options.get(QUICK_READ_OPTION):
        return
    if options.get(READ_ONLY_OPTION):
        conn.exec_driver_sql("BEGIN")
    else:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def _on_connect_read_only(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    try:
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA query_only = ON")
        cur.execute("PRAGMA trusted_schema = OFF")
    finally:
        cur.close()


def _on_begin_read_only(conn: Any) -> None:
    if not conn.get_execution_options().get(QUICK_READ_OPTION):
        conn.exec_driver_sql("BEGIN")


def make_engine(path: Path | str, *, echo: bool = False, read_only: bool = False) -> Engine:
    """An engine on the SQLite file at ``path`` (``":memory:"`` for tests).

    ``read_only`` opens the file with ``mode=ro`` and changes nothing in it (not
    even the journal mode): for verifying backups and files offered for restore.
    """
    if str(path) == ":memory:":
        url = "sqlite://"
    elif read_only:
        url = f"sqlite:///file:{Path(path).resolve().as_posix()}?mode=ro&uri=true"
    else:
        url = f"sqlite:///{Path(path)}"
    engine = create_engine(
        url,
        echo=echo,
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
    )
    event.listen(engine, "connect", _on_connect_read_only if read_only else _on_connect)
    event.listen(engine, "begin", _on_begin_read_only if read_only else _on_begin)
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False, autoflush=True)
