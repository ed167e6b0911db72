"""Promotion rules (pure): 会员日 (member day) and 限时特价 (a time-limited special price).

One place decides which promotion a cart gets; the counter's live preview
(``cart.quote``) and checkout (``cart.load_cart``) both price through
``services.pricing.price_cart``, which calls these functions, so the window shows
exactly what checkout charges.

How they combine with the other prices of a line (decided here, tested in
``tests/unit/domain/test_promotions.py`` and ``tests/unit/checkout/test_co_promotions.py``):

* a line's *member price* is what it was before (the tier's member price, else the
  tier's discount on a discountable product); a special price and a member-day
  discount are alternatives to it: **the lowest price wins, they never stack**
  (:func:`best_offer`); a tie keeps the member price;
* a price override typed at the counter is the price: no promotion on that line;
* a manual discount (line or order) and a coupon apply **on top of** the winning
  price, as they did on top of the member price;
* the member day's points multiplier multiplies the tier's (:func:`combined_multiplier`);
  MemberDesk has no birthday multiplier (the birthday gift is points or a coupon given
  by the daily job), so a member day on a birthday multiplies nothing more;
* a member held out of a campaign (its seed, :func:`..campaigns.held_out`) gets
  neither the member day nor the special price; a non-member is never held out and
  gets a special price unless it is members only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from memberdesk.money import ascii_digits

from .campaigns import held_out

NO_DISCOUNT = 1000  # permille: full price
NO_MULTIPLIER = 1000
MAX_MULTIPLIER = 10_000  # 10x
MIN_DISCOUNT = 100  # 10% of the price at least (一折)


@dataclass(frozen=True)
class Audience:
    """Who a campaign is for: tiers (empty: every tier) and its hold-out; a campaign
    limited to a saved segment (``segment``) admits only the members of the audience
    it saved, not held out (``in_segment``: the cart's member is, as looked up for the
    cart by ``services.campaigns.audience.admitted``; the hold-out was drawn when the
    audience was saved)."""

    seed: str
    holdout_permille: int = 0
    tier_ids: frozenset[int] = frozenset()
    segment: bool = False
    in_segment: bool = False

    def admits(self, member_id: int | None, tier_id: int | None) -> bool:
        """A member of an allowed tier and not held out (a non-member: only when no
        tier and no segment is required; the caller decides whether non-members may
        take part)."""
        if member_id is None:
            return not self.tier_ids and not self.segment
        if self.tier_ids and tier_id not in self.tier_ids:
            return False
        if self.segment:
            return self.in_segment
        return not held_out(self.seed, member_id, self.holdout_permille)


@dataclass(frozen=True)
class MemberDay:
    """会员日: on a weekday (0 Monday .. 6 Sunday) or on one date, members get a
    discount (permille of the price, 1000 none) and/or a points multiplier."""

    campaign_id: int
    name: str
    weekday: int | None
    on_day: date | None
    discount_permille: int
    multiplier_permille: int
    audience: Audience
    first_day: date
    last_day: date

    def falls_on(self, day: date) -> bool:
        if not self.first_day <= day <= self.last_day:
            return False
        if self.on_day is not None:
            return day == self.on_day
        return self.weekday == day.weekday()


@dataclass(frozen=True)
class Special:
    """限时特价: ``product_id`` at ``price`` from ``starts_at`` (included) to
    ``ends_at`` (excluded), both UTC instants; optionally members only or by tier."""

    campaign_id: int
    name: str
    product_id: int
    price_fen: int
    starts_at: datetime
    ends_at: datetime
    members_only: bool
    audience: Audience

    def open_at(self, at: datetime) -> bool:
        return self.starts_at <= at < self.ends_at


def member_day_for(days: Iterable[MemberDay], day: date, member_id: int | None,
                   tier_id: int | None) -> MemberDay | None:
    """The member day a member gets on business date ``day``: of those that fall on
    it and admit them, the largest discount, then the largest multiplier, then the
    oldest campaign. None for a non-member."""
    if member_id is None:
        return None
    found = [d for d in days if d.falls_on(day) and d.audience.admits(member_id, tier_id)]
    if not found:
        return None
    return min(found, key=lambda d: (d.discount_permille, -d.multiplier_permille,
                                     d.campaign_id))


def specials_for(specials: Iterable[Special], at: datetime, member_id: int | None,
                 tier_id: int | None) -> dict[int, Special]:
    """Each product's special price at instant ``at`` for this customer: the lowest
    price of the open specials that admit them (then the oldest campaign)."""
    best: dict[int, Special] = {}
    for sp in specials:
        if not sp.open_at(at) or (sp.members_only and member_id is None):
            continue
        if not sp.audience.admits(member_id, tier_id):
            continue
        cur = best.get(sp.product_id)
        if cur is None or (sp.price_fen, sp.campaign_id) < (cur.price_fen, cur.campaign_id):
            best[sp.product_id] = sp
    return best


@dataclass(frozen=True)
class Offer:
    """What a line gets off its gross, and why: ``"member"`` (the member price or the
    tier discount, as before), ``"special"``, ``"member_day"`` or ``"none"``."""

    source: str
    off_fen: int


def percent_off(gross_fen: int, permille: int) -> int:
    """What a ``permille`` price takes off ``gross_fen``: the price kept is rounded
    down, to the customer's favour, as the tier discount rounds (``Money.percent``)."""
    return gross_fen - gross_fen * permille // 1000


def best_offer(gross_fen: int, qty: int, unit_fen: int, member_off_fen: int,
               special_fen: int | None, day_permille: int | None,
               discountable: bool) -> Offer:
    """The lowest price of a line: the member's (``member_off_fen`` off the gross),
    the special price (a unit price, any product) or the member day's discount (a
    discountable product). The largest saving wins; a tie keeps the member price,
    then the special."""
    options = [Offer("member", member_off_fen) if member_off_fen > 0 else Offer("none", 0)]
    if special_fen is not None and special_fen < unit_fen:
        options.append(Offer("special", (unit_fen - special_fen) * qty))
    if day_permille is not None and day_permille < NO_DISCOUNT and discountable:
        options.append(Offer("member_day", percent_off(gross_fen, day_permille)))
    return max(options, key=lambda o: o.off_fen)  # max keeps the first of equals


def combined_multiplier(tier_permille: int, day_permille: int) -> int:
    """The points multiplier of a sale: the tier's times the member day's."""
    return tier_permille * day_permille // 1000


def multiplier_problem(permille: int) -> bool:
    return type(permille) is not int or not NO_MULTIPLIER <= permille <= MAX_MULTIPLIER


def discount_problem(permille: int) -> bool:
    return type(permille) is not int or not MIN_DISCOUNT <= permille <= NO_DISCOUNT


def parse_scaled(text: str, scale: int) -> int | None:
    """A typed number (full-width digits fine) times ``scale`` when that is whole:
    ``parse_scaled("90", 10)`` is 900 permille (pay 90%), ``parse_scaled("1.5", 1000)``
    a 1.5x multiplier; None for anything else."""
    folded = ascii_digits(str(text).strip())
    if not folded:
        return None
    try:
        value = Decimal(folded) * scale
    except InvalidOperation:
        return None
    if not value.is_finite() or value != value.to_integral_value() or value < 0:
        return None
    return int(value)


def parse_shop_time(text: str) -> datetime | None:
    """``YYYY-MM-DD HH:MM`` (shop time, naive); None when it is not one."""
    folded = ascii_digits(str(text).strip())
    try:
        return datetime.strptime(folded or "", "%Y-%m-%d %H:%M")
    except ValueError:
        return None
