"""Unit of work: one service use case, one transaction, rolled back unless committed.

A full disk or a database held by another program, wherever it surfaces (the first
statement, a flush, the commit), leaves the block as a
:class:`~memberdesk.services.errors.StorageError` ("nothing was saved"), mapped in
one place (:func:`.errors.storage_error`), never as a raw driver error.
"""

from __future__ import annotations

from types import TracebackType
from typing import Self

from sqlalchemy.orm import Session, sessionmaker

from memberdesk.services.errors import StorageError

from .engine import READ_ONLY_OPTION
from .errors import storage_error

READ_ONLY_OPTIONS = {READ_ONLY_OPTION: True, "postgresql_readonly": True}


class UnitOfWork:
    """``with UnitOfWork(factory) as uow: ...; uow.commit()``.

    Leaving the block without :meth:`commit` (or through an exception) rolls back
    everything done inside it.
    """

    def __init__(self, session_factory: sessionmaker[Session], *, read_only: bool = False) -> None:
        self._factory = session_factory
        self._read_only = read_only
        self._session: Session | None = None
        self._committed = False

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("UnitOfWork used outside its with-block")
        return self._session

    def _database_path(self) -> str | None:
        bind = self._factory.kw.get("bind")
        url = getattr(bind, "url", None)
        name = getattr(url, "database", None)
        if not isinstance(name, str) or not name or name == ":memory:":
            return None
        return name.removeprefix("file:").split("?", 1)[0]

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

    def __enter__(self) -> Self:
        self._session = self._factory()
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
            return
        self._end()
        raise mapped from exc
