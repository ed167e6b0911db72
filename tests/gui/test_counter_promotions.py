"""The counter's cart shows a special price (限时特价) and a member day's discount
(会员日) named by their campaigns before paying, exactly what the checkout charges."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt

from memberdesk.domain import shoptime
from memberdesk.services.campaigns.promotions import (
    MemberDayRequest,
    SpecialRequest,
    add_member_day,
    add_special,
)
from tests.checkout_support.kit import yuan

from .counter_support import Till, make_till
from .test_counter_cart import cells, lines_of, totals

MONDAY_10 = datetime(2026, 3, 9, 2, 0, tzinfo=UTC)  # 10:00 in the shop (+08:00)


@pytest.fixture
def till(qtbot, ui, db, staff) -> Iterator[Till]:  # type: ignore[no-untyped-def]
    with shoptime.frozen(MONDAY_10):
        yield make_till(qtbot, ui, db, staff)


def test_the_cart_shows_the_special_and_the_member_day_before_paying(till: Till) -> None:
    w = till.world
    add_special(w.db, w.owner, SpecialRequest(
        "早场可乐", "COLA", yuan("2.00"), datetime(2026, 3, 9, 8), datetime(2026, 3, 9, 12)))
    add_member_day(w.db, w.owner, MemberDayRequest(
        "周一会员日", weekday=0, discount_permille=900, multiplier_permille=2000,
        holdout_permille=0))
    till.ring_up("COLA", "BEER")  # a walk-in: the special price only
    assert cells(till) == [["可口可乐 330ml", "1", "¥3.50", "-¥1.50", "¥2.00"],
                           ["青岛啤酒 500ml", "1", "¥6.00", "", "¥6.00"]]
    assert lines_of(till) == [("早场可乐", "-¥1.50")]
    till.find("13800000001")  # 张三, a member: the member day on the beer too
    till.settle()
    assert cells(till)[1] == ["青岛啤酒 500ml", "1", "¥6.00", "-¥0.60", "¥5.40"]
    assert lines_of(till) == [("早场可乐", "-¥1.50"), ("周一会员日", "-¥0.60")]
    assert totals(till) == ("2", "¥9.50", "-¥2.10", "¥7.40")
    assert till.sale_count() == 0
    dialog = till.pay_key()
    assert dialog.due_value.text() == "¥7.40"
    assert dialog.rows["cash"].field.text() == "7.40"
    till.press(Qt.Key.Key_Return, dialog)  # cash, as filled in
    till.settle()
    [sale] = till.sales()
    assert sale.payable == yuan("7.40") and sale.discount_total == yuan("2.10")
