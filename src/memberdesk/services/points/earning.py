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
from dataclasses import dataclass

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


@dataclass(frozen=True)
class EarnWhy:
    """Why a sale earned its points, from the same inputs as :func:`earn_points`: the
    amount that earned, the shop's rate, the multiplier and where it comes from."""

    base: Money  # the part of the sale that earned (earn_base)
    per_yuan: int  # the shop's points per yuan
    multiplier_permille: int  # tier × member day × birthday, 1000 = ×1
    category_rates: bool = False  # a line earned at its category's own rate
    reduced: bool = False  # a line's product earns less (or nothing)
    raised: bool = False  # a line's product earns more (a points ratio above 100%)
    tier_name: str = ""  # when the tier multiplies (≠ ×1)
    member_day: str = ""  # when a member day multiplies
    birthday: bool = False  # when the birthday multiplies


def earn_why(
    lines: Sequence[PricedLine], base: Money, earn_per_yuan: int, multiplier_permille: int,
    *, tier: tuple[str, int] = ("", 1000), member_day: tuple[str, int] = ("", 1000),
    birthday: bool = False,
) -> EarnWhy:
    """The explanation of :func:`earn_points` for the same arguments; ``tier`` and
    ``member_day`` are (name, multiplier ‰): named only when they multiply."""
    return EarnWhy(
        base, earn_per_yuan, multiplier_permille,
        category_rates=any(ln.earn_per_yuan is not None and ln.earn_per_yuan != earn_per_yuan
                           for ln in lines),
        reduced=any(ln.points_ratio_permille < 1000 for ln in lines),
        raised=any(ln.points_ratio_permille > 1000 for ln in lines),
        tier_name=tier[0] if tier[1] != 1000 else "",
        member_day=member_day[0] if member_day[1] != 1000 else "",
        birthday=birthday,
    )
