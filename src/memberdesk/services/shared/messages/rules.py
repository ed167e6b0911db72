"""Messages of the loyalty rules (tiers, recharge offers, coupon templates), zh_CN
and en: see :mod:`.errors`."""

from __future__ import annotations

RULES_MESSAGES: dict[str, tuple[str, str]] = {
    "tier_code_taken": ("等级编号 {item} 已被“{name}”使用", "The tier code {item} already belongs to {name}"),
    "tier_name_taken": ("已经有名为“{name}”的等级", "There is already a tier called {name}"),
    "tier_rank_taken": (
        "顺序 {rank} 已被等级“{name}”使用，请换一个数字",
        "Order {rank} is already {name}'s: pick another number",
    ),
    "tier_discount_range": (
        "等级折扣应在 1%–100% 之间（100% = 不打折，95% = 九五折），不能是 {value}",
        "A tier's discount is the share paid, 1%–100% (100% = full price, 95% = 5% off), "
        "not {value}",
    ),
    "tier_multiplier_range": (
        "积分倍数应在 0–{max} 倍之间，不能是 {value}",
        "The points multiplier must be 0–{max}×, not {value}",
    ),
    "tier_rank_range": ("等级顺序应为 1–{max} 的整数", "A tier's order is a whole number 1–{max}"),
    "tier_threshold_order": (
        "“{name}”的升级门槛 {threshold} 低于排在它前面的“{lower}”的 {lower_threshold}：高等级的门槛不能更低",
        "{name}'s upgrade threshold of {threshold} is below the {lower_threshold} of {lower}, "
        "a lower tier: a higher tier cannot be easier to reach",
    ),
    "tier_in_use": (
        "还有 {count} 位会员属于“{name}”，不能停用：请先把他们调到其他等级",
        "{count} members still hold {name}, so it cannot be deactivated: move them to "
        "another tier first",
    ),
    "tier_in_rules": (
        "充值活动“{rule}”只对“{name}”有效，不能停用该等级：请先结束这个活动",
        "The recharge offer {rule} is for {name} only, so the tier cannot be deactivated: "
        "end the offer first",
    ),
    "tier_last": (
        "“{name}”是最后一个启用的等级，不能停用（新会员需要一个等级）",
        "{name} is the last active tier and cannot be deactivated (new members need a tier)",
    ),
    "tier_already": ("等级“{name}”已经是{state_zh}状态", "Tier {name} is already {state_en}"),
    "rule_nothing_given": (
        "这个充值活动什么也不送：请填写赠送金额、赠送积分或赠券",
        "This recharge offer gives nothing: set a bonus, bonus points or a coupon",
    ),
    "rule_bonus_above_threshold": (
        "赠送金额 {bonus} 超过了充值门槛 {threshold}：最多充多少送多少（多半是多打了一个零）",
        "A bonus of {bonus} is more than the {threshold} paid: at most as much as is paid "
        "(most likely a zero too many)",
    ),
    "rule_threshold_over_cap": (
        "充值门槛 {threshold} 超过了每张卡储值上限 {cap}，这个活动永远用不上",
        "The threshold of {threshold} is above the stored value cap of {cap}: the offer "
        "could never be used",
    ),
    "rule_points_range": (
        "赠送积分应为 0–{max} 的整数",
        "Bonus points must be a whole number 0–{max}",
    ),
    "rule_dates_reversed": (
        "结束日期 {end} 早于开始日期 {start}",
        "The end date {end} is before the start date {start}",
    ),
    "rule_ends_in_past": (
        "结束日期 {end} 已经过去了",
        "The end date {end} has already passed",
    ),
    "rule_overlaps": (
        "与充值活动“{rule}”（{window}）重叠：同一门槛 {threshold}、同一等级的活动不能同时有效，请先结束它或改日期",
        "It overlaps the recharge offer {rule} ({window}): two offers for the same "
        "threshold of {threshold} and the same tier cannot run at the same time; end it "
        "first or change the dates",
    ),
    "rule_not_found": ("找不到充值活动 {key}", "No recharge offer {key}"),
    "rule_already_ended": ("充值活动“{name}”已经结束了", "The recharge offer {name} has already ended"),
    "template_code_taken": (
        "券编号 {item} 已被“{name}”使用",
        "The coupon code {item} already belongs to {name}",
    ),
    "template_value_required": ("请填写{field}", "{field} is required"),
    "template_percent_range": (
        "折扣券应付比例应在 1%–99% 之间（80% = 八折），不能是 {value}",
        "A percent coupon's share paid must be 1%–99% (80% = 20% off), not {value}",
    ),
    "template_off_above_min": (
        "满 {min_spend} 减 {value}：减的比满的还多，请检查金额",
        "{value} off a spend of {min_spend} is more than the spend: check the amounts",
    ),
    "template_scope_empty": (
        "请选择这张券适用的{what}",
        "Choose the {what} this coupon is for",
    ),
    "template_time_window": (
        "时段 {text} 无效，请写成 HH:MM-HH:MM，例如 14:00-17:00",
        "The hours {text} are not valid: write HH:MM-HH:MM, e.g. 14:00-17:00",
    ),
    "template_limit_range": ("{field}应为 1–{max} 的整数", "{field} must be a whole number 1–{max}"),
    "template_days_range": ("有效天数应为 1–{max} 天", "Days valid must be 1–{max}"),
    "template_not_found": ("找不到优惠券 {key}", "No coupon {key}"),
    "template_inactive": (
        "优惠券“{name}”已停用，不能再发放",
        "The coupon {name} is deactivated and cannot be issued",
    ),
    "template_already": ("优惠券“{name}”已经是{state_zh}状态", "The coupon {name} is already {state_en}"),
    "template_in_rules": (
        "充值活动“{rule}”还在送这张券，不能停用：请先结束这个活动",
        "The recharge offer {rule} still gives this coupon, so it cannot be deactivated: end "
        "the offer first",
    ),
    "template_expired": (
        "优惠券“{name}”已过了有效期（{end}），发出去也用不了",
        "The coupon {name} ran out on {end}: an issued one could not be used",
    ),
    "member_not_exact": (
        "请输入会员的完整手机号、卡号或会员号（“{text}”不能确定是哪一位会员）",
        "Type the member's whole phone number, card number or member number (“{text}” does "
        "not say which member)",
    ),
    "member_card_blocked": (
        "卡 {text} 已挂失或作废，请用会员的手机号",
        "Card {text} is reported lost or void: use the member's phone number",
    ),
}
