"""The owner's view of the audit log (审计): the rows page by page, newest first
(keyset paging on the time and row number, each filter served in time order by an
index, so a page of a million rows is a range scan and nothing loads at once), filtered by
action, staff member and the shop's dates; the detail of a row in readable words;
the whole hash chain checked in batches with progress (the export of the filtered
rows: :mod:`.audit_export`).

Only the owner holds ``VIEW_AUDIT``: the audit log is how the owner checks what
everyone, managers included, did.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, or_, select, text, true
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.domain import shoptime
from memberdesk.models import AuditEntry, Staff
from memberdesk.money import Money
from memberdesk.services.shared import clock
from memberdesk.services.shared.audit import ChainBreak, keyring_of, walk_chain
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import ValidationError
from memberdesk.services.shared.messages.audit import (
    ACTION_NAMES,
    CHAIN_WORDS,
    ENTITY_NAMES,
    FIELD_NAMES,
    MONEY_FIELDS,
)
from memberdesk.services.shared.permissions import Permission, require

PAGE_SIZE = 200


def in_language(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang.startswith("en") else pair[0]


def action_name(action: str, lang: str = "zh_CN") -> str:
    """An audit action as a person names it (unknown ones as stored)."""
    pair = ACTION_NAMES.get(action)
    return in_language(pair, lang) if pair else action


def entity_name(entity: str, lang: str = "zh_CN") -> str:
    """What a row is about (product, shift, ...) in words (unknown ones as stored)."""
    pair = ENTITY_NAMES.get(entity)
    return in_language(pair, lang) if pair else entity


# -- the filter ----------------------------------------------------------------------------
@dataclass(frozen=True)
class AuditFilter:
    """Which rows: one action ("" all), one staff member (who did it; None all), the
    shop's dates ``start``..``end`` (both included; None open-ended)."""

    action: str = ""
    staff_id: int | None = None
    start: date | None = None
    end: date | None = None


def parse_filter(action: str = "", staff_id: int | None = None, start: date | None = None,
                 end: date | None = None) -> AuditFilter:
    if start is not None and end is not None and start > end:
        raise ValidationError("reversed_range", start=start.isoformat(), end=end.isoformat())
    return AuditFilter((action or "").strip(), staff_id, start, end)


def filter_where(s: Session, f: AuditFilter, before: datetime | None = None) -> ColumnElement[bool]:
    """``f`` as a condition; ``before`` (a page's cursor time) replaces the end date as
    the upper bound when it is earlier, so the index range starts at the cursor."""
    cond: list[ColumnElement[bool]] = []
    if f.action:
        cond.append(AuditEntry.action == f.action)
    if f.staff_id is not None:
        cond.append(AuditEntry.staff_id == f.staff_id)
    minutes = clock.offset_minutes(s)
    if f.start is not None:
        cond.append(AuditEntry.at >= shoptime.start_of_day(f.start, minutes))
    end = (shoptime.start_of_day(f.end + timedelta(days=1), minutes)
           if f.end is not None else None)
    if end is not None and (before is None or before >= end):
        cond.append(AuditEntry.at < end)
    return and_(true(), *cond)


# -- the rows ------------------------------------------------------------------------------
Cursor = tuple[datetime, int]  # (the stored time, the row number) of a page's last row


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime  # the shop's wall-clock time
    staff: str  # who did it ("" for the system)
    approver: str  # who approved it ("" none)
    action: str
    entity: str
    entity_id: str
    detail: str  # as stored (JSON); :func:`detail_lines` reads it
    cursor: Cursor  # where the page after this row starts


@dataclass(frozen=True)
class AuditPage:
    rows: tuple[AuditRow, ...]
    more: bool  # another page follows (ask with ``before`` = the last row's cursor)

    @property
    def cursor(self) -> Cursor | None:
        return self.rows[-1].cursor if self.rows else None


_COLUMNS = (AuditEntry.id, AuditEntry.at, AuditEntry.staff_id, AuditEntry.approver_id,
            AuditEntry.action, AuditEntry.entity, AuditEntry.entity_id, AuditEntry.detail)


def staff_names(s: Session) -> dict[int, str]:
    return {int(i): str(n) for i, n in s.execute(select(Staff.id, Staff.display_name))}


