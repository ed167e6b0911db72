"""What the incremental recommendations refresh keeps and reads (issue 13 at a million
members): the state row (``recommend_state``), the members to work out again, and a
few members' days bought.

The members whose rows may differ from yesterday's (:func:`touched`):

* those with a sale, or a sale refunded, above the watermarks. The members of the
  last :data:`GAP_SPAN` sales and refunds below them are taken again too: on
  PostgreSQL a transaction may commit a lower id after a higher one (a checkout still
  open while the refresh read), and sales and refunds are append-only, so nothing
  else can change a member's days bought;
* those whose ``member_recommend_next.next_on`` has come (a product becoming due, two
  due products changing places, a day bought leaving the window:
  ``domain/recommend.next_change``).

Everyone else's rows are what a full refresh would write, and stay.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, bindparam, func, select, text

from memberdesk.models import MemberRecommendNext, RecommendState, Refund, Sale
from memberdesk.services.shared.tables import table

GAP_SPAN = 1000  # sales (and refunds) below a watermark whose members are taken again

_STATE = table(RecommendState)
_NEXT = table(MemberRecommendNext)
_SALES = table(Sale)
_REFUNDS = table(Refund)

# A few members' (:ids) product days in the window, lines refunded whole by :as_of
# left out: their sales by ix_sales_member_id, a line's refunds by its sale_line_id.
_SOME_BOUGHT = text("""
SELECT DISTINCT s.member_id, l.product_id, s.business_date
FROM sales AS s JOIN sale_lines AS l ON l.sale_id = s.id
WHERE s.member_id IN :ids AND s.business_date >= :first AND s.business_date <= :as_of
  AND l.product_id IS NOT NULL
  AND l.qty > COALESCE((SELECT SUM(rl.qty) FROM refund_lines AS rl
                        JOIN refunds AS r ON r.id = rl.refund_id
                        WHERE rl.sale_line_id = l.id AND r.business_date <= :as_of), 0)
ORDER BY s.member_id, l.product_id, s.business_date
""").bindparams(bindparam("ids", expanding=True))


@dataclass(frozen=True)
class State:
    as_of: date | None  # the member rows' date (None: the next refresh is a full one)
    window_days: int
    sale_mark: int
    refund_mark: int


def day_of(v: Any) -> date:
    return v if isinstance(v, date) else date.fromisoformat(str(v))


def read_state(conn: Connection) -> State | None:
    row = conn.execute(select(_STATE.c.as_of, _STATE.c.window_days, _STATE.c.sale_mark,
                              _STATE.c.refund_mark)
                       .where(_STATE.c.id == 1)).first()
    if row is None:
        return None
    return State(None if row[0] is None else day_of(row[0]), int(row[1]), int(row[2]),
                 int(row[3]))


def save_state(conn: Connection, **values: Any) -> None:
    if conn.execute(select(_STATE.c.id).where(_STATE.c.id == 1)).first() is None:
        base = {"id": 1, "as_of": None, "window_days": 0, "sale_mark": 0, "refund_mark": 0}
        conn.execute(_STATE.insert(), {**base, **values})
    else:
        conn.execute(_STATE.update().where(_STATE.c.id == 1), values)


def marks(conn: Connection) -> tuple[int, int]:
    """The newest sale and refund ids."""
    sale = conn.execute(select(func.coalesce(func.max(_SALES.c.id), 0))).scalar()
    refund = conn.execute(select(func.coalesce(func.max(_REFUNDS.c.id), 0))).scalar()
    return int(sale or 0), int(refund or 0)


def later_rows(conn: Connection, day: date) -> bool:
    """Whether a sale or refund has a business date after ``day`` (a past date by
    hand: the rows are worked out in full and the next refresh does so too)."""
    for t in (_SALES, _REFUNDS):
        if conn.execute(select(t.c.id).where(t.c.business_date > day).limit(1)).first():
            return True
    return False


def touched(conn: Connection, st: State, day: date) -> set[int]:
    """The members whose rows may have changed since ``st`` (see the module)."""
    sale_from = max(0, st.sale_mark - GAP_SPAN)
    refund_from = max(0, st.refund_mark - GAP_SPAN)
    members = set(conn.execute(select(_SALES.c.member_id).where(
        _SALES.c.id > sale_from, _SALES.c.member_id.is_not(None))).scalars())
    members.update(conn.execute(
        select(_SALES.c.member_id)
        .select_from(_REFUNDS.join(_SALES, _SALES.c.id == _REFUNDS.c.sale_id))
        .where(_REFUNDS.c.id > refund_from, _SALES.c.member_id.is_not(None))).scalars())
    members.update(conn.execute(select(_NEXT.c.member_id).where(_NEXT.c.next_on <= day))
                   .scalars())
    return {int(m) for m in members}


def some_bought(conn: Connection, ids: list[int], as_of: date,
                first: date) -> Iterator[tuple[int, dict[int, list[date]]]]:
    """Each of ``ids`` with a product line in the window: (member, product -> days)."""
    member: int | None = None
    bought: dict[int, list[date]] = {}
    for member_id, product_id, day in conn.execute(
            _SOME_BOUGHT, {"ids": ids, "as_of": as_of, "first": first}):
        if member_id != member:
            if member is not None:
                yield member, bought
            member, bought = int(member_id), {}
        bought.setdefault(int(product_id), []).append(day_of(day))
    if member is not None:
        yield member, bought

