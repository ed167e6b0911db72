"""Bad input: each gives a clear user error and writes nothing."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from memberdesk.models.enums import CouponKind, TenderKind
from memberdesk.money import Money
from memberdesk.services.checkout.cart import CartLine
from memberdesk.services.checkout.sale import checkout
from memberdesk.services.coupons.core import (
    CouponTemplateDraft,
    create_coupon_template,
    issue_coupons,
)
from memberdesk.services.pricing.tenders import TenderRequest
from memberdesk.services.shared.errors import UserError, ValidationError
from memberdesk.services.shared.requests import parse_amount
from memberdesk.services.stored_value.payment_password import set_payment_password
from memberdesk.services.stored_value.recharge import RechargeRequest, recharge
from tests.checkout_support.kit import World, cid, snapshot, yuan


def refused(world: World, action: Callable[[], object], code: str) -> UserError:
    before = snapshot(world.db)
    with pytest.raises(UserError) as err:
        action()
    assert err.value.code == code, err.value.message("en")
    assert err.value.message("zh_CN") and err.value.message("en")
    # the English message names things in English (a payment method's name too)
    assert not re.search(r"[\u4e00-\u9fff]", err.value.message("en")), err.value.message("en")
    assert snapshot(world.db) == before, "a refused action wrote something"
    return err.value


@pytest.mark.parametrize(
    ("text", "problem"),
    [("-5", "不能为负数"), ("abc", "不是数字"), ("1.234", "最多两位小数"), ("", "不是数字"),
     ("1e5", "不是数字"), ("99999999999", "金额过大"), ("NaN", "不是数字")],
)
def test_amount_text_is_parsed_strictly(text: str, problem: str) -> None:
    with pytest.raises(ValidationError) as err:
        parse_amount(text)
    assert err.value.code == "invalid_amount" and problem in err.value.message()


def test_bad_amounts_and_quantities_in_a_checkout(world: World) -> None:
    free = CartLine(amount=yuan("10"))
    cases: list[tuple[list[CartLine], list[tuple[TenderKind, str]], str]] = [
        ([CartLine(amount=Money(-100))], [(TenderKind.CASH, "1")], "invalid_amount"),
        ([CartLine(amount=Money(0))], [(TenderKind.CASH, "1")], "invalid_amount"),
        ([CartLine(amount=yuan("1000000"))], [(TenderKind.CASH, "1")], "amount_too_large"),
        ([CartLine(product="COLA", qty=0)], [(TenderKind.CASH, "1")], "invalid_qty"),
        ([CartLine(product="COLA", qty=-2)], [(TenderKind.CASH, "1")], "invalid_qty"),
        ([CartLine(product="COLA", qty=100000)], [(TenderKind.CASH, "1")], "invalid_qty"),
        ([CartLine(product="NOPE")], [(TenderKind.CASH, "5")], "product_not_found"),
        ([CartLine(product="COLA", amount=yuan("1"))], [(TenderKind.CASH, "5")],
         "line_product_or_amount"),
        ([], [(TenderKind.CASH, "5")], "empty_cart"),
        ([free], [(TenderKind.CASH, "9.99")], "tenders_mismatch"),
        ([free], [(TenderKind.WECHAT, "10.01")], "overpaid_non_cash"),
        ([free], [(TenderKind.WECHAT, "5"), (TenderKind.WECHAT, "5")], "duplicate_tender"),
        ([free], [(TenderKind.CASH, "5000")], "change_too_large"),
        ([free], [(TenderKind.WECHAT, "10"), (TenderKind.CASH, "5")], "tenders_mismatch"),
        ([free], [(TenderKind.STORED_VALUE, "10")], "member_required"),
        ([free], [(TenderKind.CASH, "0")], "invalid_amount"),
    ]
    for lines, tenders, code in cases:
        refused(world, lambda ln=lines, t=tenders: world.sell(ln, t), code)


def test_non_money_amounts_are_refused(world: World) -> None:
    req = world.request([CartLine(amount=yuan("5"))], [(TenderKind.CASH, "5")])
    bad = [TenderRequest(TenderKind.CASH, 5.0), TenderRequest(TenderKind.CASH, "5")]  # type: ignore[arg-type]
    for tender in bad:
        refused(world, lambda t=tender: checkout(world.db, world.cashier, type(req)(
            cid(), req.cart, (t,))), "invalid_amount")
    refused(world, lambda: world.sell([CartLine(amount=5)], [(TenderKind.CASH, "5")]),  # type: ignore[arg-type]
            "invalid_amount")


def test_member_balances_coupons_and_passwords(world: World) -> None:
    world.recharge("alice", "20")
    refused(world, lambda: world.sell([("CIG", 1)], [(TenderKind.STORED_VALUE, "45")],
                                      member="alice"), "insufficient_stored_value")
    refused(world, lambda: world.sell([("CIG", 1)], [(TenderKind.POINTS, "1"),
                                                     (TenderKind.CASH, "44")], member="alice"),
            "insufficient_points")
    refused(world, lambda: world.sell([("CIG", 1)], [(TenderKind.POINTS, "0.50"),
                                                     (TenderKind.CASH, "44.50")], member="alice"),
            "points_below_minimum")
    world.give_points("alice", 10_000)
    refused(world, lambda: world.sell([("CIG", 1)], [(TenderKind.POINTS, "40"),
                                                     (TenderKind.CASH, "5")], member="alice"),
            "points_over_cap")  # at most 50% of the bill by default
    refused(world, lambda: world.sell([("COLA", 1)], [(TenderKind.CASH, "5")], member="alice",
                                      coupons=("000000000000",)), "coupon_not_found")
    t = create_coupon_template(world.db, world.owner, CouponTemplateDraft(
        "C5", "满30减5", CouponKind.AMOUNT_OFF, value=yuan("5"), min_spend=yuan("30")))
    bobs = issue_coupons(world.db, world.owner, t, world.members["bob"])[0].code
    refused(world, lambda: world.sell([("WASH", 1)], [(TenderKind.CASH, "30")], member="alice",
                                      coupons=(bobs,)), "coupon_foreign")
    refused(world, lambda: world.sell([("COLA", 1)], [(TenderKind.CASH, "5")], member="bob",
                                      coupons=(bobs,)), "coupon_min_spend")
    set_payment_password(world.db, world.owner, world.members["alice"], "123456")
    refused(world, lambda: world.sell([("COLA", 1)], [(TenderKind.STORED_VALUE, "3.50")],
                                      member="alice"), "payment_password_required")


def test_wrong_payment_password_locks_after_five_tries(world: World) -> None:
    world.recharge("alice", "20")
    set_payment_password(world.db, world.owner, world.members["alice"], "123456")
    for left in (4, 3, 2, 1):
        with pytest.raises(UserError) as err:
            world.sell([("COLA", 1)], [(TenderKind.STORED_VALUE, "3.50")], member="alice",
                       password="000000")
        assert err.value.code == "payment_password_wrong" and err.value.params["left"] == left
    with pytest.raises(UserError) as err:
        world.sell([("COLA", 1)], [(TenderKind.STORED_VALUE, "3.50")], member="alice",
                   password="000000")
    assert err.value.code == "payment_password_locked"
    with pytest.raises(UserError) as err:  # even the right password waits out the lock
        world.sell([("COLA", 1)], [(TenderKind.STORED_VALUE, "3.50")], member="alice",
                   password="123456")
    assert err.value.code == "payment_password_locked"
    assert world.balances("alice")[0] == yuan("20")
    set_payment_password(world.db, world.owner, world.members["bob"], "654321")
    world.recharge("bob", "10")
    ok = world.sell([("COLA", 1)], [(TenderKind.STORED_VALUE, "3")], member="bob",
                    password="654321")
    assert ok.sv_balance == yuan("7")


def test_refund_mistakes(world: World) -> None:
    sale = world.sell([("COLA", 2), ("BEER", 1)], [(TenderKind.CASH, "13")])
    refused(world, lambda: world.refund(sale.sale_no, lines=((1, 3),)), "refund_exceeds_sold")
    refused(world, lambda: world.refund(sale.sale_no, lines=((9, 1),)), "sale_line_not_found")
    refused(world, lambda: world.refund(sale.sale_no, lines=((1, 0),)), "invalid_qty")
    refused(world, lambda: world.refund("S19990101-0001"), "sale_not_found")
    refused(world, lambda: world.refund(sale.sale_no, reason="  "), "reason_required")
    refused(world, lambda: world.refund(sale.sale_no, actor=world.cashier), "permission_denied")
    world.refund(sale.sale_no, lines=((1, 2),))
    refused(world, lambda: world.refund(sale.sale_no, lines=((1, 1),)), "refund_exceeds_sold")
    world.refund(sale.sale_no)
    refused(world, lambda: world.refund(sale.sale_no), "already_refunded")


def test_recharge_mistakes(world: World) -> None:
    def rc(amount: Money, kind: TenderKind = TenderKind.CASH, member: int | None = None) -> object:
        return recharge(world.db, world.cashier, RechargeRequest(
            cid(), member or world.members["alice"], amount, kind))

    refused(world, lambda: rc(yuan("5000.01")), "recharge_over_cap")
    refused(world, lambda: rc(Money(0)), "invalid_amount")
    refused(world, lambda: rc(Money(-1)), "invalid_amount")
    refused(world, lambda: rc(yuan("10"), TenderKind.STORED_VALUE), "tender_not_allowed")
    refused(world, lambda: rc(yuan("10"), TenderKind.POINTS), "tender_not_allowed")
    refused(world, lambda: rc(yuan("10"), member=999), "member_not_found")
    world.recharge("alice", "4000")
    refused(world, lambda: rc(yuan("1000.01")), "recharge_over_cap")
    refused(world, lambda: recharge(world.db, world.cashier, RechargeRequest(
        "short", world.members["alice"], yuan("1"), TenderKind.CASH)), "invalid_client_id")
