"""A product's optional cost (进价, issue 11 item 1): kept in fen or unknown, never
negative, above the price allowed; changed by edit and audited old -> new."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import select

from memberdesk.db import Database
from memberdesk.models import AuditEntry
from memberdesk.money import Money
from memberdesk.services.audit.view import detail_lines
from memberdesk.services.catalog import products as catalog
from memberdesk.services.catalog.admin import edit_product, list_products, product_detail
from memberdesk.services.shared.errors import UserError


def _draft(**kw: Any) -> catalog.ProductDraft:
    return catalog.ProductDraft(**{"code": "1001", "name": "可口可乐 330ml",
                                   "price": Money(350), **kw})


def test_a_cost_is_optional_kept_and_listed(db: Database, staff: dict[str, Any]) -> None:
    owner = staff["owner"]
    assert catalog.create_product(db, owner, _draft()).cost is None
    assert catalog.create_product(db, owner, _draft(code="1002", cost=Money(210))).cost == Money(210)
    assert product_detail(db, "1002").product.cost == Money(210)
    assert [r.product.cost for r in list_products(db).rows] == [None, Money(210)]
    # the draft of a detail keeps the cost: an edit of another field leaves it
    assert edit_product(db, owner, "1002", price=Money(380)).product.cost == Money(210)


def test_a_negative_cost_is_refused_a_cost_above_the_price_is_not(
        db: Database, staff: dict[str, Any]) -> None:
    owner = staff["owner"]
    with pytest.raises(UserError) as info:
        catalog.create_product(db, owner, _draft(cost=Money(-1)))
    assert "负" in info.value.message() and "negative" in info.value.message("en")
    with pytest.raises(UserError) as info:
        catalog.create_product(db, owner, _draft(cost=Money(100_000_001)))
    assert info.value.message("en").startswith("The cost of ¥1,000,000.01 is not plausible")
    assert list_products(db).rows == ()
    loss_leader = catalog.create_product(db, owner, _draft(cost=Money(400)))
    assert (loss_leader.price, loss_leader.cost) == (Money(350), Money(400))


def test_a_changed_or_removed_cost_is_audited(db: Database, staff: dict[str, Any]) -> None:
    manager = staff["manager"]
    catalog.create_product(db, manager, _draft(cost=Money(200)))
    edit_product(db, manager, "1001", cost=Money(230))
    assert edit_product(db, manager, "1001", cost=None).product.cost is None
    with db.reader() as uow:
        details = [json.loads(d) for d in uow.session.scalars(
            select(AuditEntry.detail).where(AuditEntry.entity == "product")
            .order_by(AuditEntry.id))]
    assert details[0]["cost"] == 200
    assert details[1] == {"cost": [200, 230]} and details[2] == {"cost": [230, None]}
    lines = detail_lines(json.dumps(details[1]), "en")
    assert [(d.field, d.old, d.new) for d in lines] == [("cost", "¥2.00", "¥2.30")]
