"""The table copy of ``network migrate``: every table of a shop file (a private,
verified copy at head) into a PostgreSQL database, in the caller's server transaction.

Rows are read with the sqlite3 driver (the values as stored: integers, ISO dates and
naive UTC times as text, booleans as 0/1) and streamed into one ``COPY … FROM STDIN``
per table (text format: PostgreSQL parses each value by its column's type), in chunks
of ``chunk`` rows; tables go in the order of their foreign keys, and a table's own
references (a card replaced by another) are checked at the end of its COPY. Nothing
here disables a trigger or a constraint: COPY only inserts, which the append-only
guards allow.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Connection, Table, text

from memberdesk.models import Base
from memberdesk.services.backup.server_backup import LEDGER_SUMS

Progress = Callable[[str, int, int], None]  # table, rows copied so far, rows in all
RowRewrite = Callable[[tuple[Any, ...]], tuple[Any, ...]]


def tables_in_order() -> list[Table]:
    """Every table of this build's schema, each after the tables it points at."""
    return list(Base.metadata.sorted_tables)


def _quoted(names: Sequence[str]) -> str:
    return ", ".join(f'"{n}"' for n in names)


def source_columns(source: sqlite3.Connection, table: Table) -> list[str]:
    """``table``'s columns, which the file must have exactly (it is at head)."""
    have = {str(r[1]) for r in source.execute(f'PRAGMA table_info("{table.name}")')}
    wanted = [c.name for c in table.columns]
    if have != set(wanted):  # pragma: no cover - a file at head has this build's schema
        raise RuntimeError(f"{table.name}: columns {sorted(have ^ set(wanted))} differ")
    return wanted


def source_figures(source: sqlite3.Connection) -> dict[str, int]:
    """Each table's rows and the balance and ledger sums of the shop file (the same
    figures :func:`.server_backup.figures` reads on a server)."""
    found = {f"rows.{t.name}": int(source.execute(f'SELECT count(*) FROM "{t.name}"')
                                   .fetchone()[0]) for t in tables_in_order()}
    found.update({k: int(source.execute(sql).fetchone()[0]) for k, sql in LEDGER_SUMS.items()})
    return found


def copy_tables(source: sqlite3.Connection, target: Connection, *,
                rewrite: dict[str, RowRewrite] | None = None, chunk: int = 5000,
                progress: Progress | None = None) -> int:
    """Copy every table's rows from ``source`` into ``target`` (its transaction);
    ``rewrite``: per table, a function changing a row on the way (the store's code).
    Returns the rows copied."""
    tables = tables_in_order()
    total = sum(int(source.execute(f'SELECT count(*) FROM "{t.name}"').fetchone()[0])
                for t in tables)
    driver: Any = target.connection.driver_connection
    done = 0
    for table in tables:
        columns = source_columns(source, table)
        change = (rewrite or {}).get(table.name)
        order = _quoted([c.name for c in table.primary_key.columns] or columns)
        rows = source.execute(f'SELECT {_quoted(columns)} FROM "{table.name}" ORDER BY {order}')
        with driver.cursor() as cur, cur.copy(
                f'COPY "{table.name}" ({_quoted(columns)}) FROM STDIN') as copy:
            while batch := rows.fetchmany(chunk):
                for row in batch:
                    copy.write_row(change(row) if change else row)
                done += len(batch)
                if progress is not None:
                    progress(table.name, done, total)
    return done


def advance_sequences(target: Connection) -> None:
    """Every id sequence of the server past the highest id copied into its table."""
    serials = target.execute(text(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%'"
    )).all()
    for table, column in serials:
        target.execute(text(
            f"SELECT setval(pg_get_serial_sequence(:t, :c), "
            f'COALESCE((SELECT MAX("{column}") FROM "{table}"), 0) + 1, false)'),
            {"t": f'"{table}"', "c": column})


def empty_tables(target: Connection) -> list[str]:
    """The schema's tables on the server that hold no row."""
    return [t.name for t in tables_in_order()
            if not target.execute(text(f'SELECT EXISTS (SELECT 1 FROM "{t.name}")')).scalar()]


def too_long(source: sqlite3.Connection, target: Connection) -> list[str]:
    """``table.column (longest/limit)`` of every text in the file longer than the
    server's column takes (SQLite never enforces a VARCHAR's length)."""
    limits = target.execute(text(
        "SELECT table_name, column_name, character_maximum_length "
        "FROM information_schema.columns WHERE table_schema = current_schema() "
        "AND character_maximum_length IS NOT NULL ORDER BY table_name, column_name")).all()
    known = {t.name for t in tables_in_order()}
    found = []
    for table, column, limit in limits:
        if table not in known:
            continue
        longest = source.execute(
            f'SELECT max(length("{column}")) FROM "{table}" WHERE length("{column}") > ?',
            (int(limit),)).fetchone()[0]
        if longest is not None:
            found.append(f"{table}.{column} ({longest}/{limit})")
    return found
