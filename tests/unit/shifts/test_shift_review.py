"""Shift verification (交班审核, issue 11 item 6): closed shifts awaiting a check
with cash expected, counted and the difference; a manager verifies another's shift
once (audited with the differences), never their own; a cashier may not."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from memberdesk.models import AuditEntry
from memberdesk.models.enums import TenderKind
from memberdesk.services.shared.errors import PermissionDenied, ValidationError
from memberdesk.services.shifts import shift as shifts
from memberdesk.services.shifts.review import shifts_to_verify
from tests.checkout_support.kit import World, build_world, yuan


@pytest.fixture
def world(db, staff) -> World:  # type: ignore[no-untyped-def]
    return build_world(db, staff)


def test_closed_shifts_wait_with_cash_expected_counted_and_the_difference(world: World) -> None:
    world.sell([("BEER", 1)], [(TenderKind.CASH, "10")])  # 200 float + 6.00
    closed = shifts.close_shift(world.db, world.cashier, {TenderKind.CASH: yuan("205.50")})
    waiting = shifts_to_verify(world.db, world.manager)
    assert [w.shift_no for w in waiting] == [closed.shift_no]
    row = waiting[0]
    assert (row.cash_expected, row.cash_counted, row.cash_variance) == (
        yuan("206"), yuan("205.50"), yuan("-0.50"))
    assert row.cashier == "张收银" and not row.verified and row.other_variance == yuan("0")


def test_a_manager_verifies_once_and_it_is_audited(world: World) -> None:
    closed = shifts.close_shift(world.db, world.cashier, {TenderKind.CASH: yuan("199")})
    shifts.verify_shift(world.db, world.manager, closed.id, "少一元，已说明")
    assert shifts_to_verify(world.db, world.manager) == ()
    seen = shifts_to_verify(world.db, world.owner, include_verified=True)
    assert [(w.shift_no, w.verified, w.verified_by) for w in seen] == [
        (closed.shift_no, True, "李店长")]
    with world.db.reader() as r:
        row = r.session.execute(select(AuditEntry.entity_id, AuditEntry.staff_id, AuditEntry.detail)
                                .where(AuditEntry.action == "shift.verify")).one()
    assert row.entity_id == closed.shift_no and row.staff_id == world.manager.staff_id
    assert json.loads(row.detail) == {"variance": {"cash": -100}, "note": "少一元，已说明"}
    with pytest.raises(ValidationError) as again:
        shifts.verify_shift(world.db, world.owner, closed.id)
    assert again.value.message() == f"班次 {closed.shift_no} 已由 李店长 审核过"


def test_a_manager_cannot_verify_their_own_shift_the_owner_can(world: World) -> None:
    mine = shifts.close_shift(world.db, world.manager, {TenderKind.CASH: yuan("200")})
    with pytest.raises(ValidationError) as err:
        shifts.verify_shift(world.db, world.manager, mine.id)
    assert err.value.message("en") == (f"You cannot verify your own shift {mine.shift_no}: "
                                       "another manager or the owner must")
    own = shifts.close_shift(world.db, world.owner, {TenderKind.CASH: yuan("200")})
    assert shifts.verify_shift(world.db, world.owner, own.id).shift_no == own.shift_no


def test_a_cashier_may_not_list_or_verify(world: World) -> None:
    closed = shifts.close_shift(world.db, world.cashier, {TenderKind.CASH: yuan("200")})
    with pytest.raises(PermissionDenied):
        shifts_to_verify(world.db, world.cashier)
    with pytest.raises(PermissionDenied):
        shifts.verify_shift(world.db, world.cashier, closed.id)
