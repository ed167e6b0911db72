"""An open shop database: its engine, session factory and units of work."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from memberdesk.paths import DataPaths

from .audit_key import Keyring, load_keyring, open_keyring
from .engine import make_engine, make_session_factory
from .migrate import open_database
from .till_store import TILL_STORE, TillStore
from .uow import UnitOfWork


@dataclass
class Database:
    engine: Engine
    paths: DataPaths | None = None
    # The audit key (outside the shop file); None: rows are chained unkeyed (tests on
    # a bare engine, and the rows of shops made before the chain was keyed).
    keyring: Keyring | None = None
    # The code of the store this till is in (network edition); None: the first store.
    store: str | None = None
    sessions: sessionmaker[Session] = field(init=False)

    def __post_init__(self) -> None:
        self.sessions = make_session_factory(self.engine)
        self.sessions.configure(info={"audit_keyring": self.keyring,
                                      TILL_STORE: TillStore(self.store)})

    def uow(self) -> UnitOfWork:
        """A write unit of work (BEGIN IMMEDIATE), rolled back unless committed."""
        return UnitOfWork(self.sessions)

    def reader(self) -> UnitOfWork:
        """A read-only unit of work (plain BEGIN: takes no write lock)."""
        return UnitOfWork(self.sessions, read_only=True)

    def close(self) -> None:
        self.engine.dispose()

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
