"""Manual discounts at the counter (手工折扣, 整单折扣, 改价): the one home of their rules.

Used by the counter's discount dialog (:func:`parse_discount`), by pricing
(``services.pricing.price_cart`` books them through :func:`manual_parts`) and by
the checkout's cap check (``services.checkout.manual_discounts``, :func:`within_cap`), so
what the cashier sees is what is charged and what is checked.

A manual discount is an amount (5.00) or a percent (10%) off a line or off the
order; a price override is a new, lower unit price for a line. They are one
discount of the sale (kind ``manual``), applied after member prices and the tier
discount and before coupons and rounding. A line with a price override gets no
member price and no tier discount: the override is the price.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from memberdesk.money import Money, MoneyError, allocate, ascii_digits


@dataclass(frozen=True)
class ManualDiscount:
    """An amount off or a percent off (whole percent, 1..100): exactly one is set."""

    amount: Money | None = None
    percent: int | None = None

    def off(self, base: Money) -> Money:
        """What this takes off ``base`` (never more than ``base``; percent rounds down)."""
        if base.fen <= 0:
            return Money(0)
        if self.percent is not None:
            return Money(base.fen * self.percent // 100)
        return min(self.amount or Money(0), base)

    def text(self) -> str:
        return f"{self.percent}%" if self.percent is not None else (self.amount or Money(0)).yuan()


class DiscountTextError(ValueError):
    """The typed discount is not an amount or a percent from 1 to 100."""


def parse_discount(text: str) -> ManualDiscount | None:
    """``"10%"`` (or ``10％``) -> 10 percent; ``"5"`` / ``"5.50"`` -> an amount; empty or
    zero -> None (no discount). Raises :class:`DiscountTextError` otherwise."""
    folded = ascii_digits(text.strip())
    if folded is None:
        raise DiscountTextError(text)
    raw = folded.replace("％", "%").strip()
    if not raw:
        return None
    if raw.endswith("%"):
        digits = raw[:-1].strip()
        if not digits.isdigit() or not 0 <= int(digits) <= 100:
            raise DiscountTextError(text)
        return ManualDiscount(percent=int(digits)) if int(digits) else None
    try:
        amount = Money.parse(raw)
    except MoneyError as exc:
        raise DiscountTextError(text) from exc
    return ManualDiscount(amount=amount) if amount.fen else None


@dataclass(frozen=True)
class ManualLine:
    """One line as the manual rules see it: its net after member price, tier discount
    and price override, and the line's own manual discount."""

    net: Money
    discount: ManualDiscount | None = None


def override_off(unit_price: Money, qty: int, override: Money) -> Money:
    """What a price override takes off a line at ``unit_price`` (the override is lower)."""
    return (unit_price - override) * qty


def manual_parts(lines: Sequence[ManualLine], order: ManualDiscount | None) -> list[Money]:
    """The manual discount of each line: its own discount (an amount or a percent of
    its net), then the order discount spread over the lines by what is left of them
    (largest remainder), never more than a line's net. The parts add up to the
    sale's manual discount."""
    parts = [ln.discount.off(ln.net) if ln.discount else Money(0) for ln in lines]
    left = [ln.net - p for ln, p in zip(lines, parts, strict=True)]
    if order is not None:
        base = Money(sum(max(x.fen, 0) for x in left))
        off = order.off(base)
        if off.fen > 0:
            shares = allocate(off, [max(x.fen, 0) for x in left])
            parts = [p + s for p, s in zip(parts, shares, strict=True)]
    return parts


def percent_of(amount: Money, base: Money) -> int:
    """``amount`` as whole percent of ``base``, rounded up (a cap is never passed by rounding)."""
    if base.fen <= 0:
        return 100 if amount.fen > 0 else 0
    return -(-amount.fen * 100 // base.fen)


def within_cap(amount: Money, base: Money, max_percent: int, max_amount: Money) -> bool:
    """Whether a manual discount of ``amount`` off ``base`` is at most both caps."""
    return amount <= max_amount and percent_of(amount, base) <= max_percent
