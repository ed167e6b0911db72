"""Messages of the count cards (计次卡) (zh_CN, en): see :mod:`.errors`."""

from __future__ import annotations

COUNT_CARD_MESSAGES: dict[str, tuple[str, str]] = {
    "count_card_needs_member": (
        "“{card}”是计次卡，要记在会员名下：请先刷卡或输入会员手机号",
        "“{card}” is a count card and belongs to a member: look up the member first",
    ),
    "count_card_template_ended": (
        "“{card}”已于 {date} 停止使用，不能再卖",
        "“{card}” ended on {date} and can no longer be sold",
    ),
    "count_card_used": (
        "计次卡“{card}”（No. {card_no}）已使用、已过期或已退，不能整单退；可以退未使用部分",
        "The count card “{card}” (No. {card_no}) has been used, has expired or was refunded: "
        "it cannot be refunded whole; refund its unused part instead",
    ),
    "count_card_not_found": ("找不到计次卡 {key}", "No count card {key}"),
    "count_card_use_not_found": ("找不到计次卡使用记录 {key}", "No count-card use {key}"),
    "count_card_use_reversed": (
        "这次使用（{key}）已经撤销过了", "This use ({key}) has already been reversed"),
    "count_card_bad_uses": (
        "次数“{uses}”应为 1 到 {max} 之间的整数",
        "The number of uses “{uses}” must be a whole number from 1 to {max}",
    ),
    "count_card_expired": (
        "计次卡“{card}”已于 {date} 到期，不能再用",
        "The count card “{card}” expired on {date} and can no longer be used",
    ),
    "count_card_not_active": (
        "计次卡“{card}”已用完或已退，不能再用",
        "The count card “{card}” is used up or refunded",
    ),
    "count_card_not_enough": (
        "计次卡“{card}”的“{service}”只剩 {left} 次，不够 {uses} 次",
        "The count card “{card}” has only {left} uses of “{service}” left, not {uses}",
    ),
    "count_card_no_refund": (
        "本店规定计次卡未用部分不退（设置：计次卡退款规则）",
        "This shop does not refund the unused part of a count card (setting: count card "
        "refund rule)",
    ),
    "count_card_nothing_left": (
        "计次卡“{card}”没有未使用的次数可退", "The count card “{card}” has no unused uses to refund"),
    "count_card_template_items": (
        "计次卡至少要包含一项服务，每项 1 到 {max} 次，同一服务不要写两次",
        "A count card needs at least one service, each with 1 to {max} uses, no service twice",
    ),
    "count_card_template_validity": (
        "有效期天数应为 1 到 {max} 之间的整数，或填写截止日期（也可都不填：长期有效）",
        "Validity must be 1 to {max} days, or an end date (or neither: no expiry)",
    ),
    "count_card_template_not_found": ("找不到计次卡模板 {key}", "No count card template {key}"),
    "count_card_service_not_found": (
        "找不到服务项目 {key}（请先在“商品”页建好）",
        "No service {key} (add it on the Products page first)",
    ),
    "count_card_tier_not_found": ("找不到会员等级 {key}", "No tier {key}"),
}
