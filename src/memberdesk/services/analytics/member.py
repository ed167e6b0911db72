"""Reading a member's analytics (issue 13): the one ``member_scores`` row, by primary
key, turned back into the domain's words (grade, lifecycle, the churn warning with its
reason in the reader's language). The counter's member card reads it at lookup."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from memberdesk.domain.analytics import ChurnWarning, Grade, Lifecycle, Segment
from memberdesk.models import MemberScore
from memberdesk.services.shared.tables import connection, table

_SCORES = table(MemberScore)
_ONE = select(
    _SCORES.c.as_of, _SCORES.c.grade, _SCORES.c.lifecycle, _SCORES.c.segment,
    _SCORES.c.churn_kind, _SCORES.c.churn_days_since, _SCORES.c.churn_gap_x2,
    _SCORES.c.churn_recent, _SCORES.c.churn_before, _SCORES.c.p_alive,
).where(_SCORES.c.member_id == bindparam("member_id"))


def warning_of(kind: str | None, days_since: int | None, gap_x2: int | None,
               recent: int | None, before: int | None) -> ChurnWarning | None:
    """The churn warning kept as figures in a row, back as the domain's value."""
    if kind is None:
        return None
    return ChurnWarning(kind, days_since or 0, Fraction(gap_x2 or 0, 2), recent or 0,
                        before or 0)


@dataclass(frozen=True)
class MemberAnalytics:
    """What the member card shows: grade, lifecycle and the churn warning."""

    as_of: date
    grade: Grade
    lifecycle: Lifecycle
    segment: Segment | None
    churn: ChurnWarning | None
    p_alive: float | None


def _of(row: Any) -> MemberAnalytics:
    return MemberAnalytics(
        row.as_of, Grade.of(row.grade), Lifecycle.of(row.lifecycle),
        Segment.of(row.segment) if row.segment else None,
        warning_of(row.churn_kind, row.churn_days_since, row.churn_gap_x2,
                   row.churn_recent, row.churn_before),
        row.p_alive)


def member_analytics(session: Session, member_id: int) -> MemberAnalytics | None:
    """The member's scores row (one primary-key read), or None before any refresh."""
    row = connection(session).execute(_ONE, {"member_id": member_id}).first()
    return None if row is None else _of(row)
