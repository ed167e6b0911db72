"""Stock per store (issue 15 §2): two stores sell one product and each store's stock
moves alone; a refund returns stock to the sale's store; the negative-stock rule holds
per store; a transfer between stores (调拨) is one audited transaction; staff of one
store cannot change another's stock; ``db check``, the stock list and the report work
store by store; migration 0027 goes down and up with data. On both engines
(tests/pg_engine.PG_SUITES)."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from memberdesk.db import Database
from memberdesk.models import AuditEntry, StockEntry, StockKind, Store
from memberdesk.models.enums import Role, TenderKind
from memberdesk.services.backup.integrity import check_database
from memberdesk.services.checkout.sale import checkout
from memberdesk.services.reporting.stock_report import stock_document, stock_report
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import PermissionDenied, UserError
from memberdesk.services.shifts import shift as shifts
from memberdesk.services.shop.stores import add_store, assign_staff
from memberdesk.services.staff import accounts as staff
from memberdesk.services.stock.ledger import count_stock, receive_stock, stock_of
from memberdesk.services.stock.transfer import transfer_stock
from memberdesk.services.stock.views import count_stock_rows, list_stock, product_movements
from tests.checkout_support.kit import World, build_world, snapshot, yuan


@pytest.fixture
def world(db, staff) -> World:  # type: ignore[no-untyped-def]
    return build_world(db, staff)


def _till(world: World, code: str) -> Database:
    """A till of store ``code`` on the same database (the engine is shared)."""
    return Database(world.db.engine, None, world.db.keyring, code)


def _staff_of(world: World, code: str, username: str, role: Role) -> Actor:
    staff.create_staff(world.db, world.owner, username=username, display_name=username,
                       role=role, password="store-pass-1")
    assign_staff(world.db, world.owner, username, code)
    return staff.login(world.db, username, "store-pass-1")


def _chain(world: World) -> tuple[Database, Actor, Actor]:
    """Store B2 with its till, a cashier with an open shift there and its manager."""
    add_store(world.db, world.owner, "B2", "人民路店")
    till_b = _till(world, "B2")
    cashier_b = _staff_of(world, "B2", "cashier_b", Role.CASHIER)
    shifts.open_shift(till_b, cashier_b, yuan("100"))
    return till_b, cashier_b, _staff_of(world, "B2", "manager_b", Role.MANAGER)


def _on_hand(world: World, code: str) -> dict[str, int | None]:
    return {store: (i.on_hand if (i := stock_of(world.db, code, store)).tracked else None)
            for store in ("MAIN", "B2")}


def test_two_stores_selling_one_product_move_their_own_stock(world: World) -> None:
    till_b, cashier_b, manager_b = _chain(world)
    receive_stock(world.db, world.manager, "COLA", 10)  # the till's store: MAIN
    receive_stock(till_b, manager_b, "COLA", 4)  # B2's till: B2
    assert _on_hand(world, "COLA") == {"MAIN": 10, "B2": 4}
    world.sell([("COLA", 3)], [(TenderKind.CASH, "20")])
    assert _on_hand(world, "COLA") == {"MAIN": 7, "B2": 4}
    checkout(till_b, cashier_b, world.request([("COLA", 1)], [(TenderKind.CASH, "10")]))
    assert _on_hand(world, "COLA") == {"MAIN": 7, "B2": 3}
    # a product tracked only in MAIN moves nothing when B2 sells it
    receive_stock(world.db, world.owner, "CHIPS", 5)
    checkout(till_b, cashier_b, world.request([("CHIPS", 2)], [(TenderKind.CASH, "20")]))
    assert _on_hand(world, "CHIPS") == {"MAIN": 5, "B2": None}
    # the list per store, and the chain's sum (全部门店)
    rows = {r.code: r.on_hand for r in list_stock(world.db, store="B2").rows if r.tracked}
    assert rows == {"COLA": 3}
    rows = {r.code: r.on_hand for r in list_stock(till_b).rows if r.tracked}
    assert rows == {"COLA": 3}  # a till's own store by default
    every = {r.code: (r.on_hand, r.low_at) for r in list_stock(world.db, store="ALL").rows
             if r.tracked}
    assert every == {"COLA": (10, None), "CHIPS": (5, None)}
    assert count_stock_rows(world.db, "ALL") == (2, 0)
    assert count_stock_rows(till_b) == (1, 0)
    moves = product_movements(world.db, "COLA", store="ALL").movements
    assert [(m.store, m.kind, m.delta) for m in moves] == [
        ("B2", StockKind.SALE, -1), ("MAIN", StockKind.SALE, -3),
        ("B2", StockKind.RECEIVE, 4), ("MAIN", StockKind.RECEIVE, 10)]
    assert check_database(world.db) == []


def test_the_negative_stock_rule_holds_per_store(world: World) -> None:
    till_b, cashier_b, manager_b = _chain(world)
    world.set_settings(stock__allow_negative=False)
    receive_stock(world.db, world.owner, "COLA", 5)
    count_stock(till_b, manager_b, "COLA", 0, "开店盘点")  # tracked in B2, none on hand
    before = snapshot(world.db)
    with pytest.raises(UserError) as caught:
        checkout(till_b, cashier_b, world.request([("COLA", 1)], [(TenderKind.CASH, "10")]))
    assert caught.value.code == "stock_short"  # MAIN's 5 do not help B2
    assert snapshot(world.db) == before
    world.sell([("COLA", 5)], [(TenderKind.CASH, "50")])  # MAIN sells all of its own
    assert _on_hand(world, "COLA") == {"MAIN": 0, "B2": 0}


def test_a_refund_returns_stock_to_the_sale_s_store(world: World) -> None:
    till_b, cashier_b, _manager_b = _chain(world)
    receive_stock(world.db, world.owner, "COLA", 10)
    receive_stock(world.db, world.owner, "COLA", 6, store="B2")
    sale = checkout(till_b, cashier_b, world.request([("COLA", 2)], [(TenderKind.CASH, "10")]))
    assert _on_hand(world, "COLA") == {"MAIN": 10, "B2": 4}
    world.refund(sale.sale_no)  # the owner refunds at MAIN's till: B2's goods go back to B2
    assert _on_hand(world, "COLA") == {"MAIN": 10, "B2": 6}
    with world.db.reader() as uow:
        where = uow.session.execute(
            select(Store.code).join(StockEntry, StockEntry.store_id == Store.id)
            .where(StockEntry.kind == StockKind.REFUND)).scalars().all()
    assert where == ["B2"]
    assert check_database(world.db) == []


def test_a_transfer_moves_stock_between_stores_in_one_audited_transaction(world: World) -> None:
    till_b, _cashier_b, manager_b = _chain(world)
    receive_stock(world.db, world.owner, "COLA", 10)
    moved = transfer_stock(world.db, world.manager, "COLA", 4, "b2", note="调拨单 T1")
    assert (moved.sent.store, moved.sent.on_hand) == ("MAIN", 6)
    assert (moved.received.store, moved.received.on_hand, moved.received.tracked) == (
        "B2", 4, True)  # the first transfer in starts tracking in B2
    assert _on_hand(world, "COLA") == {"MAIN": 6, "B2": 4}
    moves = product_movements(world.db, "COLA", store="ALL").movements
    assert [(m.store, m.kind, m.delta, m.on_hand_after, m.peer, m.note) for m in moves[:2]] == [
        ("B2", StockKind.TRANSFER_IN, 4, 4, "MAIN", "调拨单 T1"),
        ("MAIN", StockKind.TRANSFER_OUT, -4, 6, "B2", "调拨单 T1")]
    with world.db.reader() as uow:
        detail = uow.session.scalars(select(AuditEntry.detail).where(
            AuditEntry.action == "stock.transfer")).all()
    assert len(detail) == 1 and '"from": "MAIN"' in detail[0] and '"to": "B2"' in detail[0]
    # never more than the sending store has (whatever the setting says of sales),
    # never to itself: nothing written
    before = snapshot(world.db)
    with pytest.raises(UserError) as caught:
        transfer_stock(world.db, world.owner, "COLA", 7, "B2")
    assert caught.value.code == "stock_transfer_short"
    assert caught.value.message("en") == (
        "Not enough “可口可乐 330ml” in store MAIN: 6 on hand, 7 to send")
    with pytest.raises(UserError) as caught:
        transfer_stock(world.db, world.owner, "COLA", 1, "MAIN")
    assert caught.value.code == "stock_transfer_same_store"
    with pytest.raises(UserError) as caught:
        transfer_stock(world.db, world.owner, "BEER", 1, "B2")
    assert caught.value.code == "stock_not_tracked"
    # a manager of B2 cannot pull goods out of MAIN; from B2's own stock they may
    with pytest.raises(PermissionDenied):
        transfer_stock(world.db, manager_b, "COLA", 1, "B2", from_store="MAIN")
    with pytest.raises(PermissionDenied):
        transfer_stock(world.db, world.cashier, "COLA", 1, "B2")
    assert snapshot(world.db) == before
    transfer_stock(till_b, manager_b, "COLA", 1, "MAIN")
    assert _on_hand(world, "COLA") == {"MAIN": 7, "B2": 3}
    assert check_database(world.db) == []


def test_a_manager_of_one_store_cannot_change_another_s_stock(world: World) -> None:
    till_b, _cashier_b, manager_b = _chain(world)
    receive_stock(world.db, world.owner, "COLA", 10)
    before = snapshot(world.db)
    for attempt in (
        lambda: count_stock(world.db, manager_b, "COLA", 3, "盘点"),  # at MAIN's till
        lambda: count_stock(till_b, manager_b, "COLA", 3, "盘点", store="MAIN"),
        lambda: receive_stock(till_b, manager_b, "COLA", 3, store="MAIN"),
    ):
        with pytest.raises(PermissionDenied) as caught:
            attempt()
        assert caught.value.code == "store_not_yours"
    assert snapshot(world.db) == before
    assert count_stock(till_b, manager_b, "COLA", 3, "开店盘点").store == "B2"  # their own
    count_stock(world.db, world.owner, "COLA", 9, "破损 1", store="MAIN")  # the owner: any
    assert _on_hand(world, "COLA") == {"MAIN": 9, "B2": 3}


def test_db_check_and_the_report_go_store_by_store(world: World) -> None:
    till_b, cashier_b, _manager_b = _chain(world)
    receive_stock(world.db, world.owner, "COLA", 10)
    receive_stock(world.db, world.owner, "COLA", 2, store="B2")
    sale = checkout(till_b, cashier_b, world.request([("COLA", 3)], [(TenderKind.CASH, "20")]))
    rep = stock_report(world.db, world.owner, store="B2")
    assert [(ln.code, ln.on_hand) for ln in rep.lines] == [("COLA", -1)]
    assert [b.sale_no for b in rep.below_zero] == [sale.sale_no]
    assert rep.store == "B2 人民路店"
    every = stock_report(world.db, world.owner, store="ALL")
    assert [(ln.store, ln.on_hand) for ln in every.lines] == [("B2", -1), ("MAIN", 10)]
    doc = stock_document(every, "测试便利店", every.generated_at, "en")
    assert doc.tables[0].columns[0].title == "Store" and "all stores" in doc.period
    mine = stock_report(world.db, world.manager)  # MAIN's till: MAIN
    assert [(ln.code, ln.on_hand) for ln in mine.lines] == [("COLA", 10)]
    assert mine.below_zero == ()
    with world.db.uow() as uow:  # B2's cached figure tampered with, MAIN's left alone
        b2 = uow.session.scalar(select(Store.id).where(Store.code == "B2"))
        uow.session.execute(text("UPDATE stock_levels SET on_hand = 70 WHERE store_id = :s"),
                            {"s": b2})
        uow.commit()
    assert [(p.check, p.message) for p in check_database(world.db)] == [
        ("stock", "product COLA (可口可乐 330ml) in store B2: 70 on hand but its stock ledger "
                  "sums to -1")]


def _migrate(db: Database, revision: str, *, down: bool) -> None:
    from alembic import command

    from memberdesk.db.migrate import alembic_config

    cfg = alembic_config(db.engine)
    with db.engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("PRAGMA foreign_keys = OFF")  # as db/migrate does
        cfg.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(cfg, revision)


def test_migration_0027_keeps_the_stock_both_ways(world: World) -> None:
    """Down to one stock per product and up again with a shop's stock: the levels and
    entries stay, belong to the first store, and the ledger stays append-only; down is
    refused while two stores hold stock."""
    from sqlalchemy.exc import DatabaseError

    receive_stock(world.db, world.owner, "COLA", 10)
    world.sell([("COLA", 3)], [(TenderKind.CASH, "20")])
    count_stock(world.db, world.owner, "CHIPS", 4, "期初")
    world.db.engine.dispose()
    figures = "SELECT product_id, on_hand FROM stock_levels ORDER BY product_id"
    entries = "SELECT id, product_id, kind, delta, on_hand_after FROM stock_entries ORDER BY id"
    with world.db.engine.connect() as conn:
        levels, ledger = conn.execute(text(figures)).all(), conn.execute(text(entries)).all()

    def refuses_update() -> bool:
        try:
            with world.db.engine.begin() as conn:
                conn.execute(text("UPDATE stock_entries SET delta = 100"))
        except DatabaseError as exc:
            return "append-only" in str(exc)
        return False

    _migrate(world.db, "0026_gifts", down=True)
    with world.db.engine.connect() as conn:
        assert conn.execute(text(figures)).all() == levels
        assert conn.execute(text(entries)).all() == ledger
    assert refuses_update()
    _migrate(world.db, "head", down=False)
    with world.db.engine.connect() as conn:
        assert conn.execute(text(figures)).all() == levels
        assert conn.execute(text(entries)).all() == ledger
        assert conn.execute(text(
            "SELECT DISTINCT s.code FROM stock_entries e JOIN stores s ON s.id = e.store_id"
        )).all() == [("MAIN",)]
    assert refuses_update()
    world.db.engine.dispose()
    assert stock_of(world.db, "COLA").on_hand == 7 and check_database(world.db) == []
    add_store(world.db, world.owner, "B2", "人民路店")
    transfer_stock(world.db, world.owner, "COLA", 2, "B2")
    world.db.engine.dispose()
    with pytest.raises(RuntimeError, match="more than one store holds stock"):
        _migrate(world.db, "0026_gifts", down=True)
    world.db.engine.dispose()
    assert _on_hand(world, "COLA") == {"MAIN": 5, "B2": 2}
    assert check_database(world.db) == []
