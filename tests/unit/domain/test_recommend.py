"""The recommendation rules (issue 13, item 3; domain/recommend.py) on hand-made
histories and as properties: a product is regular from 3 distinct days, due when the
days since the last are at least the median gap (exactly at the gap: due; a day
before: not), ranked by days since / gap then by days bought; pairs by lift with a
minimum support; the cart's own products never suggested."""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction

from hypothesis import given, settings, strategies as st

from memberdesk.domain.recommend import (
    MIN_SUPPORT,
    SHOWN,
    DueProduct,
    Pair,
    cart_suggestions,
    due_products,
    due_text,
    is_due,
    lift_permille,
    not_in_cart,
    regular,
    top_pairs,
)

D = date(2026, 3, 10)


def days(*offsets: int) -> list[date]:
    return [D + timedelta(days=o) for o in offsets]


def test_three_distinct_days_make_a_product_regular() -> None:
    assert regular(1, days(0, 0, 7), D + timedelta(days=30)) is None  # two distinct days
    p = regular(1, days(0, 7, 7, 14), D + timedelta(days=30))
    assert p == DueProduct(1, 3, Fraction(7), D + timedelta(days=14))
    # days after as_of are not known yet
    assert regular(1, days(0, 7, 14), D + timedelta(days=13)) is None


def test_due_exactly_at_the_median_gap_and_not_a_day_before() -> None:
    bought = {1: days(0, 7, 14)}
    assert due_products(bought, D + timedelta(days=20)) == []  # 6 days since, gap 7
    due = due_products(bought, D + timedelta(days=21))  # 7 days since: due
    assert [p.product_id for p in due] == [1]
    assert due[0].days_since(D + timedelta(days=21)) == 7 and due[0].gap_days == 7


def test_the_median_gap_of_an_even_number_of_gaps_is_half_way() -> None:
    p = regular(1, days(0, 2, 9, 20), D + timedelta(days=30))  # gaps 2, 7, 11: median 7
    assert p is not None and p.gap == 7
    q = regular(2, days(0, 3, 10), D + timedelta(days=30))  # gaps 3, 7: 5
    assert q is not None and q.gap == 5
    s = regular(4, days(0, 7, 15), D + timedelta(days=30))  # gaps 7, 8: 7.5, said as 8
    assert s is not None and s.gap == Fraction(15, 2) and s.gap_days == 8


def test_ranked_by_how_overdue_then_by_days_bought_then_id() -> None:
    on = D + timedelta(days=40)
    bought = {
        10: days(0, 10, 20),  # gap 10, 20 days since: 2.0
        11: days(0, 5, 10, 15, 20),  # gap 5, 20 since: 4.0
        12: days(10, 20, 30),  # gap 10, 10 since: 1.0
        13: days(0, 5, 10, 15, 20, 25, 30),  # gap 5, 10 since: 2.0, more days than 10
        14: days(0, 10, 20),  # the same as 10: the lower id first
        15: days(30, 35, 38),  # gap 4, 2 since: not due
    }
    assert [p.product_id for p in due_products(bought, on)] == [11, 13, 10, 14, 12]
    assert [p.product_id for p in due_products(bought, on, limit=2)] == [11, 13]


def test_the_counter_shows_three_not_in_the_cart() -> None:
    due = [DueProduct(pid, 3, Fraction(7), D) for pid in (5, 4, 3, 2, 1)]
    assert [p.product_id for p in not_in_cart(due, [4, 9])] == [5, 3, 2]
    assert [p.product_id for p in not_in_cart(due, [])] == [5, 4, 3]


def test_said_in_both_languages() -> None:
    p = DueProduct(1, 3, Fraction(7), D)
    assert due_text("牛奶", p, D + timedelta(days=9)) == "牛奶（约 7 天买一次，已 9 天）"
    assert due_text("Milk", p, D + timedelta(days=9), "en") == \
        "Milk (every ~7 days; last 9 days ago)"


def test_pairs_by_lift_with_the_minimum_support() -> None:
    # 100 baskets: 1 in 50, 2 in 10, 3 in 60, 4 in 4.
    holding = {1: 50, 2: 10, 3: 60, 4: 4}
    pairs = {(1, 2): 8, (1, 3): 30, (2, 3): 6, (3, 4): MIN_SUPPORT - 1}
    top = top_pairs(pairs, holding, 100)
    # 1-2: 8*100/(50*10) = 1.6; 1-3: 30*100/(50*60) = 1.0 (chance: left out);
    # 2-3: 6*100/(10*60) = 1.0 (left out); 3-4 below the support.
    assert top == {1: [Pair(2, 8, 1600)], 2: [Pair(1, 8, 1600)]}
    assert lift_permille(8, 50, 10, 100) == 1600


