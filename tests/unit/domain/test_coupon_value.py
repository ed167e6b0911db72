"""A coupon's offer in words: the same words in the window and on the recharge slip,
whose stored Chinese turns back into the English words."""

from __future__ import annotations

import pytest

from memberdesk.domain.coupon_value import english_of, value_words
from memberdesk.money import Money


@pytest.mark.parametrize(("kind", "value", "paid", "cap", "zh", "en"), [
    ("amount_off", Money(500), 1000, None, "减 ¥5.00", "¥5.00 off"),
    ("percent_off", Money(0), 800, None, "付 80%", "pay 80%"),
    ("percent_off", Money(0), 850, Money(2000), "付 85%，最多减 ¥20.00",
     "pay 85%, at most ¥20.00 off"),
    ("fixed_price_item", Money(100), 1000, None, "特价 ¥1.00", "at ¥1.00"),
])
def test_words_in_both_languages_and_back(kind: str, value: Money, paid: int,
                                          cap: Money | None, zh: str, en: str) -> None:
    assert value_words(kind, value, paid, cap, english=False) == zh
    assert value_words(kind, value, paid, cap, english=True) == en
    assert english_of(zh) == en


def test_other_text_is_left_alone() -> None:
    assert english_of("满100减20") == "满100减20"
