"""Permissions, which roles hold them, and the check every sensitive service makes."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from memberdesk.models import Approval, Staff
from memberdesk.models.base import utcnow
from memberdesk.models.enums import Role
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import AuthError, Localized, PermissionDenied
from memberdesk.services.shared.tables import connection, table


class Permission(StrEnum):
    SELL = "sell"
    RECHARGE = "recharge"
    REGISTER_MEMBER = "register_member"
    EDIT_MEMBER = "edit_member"
    MANAGE_CARDS = "manage_cards"
    UNMASK_PHONE = "unmask_phone"
    REFUND = "refund"
    ADJUST_BALANCE = "adjust_balance"
    RESET_PAYMENT_PASSWORD = "reset_payment_password"
    PRICE_OVERRIDE = "price_override"
    MANUAL_DISCOUNT = "manual_discount"
    EXPORT_MEMBERS = "export_members"
    IMPORT_MEMBERS = "import_members"
    ANONYMISE_MEMBER = "anonymise_member"
    MANAGE_CATALOG = "manage_catalog"
    MANAGE_PROMOTIONS = "manage_promotions"
    MANAGE_STAFF = "manage_staff"
    MANAGE_SETTINGS = "manage_settings"
    MANAGE_LOYALTY_RULES = "manage_loyalty_rules"  # tiers, recharge rules, coupon templates
    VERIFY_SHIFT = "verify_shift"
    VIEW_REPORTS = "view_reports"
    CLOSE_DAY = "close_day"
    BACKUP = "backup"
    RESTORE = "restore"
    VIEW_AUDIT = "view_audit"
    MANAGE_MESSAGES = "manage_messages"  # the message log, resend, the call list


# Human names of permissions for messages (zh, en).
PERMISSION_NAMES: dict[Permission, tuple[str, str]] = {
    Permission.SELL: ("收银", "take payments"),
    Permission.RECHARGE: ("充值", "recharge a card"),
    Permission.REGISTER_MEMBER: ("登记会员", "register members"),
    Permission.EDIT_MEMBER: ("修改会员资料", "edit members"),
    Permission.MANAGE_CARDS: ("挂失/补卡", "manage cards"),
    Permission.UNMASK_PHONE: ("查看完整手机号", "see full phone numbers"),
    Permission.REFUND: ("退款/反结账", "refund a sale"),
    Permission.ADJUST_BALANCE: ("调整余额或积分", "adjust a balance or points"),
    Permission.RESET_PAYMENT_PASSWORD: (
        "更改或清除会员的消费密码", "change or remove a member's payment password"
    ),
    Permission.PRICE_OVERRIDE: ("改价", "override a price"),
    Permission.MANUAL_DISCOUNT: ("手工折扣", "give a manual discount"),
    Permission.EXPORT_MEMBERS: ("导出会员资料", "export member data"),
    Permission.IMPORT_MEMBERS: ("导入会员资料", "import members"),
    Permission.ANONYMISE_MEMBER: ("注销会员个人信息", "anonymise a member"),
    Permission.MANAGE_CATALOG: ("管理商品", "manage products"),
    Permission.MANAGE_PROMOTIONS: ("管理营销活动", "manage promotions"),
    Permission.MANAGE_STAFF: ("管理员工", "manage staff"),
    Permission.MANAGE_SETTINGS: ("修改设置", "change settings"),
    Permission.MANAGE_LOYALTY_RULES: ("修改会员规则（等级、充值活动、优惠券）",
                                      "change the loyalty rules (tiers, recharge offers, "
                                      "coupons)"),
    Permission.VERIFY_SHIFT: ("审核交班", "verify a shift"),
    Permission.VIEW_REPORTS: ("查看报表", "view reports"),
    Permission.CLOSE_DAY: ("日结", "close the day"),
    Permission.BACKUP: ("备份", "back up"),
    Permission.RESTORE: ("恢复数据", "restore a backup"),
    Permission.VIEW_AUDIT: ("查看审计日志和系统日志", "see the audit and system logs"),
    Permission.MANAGE_MESSAGES: ("管理短信通知", "manage text messages"),
}

_CASHIER = frozenset(
    {
        Permission.SELL,
        Permission.RECHARGE,
        Permission.REGISTER_MEMBER,
        Permission.EDIT_MEMBER,
        Permission.MANAGE_CARDS,
    }
)
_MANAGER = _CASHIER | {
    Permission.UNMASK_PHONE,
    Permission.REFUND,
    Permission.ADJUST_BALANCE,
    Permission.RESET_PAYMENT_PASSWORD,
    Permission.PRICE_OVERRIDE,
    Permission.MANUAL_DISCOUNT,
    Permission.EXPORT_MEMBERS,
    Permission.IMPORT_MEMBERS,
    Permission.MANAGE_CATALOG,
    Permission.MANAGE_PROMOTIONS,
    Permission.MANAGE_STAFF,
    Permission.VERIFY_SHIFT,
    Permission.VIEW_REPORTS,
    Permission.CLOSE_DAY,
    Permission.BACKUP,
    Permission.MANAGE_MESSAGES,
}
_OWNER = frozenset(Permission)

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.CASHIER: _CASHIER,
    Role.MANAGER: frozenset(_MANAGER),
    Role.OWNER: _OWNER,
}

ROLE_RANK = {Role.CASHIER: 1, Role.MANAGER: 2, Role.OWNER: 3}


def role_has(role: Role, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS[role]


def permission_label(permission: Permission, lang: str = "zh_CN") -> str:
    zh, en = PERMISSION_NAMES[permission]
    return en if lang.startswith("en") else zh


def load_actor_staff(session: Session, actor: Actor) -> Staff:
    """The actor's staff row, refusing a disabled or unknown account."""
    staff = session.get(Staff, actor.staff_id)
    if staff is None or not staff.active:
        raise AuthError("account_inactive")
    return staff


