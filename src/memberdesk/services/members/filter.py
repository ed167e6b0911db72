"""A member filter and its SQL: the one home of "which members match" for the back
office's member list (:mod:`.member_list`), saved segments (:mod:`.segments`) and
coupon campaigns (:mod:`.campaigns`).

Each field narrows the members: tier, tag, birthday month, registration date range,
last visit on or after / before a day, sales and spend in the last ``window_days``
shop days (today included; payable of the sales, refunds taken off), stored value
range, points expiring within N days (the card's "expiring soon" window,
:func:`memberdesk.domain.points.expiry_horizon`), and from the analytics table
(``member_scores``, issue 13): grade, RFM segment, lifecycle and churn warning.
Anonymised members are left out unless the status asks for them. A filter is saved
as JSON (:func:`to_json` / :func:`from_json`)."""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Integer, exists, extract, func, literal, select, type_coerce
from sqlalchemy.orm import Session

from memberdesk.domain import shoptime
from memberdesk.domain.analytics import Grade, Lifecycle, Segment
from memberdesk.domain.points import expiry_horizon
from memberdesk.models import Member, MemberScore, PointsLot, Refund, Sale
from memberdesk.models.enums import MemberStatus
from memberdesk.money import Money
from memberdesk.services.shared import clock
from memberdesk.services.shared.errors import ValidationError

MAX_WINDOW_DAYS = 3660


@dataclass(frozen=True)
class MemberFilter:
    tier_id: int | None = None
    tag: str = ""
    birthday_month: int | None = None  # 1..12
    registered_from: date | None = None  # registered on or after this shop day
    registered_before: date | None = None  # registered before this shop day
    visited_from: date | None = None  # last visit on or after this shop day
    visited_before: date | None = None  # last visit before this shop day (never: left out)
    window_days: int = 90  # the window of ``visits_min`` and ``spend_min``, today included
    visits_min: int | None = None  # at least this many sales in the window
    spend_min: Money | None = None  # at least this net spend in the window
    stored_value_above: Money | None = None  # principal + bonus strictly above
    stored_value_max: Money | None = None  # principal + bonus at most
    points_expiring_days: int | None = None  # has points expiring within this many days
    grade: str = ""  # Grade code (A..D)
    rfm_segment: str = ""  # Segment code
    lifecycle: str = ""  # Lifecycle code
    churn: bool | None = None  # True: with a churn warning; False: without
    status: MemberStatus | None = None  # None: active and deactivated, not anonymised

    @property
    def empty(self) -> bool:
        return self == MemberFilter()


def stored_value() -> ColumnElement[int]:
    # The same expression as the index ix_members_stored_value.
    return type_coerce(Member.sv_principal, Integer) + type_coerce(Member.sv_bonus, Integer)


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _check_code(kind: type[Grade] | type[Segment] | type[Lifecycle], code: str) -> None:
    if code not in {item.code for item in kind}:
        raise ValidationError("segment_bad_choice", value=code)


def _window_sales(s: Session, f: MemberFilter) -> ColumnElement[bool]:
    if not 1 <= f.window_days <= MAX_WINDOW_DAYS:
        raise ValidationError("segment_bad_window", max=MAX_WINDOW_DAYS)
    since = clock.today(s) - timedelta(days=f.window_days - 1)
    refunded = (select(func.coalesce(func.sum(type_coerce(Refund.amount, Integer)), 0))
                .where(Refund.sale_id == Sale.id).correlate(Sale).scalar_subquery())
    per_member = (select(Sale.member_id).where(Sale.member_id.is_not(None),
                                               Sale.business_date >= since)
                  .group_by(Sale.member_id))
    if f.visits_min is not None:
        per_member = per_member.having(func.count(Sale.id) >= f.visits_min)
    if f.spend_min is not None:
        net = func.sum(type_coerce(Sale.payable, Integer) - refunded)
        per_member = per_member.having(net >= f.spend_min.fen)
    return Member.id.in_(per_member)


