"""A busy day at the test shop, made through the real services, with what each
service returned kept for the report tests to compare against."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import pytest

from memberdesk.models.enums import CashMoveKind, CouponKind, TenderKind
from memberdesk.money import Money
from memberdesk.services.checkout.cart import CartLine, CartRequest, quote
from memberdesk.services.checkout.sale import CheckoutResult
from memberdesk.services.coupons.core import (
    CouponTemplateDraft,
    create_coupon_template,
    issue_coupons,
)
from memberdesk.services.refund_core.steps import RefundResult
from memberdesk.services.shared import clock
from memberdesk.services.shared.context import Actor
from memberdesk.services.shifts import shift as shifts
from memberdesk.services.stored_value.recharge import (
    RechargeResult,
    RechargeRuleDraft,
    create_recharge_rule,
)
from tests.checkout_support.kit import World, yuan


@dataclass
class Busy:
    w: World
    today: date
    sales: list[CheckoutResult] = field(default_factory=list)
    recharges: list[RechargeResult] = field(default_factory=list)
    refunds: list[RefundResult] = field(default_factory=list)
    coupon_template: int = 0
    coupon_codes: list[str] = field(default_factory=list)


def payable(w: World, lines: list[tuple[str, int]], member: str | None = None,
            coupons: tuple[str, ...] = ()) -> Money:
    cart = CartRequest(tuple(CartLine(product=c, qty=q) for c, q in lines),
                       w.members[member] if member else None, coupons)
    return quote(w.db, w.cashier, cart).payable


def pay(w: World, lines: list[tuple[str, int]], kind: TenderKind, member: str | None = None,
        coupons: tuple[str, ...] = (), actor: Actor | None = None) -> CheckoutResult:
    amount = payable(w, lines, member, coupons)
    return w.sell(lines, [(kind, amount.yuan())], member=member, coupons=coupons, actor=actor)


def business_today(w: World) -> date:
    with w.db.reader() as r:
        return clock.business_date(r.session, clock.now())


def busy_day(w: World) -> Busy:
    b = Busy(w, business_today(w))
    create_recharge_rule(w.db, w.owner, RechargeRuleDraft("充200送20", yuan("200"), yuan("20")))
    b.coupon_template = create_coupon_template(w.db, w.owner, CouponTemplateDraft(
        "GIFT5", "5元券", CouponKind.AMOUNT_OFF, value=yuan("5")))
    b.coupon_codes = [c.code for c in issue_coupons(
        w.db, w.owner, b.coupon_template, w.members["alice"], 3)]
    b.recharges.append(w.recharge("alice", "200"))  # +20 bonus by the rule
    b.recharges.append(w.recharge("bob", "50", TenderKind.WECHAT))
    w.give_points("carol", 500, days=10)
    w.give_points("carol", 300, days=200)
    b.sales.append(pay(w, [("COLA", 2), ("CHIPS", 1)], TenderKind.STORED_VALUE, "alice",
                       (b.coupon_codes[0],)))
    b.sales.append(w.sell([("BEER", 2)], [(TenderKind.CASH, "20")]))
    b.sales.append(pay(w, [("WASH", 1)], TenderKind.WECHAT, "bob"))
    b.sales.append(pay(w, [("COLA", 1), ("WASH", 1)], TenderKind.STORED_VALUE, "alice"))
    rest = payable(w, [("CHIPS", 1)], "carol") - yuan("2")
    b.sales.append(w.sell([("CHIPS", 1)], [(TenderKind.POINTS, "2.00"), (TenderKind.CASH, rest.yuan())],
                          member="carol"))
    b.sales.append(pay(w, [("CIG", 1)], TenderKind.ALIPAY, actor=w.manager))
    b.refunds.append(w.refund(b.sales[1].sale_no, reason="酒是温的"))
    b.refunds.append(w.refund(b.sales[3].sale_no, lines=((1, 1),), reason="少给一瓶"))
    shifts.cash_move(w.db, w.cashier, CashMoveKind.CASH_OUT, yuan("50"), "交给老板")
    shifts.cash_move(w.db, w.cashier, CashMoveKind.CASH_IN, yuan("10.50"), "补零钱")
    return b


def shift_no(w: World, actor: Actor) -> str:
    cur = shifts.current_shift(w.db, actor)
    assert cur is not None
    return cur.shift_no


def _at(monkeypatch: pytest.MonkeyPatch, real: Callable[[], datetime], days: int) -> None:
    monkeypatch.setattr(clock, "now", lambda: real() + timedelta(days=days))


def three_days(w: World, monkeypatch: pytest.MonkeyPatch) -> dict[int, Money]:
    """Alice's stored value after each of three days (two days ago .. today)."""
    real = clock.now
    after: dict[int, Money] = {}
    _at(monkeypatch, real, -2)
    after[-2] = w.recharge("alice", "300").sv_balance
    after[-2] = pay(w, [("WASH", 2)], TenderKind.STORED_VALUE, "alice").sv_balance or Money(0)
    _at(monkeypatch, real, -1)
    sale = pay(w, [("COLA", 3), ("CHIPS", 2)], TenderKind.STORED_VALUE, "alice")
    after[-1] = w.refund(sale.sale_no, lines=((2, 1),)).sv_balance or Money(0)
    _at(monkeypatch, real, 0)
    after[0] = pay(w, [("BEER", 1)], TenderKind.STORED_VALUE, "alice").sv_balance or Money(0)
    monkeypatch.setattr(clock, "now", real)
    return after
