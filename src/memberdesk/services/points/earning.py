"""Points earned by a sale (pure): earn base, per-product ratio, tier multiplier.

The earn base (a shop setting) is the paid amount without the points-paid part
(and, for ``external_only``, without stored value too); it is spread over the
lines by their net amount, each line earns ``base × earn_per_yuan × ratio ×
multiplier``, the sale earns the floor of the exact total, and that total is
spread back over the lines by largest remainder, so line points add up to the
sale's points and a refund of a line takes back exactly what the line earned.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from memberdesk.models.enums import TenderKind
from memberdesk.money import Money, allocate
from memberdesk.services.pricing.prices import PricedLine

EARN_BASES = ("paid_excl_points", "external_only", "payable")
_NOT_EARNING: dict[str, frozenset[TenderKind]] = {
    "payable": frozenset(),
    "paid_excl_points": frozenset({TenderKind.POINTS, TenderKind.COUPON}),
    "external_only": frozenset({TenderKind.POINTS, TenderKind.COUPON, TenderKind.STORED_VALUE}),
}
_SCALE = 100 * 1000 * 1000  # fen per yuan × ratio ‰ × multiplier ‰


def earn_base(payable: Money, tenders: Mapping[TenderKind, Money], mode: str) -> Money:
    """The part of ``payable`` that earns points, given what each tender kind paid."""
    excluded = sum(a.fen for k, a in tenders.items() if k in _NOT_EARNING[mode])
    return Money(max(payable.fen - excluded, 0))


def earn_points(
    lines: Sequence[PricedLine], base: Money, earn_per_yuan: int, multiplier_permille: int
) -> tuple[int, ...]:
    """Points earned per line; their sum is the sale's points. A line whose category
    has its own rate (``PricedLine.earn_per_yuan``) earns at that rate instead of
    the shop's ``earn_per_yuan``."""
    if not lines or base.fen <= 0 or multiplier_permille <= 0:
        return tuple(0 for _ in lines)
    line_base = allocate(base, [max(ln.net.fen, 0) for ln in lines])
    exact = [
        b.fen * max(earn_per_yuan if ln.earn_per_yuan is None else ln.earn_per_yuan, 0)
        * ln.points_ratio_permille * multiplier_permille
        for b, ln in zip(line_base, lines, strict=True)
    ]
    total = sum(exact) // _SCALE
    if total == 0:
        return tuple(0 for _ in lines)
    return tuple(p.fen for p in allocate(Money(total), exact))
