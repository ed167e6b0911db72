"""Points earning per category (rules_admin.set_category_points): a category's own
rate overrides the shop's for its products and its sub-categories'; owner only,
audited; points already earned stay."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from memberdesk.domain.points import earn_rate
from memberdesk.models import AuditEntry
from memberdesk.models.enums import TenderKind
from memberdesk.services.catalog import products as catalog
from memberdesk.services.shared.errors import PermissionDenied, ValidationError
from memberdesk.services.stored_value.offers_admin import loyalty_rules, set_category_points
from tests.checkout_support.kit import World, yuan


def test_the_nearest_category_with_a_rate_wins() -> None:
    assert earn_rate((3, 2, 1), {1: 5, 2: 0}, 1) == 0  # the parent's 0 before the root's 5
    assert earn_rate((3, 1), {1: 5}, 1) == 5
    assert earn_rate((3,), {}, 1) == 1 and earn_rate((), {1: 5}, None) is None


def test_a_category_rate_changes_what_its_products_earn(world: World) -> None:
    w = world
    before = w.sell([("COLA", 1), ("CHIPS", 1)], [(TenderKind.CASH, "20")], member="alice")
    assert before.points_earned == 12  # 3.50 + 8.80 at the shop's 1 per yuan
    assert set_category_points(w.db, w.owner, "drinks", 5) == ("drinks", 5)
    r = w.sell([("COLA", 1), ("CHIPS", 1)], [(TenderKind.CASH, "20")], member="alice")
    assert r.points_earned == 26  # 3.50 x 5 + 8.80 x 1 = 26.3
    # a sub-category of drinks earns the drinks rate; 0 stops earning in snacks
    tea = catalog.create_category(w.db, w.owner, code="tea", name="茶",
                                  parent_id=w.categories["drinks"])
    catalog.create_product(w.db, w.owner, catalog.ProductDraft(
        code="TEA", name="绿茶", price=yuan("2.00"), category_id=tea.id))
    set_category_points(w.db, w.owner, "snacks", 0)
    r = w.sell([("TEA", 1), ("CHIPS", 1)], [(TenderKind.CASH, "20")], member="alice")
    assert r.points_earned == 10
    assert w.balances("alice")[2] == 12 + 26 + 10  # what was earned before stays
    rates = {c: rate for c, _n, rate in loyalty_rules(w.db).category_rates}
    assert (rates["drinks"], rates["snacks"], rates["tea"]) == (5, 0, None)


def test_only_the_owner_sets_it_in_range_and_it_is_audited(world: World) -> None:
    w = world
    with pytest.raises(PermissionDenied):
        set_category_points(w.db, w.manager, "drinks", 5)
    with pytest.raises(ValidationError) as err:
        set_category_points(w.db, w.owner, "drinks", 101)
    assert "100" in err.value.message("en")
    set_category_points(w.db, w.owner, "drinks", 5)
    set_category_points(w.db, w.owner, "drinks", None)  # back to the shop's rate
    with w.db.reader() as uow:
        details = list(uow.session.scalars(select(AuditEntry.detail).where(
            AuditEntry.action == "category.points")))
    assert details == ['{"points_per_yuan": [null, 5]}', '{"points_per_yuan": [5, null]}']
