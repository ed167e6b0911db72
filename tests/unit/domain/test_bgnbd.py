"""The BG/NBD model (memberdesk.domain.bgnbd) fitted to the CDNOW sample reproduces
Fader, Hardie and Lee (2005): r = 0.243, alpha = 4.414, a = 0.793, b = 2.426, the
log-likelihood -9582.4, and their worked example (customer 1: x = 2, t_x = 30.43,
T = 38.86 weeks expects 1.226 purchases in the next 39 weeks).

The data is the summary file shipped inside the ``lifetimes`` package, a test-only
dependency installed without its own dependencies (pandas, autograd): the file is
found with importlib.util.find_spec, which does not import the package."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

import numpy as np
import pytest

from memberdesk.domain import bgnbd

PAPER = bgnbd.BgNbdParams(r=0.243, alpha=4.414, a=0.793, b=2.426)


def cdnow() -> tuple[list[float], list[float], list[float]]:
    spec = importlib.util.find_spec("lifetimes")
    assert spec is not None and spec.origin, "the test-only package lifetimes is not installed"
    path = Path(spec.origin).parent / "datasets" / "cdnow_customers_summary.csv"
    with path.open(newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 2357
    return ([float(r["frequency"]) for r in rows], [float(r["recency"]) for r in rows],
            [float(r["T"]) for r in rows])


def test_the_fit_to_cdnow_reproduces_the_published_parameters_within_1_percent() -> None:
    x, t_x, big_t = cdnow()
    got = bgnbd.fit(x, t_x, big_t)
    for name in ("r", "alpha", "a", "b"):
        want = getattr(PAPER, name)
        assert getattr(got, name) == pytest.approx(want, rel=0.01), name
    assert float(np.sum(bgnbd.log_likelihood(got, x, t_x, big_t))) == pytest.approx(
        -9582.4, abs=0.1)


def test_grouped_customers_fit_as_the_same_customers_one_by_one() -> None:
    x, t_x, big_t = cdnow()
    keys, counts = np.unique(np.column_stack([x, t_x, big_t]), axis=0, return_counts=True)
    got = bgnbd.fit(keys[:, 0], keys[:, 1], keys[:, 2], weights=counts)
    assert got.r == pytest.approx(PAPER.r, rel=0.01)
    assert got.b == pytest.approx(PAPER.b, rel=0.01)


def test_expected_purchases_and_p_alive_of_the_papers_customer() -> None:
    e = bgnbd.expected_purchases(PAPER, 39, [2], [30.43], [38.86])
    assert float(e[0]) == pytest.approx(1.226, abs=0.001)
    p = bgnbd.p_alive(PAPER, [2, 2, 0], [30.43, 5.0, 0.0], [38.86, 38.86, 38.86])
    assert 0 < p[1] < p[0] < 1  # the same purchases, longer ago: less likely alive
    assert p[2] == 1.0  # a one-time buyer always looks alive to the model


def test_the_fits_summed_likelihood_is_the_sum_of_each_customers() -> None:
    x, t_x, big_t = cdnow()
    xs, tx, tt = (np.asarray(v) for v in (x, t_x, big_t))
    w = np.arange(len(xs)) % 3 + 1.0
    for p in (PAPER, bgnbd.BgNbdParams(2.0, 10.0, 0.5, 0.7)):  # b < 1 too
        want = float(np.sum(w * bgnbd.log_likelihood(p, xs, tx, tt)))
        got = bgnbd._Sums(xs, tx, tt, w).total(p.r, p.alpha, p.a, p.b)
        assert got == pytest.approx(want, rel=1e-12)


def test_a_fit_on_grouped_customers_equals_the_fit_one_by_one_to_1e_6() -> None:
    """Grouping by (x, t_x, T) is exact: the likelihood is a sum. Whole days in a
    shop's history collide often; here every CDNOW customer comes three times, once
    with T a day (1/7 week) longer."""
    x, t_x, big_t = cdnow()
    xs = np.concatenate([x, x, x])
    tx = np.concatenate([t_x, t_x, t_x])
    tt = np.concatenate([big_t, big_t, np.asarray(big_t) + 1 / 7])
    one_by_one = bgnbd.fit(xs, tx, tt)
    keys, counts = np.unique(np.column_stack([xs, tx, tt]), axis=0, return_counts=True)
    assert len(keys) < len(xs) / 2
    grouped = bgnbd.fit(keys[:, 0], keys[:, 1], keys[:, 2], weights=counts)
    for name in ("r", "alpha", "a", "b"):
        assert getattr(grouped, name) == pytest.approx(getattr(one_by_one, name), rel=1e-6)


def test_shoppers_who_never_drop_out_stop_the_fit_at_its_limits(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Poisson shoppers who never leave (the 1,000,000-member bench's random ones): the
    likelihood has no interior optimum and Nelder-Mead walked its old limit of 40,000
    evaluations (152 s of CPU at that size) to land where it stands after 4,000. The fit
    stops at the limits and still says what it can: nearly everybody is alive."""
    rng = np.random.default_rng(20261205)
    n = 3000
    big_t = rng.integers(60, 700, n).astype(float)
    days = [np.sort(rng.uniform(0, t, rng.poisson(t / 20.0))) for t in big_t]
    x = np.array([max(len(d) - 1, 0) for d in days], dtype=float)
    t_x = np.array([d[-1] - d[0] if len(d) > 1 else 0.0 for d in days])
    start = np.array([d[0] if len(d) else 0.0 for d in days])
    evaluations: list[int] = []
    real = bgnbd.minimize

    def counted(*args: object, **kw: object) -> object:
        res = real(*args, **kw)  # type: ignore[arg-type]
        evaluations.append(int(res.nfev))
        return res

    monkeypatch.setattr(bgnbd, "minimize", counted)
    p = bgnbd.fit(x, t_x, big_t - start)
    assert evaluations[0] == bgnbd.MAX_EVALUATIONS == 4_000  # the ridge, to the limit
    assert sum(evaluations) <= bgnbd.MAX_EVALUATIONS + 25 * bgnbd.POLISH_STEPS
    assert p.r > 100 and p.alpha > 100  # far along the ridge: gamma near a point mass
    alive = bgnbd.p_alive(p, x, t_x, big_t - start)
    assert np.mean(alive > 0.9) > 0.95  # (a few one-repeat shoppers look gone to it)
