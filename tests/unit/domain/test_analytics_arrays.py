"""The refresh's array forms of issue 13's rules (memberdesk.domain.analytics_arrays) give
what the member-by-member definitions (memberdesk.domain.analytics) give, on a few
hundred random histories: the churn warning with its figures, the BG/NBD inputs and
the quintile scores with ties."""

from __future__ import annotations

import random
from datetime import date, timedelta

import numpy as np
import pytest

from memberdesk.domain import analytics_arrays
from memberdesk.domain.analytics import (
    AnalyticsSettings,
    churn_warning,
    quintile_scores,
)
from memberdesk.domain.analytics_arrays import (
    churn_arrays,
    day_number,
    parse_visit_days,
    quintile_arrays,
)

D = date(2026, 12, 3)


def _histories(seed: int, n: int) -> list[list[date]]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        k = rng.choice((1, 2, 3, 4, 6, 8, 12, 20, 40))
        span = rng.choice((20, 60, 200, 400, 800))
        regular = rng.random() < 0.5  # steady visitors give exact and tied median gaps
        step = rng.randrange(1, 15)
        end = rng.randrange(0, 120)
        days = ({D - timedelta(days=end + i * step) for i in range(k)} if regular else
                {D - timedelta(days=rng.randrange(0, span)) for _ in range(k)})
        out.append(sorted(days))
    return out


@pytest.mark.parametrize("cfg", [AnalyticsSettings(), AnalyticsSettings(churn_gap_percent=130)])
def test_churn_arrays_equal_churn_warning_member_by_member(cfg: AnalyticsSettings) -> None:
    hist = _histories(13, 400)
    texts = [",".join(d.isoformat() for d in random.Random(i).sample(h, len(h)))
             for i, h in enumerate(hist)]  # the SQL's order is not promised: shuffled
    counts, days = parse_visit_days(texts)
    got = churn_arrays(counts, days, D, cfg)
    kinds = set()
    for i, h in enumerate(hist):
        want = churn_warning(h, D, cfg)
        assert got.warning(i) == want, (i, h)
        kinds.add(want.kind if want else None)
        assert int(got.x[i]) == len(h) - 1
        assert int(got.t_x[i]) == (h[-1] - h[0]).days
        assert int(got.big_t[i]) == (D - h[0]).days
    assert kinds == {None, "gap", "frequency"}  # every branch was compared


def test_parse_reads_any_date_text_and_sorts_each_members_days() -> None:
    texts = ["2024-02-29,2023-12-31", "1999-01-01", "2026-12-03,2026-01-10,2026-06-30"]
    counts, days = parse_visit_days(texts)
    assert counts.tolist() == [2, 1, 3]
    want = [date(2023, 12, 31), date(2024, 2, 29), date(1999, 1, 1), date(2026, 1, 10),
            date(2026, 6, 30), date(2026, 12, 3)]
    assert days.tolist() == [day_number(d) for d in want]
    # a text not in the fixed YYYY-MM-DD width goes the slow way, to the same days
    counts2, days2 = parse_visit_days(["2024-02-29, 2023-12-31"])
    assert days2.tolist() == [day_number(date(2023, 12, 31)), day_number(date(2024, 2, 29))]
    assert counts2.tolist() == [2]



def test_parse_in_chunks_reads_what_one_piece_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    """The texts are read a chunk of members at a time (each chunk its own join, and
    its own way: a chunk with a text out of the fixed width reads it the slow way);
    the result is what reading them all at once gives."""
    hist = _histories(5, 97)
    texts = [",".join(d.isoformat() for d in random.Random(i).sample(h, len(h)))
             for i, h in enumerate(hist)]
    texts[40] = texts[40].replace(",", ", ")  # one chunk goes the slow way
    whole = parse_visit_days(texts)
    monkeypatch.setattr(analytics_arrays, "PARSE_CHUNK", 7)
    parts = parse_visit_days(texts)
    assert parts[0].tolist() == whole[0].tolist() == [len(h) for h in hist]
    assert parts[1].tolist() == whole[1].tolist() == [day_number(d) for h in hist for d in h]

def test_quintile_arrays_equal_quintile_scores_with_ties() -> None:
    rng = random.Random(7)
    for n in (1, 2, 5, 7, 300):
        ids = rng.sample(range(1, 10_000), n)
        goodness = {i: rng.randrange(0, 6) for i in ids}  # many ties: broken by id
        want = quintile_scores(goodness)
        got = quintile_arrays(np.array(ids, dtype=np.int64),
                              np.array([goodness[i] for i in ids], dtype=np.int64))
        assert dict(zip(ids, got.tolist(), strict=True)) == want
