"""Gross margin (毛利): integer fen in, per-mille out, nothing guessed without a cost."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, strategies as st

from memberdesk.domain.margin import cost_above_price, cost_of, gross_margin_permille, margin_text


def test_margin_in_thousandths_and_as_text() -> None:
    assert gross_margin_permille(1000, 650) == 350
    assert margin_text(gross_margin_permille(1000, 650)) == "35.0%"
    assert gross_margin_permille(300, 200) == 333  # 33.33...% rounds down
    assert gross_margin_permille(300, 100) == 667  # 66.66...% rounds up
    assert margin_text(gross_margin_permille(500, 600)) == "-20.0%"  # sold at a loss
    assert gross_margin_permille(1000, 0) == 1000


def test_no_cost_or_nothing_taken_is_no_margin() -> None:
    assert gross_margin_permille(1000, None) is None
    assert gross_margin_permille(0, 100) is None
    assert gross_margin_permille(-500, 100) is None  # more refunded than sold
    assert margin_text(None) == ""
    assert cost_of(None, 3) is None
    assert cost_of(250, 3) == 750
    assert cost_of(250, -1) == -250  # a net refund takes its cost back


def test_cost_above_price_is_only_a_warning_rule() -> None:
    assert cost_above_price(400, 350)
    assert not cost_above_price(350, 350)
    assert not cost_above_price(None, 350)


@given(st.integers(1, 10**12), st.integers(0, 10**12))
def test_margin_is_the_rounded_exact_fraction(net: int, cost: int) -> None:
    permille = gross_margin_permille(net, cost)
    assert permille is not None
    exact = Fraction((net - cost) * 1000, net)
    assert abs(permille - exact) <= Fraction(1, 2)
