"""The one tier rule (domain.tiers), shared by the daily evaluation and the checkout:
exactly at the threshold, one fen below, a zero-threshold base tier, the review with
the keep threshold, the lock; and the birthday date (29 February in common years)."""

from __future__ import annotations

from datetime import date

import pytest

from memberdesk.domain.tiers import (
    BirthdayMode,
    TierMove,
    TierReason,
    TierStep,
    birthday_due,
    birthday_in,
    evaluate,
    is_locked,
    keep_threshold,
    month_days,
    qualified,
    review_due,
    upgrade,
    window_start,
)
from memberdesk.money import Money

NORMAL, SILVER, GOLD = (TierStep(1, 1, Money(0)), TierStep(2, 2, Money(100_000)),
                        TierStep(3, 3, Money(500_000)))
TIERS = (GOLD, NORMAL, SILVER)  # any order


def test_upgrade_exactly_at_the_threshold_and_not_one_fen_below() -> None:
    assert upgrade(TIERS, NORMAL.id, Money(99_999)) is None
    assert upgrade(TIERS, NORMAL.id, Money(100_000)) == TierMove(1, 2, TierReason.UPGRADE)
    assert upgrade(TIERS, NORMAL.id, Money(500_000)) == TierMove(1, 3, TierReason.UPGRADE)
    assert upgrade(TIERS, SILVER.id, Money(499_999)) is None  # never down at an upgrade
    assert upgrade(TIERS, GOLD.id, Money(0)) is None


def test_zero_threshold_base_tier_is_where_nothing_spent_lands() -> None:
    assert qualified(TIERS, Money(0)) == NORMAL
    assert upgrade(TIERS, NORMAL.id, Money(0)) is None
    # A shop whose lowest tier has a threshold: spending nothing still lands on it.
    assert qualified((TierStep(7, 1, Money(500)), TierStep(8, 2, Money(900))), Money(0)).id == 7


def test_review_renews_at_the_keep_threshold_and_downgrades_below() -> None:
    ev = dict(keep_percent=80, due=True, locked=False)
    assert keep_threshold(GOLD, 80) == Money(400_000)
    assert evaluate(TIERS, GOLD.id, Money(400_000), **ev) == TierMove(3, 3, TierReason.RENEW)
    # Below gold's keep but at silver's keep (80 000): down to silver, not to the bottom.
    assert evaluate(TIERS, GOLD.id, Money(399_999), **ev) == TierMove(3, 2, TierReason.DOWNGRADE)
    assert evaluate(TIERS, GOLD.id, Money(80_000), **ev) == TierMove(3, 2, TierReason.DOWNGRADE)
    assert evaluate(TIERS, GOLD.id, Money(79_999), **ev) == TierMove(3, 1, TierReason.DOWNGRADE)
    assert evaluate(TIERS, NORMAL.id, Money(0), **ev) is None  # the lowest needs no keeping


def test_no_downgrade_before_the_term_ends_and_none_while_locked() -> None:
    assert evaluate(TIERS, GOLD.id, Money(0), keep_percent=100, due=False, locked=False) is None
    assert evaluate(TIERS, GOLD.id, Money(0), keep_percent=100, due=True, locked=True) is None
    assert evaluate(TIERS, NORMAL.id, Money(10**9), keep_percent=100, due=False,
                    locked=True) is None
    assert evaluate(TIERS, NORMAL.id, Money(100_000), keep_percent=100, due=False,
                    locked=False) == TierMove(1, 2, TierReason.UPGRADE)


def test_a_refund_moves_down_only_below_the_keep_threshold_and_is_no_renewal() -> None:
    ev = dict(keep_percent=80, due=False, locked=False, refunded=True)
    assert evaluate(TIERS, SILVER.id, Money(80_000), **ev) is None
    assert evaluate(TIERS, SILVER.id, Money(79_999), **ev) == TierMove(2, 1, TierReason.DOWNGRADE)
    assert evaluate(TIERS, SILVER.id, Money(0), keep_percent=80, due=False, locked=True,
                    refunded=True) is None


def test_window_term_and_lock_dates() -> None:
    day = date(2026, 3, 10)
    assert window_start(day, 1) == day
    assert window_start(day, 30) == date(2026, 2, 9)
    assert not review_due(date(2026, 2, 8), 30, day - date.resolution)  # 30 days on
    assert review_due(date(2026, 2, 8), 30, day)
    assert is_locked(day, day) and not is_locked(date(2026, 3, 9), day)
    assert not is_locked(None, day)


@pytest.mark.parametrize(("year", "expected"), [
    (2027, date(2027, 2, 28)), (2028, date(2028, 2, 29)), (2100, date(2100, 2, 28)),
])
def test_29_february_birthdays_fall_on_28_february_in_common_years(
    year: int, expected: date
) -> None:
    born = date(2000, 2, 29)
    assert birthday_in(born, year) == expected
    assert birthday_due(born, expected, BirthdayMode.DAY)
    assert not birthday_due(born, date(year, 3, 1), BirthdayMode.DAY)


def test_birthday_days_and_months() -> None:
    born = date(1990, 3, 12)
    assert birthday_due(born, date(2026, 3, 12), BirthdayMode.DAY)
    assert not birthday_due(born, date(2026, 3, 11), BirthdayMode.DAY)
    assert birthday_due(born, date(2026, 3, 1), BirthdayMode.MONTH)
    assert not birthday_due(born, date(2026, 4, 1), BirthdayMode.MONTH)
    assert month_days(date(2027, 2, 28), BirthdayMode.DAY) == ((2, 28), (2, 29))
    assert month_days(date(2028, 2, 28), BirthdayMode.DAY) == ((2, 28),)
    assert month_days(date(2028, 2, 29), BirthdayMode.DAY) == ((2, 29),)
    assert month_days(date(2028, 5, 9), BirthdayMode.MONTH) == ((5, 0),)


def test_birthday_multiplier_applies_on_the_birthday_on_top_of_the_tier() -> None:
    from memberdesk.domain.tiers import birthday_multiplier

    born = date(2000, 2, 29)
    assert birthday_multiplier(1500, born, date(2027, 2, 28), BirthdayMode.DAY, 2000) == 3000
    assert birthday_multiplier(1500, born, date(2027, 3, 1), BirthdayMode.DAY, 2000) == 1500
    assert birthday_multiplier(1000, born, date(2027, 2, 3), BirthdayMode.MONTH, 3000) == 3000
    assert birthday_multiplier(1000, None, date(2027, 2, 28), BirthdayMode.DAY, 2000) == 1000
