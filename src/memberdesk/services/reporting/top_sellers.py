"""The day's best sellers (products and categories), net of refunds.

What was sold in the window minus what was refunded in it (quantities and amounts,
whatever day the refunded sale was made), so a sale refunded the same day leaves
nothing behind and a partial refund takes off just what came back. Rows that come
to nothing are left out; the rest are ordered by net amount, largest first.

Each product row carries what its net quantity cost the shop at the product's cost
(进价) when the report is made (None where the cost is not known), for the gross
margin (:mod:`memberdesk.domain.margin`); a sealed close keeps the figure it was
sealed with.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from memberdesk.domain import margin
from memberdesk.domain.line_names import LEGACY_PLAIN_AMOUNT, PLAIN_AMOUNT
from memberdesk.models import Category, Product, Refund, RefundLine, Sale, SaleLine
from memberdesk.money import Money

from .window import Window

TOP_N = 10
UNCATEGORISED = "未分类"
# Plain amounts stored under their old name count with the new ones (line_name).
_NAME = case((and_(SaleLine.product_id.is_(None), SaleLine.description == LEGACY_PLAIN_AMOUNT),
              PLAIN_AMOUNT), else_=SaleLine.description)


def _fen(value: object) -> int:
    if isinstance(value, Money):
        return value.fen
    return int(value) if isinstance(value, int) else 0


def _merge(sold: Iterable[Any], refunded: Iterable[Any]) -> list[tuple[Any, str, str, int, int]]:
    """(key, code, name, qty, amount) rows of sales and of refunds -> net (key, code, name,
    qty, fen)."""
    net: dict[Any, list[Any]] = {}
    for rows, sign in ((sold, 1), (refunded, -1)):
        for key, code, name, qty, amount in rows:
            entry = net.setdefault(key, [code, name, 0, 0])
            entry[2] += sign * int(qty or 0)
            entry[3] += sign * _fen(amount)
    kept = [(k, str(c), str(n), q, f) for k, (c, n, q, f) in net.items() if q or f]
    kept.sort(key=lambda r: (-r[4], -r[3], r[1], r[2]))
    return kept[:TOP_N]


def _with_cost(s: Session, rows: list[tuple[Any, str, str, int, int]]
               ) -> list[tuple[str, str, int, int, int | None]]:  # fmt: skip
    """Product rows (key = (product id, name)) with their net quantity's cost."""
    ids = [k[0] for k, *_ in rows if k[0] is not None]
    costs = {int(i): c for i, c in s.execute(
        select(Product.id, Product.cost).where(Product.id.in_(ids)))} if ids else {}
    return [(c, n, q, f, margin.cost_of(_fen(costs[k[0]]) if costs.get(k[0]) is not None
                                       else None, q))
            for k, c, n, q, f in rows]


def top_sellers(s: Session, w: Window) -> tuple[list[tuple[str, str, int, int, int | None]],
                                                 list[tuple[str, str, int, int]]]:
    """(products, categories): each (code, name, qty, net fen), best first; a product
    also with its net quantity's cost in fen (None: cost not known)."""
    # Product.id: PostgreSQL wants every selected column grouped or functionally
    # dependent on what is (SQLite does not ask)
    product_key = (SaleLine.product_id, _NAME, Product.id)
    product_cols = (func.coalesce(Product.code, ""), _NAME)
    sold = s.execute(
        select(SaleLine.product_id, _NAME, *product_cols, func.sum(SaleLine.qty),
               func.sum(SaleLine.net_amount))
        .join(Sale, Sale.id == SaleLine.sale_id)
        .outerjoin(Product, Product.id == SaleLine.product_id)
        .where(w.sales()).group_by(*product_key))
    back = s.execute(
        select(SaleLine.product_id, _NAME, *product_cols, func.sum(RefundLine.qty),
               func.sum(RefundLine.amount))
        .select_from(RefundLine)
        .join(Refund, Refund.id == RefundLine.refund_id)
        .join(SaleLine, SaleLine.id == RefundLine.sale_line_id)
        .outerjoin(Product, Product.id == SaleLine.product_id)
        .where(w.refunds()).group_by(*product_key))
    products = _with_cost(s, _merge(
        [((pid, n), c, n2, q, a) for pid, n, c, n2, q, a in sold],
        [((pid, n), c, n2, q, a) for pid, n, c, n2, q, a in back]))
    cat_cols = (Category.id, func.coalesce(Category.code, ""),
                func.coalesce(Category.name, UNCATEGORISED))
    cat_sold = s.execute(
        select(*cat_cols, func.sum(SaleLine.qty), func.sum(SaleLine.net_amount))
        .join(Sale, Sale.id == SaleLine.sale_id)
        .outerjoin(Product, Product.id == SaleLine.product_id)
        .outerjoin(Category, Category.id == Product.category_id)
        .where(w.sales()).group_by(Category.id))
    cat_back = s.execute(
        select(*cat_cols, func.sum(RefundLine.qty), func.sum(RefundLine.amount))
        .select_from(RefundLine)
        .join(Refund, Refund.id == RefundLine.refund_id)
        .join(SaleLine, SaleLine.id == RefundLine.sale_line_id)
        .outerjoin(Product, Product.id == SaleLine.product_id)
        .outerjoin(Category, Category.id == Product.category_id)
        .where(w.refunds()).group_by(Category.id))
    return products, [row[1:] for row in _merge(list(cat_sold), list(cat_back))]
