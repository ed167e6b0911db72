"""Unit of work: one service use case, one transaction, rolled back unless committed.

A full disk or a database held by another program, wherever it surfaces (the first
statement, a flush, the commit), leaves the block as a
:class:`~memberdesk.services.shared.errors.StorageError` ("nothing was saved"), mapped in
one place (:func:`.errors.storage_error`), never as a raw driver error.
"""

from __future__ import annotations

from types import TracebackType
from typing import Any, Self

from sqlalchemy import Connection, Engine
from sqlalchemy.orm import Session, sessionmaker

from memberdesk.services.shared.errors import StorageError

from .engine import READ_ONLY_OPTION
from .errors import storage_error

READ_ONLY_OPTIONS = {READ_ONLY_OPTION: True, "postgresql_readonly": True}


def database_path(bind: object) -> str | None:
    """The SQLite file of an engine, for storage error messages (None: in memory or a server)."""
    url = getattr(bind, "url", None)
    name = getattr(url, "database", None)
    if not isinstance(name, str) or not name or name == ":memory:":
        return None
    return name.removeprefix("file:").split("?", 1)[0]


def _roll_back_left_open(conn: Connection) -> None:
    """A held connection (``.batch_writer``) is not reset by the pool between units of
    work: a COMMIT that failed (a deferred constraint, a full disk) leaves SQLite's
    transaction and its write lock open while SQLAlchemy counts the transaction as
    over, so the next BEGIN IMMEDIATE would fail and every writer wait. Roll it back."""
    try:
        dbapi: Any = conn.connection.driver_connection
        if getattr(dbapi, "in_transaction", False):
            dbapi.execute("ROLLBACK")
    except Exception:  # the error being reported matters more; the writer ends anyway
        pass


class UnitOfWork:
    """``with UnitOfWork(factory) as uow: ...; uow.commit()``.

    Leaving the block without :meth:`commit` (or through an exception) rolls back
    everything done inside it.
    """

    def __init__(self, session_factory: sessionmaker[Session], *, read_only: bool = False,
                 bind: Connection | None = None) -> None:
        self._factory = session_factory
        self._read_only = read_only
        self._bind = bind  # a connection held by the caller (``.batch_writer``)
        self._session: Session | None = None
        self._committed = False

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("UnitOfWork used outside its with-block")
        return self._session

    def _database_path(self) -> str | None:
        return database_path(self._factory.kw.get("bind"))

    def _on_server(self) -> bool:
        bind = self._factory.kw.get("bind")
        return getattr(getattr(bind, "dialect", None), "name", "") == "postgresql"

    def _end(self) -> None:
        session, self._session = self._session, None
        if session is None:
            return
        try:
            if not self._committed:
                session.rollback()
        except Exception:  # the storage error being reported matters more
            pass
        finally:
            session.close()
            if self._bind is not None:
                _roll_back_left_open(self._bind)

    def __enter__(self) -> Self:
        self._session = self._factory() if self._bind is None else self._factory(bind=self._bind)
        self._committed = False
        try:
            self._session.begin()
            if self._read_only:
                # postgresql_readonly: psycopg sends BEGIN ... READ ONLY (one round trip;
                # SQLAlchemy resets it when the connection goes back to the pool).
                self._session.connection(execution_options=READ_ONLY_OPTIONS)
        except Exception as exc:
            mapped = storage_error(exc, self._database_path())
            self._end()
            if mapped is None:
                raise
            raise mapped from exc
        return self

    def commit(self) -> None:
        if self._read_only:
            raise RuntimeError("a read-only unit of work cannot commit")
        try:
            self.session.commit()
        except Exception as exc:
            mapped = storage_error(exc, self._database_path())
            if mapped is None:
                raise
            raise mapped from exc
        self._committed = True

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if isinstance(exc, StorageError):  # already mapped (by commit)
            self._end()
            return
        mapped = storage_error(exc, self._database_path()) if exc is not None else None
        if mapped is None:
            session = self.session
            try:
                if exc is None and self._read_only and self._on_server():
                    # A read-only transaction that went well ends with COMMIT (the same
                    # as ROLLBACK: nothing to undo): psycopg answers every ROLLBACK with
                    # DEALLOCATE ALL (a round trip, and every prepared statement of the
                    # connection lost, so the next checkout parses and plans each of its
                    # ~30 statements again).
                    session.commit()
                elif not self._committed:
                    session.rollback()
            finally:
                session.close()
                self._session = None
                if self._bind is not None:
                    _roll_back_left_open(self._bind)
            return
        self._end()
        raise mapped from exc


class QuickRead:
    """``with QuickRead(engine, path) as conn: ...``: a pooled Core connection for one
    quick read at the counter (the member lookup), without a session. On SQLite no
    BEGIN is sent (each statement reads a consistent snapshot of its own); on
    PostgreSQL the transaction is READ ONLY. Nothing can be committed; a full disk or
    a held file leaves the block as a StorageError, as in a unit of work."""

    def __init__(self, engine: Engine, path: str | None) -> None:
        self._engine = engine
        self._path = path
        self._conn: Connection | None = None

    def __enter__(self) -> Connection:
        try:
            self._conn = self._engine.connect()
        except Exception as exc:
            mapped = storage_error(exc, self._path)
            if mapped is None:
                raise
            raise mapped from exc
        return self._conn

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                if exc is None and conn.in_transaction() and conn.dialect.name != "sqlite":
                    # COMMIT, not the pool's ROLLBACK: psycopg answers a ROLLBACK with
                    # DEALLOCATE ALL, so the checkout after a lookup parsed and planned
                    # each of its statements again (bench_pg_trips).
                    conn.commit()
                conn.close()  # rolls back: nothing of a quick read is ever kept
            except Exception:  # the error being reported matters more
                if exc is None:
                    raise
        mapped = storage_error(exc, self._path) if exc is not None else None
        if mapped is not None:
            raise mapped from exc


class DriverConnection:
    """``with DriverConnection(engine, path) as dbapi_conn: ...``: the driver's own
    connection from the engine's pool, for a read that SQLAlchemy's execution would
    cost several times over (the exact lookups on SQLite; the connection is in
    autocommit, so a SELECT is its own snapshot). Returned to the pool on leaving;
    storage errors are mapped as in a unit of work."""

    def __init__(self, engine: Engine, path: str | None) -> None:
        self._engine = engine
        self._path = path
        self._fairy: Any = None

    def __enter__(self) -> Any:
        try:
            self._fairy = self._engine.raw_connection()
        except Exception as exc:
            mapped = storage_error(exc, self._path)
            if mapped is None:
                raise
            raise mapped from exc
        return self._fairy.driver_connection

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        fairy, self._fairy = self._fairy, None
        if fairy is not None:
            fairy.close()
        mapped = storage_error(exc, self._path) if exc is not None else None
        if mapped is not None:
            raise mapped from exc
