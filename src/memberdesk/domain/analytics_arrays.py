"""Issue 13's definitions over a million members at once (numpy): the same rules as
:mod:`memberdesk.domain.analytics`, which stays their one statement and the reference
these functions are tested equal to (``tests/unit/domain/test_analytics_arrays.py``,
on random histories). The refresh calls these instead of looping member by member:

* :func:`parse_visit_days`: the per-member visit days the refresh's SQL aggregates as
  text ("YYYY-MM-DD,...") into one array of day numbers, sorted within each member;
* :func:`churn_arrays`: :func:`.analytics.churn_warning` for every member (the same
  integer comparisons: the median gap is kept doubled, so nothing is rounded), plus
  the BG/NBD inputs (x, t_x, T in days);
* :func:`quintile_arrays`: :func:`.analytics.quintile_scores` (rank by goodness, ties by
  member id, score = ceil(5 x rank / n)).

Plain numerical code; imported only by the refresh (numpy is never loaded at start-up).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction

import numpy as np
from numpy.typing import NDArray

from .analytics import AnalyticsSettings, ChurnWarning

Ints = NDArray[np.int64]

_EPOCH = date(1970, 1, 1)


def day_number(d: date) -> int:
    """Days since 1970-01-01 (numpy's datetime64[D] count)."""
    return (d - _EPOCH).days


PARSE_CHUNK = 50_000  # members' texts joined and read at a time (see parse_visit_days)


def _day_numbers(texts: list[str], counts: Ints) -> Ints:
    """The dates of ``texts`` (``counts`` each) as day numbers, in the order written."""
    joined = ",".join(texts)
    total = int(counts.sum())
    if len(joined) + 1 == 11 * total and joined.isascii():
        # every date is YYYY-MM-DD: read the digits in place
        raw = np.frombuffer((joined + ",").encode("ascii"), dtype=np.uint8).reshape(total, 11)
        digits = raw[:, [0, 1, 2, 3, 5, 6, 8, 9]].astype(np.int64) - ord("0")
        year = digits[:, 0] * 1000 + digits[:, 1] * 100 + digits[:, 2] * 10 + digits[:, 3]
        month = digits[:, 4] * 10 + digits[:, 5]
        day = digits[:, 6] * 10 + digits[:, 7]
        months = (year - 1970).astype("datetime64[Y]").astype("datetime64[M]") + (month - 1)
        out: Ints = (months.astype("datetime64[D]") + (day - 1)).astype(np.int64)
        return out
    return np.array(joined.split(","), dtype="datetime64[D]").astype(np.int64)


def parse_visit_days(texts: list[str]) -> tuple[Ints, Ints]:
    """(counts, days): ``counts[i]`` the number of dates in ``texts[i]`` (a
    comma-separated list of ISO dates, each at least one), ``days`` all of them as day
    numbers, member after member, sorted within each member. The texts are read
    :data:`PARSE_CHUNK` members at a time: joining and encoding a million members'
    texts are single calls that kept the counter's thread waiting 0.1 s each."""
    if not texts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    counts = np.fromiter((t.count(",") + 1 for t in texts), dtype=np.int64, count=len(texts))
    days = np.concatenate([
        _day_numbers(texts[i:i + PARSE_CHUNK], counts[i:i + PARSE_CHUNK])
        for i in range(0, len(texts), PARSE_CHUNK)])
    owner = np.repeat(np.arange(len(texts), dtype=np.int64), counts)
    days = days[np.lexsort((days, owner))]
    return counts, days


@dataclass(frozen=True)
class ChurnArrays:
    """Per member (in the order given): the churn rule's figures and the BG/NBD inputs."""

    kind: NDArray[np.int8]  # 0 none, 1 gap, 2 frequency
    since: Ints  # days since the last visit day
    gap2: Ints  # twice the median gap between visit days (0 with one visit day)
    recent: Ints  # visit days in the last churn_recent_days
    before: Ints  # visit days in the churn_before_days before those
    x: Ints  # repeat visit days (BG/NBD)
    t_x: Ints  # days from the first visit day to the last
    big_t: Ints  # days from the first visit day to the as-of date

    def warning(self, i: int) -> ChurnWarning | None:
        """Member ``i``'s warning as :func:`.analytics.churn_warning` gives it."""
        k = int(self.kind[i])
        if k == 0:
            return None
        return ChurnWarning("gap" if k == 1 else "frequency", int(self.since[i]),
                            Fraction(int(self.gap2[i]), 2), int(self.recent[i]),
                            int(self.before[i]))


def _median2(counts: Ints, days: Ints, owner: Ints) -> Ints:
    """Twice the median gap between consecutive visit days of each member."""
    n = len(counts)
    same = owner[1:] == owner[:-1]
    gaps = (days[1:] - days[:-1])[same]
    gap_owner = owner[1:][same]
    gaps = gaps[np.lexsort((gaps, gap_owner))]
    g = counts - 1  # gaps per member
    start = np.concatenate(([0], np.cumsum(g)[:-1])).astype(np.int64)
    out = np.zeros(n, dtype=np.int64)
    has = g > 0
    hi = start + g // 2  # the upper middle
    lo = start + (g - 1) // 2  # the lower middle (the same one when g is odd)
    out[has] = gaps[lo[has]] + gaps[hi[has]]
    return out


def churn_arrays(counts: Ints, days: Ints, as_of: date,
                 cfg: AnalyticsSettings) -> ChurnArrays:
    """The churn rule and the BG/NBD inputs for members with ``counts`` visit days each
    (``days`` from :func:`parse_visit_days`: none after ``as_of``, sorted per member)."""
    d = day_number(as_of)
    n = len(counts)
    owner = np.repeat(np.arange(n, dtype=np.int64), counts)
    ends = np.cumsum(counts)
    first = days[ends - counts] if n else np.zeros(0, dtype=np.int64)
    last = days[ends - 1] if n else np.zeros(0, dtype=np.int64)
    since = d - last
    gap2 = _median2(counts, days, owner) if n else np.zeros(0, dtype=np.int64)
    recent_from = d - cfg.churn_recent_days  # exclusive
    before_from = recent_from - cfg.churn_before_days  # exclusive
    recent = np.bincount(owner, weights=days > recent_from, minlength=n).astype(np.int64)
    before = np.bincount(owner, weights=(days > before_from) & (days <= recent_from),
                         minlength=n).astype(np.int64)
    eligible = counts >= cfg.churn_min_visit_days
    # since > max(k x gap, 14), k = percent / 100: 200 x since > percent x (2 x gap)
    by_gap = eligible & (since > cfg.churn_min_days) & (200 * since > cfg.churn_gap_percent * gap2)
    # recent < before / (before_days / 30) / 2  <=>  2 x before_days x recent < 30 x before
    by_freq = (eligible & ~by_gap & (before >= cfg.churn_min_visits_before)
               & (2 * cfg.churn_before_days * recent < 30 * before))
    kind = np.where(by_gap, 1, np.where(by_freq, 2, 0)).astype(np.int8)
    return ChurnArrays(kind, since, gap2, recent, before, counts - 1, last - first, d - first)


def quintile_arrays(member_ids: Ints, goodness: Ints) -> Ints:
    """:func:`.analytics.quintile_scores` for parallel arrays: each member's score 1-5
    (rank 1 the worst, ties by member id, ceil(5 x rank / n))."""
    n = len(member_ids)
    order = np.lexsort((member_ids, goodness))
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(1, n + 1, dtype=np.int64)
    out: Ints = -(-5 * rank // n) if n else rank
    return out
