"""Reports per store and across stores (issue 15 §2): the sales detail and the day
report take a store (this till's by default, a named one, ALL for head office);
staff of one store see only their own. On both engines (tests/pg_engine.PG_SUITES)."""

from __future__ import annotations

from datetime import date

import pytest

from memberdesk.db import Database
from memberdesk.models.enums import Role, TenderKind
from memberdesk.services.checkout.sale import checkout
from memberdesk.services.closing.day_close import day_report
from memberdesk.services.refunds.sales import SaleRefundRequest, refund_sale
from memberdesk.services.reporting.sales_detail import sales_detail, sales_detail_document
from memberdesk.services.shared import clock
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import PermissionDenied, ValidationError
from memberdesk.services.shifts import shift as shifts
from memberdesk.services.shop.stores import add_store, assign_staff
from memberdesk.services.staff import accounts as staff
from tests.checkout_support.kit import World, cid, yuan


def _today(w: World) -> date:
    with w.db.reader() as r:
        return clock.business_date(r.session, clock.now())


def _sales(db: Database, actor: Actor, day: date, store: str | None = None
           ) -> tuple[list[str], int, str, str]:
    """Sale numbers, refunds count, the store said and the document's period line."""
    with sales_detail(db, actor, day, day, store) as rep:
        nos = sorted({r.sale_no for r in rep.lines()})
        doc = sales_detail_document(rep, "店", rep.generated_at, "zh_CN")
        return nos, rep.refunds_count, rep.store, doc.period


def _chain(w: World) -> tuple[Database, Actor, str, str]:
    """Store B2 with its own manager; a sale in each store, B2's refunded."""
    add_store(w.db, w.owner, "B2", "人民路店")
    till_b = Database(w.db.engine, None, w.db.keyring, "B2")
    staff.create_staff(w.db, w.owner, username="manager_b", display_name="manager_b",
                       role=Role.MANAGER, password="store-pass-1")
    assign_staff(w.db, w.owner, "manager_b", "B2")
    manager_b = staff.login(w.db, "manager_b", "store-pass-1")
    shifts.open_shift(till_b, manager_b, yuan("50"))
    sold_b = checkout(till_b, manager_b, w.request([("BEER", 1)], [(TenderKind.CASH, "10")]))
    refund_sale(till_b, manager_b, SaleRefundRequest(cid(), sold_b.sale_no, reason="退货"))
    sold_a = w.sell([("COLA", 1)], [(TenderKind.CASH, "10")])
    return till_b, manager_b, sold_a.sale_no, sold_b.sale_no


def test_the_sales_detail_of_this_store_a_named_store_and_all(world: World) -> None:
    w = world
    till_b, manager_b, a, b = _chain(w)
    day = _today(w)
    assert _sales(w.db, w.owner, day) == ([a], 0, _main(w),
                                          f"{day.isoformat()}，门店 {_main(w)}")
    assert _sales(w.db, w.owner, day, "b2")[:3] == ([b], 1, "B2 人民路店")
    all_stores = _sales(w.db, w.owner, day, "ALL")
    assert all_stores[:3] == (sorted([a, b]), 1, "ALL") and all_stores[3].endswith("，全部门店")
    # a manager of one store: their store only, wherever they ask from
    assert _sales(till_b, manager_b, day)[:2] == ([b], 1)
    with pytest.raises(PermissionDenied) as other:
        _sales(till_b, manager_b, day, "MAIN")
    assert other.value.code == "store_not_yours"
    with pytest.raises(PermissionDenied) as every:
        _sales(till_b, manager_b, day, "ALL")
    assert every.value.code == "store_all_head_office"


def test_the_day_report_of_a_named_store_and_never_all(world: World) -> None:
    w = world
    till_b, manager_b, _a, _b = _chain(w)
    day = _today(w)
    assert day_report(w.db, w.owner, day).sales_count == 1
    of_b = day_report(w.db, w.owner, day, "B2")
    assert (of_b.sales_count, of_b.sale_refunds_count) == (1, 1)
    assert day_report(till_b, manager_b, day).sales_count == 1
    with pytest.raises(ValidationError) as caught:
        day_report(w.db, w.owner, day, "ALL")
    assert caught.value.code == "day_report_one_store"
    with pytest.raises(PermissionDenied):
        day_report(till_b, manager_b, day, "MAIN")


def test_a_shop_of_one_store_reports_as_before(world: World) -> None:
    w = world
    sold = w.sell([("COLA", 1)], [(TenderKind.CASH, "10")])
    day = _today(w)
    assert _sales(w.db, w.owner, day) == ([sold.sale_no], 0, "",
                                          day.isoformat())
    assert _sales(w.db, w.owner, day, "ALL")[:3] == ([sold.sale_no], 0, "")
    assert day_report(w.db, w.owner, day).store == ""  # a one-store shop's close as before


def _main(w: World) -> str:
    from memberdesk.services.shop.stores import list_stores

    first = list_stores(w.db)[0]
    return f"{first.code} {first.name}"
