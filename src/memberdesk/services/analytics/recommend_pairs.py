"""The product pairs of the recommendations refresh (issue 13 at a million members),
counted incrementally and every day.

``product_pair_counts`` keeps, for the analytics window as of
``recommend_pair_state.as_of``, every pair of products in a basket with the baskets
holding both (``product_a < product_b``) and every product with the baskets holding it
(``product_a = product_b``); the state row keeps the window's baskets. A basket is a
sale's distinct products on lines not refunded whole (``domain/recommend.py``).

**What was counted** (:class:`Seen`): the sales and refunds with an id up to the
watermarks, less the ids below them that were not committed when counted (at most
``recommend_state.GAP_SPAN`` below each mark: on PostgreSQL a transaction may commit a
lower id after a higher one). Every read states that set explicitly, so each statement
of a READ COMMITTED transaction counts the same rows.

**Daily** (:func:`refresh_pairs`): the counts are sums over baskets, so the day's change
is a sum over the sales whose basket or place in the window changed: the sales not
counted before, the sales of the refunds not counted before, and the sales of the days
that left the window. Each such sale's basket is worked out twice from its lines and
refund lines, as counted before (the old watermarks and window) and as now; the
difference goes into the kept counts (one upsert per changed pair, one short write).
Then every product's companions are ranked again from the kept counts (the basket
total moves every lift) and ``product_pairs`` rewritten. The result is a full count's,
pair for pair (``tests/integration/analytics/test_recommend_incremental.py``).

**Full** (the first refresh, a changed window, a date before the counted one or one
that later sales exist for, a jump past the whole window, ``full=True``): one streamed
read of the window's baskets, the counts written a batch at a time (the state says
"count in full" until the last is in).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from itertools import chain
from typing import Any

import numpy as np
from sqlalchemy import Connection, bindparam, delete, select, text
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.domain.analytics import window_start
from memberdesk.domain.recommend import MIN_SUPPORT, Pair
from memberdesk.domain.recommend_arrays import top_pairs_arrays
from memberdesk.models import ProductPair, ProductPairCount, RecommendPairState
from memberdesk.services.analytics import recommend_state as rs
from memberdesk.services.analytics.recommend_baskets import (
    ALL,
    BY_DAYS,
    BY_IDS,
    Counts,
    SaleLines,
    Seen,
    read_sales,
)
from memberdesk.services.shared.pacing import Pacer
from memberdesk.services.shared.tables import connection, insert_many, table

WRITE_ROWS = 2_000  # rows a transaction (a short lock: the till waits at most one)

_PAIRS = table(ProductPair)
_COUNTS = table(ProductPairCount)
_STATE = table(RecommendPairState)

# The window's baskets as of :as_of among the sales and refunds seen.
_BASKETS = text("""
WITH refunded AS (
    SELECT rl.sale_line_id AS line_id, SUM(rl.qty) AS qty
    FROM refund_lines AS rl JOIN refunds AS r ON r.id = rl.refund_id
    WHERE r.business_date <= :as_of AND r.id <= :refund_mark AND r.id NOT IN :missing_refunds
    GROUP BY rl.sale_line_id
)
SELECT DISTINCT s.id, l.product_id
FROM sales AS s JOIN sale_lines AS l ON l.sale_id = s.id
LEFT JOIN refunded AS f ON f.line_id = l.id
WHERE s.business_date >= :first AND s.business_date <= :as_of
  AND s.id <= :sale_mark AND s.id NOT IN :missing_sales
  AND l.product_id IS NOT NULL AND l.qty > COALESCE(f.qty, 0)