def conditions(s: Session, f: MemberFilter, *, paged: bool = False
               ) -> list[ColumnElement[bool]]:  # fmt: skip
    """The WHERE terms on ``members`` for ``f`` (the shop's today from ``s``).

    ``paged``: for a page of a few rows in an index's order (the member list, the
    export's keyset pages), the analytics fields are a primary-key probe per row
    (EXISTS), so a page stops after its rows; otherwise (counts, a campaign's whole
    audience) the matching ids are collected once (IN). Measured on 1,000,000 members
    (2 shared cores): the first page of grade A 1.2 s with IN, 25 ms with EXISTS;
    the count of grade A and dormant and stored value above 100 yuan 1.0 s with IN,
    19 s with EXISTS."""
    where: list[ColumnElement[bool]] = []
    if f.status is None:
        where.append(Member.status != MemberStatus.ANONYMISED)
    else:
        where.append(Member.status == f.status)
    if f.tier_id is not None:
        where.append(Member.tier_id == f.tier_id)
    tag = f.tag.strip()
    if tag:
        wrapped = literal(",") + Member.tags + literal(",")
        where.append(wrapped.like(f"%,{_like_escape(tag)},%", escape="\\"))
    if f.birthday_month is not None:
        if not 1 <= f.birthday_month <= 12:
            raise ValidationError("member_list_bad_month")
        where.append(extract("month", Member.birthday) == f.birthday_month)
    offset = clock.offset_minutes(s)
    if f.registered_from is not None:
        where.append(Member.created_at >= shoptime.start_of_day(f.registered_from, offset))
    if f.registered_before is not None:
        where.append(Member.created_at < shoptime.start_of_day(f.registered_before, offset))
    if f.visited_from is not None:
        where.append(Member.last_visit_at >= shoptime.start_of_day(f.visited_from, offset))
    if f.visited_before is not None:
        where.append(Member.last_visit_at < shoptime.start_of_day(f.visited_before, offset))
    if f.visits_min is not None or f.spend_min is not None:
        where.append(_window_sales(s, f))
    if f.stored_value_above is not None:
        where.append(stored_value() > f.stored_value_above.fen)
    if f.stored_value_max is not None:
        where.append(stored_value() <= f.stored_value_max.fen)
    if f.points_expiring_days is not None:
        today = clock.today(s)
        where.append(exists().where(
            PointsLot.member_id == Member.id, PointsLot.remaining > 0,
            PointsLot.expires_on >= today,
            PointsLot.expires_on <= expiry_horizon(today, f.points_expiring_days)))
    where += _score_conditions(f, paged)
    return where


def _score_conditions(f: MemberFilter, paged: bool) -> list[ColumnElement[bool]]:
    terms: list[ColumnElement[bool]] = []
    if f.grade:
        _check_code(Grade, f.grade)
        terms.append(MemberScore.grade == f.grade)
    if f.rfm_segment:
        _check_code(Segment, f.rfm_segment)
        terms.append(MemberScore.segment == f.rfm_segment)
    if f.lifecycle:
        _check_code(Lifecycle, f.lifecycle)
        terms.append(MemberScore.lifecycle == f.lifecycle)
    if f.churn is not None:
        terms.append(MemberScore.churn_kind.is_not(None) if f.churn
                     else MemberScore.churn_kind.is_(None))
    if not terms:
        return []
    if paged:
        return [exists().where(MemberScore.member_id == Member.id, *terms)]
    return [Member.id.in_(select(MemberScore.member_id).where(*terms))]


def count_matching(s: Session, f: MemberFilter) -> int:
    return int(s.scalar(select(func.count()).select_from(Member).where(*conditions(s, f))) or 0)


def matching_ids(s: Session, f: MemberFilter, after_id: int = 0, limit: int = 5000) -> list[int]:
    """Matching member ids above ``after_id``, ascending: a keyset page."""
    return list(s.scalars(select(Member.id).where(*conditions(s, f), Member.id > after_id)
                          .order_by(Member.id).limit(limit)))


# -- saving ----------------------------------------------------------------------------

_MONEY = {"spend_min", "stored_value_above", "stored_value_max"}
_DATES = {"registered_from", "registered_before", "visited_from", "visited_before"}


def to_json(f: MemberFilter) -> str:
    """The fields that differ from the default, money in fen, dates ISO."""
    out: dict[str, Any] = {}
    default = MemberFilter()
    for key in (fl.name for fl in fields(MemberFilter)):
        value = getattr(f, key)
        if value == getattr(default, key):
            continue
        if key in _MONEY:
            out[key] = value.fen
        elif key in _DATES:
            out[key] = value.isoformat()
        elif key == "status":
            out[key] = str(value)
        else:
            out[key] = value
    return json.dumps(out, ensure_ascii=False, sort_keys=True)


def from_json(text: str) -> MemberFilter:
    raw = json.loads(text or "{}")
    known = {fl.name for fl in fields(MemberFilter)}
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in known:
            continue
        if key in _MONEY:
            values[key] = Money(int(value))
        elif key in _DATES:
            values[key] = date.fromisoformat(value)
        elif key == "status":
            values[key] = MemberStatus(value)
        else:
            values[key] = value
    return MemberFilter(**values)
