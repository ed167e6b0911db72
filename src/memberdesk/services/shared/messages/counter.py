"""Messages of the counter's manual discounts and coupon issuing (zh_CN, en): see :mod:`.errors`."""

from __future__ import annotations

COUNTER_MESSAGES: dict[str, tuple[str, str]] = {
    "override_not_lower": (
        "“{item}”改价须低于原价 {price}",
        "The new price of “{item}” must be below its price {price}",
    ),
    "bad_manual_discount": (
        "折扣应为金额（如 5 或 5.50）或 1% 到 100%",
        "A discount is an amount (like 5 or 5.50) or 1% to 100%",
    ),
    "manual_over_cap": (
        "手工优惠 {amount}（{percent}%）超过您可给的上限（{max_percent}% 且不超过 {max_amount}），"
        "需要授权：{action}",
        "A manual discount of {amount} ({percent}%) is over your limit ({max_percent}% and at "
        "most {max_amount}): it needs an approval to {action}",
    ),
    "approver_over_cap": (
        "{name} 可批准的手工优惠上限为 {max_percent}% 且不超过 {max_amount}，本单 {amount}（{percent}%）需要老板授权",
        "{name} may approve manual discounts up to {max_percent}% and {max_amount}; this sale's "
        "{amount} ({percent}%) needs the owner",
    ),
    "category_points_range": (
        "分类积分应为每元 0 到 {max} 分（或按全店规则）",
        "A category's points must be 0 to {max} per yuan (or the shop's rate)",
    ),
}
