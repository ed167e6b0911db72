"""Permission before replay, for every service with a client id (issue 17 item 9).

Before, a cashier who resent a manager's refund request id got the stored result
back without the refund permission."""

from __future__ import annotations

import pytest

from memberdesk.models.enums import TenderKind
from memberdesk.services.shared.errors import AuthError, PermissionDenied
from memberdesk.services.shared.permissions import Permission
from memberdesk.services.staff import accounts as staff_svc, approvals
from memberdesk.services.stored_value.recharge import (
    RechargeRefundRequest,
    RechargeRequest,
    recharge,
    refund_recharge,
)
from tests.checkout_support.kit import World, cid, yuan


def refund_grant(world: World) -> int:
    return approvals.grant_approval(world.db, world.cashier, approver_username="manager",
                                    approver_password="manager-pass", permission=Permission.REFUND,
                                    reason="顾客退货").approval_id


def test_a_sale_refund_replay_needs_the_refund_permission(world: World) -> None:
    sale = world.sell([("BEER", 2)], [(TenderKind.CASH, "12")])
    key = cid()
    first = world.refund(sale.sale_no, lines=((1, 1),), client_id=key, actor=world.manager)
    with pytest.raises(PermissionDenied) as err:  # the cashier resends the manager's id
        world.refund(sale.sale_no, lines=((1, 1),), client_id=key, actor=world.cashier)
    assert err.value.code == "permission_denied"
    again = world.refund(sale.sale_no, lines=((1, 1),), client_id=key, actor=world.owner)
    assert again.replayed and again.refund_no == first.refund_no


def test_the_cashier_who_made_an_approved_refund_may_replay_it(world: World) -> None:
    sale = world.sell([("BEER", 2)], [(TenderKind.CASH, "12")])
    key = cid()
    approval = refund_grant(world)
    first = world.refund(sale.sale_no, lines=((1, 1),), client_id=key, actor=world.cashier,
                         approval_id=approval)
    again = world.refund(sale.sale_no, lines=((1, 1),), client_id=key, actor=world.cashier,
                         approval_id=approval)  # the approval is used up, the refund is theirs
    assert again.replayed and again.refund_no == first.refund_no
    staff_svc.set_staff_active(world.db, world.owner, "cashier", False)
    with pytest.raises(AuthError):
        world.refund(sale.sale_no, lines=((1, 1),), client_id=key, actor=world.cashier)


def test_a_recharge_refund_replay_needs_the_refund_permission(world: World) -> None:
    r = world.recharge("alice", "100")
    key = cid()
    request = RechargeRefundRequest(key, r.recharge_no, "顾客要求退卡")
    first = refund_recharge(world.db, world.manager, request)
    with pytest.raises(PermissionDenied):
        refund_recharge(world.db, world.cashier, request)
    approval = refund_grant(world)  # a valid approval lets the cashier see it, and stays unused
    again = refund_recharge(world.db, world.cashier,
                            RechargeRefundRequest(key, r.recharge_no, "顾客要求退卡", approval))
    assert again.replayed and again.refund_no == first.refund_no
    sale = world.sell([("BEER", 1)], [(TenderKind.CASH, "6")])
    assert world.refund(sale.sale_no, actor=world.cashier, approval_id=approval).amount == yuan("6")


def test_a_checkout_replay_needs_the_sell_permission(world: World) -> None:
    key = cid()
    first = world.sell([("COLA", 1)], [(TenderKind.CASH, "5")], client_id=key)
    staff_svc.set_staff_active(world.db, world.owner, "cashier", False)
    with pytest.raises(AuthError):
        world.sell([("COLA", 1)], [(TenderKind.CASH, "5")], client_id=key)
    again = world.sell([("COLA", 1)], [(TenderKind.CASH, "5")], client_id=key, actor=world.owner)
    assert again.replayed and again.sale_no == first.sale_no


def test_a_recharge_replay_needs_the_recharge_permission(world: World) -> None:
    request = RechargeRequest(cid(), world.members["alice"], yuan("100"), TenderKind.CASH)
    first = recharge(world.db, world.cashier, request)
    staff_svc.set_staff_active(world.db, world.owner, "cashier", False)
    with pytest.raises(AuthError):
        recharge(world.db, world.cashier, request)
    assert recharge(world.db, world.owner, request).recharge_no == first.recharge_no
