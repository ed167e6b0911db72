"""A cart as the cashier rings it up, turned into a price breakdown.

:func:`quote` prices a cart read-only (live totals in the UI, nothing written);
checkout calls :func:`load_cart` inside its own transaction, so what is charged
is priced from what is in the database at that moment: the member's tier, the
member prices, the coupons' state.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.models import Category, Member, MemberPrice, PointsLot, Product, Tier
from memberdesk.models.enums import MemberStatus
from memberdesk.money import Money

from . import clock, coupons
from .catalog import lookup_product
from .context import Actor
from .errors import NotFoundError, ValidationError
from .permissions import Permission, require
from .policy import Policy
from .pricing import LineInput, PointsRule, PriceBreakdown, TierRule, price_cart
from .requests import check_amount, clean_text

MAX_LINES = 200
MAX_QTY = 9999


@dataclass(frozen=True)
class CartLine:
    """A product (by barcode or code, or by id) or a free amount with a description."""

    product: str | None = None
    qty: int = 1
    amount: Money | None = None  # the unit price of a line rung up without a product
    description: str = ""
    product_id: int | None = None


@dataclass(frozen=True)
class CartRequest:
    lines: tuple[CartLine, ...]
    member_id: int | None = None
    coupon_codes: tuple[str, ...] = ()


@dataclass
class LoadedCart:
    breakdown: PriceBreakdown
    member: Member | None
    tier: Tier | None


def check_cart_shape(cart: CartRequest) -> None:
    """Checks that need no database: line count, quantities, amounts."""
    if not isinstance(cart, CartRequest) or not cart.lines:
        raise ValidationError("empty_cart")
    if len(cart.lines) > MAX_LINES:
        raise ValidationError("too_many_lines", max=MAX_LINES)
    for ln in cart.lines:
        if type(ln.qty) is not int or not 1 <= ln.qty <= MAX_QTY:
            raise ValidationError("invalid_qty", qty=ln.qty, max=MAX_QTY)
        has_product = ln.product is not None or ln.product_id is not None
        if has_product == (ln.amount is not None):
            raise ValidationError("line_product_or_amount")
        if ln.amount is not None:
            check_amount(ln.amount)


def _category_path(s: Session, category_id: int | None, cache: dict[int, tuple[int, ...]]) -> tuple[int, ...]:
    if category_id is None:
        return ()
    if category_id not in cache:
        path: list[int] = []
        cid: int | None = category_id
        while cid is not None and cid not in path and len(path) < 16:
            path.append(cid)
            cid = s.scalar(select(Category.parent_id).where(Category.id == cid))
        cache[category_id] = tuple(path)
    return cache[category_id]


def load_member(s: Session, member_id: int) -> Member:
    member = s.get(Member, member_id)
    if member is None:
        raise NotFoundError("member_not_found", key=member_id)
    if member.status is not MemberStatus.ACTIVE:
        raise ValidationError("member_inactive", member_no=member.member_no)
    return member


def _line_inputs(s: Session, cart: CartRequest, tier: Tier | None, max_line: int) -> list[LineInput]:
    products: list[Product | None] = []
    for ln in cart.lines:
        if ln.product_id is not None:
            p = s.get(Product, ln.product_id)
            if p is None:
                raise NotFoundError("product_not_found", key=ln.product_id)
        elif ln.product is not None:
            p = lookup_product(s, ln.product)
        else:
            p = None
        if p is not None and not p.active:
            raise ValidationError("product_inactive", product=p.code)
        products.append(p)
    member_prices: dict[int, Money] = {}
    ids = {p.id for p in products if p is not None}
    if tier is not None and ids:
        member_prices = {
            pid: price for pid, price in s.execute(
                select(MemberPrice.product_id, MemberPrice.price).where(
                    MemberPrice.tier_id == tier.id, MemberPrice.product_id.in_(ids)
                )
            )
        }
    cats: dict[int, tuple[int, ...]] = {}
    inputs: list[LineInput] = []
    for ln, p in zip(cart.lines, products, strict=True):
        if p is None:
            desc = clean_text(ln.description, 60) or "金额"
            li = LineInput(None, "", desc, ln.qty, ln.amount or Money(0))
        else:
            li = LineInput(
                p.id, p.code, p.name, ln.qty, p.price, _category_path(s, p.category_id, cats),
                p.discountable, member_prices.get(p.id), p.points_ratio_permille,
            )
        gross = li.unit_price.fen * li.qty
        if gross > max_line:
            raise ValidationError(
                "amount_too_large", amount=Money(min(gross, 10**10)).display(),
                max=Money(max_line).display(),
            )
        inputs.append(li)
    return inputs


def usable_points(s: Session, member_id: int, today: date) -> int:
    """Points in lots that have not expired (the balance may still hold expired ones
    until the expiry run)."""
    total = s.scalar(select(func.sum(PointsLot.remaining)).where(
        PointsLot.member_id == member_id, PointsLot.remaining > 0,
        or_(PointsLot.expires_on.is_(None), PointsLot.expires_on >= today)))
    return int(total or 0)


def points_rule(s: Session, member: Member, today: date, policy: Policy) -> PointsRule:
    return PointsRule(
        balance=min(usable_points(s, member.id, today), member.points_balance),
        points_per_yuan=policy.int("points.redeem_points_per_yuan"),
        min_points=policy.int("points.redeem_min_points"),
        max_percent=policy.int("points.redeem_max_percent"),
    )


def load_cart(s: Session, cart: CartRequest, at: datetime, policy: Policy) -> LoadedCart:
    """Price ``cart`` from the database as it is now, in the caller's transaction."""
    check_cart_shape(cart)
    member = load_member(s, cart.member_id) if cart.member_id is not None else None
    tier = s.get(Tier, member.tier_id) if member is not None else None
    inputs = _line_inputs(s, cart, tier, policy.int("checkout.max_line_fen"))
    local = policy.local_time(at)
    rules = coupons.load_rules(
        s, cart.coupon_codes, member.id if member else None, at, local.hour * 60 + local.minute
    )
    breakdown = price_cart(
        inputs,
        tier=TierRule(tier.id, tier.name, tier.discount_permille, tier.points_multiplier_permille)
        if tier is not None and tier.active else None,
        coupons=rules,
        rounding=policy.text("checkout.rounding"),
        points=points_rule(s, member, local.date(), policy) if member is not None else None,
        member_id=member.id if member else None,
    )
    return LoadedCart(breakdown, member, tier)


def quote(db: Database, actor: Actor, cart: CartRequest) -> PriceBreakdown:
    """Price a cart without writing anything (live totals at the counter)."""
    with db.reader() as uow:
        require(uow.session, actor, Permission.SELL)
        s = uow.session
        return load_cart(s, cart, clock.now(), Policy.load(s)).breakdown
