"""The bought-together ranking of ``domain/recommend.py`` over numpy arrays, for the
daily refresh at scale: :func:`top_pairs_arrays` returns exactly what
:func:`~memberdesk.domain.recommend.top_pairs` returns for the same counts (same
support and lift rules, lift in exact integer thousandths rounded down, the same
order and tie-break), about ten times faster on a million pairs
(``tests/unit/domain/test_recommend_arrays.py`` compares the two).
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray

from .recommend import KEPT, MIN_SUPPORT, Pair, top_pairs

Ints = NDArray[np.int64]

# together x baskets x 1000 must fit in an int64 (together <= baskets): else the
# exact Python ranking (never at a shop's sizes: about 96 million baskets)
MAX_BASKETS = math.isqrt((2**63 - 1) // 1000)


def top_pairs_arrays(a: Ints, b: Ints, together: Ints, product: Ints, holding: Ints,
                     baskets: int, *, min_support: int = MIN_SUPPORT,
                     limit: int = KEPT) -> dict[int, list[Pair]]:
    """``top_pairs`` of the pairs (``a[i] < b[i]``, in ``together[i]`` baskets) with
    ``holding[j]`` baskets holding ``product[j]`` (every product of a pair is there)."""
    if baskets <= 0 or not len(a):
        return {}
    if baskets > MAX_BASKETS:
        pairs = zip(a.tolist(), b.tolist(), together.tolist(), strict=True)
        return top_pairs({(x, y): n for x, y, n in pairs},
                         dict(zip(product.tolist(), holding.tolist(), strict=True)), baskets,
                         min_support=min_support, limit=limit)
    keep = together >= min_support
    a, b, t = a[keep], b[keep], together[keep]
    order = np.argsort(product, kind="stable")
    ids, held = product[order], holding[order]
    with_a = held[np.searchsorted(ids, a)]
    with_b = held[np.searchsorted(ids, b)]
    lift = t * np.int64(baskets) * 1000 // (with_a * with_b)
    keep = lift > 1000
    a, b, t, lift = a[keep], b[keep], t[keep], lift[keep]
    mine = np.concatenate([a, b])
    other = np.concatenate([b, a])
    t2 = np.concatenate([t, t])
    lift2 = np.concatenate([lift, lift])
    # product ascending, then lift and support descending, then the other's id
    order = np.lexsort((other, -t2, -lift2, mine))
    mine, other, t2, lift2 = mine[order], other[order], t2[order], lift2[order]
    n = len(mine)
    if not n:
        return {}
    starts = np.flatnonzero(np.concatenate([[True], mine[1:] != mine[:-1]]))
    first = np.repeat(starts, np.diff(np.concatenate([starts, [n]])))
    sel = np.arange(n) - first < limit
    out: dict[int, list[Pair]] = {}
    for p, o, k, x in zip(mine[sel].tolist(), other[sel].tolist(), t2[sel].tolist(),
                          lift2[sel].tolist(), strict=True):
        out.setdefault(p, []).append(Pair(o, k, x))
    return out
