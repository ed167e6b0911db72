"""The recommendations refresh (issue 13, item 3): members' due products into
``member_recommendations`` and every product's companions into ``product_pairs``, as
of a business date. Run by the daily job ``analytics_refresh`` after the scores, by
``memberdesk analytics refresh`` and by the demo.

**Daily, incremental** (issue 13 at a million members): only the members whose rows
may have changed are worked out again (``recommend_state.touched``: a sale or refund
since the watermarks, or their kept ``next_on`` come), each batch read by
``ix_sales_member_id``; their rows and next dates replaced, everyone else's left. The
result is a full refresh's (``tests/integration/analytics/test_recommend_incremental.py``).

**Full** (the first refresh, a changed window, a date before the last refresh's or
one that later sales exist for): every member's regular products in one streamed read
over the window's sale lines (net of lines refunded whole by the date), ranked in
memory by the rules of ``domain/recommend.py``, written a range of member ids at a
time.

**Pairs**: counted every day by both kinds of refresh, incrementally
(:mod:`.recommend_pairs`: the kept per-pair counts changed by the sales and refunds
since their watermarks and by the days leaving the window; in full the first time).

Writes: batches of :data:`BATCH_MEMBERS` members, each its own short unit of work,
with a pause after each, so a checkout waits for at most one batch; the day's change of
the pair counts is one short write, and so are the pairs kept (at most
:data:`~memberdesk.domain.recommend.KEPT` per product).

Nothing is computed when the setting ``analytics.recommendations`` is off.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, delete, func, select, text
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.domain.analytics import window_start
from memberdesk.domain.recommend import (
    MIN_DAYS,
    DueProduct,
    due_products,
    next_change,
)
from memberdesk.models import MemberRecommendation, MemberRecommendNext, ProductPair
from memberdesk.services.analytics import recommend_state as rs
from memberdesk.services.analytics.recommend_pairs import refresh_pairs
from memberdesk.services.shared import clock, settings
from memberdesk.services.shared.pacing import Pacer
from memberdesk.services.shared.tables import connection, insert_many, table

BATCH_MEMBERS = 1000
SETTING = "analytics.recommendations"

_RECS = table(MemberRecommendation)
_NEXT = table(MemberRecommendNext)
_PAIRS = table(ProductPair)

# The window's sale lines not refunded whole by :as_of (a product line only).
_LINES = """
WITH refunded AS (
    SELECT rl.sale_line_id AS line_id, SUM(rl.qty) AS qty
    FROM refund_lines AS rl JOIN refunds AS r ON r.id = rl.refund_id
    WHERE r.business_date <= :as_of
    GROUP BY rl.sale_line_id
), kept AS (
    SELECT s.id AS sale_id, s.member_id AS member_id, s.business_date AS day,
           l.product_id AS product_id
    FROM sales AS s JOIN sale_lines AS l ON l.sale_id = s.id
    LEFT JOIN refunded AS f ON f.line_id = l.id
    WHERE s.business_date >= :first AND s.business_date <= :as_of
      AND l.product_id IS NOT NULL AND l.qty > COALESCE(f.qty, 0)
)
"""
# Per member and product, the distinct days bought, only where there are enough of
# them to be regular (the window function keeps the rest in the database).
_BOUGHT = _LINES + """, days AS (
    SELECT DISTINCT member_id, product_id, day FROM kept WHERE member_id IS NOT NULL
), counted AS (
    SELECT member_id, product_id, day,
           COUNT(*) OVER (PARTITION BY member_id, product_id) AS n
    FROM days
)
SELECT member_id, product_id, day FROM counted WHERE n >= :min_days
ORDER BY member_id, product_id, day
"""

Step = Callable[[int, int], bool]


@dataclass(frozen=True)
class RecommendResult:
    as_of: date
    members: int  # members with a due product (all of them, after the refresh)
    rows: int  # member rows written by this refresh
    pairs: int  # product pair rows kept
    off: bool = False
    cancelled: bool = False
    full: bool = False  # every member worked out (else: those touched)
    worked: int = 0  # members worked out again
    pairs_full: bool = False  # the pairs counted in full (else: the day's change)
    pairs_sales: int = 0  # sales whose basket the pair count worked out

    def as_dict(self) -> dict[str, int]:
        if self.off:
            return {"off": 1}
        return {"members": self.members, "rows": self.rows, "pairs": self.pairs}


Outcome = tuple[list[DueProduct], date | None]  # a member's due products, next change


def outcome(bought: dict[int, list[date]], as_of: date, window_days: int) -> Outcome:
    """A member's rows and next change date from the days bought in the window."""
    return due_products(bought, as_of), next_change(bought, as_of, window_days)


