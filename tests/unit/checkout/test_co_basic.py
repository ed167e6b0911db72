"""The happy paths: a sale with a member, split tender, points earned; a recharge."""

from __future__ import annotations

from memberdesk.models.enums import TenderKind
from memberdesk.services.backup.integrity import check_database
from tests.checkout_support.kit import World, yuan


def test_cash_sale_without_member_gives_change(world: World) -> None:
    r = world.sell([("COLA", 2), ("6901234567878", 1)], [(TenderKind.CASH, "20")])
    assert r.payable == yuan("15.80")
    assert r.change == yuan("4.20")
    assert r.points_earned == 0
    assert r.sale_no.removeprefix("MAIN-").startswith("S")  # MAIN-: the store, on a server
    assert r.sale_no.endswith("-0001")
    assert check_database(world.db) == []


def test_member_sale_split_stored_value_and_cash(world: World) -> None:
    world.recharge("bob", "100")
    r = world.sell([("COLA", 2), ("CHIPS", 1)], [(TenderKind.STORED_VALUE, "10"),
                                                  (TenderKind.CASH, "10")], member="bob")
    # gold: cola member price 3.00 x2 = 6.00; chips 8.80 at 95折 = 8.36
    assert r.payable == yuan("14.36")
    assert r.change == yuan("5.64")
    assert r.sv_balance == yuan("90")
    # earn base 14.36 (no points paid), 1 pt/yuan x gold 1.5 = 21.54 -> 21
    assert r.points_earned == 21
    assert r.points_balance == 21
    assert check_database(world.db) == []
