"""Each member's purchase figures for the analytics refresh, kept up to date instead of
aggregated from the whole history every day (``member_aggregates``, ``analytics_state``).

A row holds what the refresh's per-member aggregate gave: the window's net spend M,
F (sales with a net spend > 0), the last such sale's date, and every visit day of the
history (the churn rule's and the model's input). They are as of ``agg_as_of``.

**Fold** (:func:`bring_up_to_date`, every refresh): the members touched since then are
worked out again from their own sales (``ix_sales_member_id``) and refunds
(``ix_refunds_sale_id``), a batch at a time, each batch its own short write:

* the members of the sales and refunds with an id above the watermarks (and of the ids
  found missing below them last time: on PostgreSQL a transaction may commit a lower
  id after a higher one; ``analytics_gaps``);
* the members with a sale on a day that left the window since ``agg_as_of``
  (``ix_sales_business_date``).

Nothing else can change a member's figures: sales and refunds are append-only, a
refund's member is its sale's. So the fold costs what changed, not the history.

**Rebuild** (:func:`rebuild`): every row again from one aggregate over the sales, in
batches; what the first refresh after the migration does, what ``memberdesk analytics
rebuild`` does, and what a refresh does when the fold cannot be trusted (no state, a
changed window, a jump of more than :data:`MAX_STEP_DAYS`, a date before
``agg_as_of``). A refresh as of a date that later sales or refunds exist for (a past
date by hand) reads the sales directly and leaves the aggregates alone (None).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, bindparam, delete, func, select, text
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.domain.analytics import window_start
from memberdesk.models import AnalyticsGap, AnalyticsState, MemberAggregate, Refund, Sale
from memberdesk.services.shared.pacing import Pacer
from memberdesk.services.shared.tables import connection, insert_many, table

MAX_STEP_DAYS = 62  # a longer jump since the aggregates' date: rebuilt in full
FOLD_MEMBERS = 500  # members worked out again per write transaction
# Rows written per transaction by a rebuild: 2,500 hold the lock 8.8 ms (median; the
# rebuild's own read keeps the WAL from being checkpointed until it ends), about a
# checkout's own time; 1,000 (3.8 ms) left the rebuild of the 1M-member bench shop
# 15.8 s, mostly the pauses' floor, against 10.6 s.
REBUILD_MEMBERS = 2500
GAP_SPAN = 1000  # how far below a new watermark missing ids are looked for
GAP_DAYS = 3  # a missing id is looked for this many days, then forgotten

_STATE = table(AnalyticsState)
_AGG = table(MemberAggregate)
_GAPS = table(AnalyticsGap)
_SALES = table(Sale)
_REFUNDS = table(Refund)

# One row per member with a sale up to :as_of: the window's M, F and last sale date,
# and the distinct visit days (sales with a net spend > 0) of the whole history.
# ``net`` is the sale's payable less what its refunds returned by :as_of.
_ALL = """
WITH refunded AS (
    SELECT sale_id, SUM(amount) AS amount FROM refunds
    WHERE sale_id IS NOT NULL AND business_date <= :as_of
    GROUP BY sale_id
), net AS (
    SELECT s.member_id AS member_id, s.business_date AS day,
           s.payable - COALESCE(r.amount, 0) AS net
    FROM sales AS s LEFT JOIN refunded AS r ON r.sale_id = s.id
    WHERE s.member_id IS NOT NULL AND s.business_date <= :as_of
)
"""
# The same for a few members: their sales by ix_sales_member_id, each sale's refunds by
# ix_refunds_sale_id.
_SOME = """
WITH net AS (
    SELECT s.member_id AS member_id, s.business_date AS day,
           s.payable - COALESCE((SELECT SUM(r.amount) FROM refunds AS r
                                 WHERE r.sale_id = s.id AND r.business_date <= :as_of),
                                0) AS net
    FROM sales AS s
    WHERE s.member_id IN :ids AND s.business_date <= :as_of
)
"""
_PER_MEMBER = """
SELECT member_id,
       SUM(CASE WHEN day >= :first THEN net ELSE 0 END) AS m,
       SUM(CASE WHEN day >= :first AND net > 0 THEN 1 ELSE 0 END) AS f,
       MAX(CASE WHEN day >= :first AND net > 0 THEN day END) AS last_day,
       {visit_days} AS visit_days
