"""Staff accounts: argon2id, rehash on login, lockout, roles, approvals."""

from __future__ import annotations

from datetime import timedelta

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from memberdesk.db import Database
from memberdesk.models import Approval, AuditEntry, Staff
from memberdesk.models.base import utcnow
from memberdesk.models.enums import Role
from memberdesk.services.shared import passwords
from memberdesk.services.shared.errors import AuthError, PermissionDenied, ValidationError
from memberdesk.services.shared.permissions import Permission, require
from memberdesk.services.staff import accounts as staff_svc, approvals


def _hash_of(db: Database, username: str) -> str:
    with db.reader() as r:
        return r.session.scalar(select(Staff.password_hash).where(Staff.username == username)) or ""


def test_owasp_argon2id_parameters() -> None:
    h = passwords.OWASP_HASHER
    assert h.type.name == "ID"
    assert h.memory_cost == 19_456 and h.time_cost == 2 and h.parallelism == 1
    encoded = h.hash("secret")
    assert encoded.startswith("$argon2id$") and "m=19456,t=2,p=1" in encoded


def test_login_and_rehash_when_parameters_change(db: Database, shop) -> None:
    old_hash = _hash_of(db, "owner")
    actor = staff_svc.login(db, "owner", "owner-pass")
    assert actor.role is Role.OWNER
    assert _hash_of(db, "owner") == old_hash  # parameters unchanged: no rehash
    previous = passwords.set_hasher(PasswordHasher(time_cost=2, memory_cost=2048, parallelism=1))
    try:
        staff_svc.login(db, "OWNER", "owner-pass")  # user names are case-insensitive
        new_hash = _hash_of(db, "owner")
        assert new_hash != old_hash and "m=2048,t=2" in new_hash
        staff_svc.login(db, "owner", "owner-pass")  # the new hash verifies
    finally:
        passwords.set_hasher(previous)


def test_wrong_password_and_lockout(db: Database, staff) -> None:
    for _ in range(4):
        with pytest.raises(AuthError) as err:
            staff_svc.login(db, "cashier", "nope")
        assert err.value.code == "login_failed"
        assert err.value.message() == "用户名或密码错误"
    with pytest.raises(AuthError) as err:
        staff_svc.login(db, "cashier", "nope")
    assert err.value.code == "account_locked"
    # Even the right password is refused while locked.
    with pytest.raises(AuthError) as err:
        staff_svc.login(db, "cashier", "cashier-pass")
    assert err.value.code == "account_locked"
    assert "15" in err.value.message()
    # After the lock passes, the right password works again.
    later = utcnow() + timedelta(minutes=16)
    assert staff_svc.login(db, "cashier", "cashier-pass", now=later).username == "cashier"
    with db.reader() as r:
        actions = list(r.session.scalars(select(AuditEntry.action)))
    assert "staff.locked" in actions


def test_unknown_user_is_the_same_error(db: Database, shop) -> None:
    with pytest.raises(AuthError) as err:
        staff_svc.login(db, "nobody", "x")
    assert err.value.code == "login_failed"


def test_cashier_is_refused_a_manager_service_without_the_ui(db: Database, staff) -> None:
    with pytest.raises(PermissionDenied) as err:
        staff_svc.create_staff(
            db, staff["cashier"], username="x1", display_name="X", role=Role.CASHIER,
            password="password1",
        )
    assert "需要店长或老板授权" in err.value.message()
    assert "manager" in err.value.message("en")
    # A forged Actor with role=OWNER does not help: the role is read from the database.
    forged = staff["cashier"].__class__(
        staff["cashier"].staff_id, "cashier", "张收银", Role.OWNER
    )
    with pytest.raises(PermissionDenied):
        staff_svc.create_staff(
            db, forged, username="x2", display_name="X", role=Role.CASHIER, password="password1"
        )


def test_manager_cannot_create_a_manager_or_owner(db: Database, staff) -> None:
    with pytest.raises(PermissionDenied):
        staff_svc.create_staff(
            db, staff["manager"], username="m2", display_name="M", role=Role.MANAGER,
            password="password1",
        )
    info = staff_svc.create_staff(
        db, staff["manager"], username="c2", display_name="新收银", role=Role.CASHIER,
        password="password1",
    )
    assert info.role is Role.CASHIER


@pytest.mark.parametrize(
    ("username", "password", "code"),
    [("a", "password1", "invalid_username"), ("ok_name", "123", "weak_password"),
     ("bad name", "password1", "invalid_username")],
)
def test_staff_validation(db: Database, shop, username: str, password: str, code: str) -> None:
    with pytest.raises(ValidationError) as err:
        staff_svc.create_staff(
            db, shop, username=username, display_name="X", role=Role.CASHIER, password=password
        )
    assert err.value.code == code


