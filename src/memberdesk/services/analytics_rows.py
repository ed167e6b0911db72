"""The ``member_scores`` rows as the refresh writes them (``services/analytics_refresh``)
and the import scores its new members (``services/analytics_import``): tuples of driver
values in the table's column order, made before a write transaction begins and sent
by the driver's executemany (a few µs a row instead of the ORM types' tens), so a batch
holds the write lock for milliseconds. The rules are the domain's
(``domain/analytics.py``); this module only lays their results out as columns."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from memberdesk.domain.analytics import (
    AnalyticsSettings,
    ScoreMeans,
    Scores,
    grade,
    lifecycle,
    segment,
)
from memberdesk.models import MemberScore

from .tables import table

if TYPE_CHECKING:
    from .analytics_refresh import Gathered

_SCORES = table(MemberScore)

# The row's columns in member_scores' order; the writer sends these tuples as they are.
COLUMNS = tuple(c.name for c in _SCORES.columns)


@lru_cache(maxsize=1024)
def _scored_codes(s: Scores | None, means: ScoreMeans) -> tuple[str | None, str]:
    """(segment, grade) codes of a score triple: 125 of them, worked out once each."""
    return (segment(s, means).code if s else None), grade(s).code


@lru_cache(maxsize=4096)
def _stage_code(f: int, r_days: int | None, as_of: date, cfg: AnalyticsSettings) -> str:
    """The lifecycle code of a member registered too long ago to be new (it then
    depends on F and R alone)."""
    return lifecycle(date.min, f, r_days, as_of, cfg).code


def values(page: list[Any], as_of_v: Any, cfg: AnalyticsSettings, g: Gathered,
            scores: dict[int, Scores], means: Any, model: dict[int, tuple[float, float]],
            recent: datetime, registered: Callable[[datetime], date], as_of: date,
            at_v: Any) -> list[tuple[Any, ...]]:
    """The member_scores rows of a page of (member id, created_at), as driver values in
    :data:`COLUMNS` order (M in fen, the two dates as the engine takes them).

    Only members created after ``recent`` can still be new: their registration date is
    worked out; for the others (and a created_at of None) the stage depends on F and R
    alone, and it and the segment and grade are looked up once per distinct value (a
    few µs a member saved at a million members)."""
    out = []
    for member_id, created_at in page:
        r = g.rfm.get(member_id)
        s = scores.get(member_id)
        w = g.churn.get(member_id)
        alive, expected = model.get(member_id, (None, None))
        f = r.f if r else 0
        r_days = r.r_days if r else None
        stage = (lifecycle(registered(created_at), f, r_days, as_of, cfg).code
                 if created_at is not None and created_at >= recent
                 else _stage_code(f, r_days, as_of, cfg))
        out.append((
            member_id, as_of_v, r_days, f, r.m_fen if r else 0,
            s.r if s else None, s.f if s else None, s.m if s else None,
            *_scored_codes(s, means), stage,
            w.kind if w else None, w.days_since if w else None,
            int(w.usual_gap * 2) if w else None,
            w.recent_visits if w else None, w.before_visits if w else None,
            alive, expected, at_v))
    return out


def insert_sql(paramstyle: str) -> str:
    mark = "?" if paramstyle == "qmark" else "%s"
    return (f"INSERT INTO member_scores ({', '.join(COLUMNS)}) "
            f"VALUES ({', '.join(mark for _ in COLUMNS)})")


def upsert_sql(paramstyle: str) -> str:
    """:func:`insert_sql` replacing the member's row if there is one (SQLite and
    PostgreSQL both say ON CONFLICT ... DO UPDATE)."""
    sets = ", ".join(f"{c} = excluded.{c}" for c in COLUMNS if c != "member_id")
    return f"{insert_sql(paramstyle)} ON CONFLICT (member_id) DO UPDATE SET {sets}"
