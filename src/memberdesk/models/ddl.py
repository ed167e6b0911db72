"""DDL that SQLAlchemy metadata does not carry: the append-only triggers.

Migrations keep their own frozen copy; this one serves ``create_all`` in tests and
the schema-equivalence test that compares the two.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from . import APPEND_ONLY_TABLES


def append_only_trigger_sql(table: str) -> list[str]:
    return [
        f"CREATE TRIGGER trg_{table}_no_{verb.lower()} BEFORE {verb} ON {table} "
        f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
        for verb in ("UPDATE", "DELETE")
    ]


def create_triggers(conn: Connection) -> None:
    for table in APPEND_ONLY_TABLES:
        for stmt in append_only_trigger_sql(table):
            conn.execute(text(stmt))
