"""Manual discounts (domain/discounts.py): typed text, the parts per line, the caps."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from memberdesk.domain.discounts import (
    DiscountTextError,
    ManualDiscount,
    ManualLine,
    manual_parts,
    parse_discount,
    percent_of,
    within_cap,
)
from memberdesk.money import Money


def test_typed_text_is_an_amount_or_a_percent() -> None:
    assert parse_discount("10%") == ManualDiscount(percent=10)
    assert parse_discount(" １０％ ") == ManualDiscount(percent=10)
    assert parse_discount("5.50") == ManualDiscount(amount=Money(550))
    assert parse_discount("") is None
    assert parse_discount("0") is None and parse_discount("0%") is None
    for bad in ("101%", "-5", "abc", "5.555", "%", "٣"):
        with pytest.raises(DiscountTextError):
            parse_discount(bad)


def test_line_discounts_then_the_order_discount_over_what_is_left() -> None:
    lines = [ManualLine(Money(1000), ManualDiscount(percent=10)), ManualLine(Money(500)),
             ManualLine(Money(200), ManualDiscount(amount=Money(999)))]
    # 10% of 10.00 = 1.00; 9.99 off 2.00 takes 2.00; then 1.00 off what is left (9.00, 5.00, 0)
    parts = manual_parts(lines, ManualDiscount(amount=Money(140)))
    assert parts == [Money(100 + 90), Money(50), Money(200)]


@given(st.lists(st.integers(0, 100_000), min_size=1, max_size=8), st.integers(1, 100),
       st.integers(1, 1_000_000))
def test_parts_add_up_and_never_pass_a_line(nets: list[int], percent: int, amount: int) -> None:
    for order in (ManualDiscount(percent=percent), ManualDiscount(amount=Money(amount))):
        lines = [ManualLine(Money(n)) for n in nets]
        parts = manual_parts(lines, order)
        assert all(0 <= p.fen <= n for p, n in zip(parts, nets, strict=True))
        assert sum(p.fen for p in parts) == order.off(Money(sum(nets))).fen


def test_caps_hold_on_both_the_percent_and_the_amount() -> None:
    assert percent_of(Money(101), Money(1000)) == 11  # rounded up: 10.1% is over 10%
    assert within_cap(Money(100), Money(1000), 10, Money(2000))
    assert not within_cap(Money(101), Money(1000), 10, Money(2000))
    assert not within_cap(Money(2001), Money(100_000), 10, Money(2000))
