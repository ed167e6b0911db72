"""Random carts, coupons, point redemptions and split tenders against a real
database: tenders always equal the payable amount, allocations add up, balances
never go negative, refunds give back exactly, and ``db check`` stays clean."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, event, given, settings, strategies as st
from sqlalchemy import func, select

from memberdesk.models import Member, SaleLine, Tender
from memberdesk.models.enums import CouponKind, CouponScope, TenderKind
from memberdesk.money import Money
from memberdesk.services.backup.integrity import check_database
from memberdesk.services.checkout.cart import CartLine, CartRequest, quote
from memberdesk.services.checkout.sale import checkout
from memberdesk.services.coupons.core import (
    CouponTemplateDraft,
    create_coupon_template,
    issue_coupons,
)
from memberdesk.services.pricing.tenders import TenderRequest
from memberdesk.services.shared.errors import UserError
from tests.checkout_support.kit import World, cid, snapshot

PRODUCT_CODES = ("COLA", "BEER", "CHIPS", "CIG", "WASH")
EXTERNAL = (TenderKind.CASH, TenderKind.WECHAT, TenderKind.ALIPAY, TenderKind.BANK_CARD)

line_st = st.one_of(
    st.builds(lambda c, q: CartLine(product=c, qty=q), st.sampled_from(PRODUCT_CODES),
              st.integers(1, 6)),
    st.builds(lambda a, q: CartLine(amount=Money(a), qty=q), st.integers(1, 30_000),
              st.integers(1, 3)),
)


def _templates(world: World) -> list[int]:
    cache: dict[str, Any] = world.__dict__.setdefault("_props", {})
    if "templates" not in cache:
        drafts = [
            CouponTemplateDraft("T1", "满20减5", CouponKind.AMOUNT_OFF, value=Money(500),
                                min_spend=Money(2000), stackable=True),
            CouponTemplateDraft("T2", "饮料8折", CouponKind.PERCENT_OFF, percent_permille=800,
                                scope=CouponScope.CATEGORY,
                                category_ids=(world.categories["drinks"],), stackable=True),
            CouponTemplateDraft("T3", "薯片特价5元", CouponKind.FIXED_PRICE_ITEM, value=Money(500),
                                scope=CouponScope.PRODUCT,
                                product_ids=(world.products["CHIPS"].id,), stackable=True),
            CouponTemplateDraft("T4", "9折封顶3元", CouponKind.PERCENT_OFF, percent_permille=900,
                                max_discount=Money(300), stackable=False),
        ]
        cache["templates"] = [create_coupon_template(world.db, world.owner, d) for d in drafts]
    return list(cache["templates"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(
    rounding=st.sampled_from(("none", "drop_fen", "drop_jiao", "round_jiao")),
    order=st.sampled_from(("bonus_first", "principal_first", "proportional")),
    pct=st.sampled_from((0, 50, 100)),
    member=st.sampled_from((None, "alice", "bob", "carol")),
    bonus_points=st.integers(1, 20_000),
    coupon_picks=st.lists(st.tuples(st.integers(0, 3), st.booleans()), max_size=2,
                          unique_by=lambda x: x[0]),
    lines=st.lists(line_st, min_size=1, max_size=4),
    points_permille=st.integers(0, 1000),
    sv_permille=st.integers(0, 1000),
    kind=st.sampled_from(EXTERNAL),
    extra=st.integers(0, 5000),
    refund=st.one_of(st.none(), st.just("all"),
                     st.lists(st.integers(1, 4), min_size=1, max_size=4, unique=True)),
)
def test_random_checkouts_and_refunds_keep_every_invariant(
    world: World, rounding: str, order: str, pct: int, member: str | None, bonus_points: int,
    coupon_picks: list[tuple[int, bool]], lines: list[CartLine], points_permille: int,
    sv_permille: int, kind: TenderKind, extra: int, refund: object,
) -> None:
    templates = _templates(world)
    world.set_settings(checkout__rounding=rounding, stored_value__spend_order=order,
                       points__redeem_max_percent=pct)
    if member:
        p, b, pts = world.balances(member)
        if p + b < Money(20_000):
            world.recharge(member, "1000")
        if pts < 5000:
            world.give_points(member, bonus_points)
    codes = tuple(
        issue_coupons(world.db, world.owner, templates[i],
                      world.members[member] if member and own else None)[0].code
        for i, own in coupon_picks
    )
    cart = CartRequest(tuple(lines), world.members[member] if member else None, codes)
    before = snapshot(world.db)
    try:
        bd = quote(world.db, world.cashier, cart)
    except UserError as exc:
        assert exc.code.startswith("coupon_") or exc.code == "amount_too_large", exc.code
        return
    left = bd.payable
    tenders: list[TenderRequest] = []
    if member and bd.points is not None:
        pay = Money(bd.points.max_value.fen * points_permille // 1000)
        if pay and bd.points.points_for(pay) >= bd.points.min_points:
            tenders.append(TenderRequest(TenderKind.POINTS, pay))
            left -= pay
    if member and left:
        p, b, _ = world.balances(member)
        sv = Money(min(left.fen, (p + b).fen) * sv_permille // 1000)
        if sv:
            tenders.append(TenderRequest(TenderKind.STORED_VALUE, sv))
            left -= sv
    if left:
        tenders.append(TenderRequest(kind, left + Money(extra if kind is TenderKind.CASH else 0)))
    event(f"tenders={len(tenders)} refund={refund is not None}")
    result = checkout(world.db, world.cashier, type_request(cart, tenders))
    assert snapshot(world.db) != before

    with world.db.reader() as uow:
        s = uow.session
        paid = s.scalar(select(func.sum(Tender.amount)).where(Tender.sale_id == result.sale_id))
        nets = s.scalar(select(func.sum(SaleLine.net_amount)).where(SaleLine.sale_id == result.sale_id))
        assert (paid or Money(0)) == result.payable == bd.payable
        assert (nets or Money(0)) == result.payable
        for m in s.scalars(select(Member)):
            assert m.sv_principal.fen >= 0 and m.sv_bonus.fen >= 0 and m.points_balance >= 0
    assert sum(a.amount.fen for a in result.receipt.tenders) == result.payable.fen

    if refund is not None:
        balances = world.balances(member) if member else None
        chosen = None if refund == "all" else tuple(
            (n, 1) for n in refund if isinstance(refund, list) and n <= len(lines))
        if chosen == ():
            return
        r = world.refund(result.sale_no, lines=chosen, deduct_spent_points=True)
        assert 0 <= r.amount.fen <= result.payable.fen
        if chosen is None and member and balances is not None and not r.receipt.notes[2:]:
            # a whole refund with nothing deducted puts the member back where they were
            before_sale = next(x for x in before["balances"] if x[0] == world.members[member])
            now = world.balances(member)
            assert (now[0].fen, now[1].fen, now[2]) == tuple(before_sale[1:4])
    assert check_database(world.db) == []


def type_request(cart: CartRequest, tenders: list[TenderRequest]):  # type: ignore[no-untyped-def]
    from memberdesk.services.checkout.sale import CheckoutRequest

    return CheckoutRequest(cid(), cart, tuple(tenders))