def test_confidence_would_pick_the_best_seller_lift_does_not() -> None:
    # 1000 baskets; 9 (a best seller) is in 900 of them, 5 in 20. With 1: 9 in 45 of
    # 50 baskets (confidence 0.9, lift 1.0), 5 in 10 (confidence 0.2, lift 10).
    top = top_pairs({(1, 9): 45, (1, 5): 10}, {1: 50, 9: 900, 5: 20}, 1000)
    assert [p.other_id for p in top[1]] == [5]


def test_the_cart_gets_the_strongest_companions_not_in_it() -> None:
    pairs = {
        1: [Pair(2, 5, 3000), Pair(3, 9, 2000), Pair(4, 3, 1500)],
        2: [Pair(1, 5, 3000), Pair(5, 4, 2500), Pair(3, 3, 2500)],
    }
    # in the cart: 1 and 2. 3 at its best lift (2500 with 2, 2000 with 1).
    got = cart_suggestions(pairs, [1, 2])
    assert [(p.other_id, p.lift_permille) for p in got] == [(5, 2500), (3, 2500), (4, 1500)]
    assert cart_suggestions(pairs, [3]) == []
    assert [p.other_id for p in cart_suggestions(pairs, [1], limit=1)] == [2]


# -- properties --------------------------------------------------------------------------

histories = st.dictionaries(
    st.integers(1, 30),
    st.lists(st.integers(0, 200), min_size=0, max_size=12),
    max_size=8,
)


@settings(max_examples=200, deadline=None)
@given(histories, st.integers(0, 220))
def test_due_products_are_exactly_the_regular_ones_past_their_gap(
        history: dict[int, list[int]], as_of_offset: int) -> None:
    on = D + timedelta(days=as_of_offset)
    bought = {pid: days(*offs) for pid, offs in history.items()}
    due = due_products(bought, on, limit=100)
    ids = [p.product_id for p in due]
    assert len(ids) == len(set(ids))
    for pid, ds in bought.items():
        known = sorted({d for d in ds if d <= on})
        p = regular(pid, ds, on)
        expected = p is not None and len(known) >= 3 and is_due(p, on)
        assert (pid in ids) == expected
        if p is not None:
            assert p.days_bought == len(known) and p.last_day == known[-1]
            assert p.gap >= 1  # distinct days: every gap at least one day
    ratios = [(Fraction(p.days_since(on)) / p.gap, p.days_bought) for p in due]
    assert ratios == sorted(ratios, key=lambda r: (-r[0], -r[1]))
    assert due[:SHOWN] == due_products(bought, on, limit=SHOWN)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sets(st.integers(1, 8), min_size=1, max_size=5), max_size=60),
       st.sets(st.integers(1, 8), max_size=4))
def test_pairs_and_cart_suggestions_follow_the_baskets(
        baskets: list[set[int]], cart: set[int]) -> None:
    holding: dict[int, int] = {}
    together: dict[tuple[int, int], int] = {}
    for b in baskets:
        for a in b:
            holding[a] = holding.get(a, 0) + 1
            for c in b:
                if a < c:
                    together[(a, c)] = together.get((a, c), 0) + 1
    top = top_pairs(together, holding, len(baskets))
    for product, others in top.items():
        assert len(others) <= 5
        for p in others:
            key = (min(product, p.other_id), max(product, p.other_id))
            assert p.together == together[key] >= MIN_SUPPORT
            assert p.lift_permille > 1000
            assert p.lift_permille == lift_permille(
                p.together, holding[product], holding[p.other_id], len(baskets))
        assert [(-p.lift_permille, -p.together, p.other_id) for p in others] == sorted(
            (-p.lift_permille, -p.together, p.other_id) for p in others)
    got = cart_suggestions(top, cart)
    assert len(got) <= SHOWN and not {p.other_id for p in got} & cart
    linked = {p.other_id for c in cart for p in top.get(c, ())} - cart
    assert len(got) == min(SHOWN, len(linked))