def test_one_time_manager_approval(db: Database, staff) -> None:
    cashier = staff["cashier"]
    grant = approvals.grant_approval(
        db, cashier, approver_username="manager", approver_password="manager-pass",
        permission=Permission.REFUND, reason="顾客退货",
    )
    with db.uow() as uow:
        approver = require(uow.session, cashier, Permission.REFUND, approval_id=grant.approval_id)
        uow.commit()
    with db.reader() as r:
        manager_id = r.session.scalar(select(Staff.id).where(Staff.username == "manager"))
    assert approver == manager_id
    # Used once: a second use is refused.
    with db.uow() as uow, pytest.raises(PermissionDenied) as err:
        require(uow.session, cashier, Permission.REFUND, approval_id=grant.approval_id)
    assert err.value.code == "approval_invalid"


def test_approval_is_for_one_permission_one_cashier_and_expires(db: Database, staff) -> None:
    cashier = staff["cashier"]
    grant = approvals.grant_approval(
        db, cashier, approver_username="manager", approver_password="manager-pass",
        permission=Permission.REFUND, reason="退货",
    )
    with db.uow() as uow, pytest.raises(PermissionDenied):
        require(uow.session, cashier, Permission.ADJUST_BALANCE, approval_id=grant.approval_id)
    other = staff_svc.create_staff(
        db, staff["owner"], username="c3", display_name="C3", role=Role.CASHIER,
        password="password1",
    )
    c3 = staff_svc.login(db, "c3", "password1")
    assert other.id == c3.staff_id
    with db.uow() as uow, pytest.raises(PermissionDenied):
        require(uow.session, c3, Permission.REFUND, approval_id=grant.approval_id)
    with db.uow() as uow, pytest.raises(PermissionDenied):
        require(uow.session, cashier, Permission.REFUND, approval_id=grant.approval_id,
                now=utcnow() + timedelta(minutes=6))
    # A rolled-back use case leaves the approval unused.
    with db.uow() as uow:
        require(uow.session, cashier, Permission.REFUND, approval_id=grant.approval_id)
    with db.reader() as r:
        appr = r.session.get(Approval, grant.approval_id)
        assert appr is not None and appr.used_at is None


def test_approval_needs_a_manager_with_the_permission(db: Database, staff) -> None:
    with pytest.raises(PermissionDenied) as err:
        approvals.grant_approval(
            db, staff["cashier"], approver_username="cashier", approver_password="cashier-pass",
            permission=Permission.REFUND, reason="x",
        )
    assert err.value.code == "approver_lacks_permission"
    with pytest.raises(AuthError):
        approvals.grant_approval(
            db, staff["cashier"], approver_username="manager", approver_password="wrong",
            permission=Permission.REFUND, reason="x",
        )
    with pytest.raises(ValidationError):
        approvals.grant_approval(
            db, staff["cashier"], approver_username="manager", approver_password="manager-pass",
            permission=Permission.REFUND, reason="  ",
        )


def test_disabled_account_cannot_act(db: Database, staff) -> None:
    staff_svc.set_staff_active(db, staff["owner"], "manager", False)
    with pytest.raises(AuthError):
        staff_svc.login(db, "manager", "manager-pass")
    with pytest.raises(AuthError):
        staff_svc.list_staff(db, staff["manager"])


def test_last_owner_cannot_be_disabled(db: Database, staff) -> None:
    from memberdesk.services.shared.errors import ConflictError

    with pytest.raises(ConflictError):
        staff_svc.set_staff_active(db, staff["owner"], "owner", False)


def test_change_password(db: Database, staff) -> None:
    staff_svc.change_password(db, staff["cashier"], "cashier-pass", "new-secret")
    with pytest.raises(AuthError):
        staff_svc.login(db, "cashier", "cashier-pass")
    assert staff_svc.login(db, "cashier", "new-secret").username == "cashier"


def test_a_forgotten_password_is_reset_and_the_lock_lifted(db: Database, staff) -> None:
    for _ in range(5):
        with pytest.raises(AuthError):
            staff_svc.login(db, "cashier", "forgot-it")
    info = staff_svc.reset_password(db, staff["manager"], "cashier", "fresh-pass")
    assert info.locked_until is None
    assert staff_svc.login(db, "cashier", "fresh-pass").username == "cashier"
    with pytest.raises(AuthError):
        staff_svc.login(db, "cashier", "cashier-pass")
    with db.reader() as r:
        by = r.session.scalars(
            select(AuditEntry.staff_id).where(AuditEntry.action == "staff.password_reset")
        ).one()
    assert by == staff["manager"].staff_id


def test_who_may_reset_whose_password(db: Database, staff) -> None:
    with pytest.raises(PermissionDenied):  # a cashier manages nobody
        staff_svc.reset_password(db, staff["cashier"], "cashier", "fresh-pass")
    with pytest.raises(PermissionDenied) as err:  # a manager manages cashiers only
        staff_svc.reset_password(db, staff["manager"], "owner", "fresh-pass")
    assert err.value.code == "role_too_high"
    with pytest.raises(ValidationError):
        staff_svc.reset_password(db, staff["owner"], "manager", "short")
    assert staff_svc.login(db, "manager", "manager-pass").username == "manager"
    staff_svc.reset_password(db, staff["owner"], "manager", "fresh-pass")
    assert staff_svc.login(db, "manager", "fresh-pass").username == "manager"
