"""Permission refusals in one language each, and "only the owner" for owner-only actions."""

from __future__ import annotations

import re

import pytest

from memberdesk.models.enums import Role
from memberdesk.services.shared.errors import (
    Localized,
    PermissionDenied,
    UserError,
    ValidationError,
)
from memberdesk.services.shared.permissions import (
    Permission,
    check_role,
    owner_only,
    permission_denied,
    permission_name,
)

CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")


def test_a_localized_parameter_is_told_in_the_messages_language() -> None:
    err = ValidationError("required_field", field=Localized("姓名", "Name"))
    assert err.message() == "请填写姓名"
    assert err.message("en") == "Name is required"
    assert str(err) == "Name is required"
    # A plain string parameter is unchanged, and a cause is still told in the same language.
    assert ValidationError("required_field", field="店名").message() == "请填写店名"
    outer = UserError("scheduled_backup_failed", problem=UserError("disk_full", path="/x"))
    assert "The disk is full" in outer.message("en") and "磁盘空间不足" in outer.message()


def test_owner_only_permissions() -> None:
    assert {p for p in Permission if owner_only(p)} == {
        Permission.RESTORE, Permission.ANONYMISE_MEMBER, Permission.MANAGE_SETTINGS,
        Permission.MANAGE_LOYALTY_RULES,
        Permission.VIEW_AUDIT,
    }


def test_restore_by_a_manager_says_only_the_owner_may() -> None:
    with pytest.raises(PermissionDenied) as err:
        check_role(Role.MANAGER, True, Permission.RESTORE)
    assert err.value.code == "permission_owner_only"
    assert err.value.message("en") == "Only the owner may restore a backup"
    assert err.value.message() == "仅老板可以恢复数据"


def test_a_manager_permission_asks_for_approval_in_one_language() -> None:
    with pytest.raises(PermissionDenied) as err:
        check_role(Role.CASHIER, True, Permission.EXPORT_MEMBERS)
    assert err.value.code == "permission_denied"  # the refund dialog offers an approval on it
    assert err.value.message("en") == (
        "Not allowed: export member data needs a manager's or owner's approval"
    )
    assert err.value.message() == "没有权限：导出会员资料，需要店长或老板授权"


@pytest.mark.parametrize("permission", list(Permission))
def test_no_refusal_mixes_languages(permission: Permission) -> None:
    err = permission_denied(permission)
    assert not CJK.search(err.message("en")), err.message("en")
    assert permission_name(permission).message() in err.message()
    assert permission_name(permission).message("en") in err.message("en")
