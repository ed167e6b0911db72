"""The back office's member list (会员列表): a million members, a page at a time.

Pages are cut by *keyset*, never by OFFSET: a page ends at a cursor (the last row's
sort value and id) and the next page starts strictly after it, so page 5,000 costs
what page 1 costs and a member added or changed meanwhile never shifts the pages.
Each sort has an index (member number, pinyin, and since 0006_members last visit,
stored value and points); ties on the sort value are broken by id, in the sort's
direction, so the order is total and stable. The page after ``(v, id)`` is read in
at most three index ranges: the rest of the tie (``value = v AND id beyond``), the
values beyond ``v``, then, for last visit, the members who never came (NULL, last).

Filters (:mod:`.member_filter`, shared with segments and campaigns: tier, tag,
birthday month, registration, last visit, visits and spend in a window, stored value,
points expiring, grade, RFM segment, lifecycle, churn) narrow each range; a search
(the counter's lookup: phone, last 4, name, pinyin initials, card, member number)
replaces the list with its best matches, filtered the same way. Anonymised members are left out unless asked for.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.models import Member, Tier
from memberdesk.models.enums import MemberStatus
from memberdesk.money import Money
from memberdesk.services.members.details import may_unmask, phone_for
from memberdesk.services.members.filter import (
    MemberFilter as MemberFilter,  # re-exported: the list's filter
    conditions as filter_conditions,
    stored_value,
)
from memberdesk.services.members.lookup import LookupOutcome, lookup_in
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.permissions import Permission, require

PAGE_SIZE = 100
NO_FILTER = MemberFilter()
SEARCH_LIMIT = 200


class MemberSort(StrEnum):
    MEMBER_NO = "member_no"  # ascending
    NAME = "name"  # by pinyin, ascending
    LAST_VISIT = "last_visit"  # newest first, never visited last
    STORED_VALUE = "stored_value"  # most first
    POINTS = "points"  # most first


@dataclass(frozen=True)
class Cursor:
    """Where a page ended: the last row's sort value (None: a never-visited member)
    and its id."""

    value: Any
    id: int


@dataclass(frozen=True)
class MemberListRow:
    id: int
    member_no: str
    name: str
    phone: str  # masked unless the role may unmask
    tier_name: str
    stored_value: Money
    points: int
    last_visit_at: datetime | None
    status: MemberStatus
    tags: str


@dataclass(frozen=True)
class MemberListPage:
    rows: tuple[MemberListRow, ...]
    after: Cursor | None  # ask for the next page with this; None: this was the last
    searched: bool = False  # the matches of a search (one page, at most SEARCH_LIMIT)


@dataclass(frozen=True)
class _Sort:
    expr: Any  # a column or the stored-value expression
    descending: bool
    nullable: bool


def _sort(sort: MemberSort) -> _Sort:
    return {
        MemberSort.MEMBER_NO: _Sort(Member.member_no, False, False),
        MemberSort.NAME: _Sort(Member.name_pinyin, False, False),
        MemberSort.LAST_VISIT: _Sort(Member.last_visit_at, True, True),
        MemberSort.STORED_VALUE: _Sort(stored_value(), True, False),
        MemberSort.POINTS: _Sort(Member.points_balance, True, False),
    }[sort]


LIST_COLUMNS = (Member.id, Member.member_no, Member.name, Member.phone, Member.tier_id,
            Member.sv_principal, Member.sv_bonus, Member.points_balance,
            Member.last_visit_at, Member.status, Member.tags, Member.name_pinyin)


def _sort_value(sort: MemberSort, row: Any) -> Any:
    if sort is MemberSort.MEMBER_NO:
        return row.member_no
    if sort is MemberSort.NAME:
        return row.name_pinyin
    if sort is MemberSort.LAST_VISIT:
        return row.last_visit_at
    if sort is MemberSort.STORED_VALUE:
        return (row.sv_principal + row.sv_bonus).fen
    return row.points_balance


def _ranges(spec: _Sort, after: Cursor | None) -> list[tuple[list[ColumnElement[bool]], bool]]:
    """The index ranges the page after ``after`` is read from, in order: (conditions,
    whether the range is a tie ordered by id alone)."""
    e, desc = spec.expr, spec.descending
    if after is None:
        first: list[ColumnElement[bool]] = [e.is_not(None)] if spec.nullable else []
        ranges = [(first, False)]
        if spec.nullable:
            ranges.append(([e.is_(None)], True))
        return ranges
    beyond_id = Member.id < after.id if desc else Member.id > after.id
    if after.value is None:  # already among the never-visited
        return [([e.is_(None), beyond_id], True)]
    beyond = e < after.value if desc else e > after.value
    ranges = [([e == after.value, beyond_id], True), ([beyond], False)]
    if spec.nullable:
        ranges.append(([e.is_(None)], True))
    return ranges


def tier_names(s: Session) -> dict[int, str]:
    return {int(i): str(n) for i, n in s.execute(select(Tier.id, Tier.name))}


def list_row(r: Any, tiers: dict[int, str], unmasked: bool) -> MemberListRow:
    mid, member_no, name, phone, tier_id, principal, bonus, points, visit, status, tags, _ = r
    return MemberListRow(mid, member_no, name, phone_for(phone, unmasked),
                         tiers.get(tier_id, ""), principal + bonus, points, visit, status, tags)


def _searched(s: Session, search: str, where: Sequence[ColumnElement[bool]], unmasked: bool,
              tiers: dict[int, str]) -> MemberListPage:
    found = lookup_in(s, search, unmasked=True, limit=SEARCH_LIMIT)
    if found.outcome not in (LookupOutcome.MEMBER, LookupOutcome.PICK):
        return MemberListPage((), None, searched=True)
    order = [h.id for h in found.members]
    rows = {r.id: r for r in s.execute(select(*LIST_COLUMNS).where(Member.id.in_(order), *where))}
    return MemberListPage(tuple(list_row(rows[i], tiers, unmasked) for i in order if i in rows),
                          None, searched=True)


def list_members(
    db: Database,
    actor: Actor,
    *,
    sort: MemberSort = MemberSort.MEMBER_NO,
    filters: MemberFilter = NO_FILTER,
    after: Cursor | None = None,
    search: str = "",
    limit: int = PAGE_SIZE,
) -> MemberListPage:
    """One page of the member list (see the module's text). Browsing every member is
    bulk access to member data: it needs ``export_members`` (manager, owner)."""
    limit = max(1, min(limit, 500))
    with db.reader() as uow:
        s = uow.session
        require(s, actor, Permission.EXPORT_MEMBERS)
        unmasked = may_unmask(s, actor)
        tiers = tier_names(s)
        where = filter_conditions(s, filters, paged=True)
        if search.strip():
            return _searched(s, search, where, unmasked, tiers)
        spec = _sort(sort)
        conn = s.connection()  # Core rows: no ORM work per row
        got: list[Any] = []
        for conditions, tie in _ranges(spec, after):
            keys = [Member.id] if tie else [spec.expr, Member.id]
            order = [k.desc() if spec.descending else k.asc() for k in keys]
            statement = (select(*LIST_COLUMNS).where(*where, *conditions).order_by(*order)
                         .limit(limit + 1 - len(got)))
            got += conn.execute(statement).all()
            if len(got) > limit:
                break
        rows = got[:limit]
        more = len(got) > limit
        cursor = Cursor(_sort_value(sort, rows[-1]), rows[-1][0]) if more and rows else None
        return MemberListPage(tuple(list_row(r, tiers, unmasked) for r in rows), cursor)
