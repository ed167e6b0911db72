"""Pure price computation: lines, member prices, tier discount, coupons, 抹零.

No database here: :mod:`memberdesk.services.checkout.cart` loads the inputs and calls
:func:`price_cart`, so the UI gets live totals without writing anything and
property tests run without a database. Every discount is spread over the lines
by largest remainder (:func:`memberdesk.money.allocate`), never more than a
line's remaining amount, so the parts always add up to the whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from memberdesk.domain.discounts import ManualDiscount, ManualLine, manual_parts, override_off
from memberdesk.domain.points import points_for_value, value_of_points
from memberdesk.domain.promotions import NO_MULTIPLIER, MemberDay, Special, best_offer
from memberdesk.models.enums import CouponKind, CouponScope, DiscountKind
from memberdesk.money import Money, Rounding, allocate
from memberdesk.services.shared.errors import ValidationError

ROUNDING_MODES = ("none", "drop_fen", "drop_jiao", "round_jiao")

ZERO = Money(0)


@dataclass(frozen=True)
class LineInput:
    product_id: int | None  # None: a free amount rung up without a product
    code: str
    description: str
    qty: int
    unit_price: Money
    category_path: tuple[int, ...] = ()  # the product's category and its ancestors
    discountable: bool = True
    member_price: Money | None = None  # this member's tier price, if one is set
    points_ratio_permille: int = 1000
    override: Money | None = None  # a price override at the counter (a lower unit price)
    manual: ManualDiscount | None = None  # a manual discount of this line at the counter
    earn_per_yuan: int | None = None  # its category's points rate; None: the shop's
    special: Special | None = None  # the product's open special price for this customer


@dataclass(frozen=True)
class TierRule:
    tier_id: int
    name: str
    discount_permille: int  # 1000 = full price
    points_multiplier_permille: int = 1000


@dataclass(frozen=True)
class CouponRule:
    coupon_id: int
    code: str
    name: str
    kind: CouponKind
    value: Money = ZERO
    percent_permille: int = 1000
    max_discount: Money | None = None
    min_spend: Money = ZERO
    scope: CouponScope = CouponScope.ALL
    product_ids: frozenset[int] = frozenset()
    category_ids: frozenset[int] = frozenset()
    stackable: bool = False


@dataclass(frozen=True)
class PointsRule:
    balance: int  # usable (unexpired) points
    points_per_yuan: int  # redemption rate: this many points pay one yuan
    min_points: int
    max_percent: int  # at most this share of the payable amount


@dataclass(frozen=True)
class LineDiscount:
    kind: DiscountKind
    label: str
    amount: Money
    coupon_code: str | None = None


@dataclass(frozen=True)
class PricedLine:
    line_no: int
    product_id: int | None
    code: str
    description: str
    qty: int
    unit_price: Money
    gross: Money
    discounts: tuple[LineDiscount, ...]
    discount: Money
    net: Money
    points_ratio_permille: int
    earn_per_yuan: int | None = None  # its category's points rate; None: the shop's
    gift_campaign_id: int | None = None  # 满赠: a zero-price gift line (services/campaigns/gifts.py)


@dataclass(frozen=True)
class DiscountTotal:
    kind: DiscountKind
    label: str
    amount: Money
    per_line: tuple[Money, ...]  # one entry per line, summing to ``amount``
    coupon_id: int | None = None
    coupon_code: str | None = None
    campaign_id: int | None = None  # a special price's or member day's campaign


@dataclass(frozen=True)
class PointsQuote:
    balance: int
    points_per_yuan: int
    min_points: int
    max_points: int  # most points this sale can take
    max_value: Money  # what they pay
    unusable: str = ""  # why points cannot pay this sale ("": they can), see points_quote
    max_percent: int = 100  # the rule's share of the payable amount points may pay

    def points_for(self, value: Money) -> int:
        return points_for_value(value, self.points_per_yuan)

    def value_of(self, points: int) -> Money:
        return value_of_points(points, self.points_per_yuan)


@dataclass(frozen=True)
class PriceBreakdown:
    lines: tuple[PricedLine, ...]
    discounts: tuple[DiscountTotal, ...]
    gross: Money
    discount_total: Money
    payable: Money
    member_id: int | None = None
    tier_id: int | None = None
    tier_name: str = ""
    points: PointsQuote | None = None
    manual: Money = ZERO  # the manual discounts and price overrides together
    manual_base: Money = ZERO  # what the lines came to before them (caps are a share of it)
    has_override: bool = False
    # Filled in by ``cart.quote`` for the actor at the counter: the permission a manager's
    # approval must hold when the manual discount is over this actor's cap, else None.
    approval_needed: str | None = None
    # The member day the member gets today (its discount is booked as MEMBER_DAY), whose
    # points multiplier checkout multiplies the tier's by; "" and 1000 when none.
    member_day: str = ""
    day_multiplier_permille: int = NO_MULTIPLIER
    # A 满赠 gift the cart reached but did not get, its product short of stock (the
    # campaign's and the product's names; "" when none): the counter says why.
    gift_short_campaign: str = ""
    gift_short_product: str = ""


MANUAL_LABEL = "手工折扣"  # receipts.py prints it as "Manual discount" in English


def _scope_matches(rule: CouponRule, line: LineInput) -> bool:
    if rule.scope is CouponScope.ALL:
        return True
    if line.product_id is None:
        return False
    if rule.scope is CouponScope.PRODUCT:
        return line.product_id in rule.product_ids
    return any(c in rule.category_ids for c in line.category_path)


def _spread(amount: Money, nets: list[Money], eligible: list[int]) -> list[Money]:
    """``amount`` over the eligible lines by their current net, as a full-length list."""
    parts = [Money(0)] * len(nets)
    if not amount or not eligible:
        return parts
    shares = allocate(amount, [max(nets[i].fen, 0) for i in eligible])
    for i, share in zip(eligible, shares, strict=True):
        parts[i] = share
    return parts


def _coupon_discount(rule: CouponRule, lines: Sequence[LineInput], nets: list[Money]) -> list[Money]:
    eligible = [i for i, ln in enumerate(lines) if _scope_matches(rule, ln) and nets[i].fen > 0]
    if not eligible:
        raise ValidationError("coupon_not_applicable", coupon=rule.code)
    base = Money(sum(nets[i].fen for i in eligible))
    if base < rule.min_spend:
        raise ValidationError("coupon_min_spend", coupon=rule.code, min_spend=rule.min_spend.display())
    if rule.kind is CouponKind.AMOUNT_OFF:
        off = min(rule.value, base)
    elif rule.kind is CouponKind.PERCENT_OFF:
        off = base - base.percent(rule.percent_permille, Rounding.DOWN)
        if rule.max_discount is not None:
            off = min(off, rule.max_discount)
    else:  # FIXED_PRICE_ITEM: the dearest eligible unit at the coupon's price
        best = max(eligible, key=lambda i: (nets[i].fen // lines[i].qty, -i))
        unit = Money(nets[best].fen // lines[best].qty)
        off = max(unit - rule.value, Money(0))
        eligible = [best]
    if not off:
        raise ValidationError("coupon_not_applicable", coupon=rule.code)
    return _spread(off, nets, eligible)


def _rounded(subtotal: Money, mode: str) -> Money:
    if mode == "drop_fen":
        return subtotal.round_to(10, Rounding.DOWN)
    if mode == "drop_jiao":
        return subtotal.round_to(100, Rounding.DOWN)
    if mode == "round_jiao":
        return subtotal.round_to(10, Rounding.HALF_UP)
    return subtotal


# Why points cannot pay a sale (PointsQuote.unusable), the first that applies:
POINTS_OFF = "rule_off"  # the shop lets points pay 0 % of a sale (or no rate is set)
NO_POINTS = "no_points"  # the member has no usable points
BELOW_MINIMUM = "below_minimum"  # fewer points than the least that may be used at once
NOTHING_TO_PAY = "nothing_to_pay"
SALE_TOO_SMALL = "sale_too_small"  # the share of this sale points may pay is under the minimum


def points_quote(rule: PointsRule, payable: Money) -> PointsQuote:
    """How much of ``payable`` the member's points may pay, and when nothing, why
    (the one place that decides it: the payment dialog says this reason)."""
    rate = rule.points_per_yuan
    cap = Money(payable.fen * rule.max_percent // 100)
    max_value = min(cap, value_of_points(rule.balance, rate))
    if rule.balance < rule.min_points or max_value.fen <= 0:
        max_value = Money(0)
    max_points = points_for_value(max_value, rate)
    if max_points and max_points < rule.min_points:
        max_value, max_points = Money(0), 0
    why = ""
    if not max_points:
        why = (POINTS_OFF if rule.max_percent <= 0 or rate <= 0
               else NO_POINTS if rule.balance <= 0
               else BELOW_MINIMUM if rule.balance < rule.min_points
               else NOTHING_TO_PAY if payable.fen <= 0
               else SALE_TOO_SMALL)
    return PointsQuote(rule.balance, rate, rule.min_points, max_points, max_value, why,
                       rule.max_percent)


def price_cart(
    lines: Sequence[LineInput],
    *,
    tier: TierRule | None = None,
    coupons: Sequence[CouponRule] = (),
    rounding: str = "none",
    points: PointsRule | None = None,
    member_id: int | None = None,
    order_discount: ManualDiscount | None = None,
    member_day: MemberDay | None = None,
) -> PriceBreakdown:
    """Price a cart. Raises :class:`ValidationError` for a coupon that cannot apply."""
    if not lines:
        raise ValidationError("empty_cart")
    grosses = [ln.unit_price * ln.qty for ln in lines]
    nets = list(grosses)
    totals: list[DiscountTotal] = []
    per_line: list[list[LineDiscount]] = [[] for _ in lines]

    def book(kind: DiscountKind, label: str, parts: list[Money],
             coupon: CouponRule | None = None, campaign_id: int | None = None) -> None:
        amount = Money(sum(p.fen for p in parts))
        if not amount:
            return
        code = coupon.code if coupon else None
        totals.append(DiscountTotal(kind, label, amount, tuple(parts),
                                    coupon.coupon_id if coupon else None, code, campaign_id))
        for i, part in enumerate(parts):
            if part:
                nets[i] = nets[i] - part
                per_line[i].append(LineDiscount(kind, label, part, code))

    member_parts = [Money(0)] * len(lines)
    tier_parts = [Money(0)] * len(lines)
    for ln in lines:
        if ln.override is not None and not Money(0) <= ln.override < ln.unit_price:
            raise ValidationError("override_not_lower", item=ln.description,
                                  price=ln.unit_price.display())
    if tier is not None:
        for i, ln in enumerate(lines):
            if ln.override is not None:
                continue  # the override is the price: no member price, no tier discount
            if ln.member_price is not None and ln.member_price < ln.unit_price:
                member_parts[i] = (ln.unit_price - ln.member_price) * ln.qty
            elif ln.discountable and tier.discount_permille < 1000:
                tier_parts[i] = grosses[i] - grosses[i].percent(tier.discount_permille)
    specials: dict[int, tuple[str, list[Money]]] = {}
    day_parts = [Money(0)] * len(lines)
    day_permille = member_day.discount_permille if member_day is not None else None
    for i, ln in enumerate(lines):
        if ln.override is not None or (ln.special is None and day_permille is None):
            continue
        offer = best_offer(grosses[i].fen, ln.qty, ln.unit_price.fen,
                           (member_parts[i] + tier_parts[i]).fen,
                           ln.special.price_fen if ln.special else None, day_permille,
                           ln.discountable)
        if offer.source in ("special", "member_day"):
            member_parts[i] = tier_parts[i] = Money(0)
        if offer.source == "special" and ln.special is not None:
            sp = ln.special
            specials.setdefault(sp.campaign_id, (sp.name, [Money(0)] * len(lines)))[1][i] = \
                Money(offer.off_fen)
        elif offer.source == "member_day":
            day_parts[i] = Money(offer.off_fen)
    if tier is not None:
        book(DiscountKind.MEMBER_PRICE, "会员价", member_parts)
        book(DiscountKind.TIER, f"{tier.name}折扣", tier_parts)
    for campaign_id, (name, parts) in sorted(specials.items()):
        book(DiscountKind.SPECIAL, name, parts, campaign_id=campaign_id)
    if member_day is not None:
        book(DiscountKind.MEMBER_DAY, member_day.name, day_parts,
             campaign_id=member_day.campaign_id)

    manual_base = Money(sum(n.fen for n in nets))
    overrides = [override_off(ln.unit_price, ln.qty, ln.override) if ln.override is not None
                 else Money(0) for ln in lines]
    manual = manual_parts(
        [ManualLine(nets[i] - overrides[i], ln.manual) for i, ln in enumerate(lines)],
        order_discount)
    book(DiscountKind.MANUAL, MANUAL_LABEL, [o + m for o, m in zip(overrides, manual, strict=True)])
    manual_total = manual_base - Money(sum(n.fen for n in nets))

    if len(coupons) > 1:
        for rule in coupons:
            if not rule.stackable:
                raise ValidationError("coupon_not_stackable", coupon=rule.code)
    seen: set[str] = set()
    for rule in coupons:
        if rule.code in seen:
            raise ValidationError("coupon_duplicate", coupon=rule.code)
        seen.add(rule.code)
        book(DiscountKind.COUPON, rule.name, _coupon_discount(rule, lines, nets), rule)

    if rounding not in ROUNDING_MODES:
        raise ValueError(f"unknown rounding mode {rounding!r}")
    subtotal = Money(sum(n.fen for n in nets))
    off = subtotal - _rounded(subtotal, rounding)
    if off:
        book(DiscountKind.ROUNDING, "抹零", _spread(off, nets, list(range(len(lines)))))

    priced = tuple(
        PricedLine(
            i + 1, ln.product_id, ln.code, ln.description, ln.qty, ln.unit_price, grosses[i],
            tuple(per_line[i]), grosses[i] - nets[i], nets[i], ln.points_ratio_permille,
            ln.earn_per_yuan,
        )
        for i, ln in enumerate(lines)
    )
    gross = Money(sum(g.fen for g in grosses))
    payable = Money(sum(n.fen for n in nets))
    quote = points_quote(points, payable) if points is not None else None
    return PriceBreakdown(
        priced, tuple(totals), gross, gross - payable, payable, member_id,
        tier.tier_id if tier else None, tier.name if tier else "", quote,
        manual_total, manual_base, any(ln.override is not None for ln in lines),
        member_day=member_day.name if member_day is not None else "",
        day_multiplier_permille=(member_day.multiplier_permille if member_day is not None
                                 else NO_MULTIPLIER),
    )
