"""The count-card rules shared by the window and the services."""

from __future__ import annotations

from datetime import date

from memberdesk.domain.count_cards import card_expires_on, is_expired, parse_pairs, unused_value


def test_expiry_by_days_or_end_date_whichever_first() -> None:
    sold = date(2026, 3, 10)
    assert card_expires_on(sold, 30, None) == date(2026, 4, 9)
    assert card_expires_on(sold, 30, date(2026, 3, 31)) == date(2026, 3, 31)
    assert card_expires_on(sold, None, date(2026, 12, 31)) == date(2026, 12, 31)
    assert card_expires_on(sold, None, None) is None
    assert not is_expired(date(2026, 4, 9), date(2026, 4, 9))
    assert is_expired(date(2026, 4, 9), date(2026, 4, 10))
    assert not is_expired(None, date(2099, 1, 1))


def test_unused_value_rounds_down() -> None:
    assert unused_value(25000, 7, 10) == 17500
    assert unused_value(10000, 1, 3) == 3333
    assert unused_value(10000, 0, 3) == 0
    assert unused_value(10000, 5, 0) == 0


def test_pairs() -> None:
    assert parse_pairs("WASH×10, CHIPS=2") == [("WASH", "10"), ("CHIPS", "2")]
    assert parse_pairs("gold=230，silver：240") == [("gold", "230"), ("silver", "240")]
    assert parse_pairs("") == []
    assert parse_pairs("WASH") is None
    assert parse_pairs("=3") is None
