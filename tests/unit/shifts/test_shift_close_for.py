"""代交班: a manager or the owner closes a shift another staff member left open, with
the same count rules and variance as the cashier's own close; closed by the manager,
audited as its own action naming both; never one's own shift, never by a cashier."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from memberdesk.models import AuditEntry, Shift
from memberdesk.models.enums import ShiftStatus, TenderKind
from memberdesk.services.shared.errors import NotFoundError, PermissionDenied, ValidationError
from memberdesk.services.shifts import shift as shifts
from memberdesk.services.shifts.review import open_shifts
from tests.checkout_support.kit import World, build_world, yuan


@pytest.fixture
def world(db, staff) -> World:  # type: ignore[no-untyped-def]
    return build_world(db, staff)


def cashier_shift(world: World) -> str:
    mine = shifts.current_shift(world.db, world.cashier)
    assert mine is not None
    return mine.shift_no


def test_a_manager_closes_the_cashiers_shift_with_the_same_counts_and_audit(world: World) -> None:
    world.sell([("BEER", 1)], [(TenderKind.CASH, "10")])  # 200 float + 6.00
    no = cashier_shift(world)
    assert no in [s.shift_no for s in open_shifts(world.db, world.manager)]
    closed = shifts.close_shift_for(world.db, world.manager, no, {TenderKind.CASH: yuan("205")},
                                    "收银员已下班")
    cash = next(a for a in closed.amounts if a.kind is TenderKind.CASH)
    assert (cash.expected, cash.counted, cash.variance) == (yuan("206"), yuan("205"), yuan("-1"))
    wechat = next(a for a in closed.amounts if a.kind is TenderKind.WECHAT)
    assert wechat.counted == wechat.expected and not wechat.variance  # not given: as expected
    assert closed.status is ShiftStatus.CLOSED and closed.staff_name == "张收银"
    assert no not in [s.shift_no for s in open_shifts(world.db, world.manager)]
    with world.db.reader() as r:
        row = r.session.scalars(select(Shift).where(Shift.shift_no == no)).one()
        assert row.closed_by_id == world.manager.staff_id and row.note == "收银员已下班"
        audit = r.session.execute(select(AuditEntry.staff_id, AuditEntry.entity_id,
                                         AuditEntry.detail)
                                  .where(AuditEntry.action == "shift.close_for")).one()
    assert audit.staff_id == world.manager.staff_id and audit.entity_id == no
    detail = json.loads(audit.detail)
    assert (detail["cashier"], detail["closed_by"]) == ("张收银", "李店长")
    assert detail["cash"] == {"expected": 20600, "counted": 20500}


def test_refused_own_shift_no_such_open_shift_and_a_cashier(world: World) -> None:
    mine = shifts.current_shift(world.db, world.manager)
    assert mine is not None
    with pytest.raises(ValidationError) as own:
        shifts.close_shift_for(world.db, world.manager, mine.shift_no,
                               {TenderKind.CASH: yuan("200")})
    assert own.value.code == "shift_close_for_own"
    with pytest.raises(NotFoundError) as missing:
        shifts.close_shift_for(world.db, world.manager, "B-NONE", {TenderKind.CASH: yuan("200")})
    assert missing.value.code == "shift_not_found"  # no such number
    with pytest.raises(PermissionDenied):
        shifts.close_shift_for(world.db, world.cashier, mine.shift_no,
                               {TenderKind.CASH: yuan("200")})
    with pytest.raises(ValidationError) as uncounted:  # the count rules of a normal close
        shifts.close_shift_for(world.db, world.owner, cashier_shift(world), {})
    assert uncounted.value.code == "count_required"
    # each language names the payment method in its own words
    assert uncounted.value.message("en") == "Please enter the counted amount of Cash"
    assert uncounted.value.message("zh_CN") == "请填写清点的现金金额"
    no = cashier_shift(world)
    shifts.close_shift_for(world.db, world.owner, no, {TenderKind.CASH: yuan("200")})
    with pytest.raises(NotFoundError) as twice:  # closed already: not twice
        shifts.close_shift_for(world.db, world.manager, no, {TenderKind.CASH: yuan("200")})
    assert twice.value.code == "open_shift_not_found"
    assert twice.value.message("en") == f"Shift {no} is closed already"
