"""The member lookup's statements, built once (the lookup runs on every swipe).

Each statement that returns members also carries the looking staff member's role
(``staff_role``: NULL for a disabled or unknown account), so the exact lookups at
the counter are one indexed read each: the member and whether the phone is shown
in full come back together. A statement with an IN list has a fixed number of
parameters (repeats fill the unused ones), so its compiled form is reused as is.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Connection, Integer, Select, bindparam, select
from sqlalchemy.orm import InstrumentedAttribute

from memberdesk.models import Card, Member, Staff, Tier
from memberdesk.models.enums import MemberStatus, Role
from memberdesk.models.members import MemberSearchKey
from memberdesk.services.shared.errors import AuthError
from memberdesk.services.shared.permissions import Permission, role_has

# runs a statement with its parameters and gives its rows (Core rows or plain tuples)
Run = Callable[[Select[Any], dict[str, Any]], Sequence[Any]]
MAX_UIDS = 4  # uid_candidates gives at most four readings of a swipe

ROLE_ONLY = select(Staff.role).where(Staff.id == bindparam("staff_id"), Staff.active.is_(True))
_STAFF_ROLE = ROLE_ONLY.scalar_subquery()
_HIT_COLUMNS = (
    Member.id,
    Member.member_no,
    Member.name,
    Member.phone,
    Tier.name,
    Member.sv_principal,
    Member.sv_bonus,
    Member.points_balance,
    Member.status,
    _STAFF_ROLE.label("staff_role"),
)
ROLE = len(_HIT_COLUMNS) - 1  # the staff_role column of a hit row
HITS = select(*_HIT_COLUMNS).join(Tier, Tier.id == Member.tier_id)
BY_CARD = (
    HITS.add_columns(Card.uid, Card.status)
    .join(Card, Card.member_id == Member.id)
    .where(Card.uid.in_([bindparam(f"uid{i}") for i in range(MAX_UIDS)]))
)
BY_MEMBER_NO = HITS.where(Member.member_no.in_([bindparam("no"), bindparam("no_upper")])).limit(1)
BY_PHONE = HITS.where(Member.phone == bindparam("phone"))
BY_IDS = HITS.where(Member.id.in_(bindparam("ids", expanding=True)))
LAST4 = (
    select(Member.id)
    .where(Member.phone_last4 == bindparam("digits"))
    .order_by(
        (Member.status != MemberStatus.ACTIVE),
        Member.last_visit_at.desc().nulls_last(),
        Member.id,
    )
    .limit(bindparam("cap", type_=Integer))
)
KEY_RANGE = (
    select(MemberSearchKey.member_id)
    .where(MemberSearchKey.key >= bindparam("lo"), MemberSearchKey.key < bindparam("hi"))
    .order_by(MemberSearchKey.key, MemberSearchKey.member_id)
    .limit(bindparam("cap", type_=Integer))
)


def uid_params(candidates: list[str]) -> dict[str, str]:
    """The card statement's parameters: the candidates, the first repeated to fill."""
    padded = (candidates + candidates[:1] * MAX_UIDS)[:MAX_UIDS]
    return {f"uid{i}": uid for i, uid in enumerate(padded)}


def _range_statement(column: InstrumentedAttribute[Any]) -> Select[int, Any]:
    """Members whose ``column`` starts with a prefix, in index order, anonymised ones
    left out: ``column >= :lo AND column < :hi`` on the column's index."""
    return (
        select(Member.id, column)
        .where(
            column >= bindparam("lo"),
            column < bindparam("hi"),
            Member.status != MemberStatus.ANONYMISED,
        )
        .order_by(column, Member.id)
        .limit(bindparam("cap", type_=Integer))
    )


RANGE_NAME = _range_statement(Member.name)
RANGE_PINYIN = _range_statement(Member.name_pinyin)
RANGE_INITIALS = _range_statement(Member.name_initials)
RANGE_PHONE = _range_statement(Member.phone)


class Viewer:
    """Who is looking, for the phone masking: known up front (``unmasked``), or read
    from the ``staff_role`` column of the first row that comes back (``staff_id``);
    a disabled account is refused either way (:class:`AuthError`)."""

    def __init__(self, staff_id: int | None, unmasked: bool | None = None) -> None:
        self.staff_id = staff_id
        self.unmasked = unmasked

    def of_row(self, row: Any) -> bool:
        if self.unmasked is None:
            self.unmasked = _unmask(row[ROLE])
        return self.unmasked

    def check(self, conn: Connection) -> bool:
        """The role, read on its own when no row has brought it (a miss, a pick list)."""
        if self.unmasked is None:
            self.unmasked = _unmask(conn.execute(ROLE_ONLY, {"staff_id": self.staff_id}).scalar())
        return self.unmasked


def _unmask(role: Role | None) -> bool:
    if role is None:
        raise AuthError("account_inactive")
    return role_has(role, Permission.UNMASK_PHONE)


class DriverRead:
    """A SELECT compiled once for SQLite and run straight on the driver's connection:
    the exact lookups at the counter, where SQLAlchemy's per-execution work (context,
    events, result objects) costs several times the indexed read itself. The values
    come back through the columns' own result processors (Money, the enums), so a
    row reads as SQLAlchemy would give it; parameters are plain strings and ints."""

    def __init__(self, statement: Select[Any], dialect: Any) -> None:
        compiled = statement.compile(dialect=dialect)
        self.sql = compiled.string
        self._names = tuple(compiled.positiontup or ())
        self._defaults = dict(compiled.params)
        self._processors = [
            col.type.result_processor(dialect, None) for col in statement.selected_columns
        ]

    def rows(self, conn: Any, params: dict[str, Any]) -> list[tuple[Any, ...]]:
        values = [params[n] if n in params else self._defaults[n] for n in self._names]
        out = []
        for raw in conn.execute(self.sql, values).fetchall():
            out.append(tuple(v if p is None or v is None else p(v)
                             for v, p in zip(raw, self._processors, strict=True)))
        return out


_DRIVER_READS: dict[int, DriverRead] = {}


def driver_runner(conn: Any) -> Run:
    """Runs the exact lookups' statements on a SQLite driver connection."""

    def run(statement: Select[Any], params: dict[str, Any]) -> list[tuple[Any, ...]]:
        read = _DRIVER_READS.get(id(statement))
        if read is None:
            read = _DRIVER_READS[id(statement)] = DriverRead(statement, _sqlite_dialect())
        return read.rows(conn, params)

    return run


def _sqlite_dialect() -> Any:
    from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite

    return SQLiteDialect_pysqlite(paramstyle="qmark")
