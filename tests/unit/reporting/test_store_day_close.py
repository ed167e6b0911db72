"""Each store closes its own day (issue 15 §2): two stores close the same business date
independently, each close counting only its store's sales, refunds, recharges and
shifts; close numbers are one sequence over the chain. On both engines
(tests/pg_engine.PG_SUITES)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from memberdesk.db import Database
from memberdesk.models import DayClose, Store
from memberdesk.models.enums import Role, TenderKind
from memberdesk.money import Money
from memberdesk.services.backup.integrity import check_database
from memberdesk.services.checkout.sale import checkout
from memberdesk.services.closing.day_close import close_day, day_report
from memberdesk.services.refunds.sales import SaleRefundRequest, refund_sale
from memberdesk.services.shared import clock
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import ConflictError, PermissionDenied
from memberdesk.services.shifts import shift as shifts
from memberdesk.services.shop.stores import add_store, assign_staff
from memberdesk.services.staff import accounts as staff
from memberdesk.services.stored_value.recharge import RechargeRequest, recharge
from tests.checkout_support.kit import World, cid, yuan


def _till(world: World, code: str) -> Database:
    return Database(world.db.engine, None, world.db.keyring, code)


def _staff_of(world: World, code: str, username: str, role: Role) -> Actor:
    staff.create_staff(world.db, world.owner, username=username, display_name=username,
                       role=role, password="store-pass-1")
    assign_staff(world.db, world.owner, username, code)
    return staff.login(world.db, username, "store-pass-1")


def _close_shifts(db: Database, *actors: Actor) -> None:
    for actor in actors:
        cur = shifts.current_shift(db, actor)
        if cur is not None:
            shifts.close_shift(db, actor, {a.kind: a.expected or Money(0) for a in cur.amounts
                                           if a.kind is TenderKind.CASH})


def test_two_stores_close_the_same_date_each_over_its_own_takings(world: World) -> None:
    w = world
    add_store(w.db, w.owner, "B2", "人民路店")
    till_b = _till(w, "B2")
    cashier_b = _staff_of(w, "B2", "cashier_b", Role.CASHIER)
    manager_b = _staff_of(w, "B2", "manager_b", Role.MANAGER)
    shifts.open_shift(till_b, cashier_b, yuan("50"))
    shifts.open_shift(till_b, manager_b, yuan("50"))
    sold_b = checkout(till_b, cashier_b, w.request([("BEER", 2)], [(TenderKind.CASH, "20")]))
    kept_b = checkout(till_b, cashier_b, w.request([("COLA", 1)], [(TenderKind.WECHAT, "3.5")]))
    charged_b = recharge(till_b, cashier_b, RechargeRequest(
        cid(), w.members["carol"], yuan("100"), TenderKind.CASH))
    refund_b = refund_sale(till_b, manager_b, SaleRefundRequest(cid(), sold_b.sale_no,
                                                              reason="顾客退货"))
    sold_a = w.sell([("CHIPS", 1)], [(TenderKind.CASH, "10")])
    charged_a = w.recharge("alice", "200")
    with w.db.reader() as r:
        today = clock.business_date(r.session, clock.now())

    # B closes while A's shifts are still open: A's open shifts are A's business
    _close_shifts(till_b, cashier_b, manager_b)
    b = close_day(till_b, manager_b, today).report
    assert (b.close_no, b.sales_count, b.store) == (1, 2, "B2 人民路店")  # sealed with it
    assert b.net == sold_b.payable + kept_b.payable
    assert (b.recharges_count, b.recharges_principal) == (1, charged_b.amount)
    assert [r.refund_no for r in b.refunds] == [refund_b.refund_no]
    assert {sh.staff for sh in b.shifts} == {"cashier_b", "manager_b"}
    assert {c.staff for c in b.cashiers} == {"cashier_b", "manager_b"}

    with pytest.raises(ConflictError) as still_open:  # A's own shifts hold A's close
        close_day(w.db, w.owner, today)
    assert still_open.value.code == "shifts_still_open"
    assert "cashier_b" not in still_open.value.message("en")
    _close_shifts(w.db, w.cashier, w.manager, w.owner)
    a = close_day(w.db, w.owner, today).report
    assert (a.close_no, a.sales_count, a.net) == (2, 1, sold_a.payable)
    assert a.store.startswith("MAIN ")
    assert (a.recharges_count, a.recharges_principal, a.refunds) == (1, charged_a.amount, ())
    assert {sh.staff for sh in a.shifts}.isdisjoint({"cashier_b", "manager_b"})

    # each store reads back its own sealed close; closing again replays it
    again = close_day(till_b, w.owner, today)
    assert again.replayed and again.report.close_no == 1
    assert day_report(till_b, w.owner, today).close_no == 1
    assert day_report(w.db, w.owner, today).close_no == 2
    with w.db.reader() as r:
        closes = r.session.execute(
            select(DayClose.close_no, Store.code).join(Store, Store.id == DayClose.store_id)
            .order_by(DayClose.close_no)).all()
    assert [tuple(c) for c in closes] == [(1, "B2"), (2, "MAIN")]
    assert check_database(w.db) == []


def test_the_next_close_of_a_store_takes_only_what_came_after_its_own(world: World) -> None:
    w = world
    add_store(w.db, w.owner, "B2", "人民路店")
    till_b = _till(w, "B2")
    cashier_b = _staff_of(w, "B2", "cashier_b", Role.CASHIER)
    _close_shifts(w.db, w.cashier, w.manager, w.owner)
    with w.db.reader() as r:
        today = clock.business_date(r.session, clock.now())
    assert close_day(w.db, w.owner, today).report.sales_count == 0  # A closes first, empty
    shifts.open_shift(till_b, cashier_b, yuan("50"))
    sold = checkout(till_b, cashier_b, w.request([("BEER", 1)], [(TenderKind.CASH, "10")]))
    _close_shifts(till_b, cashier_b)
    b = close_day(till_b, w.owner, today).report  # A's close is not B's watermark
    assert (b.sales_count, b.net) == (1, sold.payable)


def test_a_manager_of_one_store_cannot_close_another_stores_day(world: World) -> None:
    w = world
    add_store(w.db, w.owner, "B2", "人民路店")
    manager_b = _staff_of(w, "B2", "manager_b", Role.MANAGER)
    _close_shifts(w.db, w.cashier, w.manager, w.owner)
    with w.db.reader() as r:
        today = clock.business_date(r.session, clock.now())
    with pytest.raises(PermissionDenied) as caught:
        close_day(w.db, manager_b, today)
    assert caught.value.code == "store_not_yours"
    with w.db.reader() as r:
        assert r.session.scalar(select(DayClose.id)) is None
    assert close_day(_till(w, "B2"), manager_b, today).report.close_no == 1


def _migrate(db: Database, revision: str, *, down: bool) -> None:
    from alembic import command

    from memberdesk.db.migrate import alembic_config

    cfg = alembic_config(db.engine)
    with db.engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("PRAGMA foreign_keys = OFF")  # as db/migrate does
        cfg.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(cfg, revision)


def test_migration_0023_keeps_the_closes_and_their_guards_both_ways(world: World) -> None:
    """Down to one close a day (refused while two stores closed one date) and up again:
    the existing closes belong to the first store; UPDATE stays refused throughout."""
    from sqlalchemy import text
    from sqlalchemy.exc import DatabaseError

    w = world
    _close_shifts(w.db, w.cashier, w.manager, w.owner)
    with w.db.reader() as r:
        today = clock.business_date(r.session, clock.now())
    close_day(w.db, w.owner, today)
    add_store(w.db, w.owner, "B2", "人民路店")
    w.db.engine.dispose()

    def refuses_update() -> bool:
        try:
            with w.db.engine.begin() as conn:
                conn.execute(text("UPDATE day_closes SET report_hash = 'x'"))
        except DatabaseError as exc:
            return "append-only" in str(exc)
        return False

    _migrate(w.db, "0022_product_cost", down=True)
    with w.db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM day_closes")).scalar() == 1
    assert refuses_update()
    _migrate(w.db, "head", down=False)
    with w.db.engine.connect() as conn:
        assert conn.execute(text(
            "SELECT s.code FROM day_closes d JOIN stores s ON s.id = d.store_id")).all() == [
            ("MAIN",)]
    assert refuses_update()
    w.db.engine.dispose()
    till_b = _till(w, "B2")
    assert close_day(till_b, w.owner, today).report.close_no == 2  # B2 closes the date too
    w.db.engine.dispose()
    with pytest.raises(RuntimeError, match="two stores closed"):
        _migrate(w.db, "0022_product_cost", down=True)
    assert check_database(w.db) == []