def member_outcomes(session: Session, as_of: date, window_days: int) -> dict[int, Outcome]:
    """Every member with a regular product (one streamed read): their due products (most
    overdue first) and the date those may next change without a sale."""
    rows = connection(session).execute(text(_BOUGHT), {
        "as_of": as_of, "first": window_start(as_of, window_days), "min_days": MIN_DAYS})
    out: dict[int, Outcome] = {}
    member: int | None = None
    bought: dict[int, list[date]] = {}
    for member_id, product_id, day in rows:
        if member_id != member:
            if member is not None:
                out[member] = outcome(bought, as_of, window_days)
            member, bought = member_id, {}
        bought.setdefault(product_id, []).append(rs.day_of(day))
    if member is not None:
        out[member] = outcome(bought, as_of, window_days)
    return out


def member_due(session: Session, as_of: date, window_days: int) -> dict[int, list[DueProduct]]:
    """Each member's due products as of ``as_of`` (most overdue first): what a full
    refresh writes."""
    return {m: due for m, (due, _) in member_outcomes(session, as_of, window_days).items()
            if due}


def _member_rows(member_id: int, due: Iterable[DueProduct], as_of: date,
                 after_sale_id: int) -> list[dict[str, Any]]:
    return [{"member_id": member_id, "rank": rank, "product_id": p.product_id,
             "as_of": as_of, "days_bought": p.days_bought, "gap_x2": int(p.gap * 2),
             "last_day": p.last_day, "after_sale_id": after_sale_id}
            for rank, p in enumerate(due, start=1)]


