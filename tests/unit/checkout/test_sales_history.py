"""The refund screen's services: a member's recent sales, a sale's refundable lines."""

from __future__ import annotations

import pytest

from memberdesk.models.enums import SaleStatus, TenderKind
from memberdesk.services.checkout.history import (
    business_today,
    member_sales,
    recent_sales,
    sale_for_refund,
)
from memberdesk.services.shared.errors import NotFoundError
from tests.checkout_support.kit import World


def test_member_sales_and_refundable_lines(world: World) -> None:
    first = world.sell([("COLA", 2), ("CHIPS", 1)], [(TenderKind.CASH, "20")], member="alice")
    second = world.sell([("BEER", 1)], [(TenderKind.WECHAT, "6")], member="alice")
    bobs = world.sell([("BEER", 1)], [(TenderKind.CASH, "6")], member="bob")
    world.refund(first.sale_no, lines=((1, 1),))
    sales = member_sales(world.db, world.cashier, world.members["alice"])
    assert [s.sale_no for s in sales] == [second.sale_no, first.sale_no]
    assert sales[1].lines == 2 and sales[1].status is SaleStatus.PARTIALLY_REFUNDED
    assert sales[0].cashier == "张收银"
    assert {s.member_name for s in sales} == {"张三"}
    walk_in = world.sell([("COLA", 1)], [(TenderKind.CASH, "3.50")])
    shop = recent_sales(world.db, world.cashier, limit=2)  # the shop's: whose each sale is
    assert [(s.sale_no, s.member_name) for s in shop] == [
        (walk_in.sale_no, None), (bobs.sale_no, "李四")]
    detail = sale_for_refund(world.db, world.cashier, f" {first.sale_no} ")
    assert [(ln.line_no, ln.qty, ln.refunded_qty) for ln in detail.lines] == [(1, 2, 1), (2, 1, 0)]
    assert detail.lines[0].refundable_qty == 1
    assert detail.member_name == "张三"
    with pytest.raises(NotFoundError):
        sale_for_refund(world.db, world.cashier, "S19990101-0001")
    assert business_today(world.db) == first.business_date
