"""points_quote says why points cannot pay a sale (PointsQuote.unusable): the payment
dialog shows that reason beside 积分, from the same function that decides it."""

from __future__ import annotations

import pytest

from memberdesk.money import Money
from memberdesk.services.pricing.prices import PointsRule, points_quote


@pytest.mark.parametrize(("balance", "per_yuan", "minimum", "percent", "payable", "why"), [
    (5000, 100, 100, 0, 2000, "rule_off"),
    (0, 100, 100, 50, 2000, "no_points"),
    (80, 100, 100, 50, 2000, "below_minimum"),
    (5000, 100, 100, 50, 0, "nothing_to_pay"),
    (5000, 100, 100, 50, 150, "sale_too_small"),  # 50 % of ¥1.50 is 75 points
    (5000, 100, 100, 50, 2000, ""),
    (100, 100, 100, 50, 2000, ""),  # exactly the minimum
])
def test_the_quote_says_why_points_cannot_pay(
        balance: int, per_yuan: int, minimum: int, percent: int, payable: int, why: str) -> None:
    quote = points_quote(PointsRule(balance, per_yuan, minimum, percent), Money(payable))
    assert quote.unusable == why
    assert (quote.max_value.fen == 0) == bool(why)  # a reason exactly when nothing is usable
    assert quote.max_percent == percent