def _rows(outcomes: dict[int, Outcome], members: list[int], day: date,
          newest: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    recs: list[dict[str, Any]] = []
    nexts: list[dict[str, Any]] = []
    for m in members:
        due, nxt = outcomes.get(m, ([], None))
        recs.extend(_member_rows(m, due, day, newest))
        if nxt is not None:
            nexts.append({"member_id": m, "next_on": nxt})
    return recs, nexts


def _write(pace: Pacer, recs: list[dict[str, Any]], nexts: list[dict[str, Any]], *,
           ids: list[int] | None = None, low: int = 0, high: int | None = None) -> None:
    """Replace the rows and next dates of the members ``ids`` (or of ids in
    ``(low, high]``, no upper end: None): one write of ``pace``."""
    with pace.write() as uow:
        conn = connection(uow.session)
        for t in (_RECS, _NEXT):
            if ids is not None:
                conn.execute(delete(t).where(t.c.member_id.in_(ids)))
            else:
                where = [t.c.member_id > low]
                if high is not None:
                    where.append(t.c.member_id <= high)
                conn.execute(delete(t).where(*where))
        insert_many(conn, _RECS, recs)
        insert_many(conn, _NEXT, nexts)
        uow.commit()


def _full(db: Database, day: date, window: int, batch: int, step: Step | None,
          ) -> tuple[int, int, bool]:
    """Every member worked out (one read), written a range of ids at a time:
    (members worked out, rows written, cancelled)."""
    with db.reader() as r:
        newest = rs.marks(connection(r.session))[0]
        outcomes = member_outcomes(r.session, day, window)
    members = sorted(outcomes)
    written = low = 0
    with Pacer(db) as pace:
        for i in range(0, len(members), batch):
            chunk = members[i:i + batch]
            recs, nexts = _rows(outcomes, chunk, day, newest)
            _write(pace, recs, nexts, low=low, high=chunk[-1])
            written += len(recs)
            low = chunk[-1]
            if step is not None and not step(i + len(chunk), len(members)):
                return len(members), written, True
        _write(pace, [], [], low=low)  # members past the last with a regular product
    return len(members), written, False


def _some(db: Database, members: set[int], day: date, window: int, newest: int,
          batch: int, step: Step | None) -> tuple[int, bool]:
    """The ``members`` worked out again, a batch at a time (read by
    ``ix_sales_member_id``, then written): (rows written, cancelled)."""
    ordered = sorted(members)
    first = window_start(day, window)
    written = 0
    with Pacer(db) as pace:
        for i in range(0, len(ordered), batch):
            chunk = ordered[i:i + batch]
            with db.reader() as r:
                outcomes = {m: outcome(bought, day, window) for m, bought
                            in rs.some_bought(connection(r.session), chunk, day, first)}
            recs, nexts = _rows(outcomes, chunk, day, newest)
            _write(pace, recs, nexts, ids=chunk)
            written += len(recs)
            if step is not None and not step(i + len(chunk), len(ordered)):
                return written, True
    return written, False


def _counts(conn: Connection) -> tuple[int, int]:
    """Members with a due product, pair rows."""
    members = conn.execute(select(func.count()).select_from(_RECS)
                           .where(_RECS.c.rank == 1)).scalar()
    pairs = conn.execute(select(func.count()).select_from(_PAIRS)).scalar()
    return int(members or 0), int(pairs or 0)


def refresh_recommendations(db: Database, as_of: date | None = None, *,
                            batch: int | None = None, step: Step | None = None,
                            full: bool = False) -> RecommendResult:
    """Bring both tables to ``as_of`` (default: the shop's today): the members touched
    since the last refresh, or all of them (``full``, or when the kept state cannot be
    trusted; see the module). ``step(done, total)`` after each batch of members; False
    stops there (the rows written so far stay, the next refresh works the rest out)
    and the result says ``cancelled``."""
    batch = batch or BATCH_MEMBERS
    with db.reader() as r:
        s = r.session
        conn = connection(s)
        day = as_of or clock.today(s)
        if not settings.get_bool(s, SETTING):
            return RecommendResult(day, 0, 0, 0, off=True)
        window = settings.get_int(s, "analytics.window_days")
        st = rs.read_state(conn)
        later = rs.later_rows(conn, day)
        usable = (not full and not later and st is not None and st.as_of is not None
                  and st.window_days == window and st.as_of <= day)
        marks = rs.marks(conn)
        members = rs.touched(conn, st, day) if usable and st is not None else set()
    pairs = refresh_pairs(db, day, window, full=full)
    if not usable:  # a full one stopped half-way leaves no date: the next is full too
        with db.uow() as uow:  # (one daily stopped keeps the last date: the next takes
            rs.save_state(connection(uow.session), as_of=None, window_days=window)
            uow.commit()  # its members again, and those it did not reach)
    if usable:
        worked = len(members)
        written, cancelled = _some(db, members, day, window, marks[0], batch, step)
    else:
        worked, written, cancelled = _full(db, day, window, batch, step)
    with db.uow() as uow:
        conn = connection(uow.session)
        if not cancelled and not later:
            rs.save_state(conn, as_of=day, sale_mark=marks[0], refund_mark=marks[1])
        n_members, n_pairs = _counts(conn)
        uow.commit()
    return RecommendResult(day, n_members, written, n_pairs, cancelled=cancelled,
                           full=not usable, worked=worked, pairs_full=pairs.full,
                           pairs_sales=pairs.sales)
