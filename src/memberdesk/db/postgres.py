"""The network edition's engine: PostgreSQL 15 through psycopg 3.

The engine comes from a URL (``postgresql+psycopg://user@host/db``); without one the
shop stays on its local SQLite file (:mod:`.engine`). What differs from SQLite:

* Transactions run at READ COMMITTED. SQLite's ``BEGIN IMMEDIATE`` (one writer at a
  time) has no counterpart, so where a read decides a write the services lock the row
  (``with_for_update()``, ignored by SQLite, which already holds the write lock) or
  write with a guarded ``UPDATE ... WHERE balance >= :amount``.
* A read-only unit of work is ``BEGIN ... READ ONLY`` (psycopg's ``read_only``, set by
  the unit of work's ``postgresql_readonly``) and ends with COMMIT, not ROLLBACK (after
  a ROLLBACK psycopg drops every prepared statement of the connection).
* The append-only tables are guarded by a plpgsql trigger function
  (``memberdesk_append_only()``, created by the migrations) instead of
  ``RAISE(ABORT)`` triggers.
* Sessions run in UTC; timestamps are stored as UTC as on SQLite.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url


def is_postgres_url(url: str | None) -> bool:
    return bool(url) and make_url(str(url)).get_backend_name() == "postgresql"


def engine_url(url: str) -> str:
    """``url`` naming psycopg 3 as its driver (a bare ``postgresql://`` means psycopg2
    or psycopg 3 depending on the SQLAlchemy release)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql" and parsed.drivername != "postgresql+psycopg":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def _on_connect(dbapi_conn: Any, _record: Any) -> None:
    with dbapi_conn.cursor() as cur:
        cur.execute("SET TIME ZONE 'UTC'")
        cur.execute("SET lock_timeout = '10s'")
    dbapi_conn.commit()


# A till must hear soon that the server is gone, not hang in the kernel's TCP
# timeouts (minutes): give up connecting after 5 s, and let TCP keep-alives and an
# unacknowledged send give up a dead network after ~20 s (libpq's parameters; no effect
# on a Unix socket).
CONNECT_ARGS: dict[str, int] = {
    "connect_timeout": 5,
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 3,
    "keepalives_count": 3,
    "tcp_user_timeout": 20_000,
}


def make_pg_engine(url: str, *, echo: bool = False) -> Engine:
    """The server's engine. ``pool_pre_ping`` tests a pooled connection before a unit
    of work uses it, so after a lost connection or a server restart the next call
    reconnects by itself (the till needs no restart)."""
    engine = create_engine(
        engine_url(url),
        echo=echo,
        isolation_level="READ COMMITTED",
        pool_pre_ping=True,
        pool_size=5,
        max_overflow=5,
        connect_args=dict(CONNECT_ARGS),
    )
    event.listen(engine, "connect", _on_connect)
    return engine



def display_url(url: str) -> str:
    """``url`` without its password (for messages and logs)."""
    return make_url(url).render_as_string(hide_password=True)


def server_revision(engine: Engine) -> str | None:
    """The schema revision on the server; None for an empty database."""
    with engine.connect() as conn:
        if conn.exec_driver_sql("SELECT to_regclass('alembic_version')").scalar() is None:
            return None
        row = conn.exec_driver_sql("SELECT version_num FROM alembic_version").fetchone()
        return str(row[0]) if row else None


def open_server_database(url: str) -> Engine:
    """The shop database on a PostgreSQL server, brought to this build's schema.

    Refuses (:class:`~.migrate.DatabaseError`) a server it cannot reach
    (``server_unreachable``), a database from a newer MemberDesk and one that lacks
    tables after the upgrade. Backups of a server are pg_dump's business, not ours."""
    engine = make_pg_engine(url)
    try:
        check_server(engine, url)
    except BaseException:
        engine.dispose()
        raise
    return engine


def check_server(engine: Engine, url: str) -> None:
    """:func:`open_server_database`'s checks and upgrade on an engine made already (a
    till started while the server was away runs them when it first answers)."""
    from sqlalchemy.exc import OperationalError

    from .migrate import (
        HEAD_REVISION,
        DatabaseError,
        _first_line,
        known_revisions,
        missing_tables,
        upgrade,
    )

    where = display_url(url)
    try:
        revision = server_revision(engine)
    except OperationalError as exc:
        raise DatabaseError("server_unreachable", where, _first_line(exc)) from exc
    if revision not in (None, HEAD_REVISION) and revision not in known_revisions():
        raise DatabaseError("newer_version", where, revision)
    if revision != HEAD_REVISION:
        upgrade(engine)
    missing = missing_tables(engine)
    if missing:
        raise DatabaseError("not_memberdesk", where, "missing " + ", ".join(missing[:5]))
