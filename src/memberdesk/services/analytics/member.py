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
from memberdesk.models import AnalyticsState, MemberScore
from memberdesk.services.shared.tables import connection, table

_SCORES = table(MemberScore)
_STATE = table(AnalyticsState)
# The row and the scores' date in one statement (a row's own as_of is when its figures
# last changed; the days since the last visit are counted on to the scores' date).
_ONE = select(
    _SCORES.c.as_of, _SCORES.c.grade, _SCORES.c.lifecycle, _SCORES.c.segment,
    _SCORES.c.churn_kind, _SCORES.c.churn_days_since, _SCORES.c.churn_gap_x2,
    _SCORES.c.churn_recent, _SCORES.c.churn_before, _SCORES.c.p_alive,
    select(_STATE.c.scores_as_of).where(_STATE.c.id == 1).scalar_subquery().label("scored"),
).where(_SCORES.c.member_id == bindparam("member_id"))


def days_later(kept_as_of: date | None, scores_as_of: date | None) -> int:
    """Days to add to a row's R and days since the last visit: from the row's own
    ``as_of`` (when its figures last changed) to the scores' date."""
    if kept_as_of is None or scores_as_of is None:
        return 0
    return (scores_as_of - kept_as_of).days


def warning_of(kind: str | None, days_since: int | None, gap_x2: int | None,
               recent: int | None, before: int | None, later: int = 0) -> ChurnWarning | None:
    """The churn warning kept as figures in a row, back as the domain's value
    (``later``: days from the row's as_of to the scores' date, :func:`days_later`)."""
    if kind is None:
        return None
    return ChurnWarning(kind, (days_since or 0) + later, Fraction(gap_x2 or 0, 2),
                        recent or 0, before or 0)


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
    scored = row.scored or row.as_of
    later = days_later(row.as_of, scored)
    return MemberAnalytics(
        scored, Grade.of(row.grade), Lifecycle.of(row.lifecycle),
        Segment.of(row.segment) if row.segment else None,
        warning_of(row.churn_kind, row.churn_days_since, row.churn_gap_x2,
                   row.churn_recent, row.churn_before, later),
        row.p_alive)


def member_analytics(session: Session, member_id: int) -> MemberAnalytics | None:
    """The member's scores row (one primary-key read), or None before any refresh."""
    row = connection(session).execute(_ONE, {"member_id": member_id}).first()
    return None if row is None else _of(row)
