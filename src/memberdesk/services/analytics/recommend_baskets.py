"""The baskets the pair counts are made of (:mod:`.recommend_pairs`): which sales and
refunds a count took in (:class:`Seen`), counts of baskets (:class:`Counts`) and a few
sales' lines read to work their baskets out as of a date and a :class:`Seen`
(:class:`SaleLines`, :func:`read_sales`)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from itertools import chain, combinations
from typing import Any

import numpy as np
from sqlalchemy import Connection, bindparam, text

from memberdesk.domain.recommend import Pair
from memberdesk.domain.recommend_arrays import top_pairs_arrays
from memberdesk.services.analytics import recommend_state as rs

EVERYTHING = 2**62  # a watermark above every id

# Product lines and refund lines of some sales (by id, or by business date).
LINES = ("SELECT s.id, s.business_date, l.id, l.product_id, l.qty "
         "FROM sales AS s JOIN sale_lines AS l ON l.sale_id = s.id "
         "WHERE l.product_id IS NOT NULL AND ")
REFUND_LINES = ("SELECT rl.sale_line_id, r.id, r.business_date, rl.qty "
                "FROM sales AS s JOIN refunds AS r ON r.sale_id = s.id "
                "JOIN refund_lines AS rl ON rl.refund_id = r.id WHERE ")
BY_IDS = "s.id IN :ids"
BY_DAYS = "s.business_date >= :low AND s.business_date < :high"


@dataclass(frozen=True)
class Seen:
    """The sales and refunds counted: ids up to the marks, less those missing."""

    sale_mark: int
    refund_mark: int
    missing_sales: frozenset[int] = frozenset()
    missing_refunds: frozenset[int] = frozenset()

    def sale(self, sale_id: int) -> bool:
        return sale_id <= self.sale_mark and sale_id not in self.missing_sales

    def refund(self, refund_id: int) -> bool:
        return refund_id <= self.refund_mark and refund_id not in self.missing_refunds

    def params(self) -> dict[str, Any]:
        return {"sale_mark": self.sale_mark, "refund_mark": self.refund_mark,
                "missing_sales": sorted(self.missing_sales),
                "missing_refunds": sorted(self.missing_refunds)}


ALL = Seen(EVERYTHING, EVERYTHING)


@dataclass
class Counts:
    """Baskets holding both of a pair (a < b), holding a product, and in all; signed
    when they are a change."""

    together: Counter[tuple[int, int]] = field(default_factory=Counter)
    holding: Counter[int] = field(default_factory=Counter)
    baskets: int = 0

    def add(self, basket: list[int], sign: int = 1) -> None:
        """A basket (distinct product ids, ascending) counted in (1) or out (-1)."""
        if not basket:
            return
        if sign > 0:
            self.together.update(combinations(basket, 2))
            self.holding.update(basket)
        else:
            self.together.subtract(combinations(basket, 2))
            self.holding.subtract(basket)
        self.baskets += sign

    def rows(self) -> list[tuple[int, int, int]]:
        """The non-zero counts as ``product_pair_counts`` rows (a, b, n), in key order
        (cheaper to insert)."""
        out = [(a, b, n) for (a, b), n in self.together.items() if n]
        out.extend((p, p, n) for p, n in self.holding.items() if n)
        out.sort()
        return out

    def top(self) -> dict[int, list[Pair]]:
        """Every product's companions (``domain/recommend.top_pairs``)."""
        if not self.together:
            return {}
        keys = np.fromiter(chain.from_iterable(self.together), dtype=np.int64).reshape(-1, 2)
        return top_pairs_arrays(
            keys[:, 0], keys[:, 1],
            np.fromiter(self.together.values(), dtype=np.int64, count=len(self.together)),
            np.fromiter(self.holding, dtype=np.int64, count=len(self.holding)),
            np.fromiter(self.holding.values(), dtype=np.int64, count=len(self.holding)),
            self.baskets)


class SaleLines:
    """A sale's business date, product lines and their refund lines."""

    __slots__ = ("day", "lines", "refunds")

    def __init__(self, day: date) -> None:
        self.day = day
        self.lines: list[tuple[int, int, int]] = []  # line id, product, qty
        self.refunds: dict[int, list[tuple[int, date, int]]] = {}  # line -> refunds

    def basket(self, seen: Seen, as_of: date) -> list[int]:
        """The distinct products of the lines not refunded whole by ``as_of``."""
        kept = set()
        for line, product, qty in self.lines:
            back = sum(q for rid, day, q in self.refunds.get(line, ())
                       if seen.refund(rid) and day <= as_of)
            if qty > back:
                kept.add(product)
        return sorted(kept)


def read_sales(conn: Connection, where: str, params: dict[str, Any],
               into: dict[int, SaleLines]) -> None:
    """The product lines and refund lines of the sales ``where`` says, less those in
    ``into`` already."""
    fresh: dict[int, SaleLines] = {}
    stmt = text(LINES + where)
    if "ids" in params:
        stmt = stmt.bindparams(bindparam("ids", expanding=True))
    for sale_id, day, line_id, product_id, qty in conn.execute(stmt, params):
        if sale_id in into:
            continue
        sale = fresh.get(sale_id)
        if sale is None:
            sale = fresh[sale_id] = SaleLines(rs.day_of(day))
        sale.lines.append((int(line_id), int(product_id), int(qty)))
    stmt = text(REFUND_LINES + where)
    if "ids" in params:
        stmt = stmt.bindparams(bindparam("ids", expanding=True))
    owner = {line: s for s in fresh.values() for line, _, _ in s.lines}
    for line_id, refund_id, day, qty in conn.execute(stmt, params):
        if line_id in owner:
            owner[line_id].refunds.setdefault(line_id, []).append(
                (int(refund_id), rs.day_of(day), int(qty)))
    into.update(fresh)
