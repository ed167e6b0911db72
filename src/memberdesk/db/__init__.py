"""Database plumbing: engine with the SQLite settings, unit of work, migrations."""

from .database import Database
from .engine import make_engine, make_session_factory
from .uow import UnitOfWork

__all__ = ["Database", "UnitOfWork", "make_engine", "make_session_factory"]
