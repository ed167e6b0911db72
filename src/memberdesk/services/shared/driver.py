"""The hot paths' statements (checkout, the ledgers) run on the driver's cursor.

A Core statement built once at module level is compiled once per dialect and per set
of parameter names; each run then sends the compiled SQL straight to the DBAPI cursor
of the unit of work's connection, with the columns' own bind and result processors
(Money, enums, UTC datetimes, dates), the Python-side column defaults SQLAlchemy would
fill in (``created_at``, ``updated_at``, ``status``) and the connection's
``before_cursor_execute``/``after_cursor_execute`` events (statement counts, the
benchmark's capture). What it skips is SQLAlchemy's per-execution work (the
execution context, cache-key lookups, the result object), measured at ~45 µs a
statement against ~7 µs for the driver on this machine (``tests/bench``): more than
most of a checkout's indexed reads and writes cost SQLite or PostgreSQL.

The SQL, the parameters, the transaction and the connection are the ones
``Connection.execute`` would use. A driver error comes back as SQLAlchemy's own
exception class (``IntegrityError`` ...; a lost server invalidates the connection),
so the unit of work maps storage problems as before. A statement this cannot run as
is (expanding ``IN`` lists, post-compile parameters) goes through
``Connection.execute`` unchanged.
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Callable, Iterator, Sequence
from contextlib import nullcontext
from typing import Any

from sqlalchemy import Connection, exc
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.dml import Insert, UpdateBase

from memberdesk.services.shared.pipeline import carrying, fail, queue

_NONE: tuple[Any, ...] = ()
_PLAIN = nullcontext()  # SQLite's statements: nothing queued, no round trips to save


class Rows(list[Any]):
    """A statement's rows (named tuples), with the few ``Result`` methods the hot
    paths use."""

    rowcount: int = -1

    def first(self) -> Any:
        return self[0] if self else None

    def one(self) -> Any:
        if len(self) != 1:
            raise (exc.NoResultFound if not self else exc.MultipleResultsFound)(
                f"{len(self)} rows where one was wanted"
            )
        return self[0]

    def scalar(self) -> Any:
        return self[0][0] if self else None

    def scalar_one(self) -> Any:
        return self.one()[0]

    def scalars(self) -> list[Any]:
        return [r[0] for r in self]

    def all(self) -> list[Any]:
        return self


def _default_value(default: Any) -> Any:
    """A Python-side column default's value for one row."""
    if default.is_scalar:
        return default.arg
    if default.is_callable:
        return default.arg(None)  # zero-argument callables are wrapped to take a context
    raise NotImplementedError(f"column default {default!r}")


