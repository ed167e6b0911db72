"""The ``member_scores`` rows as the refresh writes them (``services/analytics/refresh``)
and the import scores its new members (``services/analytics/after_import``): tuples of driver
values in the table's column order, made before a write transaction begins and sent
by the driver's executemany (a few µs a row instead of the ORM types' tens), so a batch
holds the write lock for milliseconds. The rules are the domain's
(``domain/analytics.py``); this module only lays their results out as columns."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, select

from memberdesk.domain.analytics import (
    AnalyticsSettings,
    Scores,
    grade,
    lifecycle,
    segment,
)
from memberdesk.models import MemberScore
from memberdesk.services.notifications import events as notify_events
from memberdesk.services.shared.pacing import Pacer
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
# The two figures counted in days to the row's as_of: a row whose other figures stay
# is not written again just because a day passed (:func:`write_batch`); a reader adds
# the days from the row's as_of to the scores' date (:func:`.member.days_later`).
_DRIFTING = tuple(FIGURES.index(c) for c in ("r_days", "churn_days_since"))
# P(alive) and the expected purchases are kept to the hundredth the screens show, so a
# row is written again when they change there, not at every refit of the model.
KEPT_DIGITS = 2
# The model's two figures, the last of the figures: a row whose other figures stay (R
# and the days since the last visit counted on) has only these set in place
# (:func:`write_batch`), its date kept and neither index touched.
MODEL_FIGURES = ("p_alive", "expected_30d")
assert FIGURES[-len(MODEL_FIGURES):] == MODEL_FIGURES


def values(page: list[Any], as_of_v: Any, cfg: AnalyticsSettings, g: Gathered,
            scores: dict[int, Scores], means: Any, model: dict[int, tuple[float, float]],
            recent: datetime, registered: Callable[[datetime], date], as_of: date,
            at_v: Any, digits: int | None = None) -> list[tuple[Any, ...]]:
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
        if digits is not None and alive is not None and expected is not None:
            alive, expected = round(alive, digits), round(expected, digits)
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


def _date(v: Any) -> date:
    return v if isinstance(v, date) else date.fromisoformat(str(v))


def kept_figures(conn: Connection, low: int, high: int) -> dict[int, tuple[Any, ...]]:
    """The as_of and figures (:data:`FIGURES`, driver values) of the rows of members
    ``low < id <= high`` as they are now."""
    mark = _mark(conn.dialect.paramstyle)
    sql = (f"SELECT member_id, as_of, {', '.join(FIGURES)} FROM member_scores "
           f"WHERE member_id > {mark} AND member_id <= {mark}")
    return {int(r[0]): tuple(r[1:]) for r in conn.exec_driver_sql(sql, (low, high)).fetchall()}


def _counted_on(kept: tuple[Any, ...], as_of: date) -> tuple[Any, ...]:
    """The kept row's figures as of ``as_of``: R and the days since the last visit
    counted on from the kept row's date."""
    later = (as_of - _date(kept[0])).days
    moved = list(kept[1:])
    for i in _DRIFTING:
        if moved[i] is not None:
            moved[i] += later
    return tuple(moved)


def unchanged(kept: tuple[Any, ...] | None, row: tuple[Any, ...], as_of: date) -> bool:
    """Whether ``row`` (as of ``as_of``) says what the kept row (its as_of, then its
    figures) says: the same figures, R and the days since the last visit counted on
    from the kept row's date."""
    if kept is None:
        return False
    new = row[2:-1]
    return kept[1:] == new or _counted_on(kept, as_of) == new


def model_only(kept: tuple[Any, ...] | None, row: tuple[Any, ...], as_of: date) -> bool:
    """Whether ``row`` differs from the kept row (:func:`unchanged`) in P(alive) and the
    expected purchases alone: what a new fit of the model moves for most members."""
    if kept is None:
        return False
    n = len(MODEL_FIGURES)
    return _counted_on(kept, as_of)[:-n] == row[2:-1 - n]


def update_model_sql(paramstyle: str) -> str:
    """Set a row's :data:`MODEL_FIGURES` and refreshed_at in place, by member."""
    mark = _mark(paramstyle)
    sets = ", ".join(f"{c} = {mark}" for c in (*MODEL_FIGURES, "refreshed_at"))
    return f"UPDATE member_scores SET {sets} WHERE member_id = {mark}"


def write_batch(pace: Pacer, low: int, high: int, rows: list[tuple[Any, ...]],
                kept: dict[int, tuple[Any, ...]], policy: Policy | None = None,
                as_of: date | None = None) -> int:
    """Write the rows of members ``low < id <= high`` (``rows``: driver values made
    before the lock is taken; ``kept``: :func:`kept_figures` read then) whose figures
    differ from the kept row's (:func:`unchanged`) or that are new, each replacing the
    member's row in place (an upsert); a row whose P(alive) and expectation alone moved
    (:func:`model_only`: the week's new fit of the model) has just those set, its date
    kept, neither index touched (a fifth of an upsert's time at a million members). The
    others keep their row, date and all: most members' figures stay as they were from
    one day to the next (no sale: the same grade and stage), and a batch with nothing
    to write takes no lock at all. The dormant wake-up messages are written when
    ``policy`` has them on. One write of ``pace`` (:class:`.pacing.Pacer`); returns the
    rows written."""
    if not rows:
        return 0
    day = _date(rows[0][1])
    changed = [v for v in rows if not unchanged(kept.get(v[0]), v, day)]
    if not changed:
        return 0
    n = len(MODEL_FIGURES)
    model = [(*v[-1 - n:], v[0]) for v in changed if model_only(kept.get(v[0]), v, day)]
    whole = [v for v in changed if not model_only(kept.get(v[0]), v, day)] if model else changed
    with pace.write() as uow:
        conn = connection(uow.session)
        paramstyle = conn.dialect.paramstyle
        if model:
            conn.exec_driver_sql(update_model_sql(paramstyle), model)
        if whole:
            wake = policy is not None and policy.bool("notify.dormant.on")
            before = {int(m): str(c) for m, c in conn.execute(
                select(_SCORES.c.member_id, _SCORES.c.lifecycle).where(
                    _SCORES.c.member_id.in_([v[0] for v in whole])))} if wake else {}
            conn.exec_driver_sql(upsert_sql(paramstyle), whole)
            if wake and policy is not None and as_of is not None:
                notify_events.became_dormant(
                    uow.session, [{**dict(zip(COLUMNS, r, strict=True)), "as_of": as_of}
                                  for r in whole], before, policy)
        uow.commit()
    return len(changed)
