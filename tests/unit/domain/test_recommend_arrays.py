"""The numpy ranking of the pairs (``domain/recommend_arrays.top_pairs_arrays``, what
the daily refresh ranks the kept counts with) gives exactly ``domain/recommend.top_pairs``:
the same pairs, supports, lifts rounded down, order and tie-break, on random baskets
(many ties: few products, small counts) and on counts made to tie in lift."""

from __future__ import annotations

import random
from collections import Counter
from itertools import combinations

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from memberdesk.domain import recommend_arrays
from memberdesk.domain.recommend import Pair, top_pairs
from memberdesk.domain.recommend_arrays import top_pairs_arrays


def _arrays(together: Counter[tuple[int, int]], holding: Counter[int], baskets: int,
            **kw: int) -> dict[int, list[Pair]]:
    keys = list(together)
    a = np.array([k[0] for k in keys], dtype=np.int64)
    b = np.array([k[1] for k in keys], dtype=np.int64)
    t = np.array([together[k] for k in keys], dtype=np.int64)
    product = np.array(list(holding), dtype=np.int64)
    held = np.array([holding[p] for p in holding], dtype=np.int64)
    return top_pairs_arrays(a, b, t, product, held, baskets, **kw)


def _count(baskets: list[list[int]]) -> tuple[Counter[tuple[int, int]], Counter[int], int]:
    together: Counter[tuple[int, int]] = Counter()
    holding: Counter[int] = Counter()
    n = 0
    for basket in baskets:
        items = sorted(set(basket))
        if items:
            together.update(combinations(items, 2))
            holding.update(items)
            n += 1
    return together, holding, n


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.integers(1, 9), max_size=5), max_size=80),
       st.integers(1, 4), st.integers(1, 6))
def test_the_same_as_top_pairs_on_random_baskets(
        baskets: list[list[int]], min_support: int, limit: int) -> None:
    together, holding, n = _count(baskets)
    want = top_pairs(together, holding, n, min_support=min_support, limit=limit)
    assert _arrays(together, holding, n, min_support=min_support, limit=limit) == want


def test_the_same_on_many_products_with_ties_in_lift() -> None:
    rng = random.Random(13)
    baskets = [rng.sample(range(1, 60), rng.randint(1, 5)) for _ in range(5000)]
    baskets += [[1, 2], [1, 2], [1, 2], [3, 4], [3, 4], [3, 4]] * 4  # equal lifts
    together, holding, n = _count(baskets)
    want = top_pairs(together, holding, n)
    assert want and _arrays(together, holding, n) == want


def test_more_baskets_than_an_int64_holds_falls_back_to_python(
        monkeypatch: pytest.MonkeyPatch) -> None:
    together, holding, n = _count([[1, 2], [1, 2], [1, 2], [3], [4]])
    monkeypatch.setattr(recommend_arrays, "MAX_BASKETS", 2)
    assert _arrays(together, holding, n) == top_pairs(together, holding, n) != {}
    assert _arrays(Counter(), Counter(), 0) == {}
