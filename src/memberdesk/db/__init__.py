"""Database plumbing: engine with the SQLite settings, unit of work, migrations.

The names below load on first use (PEP 562): :mod:`.peek` reads the login screen's
facts at start-up without importing SQLAlchemy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .database import Database
    from .engine import make_engine, make_session_factory
    from .uow import UnitOfWork

__all__ = ["Database", "UnitOfWork", "make_engine", "make_session_factory"]


def __getattr__(name: str) -> Any:
    if name == "Database":
        from .database import Database

        return Database
    if name in ("make_engine", "make_session_factory"):
        from . import engine

        return getattr(engine, name)
    if name == "UnitOfWork":
        from .uow import UnitOfWork

        return UnitOfWork
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
