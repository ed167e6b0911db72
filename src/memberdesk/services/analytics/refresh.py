"""The analytics refresh (issue 13): every member's R, F, M, scores, segment, grade,
lifecycle, churn warning and BG/NBD figures into ``member_scores``, as of a business
date. Run by the daily jobs and by ``memberdesk analytics refresh [--as-of DATE]``.

Its cost follows what changed, not the history:

1. **Fold** (``services/analytics/aggregates.py``): each member's purchase figures
   (the window's M, F and last sale date, the visit days of the whole history) are
   kept in ``member_aggregates``; only the members with a sale or refund since the
   watermark, or a sale that left the window, are worked out again, a batch at a time.
   The first refresh (or ``--rebuild``) builds them from every sale; a past date that
   later sales exist for is read from the sales directly.
2. **Score** in memory: quintiles, means, segments (``domain/analytics.py``) and the
   BG/NBD fit (``services/analytics/model_fit.py``, on the members grouped by (x, t_x,
   T) in days: the likelihood is a sum, so the grouping is exact); the churn rule and
   the quintiles over arrays (``domain/analytics_arrays.py``, tested equal to the
   member-by-member definitions).
3. **Write** in batches of members by id, each its own short unit of work, only the
   rows whose figures changed (``rows.write_batch``): a row keeps the date its figures
   last changed, R and the days since the last visit are counted on from it to the
   scores' date (``analytics_state.scores_as_of``), so a member who only aged a day is
   not written, and a batch with nothing changed takes no lock. A member the batch
   finds newly 休眠 gets the ``dormant`` message in the same transaction
   (:func:`.notify_events.became_dormant`).

The definitions live in ``domain/analytics.py``; this module only gathers the figures.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, case, select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.domain import shoptime
from memberdesk.domain.analytics import (
    AnalyticsSettings,
    ChurnWarning,
    Rfm,
    Scores,
    score_means,
    window_start,
)
from memberdesk.models import Member, MemberScore
from memberdesk.services.analytics.aggregates import (
    bring_up_to_date,
    last_model,
    per_member_sql,
    set_scores_date,
)
from memberdesk.services.analytics.model_fit import ModelFit, fit_model
from memberdesk.services.analytics.rows import (
    COLUMNS,
    KEPT_DIGITS,
    kept_figures,
    unchanged,
    values,
    write_batch,
)
from memberdesk.services.shared import clock, settings
from memberdesk.services.shared.batches import sharing_the_interpreter
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import ValidationError
from memberdesk.services.shared.pacing import Pacer
from memberdesk.services.shared.permissions import Permission, may
from memberdesk.services.shared.policy import Policy
from memberdesk.services.shared.tables import connection, table

log = logging.getLogger(__name__)

BATCH_MEMBERS = 1000  # rows written a transaction at most
READ_MEMBERS = 5000  # members read, made and compared at a time (no lock)

_SCORES = table(MemberScore)
_MEMBERS = table(Member)

_MEMBER_PAGE = (
    select(_MEMBERS.c.id, _MEMBERS.c.created_at)
    .where(_MEMBERS.c.id > bindparam("after"))
    .order_by(_MEMBERS.c.id).limit(bindparam("batch"))
)
# The same page with created_at only where it may still make the member new (the rest:
# None, read without converting a date a member).
_RECENT_PAGE = (
    select(_MEMBERS.c.id,
           case((_MEMBERS.c.created_at >= bindparam("recent", type_=_MEMBERS.c.created_at.type),
                 _MEMBERS.c.created_at), else_=None))
    .where(_MEMBERS.c.id > bindparam("after"))
    .order_by(_MEMBERS.c.id).limit(bindparam("batch"))
)

Step = Callable[[int, int], bool]


def analytics_settings(session: Session) -> AnalyticsSettings:
    g = settings.get_int
    return AnalyticsSettings(
        window_days=g(session, "analytics.window_days"),
        new_days=g(session, "analytics.new_days"),
        active_days=g(session, "analytics.active_days"),
        lapsed_recent_days=g(session, "analytics.lapsed_recent_days"),
        lapsed_mid_days=g(session, "analytics.lapsed_mid_days"),
        churn_gap_percent=g(session, "analytics.churn_gap_percent"),
    )


@dataclass(frozen=True)
class RefreshResult:
    as_of: date
    members: int  # rows written
    scored: int  # members with F > 0
    churn: int  # members with a churn warning
    model: ModelFit | None
    cancelled: bool = False
    today: date | None = None  # the shop's today, when the refresh was asked for by hand
    recommend: Any = None  # by hand: the recommendations' RecommendResult
    changed: int = 0  # rows written because a figure changed (or new)
    folded: int | None = None  # members whose aggregates were worked out again (None: read
    # from the sales, a date that later sales exist for)
    rebuilt: bool = False  # the aggregates were rebuilt in full


@dataclass
class Gathered:
    rfm: dict[int, Rfm]
    churn: dict[int, ChurnWarning]
    # BG/NBD inputs (days) of every member with a visit day.
    bg_ids: list[int]
    bg_x: list[int]
    bg_tx: list[int]
    bg_t: list[int]


def _gather(session: Session, as_of: date, cfg: AnalyticsSettings,
            kept: bool = False) -> Gathered:
    """The per-member figures (``kept``: the aggregates of ``member_aggregates``, brought
    up to ``as_of`` by :func:`.aggregates.bring_up_to_date`; else the same aggregate
    over the sales), then the churn rule and the BG/NBD inputs for all members with
    visit days at once (``domain/analytics_arrays``: the rule of
    :func:`.analytics.churn_warning` over arrays, tested equal to it)."""
    from memberdesk.domain.analytics_arrays import churn_arrays, parse_visit_days

    first = window_start(as_of, cfg.window_days)
    g = Gathered({}, {}, [], [], [], [])
    conn = connection(session)
    if kept:
        rows: Any = conn.exec_driver_sql(
            "SELECT member_id, m, f, last_day, visit_days FROM member_aggregates "
            "ORDER BY member_id")
    else:
        rows = conn.execute(per_member_sql(conn.dialect.name, False),
                            {"as_of": as_of, "first": first})
    ids: list[int] = []
    texts: list[str] = []
    for member_id, m, f, last_day, visits in rows:
        if f:
            last = last_day if isinstance(last_day, date) else date.fromisoformat(last_day)
            g.rfm[member_id] = Rfm(member_id, (as_of - last).days, int(f), int(m))
        if visits:
            ids.append(member_id)
            texts.append(visits)
    counts, days = parse_visit_days(texts)
    c = churn_arrays(counts, days, as_of, cfg)
    for i in c.kind.nonzero()[0].tolist():
        w = c.warning(i)
        if w is not None:
            g.churn[ids[i]] = w
    g.bg_ids = ids
    g.bg_x, g.bg_tx, g.bg_t = c.x.tolist(), c.t_x.tolist(), c.big_t.tolist()
    return g


def rfm_score_table(rfm: dict[int, Rfm]) -> dict[int, Scores]:
    """:func:`.analytics.rfm_scores` of the gathered members, over arrays
    (:func:`.analytics_arrays.quintile_arrays`, tested equal to the member-by-member
    quintiles)."""
    if not rfm:
        return {}
    import numpy as np

    from memberdesk.domain.analytics_arrays import quintile_arrays

    rows = list(rfm.values())
    ids = np.fromiter((x.member_id for x in rows), dtype=np.int64, count=len(rows))
    r = quintile_arrays(ids, -np.fromiter((x.r_days for x in rows), dtype=np.int64,
                                          count=len(rows)))
    f = quintile_arrays(ids, np.fromiter((x.f for x in rows), dtype=np.int64, count=len(rows)))
    m = quintile_arrays(ids, np.fromiter((x.m_fen for x in rows), dtype=np.int64,
                                         count=len(rows)))
    return {mid: Scores(a, b, c) for mid, a, b, c
            in zip(ids.tolist(), r.tolist(), f.tolist(), m.tolist(), strict=True)}


@dataclass
class Computed:
    """Everything needed to write (or export) the rows as of ``as_of``: computed once,
    read-only, then turned into rows a page of members at a time."""

    as_of: date
    cfg: AnalyticsSettings
    offset_minutes: int
    last_member_id: int
    gathered: Gathered
    scores: dict[int, Scores]
    means: Any
    model: ModelFit | None
    predicted: dict[int, tuple[float, float]]

    def recent(self) -> datetime:
        """Members created before this instant (the start of D - new_days - 1) were
        registered too long ago to be new, whatever the time zone (a day's margin)."""
        return shoptime.start_of_day(self.as_of - timedelta(days=self.cfg.new_days + 1),
                                     self.offset_minutes)  # aware, as created_at is read

    def values(self, page: list[Any], at: datetime, dialect: str) -> list[tuple[Any, ...]]:
        """The member_scores rows of a page of (member id, created_at) as the driver of
        ``dialect`` takes them (:data:`_COLUMNS` order), P(alive) and the expected
        purchases as kept (:data:`.rows.KEPT_DIGITS`); a created_at of None is a
        member registered before :meth:`recent` (:func:`member_page` with ``recent``)."""
        offset = self.offset_minutes
        recent = self.recent()
        as_of_v: Any = self.as_of
        at_v: Any = at.astimezone(UTC).replace(tzinfo=None)
        if dialect == "sqlite":  # as SQLAlchemy keeps them there
            as_of_v = self.as_of.isoformat()
            at_v = at_v.strftime("%Y-%m-%d %H:%M:%S.%f")
        return values(page, as_of_v, self.cfg, self.gathered, self.scores, self.means,
                       self.predicted, recent,
                       lambda c: shoptime.business_date(c, offset), self.as_of, at_v,
                       KEPT_DIGITS)

    def rows(self, page: list[Any], at: datetime) -> list[dict[str, Any]]:
        """The member_scores rows of a page of (member id, created_at), by column."""
        return [dict(zip(COLUMNS, v, strict=True)) for v in self.values(page, at, "")]


def compute(db: Database, as_of: date | None = None, *, kept: bool = False,
            model: ModelFit | None = None) -> Computed:
    """Gather and score (one read-only snapshot, then memory): nothing is written.
    ``kept``: from ``member_aggregates`` (as of ``as_of`` already), else from the sales."""
    with db.reader() as r:
        s = r.session
        day = as_of or clock.today(s)
        cfg = analytics_settings(s)
        offset = clock.offset_minutes(s)
        last = int(s.scalar(select(_MEMBERS.c.id).order_by(_MEMBERS.c.id.desc()).limit(1))
                   or 0)
        gathered = _gather(s, day, cfg, kept)
    scores = rfm_score_table(gathered.rfm)
    model, predicted = fit_model(gathered.bg_ids, gathered.bg_x, gathered.bg_tx,
                                 gathered.bg_t, model)
    return Computed(day, cfg, offset, last, gathered, scores, score_means(scores.values()),
                    model, predicted)


def member_page(session: Session, after: int, batch: int,
                recent: datetime | None = None) -> list[Any]:
    """The next ``batch`` members after id ``after``: (id, created_at); with ``recent``,
    created_at is None for the members created before it (cheaper to read)."""
    if recent is None:
        return list(connection(session).execute(
            _MEMBER_PAGE, {"after": after, "batch": batch}).fetchall())
    return list(connection(session).execute(
        _RECENT_PAGE, {"after": after, "batch": batch, "recent": recent}).fetchall())


def refresh_scores(db: Database, as_of: date | None = None, *, batch: int | None = None,
                   step: Step | None = None) -> RefreshResult:
    """:func:`_refresh_scores`, the interpreter shared finely with the counter's thread
    (:func:`.batches.sharing_the_interpreter`)."""
    with sharing_the_interpreter():
        return _refresh_scores(db, as_of, batch=batch, step=step)


def _refresh_scores(db: Database, as_of: date | None = None, *, batch: int | None = None,
                    step: Step | None = None) -> RefreshResult:
    """Recompute every member's row of ``member_scores`` as of ``as_of`` (default:
    the shop's today). ``step(done, total)`` is told after each batch; when it returns
    False the refresh stops there (rows written so far stay, the rest keep their
    previous figures) and the result says ``cancelled``.

    Each batch's rows are computed before its write transaction begins, and after each
    commit the refresh leaves the lock free as long as it held it
    (:class:`.pacing.Pacer`): the next batch's members are read and its rows made
    during that pause (neither needs the write lock)."""
    size = batch or READ_MEMBERS
    batch = batch or BATCH_MEMBERS
    with db.reader() as r:
        day = as_of or clock.today(r.session)
        window = settings.get_int(r.session, "analytics.window_days")
    fold = bring_up_to_date(db, day, window)
    model = last_model(db, day)  # fitted in the last MODEL_DAYS days: not fitted again
    c = compute(db, day, kept=fold is not None, model=model)
    total, g = c.last_member_id, c.gathered
    at = clock.now()
    recent = c.recent()
    with db.reader() as r:
        policy = Policy.load(r.session)
    after = written = changed = 0
    dialect = db.engine.dialect.name
    forget_figures(db)  # the kept 分析 figures are of the rows about to be replaced
    with Pacer(db) as pace:
        while True:
            with db.reader() as r:
                page = member_page(r.session, after, size, recent)
                if not page:
                    break
                kept = kept_figures(connection(r.session), after, page[-1][0])
            rows = [v for v in c.values(page, at, dialect)
                    if not unchanged(kept.get(v[0]), v, c.as_of)]
            for i in range(0, len(rows), batch):
                changed += write_batch(pace, after, page[-1][0], rows[i:i + batch], kept,
                                       policy, c.as_of)
            written += len(page)
            after = page[-1][0]
            if step is not None and not step(min(after, total), max(total, after)):
                return RefreshResult(c.as_of, written, len(c.scores), len(g.churn), c.model,
                                     True, changed=changed)
    set_scores_date(db, c.as_of, c.model, fitted=model is None)
    keep_figures(db, c.as_of)
    return RefreshResult(c.as_of, written, len(c.scores), len(g.churn), c.model,
                         changed=changed, folded=None if fold is None else fold.members,
                         rebuilt=fold is not None and fold.rebuilt)


def forget_figures(db: Database) -> None:
    """Drop the kept 分析 figures (before ``member_scores`` changes)."""
    from memberdesk.services.analytics.snapshot import forget

    with db.uow() as uow:
        forget(uow.session)
        uow.commit()


def keep_figures(db: Database, as_of: date) -> None:
    """Build the 分析 figures as of ``as_of`` from the rows just written (a read-only
    snapshot) and keep them in ``analysis_snapshots`` (one short write)."""
    from memberdesk.services.analytics.months import closed_months, save_months
    from memberdesk.services.analytics.report import build_report  # (that module imports this one)
    from memberdesk.services.analytics.snapshot import save

    with db.reader() as r:  # the months now closed: summed once, without the lock
        months = closed_months(r.session, as_of)
    if months is not None:
        with db.uow() as uow:
            save_months(uow.session, months)
            uow.commit()
    with db.reader() as r:
        rep = build_report(r.session, as_of)
    with db.uow() as uow:
        save(uow.session, rep)
        uow.commit()


def check_as_of(session: Session, as_of: date | None) -> date:
    """``as_of`` (default the shop's today); a date after today is refused."""
    today = clock.today(session)
    if as_of is not None and as_of > today:
        raise ValidationError("analytics_future_date", as_of=as_of.isoformat(),
                              today=today.isoformat())
    return as_of or today


def refresh_member_scores(db: Database, actor: Actor, as_of: date | None = None, *,
                          rebuild: bool = False) -> RefreshResult:
    """``memberdesk analytics refresh [--rebuild]``: the refresh by hand, for a manager
    or the owner (the reports permission); the daily job runs :func:`refresh_scores`
    itself. ``rebuild``: the aggregates (and every member's recommendations) are worked
    out again from every sale."""
    with db.reader() as r:
        may(r.session, actor, Permission.VIEW_REPORTS)
        day = check_as_of(r.session, as_of)
        today = clock.today(r.session)
    if rebuild:
        from memberdesk.services.analytics.aggregates import forget

        forget(db)
    from memberdesk.services.analytics.recommend_refresh import refresh_recommendations

    res = refresh_scores(db, day)
    return replace(res, today=today, recommend=refresh_recommendations(db, day, full=rebuild))
