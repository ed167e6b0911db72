"""Points and money in refunds agree with the counter (memberdesk.domain.points):
spent earned points cost what they could pay, rounded down, and a sale paid with
points gets back exactly the points it took, however it is refunded."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

from memberdesk.domain.points import points_for_value, value_of_points
from memberdesk.models.enums import TenderKind
from memberdesk.money import Money
from memberdesk.services.backup.integrity import check_database
from memberdesk.services.checkout.cart import quote
from tests.checkout_support.kit import World, yuan


def test_spent_points_are_charged_what_they_could_pay_never_a_rounding_fen_more(
    world: World,
) -> None:
    # 30 points a yuan: one point is worth 3.33 fen, so rounding shows.
    world.set_settings(points__redeem_points_per_yuan=30, points__redeem_min_points=0,
                       points__redeem_max_percent=100)
    sale = world.sell([("WASH", 2)], [(TenderKind.CASH, "60")], member="alice")
    assert sale.points_earned == 120
    spend = world.sell([("COLA", 1)], [(TenderKind.POINTS, "1"), (TenderKind.CASH, "2.50")],
                       member="alice")
    assert spend.points_redeemed == 30
    left = world.balances("alice")[2]
    shortfall = sale.points_earned - left
    assert shortfall == 28  # 120 earned - 30 spent + 2 earned on the cash part
    r = world.refund(sale.sale_no, deduct_spent_points=True)
    # 28 points pay 0.93 at the counter (93.33 fen): the refund keeps back 0.93, not 0.94.
    assert value_of_points(shortfall, 30) == yuan("0.93")
    assert r.amount == yuan("60") - yuan("0.93") == yuan("59.07")
    assert check_database(world.db) == []


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(rate=st.integers(1, 1000), share=st.integers(1, 100), split=st.booleans())
def test_a_points_paid_sale_gets_back_exactly_the_points_it_took(
    world: World, rate: int, share: int, split: bool,
) -> None:
    world.set_settings(points__redeem_points_per_yuan=rate, points__redeem_min_points=0,
                       points__redeem_max_percent=100)
    _, _, have = world.balances("bob")
    if have < 200_000:
        world.give_points("bob", 200_000)
    goods = [("COLA", 1), ("BEER", 1), ("WASH", 1)]
    payable = quote(world.db, world.cashier, world.request(goods, [], "bob").cart).payable
    by_points = Money(payable.fen * share // 100) or Money(1)
    tenders = [(TenderKind.POINTS, by_points.yuan())]
    if by_points < payable:
        tenders.append((TenderKind.CASH, (payable - by_points).yuan()))
    before = world.balances("bob")[2]
    sale = world.sell(goods, tenders, member="bob")
    assert sale.payable == payable
    assert sale.points_redeemed == points_for_value(by_points, rate)
    parts = ([world.refund(sale.sale_no, lines=((1, 1),)), world.refund(sale.sale_no)]
             if split else [world.refund(sale.sale_no)])
    assert sum(p.points_returned for p in parts) == sale.points_redeemed
    assert sum(p.points_taken_back for p in parts) == sale.points_earned
    assert world.balances("bob")[2] == before
