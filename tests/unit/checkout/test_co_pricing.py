"""Pricing rules one by one: member price, tier discount, each coupon kind with
scope, threshold, time window, stacking and limits; 抹零 as its own discount."""

from __future__ import annotations

from datetime import timedelta
from itertools import count

import pytest

from memberdesk.models.enums import CouponKind, CouponScope, DiscountKind, TenderKind
from memberdesk.money import Money
from memberdesk.services.checkout.cart import CartLine, CartRequest, quote
from memberdesk.services.coupons.core import (
    CouponTemplateDraft,
    create_coupon_template,
    issue_coupons,
    member_coupons,
)
from memberdesk.services.pricing.prices import LineInput, price_cart
from memberdesk.services.shared import clock
from memberdesk.services.shared.errors import UserError
from tests.checkout_support.kit import World, yuan

_CODES = count(1)


def _quote(world: World, lines: list[tuple[str, int]], member: str | None = None,
           coupons: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
    cart = CartRequest(tuple(CartLine(product=c, qty=q) for c, q in lines),
                       world.members[member] if member else None, coupons)
    return quote(world.db, world.cashier, cart)


def _coupon(world: World, member: str | None = "alice", **kw) -> str:  # type: ignore[no-untyped-def]
    code = kw.pop("code", f"T{next(_CODES)}")
    tid = create_coupon_template(world.db, world.owner, CouponTemplateDraft(code, kw.pop("name", "券"), **kw))
    return issue_coupons(world.db, world.owner, tid, world.members[member] if member else None)[0].code


def test_coupon_kinds_and_scopes(world: World) -> None:
    off = _coupon(world, kind=CouponKind.AMOUNT_OFF, value=yuan("5"), min_spend=yuan("20"))
    bd = _quote(world, [("WASH", 1)], "alice", (off,))
    assert bd.payable == yuan("25")
    drinks = _coupon(world, kind=CouponKind.PERCENT_OFF, percent_permille=500,
                     scope=CouponScope.CATEGORY, category_ids=(world.categories["drinks"],))
    bd = _quote(world, [("COLA", 1), ("BEER", 1), ("CHIPS", 1)], "alice", (drinks,))
    coupon = next(d for d in bd.discounts if d.kind is DiscountKind.COUPON)
    assert coupon.amount == yuan("4.75") and coupon.per_line[2] == Money(0)  # chips untouched
    special = _coupon(world, kind=CouponKind.FIXED_PRICE_ITEM, value=yuan("1"),
                      scope=CouponScope.PRODUCT, product_ids=(world.products["CHIPS"].id,))
    bd = _quote(world, [("CHIPS", 3)], "alice", (special,))
    assert bd.payable == yuan("18.60")  # one bag at 1.00, two at 8.80
    with pytest.raises(UserError) as err:
        _quote(world, [("COLA", 1)], "alice", (special,))
    assert err.value.code == "coupon_not_applicable"


def test_percent_coupon_cap_and_stacking(world: World) -> None:
    capped = _coupon(world, kind=CouponKind.PERCENT_OFF, percent_permille=500,
                     max_discount=yuan("3"))
    assert _quote(world, [("WASH", 1)], "alice", (capped,)).payable == yuan("27")
    other = _coupon(world, kind=CouponKind.AMOUNT_OFF, value=yuan("1"))
    with pytest.raises(UserError) as err:
        _quote(world, [("WASH", 1)], "alice", (capped, other))
    assert err.value.code == "coupon_not_stackable"
    a = _coupon(world, kind=CouponKind.AMOUNT_OFF, value=yuan("2"), stackable=True)
    b = _coupon(world, kind=CouponKind.PERCENT_OFF, percent_permille=900, stackable=True)
    assert _quote(world, [("WASH", 1)], "alice", (a, b)).payable == yuan("25.20")  # (30-2) x 0.9


def test_coupon_validity_window_time_of_day_and_limits(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    now = clock.now()
    later = _coupon(world, kind=CouponKind.AMOUNT_OFF, value=yuan("1"),
                    valid_from=now + timedelta(days=1), valid_to=now + timedelta(days=2))
    with pytest.raises(UserError) as err:
        _quote(world, [("WASH", 1)], "alice", (later,))
    assert err.value.code == "coupon_expired"
    short = _coupon(world, kind=CouponKind.AMOUNT_OFF, value=yuan("1"), valid_days=1)
    monkeypatch.setattr(clock, "now", lambda: now + timedelta(days=2))
    with pytest.raises(UserError) as err:
        _quote(world, [("WASH", 1)], "alice", (short,))
    assert err.value.code == "coupon_expired"
    monkeypatch.undo()
    local_minute = (now + timedelta(hours=8)).hour * 60 + (now + timedelta(hours=8)).minute
    closed = _coupon(world, kind=CouponKind.AMOUNT_OFF, value=yuan("1"),
                     valid_start_minute=(local_minute + 60) % 1440,
                     valid_end_minute=(local_minute + 120) % 1440)
    with pytest.raises(UserError) as err:
        _quote(world, [("WASH", 1)], "alice", (closed,))
    assert err.value.code == "coupon_wrong_time"
    tid = create_coupon_template(world.db, world.owner, CouponTemplateDraft(
        "ONCE", "限用一次", CouponKind.AMOUNT_OFF, value=yuan("1"), per_member_limit=1))
    first, second = issue_coupons(world.db, world.owner, tid, world.members["alice"], 2)
    world.sell([("WASH", 1)], [(TenderKind.CASH, "29")], member="alice", coupons=(first.code,))
    with pytest.raises(UserError) as err:
        _quote(world, [("WASH", 1)], "alice", (second.code,))
    assert err.value.code == "coupon_limit_reached"
    assert [c.code for c in member_coupons(world.db, world.members["alice"])].count(second.code) == 1


def test_rounding_is_its_own_discount_and_customer_friendly_by_default(world: World) -> None:
    line = [LineInput(None, "", "x", 1, yuan("12.37"))]
    assert price_cart(line).payable == yuan("12.37")  # default: no rounding
    for mode, payable, off in (("drop_fen", "12.30", "0.07"), ("drop_jiao", "12.00", "0.37"),
                               ("round_jiao", "12.40", "-0.03")):
        bd = price_cart(line, rounding=mode)
        assert bd.payable == yuan(payable)
        (rounding,) = [d for d in bd.discounts if d.kind is DiscountKind.ROUNDING]
        assert rounding.amount == yuan(off) and rounding.label == "抹零"
    world.set_settings(checkout__rounding="drop_jiao")
    r = world.sell([("CHIPS", 2)], [(TenderKind.CASH, "17")])
    assert r.payable == yuan("17") and "抹零" in [d.label for d in r.receipt.discounts]


def test_free_amount_lines_take_the_tier_discount(world: World) -> None:
    cart = CartRequest((CartLine(amount=yuan("100"), description="散装称重"),), world.members["bob"])
    bd = quote(world.db, world.cashier, cart)
    assert bd.payable == yuan("95") and bd.lines[0].description == "散装称重"
