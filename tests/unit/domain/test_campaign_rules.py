"""The campaign hold-out draw and the rate in permille."""

from __future__ import annotations

from memberdesk.domain.campaigns import held_out, rate_permille


def test_the_hold_out_is_deterministic_from_the_seed_and_near_its_share() -> None:
    ids = range(1, 20_001)
    out = [m for m in ids if held_out("a1b2c3", m, 100)]
    assert out == [m for m in ids if held_out("a1b2c3", m, 100)]  # the same on every run
    assert 1800 <= len(out) <= 2200  # 10% of 20,000, within 1 point
    other = {m for m in ids if held_out("ffff00", m, 100)}
    assert other != set(out)  # another seed draws another hold-out
    assert not any(held_out("a1b2c3", m, 0) for m in ids)
    # a larger share holds out a superset: the draw is one number per member
    assert set(out) <= {m for m in ids if held_out("a1b2c3", m, 300)}


def test_rate_permille_rounds_half_up_and_has_no_rate_of_nothing() -> None:
    assert rate_permille(1, 3) == 333
    assert rate_permille(2, 3) == 667
    assert rate_permille(1, 8) == 125
    assert rate_permille(1, 2000) == 1  # 0.5 permille rounds up
    assert rate_permille(0, 5) == 0
    assert rate_permille(3, 0) is None