class _Plan:
    """A statement compiled for one dialect and one set of parameter names."""

    def __init__(
        self, statement: ClauseElement, conn: Connection, keys: Sequence[str], many: bool = False
    ) -> None:
        dialect = conn.dialect
        self.statement = statement  # held: the cache is keyed by its id
        is_dml = isinstance(statement, UpdateBase)
        # ``many`` (an executemany): compiled as SQLAlchemy compiles one, without the
        # RETURNING of the new primary key that PostgreSQL's single-row INSERT gets.
        options: dict[str, Any] = {"for_executemany": True} if many and is_dml else {}
        compiled: Any = statement.compile(
            dialect=dialect, column_keys=list(keys) if is_dml else None, **options
        )
        self.compiled = compiled
        sql = compiled.string
        self.sql: str = sql
        self.positional = bool(dialect.positional)
        named = {name: b for b, name in compiled.bind_names.items()}
        # IN lists (expanding parameters): one ``?`` per value, on SQLite only.
        self.expanding = frozenset(n for n, b in named.items() if b.expanding)
        rest = sql
        for n in self.expanding:
            rest = rest.replace(f"__[POSTCOMPILE_{n}]", "")
        self.direct = "POSTCOMPILE" not in rest
        self._sized: dict[tuple[int, ...], str] = {}
        # PostgreSQL's IN lists: the SQL and each list's parameter names, by list sizes.
        self._named: dict[tuple[int, ...], tuple[str, dict[str, list[str]]]] = {}
        self.names: tuple[str, ...] = tuple(
            compiled.positiontup or () if self.positional else named
        )
        defaults = dict(compiled.params)
        self.fixed = {n: v for n, v in defaults.items() if n not in keys}
        # Python-side defaults of columns the parameters leave out (created_at ...).
        prefetch = (
            list(getattr(compiled, "insert_prefetch", ()) or ())
            if isinstance(statement, Insert)
            else list(getattr(compiled, "update_prefetch", ()) or ())
        )
        self.prefetch = [
            (c.key, c.default if isinstance(statement, Insert) else c.onupdate)
            for c in prefetch
            if c.key not in keys
        ]
        self.bind: dict[str, Callable[[Any], Any] | None] = {
            name: b.type.dialect_impl(dialect).bind_processor(dialect) for name, b in named.items()
        }
        self.pairs = [(n, self.bind.get(n)) for n in self.names]
        returns = not is_dml or bool(compiled.effective_returning)
        columns = list(statement.exported_columns) if returns else []  # type: ignore[attr-defined]
        self.result = [
            c.type.dialect_impl(dialect).result_processor(dialect, None) for c in columns
        ]
        self.any_result = any(p is not None for p in self.result)
        fields = list(statement.exported_columns.keys()) if returns else []  # type: ignore[attr-defined]
        self.row = _row_class(fields) if fields else None
        self.returns = returns

    def values(self, params: dict[str, Any]) -> Any:
        """The driver's parameters: a tuple (SQLite) or a dict (psycopg)."""
        if self.fixed or self.prefetch:
            params = {**self.fixed, **params}
            for key, default in self.prefetch:
                params[key] = _default_value(default)
        if self.expanding and not self.positional:
            raise RuntimeError("named IN lists go through named_expanded")
        if self.expanding:
            out: list[Any] = []
            for n, p in self.pairs:
                v = params[n]
                vs = v if n in self.expanding else (v,)
                out += [x if p is None or x is None else p(x) for x in vs]
            return tuple(out)
        if self.positional:
            return tuple(
                [
                    v if p is None or v is None else p(v)
                    for v, p in [(params[n], p) for n, p in self.pairs]
                ]
            )
        return {
            n: v if p is None or v is None else p(v)
            for n, p, v in [(n, p, params.get(n)) for n, p in self.pairs]
        }

    def sql_for(self, params: dict[str, Any]) -> str:
        """The SQL with each IN list's ``?`` (an empty list: SQLAlchemy's empty set)."""
        if not self.expanding:
            return self.sql
        sizes = tuple(
            len(params[n] if n in params else self.fixed[n]) for n in sorted(self.expanding)
        )
        sql = self._sized.get(sizes)
        if sql is None:
            sql = self.sql
            for n, size in zip(sorted(self.expanding), sizes, strict=True):
                marks = ", ".join("?" * size) if size else "SELECT 1 FROM (SELECT 1) WHERE 1!=1"
                sql = sql.replace(f"__[POSTCOMPILE_{n}]", marks)
            self._sized[sizes] = sql
        return sql

    def named_expanded(self, params: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        """PostgreSQL (named parameters) with IN lists: the SQL with one parameter a
        list element (``%(ids_1)s::INTEGER, ...``, as SQLAlchemy renders it) and the
        driver's parameters."""
        if self.fixed or self.prefetch:
            params = {**self.fixed, **params}
        lists = sorted(self.expanding)
        sizes = tuple(len(params[n]) for n in lists)
        sized = self._named.get(sizes)
        if sized is None:
            state = self.compiled._process_parameters_for_postcompile(
                {n: list(params[n]) for n in lists})
            sized = self._named[sizes] = (state.statement, state.parameter_expansion)
        sql, expansion = sized
        out: dict[str, Any] = {}
        for n, p in self.pairs:
            v: Any = params.get(n)
            if n in self.expanding:
                for name, x in zip(expansion[n], v, strict=True):
                    out[name] = x if p is None or x is None else p(x)
            else:
                out[n] = v if p is None or v is None else p(v)
        return sql, out

    def rows(self, raw: list[Any]) -> Rows:
        make = self.row
        out = Rows()
        if make is None:
            return out
        if self.any_result:
            procs = self.result
            for r in raw:
                out.append(
                    make(
                        *[
                            v if p is None or v is None else p(v)
                            for v, p in zip(r, procs, strict=True)
                        ]
                    )
                )
        else:
            for r in raw:
                out.append(make(*r))
        return out


def _row_class(fields: list[str]) -> Any:
    """A named tuple with ``_mapping``, as SQLAlchemy's rows have."""
    base = namedtuple("Row", fields, rename=True)  # type: ignore[misc]
    return type(
        "Row", (base,), {"__slots__": (), "_mapping": property(lambda self: self._asdict())}
    )


_PLANS: dict[tuple[int, str, tuple[str, ...], bool], _Plan] = {}


def _plan(
    conn: Connection, statement: ClauseElement, keys: tuple[str, ...], many: bool = False
) -> _Plan:
    key = (id(statement), conn.dialect.name, keys, many)
    plan = _PLANS.get(key)
    if plan is None or plan.statement is not statement:
        plan = _PLANS[key] = _Plan(statement, conn, keys, many)
    return plan


def _send(conn: Connection, plan: _Plan, params: Any, many: bool, sql: str | None = None) -> Any:
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    sql = sql or plan.sql
    before, after = conn.dispatch.before_cursor_execute, conn.dispatch.after_cursor_execute
    try:
        # psycopg: writes queued by send_later (and psycopg's BEGIN) go first, in one
        # round trip with this statement
        with _PLAIN if plan.positional else carrying(conn):
            if before:
                before(conn, cursor, sql, params, None, many)
            if many:
                cursor.executemany(sql, params)
            else:
                cursor.execute(sql, params)
    except Exception as e:
        cursor.close()
        raise fail(conn, e, sql, params, cursor) from e
    if after:
        after(conn, cursor, sql, params, None, many)
    return cursor


def run(conn: Connection, statement: ClauseElement, params: dict[str, Any] | None = None) -> Any:
    """``conn.execute(statement, params)`` on the driver: the rows (:class:`Rows`) and
    ``rowcount``."""
    params = params or {}
    plan = _plan(conn, statement, tuple(params))
    if not plan.direct:
        return conn.execute(statement, params)  # type: ignore[call-overload]
    if plan.expanding and not plan.positional:
        sql, values = plan.named_expanded(params)
    else:
        sql, values = plan.sql_for(params), plan.values(params)
    cursor = _send(conn, plan, values, False, sql)
    try:
        out = plan.rows(cursor.fetchall()) if plan.returns else Rows()
        out.rowcount = cursor.rowcount
    except Exception as e:
        raise fail(conn, e, sql, None, cursor) from e
    finally:
        cursor.close()
    return out


def run_many(conn: Connection, statement: ClauseElement, rows: Sequence[dict[str, Any]]) -> int:
    """``conn.execute(statement, rows)`` without RETURNING, one executemany on the
    driver (psycopg pipelines it: one round trip). Returns the rows written."""
    if not rows:
        return 0
    plan = _plan(conn, statement, tuple(rows[0]), many=True)
    if not plan.direct or plan.returns or plan.expanding:
        return int(conn.execute(statement, list(rows)).rowcount)  # type: ignore[call-overload]
    cursor = _send(conn, plan, [plan.values(r) for r in rows], True)
    count = cursor.rowcount
    cursor.close()
    return int(count)


def send_later(conn: Connection, statement: ClauseElement, rows: Sequence[dict[str, Any]]) -> None:
    """``statement`` once per row for a write (or a lock) whose result nothing reads: on
    PostgreSQL sent with the transaction's next statement or before its COMMIT, in one
    round trip (:mod:`.pipeline`); its error fails that statement or the commit. On
    SQLite (no round trips) at once."""
    if not rows:
        return
    plan = _plan(conn, statement, tuple(rows[0]), many=True)
    if not plan.positional and plan.direct and not plan.expanding:  # psycopg
        queue(conn, plan.sql, [plan.values(r) for r in rows])
    elif plan.returns:
        for r in rows:
            run(conn, statement, r)
    else:
        run_many(conn, statement, rows)


def _values_group(sql: str) -> tuple[str, str, str]:
    """``INSERT ... VALUES (...) RETURNING ...`` split around its one VALUES group."""
    start = sql.index(" VALUES (") + len(" VALUES ")
    depth = 0
    for i in range(start, len(sql)):
        depth += {"(": 1, ")": -1}.get(sql[i], 0)
        if depth == 0:
            return sql[:start], sql[start : i + 1], sql[i + 1 :]
    raise ValueError("no VALUES group")


_MULTI: dict[tuple[int, int], str] = {}


def insert_returning(
    conn: Connection, statement: Insert, rows: Sequence[dict[str, Any]]
) -> Iterator[Any]:
    """A multi-row ``INSERT ... RETURNING`` in one statement: on SQLite one VALUES
    list (the same SQL SQLAlchemy's "insertmanyvalues" sends), on PostgreSQL psycopg's
    pipelined ``executemany(returning=True)``. The returned rows come in no promised
    order: match them by a returned column."""
    if not rows:
        return iter(())
    plan = _plan(conn, statement, tuple(rows[0]))
    if not plan.direct or plan.expanding:
        return iter(conn.execute(statement, list(rows)))
    values = [plan.values(r) for r in rows]
    if plan.positional:
        key = (id(plan), len(rows))
        sql = _MULTI.get(key)
        if sql is None:
            head, group, tail = _values_group(plan.sql)
            sql = _MULTI[key] = head + ", ".join([group] * len(rows)) + tail
        flat = tuple(v for row in values for v in row)
        return iter(plan.rows(_fetch(conn, sql, flat, False)))
    return iter(plan.rows(_fetch(conn, plan.sql, values, True)))  # psycopg


def _fetch(conn: Connection, sql: str, params: Any, many: bool) -> list[Any]:
    """Every row a statement returns; ``many``: psycopg's executemany with RETURNING."""
    cursor: Any = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    before = conn.dispatch.before_cursor_execute
    raw: list[Any] = []
    try:
        with carrying(conn) if many else _PLAIN:  # many: psycopg's executemany
            if before:
                before(conn, cursor, sql, params, None, many)
            if many:
                cursor.executemany(sql, params, returning=True)
            else:
                cursor.execute(sql, params)
        if many:
            while True:
                raw += cursor.fetchall()
                if not cursor.nextset():
                    break
        else:
            raw = list(cursor.fetchall())
    except Exception as e:
        cursor.close()
        raise fail(conn, e, sql, params, cursor) from e
    if conn.dispatch.after_cursor_execute:
        conn.dispatch.after_cursor_execute(conn, cursor, sql, params, None, many)
    cursor.close()
    return raw


__all__ = ["Rows", "insert_returning", "run", "run_many", "send_later"]
