"""A cart as the cashier rings it up, turned into a price breakdown.

:func:`quote` prices a cart read-only (live totals in the UI, nothing written);
checkout calls :func:`load_cart` inside its own transaction, so what is charged
is priced from what is in the database at that moment: the member's tier, the
member prices, the coupons' state.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Row, and_, bindparam, or_, select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.domain.discounts import ManualDiscount
from memberdesk.domain.line_names import PLAIN_AMOUNT
from memberdesk.domain.points import earn_rate
from memberdesk.domain.promotions import member_day_for, specials_for
from memberdesk.models import Category, Member, MemberPrice, Product, Tier
from memberdesk.models.enums import MemberStatus
from memberdesk.money import Money, display_fen
from memberdesk.services.campaigns import gifts, promotions
from memberdesk.services.checkout import manual_discounts
from memberdesk.services.coupons import core as coupons
from memberdesk.services.pricing.prices import (
    LineInput,
    PointsRule,
    PriceBreakdown,
    TierRule,
    price_cart,
)
from memberdesk.services.shared import clock
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.driver import run
from memberdesk.services.shared.errors import NotFoundError, ValidationError
from memberdesk.services.shared.ledger import USABLE_POINTS_OF_MEMBER
from memberdesk.services.shared.permissions import Permission, require
from memberdesk.services.shared.policy import Policy
from memberdesk.services.shared.requests import check_amount, clean_text
from memberdesk.services.shared.tables import connection, table
from memberdesk.services.stock.ledger import ALLOW_NEGATIVE

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
    override: Money | None = None  # a price override (a lower unit price)
    discount: ManualDiscount | None = None  # a manual discount of the line


@dataclass(frozen=True)
class CartRequest:
    lines: tuple[CartLine, ...]
    member_id: int | None = None
    coupon_codes: tuple[str, ...] = ()
    order_discount: ManualDiscount | None = None  # a manual discount of the whole order


@dataclass(frozen=True)
class CartMember:
    """The member at the counter as pricing and checkout need them (one row, the tier
    joined): what :class:`Member` would give, without loading it."""

    id: int
    member_no: str
    name: str
    phone: str | None
    sv_principal: Money
    sv_bonus: Money
    points_balance: int
    usable_points: int  # in lots unexpired on the day the cart was loaded (<= balance)
    has_payment_password: bool
    tier: TierRule | None  # None only if the tier row is missing
    tier_active: bool
    birthday: date | None = None  # for the birthday points multiplier


@dataclass
class LoadedCart:
    breakdown: PriceBreakdown
    member: CartMember | None
    tier: TierRule | None  # the member's tier, active or not


_MEMBERS, _TIERS = table(Member), table(Tier)
_CART_MEMBER = (
    select(
        _MEMBERS.c.id, _MEMBERS.c.member_no, _MEMBERS.c.name, _MEMBERS.c.phone,
        _MEMBERS.c.status, _MEMBERS.c.sv_principal, _MEMBERS.c.sv_bonus,
        _MEMBERS.c.points_balance, USABLE_POINTS_OF_MEMBER,
        _MEMBERS.c.payment_password_hash.is_not(None),
        _TIERS.c.id, _TIERS.c.name, _TIERS.c.discount_permille,
        _TIERS.c.points_multiplier_permille, _TIERS.c.active, _MEMBERS.c.birthday,
    )
    .select_from(_MEMBERS.outerjoin(_TIERS, _TIERS.c.id == _MEMBERS.c.tier_id))
    .where(_MEMBERS.c.id == bindparam("member_id"))
)
_PRODUCTS, _MEMBER_PRICES, _CATEGORIES = table(Product), table(MemberPrice), table(Category)
# The cart's products by id, code or barcode, each with its price for the member's tier.
_CART_PRODUCTS = (
    select(
        _PRODUCTS.c.id, _PRODUCTS.c.code, _PRODUCTS.c.barcode, _PRODUCTS.c.name,
        _PRODUCTS.c.category_id, _PRODUCTS.c.price, _PRODUCTS.c.discountable,
        _PRODUCTS.c.points_ratio_permille, _PRODUCTS.c.active,
        _MEMBER_PRICES.c.price.label("member_price"),
    )
    .select_from(_PRODUCTS.outerjoin(_MEMBER_PRICES, and_(
        _MEMBER_PRICES.c.product_id == _PRODUCTS.c.id,
        _MEMBER_PRICES.c.tier_id == bindparam("tier_id"))))
    .where(or_(
        _PRODUCTS.c.id.in_(bindparam("ids", expanding=True)),
        _PRODUCTS.c.code.in_(bindparam("keys", expanding=True)),
        _PRODUCTS.c.barcode.in_(bindparam("keys", expanding=True)),
    ))
)
_Product = Row[*tuple[Any, ...]]  # a row of _CART_PRODUCTS
_PARENT = select(_CATEGORIES.c.parent_id, _CATEGORIES.c.points_per_yuan).where(
    _CATEGORIES.c.id == bindparam("category_id"))


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
        if ln.override is not None and (not isinstance(ln.override, Money) or ln.override.fen < 0):
            raise ValidationError("bad_manual_discount")
        _check_manual(ln.discount)
    _check_manual(cart.order_discount)


def _check_manual(discount: ManualDiscount | None) -> None:
    if discount is None:
        return
    amount, percent = discount.amount, discount.percent
    if (amount is None) == (percent is None) or (
            percent is not None and (type(percent) is not int or not 1 <= percent <= 100)) or (
            amount is not None and (not isinstance(amount, Money) or amount.fen <= 0)):
        raise ValidationError("bad_manual_discount")


def _category_path(
    conn: Connection, category_id: int | None, cache: dict[int, tuple[int, ...]],
    rates: dict[int, int],
) -> tuple[int, ...]:
    """The category and its ancestors; each one's own points rate goes into ``rates``."""
    if category_id is None:
        return ()
    if category_id not in cache:
        path: list[int] = []
        cid: int | None = category_id
        while cid is not None and cid not in path and len(path) < 16:
            path.append(cid)
            row = run(conn, _PARENT, {"category_id": cid}).first()
            if row is not None and row.points_per_yuan is not None:
                rates[cid] = row.points_per_yuan
            cid = row.parent_id if row is not None else None
        cache[category_id] = tuple(path)
    return cache[category_id]


