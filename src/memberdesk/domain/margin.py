"""Gross margin (毛利): what a product's sales leave over what the goods cost the shop.

A product's cost (进价) is optional; where it is not known nothing is guessed: no
gross profit and no margin. A cost above the price is allowed (a loss leader) and
only warned about (:func:`cost_above_price`). Integer fen in, integer fen or
per-mille out: no floats.
"""

from __future__ import annotations


def cost_above_price(cost_fen: int | None, price_fen: int) -> bool:
    """A cost higher than the price: every sale loses money (the form warns)."""
    return cost_fen is not None and cost_fen > price_fen


def cost_of(unit_cost_fen: int | None, qty: int) -> int | None:
    """What ``qty`` items cost the shop; None when the cost is not known."""
    return None if unit_cost_fen is None else unit_cost_fen * qty


def gross_margin_permille(net_fen: int, cost_fen: int | None) -> int | None:
    """(net - cost) / net in thousandths, rounded half away from zero; None when the
    cost is unknown or nothing was taken (a margin of nothing means nothing)."""
    if cost_fen is None or net_fen <= 0:
        return None
    profit = (net_fen - cost_fen) * 1000
    magnitude = (abs(profit) * 2 + net_fen) // (2 * net_fen)
    return magnitude if profit >= 0 else -magnitude


def margin_text(permille: int | None) -> str:
    """35.2% (one decimal); "" when unknown."""
    if permille is None:
        return ""
    sign = "-" if permille < 0 else ""
    whole, tenth = divmod(abs(permille), 10)
    return f"{sign}{whole}.{tenth}%"
