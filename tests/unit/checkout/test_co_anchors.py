"""ANCHORS.md, "Their users' worst problems" 1–11: one test each showing it cannot
happen here. (Problem 6 also has a real two-process test in
tests/integration/checkout/test_co_concurrency.py.)"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from memberdesk.models import PointsEntry, PointsLot
from memberdesk.models.enums import CouponKind, PointsKind, TenderKind
from memberdesk.money import Money
from memberdesk.services.backup.integrity import check_database
from memberdesk.services.checkout.cart import CartLine, CartRequest, quote
from memberdesk.services.checkout.sale import checkout
from memberdesk.services.coupons.core import (
    CouponTemplateDraft,
    create_coupon_template,
    issue_coupons,
)
from memberdesk.services.shared.errors import ConflictError, ValidationError
from memberdesk.services.shifts import shift as shifts
from memberdesk.services.stored_value.prepaid import prepaid_position
from tests.checkout_support.kit import World, cid, snapshot, yuan


def test_1_refund_takes_back_earned_points(world: World) -> None:
    sale = world.sell([("BEER", 5)], [(TenderKind.CASH, "30")], member="alice")
    assert sale.points_earned == 30
    assert world.balances("alice")[2] == 30
    r = world.refund(sale.sale_no)
    assert r.points_taken_back == 30
    assert world.balances("alice")[2] == 0
    with world.db.reader() as uow:
        kinds = [e.kind for e in uow.session.scalars(
            select(PointsEntry).where(PointsEntry.sale_id == sale.sale_id))]
    assert kinds == [PointsKind.EARN, PointsKind.EARN_REVERSAL]
    assert check_database(world.db) == []


def test_2_refunding_a_points_paid_order_returns_the_points_once(world: World) -> None:
    world.give_points("alice", 1000)
    sale = world.sell([("BEER", 5)], [(TenderKind.POINTS, "10"), (TenderKind.CASH, "20")],
                      member="alice")
    assert sale.points_redeemed == 1000  # 100 points per yuan
    assert sale.points_earned == 20  # the points-paid part earns nothing
    assert world.balances("alice")[2] == 20
    r = world.refund(sale.sale_no)
    assert r.points_returned == 1000 and r.points_taken_back == 20
    assert world.balances("alice")[2] == 1000  # exactly as before the sale
    assert r.amount == yuan("30")
    assert {t.label: t.amount for t in r.tenders} == {"积分抵现": yuan("10"), "现金": yuan("20")}
    with pytest.raises(ValidationError) as err:
        world.refund(sale.sale_no)
    assert err.value.code == "already_refunded"
    assert world.balances("alice")[2] == 1000
    assert check_database(world.db) == []


def test_3_redeemed_points_are_always_consumed(world: World) -> None:
    world.give_points("alice", 500)
    req = world.request([("COLA", 2)], [(TenderKind.POINTS, "2"), (TenderKind.CASH, "5")],
                        member="alice")
    first = checkout(world.db, world.cashier, req)
    again = checkout(world.db, world.cashier, req)  # the till retries: no second redemption
    assert again.replayed and again.sale_id == first.sale_id
    assert world.balances("alice")[2] == 300 + first.points_earned
    with world.db.reader() as uow:
        remaining = list(uow.session.scalars(select(PointsLot.remaining).order_by(PointsLot.id)))
    assert remaining[0] == 300  # the opening lot gave the 200 points
    assert check_database(world.db) == []


def test_4_a_sale_cannot_be_edited_only_reversed_and_reversal_restores(world: World) -> None:
    world.recharge("alice", "50")
    world.give_points("alice", 300)
    before = world.balances("alice")
    sale = world.sell([("CHIPS", 2)], [(TenderKind.STORED_VALUE, "15.60"),
                                       (TenderKind.POINTS, "2")], member="alice")
    with world.db.uow() as uow, pytest.raises(DBAPIError):
        uow.session.execute(text("DELETE FROM points_entries WHERE sale_id = :s"),
                            {"s": sale.sale_id})
    with world.db.uow() as uow, pytest.raises(DBAPIError):
        uow.session.execute(text("UPDATE stored_value_entries SET principal_delta = 0"))
    world.refund(sale.sale_no)
    assert world.balances("alice") == before
    assert check_database(world.db) == []


def test_5_pricing_or_abandoning_a_sale_moves_no_points_or_balance(world: World) -> None:
    world.recharge("alice", "100")
    world.give_points("alice", 800)
    before, snap = world.balances("alice"), snapshot(world.db)
    cart = CartRequest((CartLine(product="COLA", qty=3),), world.members["alice"])
    for _ in range(3):  # the cart is "suspended" and "resumed": only quotes
        assert quote(world.db, world.cashier, cart).payable == yuan("10.50")
    with pytest.raises(ValidationError):  # an attempt that fails half-way writes nothing
        world.sell([("COLA", 3)], [(TenderKind.STORED_VALUE, "5"), (TenderKind.POINTS, "5")],
                   member="alice")
    assert world.balances("alice") == before and snapshot(world.db) == snap
    sale = world.sell([("COLA", 3)], [(TenderKind.STORED_VALUE, "5.50"),
                                      (TenderKind.POINTS, "5")], member="alice")
    assert world.balances("alice") == (yuan("94.50"), Money(0), 300 + sale.points_earned)


def test_6_one_balance_cannot_be_spent_twice(world: World) -> None:
    world.recharge("alice", "10")
    first = world.request([("BEER", 1)], [(TenderKind.STORED_VALUE, "6")], member="alice")
    second = world.request([("BEER", 1)], [(TenderKind.STORED_VALUE, "6")], member="alice")
    checkout(world.db, world.cashier, first)
    with pytest.raises(ValidationError) as err:
        checkout(world.db, world.manager, second)
    assert err.value.code == "insufficient_stored_value"
    assert world.balances("alice")[0] == yuan("4")


def test_7_coupon_and_stored_value_cannot_be_redeemed_twice(world: World) -> None:
    tid = create_coupon_template(world.db, world.owner, CouponTemplateDraft(
        "GIFT10", "10元券", CouponKind.AMOUNT_OFF, value=yuan("10")))
    code = issue_coupons(world.db, world.owner, tid, world.members["alice"])[0].code
    world.recharge("alice", "100")
    sale = world.sell([("WASH", 1)], [(TenderKind.STORED_VALUE, "20")], member="alice",
                      coupons=(code,))
    with pytest.raises(ValidationError) as err:
        world.sell([("WASH", 1)], [(TenderKind.CASH, "20")], member="alice", coupons=(code,))
    assert err.value.code == "coupon_used"
    world.refund(sale.sale_no)  # restores the coupon (setting) and the stored value
    assert world.balances("alice")[:2] == (yuan("100"), Money(0))
    world.sell([("WASH", 1)], [(TenderKind.STORED_VALUE, "20")], member="alice", coupons=(code,))
    with pytest.raises(ValidationError):
        world.sell([("WASH", 1)], [(TenderKind.CASH, "20")], member="alice", coupons=(code,))
    with pytest.raises(ValidationError) as err:
        world.refund(sale.sale_no)
    assert err.value.code == "already_refunded"
    assert world.balances("alice")[:2] == (yuan("80"), Money(0))
    assert check_database(world.db) == []


def test_8_prepaid_money_is_counted_once(world: World) -> None:
    world.recharge("alice", "100")
    world.sell([("WASH", 2)], [(TenderKind.STORED_VALUE, "60")], member="alice")
    world.sell([("COLA", 2)], [(TenderKind.WECHAT, "7")])
    pos = prepaid_position(world.db, world.owner, _today(world))
    assert pos.money_received == yuan("107")  # 100 recharge + 7 WeChat, not 167
    assert pos.sales_revenue == yuan("67")
    assert pos.recharged_principal == yuan("100")
    assert pos.stored_value_spent == yuan("60")
    assert pos.outstanding_principal == yuan("40")


def _today(world: World) -> date:
    from memberdesk.services.shared import clock

    with world.db.reader() as uow:
        return clock.business_date(uow.session, clock.now())


def test_9_the_tier_in_the_database_decides_the_price(world: World) -> None:
    cart = [("COLA", 1), ("CHIPS", 1), ("CIG", 1)]
    normal = world.sell(cart, [(TenderKind.CASH, "57.30")], member="alice")
    assert normal.payable == yuan("57.30")  # no tier benefit for a normal member
    gold = world.sell(cart, [(TenderKind.CASH, "56.36")], member="bob")
    # cola member price 3.00; chips 95折 = 8.36; cigarettes are not discountable
    assert gold.payable == yuan("56.36")
    assert world.member("bob").total_spent == yuan("56.36")
    world.refund(gold.sale_no, lines=((2, 1),))
    assert world.member("bob").total_spent == yuan("48.00")  # tier progress reversed too
    world.set_tier("bob", "normal")
    assert world.sell([("COLA", 1)], [(TenderKind.CASH, "3.50")], member="bob").payable == yuan("3.50")


def test_10_points_can_pay_a_whole_bill_with_fen(world: World) -> None:
    world.set_settings(points__redeem_points_per_yuan=10, points__redeem_max_percent=100,
                       points__redeem_min_points=0)
    world.give_points("alice", 1000)
    sale = world.sell([("CHIPS", 1), ("COLA", 2)], [(TenderKind.POINTS, "15.80")], member="alice")
    assert sale.payable == yuan("15.80") and sale.points_redeemed == 158
    odd = world.sell([CartLine(amount=yuan("0.01"), description="找零糖")],
                     [(TenderKind.POINTS, "0.01")], member="alice")
    assert odd.points_redeemed == 1  # one point covers the odd fen
    assert world.balances("alice")[2] == 1000 - 158 - 1
    assert world.refund(sale.sale_no).points_returned == 158
    assert check_database(world.db) == []


def test_11_shift_close_records_the_count_as_counted_and_can_be_blind(world: World) -> None:
    world.sell([("BEER", 1)], [(TenderKind.CASH, "10")])  # 6.00 cash in, change 4.00
    world.sell([("COLA", 1)], [(TenderKind.ALIPAY, "3.50")])
    closed = shifts.close_shift(world.db, world.cashier, {TenderKind.CASH: yuan("205.50")})
    cash = {a.kind: a for a in closed.amounts}[TenderKind.CASH]
    assert cash.expected == yuan("206") and cash.counted == yuan("205.50")
    assert cash.variance == yuan("-0.50")  # short by 5 jiao, recorded, not forced
    alipay = {a.kind: a for a in closed.amounts}[TenderKind.ALIPAY]
    assert alipay.expected == alipay.counted == yuan("3.50")

    world.set_settings(shift__blind_close=True)
    shifts.open_shift(world.db, world.cashier, yuan("100"))
    world.sell([("BEER", 1)], [(TenderKind.CASH, "6")])
    now = shifts.current_shift(world.db, world.cashier)
    assert now is not None and all(a.expected is None for a in now.amounts)  # blind
    blind = shifts.close_shift(world.db, world.cashier, {TenderKind.CASH: yuan("110")})
    assert all(a.expected is None and a.variance is None for a in blind.amounts)
    seen = shifts.verify_shift(world.db, world.manager, blind.id)
    cash = {a.kind: a for a in seen.amounts}[TenderKind.CASH]
    assert (cash.expected, cash.counted, cash.variance) == (yuan("106"), yuan("110"), yuan("4"))
    with pytest.raises(ValidationError) as err:  # no shift, no payments
        world.sell([("BEER", 1)], [(TenderKind.CASH, "6")])
    assert err.value.code == "no_open_shift"


def test_same_client_id_with_another_payload_is_refused(world: World) -> None:
    key = cid()
    world.sell([("COLA", 1)], [(TenderKind.CASH, "5")], client_id=key)
    with pytest.raises(ConflictError):
        world.sell([("COLA", 2)], [(TenderKind.CASH, "10")], client_id=key)