ORDER BY s.id, l.product_id
""").bindparams(bindparam("missing_refunds", expanding=True),
                bindparam("missing_sales", expanding=True))
# The day's change, by the driver's executemany ({p}: its placeholder).
_UPSERT = ("INSERT INTO product_pair_counts (product_a, product_b, together) "
           "VALUES ({p}, {p}, {p}) ON CONFLICT (product_a, product_b) "
           "DO UPDATE SET together = product_pair_counts.together + excluded.together")
_DROP_ZERO = ("DELETE FROM product_pair_counts "
              "WHERE product_a = {p} AND product_b = {p} AND together <= 0")
# (the minimum support a literal: read by the driver's own cursor, no parameters)
_KEPT = ("SELECT product_a, product_b, together FROM product_pair_counts "
         f"WHERE product_a = product_b OR together >= {int(MIN_SUPPORT)}")


@dataclass(frozen=True)
class PairState:
    as_of: date | None  # None: count in full next time
    window_days: int
    seen: Seen
    baskets: int


@dataclass(frozen=True)
class PairsResult:
    full: bool  # counted in full (else: the day's change)
    sales: int  # sales whose basket was worked out (a full count: the window's)
    changed: int  # count rows written
    held_s: float  # the longest write lock held


def seen_now(conn: Connection) -> Seen:
    """The newest ids and the ids below them (within ``GAP_SPAN``) not committed."""
    sale_mark, refund_mark = rs.marks(conn)
    return Seen(sale_mark, refund_mark, _missing(conn, "sales", sale_mark),
                _missing(conn, "refunds", refund_mark))


def _missing(conn: Connection, name: str, mark: int) -> frozenset[int]:
    low = max(0, mark - rs.GAP_SPAN)
    there = conn.execute(text(f"SELECT id FROM {name} WHERE id > :low AND id <= :mark"),
                         {"low": low, "mark": mark}).scalars()
    return frozenset(range(low + 1, mark + 1)) - {int(i) for i in there}


def read_state(conn: Connection) -> PairState | None:
    row = conn.execute(select(_STATE).where(_STATE.c.id == 1)).first()
    if row is None:
        return None
    missing = json.loads(row.missing or "{}")
    seen = Seen(int(row.sale_mark), int(row.refund_mark),
                frozenset(missing.get("sales", ())), frozenset(missing.get("refunds", ())))
    return PairState(None if row.as_of is None else rs.day_of(row.as_of),
                     int(row.window_days), seen, int(row.baskets))


def save_state(conn: Connection, st: PairState) -> None:
    values = {"as_of": st.as_of, "window_days": st.window_days,
              "sale_mark": st.seen.sale_mark, "refund_mark": st.seen.refund_mark,
              "baskets": st.baskets, "missing": json.dumps(
                  {"sales": sorted(st.seen.missing_sales),
                   "refunds": sorted(st.seen.missing_refunds)})}
    if conn.execute(select(_STATE.c.id).where(_STATE.c.id == 1)).first() is None:
        conn.execute(_STATE.insert(), {"id": 1, **values})
    else:
        conn.execute(_STATE.update().where(_STATE.c.id == 1), values)


def count_pairs(conn: Connection, as_of: date, window_days: int, seen: Seen = ALL) -> Counts:
    """The window's baskets counted in full (one streamed read) among ``seen``."""
    rows = conn.execute(_BASKETS, {
        "as_of": as_of, "first": window_start(as_of, window_days), **seen.params()})
    counts = Counts()
    sale: int | None = None
    basket: list[int] = []
    for sale_id, product_id in rows:
        if sale_id != sale:
            counts.add(basket)
            sale, basket = sale_id, []
        basket.append(int(product_id))
    counts.add(basket)
    return counts


def product_pairs(session: Session, as_of: date, window_days: int) -> dict[int, list[Pair]]:
    """Each product's companions (``domain/recommend.top_pairs``) over the window,
    counted in full: what the kept counts give."""
    return count_pairs(connection(session), as_of, window_days).top()


def _ids_above(conn: Connection, name: str, column: str, old: int,
               missing: Iterable[int], new: Seen) -> set[int]:
    """``column`` of the rows of ``name`` seen now and not before."""
    stmt = text(f"SELECT id, {column} FROM {name} "
                "WHERE (id > :old OR id IN :missing) AND id <= :mark"
                ).bindparams(bindparam("missing", expanding=True))
    mark = new.sale_mark if name == "sales" else new.refund_mark
    seen = new.sale if name == "sales" else new.refund
    rows = conn.execute(stmt, {"old": old, "missing": sorted(missing), "mark": mark})
    return {int(v) for i, v in rows if v is not None and seen(int(i))}


def change(conn: Connection, old: PairState, new: Seen, as_of: date,
           window_days: int) -> tuple[Counts, int]:
    """The counts' change from ``old`` to ``new`` as of ``as_of`` (same window length,
    windows overlapping): (the change, sales worked out)."""
    assert old.as_of is not None
    was = old.seen
    first_old, first = window_start(old.as_of, window_days), window_start(as_of, window_days)
    sales: dict[int, SaleLines] = {}
    if first > first_old:  # the days that left the window
        read_sales(conn, BY_DAYS, {"low": first_old, "high": first}, sales)
    ids = _ids_above(conn, "sales", "id", was.sale_mark, was.missing_sales, new)
    ids |= _ids_above(conn, "refunds", "sale_id", was.refund_mark, was.missing_refunds, new)
    ids -= sales.keys()
    ordered = sorted(ids)
    for i in range(0, len(ordered), 5000):
        read_sales(conn, BY_IDS, {"ids": ordered[i:i + 5000]}, sales)
    delta = Counts()
    for sale_id, sale in sales.items():
        if was.sale(sale_id) and first_old <= sale.day <= old.as_of:
            delta.add(sale.basket(was, old.as_of), -1)
        if new.sale(sale_id) and first <= sale.day <= as_of:
            delta.add(sale.basket(new, as_of), 1)
    return delta, len(sales)


def kept_top(conn: Connection, baskets: int) -> dict[int, list[Pair]]:
    """Every product's companions ranked from the kept counts (the pairs below the
    minimum support left in the database), read straight into arrays."""
    cur: Any = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cur.execute(_KEPT)
        rows = np.fromiter(chain.from_iterable(cur), dtype=np.int64).reshape(-1, 3)
    finally:
        cur.close()
    same = rows[:, 0] == rows[:, 1]
    pairs = rows[~same]
    return top_pairs_arrays(pairs[:, 0], pairs[:, 1], pairs[:, 2], rows[same, 0],
                            rows[same, 2], baskets)