def page_query(s: Session, f: AuditFilter, before: Cursor | None,
           limit: int) -> Select[*tuple[Any, ...]]:
    """Newest first by time (ties by row number): every filter has an index in that
    order (action, staff, time), so this is a range scan, never a sort."""
    stmt: Select[*tuple[Any, ...]] = (
        select(*_COLUMNS).where(filter_where(s, f, before[0] if before else None))
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit))
    if before is not None:
        at, row_id = before
        stmt = stmt.where(AuditEntry.at <= at,
                          or_(AuditEntry.at < at, AuditEntry.id < row_id))
    return stmt


def audit_rows(s: Session, raw: Any) -> Iterator[AuditRow]:
    names = staff_names(s)
    minutes = clock.offset_minutes(s)
    for row_id, at, staff_id, approver_id, action, entity, entity_id, detail in raw:
        yield AuditRow(int(row_id), shoptime.local_time(at, minutes),
                       names.get(staff_id, "") if staff_id else "",
                       names.get(approver_id, "") if approver_id else "",
                       str(action), str(entity), str(entity_id), str(detail),
                       (at, int(row_id)))


def list_audit(db: Database, actor: Actor, flt: AuditFilter = AuditFilter(), *,
               before: Cursor | None = None, limit: int = PAGE_SIZE) -> AuditPage:
    """The newest rows matching ``flt``; with ``before``, the page after the row with
    that cursor (the previous page's :attr:`AuditPage.cursor`)."""
    limit = max(1, min(limit, 1000))
    with db.reader() as uow:
        s = uow.session
        require(s, actor, Permission.VIEW_AUDIT)
        found = list(audit_rows(s, s.execute(page_query(s, flt, before, limit + 1))))
        return AuditPage(tuple(found[:limit]), len(found) > limit)


@dataclass(frozen=True)
class AuditChoices:
    actions: tuple[str, ...]  # every action in the log, sorted
    staff: tuple[tuple[int, str], ...]  # (id, name) of every staff member
    today: date  # the shop's today (the date fields' default)


# The distinct actions by hopping along ix_audit_log_action_at (one index seek per
# action): a plain DISTINCT reads the whole index, a second at a million rows.
_ACTIONS = text(
    "WITH RECURSIVE a(x) AS (SELECT MIN(action) FROM audit_log UNION ALL "
    "SELECT (SELECT MIN(action) FROM audit_log WHERE action > a.x) FROM a "
    "WHERE a.x IS NOT NULL) SELECT x FROM a WHERE x IS NOT NULL ORDER BY x"
)


def audit_choices(db: Database, actor: Actor) -> AuditChoices:
    with db.reader() as uow:
        s = uow.session
        require(s, actor, Permission.VIEW_AUDIT)
        actions = tuple(str(a) for (a,) in s.execute(_ACTIONS))
        staff = tuple((int(i), str(n)) for i, n in s.execute(
            select(Staff.id, Staff.display_name).order_by(Staff.display_name, Staff.id)))
        return AuditChoices(actions, staff, clock.today(s))


# -- the detail, readable ------------------------------------------------------------------
@dataclass(frozen=True)
class DetailLine:
    field: str  # the field as a person names it
    old: str  # "" when the row records one value, not a change
    new: str
    changed: bool  # old -> new


def _field(key: str, lang: str) -> str:
    pair = FIELD_NAMES.get(key)
    return in_language(pair, lang) if pair else key


def _all_zero(value: Any) -> bool:
    return isinstance(value, dict) and all(v == 0 and not isinstance(v, bool)
                                           for v in value.values())


