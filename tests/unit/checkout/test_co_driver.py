"""The hot paths' statements on the driver (services/shared/driver.py): the same rows,
types and errors as ``Connection.execute``, the same events, on both engines."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.exc import IntegrityError

from memberdesk.models.enums import PointsKind, TenderKind
from memberdesk.services.campaigns.promotions import _OPEN
from memberdesk.services.checkout.cart import _CART_MEMBER
from memberdesk.services.checkout.till import _TILL
from memberdesk.services.shared import clock
from memberdesk.services.shared.driver import insert_returning, run, run_many
from memberdesk.services.shared.ledger import (
    _ADD_MOVES,
    _ADD_POINTS_ENTRY,
    _MOVE_POINTS,
    _USABLE_LOTS,
)
from memberdesk.services.shared.tables import connection
from tests.checkout_support.kit import World


def test_reads_give_what_core_gives(world: World) -> None:
    world.recharge("bob", "100")
    world.give_points("bob", 300)
    world.sell([("COLA", 1)], [(TenderKind.CASH, "10")], member="bob")
    with world.db.uow() as uow:
        conn = connection(uow.session)
        member = world.members["bob"]
        day = clock.today(uow.session)
        cases: list[tuple[Any, dict[str, Any]]] = [
            (_CART_MEMBER, {"member_id": member, "today": day}),
            (_USABLE_LOTS, {"member_id": member, "today": day}),
            (_OPEN, {"today": day}),
            (_TILL, {"staff_id": world.cashier.staff_id, "lo": "S", "hi": "T",
                     "client_id": "none", "store_id": 1}),
        ]
        for statement, params in cases:
            ours = [tuple(r) for r in run(conn, statement, params)]
            core = [tuple(r) for r in conn.execute(statement, params)]
            assert ours == core, statement
            assert [type(v) for r in ours for v in r] == [type(v) for r in core for v in r]
        row = run(conn, _CART_MEMBER, {"member_id": member, "today": day}).one()
        assert row.member_no == conn.execute(_CART_MEMBER, {
            "member_id": member, "today": day}).one().member_no


def test_writes_fill_defaults_return_rows_and_raise_sqlalchemys_errors(world: World) -> None:
    member = world.members["bob"]
    with world.db.uow() as uow:
        conn = connection(uow.session)
        after = run(conn, _MOVE_POINTS, {"member_id": member, "delta": 7}).scalar_one()
        entry = run(conn, _ADD_POINTS_ENTRY, {
            "member_id": member, "kind": PointsKind.ADJUSTMENT, "delta": 7, "balance_after": after,
            "sale_id": None, "recharge_id": None, "refund_id": None, "staff_id": None,
            "note": "driver"}).scalar_one()  # created_at left to the column's default
        stored = conn.exec_driver_sql(
            f"SELECT kind, created_at FROM points_entries WHERE id = {int(entry)}").one()
        assert stored[0] == "adjustment" and stored[1] is not None
        refused = run(conn, _MOVE_POINTS, {"member_id": member, "delta": -10**9})
        assert refused.first() is None  # the guard: no row comes back
        with pytest.raises(IntegrityError):  # no such entry: the foreign key refuses
            run_many(conn, _ADD_MOVES, [{"entry_id": 10**9, "lot_id": 10**9, "delta": 1}])


def test_a_multi_row_insert_returns_every_row(world: World) -> None:
    member = world.members["bob"]
    rows = [{"member_id": member, "kind": PointsKind.ADJUSTMENT, "delta": i, "balance_after": i,
             "sale_id": None, "recharge_id": None, "refund_id": None, "staff_id": None,
             "note": f"n{i}", "created_at": clock.now()} for i in range(1, 4)]
    with world.db.uow() as uow:
        ids = [r.id for r in insert_returning(connection(uow.session), _ADD_POINTS_ENTRY, rows)]
    assert len(ids) == 3 and len(set(ids)) == 3


def test_the_connections_events_see_each_statement(world: World) -> None:
    seen: list[tuple[str, Any, bool]] = []

    def record(_c: Any, _cur: Any, sql: str, params: Any, _ctx: Any, many: bool) -> None:
        seen.append((sql, params, many))

    event.listen(world.db.engine, "before_cursor_execute", record)
    try:
        with world.db.uow() as uow:
            conn = connection(uow.session)
            run(conn, _MOVE_POINTS, {"member_id": world.members["bob"], "delta": 1})
    finally:
        event.remove(world.db.engine, "before_cursor_execute", record)
    updates = [s for s in seen if s[0].startswith("UPDATE members")]
    assert len(updates) == 1 and not updates[0][2]


def test_in_lists_give_what_core_gives(world: World) -> None:
    from memberdesk.services.checkout.cart import _CART_PRODUCTS

    cola = world.products["COLA"]
    with world.db.uow() as uow:
        conn = connection(uow.session)
        for params in ({"ids": [cola.id], "keys": [], "tier_id": None},
                       {"ids": [], "keys": ["COLA", "BEER", "nothing"], "tier_id": None},
                       {"ids": [], "keys": [], "tier_id": None}):
            ours = sorted(tuple(r) for r in run(conn, _CART_PRODUCTS, params))
            core = sorted(tuple(r) for r in conn.execute(_CART_PRODUCTS, params))
            assert ours == core, params
        assert len(list(run(conn, _CART_PRODUCTS, {"ids": [], "keys": ["COLA", "BEER"],
                                                   "tier_id": None}))) == 2
