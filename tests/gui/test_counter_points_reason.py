"""积分 in the payment dialog says why points cannot pay this sale (the pricing
service's reason), in the interface language; by keys from the counter."""

from __future__ import annotations

import pytest

from .counter_support import Till, make_till


@pytest.fixture
def till(qtbot, ui, db, staff) -> Till:  # type: ignore[no-untyped-def]
    return make_till(qtbot, ui, db, staff)


def _points_note(till: Till, *codes: str) -> str:
    till.find("13800000001")  # 张三
    till.ring_up(*codes)
    dialog = till.pay_key()
    assert not dialog.rows["points"].field.isEnabled()
    return str(dialog.rows["points"].note.text())


def test_too_few_points_says_how_many_are_needed(till: Till) -> None:
    till.world.give_points("alice", 80)
    balance = till.world.balances("alice")[2]
    assert 0 < balance < 100
    assert _points_note(till, "COLA") == f"本单不可用：现有 {balance} 积分，至少需要 100 积分"


def test_no_points(till: Till) -> None:
    assert till.world.balances("alice")[2] == 0
    assert _points_note(till, "COLA") == "本单不可用：会员没有积分"


def test_a_sale_too_small_for_the_minimum_in_english(till: Till) -> None:
    till.world.give_points("alice", 1000)
    till.world.set_settings(points__redeem_min_points=500)  # 50 % of ¥3.50 is 175 points
    till.ui.i18n.set_language("en")
    assert _points_note(till, "COLA") == (
        "not usable for this sale: 50% of this sale is less than 500 points")


def test_the_rule_off(till: Till) -> None:
    till.world.give_points("alice", 1000)
    till.world.set_settings(points__redeem_max_percent=0)
    assert _points_note(till, "COLA") == "本单不可用：本店规则不允许积分抵现"
