"""The counter's cart shows a special price (限时特价) and a member day's discount
(会员日) named by their campaigns before paying, exactly what the checkout charges; a
gift with a purchase (满赠) is a 赠品 line at zero price while the cart reaches it."""

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


def test_the_gift_line_comes_and_goes_with_the_cart_and_is_sold_at_zero(till: Till) -> None:
    from sqlalchemy import select

    from memberdesk.models import SaleLine
    from memberdesk.services.campaigns.gifts import GiftRequest, add_gift

    w = till.world
    add_gift(w.db, w.owner, GiftRequest(
        "满15送薯片", "CHIPS", yuan("15"), datetime(2026, 3, 9, 8), datetime(2026, 3, 9, 20),
        holdout_permille=0))
    till.ring_up("BEER", "BEER")  # 12.00: below 15
    assert cells(till) == [["青岛啤酒 500ml", "2", "¥6.00", "", "¥12.00"]]
    till.ring_up("BEER")  # 18.00: the gift comes
    assert cells(till) == [["青岛啤酒 500ml", "3", "¥6.00", "", "¥18.00"],
                           ["【赠品】乐事薯片 原味 70g", "1", "¥0.00", "", "¥0.00"]]
    assert totals(till) == ("3", "¥18.00", "¥0.00", "¥18.00")
    till.counter.cart.select(1)  # the gift line is not the cashier's to change
    assert till.counter.cart.selected_row() == -1
    till.press(Qt.Key.Key_Plus, till.product)
    assert cells(till)[0][1] == "3"
    till.counter.cart.select(0)
    till.press(Qt.Key.Key_Minus, till.product)  # 12.00 again: the gift goes
    assert [row[0] for row in cells(till)] == ["青岛啤酒 500ml"]
    till.press(Qt.Key.Key_Plus, till.product)
    assert cells(till)[-1][0] == "【赠品】乐事薯片 原味 70g"
    dialog = till.pay_key()
    assert dialog.due_value.text() == "¥18.00"
    till.press(Qt.Key.Key_Return, dialog)
    till.settle()
    [sale] = till.sales()
    with w.db.reader() as uow:
        lines = uow.session.execute(select(SaleLine.description, SaleLine.net_amount,
                                           SaleLine.gift_campaign_id.is_not(None))
                                    .where(SaleLine.sale_id == sale.id)
                                    .order_by(SaleLine.line_no)).all()
    assert [tuple(x) for x in lines] == [("青岛啤酒 500ml", yuan("18.00"), False),
                                         ("乐事薯片 原味 70g", yuan("0.00"), True)]


def test_a_gift_out_of_stock_is_left_out_and_the_counter_says_why(till: Till) -> None:
    from memberdesk.services.campaigns.gifts import GiftRequest, add_gift
    from memberdesk.services.stock.ledger import receive_stock

    w = till.world
    w.set_settings(stock__allow_negative=False)
    receive_stock(w.db, w.manager, "BEER", 10)
    receive_stock(w.db, w.manager, "CHIPS", 1)
    add_gift(w.db, w.owner, GiftRequest(
        "满15送两包薯片", "CHIPS", yuan("15"), datetime(2026, 3, 9, 8),
        datetime(2026, 3, 9, 20), qty=2, holdout_permille=0))
    till.ring_up("BEER", "BEER", "BEER")  # 18.00: reaches the gift, one bag on the shelf
    assert [row[0] for row in cells(till)] == ["青岛啤酒 500ml"]
    assert till.main.banner.text == "满赠“满15送两包薯片”的赠品“乐事薯片 原味 70g”库存不足：本单不送赠品"
    dialog = till.pay_key()
    assert dialog.due_value.text() == "¥18.00"
    till.press(Qt.Key.Key_Return, dialog)
    till.settle()
    assert len(till.sales()) == 1  # the sale went through, without the gift