def _value(value: Any, money: bool, lang: str) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return in_language(("是", "yes"), lang) if value else in_language(("否", "no"), lang)
    if isinstance(value, int) and money:
        return Money(value).display()
    if isinstance(value, dict):
        return ", ".join(f"{_field(str(k), lang)}: "
                         f"{_value(v, money or str(k) in MONEY_FIELDS, lang)}"
                         for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(_value(v, money, lang) for v in value)
    return str(value)


def _flatten(detail: dict[str, Any]) -> Iterator[tuple[str, str, Any]]:
    """(key path, the last key, value): a dict of dicts (the counts of each payment
    method) opens one level, so each inner dict reads as one line."""
    for key, value in detail.items():
        if isinstance(value, dict) and value and all(isinstance(v, dict)
                                                     for v in value.values()):
            for inner, v in value.items():
                if not _all_zero(v):  # a payment method the shift never used
                    yield f"{key} · {inner}", str(inner), v
        elif not (value and _all_zero(value)):
            yield str(key), str(key), value


def detail_lines(detail: str, lang: str = "zh_CN") -> tuple[DetailLine, ...]:
    """A row's detail as lines a person reads: "price: ¥5.00 -> ¥5.50" for a change
    (stored as ``{"before": {...}, "after": {...}}`` or ``{field: [old, new]}``),
    "reason: broken" for a plain value; money fields in yuan."""
    try:
        data = json.loads(detail or "{}")
    except ValueError:
        return (DetailLine("", "", detail, False),)
    if not isinstance(data, dict):
        return (DetailLine("", "", str(data), False),)
    lines: list[DetailLine] = []
    before, after = data.get("before"), data.get("after")
    if isinstance(before, dict) and isinstance(after, dict):
        for key in [*after, *(k for k in before if k not in after)]:
            money = key in MONEY_FIELDS
            lines.append(DetailLine(_field(key, lang), _value(before.get(key), money, lang),
                                    _value(after.get(key), money, lang), True))
        data = {k: v for k, v in data.items() if k not in ("before", "after")}
    for path, key, value in _flatten(data):
        label = " · ".join(_field(part, lang) for part in path.split(" · "))
        money = key in MONEY_FIELDS or any(p in MONEY_FIELDS for p in path.split(" · "))
        if isinstance(value, list) and len(value) == 2 and not any(
                isinstance(v, (dict, list)) for v in value):
            lines.append(DetailLine(label, _value(value[0], money, lang),
                                    _value(value[1], money, lang), True))
        else:
            lines.append(DetailLine(label, "", _value(value, money, lang), False))
    return tuple(lines)


# -- the chain -----------------------------------------------------------------------------
@dataclass(frozen=True)
class ChainFinding:
    """What the check found, said in either language (:meth:`message`)."""

    kind: str  # a key of CHAIN_WORDS
    row: int = 0
    last: int = 0
    action: str = ""
    rows: int = 0

    def message(self, lang: str = "zh_CN") -> str:
        template = in_language(CHAIN_WORDS[self.kind], lang)
        return template.format(row=self.row, last=self.last, rows=f"{self.rows:,}",
                               action=action_name(self.action, lang) if self.action else "")


@dataclass(frozen=True)
class ChainVerdict:
    rows: int  # rows checked
    complete: bool  # False: stopped before the end
    findings: tuple[ChainFinding, ...]  # breaks first, then a missing key; empty = intact

    @property
    def intact(self) -> bool:
        return self.complete and not any(f.kind != "key_missing" for f in self.findings)

    @property
    def first_break(self) -> int | None:
        rows = [f.row for f in self.findings if f.kind not in ("key_missing",)]
        return min(rows) if rows else None

    def summary(self, lang: str = "zh_CN") -> str:
        """One line: intact, stopped, or where the chain breaks first."""
        if not self.complete:
            return ChainFinding("stopped", rows=self.rows).message(lang)
        breaks = [f for f in self.findings if f.kind != "key_missing"]
        if breaks:
            return min(breaks, key=lambda f: f.row).message(lang)
        return ChainFinding("ok", rows=self.rows).message(lang)


def _finding(b: ChainBreak) -> ChainFinding:
    return ChainFinding(b.kind, b.row, b.last, b.action)


def verify_audit_chain(db: Database, actor: Actor,
                       step: Callable[[int, int], bool] | None = None) -> ChainVerdict:
    """Check the whole chain (with this computer's audit key) in one read snapshot,
    a batch at a time; ``step(done, total)`` reports and may stop it (False)."""
    with db.reader() as uow:
        s = uow.session
        require(s, actor, Permission.VIEW_AUDIT)
        report = walk_chain(s, keyring_of(s), step)
    findings = [_finding(b) for b in report.breaks]
    if report.missing:
        findings.append(ChainFinding("key_missing", rows=sum(report.missing.values())))
    return ChainVerdict(report.rows, report.complete, tuple(findings))