def _write_top(db: Database, pace: Pacer, top: dict[int, list[Pair]], day: date) -> None:
    """``product_pairs`` brought to ``top``: only the products whose companions changed
    are rewritten (their old rows deleted and the new inserted together, so a product
    is never seen half-written), about :data:`WRITE_ROWS` rows a transaction; then
    ``as_of`` set to ``day``. Each a write of ``pace``."""
    new = {pid: [(rank, p.other_id, p.together, p.lift_permille)
                 for rank, p in enumerate(others, start=1)]
           for pid, others in top.items() if others}
    old: dict[int, list[tuple[int, int, int, int]]] = {}
    with db.reader() as r:
        for pid, rank, other, together, lift in connection(r.session).execute(select(
                _PAIRS.c.product_id, _PAIRS.c.rank, _PAIRS.c.other_id, _PAIRS.c.together,
                _PAIRS.c.lift_permille).order_by(_PAIRS.c.product_id, _PAIRS.c.rank)):
            old.setdefault(pid, []).append((rank, other, together, lift))
    changed = sorted(pid for pid in new.keys() | old.keys() if new.get(pid) != old.get(pid))
    i = 0
    while i < len(changed):
        pids: list[int] = []
        rows: list[dict[str, Any]] = []
        while i < len(changed) and (not pids or len(rows) < WRITE_ROWS):
            pid = changed[i]
            pids.append(pid)
            rows += [{"product_id": pid, "rank": rank, "other_id": other, "as_of": day,
                      "together": together, "lift_permille": lift}
                     for rank, other, together, lift in new.get(pid, ())]
            i += 1
        with pace.write() as uow:
            conn = connection(uow.session)
            conn.execute(delete(_PAIRS).where(_PAIRS.c.product_id.in_(pids)))
            if rows:
                insert_many(conn, _PAIRS, rows)
            uow.commit()
    with pace.write() as uow:
        connection(uow.session).execute(
            _PAIRS.update().where(_PAIRS.c.as_of != day).values(as_of=day))
        uow.commit()


def _full(db: Database, pace: Pacer, day: date, window: int) -> PairsResult:
    with db.reader() as r:
        conn = connection(r.session)
        seen = seen_now(conn)
        later = rs.later_rows(conn, day)
        counts = count_pairs(conn, day, window, seen)
    with pace.write() as uow:  # "count in full" until the last batch is in
        conn = connection(uow.session)
        save_state(conn, PairState(None, window, seen, 0))
        conn.execute(delete(_COUNTS))
        uow.commit()
    rows = [] if later else counts.rows()  # a past date: not kept (counted again)
    for i in range(0, len(rows), WRITE_ROWS):
        with pace.write() as uow:
            insert_many(connection(uow.session), _COUNTS, [
                {"product_a": a, "product_b": b, "together": n}
                for a, b, n in rows[i:i + WRITE_ROWS]])
            uow.commit()
    if not later:
        with pace.write() as uow:
            save_state(connection(uow.session), PairState(day, window, seen, counts.baskets))
            uow.commit()
    _write_top(db, pace, counts.top(), day)
    return PairsResult(True, counts.baskets, len(rows), pace.longest)


def _apply(pace: Pacer, delta: Counts, st: PairState) -> None:
    """The day's change into the kept counts, :data:`WRITE_ROWS` rows a transaction
    (the state says "count in full" until the last is in, with the new state), each a
    write of ``pace``."""
    rows = delta.rows()
    for i in range(0, max(len(rows), 1), WRITE_ROWS):
        chunk = rows[i:i + WRITE_ROWS]
        last = i + WRITE_ROWS >= len(rows)
        with pace.write() as uow:
            conn = connection(uow.session)
            p = "?" if conn.dialect.name == "sqlite" else "%s"
            if i == 0 and not last:
                save_state(conn, replace(st, as_of=None))
            if chunk:
                conn.exec_driver_sql(_UPSERT.format(p=p), chunk)
                gone = [(a, b) for a, b, n in chunk if n < 0]
                if gone:
                    conn.exec_driver_sql(_DROP_ZERO.format(p=p), gone)
            if last:
                save_state(conn, st)
            uow.commit()


def refresh_pairs(db: Database, day: date, window: int, *, full: bool = False) -> PairsResult:
    """Bring the pair counts and ``product_pairs`` to ``day`` (see the module), the
    writes paced (:class:`.pacing.Pacer`)."""
    with db.reader() as r:
        conn = connection(r.session)
        st = read_state(conn)
        if (full or st is None or st.as_of is None or st.window_days != window
                or st.as_of > day or window_start(day, window) > st.as_of):
            st = None
        else:
            new = seen_now(conn)
            if rs.later_rows(conn, day):
                st = None
            else:
                delta, sales = change(conn, st, new, day, window)
    with Pacer(db) as pace:
        if st is None:
            return _full(db, pace, day, window)
        _apply(pace, delta, PairState(day, window, new, st.baskets + delta.baskets))
        with db.reader() as r:
            top = kept_top(connection(r.session), st.baskets + delta.baskets)
        _write_top(db, pace, top, day)
        return PairsResult(False, sales, len(delta.rows()), pace.longest)
