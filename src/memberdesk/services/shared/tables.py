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

from collections.abc import Sequence
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any, cast

from sqlalchemy import Connection, Table, insert
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.util import identity_key

from memberdesk.models import Base
from memberdesk.money import Money


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


def driver_value(v: Any) -> Any:
    """A value as SQLAlchemy stores it on SQLite (Money in fen, enums by value, ISO
    dates, naive UTC datetimes, booleans as 0/1)."""
    if isinstance(v, Money):
        return v.fen
    if isinstance(v, Enum):
        return v.value
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, datetime):
        return v.astimezone(UTC).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(v, date):
        return v.isoformat()
    return v


def insert_many(conn: Connection, t: Table, rows: Sequence[dict[str, Any]], *,
                unless_taken: str | None = None) -> int:
    """Insert ``rows`` (dicts with the same keys) in one executemany; ``unless_taken``:
    a unique column whose taken values are skipped, not an error. SQLite gets them
    through the driver (:func:`driver_value`: a few µs a row instead of the column
    types' tens, measured on a campaign's million coupons); PostgreSQL through Core.
    Returns the rows written."""
    if not rows:
        return 0
    if conn.dialect.name != "sqlite":
        stmt: Any = insert(t)
        if unless_taken:
            stmt = postgresql.insert(t).on_conflict_do_nothing(index_elements=[unless_taken])
        return max(0, int(conn.execute(stmt, list(rows)).rowcount))
    columns = list(rows[0])
    plain = (int, str, float, type(None))
    converted: dict[Any, Any] = {}  # a batch repeats its moments and states: convert once

    def value(v: Any) -> Any:
        if type(v) in plain:
            return v
        try:
            return converted[v]
        except KeyError:
            converted[v] = out = driver_value(v)
            return out
        except TypeError:  # not hashable
            return driver_value(v)

    sql = (f"INSERT INTO {t.name} ({', '.join(columns)}) "
           f"VALUES ({', '.join('?' for _ in columns)})"
           + (f" ON CONFLICT ({unless_taken}) DO NOTHING" if unless_taken else ""))
    result = conn.exec_driver_sql(sql, [tuple(value(r[c]) for c in columns) for r in rows])
    return max(0, int(result.rowcount))
