"""The ``member_scores`` rows as the refresh writes them (``services/analytics/refresh``)
and the import scores its new members (``services/analytics/after_import``): tuples of driver
values in the table's column order, made before a write transaction begins and sent
by the driver's executemany (a few µs a row instead of the ORM types' tens), so a batch
holds the write lock for milliseconds. The rules are the domain's
(``domain/analytics.py``); this module only lays their results out as columns."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, select

from memberdesk.db import Database
from memberdesk.domain.analytics import (
    AnalyticsSettings,
    Scores,
    grade,
    lifecycle,
    segment,
)
from memberdesk.models import MemberScore
from memberdesk.services.notifications import events as notify_events
from memberdesk.services.shared.policy import Policy
from memberdesk.services.shared.tables import connection, table

if TYPE_CHECKING:
    from memberdesk.services.analytics.refresh import Gathered

_SCORES = table(MemberScore)

# The row's columns in member_scores' order; the writer sends these tuples as they are.
COLUMNS = tuple(c.name for c in _SCORES.columns)
# What a refresh works out besides the date (as_of) and the time (refreshed_at).
FIGURES = COLUMNS[2:-1]
assert COLUMNS[:2] == ("member_id", "as_of") and COLUMNS[-1] == "refreshed_at"


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
    # (segment, grade) per score triple and the stage of a member too long registered
    # to be new per (F, R): a handful of each, worked out once a page
    codes: dict[Scores | None, tuple[str | None, str]] = {}
    stages: dict[tuple[int, int | None], str] = {}
    for member_id, created_at in page:
        r = g.rfm.get(member_id)
        s = scores.get(member_id)
        w = g.churn.get(member_id)
        alive, expected = model.get(member_id, (None, None))
        f = r.f if r else 0
        r_days = r.r_days if r else None
        if created_at is not None and created_at >= recent:
            stage = lifecycle(registered(created_at), f, r_days, as_of, cfg).code
        elif (stage_ := stages.get((f, r_days))) is not None:
            stage = stage_
        else:
            stage = stages[(f, r_days)] = lifecycle(date.min, f, r_days, as_of, cfg).code
        if (sg := codes.get(s)) is None:
            sg = codes[s] = (segment(s, means).code if s else None), grade(s).code
        out.append((
            member_id, as_of_v, r_days, f, r.m_fen if r else 0,
            s.r if s else None, s.f if s else None, s.m if s else None,
            *sg, stage,
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


def _mark(paramstyle: str) -> str:
    return "?" if paramstyle == "qmark" else "%s"


def kept_figures(conn: Connection, low: int, high: int) -> dict[int, tuple[Any, ...]]:
    """The figures (:data:`FIGURES`, driver values) of the rows of members ``low < id <=
    high`` as they are now."""
    mark = _mark(conn.dialect.paramstyle)
    sql = (f"SELECT member_id, {', '.join(FIGURES)} FROM member_scores "
           f"WHERE member_id > {mark} AND member_id <= {mark}")
    return {int(r[0]): tuple(r[1:]) for r in conn.exec_driver_sql(sql, (low, high))}


def write_batch(db: Database, low: int, high: int, rows: list[tuple[Any, ...]],
                kept: dict[int, tuple[Any, ...]], policy: Policy | None = None,
                as_of: date | None = None) -> float:
    """Write the rows of members ``low < id <= high`` (``rows``: driver values made
    before the lock is taken; ``kept``: :func:`kept_figures` read then): one statement
    gives every row of the range the new date and time, and only the rows whose figures
    differ from ``kept`` (or that are new) are written whole, each replacing the
    member's row in place (an upsert). Most members' figures stay as they were from
    one day to the next (no sale: the same grade and stage), and moving a row's date is
    a third of the work of rewriting it. The dormant wake-up messages are written when
    ``policy`` has them on. Returns the seconds the write lock was held (not counting
    any wait for it: a checkout that held it meanwhile needs no pause for that)."""
    changed = [v for v in rows if kept.get(v[0]) != v[2:-1]]
    with db.uow() as uow:
        conn = connection(uow.session)  # BEGIN IMMEDIATE: any wait for the lock is here
        started = time.monotonic()  # what the caller's pause matches: the lock held
        mark = _mark(conn.dialect.paramstyle)
        wake = policy is not None and policy.bool("notify.dormant.on")
        before = {int(m): str(c) for m, c in conn.execute(
            select(_SCORES.c.member_id, _SCORES.c.lifecycle).where(
                _SCORES.c.member_id > low, _SCORES.c.member_id <= high))} if wake else {}
        if rows:
            conn.exec_driver_sql(
                f"UPDATE member_scores SET as_of = {mark}, refreshed_at = {mark} "
                f"WHERE member_id > {mark} AND member_id <= {mark}",
                (rows[0][1], rows[0][-1], low, high))
        if changed:
            conn.exec_driver_sql(upsert_sql(conn.dialect.paramstyle), changed)
        if wake and policy is not None and as_of is not None:
            notify_events.became_dormant(
                uow.session, [{**dict(zip(COLUMNS, r, strict=True)), "as_of": as_of}
                              for r in changed], before, policy)
        uow.commit()
    return time.monotonic() - started
