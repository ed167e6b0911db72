"""Messages of the points mall (积分商城) (zh_CN, en): see :mod:`.errors`."""

from __future__ import annotations

MALL_MESSAGES: dict[str, tuple[str, str]] = {
    "mall_points_price": (
        "兑换积分“{text}”应为 1 到 {max} 之间的整数",
        "The points price “{text}” must be a whole number from 1 to {max}",
    ),
    "mall_service": (
        "“{product}”是服务项目，不能作为礼品（礼品要有库存）",
        "“{product}” is a service: a gift must be goods with stock",
    ),
    "mall_product_inactive": (
        "“{product}”已停用，不能上架兑换",
        "“{product}” is deactivated: it cannot be offered as a gift",
    ),
    "mall_gift_not_found": (
        "积分商城里没有“{key}”这个礼品",
        "There is no gift “{key}” in the points mall",
    ),
    "mall_off_shelf": (
        "礼品“{gift}”已下架，不能兑换",
        "The gift “{gift}” is off the shelf: it cannot be redeemed",
    ),
    "mall_not_tracked": (
        "礼品“{gift}”还没有库存记录：请先在库存页入库或盘点",
        "The gift “{gift}” has no stock yet: receive or count it on the stock page first",
    ),
    "mall_stock_short": (
        "礼品“{gift}”库存不足：现有 {on_hand}{unit}，要兑换 {qty}{unit}",
        "Not enough “{gift}” in stock: {on_hand} on hand, {qty} wanted",
    ),
    "mall_points_short": (
        "积分不足：兑换“{gift}” x {qty} 要 {needed} 积分，会员可用 {available} 积分（差 {short}）",
        "Not enough points: “{gift}” x {qty} needs {needed} points, the member has "
        "{available} usable ({short} short)",
    ),
    "mall_bad_qty": (
        "兑换数量“{text}”应为 1 到 {max} 之间的整数",
        "The quantity “{text}” must be a whole number from 1 to {max}",
    ),
    "mall_redemption_not_found": (
        "找不到兑换单 {key}",
        "No redemption {key}",
    ),
    "mall_already_reversed": (
        "兑换单 {number} 已撤销过",
        "Redemption {number} has already been reversed",
    ),
    "mall_reason_required": (
        "撤销兑换请填写原因",
        "Give a reason for reversing the redemption",
    ),
}

SIGNIN_MESSAGES: dict[str, tuple[str, str]] = {
    "referrer_not_found": (
        "找不到推荐人会员号 {member_no}（或该会员已停用）",
        "No active member {member_no} to name as the referrer",
    ),

    "signin_off": (
        "没有开放签到：在设置里把“签到积分”设为大于 0",
        "Sign-in is off: set “Sign-in points” above 0 in the settings",
    ),
    "signin_twice": (
        "会员 {member_no} 今日已签到，明天再来",
        "Member {member_no} has already signed in today: come back tomorrow",
    ),
}
