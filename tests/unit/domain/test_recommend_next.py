"""What the daily recommendations refresh relies on (domain/recommend.next_change):
with no new sale or refund, a member's due products as of any date before the kept
``next_on`` are those of the day they were worked out (the window moving on, products
becoming due and changing places included), and the date is not needlessly early on
plain histories."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings, strategies as st

from memberdesk.domain.analytics import window_start
from memberdesk.domain.recommend import due_products, next_change

TODAY = date.today()  # no calendar date is special; any will do


def _in_window(bought: dict[int, list[date]], on: date, window: int) -> dict[int, list[date]]:
    first = window_start(on, window)
    return {p: [d for d in ds if first <= d <= on] for p, ds in bought.items()}


def _due(bought: dict[int, list[date]], on: date, window: int) -> list[tuple[object, ...]]:
    return [(p.product_id, p.days_bought, p.gap, p.last_day)
            for p in due_products(_in_window(bought, on, window), on)]


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(st.integers(1, 8), st.lists(st.integers(0, 120), max_size=9),
                       max_size=8),
       st.integers(30, 90))
def test_nothing_changes_before_the_next_change(offsets: dict[int, list[int]],
                                                 window: int) -> None:
    as_of = TODAY
    bought = {p: [as_of - timedelta(days=o) for o in offs] for p, offs in offsets.items()}
    nxt = next_change(_in_window(bought, as_of, window), as_of, window)
    before = _due(bought, as_of, window)
    end = nxt if nxt is not None else as_of + timedelta(days=2 * window + 200)
    assert end > as_of
    day = as_of + timedelta(days=1)
    while day < end:
        assert _due(bought, day, window) == before, (day, nxt)
        day += timedelta(days=1)
    if nxt is not None:  # worked out again then, it gives its own next date, later
        later = next_change(_in_window(bought, nxt, window), nxt, window)
        assert later is None or later > nxt


def test_the_next_change_of_plain_histories() -> None:
    d = TODAY
    weekly = {1: [d - timedelta(days=n) for n in (3, 10, 17)]}  # due in 4 days
    assert next_change(weekly, d, 365) == d + timedelta(days=4)
    # its first day leaves a 20-day window before it is due
    assert next_change(weekly, d, 20) == d - timedelta(days=17) + timedelta(days=20)
    assert next_change({1: [d, d - timedelta(days=5)]}, d, 365) is None  # not regular
    # two due products with one gap: their order never changes; the next change is
    # the first day leaving the window
    both = {1: [d - timedelta(days=n) for n in (10, 17, 24)],
            2: [d - timedelta(days=n) for n in (8, 15, 22)]}
    assert next_change(both, d, 365) == d - timedelta(days=24) + timedelta(days=365)
    # gaps 2 and 10, both due: product 1 (4 days / 2) ahead of product 2 (15 / 10) ...
    apart = {1: [d - timedelta(days=n) for n in (4, 6, 8)],
             2: [d - timedelta(days=n) for n in (15, 25, 35)]}
    assert [p.product_id for p in due_products(apart, d)] == [1, 2]
    # ... and it only grows its lead: nothing changes until a day leaves the window
    assert next_change(apart, d, 365) == d - timedelta(days=35) + timedelta(days=365)
    # the other way round (gap 10 ahead now, gap 2 catching up): they swap on the
    # day the ratios meet, (D - l1) / 2 = (D - l2) / 10
    swap = {1: [d - timedelta(days=n) for n in (2, 4, 6)],
            2: [d - timedelta(days=n) for n in (30, 40, 50)]}
    assert [p.product_id for p in due_products(swap, d)] == [2, 1]
    meet = next_change(swap, d, 365)
    assert meet is not None and meet > d
    assert [p.product_id for p in due_products(swap, meet)] != [2, 1] or \
        [p.product_id for p in due_products(swap, meet + timedelta(days=1))] != [2, 1]
