"""Which recharge offer applies (memberdesk.domain.offers.offer_for): the rule the
dialog's preview and the recharge itself share. A rule's window is two instants:
from ``valid_from`` (included) until ``valid_to`` (excluded), so an offer that runs
"1 to 31 December" in a UTC+8 shop starts at 00:00 on the 1st and ends at 00:00 on
1 January, shop time: both days whole, whatever the computer's time zone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from memberdesk.domain.offers import offer_for, open_to
from memberdesk.money import Money

SHOP = timedelta(hours=8)  # Beijing time
TICK = timedelta(microseconds=1)


@dataclass(frozen=True)
class Rule:
    name: str
    threshold: Money
    bonus: Money
    bonus_points: int = 0
    tier_id: int | None = None
    active: bool = True
    valid_from: datetime | None = None
    valid_to: datetime | None = None


def shop_midnight(y: int, m: int, d: int) -> datetime:
    """00:00 of that day in the shop, as the aware UTC instant stored in the database."""
    return datetime(y, m, d, tzinfo=UTC) - SHOP


DECEMBER = Rule("充100送20", Money(10000), Money(2000),
                valid_from=shop_midnight(2026, 12, 1), valid_to=shop_midnight(2027, 1, 1))


def test_the_window_holds_its_first_and_last_shop_days_whole() -> None:
    first, after_last = shop_midnight(2026, 12, 1), shop_midnight(2027, 1, 1)
    assert offer_for([DECEMBER], Money(10000), None, first - TICK) is None  # 30 Nov 23:59:59
    assert offer_for([DECEMBER], Money(10000), None, first) is DECEMBER  # 1 Dec 00:00
    assert offer_for([DECEMBER], Money(10000), None, after_last - TICK) is DECEMBER  # 31 Dec 23:59:59
    assert offer_for([DECEMBER], Money(10000), None, after_last) is None  # 1 Jan 00:00: expired
    # 31 Dec 20:00 in the shop is still 31 Dec 12:00 UTC, and 1 Jan 01:00 in the shop
    # is 31 Dec 17:00 UTC: the shop's day decides, not UTC's.
    assert offer_for([DECEMBER], Money(10000), None, after_last - timedelta(hours=4)) is DECEMBER
    assert offer_for([DECEMBER], Money(10000), None, after_last + timedelta(hours=1)) is None


def test_the_highest_threshold_reached_wins_then_the_bonus_then_the_points() -> None:
    at = shop_midnight(2026, 12, 15)
    small = Rule("充100送10", Money(10000), Money(1000))
    big = Rule("充500送60", Money(50000), Money(6000))
    richer = Rule("充500送80", Money(50000), Money(8000))
    points = Rule("充500送80再送积分", Money(50000), Money(8000), bonus_points=500)
    rules = [small, big, richer, points]
    assert offer_for(rules, Money(9999), None, at) is None
    assert offer_for(rules, Money(10000), None, at) is small
    assert offer_for(rules, Money(49999), None, at) is small
    assert offer_for(rules, Money(50000), None, at) is points
    assert offer_for([small, big, richer], Money(99999), None, at) is richer


def test_an_expired_switched_off_or_other_tier_rule_never_applies() -> None:
    at = shop_midnight(2026, 12, 15)
    fallback = Rule("充50送5", Money(5000), Money(500))
    expired = Rule("充100送20", Money(10000), Money(2000), valid_to=at - timedelta(days=1))
    future = Rule("充100送30", Money(10000), Money(3000), valid_from=at + timedelta(days=1))
    off = Rule("充100送40", Money(10000), Money(4000), active=False)
    gold = Rule("金卡充100送50", Money(10000), Money(5000), tier_id=2)
    rules = [fallback, expired, future, off, gold]
    assert offer_for(rules, Money(10000), 1, at) is fallback
    assert offer_for(rules, Money(10000), 2, at) is gold
    assert [r.name for r in rules if open_to(r, 1, at)] == ["充50送5"]
