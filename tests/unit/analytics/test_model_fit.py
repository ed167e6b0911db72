"""The BG/NBD step of the refresh (services/analytics/model_fit) groups the members by
one integer key and hands the figures out a chunk at a time, so that no single numpy
or dict call keeps the counter's thread waiting: the groups, the fitted parameters and
every member's figures are what the structured-row grouping and one dict gave."""

from __future__ import annotations

import random

import numpy as np
import pytest

from memberdesk.services.analytics import model_fit
from memberdesk.services.analytics.model_fit import _groups, fit_model


def _members(seed: int, n: int) -> tuple[list[int], list[int], list[int], list[int]]:
    rng = random.Random(seed)
    ids, xs, txs, ts = [], [], [], []
    for i in range(n):
        t = rng.randrange(0, 800)
        tx = rng.randrange(0, t + 1)
        x = 0 if tx == 0 else rng.randrange(1, min(tx, 30) + 1)
        ids.append(1000 + 3 * i)
        xs.append(x)
        txs.append(tx)
        ts.append(t)
    return ids, xs, txs, ts


def _structured(x: np.ndarray, tx: np.ndarray, tt: np.ndarray) -> tuple[np.ndarray, ...]:
    keys, inverse, counts = np.unique(np.column_stack([x, tx, tt]), axis=0,
                                      return_inverse=True, return_counts=True)
    return keys, inverse.reshape(-1), counts


@pytest.mark.parametrize("odd", [None, -1.0, 0.5, float(1 << 21)])
def test_groups_equal_the_structured_row_grouping(odd: float | None) -> None:
    """The key's groups (and, for values out of its range, the fallback's) are
    np.unique(axis=0)'s: the same rows in the same order, members and sizes."""
    _, xs, txs, ts = _members(3, 2000)
    x, tx, tt = (np.asarray(v, dtype=np.float64) for v in (xs, txs, ts))
    if odd is not None:
        tt[17] = odd
    got = _groups(np, x, tx, tt)
    want = _structured(x, tx, tt)
    assert len(got[0]) < len(x)  # members were grouped
    for g, w in zip(got, want, strict=True):
        assert g.dtype.kind == w.dtype.kind
        assert np.array_equal(g, w)


def test_fit_and_figures_equal_the_structured_grouping(monkeypatch: pytest.MonkeyPatch) -> None:
    """The parameters fitted and every member's (P(alive), expected purchases) are
    exactly those of the structured-row grouping with the figures handed out at once."""
    ids, xs, txs, ts = _members(11, 3000)
    fast_model, fast = fit_model(ids, xs, txs, ts)
    monkeypatch.setattr(model_fit, "_BITS", 0)  # no value fits: the axis=0 grouping
    monkeypatch.setattr(model_fit, "CHUNK", 10 ** 9)  # the figures in one dict call
    slow_model, slow = fit_model(ids, xs, txs, ts)
    assert fast_model is not None and fast_model == slow_model
    assert list(fast) == ids and fast == slow
    monkeypatch.setattr(model_fit, "CHUNK", 7)  # many chunks, a short last one
    assert fit_model(ids, xs, txs, ts, fast_model)[1] == fast
