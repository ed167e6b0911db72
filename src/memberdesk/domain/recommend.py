"""Recommendations at the counter (issue 13, item 3): the one home of both rules.

**Due for** (该买了): as of a business date ``D`` over the analytics window
``(D - W, D]``, a product a member bought on at least 3 distinct days (a sale line
refunded whole by ``D`` does not count) is *regular*; its usual gap is the median gap
between those days (:func:`memberdesk.domain.analytics.median_gap`, the churn rule's).
It is *due* when the days since the last of them are at least that gap. Due products
rank by how overdue they are relative to the gap (days since / gap, larger first),
then by the number of days bought (more first), then by product id.

**Bought together** (常一起买): over the same window, each sale is a basket of the
distinct products on its lines not refunded whole. A pair of products counts the
baskets holding both (its *support*); pairs with support below :data:`MIN_SUPPORT`
are left out, and so are pairs with lift <= 1 (bought together no more often than
chance). For each product the others rank by **lift** = together x baskets /
(baskets with A x baskets with B), then support, then product id. Lift, not
confidence: confidence P(B | A) is largest for the shop's best sellers, which would be
"bought with" everything (they are in most baskets anyway) and need no suggesting;
lift says how much more often B is bought with A than without it, and the minimum
support keeps chance pairs of rarely sold products out.

**What can change without a sale** (:func:`next_change`, for the daily refresh): a
member's due products, as of a later date with no new sale or refund, differ only
when a regular product becomes due, two due products change places (their
days-since / gap ratios grow at different speeds), or a day bought leaves the window.
The first such date is kept per member; the refresh works the member out again then.

At the counter (:func:`cart_suggestions`): the products most strongly tied to what is
in the cart (the largest lift over the cart's products), not in the cart.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction
from itertools import combinations
from typing import Protocol, TypeVar

from .analytics import gap_in_days, median_gap

MIN_DAYS = 3  # distinct days bought before a product is regular
MIN_SUPPORT = 3  # baskets holding both before a pair counts
SHOWN = 3  # products shown at the counter, of each kind
KEPT = 5  # kept per member / per product by the refresh (room for the cart's own)


@dataclass(frozen=True)
class DueProduct:
    """A regular product the member is due for, as of a date."""

    product_id: int
    days_bought: int  # distinct days in the window
    gap: Fraction  # the median gap between them (days)
    last_day: date

    def days_since(self, on: date) -> int:
        return (on - self.last_day).days

    @property
    def gap_days(self) -> int:
        """The gap rounded half up, as said to the cashier."""
        return gap_in_days(self.gap)


def regular(product_id: int, days: Iterable[date], as_of: date) -> DueProduct | None:
    """The product as regular (days after ``as_of`` ignored), or None when bought on
    fewer than :data:`MIN_DAYS` distinct days."""
    ds = sorted({d for d in days if d <= as_of})
    if len(ds) < MIN_DAYS:
        return None
    return DueProduct(product_id, len(ds), median_gap(ds), ds[-1])


def is_due(p: DueProduct, on: date) -> bool:
    return p.days_since(on) >= p.gap


def due_products(bought: Mapping[int, Iterable[date]], as_of: date,
                 limit: int = KEPT) -> list[DueProduct]:
    """A member's due products, most overdue first: ``bought`` maps a product to the
    days it was bought in the window (lines refunded whole already left out)."""
    due = [p for pid, days in bought.items()
           if (p := regular(pid, days, as_of)) is not None and is_due(p, as_of)]
    due.sort(key=lambda p: (-Fraction(p.days_since(as_of)) / p.gap, -p.days_bought,
                            p.product_id))
    return due[:limit]


def _crossing(a: DueProduct, b: DueProduct, as_of: date) -> int | None:
    """The first day (ordinal) after ``as_of`` from which the order of two due products
    may differ from their order on ``as_of`` (None: never). Their ratios
    (D - last) / gap are linear in D; they meet at one D (or never, equal gaps)."""
    slope = 1 / a.gap - 1 / b.gap
    if slope == 0:
        return None
    meet = (Fraction(a.last_day.toordinal()) / a.gap
            - Fraction(b.last_day.toordinal()) / b.gap) / slope
    today = as_of.toordinal()
    if meet < today:  # met before: the order stays
        return None
    return max(today + 1, math.ceil(meet))


def next_change(bought: Mapping[int, Iterable[date]], as_of: date,
                window_days: int) -> date | None:
    """The first date after ``as_of`` on which :func:`due_products` of the member may
    differ (the window ``(D - W, D]`` moved on, no new sale or refund); None when it
    cannot (no regular product). ``bought`` as for :func:`due_products`, the days
    inside the window as of ``as_of``. At most that date: one earlier is harmless (the
    member is worked out again for nothing), one later is not."""
    regulars: list[DueProduct] = []
    out: list[int] = []
    for pid, days in bought.items():
        ds = [d for d in days if d <= as_of]
        p = regular(pid, ds, as_of)
        if p is None:
            continue  # fewer days can only stay fewer
        regulars.append(p)
        out.append((min(ds) + timedelta(days=window_days)).toordinal())  # leaves the window
        if not is_due(p, as_of):
            out.append(p.last_day.toordinal() + math.ceil(p.gap))  # becomes due
    due = [p for p in regulars if is_due(p, as_of)]
    for a, b in combinations(due, 2):
        day = _crossing(a, b, as_of)
        if day is not None:
            out.append(day)
    return date.fromordinal(min(out)) if out else None


class _OfProduct(Protocol):
    @property
    def product_id(self) -> int: ...


T = TypeVar("T", bound=_OfProduct)


def not_in_cart(items: Iterable[T], in_cart: Iterable[int], limit: int = SHOWN) -> list[T]:
    """The first ``limit`` of ``items`` (due products, in their order) whose product is
    not in the cart already: what the counter shows."""
    cart = set(in_cart)
    return [i for i in items if i.product_id not in cart][:limit]


def due_text(name: str, p: DueProduct, on: date, lang: str = "zh_CN") -> str:
    """牛奶（约 7 天买一次，已 9 天） / Milk (every ~7 days; last 9 days ago)."""
    if lang.startswith("en"):
        return f"{name} (every ~{p.gap_days} days; last {p.days_since(on)} days ago)"
    return f"{name}（约 {p.gap_days} 天买一次，已 {p.days_since(on)} 天）"


# -- bought together -------------------------------------------------------------------


@dataclass(frozen=True)
class Pair:
    """Product ``other_id`` bought with a product: ``together`` baskets, and the lift
    in thousandths (1000 = chance)."""

    other_id: int
    together: int
    lift_permille: int


def lift_permille(together: int, with_a: int, with_b: int, baskets: int) -> int:
    """Lift x 1000, rounded down (exact integer arithmetic)."""
    return together * baskets * 1000 // (with_a * with_b)


def top_pairs(pairs: Mapping[tuple[int, int], int], product_baskets: Mapping[int, int],
              baskets: int, *, min_support: int = MIN_SUPPORT,
              limit: int = KEPT) -> dict[int, list[Pair]]:
    """For each product, the others bought with it, by lift (see the module). ``pairs``
    maps (a, b) with a < b to the baskets holding both; ``product_baskets`` a product
    to the baskets holding it; ``baskets`` is the number of baskets."""
    out: dict[int, list[Pair]] = {}
    for (a, b), together in pairs.items():
        if together < min_support:
            continue
        lift = lift_permille(together, product_baskets[a], product_baskets[b], baskets)
        if lift <= 1000:
            continue
        out.setdefault(a, []).append(Pair(b, together, lift))
        out.setdefault(b, []).append(Pair(a, together, lift))
    for product, others in out.items():
        others.sort(key=lambda p: (-p.lift_permille, -p.together, p.other_id))
        out[product] = others[:limit]
    return out


def cart_suggestions(pairs: Mapping[int, Sequence[Pair]], in_cart: Iterable[int],
                     limit: int = SHOWN) -> list[Pair]:
    """Products often bought with the cart's, not in it: each candidate by its largest
    lift with any product of the cart (then support, then id)."""
    cart = set(in_cart)
    best: dict[int, Pair] = {}
    for product in cart:
        for p in pairs.get(product, ()):
            if p.other_id in cart:
                continue
            held = best.get(p.other_id)
            if held is None or (p.lift_permille, p.together) > (held.lift_permille,
                                                                 held.together):
                best[p.other_id] = p
    ranked = sorted(best.values(), key=lambda p: (-p.lift_permille, -p.together, p.other_id))
    return ranked[:limit]
