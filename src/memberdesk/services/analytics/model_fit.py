"""The BG/NBD model of the analytics refresh (``domain/bgnbd.py``) fitted to the shop's
members with visits, grouped exactly by (x, t_x, T) in days: per member P(alive) and
the purchases expected in the next :data:`PREDICT_DAYS` days."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)

PREDICT_DAYS = 30
MIN_MEMBERS_TO_FIT = 20  # fewer members with visits: no model, the figures stay empty
MODEL_DAYS = 7  # the parameters fitted on a day serve the refreshes of the next 6 days
# Members handed their figures per call: a single C call (``dict(zip(...))``, a sort
# of structured rows) keeps the interpreter from the counter's thread until it returns,
# whatever the switch interval; at a million members that was over a second.
CHUNK = 20_000
_BITS = 21  # (x, t_x, T) in days, each below 2 ** 21 (5,700 years), in one int64 key


@dataclass(frozen=True)
class ModelFit:
    """The BG/NBD parameters fitted to the shop (alpha in days)."""

    r: float
    alpha: float
    a: float
    b: float
    members: int


def _groups(np: Any, x: Any, tx: Any, tt: Any) -> tuple[Any, Any, Any]:
    """The distinct (x, t_x, T) rows in lexicographic order (float columns), each
    member's group and the groups' sizes: what ``np.unique(..., axis=0)`` gives, from
    one int64 key per member (numpy sorts integers without holding the interpreter and
    ten times faster; a structured-row sort held it for seconds at a million members).
    Values that do not fit the key (never days of a shop) take ``axis=0``."""
    ints = [v.astype(np.int64) for v in (x, tx, tt)]
    if all(len(v) == 0 or (v.min() >= 0 and v.max() < 1 << _BITS and (v == w).all())
           for v, w in zip(ints, (x, tx, tt), strict=True)):
        key = (ints[0] << 2 * _BITS) | (ints[1] << _BITS) | ints[2]
        uniq, inverse, counts = np.unique(key, return_inverse=True, return_counts=True)
        mask = (1 << _BITS) - 1
        keys = np.column_stack([uniq >> 2 * _BITS, (uniq >> _BITS) & mask, uniq & mask]
                               ).astype(np.float64)
        return keys, inverse.reshape(-1), counts
    keys, inverse, counts = np.unique(np.column_stack([x, tx, tt]), axis=0,
                                      return_inverse=True, return_counts=True)
    return keys, inverse.reshape(-1), counts


def fit_model(ids: list[int], xs: list[int], txs: list[int], ts: list[int],
              kept: ModelFit | None = None,
              ) -> tuple[ModelFit | None, dict[int, tuple[float, float]]]:
    """Fit BG/NBD to the members with visits; per member (P(alive), expected purchases
    in the next 30 days). Nothing when there are too few members or no repeat visit.
    ``kept``: parameters fitted on an earlier day, used as they are (no fit: the fit is
    most of a refresh's cost at a million members, and a shop's parameters move little
    from one day to the next; :data:`MODEL_DAYS`)."""
    n = len(ids)
    if n < MIN_MEMBERS_TO_FIT or not any(xs):
        return None, {}
    import numpy as np  # only here: scipy and numpy are never loaded at start-up

    from memberdesk.domain import bgnbd

    x = np.asarray(xs, dtype=np.float64)
    tx = np.asarray(txs, dtype=np.float64)
    tt = np.asarray(ts, dtype=np.float64)
    # Members with the same (x, t_x, T) in days are one weighted term of the likelihood
    # (a sum: exact), and have the same P(alive) and expectation: each is worked out
    # once per group and handed to its members.
    keys, inverse, counts = _groups(np, x, tx, tt)
    try:
        with np.errstate(all="ignore"):
            days = (bgnbd.fit(keys[:, 0], keys[:, 1], keys[:, 2], weights=counts)
                    if kept is None else bgnbd.BgNbdParams(kept.r, kept.alpha, kept.a, kept.b))
    except (ValueError, FloatingPointError, ArithmeticError):  # pragma: no cover - defensive
        log.exception("BG/NBD fit failed")
        return None, {}
    if not all(np.isfinite(v) and v > 0 for v in (days.r, days.alpha, days.a, days.b)):
        log.warning("BG/NBD fit gave unusable parameters: %s", days)
        return None, {}
    with np.errstate(all="ignore"):
        alive = bgnbd.p_alive(days, keys[:, 0], keys[:, 1], keys[:, 2])
        expect = bgnbd.expected_purchases(days, PREDICT_DAYS, keys[:, 0], keys[:, 1],
                                          keys[:, 2])
    alive = np.where(np.isfinite(alive), alive, 0.0)
    expect = np.where(np.isfinite(expect) & (expect >= 0), expect, 0.0)
    out: dict[int, tuple[float, float]] = {}
    for i in range(0, n, CHUNK):  # dict(zip(...)) of a million is one call (see CHUNK)
        part = inverse[i:i + CHUNK]
        out.update(zip(ids[i:i + CHUNK], zip(alive[part].tolist(), expect[part].tolist(),
                                              strict=True), strict=True))
    return ModelFit(days.r, days.alpha, days.a, days.b, n), out
