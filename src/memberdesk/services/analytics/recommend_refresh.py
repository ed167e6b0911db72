"""The recommendations refresh (issue 13, item 3): every member's due products into
``member_recommendations`` and every product's companions into ``product_pairs``, as
of a business date. Run by the daily job ``analytics_refresh`` after the scores, by
``memberdesk analytics refresh`` and by the demo.

Like the scores refresh (:mod:`.analytics_refresh`): **read** in one read-only snapshot
(two streamed queries over the window's sale lines, net of lines refunded whole by the
date; no sale is loaded as an object), **rank** in memory by the rules of
``domain/recommend.py``, **write** the member rows in batches of
:data:`BATCH_MEMBERS` members, each its own short unit of work (delete the batch's
id range, insert its rows), with a pause after each, so a checkout waits for at most
one batch. The pairs (at most :data:`~memberdesk.domain.recommend.KEPT` per product)
are one short write.

Nothing is computed when the setting ``analytics.recommendations`` is off.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from itertools import combinations
from typing import Any

from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.domain.analytics import window_start
from memberdesk.domain.recommend import MIN_DAYS, DueProduct, Pair, due_products, top_pairs
from memberdesk.models import MemberRecommendation, ProductPair, Sale
from memberdesk.services.analytics.refresh import PAUSE_S
from memberdesk.services.shared import clock, settings
from memberdesk.services.shared.tables import connection, insert_many, table

BATCH_MEMBERS = 1000
SETTING = "analytics.recommendations"

_RECS = table(MemberRecommendation)
_PAIRS = table(ProductPair)
_SALES = table(Sale)

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
# The baskets: the distinct products of each sale.
_BASKETS = _LINES + """
SELECT DISTINCT sale_id, product_id FROM kept ORDER BY sale_id, product_id
"""

Step = Callable[[int, int], bool]


@dataclass(frozen=True)
class RecommendResult:
    as_of: date
    members: int  # members with a due product
    rows: int  # member rows written
    pairs: int  # product rows written
    off: bool = False
    cancelled: bool = False

    def as_dict(self) -> dict[str, int]:
        if self.off:
            return {"off": 1}
        return {"members": self.members, "rows": self.rows, "pairs": self.pairs}


def _day(v: Any) -> date:
    return v if isinstance(v, date) else date.fromisoformat(v)


def member_due(session: Session, as_of: date, window_days: int) -> dict[int, list[DueProduct]]:
    """Each member's due products as of ``as_of`` (most overdue first)."""
    rows = connection(session).execute(text(_BOUGHT), {
        "as_of": as_of, "first": window_start(as_of, window_days), "min_days": MIN_DAYS})
    out: dict[int, list[DueProduct]] = {}
    member: int | None = None
    bought: dict[int, list[date]] = {}

    def flush() -> None:
        if member is not None:
            due = due_products(bought, as_of)
            if due:
                out[member] = due

    for member_id, product_id, day in rows:
        if member_id != member:
            flush()
            member, bought = member_id, {}
        bought.setdefault(product_id, []).append(_day(day))
    flush()
    return out


def product_pairs(session: Session, as_of: date, window_days: int) -> dict[int, list[Pair]]:
    """Each product's companions (``domain/recommend.top_pairs``) over the window."""
    rows = connection(session).execute(text(_BASKETS), {
        "as_of": as_of, "first": window_start(as_of, window_days)})
    together: Counter[tuple[int, int]] = Counter()
    holding: Counter[int] = Counter()
    baskets = 0
    sale: int | None = None
    basket: list[int] = []

    def count() -> None:
        together.update(combinations(basket, 2))  # ids ascending: (a, b) with a < b
        holding.update(basket)

    for sale_id, product_id in rows:
        if sale_id != sale:
            count()
            baskets += sale is not None
            sale, basket = sale_id, []
        basket.append(product_id)
    if sale is not None:
        count()
        baskets += 1
    return top_pairs(together, holding, baskets)


def _write_members(db: Database, low: int, high: int | None,
                   rows: list[dict[str, Any]]) -> float:
    """Replace the rows of members ``low < id <= high`` (no upper end: None); the
    seconds the write lock was held."""
    started = time.monotonic()
    with db.uow() as uow:
        conn = connection(uow.session)
        where = [_RECS.c.member_id > low]
        if high is not None:
            where.append(_RECS.c.member_id <= high)
        conn.execute(delete(_RECS).where(*where))
        insert_many(conn, _RECS, rows)
        uow.commit()
    return time.monotonic() - started


def _member_rows(member_id: int, due: Iterable[DueProduct], as_of: date,
                 after_sale_id: int) -> list[dict[str, Any]]:
    return [{"member_id": member_id, "rank": rank, "product_id": p.product_id,
             "as_of": as_of, "days_bought": p.days_bought, "gap_x2": int(p.gap * 2),
             "last_day": p.last_day, "after_sale_id": after_sale_id}
            for rank, p in enumerate(due, start=1)]


def refresh_recommendations(db: Database, as_of: date | None = None, *,
                            batch: int | None = None,
                            step: Step | None = None) -> RecommendResult:
    """Recompute both tables as of ``as_of`` (default: the shop's today).
    ``step(done, total)`` after each batch of members; False stops there (the rows
    written so far stay) and the result says ``cancelled``."""
    batch = batch or BATCH_MEMBERS
    with db.reader() as r:
        s = r.session
        day = as_of or clock.today(s)
        if not settings.get_bool(s, SETTING):
            return RecommendResult(day, 0, 0, 0, off=True)
        window = settings.get_int(s, "analytics.window_days")
        newest = int(s.scalar(select(func.coalesce(func.max(_SALES.c.id), 0))) or 0)
        due = member_due(s, day, window)
        pairs = product_pairs(s, day, window)
    pair_rows = [{"product_id": pid, "rank": rank, "other_id": p.other_id, "as_of": day,
                  "together": p.together, "lift_permille": p.lift_permille}
                 for pid, others in sorted(pairs.items())
                 for rank, p in enumerate(others, start=1)]
    with db.uow() as uow:
        conn = connection(uow.session)
        conn.execute(delete(_PAIRS))
        insert_many(conn, _PAIRS, pair_rows)
        uow.commit()
    members = sorted(due)
    written = 0
    low = 0
    for i in range(0, len(members), batch):
        chunk = members[i:i + batch]
        rows = [row for m in chunk for row in _member_rows(m, due[m], day, newest)]
        held = _write_members(db, low, chunk[-1], rows)
        written += len(rows)
        low = chunk[-1]
        if step is not None and not step(i + len(chunk), len(members)):
            return RecommendResult(day, len(members), written, len(pair_rows), cancelled=True)
        time.sleep(max(held, PAUSE_S))
    _write_members(db, low, None, [])  # members past the last with a due product
    return RecommendResult(day, len(members), written, len(pair_rows))