def load_cart_member(s: Session, member_id: int, today: date) -> CartMember:
    """The member, their tier and their usable points on ``today`` in one read; refuses
    an unknown or inactive member (as :func:`~memberdesk.services.members.rows.active_member` does)."""
    row = run(connection(s), _CART_MEMBER, {"member_id": member_id, "today": today}).first()
    if row is None:
        raise NotFoundError("member_not_found", key=member_id)
    (mid, member_no, name, phone, status, principal, bonus, points, usable, has_password,
     tier_id, tier_name, discount, multiplier, tier_active, birthday) = row
    if status is not MemberStatus.ACTIVE:
        raise ValidationError("member_inactive", member_no=member_no)
    tier = None if tier_id is None else TierRule(tier_id, tier_name, discount, multiplier)
    return CartMember(mid, member_no, name, phone, principal, bonus, points,
                      min(int(usable), points), has_password, tier, bool(tier_active), birthday)


def _find_products(conn: Connection, cart: CartRequest, tier_id: int | None) -> list[_Product | None]:
    """The product row of each line (None for a free amount), in one read. Refuses the
    first line whose product is unknown or inactive. A scanned key matches a barcode
    before a code, as :func:`~.catalog.lookup_product` does."""
    ids = [ln.product_id for ln in cart.lines if ln.product_id is not None]
    keys = [ln.product.strip() for ln in cart.lines
            if ln.product_id is None and ln.product is not None]
    by_id: dict[int, _Product] = {}
    by_code: dict[str, _Product] = {}
    by_barcode: dict[str, _Product] = {}
    if ids or keys:
        for row in run(conn, _CART_PRODUCTS, {"ids": ids, "keys": keys, "tier_id": tier_id}):
            by_id[row.id] = by_code[row.code] = row
            if row.barcode is not None:
                by_barcode[row.barcode] = row
    found: list[_Product | None] = []
    for ln in cart.lines:
        p: _Product | None = None
        if ln.product_id is not None:
            p = by_id.get(ln.product_id)
            if p is None:
                raise NotFoundError("product_not_found", key=ln.product_id)
        elif ln.product is not None:
            key = ln.product.strip()
            p = by_barcode.get(key, by_code.get(key)) if key else None
            if p is None:
                raise NotFoundError("product_not_found", key=key)
        if p is not None and not p.active:
            raise ValidationError("product_inactive", product=p.code)
        found.append(p)
    return found


