"""An open shop database: its engine, session factory and units of work."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from memberdesk.paths import DataPaths
from memberdesk.services.shared.errors import StorageError

from .audit_key import Keyring, load_keyring, open_keyring
from .batch_writer import BatchWriter
from .engine import QUICK_READ_OPTION, READ_ONLY_OPTION, make_engine, make_session_factory
from .migrate import open_database
from .till_store import TILL_STORE, TillStore
from .uow import DriverConnection, QuickRead, UnitOfWork, database_path


@dataclass
class Database:
    engine: Engine
    paths: DataPaths | None = None
    # The audit key (outside the shop file); None: rows are chained unkeyed (tests on
    # a bare engine, and the rows of shops made before the chain was keyed).
    keyring: Keyring | None = None
    # The code of the store this till is in (network edition); None: the first store.
    store: str | None = None
    # A till started while its server was away (网络版) runs on an engine whose server
    # was never checked: the URL to check (and upgrade) it when it first answers.
    unchecked_url: str | None = None
    sessions: sessionmaker[Session] = field(init=False)
    _quick: Engine = field(init=False, repr=False)
    _checking: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def __post_init__(self) -> None:
        self.sessions = make_session_factory(self.engine)
        self.sessions.configure(info={"audit_keyring": self.keyring,
                                      TILL_STORE: TillStore(self.store)})
        self._quick = self.engine.execution_options(
            **{READ_ONLY_OPTION: True, QUICK_READ_OPTION: True})

    def uow(self) -> UnitOfWork:
        """A write unit of work (BEGIN IMMEDIATE), rolled back unless committed."""
        self._ready()
        return UnitOfWork(self.sessions)

    def reader(self) -> UnitOfWork:
        """A read-only unit of work (plain BEGIN: takes no write lock)."""
        self._ready()
        return UnitOfWork(self.sessions, read_only=True)

    def batch_writer(self) -> BatchWriter:
        """The write units of work of a long background job, WAL checkpoints between
        them (:class:`.batch_writer.BatchWriter`)."""
        self._ready()
        return BatchWriter(self)

    def quick_read(self) -> QuickRead:
        """A Core connection for one quick read (the lookup at the counter): no
        session, no BEGIN on SQLite. See :class:`.uow.QuickRead`."""
        self._ready()
        return QuickRead(self._quick, database_path(self.engine))

    def driver_read(self) -> DriverConnection:
        """The driver's own connection for one read SQLAlchemy would cost several times
        over (the exact lookups on SQLite). See :class:`.uow.DriverConnection`."""
        self._ready()
        return DriverConnection(self.engine, database_path(self.engine))

    def close(self) -> None:
        self.engine.dispose()

    def ping(self) -> None:
        """One round trip to the database (the till asking whether the server is back);
        a lost server raises the unit of work's ``server_lost``. A till started while
        the server was away first checks (and upgrades) the server's schema; a server
        still away raises ``server_lost``."""
        with self.reader() as uow:
            uow.session.connection().exec_driver_sql("SELECT 1")

    def _ready(self) -> None:
        """A till started while its server was away: nothing reaches the server before
        its schema is checked (and upgraded); still away: ``server_lost``."""
        if self.unchecked_url is None:
            return
        from .migrate import DatabaseError
        from .postgres import check_server

        with self._checking:  # the worker and the long jobs' worker: one check
            url = self.unchecked_url
            if url is None:
                return
            try:
                check_server(self.engine, url)
            except DatabaseError as exc:
                if exc.code != "server_unreachable":
                    raise
                raise StorageError("server_lost") from exc
            self.unchecked_url = None

    @property
    def server_checked(self) -> bool:
        return self.unchecked_url is None

    @classmethod
    def unchecked(cls, paths: DataPaths, url: str, store: str | None = None) -> Database:
        """The till's server database without reaching it (the server is away): an
        engine that connects when asked, checked (and upgraded) by the first unit of
        work that gets an answer (:meth:`_ready`). Only the offline log-in and sale
        work until then."""
        from .postgres import make_pg_engine

        paths.ensure()
        return cls(make_pg_engine(url), paths, open_keyring(paths.root), store, url)

    @classmethod
    def of_file(cls, path: Path) -> Database:
        """The shop file at ``path`` as it is (no back-up, no upgrade), with the audit key
        of its folder when there is one: a second process writing beside the app (tests,
        tools) chains its audit rows with the same key."""
        return cls(make_engine(path), None, load_keyring(path.parent))

    @classmethod
    def of_url(cls, url: str, key_dir: Path | None = None) -> Database:
        """The PostgreSQL database at ``url`` as it is (no upgrade), with the audit key
        of ``key_dir`` if any: :meth:`of_file` for a shop on a server (tests, tools)."""
        from .postgres import make_pg_engine

        return cls(make_pg_engine(url), None, load_keyring(key_dir) if key_dir else None)

    @classmethod
    def open(cls, paths: DataPaths, url: str | None = None,
             store: str | None = None) -> Database:
        """The shop of the data directory ``paths``: its SQLite file, or with ``url``
        (the network edition) the PostgreSQL database there; brought to this build's
        schema. The audit key always lives in the data directory."""
        paths.ensure()
        if url:
            from .postgres import open_server_database

            return cls(open_server_database(url), paths, open_keyring(paths.root), store)
        engine = open_database(paths.database, paths.backups)
        return cls(engine, paths, open_keyring(paths.root), store)
