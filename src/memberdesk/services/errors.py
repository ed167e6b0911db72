"""User-facing errors raised by services, with their text in Chinese and English.

A :class:`UserError` is something the person at the counter can act on (wrong
password, not enough balance, bad phone number). Anything else is a bug and goes
to the crash dialog and the log. Messages live in one catalogue so the CLI and
the UI show the same words; ``{name}`` placeholders come from ``params``.
"""

from __future__ import annotations

from typing import Any, ClassVar

MESSAGES: dict[str, tuple[str, str]] = {
    # code: (zh_CN, en)
    "already_initialised": ("门店已经初始化过了", "This shop has already been set up"),
    "not_initialised": (
        "门店尚未初始化，请先运行 memberdesk init",
        "The shop is not set up yet: run memberdesk init first",
    ),
    "login_failed": ("用户名或密码错误", "Wrong user name or password"),
    "account_locked": (
        "密码错误次数过多，账号已锁定，请 {minutes} 分钟后再试",
        "Too many wrong passwords: the account is locked for {minutes} minutes",
    ),
    "account_inactive": ("该账号已停用", "This account is disabled"),
    "permission_denied": (
        "没有权限：{action}，需要店长或老板授权",
        "Not allowed: {action} needs a manager's or owner's approval",
    ),
    "approver_lacks_permission": (
        "{name} 也没有权限：{action}",
        "{name} is not allowed to {action} either",
    ),
    "approval_invalid": (
        "授权无效或已过期，请重新授权",
        "The approval is invalid or has expired: ask again",
    ),
    "reason_required": ("请填写原因", "Please give a reason"),
    "weak_password": (
        "密码至少需要 {min} 位",
        "The password must have at least {min} characters",
    ),
    "invalid_username": (
        "用户名只能包含字母、数字、下划线，长度 2–32",
        "A user name has 2–32 letters, digits or underscores",
    ),
    "username_taken": ("用户名 {username} 已被使用", "The user name {username} is taken"),
    "invalid_field": ("{field}填写有误：{problem}", "{field} is not valid: {problem}"),
    "required_field": ("请填写{field}", "{field} is required"),
    "field_too_long": (
        "{field}太长（最多 {max} 个字）",
        "{field} is too long (at most {max} characters)",
    ),
    "invalid_phone": (
        "手机号 {phone} 不是有效的中国大陆手机号",
        "{phone} is not a valid mainland China mobile number",
    ),
    "phone_taken": ("手机号 {phone} 已被会员 {member_no} 使用", "{phone} already belongs to member {member_no}"),
    "member_not_found": ("找不到会员 {key}", "No member {key}"),
    "member_inactive": ("会员 {member_no} 已停用", "Member {member_no} is deactivated"),
    "card_taken": ("卡 {uid} 已绑定会员 {member_no}", "Card {uid} already belongs to member {member_no}"),
    "invalid_card": ("无法识别的卡号 {text}", "Unrecognised card number {text}"),
    "invalid_amount": ("金额 {text} 无效：{problem}", "The amount {text} is not valid: {problem}"),
    "insufficient_stored_value": (
        "储值余额不足：需要 {needed}，可用 {available}",
        "Not enough stored value: {needed} needed, {available} available",
    ),
    "insufficient_points": (
        "积分不足：需要 {needed}，可用 {available}",
        "Not enough points: {needed} needed, {available} available",
    ),
    "unknown_setting": ("未知设置项 {key}", "Unknown setting {key}"),
    "invalid_setting": ("设置项 {key} 的值无效：{problem}", "Setting {key}: {problem}"),
    "staff_not_found": ("找不到员工 {key}", "No staff member {key}"),
    "last_owner": ("不能停用最后一位老板账号", "The last owner account cannot be disabled"),
    "role_too_high": (
        "不能创建或修改比自己级别高的账号",
        "You cannot create or change an account above your own role",
    ),
}

MONEY_PROBLEMS: dict[str, tuple[str, str]] = {
    "not_a_number": ("不是数字", "not a number"),
    "too_many_decimals": ("最多两位小数", "at most two decimals"),
    "negative": ("不能为负数", "must not be negative"),
    "too_large": ("金额过大", "too large"),
    "zero": ("必须大于零", "must be more than zero"),
}


class UserError(Exception):
    """An error the user can understand and act on. Nothing was written."""

    kind: ClassVar[str] = "user"

    def __init__(self, code: str, **params: Any) -> None:
        if code not in MESSAGES:
            raise KeyError(f"no message for error code {code!r}")
        self.code = code
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "zh_CN") -> str:
        zh, en = MESSAGES[self.code]
        template = en if lang.startswith("en") else zh
        try:
            return template.format(**self.params)
        except (KeyError, IndexError):
            return template


class ValidationError(UserError):
    kind = "validation"


class NotFoundError(UserError):
    kind = "not_found"


class ConflictError(UserError):
    kind = "conflict"


class PermissionDenied(UserError):
    kind = "permission"


class AuthError(UserError):
    kind = "auth"
