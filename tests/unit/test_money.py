"""Money: exact fen, parsing and formatting at the edges, largest-remainder allocation."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from memberdesk.money import MAX_FEN, Money, MoneyError, Rounding, allocate


@pytest.mark.parametrize(
    ("text", "fen"),
    [
        ("12", 1200),
        ("12.5", 1250),
        ("12.50", 1250),
        ("0.01", 1),
        (".5", 50),
        ("¥1,234.56", 123456),
        (" ￥ 3 ", 300),
        ("8元", 800),
        ("0", 0),
    ],
)
def test_parse_accepts_what_people_type(text: str, fen: int) -> None:
    assert Money.parse(text).fen == fen


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "not_a_number"),
        ("abc", "not_a_number"),
        ("1.2.3", "not_a_number"),
        ("12.345", "too_many_decimals"),
        ("-5", "negative"),
        ("1e5", "not_a_number"),
        ("100000001", "too_large"),
        ("NaN", "not_a_number"),
        ("inf", "not_a_number"),
        (".", "not_a_number"),
    ],
)
def test_parse_refuses_bad_text(text: str, code: str) -> None:
    with pytest.raises(MoneyError) as err:
        Money.parse(text)
    assert err.value.code == code


def test_negative_only_when_allowed() -> None:
    assert Money.parse("-5.10", allow_negative=True).fen == -510


def test_no_float_ever() -> None:
    with pytest.raises(TypeError):
        Money(1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Money(True)  # bool is an int subclass but not money
    with pytest.raises(TypeError):
        _ = Money(100) * 1.5  # type: ignore[operator]


def test_format() -> None:
    assert Money(123456).yuan() == "1234.56"
    assert Money(-5).yuan() == "-0.05"
    assert Money(123456).display() == "¥1,234.56"
    assert str(Money(7)) == "¥0.07"
    assert Money(1999).to_decimal().as_tuple().exponent == -2


def test_percent_and_rounding_modes() -> None:
    assert Money(999).percent(880) == Money(879)  # 8.7912 down
    assert Money(999).percent(880, Rounding.HALF_UP) == Money(879)
    assert Money(1005).percent(500, Rounding.HALF_UP) == Money(503)
    assert Money(1005).percent(500) == Money(502)
    assert Money(1234).round_to(10) == Money(1230)  # drop fen
    assert Money(1299).round_to(100) == Money(1200)  # drop jiao
    assert Money(1235).round_to(10, Rounding.HALF_UP) == Money(1240)


@given(st.integers(min_value=-MAX_FEN, max_value=MAX_FEN))
def test_yuan_round_trip(fen: int) -> None:
    assert Money.parse(Money(fen).yuan(), allow_negative=True) == Money(fen)
    assert Money.parse(Money(fen).display(), allow_negative=True) == Money(fen)


@given(
    st.integers(min_value=-10**9, max_value=10**9),
    st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=30),
)
def test_allocate_parts_sum_to_whole(total: int, weights: list[int]) -> None:
    parts = allocate(Money(total), weights)
    assert len(parts) == len(weights)
    assert sum(p.fen for p in parts) == total
    # Every part is within one fen of its exact proportional share.
    wsum = sum(weights) or len(weights)
    ws = weights if sum(weights) else [1] * len(weights)
    for part, w in zip(parts, ws, strict=True):
        exact = abs(total) * w / wsum
        assert abs(abs(part.fen) - exact) < 1
        assert part.fen == 0 or (part.fen > 0) == (total > 0)


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=50))
def test_allocate_is_deterministic_and_fair_on_equal_weights(total: int, n: int) -> None:
    parts = allocate(Money(total), [1] * n)
    assert parts == allocate(Money(total), [1] * n)
    assert max(parts).fen - min(parts).fen <= 1
    assert parts == sorted(parts, reverse=True)  # ties go to the earlier weight


def test_allocate_rejects_bad_weights() -> None:
    with pytest.raises(ValueError):
        allocate(Money(100), [])
    with pytest.raises(ValueError):
        allocate(Money(100), [1, -1])
