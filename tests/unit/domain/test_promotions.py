"""The promotion rules (pure): which member day and special price apply, and how they
meet the member price (the lowest price wins, never stacked)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from memberdesk.domain.campaigns import held_out
from memberdesk.domain.promotions import (
    Audience,
    MemberDay,
    Special,
    best_offer,
    combined_multiplier,
    member_day_for,
    percent_off,
    specials_for,
)

EVERYONE = Audience("seed")
MONDAY = date(2026, 3, 9)


def _day(cid: int, discount: int = 900, multiplier: int = 1000, *, weekday: int | None = 0,
         on_day: date | None = None, audience: Audience = EVERYONE) -> MemberDay:
    return MemberDay(cid, f"day{cid}", weekday, on_day, discount, multiplier, audience,
                     date(2026, 1, 1), date(2026, 12, 31))


def test_a_member_day_falls_on_its_weekday_or_date_inside_its_days_only() -> None:
    assert _day(1).falls_on(MONDAY) and not _day(1).falls_on(date(2026, 3, 10))
    on = _day(2, weekday=None, on_day=date(2026, 3, 10))
    assert on.falls_on(date(2026, 3, 10)) and not on.falls_on(MONDAY)
    assert not _day(1).falls_on(date(2027, 1, 4))  # a Monday after the last day


def test_the_member_day_given_is_the_largest_discount_and_never_to_a_non_member() -> None:
    days = [_day(1, 950, 3000), _day(2, 900, 1000), _day(3, 900, 2000)]
    assert member_day_for(days, MONDAY, 7, None) == days[2]
    assert member_day_for(days, MONDAY, None, None) is None
    assert member_day_for(days, date(2026, 3, 10), 7, None) is None


def test_tiers_and_the_hold_out_limit_who_is_admitted() -> None:
    gold = Audience("s", 0, frozenset({3}))
    assert gold.admits(7, 3) and not gold.admits(7, 1) and not gold.admits(None, None)
    half = Audience("seed-x", 500)
    for member_id in range(1, 40):
        assert half.admits(member_id, 1) is not held_out("seed-x", member_id, 500)
    assert Audience("s", 0).admits(None, None)  # no tier required: a walk-in may take part


def _special(cid: int, price: int, *, members_only: bool = False,
             audience: Audience = EVERYONE) -> Special:
    return Special(cid, f"sp{cid}", 5, price, datetime(2026, 3, 9, 14, tzinfo=UTC),
                   datetime(2026, 3, 9, 18, tzinfo=UTC), members_only, audience)


def test_a_special_price_is_open_from_its_start_to_just_before_its_end() -> None:
    sp = _special(1, 200)
    assert not sp.open_at(datetime(2026, 3, 9, 13, 59, 59, tzinfo=UTC))
    assert sp.open_at(datetime(2026, 3, 9, 14, tzinfo=UTC))
    assert sp.open_at(datetime(2026, 3, 9, 17, 59, 59, tzinfo=UTC))
    assert not sp.open_at(datetime(2026, 3, 9, 18, tzinfo=UTC))


def test_the_lowest_open_special_of_a_product_wins_and_members_only_skips_walk_ins() -> None:
    at = datetime(2026, 3, 9, 15, tzinfo=UTC)
    cheap, dear = _special(2, 150, members_only=True), _special(1, 200)
    assert specials_for([dear, cheap], at, 7, None)[5] == cheap
    assert specials_for([dear, cheap], at, None, None)[5] == dear
    assert specials_for([dear], datetime(2026, 3, 9, 18, tzinfo=UTC), 7, None) == {}


def test_the_lowest_price_wins_and_a_tie_keeps_the_member_price() -> None:
    # 2 x 3.50: member price 3.00 (1.00 off), special 3.20 (0.60 off): member wins
    assert best_offer(700, 2, 350, 100, 320, None, True).source == "member"
    # special 2.80 (1.40 off) beats it
    assert best_offer(700, 2, 350, 100, 280, None, True).off_fen == 140
    # member day 80% (1.40 off) ties the special: the special stays (listed first)
    assert best_offer(700, 2, 350, 100, 280, 800, True).source == "special"
    assert best_offer(700, 2, 350, 140, 280, 800, True).source == "member"
    # member day 85% (1.05 off) beats the member price's 1.00
    assert best_offer(700, 2, 350, 100, None, 850, True).source == "member_day"
    # not discountable: no member-day discount, a special price still applies
    assert best_offer(700, 2, 350, 0, None, 500, False).source == "none"
    assert best_offer(700, 2, 350, 0, 300, 500, False).source == "special"
    # a special at or above the price gives nothing
    assert best_offer(700, 2, 350, 0, 350, None, True).source == "none"


def test_percent_off_keeps_the_price_rounded_down_and_multipliers_multiply() -> None:
    assert percent_off(999, 900) == 100  # 8.991 -> pays 8.99
    assert percent_off(1000, 1000) == 0
    assert combined_multiplier(1500, 2000) == 3000
    assert combined_multiplier(1000, 1000) == 1000