FROM net GROUP BY member_id ORDER BY member_id
"""
# The distinct visit days as one text "YYYY-MM-DD,..." in each engine's words.
_VISIT_DAYS = {
    "sqlite": "GROUP_CONCAT(DISTINCT CASE WHEN net > 0 THEN day END)",
    "postgresql": "string_agg(DISTINCT CASE WHEN net > 0 THEN CAST(day AS TEXT) END, ',')",
}


def per_member_sql(dialect: str, some: bool) -> Any:
    """The per-member aggregate over every member (``some`` False) or the members
    ``:ids`` (an expanding parameter)."""
    sql = (_SOME if some else _ALL) + _PER_MEMBER.format(
        visit_days=_VISIT_DAYS.get(dialect, _VISIT_DAYS["sqlite"]))
    stmt = text(sql)
    return stmt.bindparams(bindparam("ids", expanding=True)) if some else stmt


def _day(v: Any) -> date | None:
    return None if v is None else v if isinstance(v, date) else date.fromisoformat(str(v))


def agg_row(member_id: Any, m: Any, f: Any, last_day: Any, visits: Any) -> dict[str, Any]:
    """An aggregate row as kept: the visit days sorted (the engines' order is their own)."""
    days = ",".join(sorted(str(visits).split(","))) if visits else None
    return {"member_id": int(member_id), "m": int(m or 0), "f": int(f or 0),
            "last_day": _day(last_day), "visit_days": days}


@dataclass(frozen=True)
class State:
    scores_as_of: date | None
    agg_as_of: date | None
    window_days: int
    sale_mark: int
    refund_mark: int


def read_state(session: Session) -> State | None:
    row = connection(session).execute(
        select(_STATE.c.scores_as_of, _STATE.c.agg_as_of, _STATE.c.window_days,
               _STATE.c.sale_mark, _STATE.c.refund_mark).where(_STATE.c.id == 1)).first()
    if row is None:
        return None
    return State(_day(row[0]), _day(row[1]), int(row[2]), int(row[3]), int(row[4]))


def _save_state(conn: Connection, **values: Any) -> None:
    if conn.execute(select(_STATE.c.id).where(_STATE.c.id == 1)).first() is None:
        base = {"id": 1, "scores_as_of": None, "agg_as_of": None, "window_days": 0,
                "sale_mark": 0, "refund_mark": 0, "model_r": None, "model_alpha": None,
                "model_a": None, "model_b": None, "model_on": None}
        conn.execute(_STATE.insert(), {**base, **values})
    else:
        conn.execute(_STATE.update().where(_STATE.c.id == 1), values)


def set_scores_date(db: Database, as_of: date, model: Any = None,
                    fitted: bool = False) -> None:
    """Record the date of the scores just written and, when ``fitted``, the model
    fitted for them (a :class:`.model_fit.ModelFit`), one short write."""
    fit = {} if model is None or not fitted else {
        "model_r": model.r, "model_alpha": model.alpha, "model_a": model.a,
        "model_b": model.b, "model_on": as_of}
    with db.uow() as uow:
        _save_state(connection(uow.session), scores_as_of=as_of, **fit)
        uow.commit()


def last_model(db: Database, day: date) -> Any:
    """The parameters kept (a :class:`.model_fit.ModelFit`) if they were fitted less
    than :data:`.model_fit.MODEL_DAYS` days before ``day`` (and not after it), else None:
    the refresh fits again."""
    from memberdesk.services.analytics import model_fit

    with db.reader() as r:
        row = connection(r.session).execute(
            select(_STATE.c.model_r, _STATE.c.model_alpha, _STATE.c.model_a,
                   _STATE.c.model_b, _STATE.c.model_on).where(_STATE.c.id == 1)).first()
    if row is None or any(v is None for v in row):
        return None
    on = _day(row[4])
    if on is None or not on <= day < on + timedelta(days=model_fit.MODEL_DAYS):
        return None
    return model_fit.ModelFit(float(row[0]), float(row[1]), float(row[2]), float(row[3]), 0)


def scores_date(session: Session) -> date | None:
    s = read_state(session)
    return None if s is None else s.scores_as_of


@dataclass(frozen=True)
class FoldResult:
    rebuilt: bool
    members: int  # members worked out again


def _marks(conn: Connection) -> tuple[int, int]:
    sale = conn.execute(select(func.coalesce(func.max(_SALES.c.id), 0))).scalar()
    refund = conn.execute(select(func.coalesce(func.max(_REFUNDS.c.id), 0))).scalar()
    return int(sale or 0), int(refund or 0)


def _missing(conn: Connection, tbl: Any, old: int, new: int) -> list[int]:
    """Ids in (max(old, new - GAP_SPAN), new] not there (yet)."""
    low = max(old, new - GAP_SPAN)
    if new <= low:
        return []
    seen = set(conn.execute(select(tbl.c.id).where(tbl.c.id > low, tbl.c.id <= new)).scalars())
    return [i for i in range(low + 1, new + 1) if i not in seen]


def _gaps(conn: Connection, kind: str) -> list[int]:
    return [int(i) for i in conn.execute(
        select(_GAPS.c.row_id).where(_GAPS.c.kind == kind)).scalars()]


def _save_gaps(conn: Connection, day: date, found: dict[str, list[int]],
               seen: dict[str, set[int]]) -> None:
    """Forget the gaps now seen and those looked for long enough; note the new ones."""
    for kind, ids in seen.items():
        if ids:
            conn.execute(delete(_GAPS).where(_GAPS.c.kind == kind,
                                             _GAPS.c.row_id.in_(sorted(ids))))
    conn.execute(delete(_GAPS).where(_GAPS.c.noted_on < day - timedelta(days=GAP_DAYS)))
    rows = [{"kind": k, "row_id": i, "noted_on": day} for k, ids in found.items() for i in ids]
    have = {(k, int(i)) for k, i in conn.execute(select(_GAPS.c.kind, _GAPS.c.row_id))}
    insert_many(conn, _GAPS, [r for r in rows if (r["kind"], r["row_id"]) not in have])


def _touched(conn: Connection, st: State, day: date, window: int,
             ) -> tuple[set[int], date | None, tuple[int, int], dict[str, list[int]],
                        dict[str, set[int]]]:
    """The members to work out again, the latest business date among the new rows,
    the new watermarks, the ids missing below them and the old gaps now seen."""
    sale_gaps, refund_gaps = _gaps(conn, "sale"), _gaps(conn, "refund")
    new_sales = list(conn.execute(
        select(_SALES.c.id, _SALES.c.member_id, _SALES.c.business_date).where(
            (_SALES.c.id > st.sale_mark) | _SALES.c.id.in_(sale_gaps or [-1]))))
    r = _REFUNDS
    new_refunds = list(conn.execute(
        select(r.c.id, _SALES.c.member_id, r.c.business_date)
        .select_from(r.outerjoin(_SALES, _SALES.c.id == r.c.sale_id))
        .where((r.c.id > st.refund_mark) | r.c.id.in_(refund_gaps or [-1]))))
    members = {int(m) for _, m, _ in new_sales + new_refunds if m is not None}
    latest = max((_day(d) for _, _, d in new_sales + new_refunds), default=None,
                 key=lambda d: d or date.min)
    old_first = window_start(st.agg_as_of or day, window)
    new_first = window_start(day, window)
    if new_first > old_first:  # sales that left the window
        members.update(int(m) for m in conn.execute(
            select(_SALES.c.member_id).distinct().where(
                _SALES.c.business_date >= old_first, _SALES.c.business_date < new_first,
                _SALES.c.member_id.is_not(None))).scalars())
    sale_mark = max([st.sale_mark, *(int(i) for i, _, _ in new_sales)])
    refund_mark = max([st.refund_mark, *(int(i) for i, _, _ in new_refunds)])
    found = {"sale": _missing(conn, _SALES, st.sale_mark, sale_mark),
             "refund": _missing(conn, _REFUNDS, st.refund_mark, refund_mark)}
    seen = {"sale": {int(i) for i, _, _ in new_sales} & set(sale_gaps),
            "refund": {int(i) for i, _, _ in new_refunds} & set(refund_gaps)}
    return members, latest, (sale_mark, refund_mark), found, seen


def _later_rows(conn: Connection, day: date) -> bool:
    """Whether a sale or refund has a business date after ``day``."""
    for tbl in (_SALES, _REFUNDS):
        if conn.execute(select(tbl.c.id).where(tbl.c.business_date > day).limit(1)).first():
            return True
    return False


def _write(pace: Pacer, members: Iterable[int] | None, rows: list[dict[str, Any]],
           low: int = 0, high: int | None = None) -> None:
    """Replace the aggregate rows of ``members`` (or of ids in (low, high]) with
    ``rows``: one write of ``pace``."""
    with pace.write() as uow:
        conn = connection(uow.session)
        if members is not None:
            conn.execute(delete(_AGG).where(_AGG.c.member_id.in_(sorted(members))))
        else:
            where = [_AGG.c.member_id > low]
            if high is not None:
                where.append(_AGG.c.member_id <= high)
            conn.execute(delete(_AGG).where(*where))
        insert_many(conn, _AGG, rows)
        uow.commit()


def rebuild(db: Database, day: date, window: int) -> FoldResult:
    """Every member's aggregate row again as of ``day`` (see the module's text)."""
    with db.uow() as uow:  # a crash half-way leaves no date: the next refresh rebuilds
        conn = connection(uow.session)
        _save_state(conn, agg_as_of=None)
        conn.execute(delete(_GAPS))
        uow.commit()
    rows: list[dict[str, Any]] = []
    low = count = 0
    with Pacer(db) as pace, db.reader() as r:  # one snapshot, streamed; the batches
        # written meanwhile (the read ends first: the writer's last checkpoint copies all)
        conn = connection(r.session)
        marks = _marks(conn)
        found = {"sale": _missing(conn, _SALES, 0, marks[0]),
                 "refund": _missing(conn, _REFUNDS, 0, marks[1])}
        result = conn.execute(per_member_sql(conn.dialect.name, False),
                              {"as_of": day, "first": window_start(day, window)})
        for row in result:
            rows.append(agg_row(*row))
            if len(rows) >= REBUILD_MEMBERS:
                _write(pace, None, rows, low, rows[-1]["member_id"])
                count, low, rows = count + len(rows), rows[-1]["member_id"], []
        _write(pace, None, rows, low, None)  # the last rows and nothing past them
    count += len(rows)
    with db.uow() as uow:
        conn = connection(uow.session)
        _save_state(conn, agg_as_of=day, window_days=window, sale_mark=marks[0],
                    refund_mark=marks[1])
        _save_gaps(conn, day, found, {})
        uow.commit()
    return FoldResult(True, count)


def _fold(db: Database, members: set[int], day: date, window: int) -> None:
    ordered = sorted(members)
    first = window_start(day, window)
    with Pacer(db) as pace:
        for i in range(0, len(ordered), FOLD_MEMBERS):
            chunk = ordered[i:i + FOLD_MEMBERS]
            with db.reader() as r:
                conn = connection(r.session)
                rows = [agg_row(*row) for row in conn.execute(
                    per_member_sql(conn.dialect.name, True),
                    {"as_of": day, "first": first, "ids": chunk})]
            _write(pace, chunk, rows)


def bring_up_to_date(db: Database, day: date, window: int) -> FoldResult | None:
    """The aggregates as of ``day``: folded, or rebuilt when a fold cannot be trusted;
    None when sales or refunds after ``day`` exist (the caller reads the sales)."""
    with db.reader() as r:
        conn = connection(r.session)
        st = read_state(r.session)
        usable = (st is not None and st.agg_as_of is not None and st.window_days == window
                  and st.agg_as_of <= day <= st.agg_as_of + timedelta(days=MAX_STEP_DAYS))
        if st is None or not usable:
            if _later_rows(conn, day):
                return None
            fold = None
        else:
            fold = _touched(conn, st, day, window)
    if fold is None:
        return rebuild(db, day, window)
    members, latest, marks, found, seen = fold
    if latest is not None and latest > day:
        return None
    _fold(db, members, day, window)
    with db.uow() as uow:
        conn = connection(uow.session)
        _save_state(conn, agg_as_of=day, window_days=window, sale_mark=marks[0],
                    refund_mark=marks[1])
        _save_gaps(conn, day, found, seen)
        uow.commit()
    return FoldResult(False, len(members))


def forget(db: Database) -> None:
    """Forget the aggregates' date: the next refresh rebuilds them from the sales
    (``memberdesk analytics refresh --rebuild``)."""
    with db.uow() as uow:
        _save_state(connection(uow.session), agg_as_of=None)
        uow.commit()
