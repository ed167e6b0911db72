"""Stores of a chain (issue 15 §2): each sale and shift is its till's store's; numbers
are per store on a server; a manager of one store cannot refund another's sale; the
owner keeps the stores (audited). On both engines (tests/pg_engine.PG_SUITES)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from memberdesk.db import Database
from memberdesk.models import AuditEntry, Refund, Sale, Shift, Store
from memberdesk.models.enums import Role, TenderKind
from memberdesk.services.checkout.sale import checkout
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import (
    ConflictError,
    NotFoundError,
    PermissionDenied,
    ValidationError,
)
from memberdesk.services.shifts import shift as shifts
from memberdesk.services.shop.stores import add_store, assign_staff, list_stores, set_store
from memberdesk.services.staff import accounts as staff
from tests.checkout_support.kit import World, yuan


def _till(world: World, code: str) -> Database:
    """A second till on the same database, in store ``code`` (the engine is shared)."""
    return Database(world.db.engine, None, world.db.keyring, code)


def _cashier_of(world: World, code: str, username: str) -> Actor:
    staff.create_staff(world.db, world.owner, username=username, display_name=username,
                       role=Role.CASHIER, password="cashier-pass")
    assign_staff(world.db, world.owner, username, code)
    return staff.login(world.db, username, "cashier-pass")


def _postgres(world: World) -> bool:
    return world.db.engine.dialect.name == "postgresql"


def _store_of(world: World, model: type[Sale] | type[Shift], no_column: str, no: str) -> str:
    with world.db.reader() as uow:
        return uow.session.scalar(
            select(Store.code).join(model, model.store_id == Store.id)
            .where(getattr(model, no_column) == no)) or ""


def test_a_single_shop_has_one_default_store_holding_its_sales(world: World) -> None:
    r = world.sell([("COLA", 1)], [(TenderKind.CASH, "10")])
    assert [s.code for s in list_stores(world.db)] == ["MAIN"]
    assert _store_of(world, Sale, "sale_no", r.sale_no) == "MAIN"
    # numbers keep their form in a shop file; a server's lead with the store's code
    assert r.sale_no.startswith("MAIN-S" if _postgres(world) else "S")


def test_two_stores_sell_with_their_own_numbers_and_shifts(world: World) -> None:
    add_store(world.db, world.owner, "b2", "人民路店", "人民路 8 号", "0571-1234567")
    till_b = _till(world, "B2")
    cashier_b = _cashier_of(world, "B2", "cashier_b")
    summary = shifts.open_shift(till_b, cashier_b, yuan("100"))
    assert _store_of(world, Shift, "shift_no", summary.shift_no) == "B2"
    a = world.sell([("COLA", 1)], [(TenderKind.CASH, "10")])
    b = checkout(till_b, cashier_b, world.request([("BEER", 1)], [(TenderKind.CASH, "10")]))
    assert _store_of(world, Sale, "sale_no", a.sale_no) == "MAIN"
    assert _store_of(world, Sale, "sale_no", b.sale_no) == "B2"
    assert a.sale_no != b.sale_no
    if _postgres(world):  # per store on a server: both stores' first sale of the day
        assert b.sale_no.startswith("B2-S") and b.sale_no.endswith("-0001")
        assert a.sale_no.startswith("MAIN-S") and a.sale_no.endswith("-0001")
        assert summary.shift_no.startswith("B2-B")


def test_a_manager_of_one_store_cannot_refund_a_sale_of_another(world: World) -> None:
    add_store(world.db, world.owner, "B2", "人民路店")
    till_b = _till(world, "B2")
    cashier_b = _cashier_of(world, "B2", "cashier_b")
    shifts.open_shift(till_b, cashier_b, yuan("100"))
    sale = checkout(till_b, cashier_b, world.request([("BEER", 1)], [(TenderKind.CASH, "10")]))
    assign_staff(world.db, world.owner, "manager", "MAIN")
    with pytest.raises(PermissionDenied) as caught:
        world.refund(sale.sale_no, actor=world.manager)
    assert caught.value.code == "store_not_yours"
    assert "B2" in caught.value.message("en")
    with world.db.reader() as uow:
        assert uow.session.scalar(select(func.count()).select_from(Refund)) == 0
    # the manager of every store, and the owner, may
    assign_staff(world.db, world.owner, "manager", "all")
    assert world.refund(sale.sale_no, actor=world.manager).refund_no


def test_the_owner_keeps_the_stores_audited(world: World) -> None:
    with pytest.raises(PermissionDenied):
        add_store(world.db, world.manager, "B2", "人民路店")
    info = add_store(world.db, world.owner, " b2 ", "人民路店")
    assert (info.code, info.name, info.active) == ("B2", "人民路店", True)
    with pytest.raises(ConflictError):
        add_store(world.db, world.owner, "B2", "又一家")
    with pytest.raises(ValidationError):
        add_store(world.db, world.owner, "B-2", "坏编号")
    with pytest.raises(ValidationError):
        add_store(world.db, world.owner, "B3", " ")
    closed = set_store(world.db, world.owner, "B2", phone="0571-1", active=False)
    assert (closed.phone, closed.active) == ("0571-1", False)
    with pytest.raises(NotFoundError):
        set_store(world.db, world.owner, "NOPE", name="x")
    with pytest.raises(PermissionDenied):
        assign_staff(world.db, world.manager, "cashier", "B2")
    with world.db.reader() as uow:
        actions = list(uow.session.scalars(select(AuditEntry.action)
                                           .where(AuditEntry.action.like("store.%"))))
    assert actions == ["store.add", "store.set"]


def test_a_till_naming_an_unknown_store_is_refused(world: World) -> None:
    with pytest.raises(NotFoundError) as caught:
        checkout(_till(world, "ZZ"), world.cashier,
                 world.request([("COLA", 1)], [(TenderKind.CASH, "10")]))
    assert caught.value.code == "store_unknown"
    with world.db.reader() as uow:
        assert uow.session.scalar(select(func.count()).select_from(Sale)) == 0


def test_staff_of_one_store_work_at_its_tills_only(world: World) -> None:
    add_store(world.db, world.owner, "B2", "人民路店")
    cashier_b = _cashier_of(world, "B2", "cashier_b")
    with pytest.raises(PermissionDenied) as caught:
        shifts.open_shift(world.db, cashier_b, yuan("100"))  # the MAIN till
    assert caught.value.code == "store_not_yours" and "MAIN" in caught.value.message("en")
    shifts.open_shift(_till(world, "B2"), cashier_b, yuan("100"))
    with pytest.raises(PermissionDenied):
        checkout(world.db, cashier_b, world.request([("COLA", 1)], [(TenderKind.CASH, "10")]))
    # staff of every store (the default) sell at any till, in the shift opened there
    assign_staff(world.db, world.owner, "cashier_b", "ALL")
    with pytest.raises(ValidationError) as no_shift:
        checkout(world.db, cashier_b, world.request([("COLA", 1)], [(TenderKind.CASH, "10")]))
    assert no_shift.value.code == "no_open_shift"
    assert checkout(_till(world, "B2"), cashier_b,
                    world.request([("COLA", 1)], [(TenderKind.CASH, "10")])).sale_no
    with world.db.reader() as uow:
        stores_of_sales = list(uow.session.scalars(
            select(Store.code).join(Sale, Sale.store_id == Store.id)))
    assert stores_of_sales == ["B2"]


def test_the_stores_overview_lists_own_staff_and_this_till(world: World) -> None:
    from memberdesk.services.shop.stores import stores_overview

    add_store(world.db, world.owner, "B2", "人民路店")
    _cashier_of(world, "B2", "cashier_b")
    with pytest.raises(PermissionDenied):
        stores_overview(world.db, world.manager)
    seen = stores_overview(_till(world, "B2"), world.owner)
    assert seen.network is _postgres(world)
    assert [(r.store.code, r.staff, r.this_till) for r in seen.rows] == [
        ("MAIN", (), False), ("B2", ("cashier_b",), True)]
    # a till does not close its own store (its next sale would be a closed store's)
    with pytest.raises(ConflictError) as caught:
        set_store(_till(world, "B2"), world.owner, "B2", active=False)
    assert caught.value.code == "store_is_this_till"
    assert set_store(world.db, world.owner, "B2", active=False).active is False
