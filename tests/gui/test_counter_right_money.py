"""A counter that cannot take the wrong money (issue 9, item 4): where the typing
goes after a member is found, what a keyboard-wedge swipe looks like, and what a
lookup that finds nobody does to the member at the counter. Driven by keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from memberdesk.services.loyalty import enrol

from .counter_support import PERSON_MS, Till, make_till


@pytest.fixture
def till(qtbot, ui, db, staff) -> Till:  # type: ignore[no-untyped-def]
    return make_till(qtbot, ui, db, staff)


def items(till: Till) -> list[str]:
    return [i.name or "直接收款" for i in till.counter.cart.items]


def test_after_a_member_is_found_the_typing_goes_to_the_scan_field(till: Till) -> None:
    till.find("13800000001")
    assert till.main.member_panel.card.name.text() == "张三"
    assert till.product.hasFocus()
    # A code typed by hand now is a product, not a plain amount of ¥2,003.
    till.clock.step = PERSON_MS
    till.qtbot.keyClicks(till.main.focusWidget(), "COLA")
    till.press(Qt.Key.Key_Return)
    assert items(till) == ["可口可乐 330ml"]
    assert till.product.hasFocus()


def test_after_a_sale_the_typing_goes_to_the_scan_field(till: Till) -> None:
    till.ring_up("COLA")
    till.press(Qt.Key.Key_Return, till.pay_key())  # cash, exact
    till.press(Qt.Key.Key_Return, till.receipt)
    till.qtbot.waitUntil(till.product.hasFocus)


def test_four_digits_typed_quickly_are_no_card(till: Till) -> None:
    """A fast typist (5 ms a key) typing the last 4 digits of a phone: a lookup,
    never "未知卡 0001"."""
    till.burst(till.lookup, "0001")
    assert till.main.banner.text == ""
    assert till.main.member_panel.card.name.text() == "张三"


def test_the_swipe_shape_comes_from_the_settings(till: Till) -> None:
    """Length and speed are shop settings, read at login."""
    till.world.set_settings(reader__wedge_min_length=12, reader__wedge_max_interval_ms=10)
    till.press(Qt.Key.Key_F9, till.main)  # lock; log in again
    from .helpers import log_in

    log_in(till.qtbot, till.ui, "cashier", "cashier-pass")
    till.settle()
    wedge = till.counter.lookup.wedge
    assert (wedge.min_length, wedge.max_interval_ms) == (12, 10)
    till.burst(till.lookup, "0badcafe")  # 8 characters: shorter than this shop's reader
    assert till.lookup.text() == "0badcafe"  # Enter searched it as typed text: it stays
    till.burst(till.lookup, "6901234567892")  # 13: the scanner
    assert items(till) == ["可口可乐 330ml"]


def test_a_lookup_that_finds_nobody_detaches_the_member(till: Till) -> None:
    till.find("13800000001")
    assert till.ui.state.member is not None
    till.find("王小二")
    assert till.ui.state.member is None
    assert till.main.member_panel.empty_state.isVisible()
    assert till.main.banner.text == "找不到“王小二”。已取消会员 张三（M000001）。"
    assert till.lookup.text() == "王小二"  # to correct and try again


def test_a_miss_during_a_sale_detaches_the_member_and_says_so(till: Till) -> None:
    """With items rung up for 李四 (gold: member prices), a lookup that finds nobody
    is a new customer or a mistake: the sale goes on without 李四, at the normal
    price, and the banner says so, so the next sale is never credited to him."""
    till.find("13800000002")
    till.ring_up("COLA")
    assert till.main.totals_panel.due_value.text() == "¥3.00"  # member price
    till.find("13899999999")
    assert till.ui.state.member is None
    assert till.main.member_panel.empty_state.isVisible()
    assert till.main.banner.text == (
        "找不到“13899999999”。已取消会员 李四（M000002），本单按非会员结算。"
    )
    assert items(till) == ["可口可乐 330ml"]
    assert till.main.totals_panel.due_value.text() == "¥3.50"
    dialog = till.pay_key()
    assert dialog.member_line.text() == "散客（非会员）"


def test_an_unknown_card_detaches_the_member_too(till: Till) -> None:
    till.find("13800000001")
    till.burst(till.lookup, "0badcafe")
    assert till.ui.state.member is None
    assert till.main.banner.text.startswith("未知卡 0BADCAFE：没有绑定会员。已取消会员 张三")


def test_a_pick_list_closed_without_a_choice_detaches_the_member(till: Till) -> None:
    enrol.register_member(till.db, till.world.owner, phone="13900100001", name="赵六")
    till.find("13800000002")
    till.find("0001")  # 张三 or 赵六: the pick list
    till.press(Qt.Key.Key_Escape, till.counter.lookup.pick_dialog.table)
    assert till.ui.state.member is None
    assert till.main.banner.text == "未选择会员。已取消会员 李四（M000002）。"
