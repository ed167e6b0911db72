"""满赠 (pure): which gift a cart gets (threshold, window, members only, tiers,
hold-out, the highest threshold wins) and what a refund leaves kept."""

from __future__ import annotations

from datetime import UTC, datetime

from memberdesk.domain.campaigns import held_out
from memberdesk.domain.gifts import Gift, gift_for, kept_after, still_qualifies
from memberdesk.domain.promotions import Audience

START, END = datetime(2026, 3, 9, 0, tzinfo=UTC), datetime(2026, 3, 10, 0, tzinfo=UTC)
NOON = datetime(2026, 3, 9, 12, tzinfo=UTC)
EVERYONE = Audience("seed")


def _gift(cid: int, min_spend: int, *, members_only: bool = False,
          audience: Audience = EVERYONE) -> Gift:
    return Gift(cid, f"g{cid}", min_spend, 100 + cid, 1, START, END, members_only, audience)


def test_the_threshold_is_inclusive_and_the_window_half_open() -> None:
    g = _gift(1, 10_000)
    assert gift_for([g], NOON, None, None, 10_000) == g
    assert gift_for([g], NOON, None, None, 9_999) is None
    assert gift_for([g], START, None, None, 10_000) == g
    assert gift_for([g], END, None, None, 10_000) is None


def test_the_highest_threshold_reached_wins_then_the_oldest() -> None:
    a, b, c = _gift(1, 10_000), _gift(2, 20_000), _gift(3, 20_000)
    assert gift_for([a, b, c], NOON, None, None, 25_000) == b
    assert gift_for([c, b, a], NOON, None, None, 15_000) == a


def test_members_only_tiers_and_the_hold_out() -> None:
    members = _gift(1, 100, members_only=True)
    gold = _gift(2, 100, audience=Audience("seed", 0, frozenset({7})))
    assert gift_for([members, gold], NOON, None, None, 500) is None
    assert gift_for([members, gold], NOON, 5, 7, 500) in (members, gold)
    assert gift_for([gold], NOON, 5, 1, 500) is None
    seed = next(f"s{i}" for i in range(1000) if held_out(f"s{i}", 5, 500))
    half = _gift(3, 100, audience=Audience(seed, 500))
    assert gift_for([half], NOON, 5, 1, 500) is None
    assert gift_for([half], NOON, None, None, 500) == half  # a walk-in is never held out


def test_what_a_refund_leaves_kept_as_refunds_share_a_line() -> None:
    # 3 units for 10.00: a refund of one returns 3.33 (rounded down), 6.67 kept
    assert kept_after([(1000, 3, 2)]) == 667
    assert kept_after([(1000, 3, 3), (500, 1, 0)]) == 1000
    assert still_qualifies(1000, 1000) and not still_qualifies(1000, 999)
