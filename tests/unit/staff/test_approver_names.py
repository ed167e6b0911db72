"""A manager's approval by user name or by display name (as the login list shows
both); a display name two people share is refused with a clear reason."""

from __future__ import annotations

import pytest

from memberdesk.db import Database
from memberdesk.models.enums import Role
from memberdesk.services.shared.errors import AuthError
from memberdesk.services.shared.permissions import Permission
from memberdesk.services.staff import accounts as staff_svc, approvals


def grant(db: Database, requester, name: str, password: str):  # type: ignore[no-untyped-def]
    return approvals.grant_approval(db, requester, approver_username=name,
                                    approver_password=password,
                                    permission=Permission.REFUND, reason="退货")


def test_either_name_approves(db: Database, staff) -> None:  # type: ignore[no-untyped-def]
    assert grant(db, staff["cashier"], "manager", "manager-pass").approver == "李店长"
    assert grant(db, staff["cashier"], " 李店长 ", "manager-pass").approver == "李店长"
    with pytest.raises(AuthError) as wrong:
        grant(db, staff["cashier"], "李店长", "not-it")
    assert wrong.value.code == "login_failed"


def test_a_shared_display_name_asks_for_the_user_name(db: Database, staff) -> None:  # type: ignore[no-untyped-def]
    staff_svc.create_staff(db, staff["owner"], username="manager2", display_name="李店长",
                           role=Role.MANAGER, password="manager2-pass")
    with pytest.raises(AuthError) as shared:
        grant(db, staff["cashier"], "李店长", "manager-pass")
    assert shared.value.message() == "有 2 位员工叫“李店长”，请输入用户名"
    assert shared.value.message("en") == "2 staff members are called “李店长”: type the user name"
    assert grant(db, staff["cashier"], "manager2", "manager2-pass").approver == "李店长"