def permission_name(permission: Permission) -> Localized:
    """The permission's name for a message parameter, in the message's own language."""
    return Localized(*PERMISSION_NAMES[permission])


def owner_only(permission: Permission) -> bool:
    """Whether only the owner holds ``permission`` (no manager can approve it)."""
    return not role_has(Role.MANAGER, permission)


def permission_denied(permission: Permission) -> PermissionDenied:
    """The refusal for a role without ``permission``: a manager's or owner's approval
    for most; "only the owner may ..." for an owner-only permission."""
    code = "permission_owner_only" if owner_only(permission) else "permission_denied"
    return PermissionDenied(code, action=permission_name(permission))


def check_role(role: Role | None, active: bool, permission: Permission) -> None:
    """:func:`require` without approvals, for a staff row the caller read itself (as
    part of a wider read): refuses an unknown (``role`` None) or disabled account and
    a role without ``permission``."""
    if role is None or not active:
        raise AuthError("account_inactive")
    if not role_has(role, permission):
        raise permission_denied(permission)


_STAFF = table(Staff)
_ROLE = select(_STAFF.c.role, _STAFF.c.active).where(_STAFF.c.id == bindparam("staff_id"))


def _valid_approval(
    session: Session, actor: Actor, permission: Permission, approval_id: int, now: datetime
) -> Approval:
    approval = session.get(Approval, approval_id)
    if (
        approval is None
        or approval.permission != permission.value
        or approval.requested_by_id != actor.staff_id
        or approval.used_at is not None
        or approval.expires_at <= now
    ):
        raise PermissionDenied("approval_invalid")
    approver = session.scalar(select(Staff).where(Staff.id == approval.approver_id))
    if approver is None or not approver.active or not role_has(approver.role, permission):
        raise PermissionDenied("approval_invalid")
    return approval


def _role_allows(session: Session, actor: Actor, permission: Permission) -> bool:
    found = connection(session).execute(_ROLE, {"staff_id": actor.staff_id}).first()
    if found is None or not found.active:
        raise AuthError("account_inactive")
    return role_has(found.role, permission)


def may(
    session: Session,
    actor: Actor,
    permission: Permission,
    *,
    approval_id: int | None = None,
    now: datetime | None = None,
) -> None:
    """:func:`require` without consuming the approval: for a use case that checks
    first (in a read-only snapshot), does its slow work, and then calls
    :func:`require` in the short write transaction that records it."""
    if _role_allows(session, actor, permission):
        return
    if approval_id is None:
        raise permission_denied(permission)
    _valid_approval(session, actor, permission, approval_id, now or utcnow())


def require(
    session: Session,
    actor: Actor,
    permission: Permission,
    *,
    approval_id: int | None = None,
    now: datetime | None = None,
) -> int | None:
    """Check ``actor`` may do ``permission``; return the approver's id if an approval
    was consumed. The role is read from the database, never taken from the DTO.

    A one-time approval is consumed here (used_at set), in the caller's transaction:
    if the use case rolls back, the approval stays unused.
    """
    if _role_allows(session, actor, permission):
        return None
    if approval_id is None:
        raise permission_denied(permission)
    return consume_approval(session, actor, permission, approval_id, now or utcnow()).approver_id


def consume_approval(
    session: Session, actor: Actor, permission: Permission, approval_id: int, now: datetime
) -> Approval:
    """Use up ``actor``'s one-time approval for ``permission`` (refused when it is
    another's, used, expired, or its approver lost the permission), whatever the
    actor's own role; for a use case with limits of its own (manual discounts)."""
    approval = _valid_approval(session, actor, permission, approval_id, now)
    used = session.execute(
        update(Approval)
        .where(Approval.id == approval_id, Approval.used_at.is_(None))
        .values(used_at=now)
    )
    if used.rowcount != 1:  # type: ignore[attr-defined]
        raise PermissionDenied("approval_invalid")
    return approval
