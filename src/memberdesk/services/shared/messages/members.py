"""Messages of the back office's member list and member page (zh_CN, en): see
:mod:`.errors`."""

from __future__ import annotations

MEMBER_ADMIN_MESSAGES: dict[str, tuple[str, str]] = {
    "member_list_bad_month": ("生日月份应为 1 到 12", "The birthday month must be 1 to 12"),
    "adjust_nothing": (
        "调整的数额不能为 0",
        "The adjustment must not be zero",
    ),
    "adjust_points_too_many": (
        "一次最多调整 {max} 积分",
        "At most {max} points can be adjusted at once",
    ),
    "adjust_amount_too_large": (
        "一次最多调整 {max}",
        "At most {max} can be adjusted at once",
    ),
    "tier_unchanged": (
        "会员 {member_no} 已经是{tier}，锁定日期也相同",
        "Member {member_no} is already {tier}, locked until the same day",
    ),
    "tier_lock_past": (
        "锁定日期 {day} 已经过去，请选择今天以后的日期",
        "The lock date {day} has passed: choose a day after today",
    ),
}
