"""Who may set, change or remove a member's payment password (issue 17 item 8).

Before, the edit-member permission was enough: a cashier removed the password and
then paid from the member's stored value without it."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from memberdesk.models import AuditEntry
from memberdesk.models.enums import TenderKind
from memberdesk.services.shared.errors import PermissionDenied, UserError
from memberdesk.services.shared.permissions import Permission
from memberdesk.services.staff.approvals import grant_approval
from memberdesk.services.stored_value.payment_password import set_payment_password
from tests.checkout_support.kit import World, yuan


def audits(world: World) -> list[tuple[int | None, dict[str, object]]]:
    with world.db.reader() as uow:
        rows = uow.session.scalars(select(AuditEntry).where(
            AuditEntry.action == "member.payment_password").order_by(AuditEntry.id))
        return [(r.approver_id, json.loads(r.detail)) for r in rows]


@pytest.fixture
def guarded(world: World) -> World:
    world.recharge("alice", "50")
    set_payment_password(world.db, world.cashier, world.members["alice"], "123456")  # first: ok
    return world


def pays_without_password(world: World) -> None:
    world.sell([("COLA", 1)], [(TenderKind.STORED_VALUE, "3.50")], member="alice")


def test_a_cashier_alone_cannot_remove_or_replace_it(guarded: World) -> None:
    w = guarded
    alice = w.members["alice"]
    for new in (None, "000000"):
        with pytest.raises(PermissionDenied) as err:
            set_payment_password(w.db, w.cashier, alice, new)
        assert err.value.code == "permission_denied"
        assert "payment password" in err.value.message("en")
    with pytest.raises(UserError) as paid:
        pays_without_password(w)
    assert paid.value.code == "payment_password_required"
    assert w.balances("alice")[0] == yuan("50")
    assert [d["by"] for _, d in audits(w)] == ["first"]


def test_the_member_who_types_the_current_password_may_change_or_remove_it(guarded: World) -> None:
    w = guarded
    alice = w.members["alice"]
    with pytest.raises(UserError) as err:
        set_payment_password(w.db, w.cashier, alice, None, current="999999")
    assert err.value.code == "payment_password_wrong" and err.value.params["left"] == 4
    assert w.member("alice").payment_password_failures == 1  # a wrong try counts, as at a payment
    set_payment_password(w.db, w.cashier, alice, "２４６８", current="123456")  # full-width digits
    ok = w.sell([("COLA", 1)], [(TenderKind.STORED_VALUE, "3.50")], member="alice", password="2468")
    assert ok.sv_balance == yuan("46.50")
    set_payment_password(w.db, w.cashier, alice, None, current="2468")
    pays_without_password(w)
    assert [d["by"] for _, d in audits(w)] == ["first", "member", "member"]


def test_a_manager_or_a_cashier_with_a_managers_approval_may_reset_it(guarded: World) -> None:
    w = guarded
    alice = w.members["alice"]
    set_payment_password(w.db, w.manager, alice, "135790")
    grant = grant_approval(w.db, w.cashier, approver_username="manager",
                           approver_password="manager-pass",
                           permission=Permission.RESET_PAYMENT_PASSWORD, reason="会员忘记密码")
    set_payment_password(w.db, w.cashier, alice, None, approval_id=grant.approval_id)
    set_payment_password(w.db, w.cashier, alice, "111111")  # none now: a first password again
    with pytest.raises(PermissionDenied) as err:  # the approval was for once
        set_payment_password(w.db, w.cashier, alice, None, approval_id=grant.approval_id)
    assert err.value.code == "approval_invalid"
    assert audits(w)[1:] == [
        (None, {"set": True, "by": "manager"}),
        (w.manager.staff_id, {"set": False, "by": "manager"}),
        (None, {"set": True, "by": "first"}),
    ]
