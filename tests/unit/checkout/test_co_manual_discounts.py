"""Manual line and order discounts and price overrides at checkout: the caps per role,
a manager's approval beyond them, the approver's own cap, the audit row."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import select

from memberdesk.domain.discounts import ManualDiscount
from memberdesk.models import Approval, AuditEntry
from memberdesk.models.enums import DiscountKind, TenderKind
from memberdesk.services.checkout.cart import CartLine, CartRequest, quote
from memberdesk.services.checkout.sale import checkout
from memberdesk.services.receipts.text import render_text
from memberdesk.services.shared.errors import PermissionDenied, ValidationError
from memberdesk.services.shared.permissions import Permission
from memberdesk.services.staff.approvals import grant_approval
from tests.checkout_support.kit import World, snapshot, yuan

PASSWORDS = {"owner": "owner-pass", "manager": "manager-pass", "cashier": "cashier-pass"}


def _chips(percent: int) -> CartLine:
    return CartLine(product="CHIPS", discount=ManualDiscount(percent=percent))


def _grant(w: World, approver: str, permission: Permission = Permission.MANUAL_DISCOUNT) -> int:
    return grant_approval(w.db, w.cashier, approver_username=approver,
                          approver_password=PASSWORDS[approver], permission=permission,
                          reason="老顾客").approval_id


def _audit(w: World) -> AuditEntry | None:
    with w.db.reader() as uow:
        row = uow.session.scalars(select(AuditEntry).where(
            AuditEntry.action == "sale.manual_discount")).first()
        if row is not None:
            uow.session.expunge(row)
        return row


def test_a_discount_within_the_cashiers_cap_needs_no_approval(world: World) -> None:
    r = world.sell([_chips(10)], [(TenderKind.CASH, "10")])
    assert r.payable == yuan("7.92")  # 8.80 - 10%
    assert [(d.label, d.amount) for d in r.receipt.discounts] == [("手工折扣", yuan("0.88"))]
    assert r.receipt.lines[0].discount == yuan("0.88")
    row = _audit(world)
    assert row is not None and row.approver_id is None and row.staff_id == world.cashier.staff_id
    assert "Manual discount" in render_text(r.receipt, 58, "en")
    assert "手工折扣" in render_text(r.receipt, 58, "zh_CN")


def test_over_the_cap_is_refused_without_approval_and_writes_nothing(world: World) -> None:
    before = snapshot(world.db)
    with pytest.raises(PermissionDenied) as err:
        world.sell([_chips(20)], [(TenderKind.CASH, "10")])
    assert err.value.code == "manual_over_cap"
    assert "20%" in err.value.message("zh_CN") and "1.76" in err.value.message("en")
    assert snapshot(world.db) == before


def test_a_managers_approval_lets_it_through_once_and_names_the_approver(world: World) -> None:
    approval_id = _grant(world, "manager")
    request = dataclasses.replace(world.request([_chips(20)], [(TenderKind.CASH, "10")]),
                                  approval_id=approval_id)
    r = checkout(world.db, world.cashier, request)
    assert r.payable == yuan("7.04")
    row = _audit(world)
    assert row is not None and row.approver_id == world.manager.staff_id
    with world.db.reader() as uow:
        assert uow.session.get(Approval, approval_id).used_at is not None  # type: ignore[union-attr]
    again = dataclasses.replace(world.request([_chips(20)], [(TenderKind.CASH, "10")]),
                                approval_id=approval_id)
    with pytest.raises(PermissionDenied) as err:
        checkout(world.db, world.cashier, again)
    assert err.value.code == "approval_invalid"


def test_an_approver_without_the_permission_is_refused(world: World) -> None:
    with pytest.raises(PermissionDenied) as err:
        grant_approval(world.db, world.cashier, approver_username="cashier",
                       approver_password="cashier-pass", permission=Permission.MANUAL_DISCOUNT,
                       reason="老顾客")
    assert err.value.code == "approver_lacks_permission"


def test_over_the_managers_cap_needs_the_owner(world: World) -> None:
    request = world.request([_chips(60)], [(TenderKind.CASH, "10")])
    before = snapshot(world.db)
    with pytest.raises(PermissionDenied) as err:
        checkout(world.db, world.cashier,
                 dataclasses.replace(request, approval_id=_grant(world, "manager")))
    assert err.value.code == "approver_over_cap"
    assert snapshot(world.db)["sales"] == before["sales"]
    r = checkout(world.db, world.cashier,
                 dataclasses.replace(request, approval_id=_grant(world, "owner")))
    assert r.payable == yuan("3.52")
    # the manager's own sale at 60% is over the manager's cap too; the owner has none
    with pytest.raises(PermissionDenied):
        world.sell([_chips(60)], [(TenderKind.CASH, "10")], actor=world.manager)
    assert world.sell([_chips(90)], [(TenderKind.CASH, "10")], actor=world.owner).payable == yuan("0.88")


def test_a_price_override_needs_a_price_override_approval(world: World) -> None:
    line = CartLine(product="CHIPS", override=yuan("5.00"))
    request = world.request([line], [(TenderKind.CASH, "10")])
    with pytest.raises(PermissionDenied) as err:
        checkout(world.db, world.cashier,
                 dataclasses.replace(request, approval_id=_grant(world, "manager")))
    assert err.value.code == "approval_invalid"  # that approval was for a manual discount
    approval_id = _grant(world, "manager", Permission.PRICE_OVERRIDE)
    r = checkout(world.db, world.cashier, dataclasses.replace(request, approval_id=approval_id))
    assert r.payable == yuan("5.00")


def test_an_override_replaces_the_member_price_and_must_be_lower(world: World) -> None:
    # bob is gold: cola's member price 3.00; overridden to 3.40 (within the cap) it is 3.40
    r = world.sell([CartLine(product="COLA", qty=2, override=yuan("3.40"))],
                   [(TenderKind.CASH, "10")], member="bob")
    assert r.payable == yuan("6.80")
    assert [d.label for d in r.receipt.discounts] == ["手工折扣"]
    with pytest.raises(ValidationError) as err:
        world.sell([CartLine(product="COLA", override=yuan("3.50"))], [(TenderKind.CASH, "10")])
    assert err.value.code == "override_not_lower"


def test_the_order_discount_is_spread_over_the_lines_before_coupons(world: World) -> None:
    cart = CartRequest((CartLine(product="CHIPS"), CartLine(product="BEER")),
                       order_discount=ManualDiscount(amount=yuan("1.48")))
    bd = quote(world.db, world.cashier, cart)
    manual = next(d for d in bd.discounts if d.kind is DiscountKind.MANUAL)
    assert manual.amount == yuan("1.48") and sum(p.fen for p in manual.per_line) == 148
    assert bd.payable == yuan("13.32") and bd.approval_needed is None  # 1.48 of 14.80 = 10%
    over = dataclasses.replace(cart, order_discount=ManualDiscount(amount=yuan("1.49")))
    assert quote(world.db, world.cashier, over).approval_needed == "manual_discount"
    assert quote(world.db, world.manager, over).approval_needed is None


def test_a_bad_discount_in_the_request_is_refused(world: World) -> None:
    for bad in (ManualDiscount(percent=0), ManualDiscount(amount=yuan("1"), percent=5),
                ManualDiscount()):
        with pytest.raises(ValidationError) as err:
            world.sell([CartLine(product="CHIPS", discount=bad)], [(TenderKind.CASH, "10")])
        assert err.value.code == "bad_manual_discount"
