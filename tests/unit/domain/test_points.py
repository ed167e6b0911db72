"""Points to money and back, and a lot's expiry date: the one home of each rule
(memberdesk.domain.points), used by the counter window, checkout, refunds, recharge
and the member import alike."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings, strategies as st

from memberdesk.domain.points import expires_on, points_for_value, value_of_points
from memberdesk.money import Money


def test_a_value_takes_whole_points_rounded_up_and_points_are_worth_rounded_down() -> None:
    # 30 points a yuan: one point is 3.33 fen.
    assert points_for_value(Money(1), 30) == 1
    assert points_for_value(Money(100), 30) == 30
    assert points_for_value(Money(101), 30) == 31
    assert value_of_points(1, 30) == Money(3)
    assert value_of_points(28, 30) == Money(93)  # 93.33 fen: never the 94th
    assert value_of_points(30, 30) == Money(100)
    assert points_for_value(Money(0), 30) == 0 and value_of_points(0, 30) == Money(0)


@settings(max_examples=300, deadline=None)
@given(points=st.integers(0, 10**7), rate=st.integers(1, 100_000))
def test_points_are_worth_what_they_can_pay_and_no_fen_more(points: int, rate: int) -> None:
    value = value_of_points(points, rate)
    assert points_for_value(value, rate) <= points  # they can pay it
    assert points_for_value(value + Money(1), rate) > points  # and not a fen more


def test_a_lot_expires_validity_days_after_the_day_it_was_earned() -> None:
    assert expires_on(date(2026, 12, 3), 365) == date(2027, 12, 3)
    assert expires_on(date(2028, 2, 29), 1) == date(2028, 3, 1)
    assert expires_on(date(2027, 12, 31), 1) == date(2028, 1, 1)
    assert expires_on(date(2026, 12, 3), 0) is None  # 0: points never expire
