"""Core access for the hot paths (checkout, the ledgers): tables, the session's
connection, and keeping loaded ORM objects in step with Core writes.

A statement built once at module level (with ``bindparam``) and executed on the
connection skips what the ORM does per call (statement coercion, cache-key
generation, identity loads, the unit-of-work flush): about 30 µs a statement
instead of 150–400 µs. The rules for such statements:

* Money columns take :class:`~memberdesk.money.Money` (the column type refuses ints).
* Core reads see the database, not pending ORM changes: use :func:`connection`,
  which flushes them first, as the ORM's autoflush would before a query.
* After a Core UPDATE of a row that the session may have loaded, call :func:`sync`
  so the loaded object shows the new values (no extra SELECT).
"""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import Connection, Table
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.util import identity_key

from memberdesk.models import Base


def table(model: type[Base]) -> Table:
    """The Core table of a mapped class."""
    return cast(Table, model.__table__)


def connection(session: Session) -> Connection:
    """The unit of work's connection, after flushing pending ORM changes."""
    session.flush()
    return session.connection()


def sync(session: Session, model: type[Base], pk: int, **values: Any) -> None:
    """Show ``values`` (just written with Core) on the loaded ``model`` object with
    primary key ``pk``, if the session holds one; loads nothing."""
    obj = session.identity_map.get(identity_key(model, pk))
    if obj is not None:
        for key, value in values.items():
            set_committed_value(obj, key, value)