def _line_inputs(
    s: Session, cart: CartRequest, tier_id: int | None, max_line: int
) -> list[LineInput]:
    conn = connection(s)
    products = _find_products(conn, cart, tier_id)
    cats: dict[int, tuple[int, ...]] = {}
    rates: dict[int, int] = {}  # categories with their own points rate
    inputs: list[LineInput] = []
    for ln, p in zip(cart.lines, products, strict=True):
        if p is None:
            desc = clean_text(ln.description, 60) or PLAIN_AMOUNT
            li = LineInput(None, "", desc, ln.qty, ln.amount or Money(0),
                           override=ln.override, manual=ln.discount)
        else:
            path = _category_path(conn, p.category_id, cats, rates)
            li = LineInput(
                p.id, p.code, p.name, ln.qty, p.price, path, p.discountable, p.member_price,
                p.points_ratio_permille, ln.override, ln.discount, earn_rate(path, rates, None),
            )
        gross = li.unit_price.fen * li.qty
        if gross > max_line:
            raise ValidationError(
                "amount_too_large", amount=display_fen(gross),
                max=Money(max_line).display(),
            )
        inputs.append(li)
    return inputs


def points_rule(member: CartMember, policy: Policy) -> PointsRule:
    return PointsRule(
        balance=member.usable_points,
        points_per_yuan=policy.int("points.redeem_points_per_yuan"),
        min_points=policy.int("points.redeem_min_points"),
        max_percent=policy.int("points.redeem_max_percent"),
    )


def load_cart(s: Session, cart: CartRequest, at: datetime, policy: Policy) -> LoadedCart:
    """Price ``cart`` from the database as it is now, in the caller's transaction."""
    check_cart_shape(cart)
    local = policy.local_time(at)
    member = (load_cart_member(s, cart.member_id, local.date())
              if cart.member_id is not None else None)
    tier = member.tier if member is not None else None
    inputs = _line_inputs(s, cart, tier.tier_id if tier else None,
                          policy.int("checkout.max_line_fen"))
    rules = coupons.load_rules(
        s, cart.coupon_codes, member.id if member else None, at, local.hour * 60 + local.minute
    )
    member_id, tier_id = (member.id if member else None), (tier.tier_id if tier else None)
    days, specials, gift_rules = promotions.open_promotions(s, local.date(), member_id)
    special = specials_for(specials, at, member_id, tier_id)
    if special:
        inputs = [replace(li, special=special.get(li.product_id or 0)) for li in inputs]
    breakdown = price_cart(
        inputs,
        tier=tier if member is not None and member.tier_active else None,
        coupons=rules,
        rounding=policy.text("checkout.rounding"),
        points=points_rule(member, policy) if member is not None else None,
        member_id=member.id if member else None,
        order_discount=cart.order_discount,
        member_day=member_day_for(days, local.date(), member_id, tier_id),
    )
    sold: dict[int, int] = {}
    for li in inputs:
        if li.product_id is not None:
            sold[li.product_id] = sold.get(li.product_id, 0) + li.qty
    gift, short = gifts.pick_gift(s, gift_rules, at, member_id, tier_id,
                                  breakdown.payable.fen, sold, policy.bool(ALLOW_NEGATIVE))
    breakdown = gifts.with_short(s, gifts.with_gift(s, breakdown, gift), short)
    return LoadedCart(breakdown, member, tier)


def quote(db: Database, actor: Actor, cart: CartRequest) -> PriceBreakdown:
    """Price a cart without writing anything (live totals at the counter), with the
    approval its manual discount needs from this actor (``approval_needed``)."""
    with db.reader() as uow:
        require(uow.session, actor, Permission.SELL)
        s = uow.session
        policy = Policy.load(s)
        bd = load_cart(s, cart, clock.now(), policy).breakdown
        return replace(bd, approval_needed=manual_discounts.approval_needed(s, actor, bd, policy))
