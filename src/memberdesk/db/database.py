"""An open shop database: its engine, session factory and units of work."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from memberdesk.paths import DataPaths

from .engine import make_session_factory
from .migrate import open_database
from .uow import UnitOfWork


@dataclass
class Database:
    engine: Engine
    paths: DataPaths | None = None
    sessions: sessionmaker[Session] = field(init=False)

    def __post_init__(self) -> None:
        self.sessions = make_session_factory(self.engine)

    def uow(self) -> UnitOfWork:
        """A write unit of work (BEGIN IMMEDIATE), rolled back unless committed."""
        return UnitOfWork(self.sessions)

    def reader(self) -> UnitOfWork:
        """A read-only unit of work (plain BEGIN: takes no write lock)."""
        return UnitOfWork(self.sessions, read_only=True)

    def close(self) -> None:
        self.engine.dispose()

    @classmethod
    def open(cls, paths: DataPaths) -> Database:
        paths.ensure()
        return cls(open_database(paths.database, paths.backups), paths)
