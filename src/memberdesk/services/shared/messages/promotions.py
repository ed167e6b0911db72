"""Messages of member days and special prices (会员日, 限时特价) (zh_CN, en): see
:mod:`.errors`."""

from __future__ import annotations

PROMOTION_MESSAGES: dict[str, tuple[str, str]] = {
    "promo_day_needed": (
        "请选择会员日：每周的星期几，或某一天（二选一）",
        "Choose the member day: a weekday or one date (not both)",
    ),
    "promo_bad_discount": (
        "会员日折扣应为 10% 到 100%（按原价的百分比支付）",
        "The member-day price must be 10% to 100% of the price",
    ),
    "promo_bad_multiplier": (
        "积分倍数应为 1 到 10 倍",
        "The points multiplier must be 1 to 10 times",
    ),
    "promo_gives_nothing": (
        "会员日需要折扣或积分倍数（至少一项）",
        "A member day needs a discount or a points multiplier",
    ),
    "promo_tier_not_found": (
        "找不到会员等级“{tier}”",
        "No tier “{tier}”",
    ),
    "promo_bad_price": (
        "请填写特价（不能为负）",
        "Type the special price (not negative)",
    ),
    "promo_price_not_lower": (
        "特价应低于原价 {price}",
        "The special price must be below the price of {price}",
    ),
    "promo_bad_window": (
        "特价的结束时间应晚于开始时间",
        "The special price must end after it starts",
    ),
    "promo_not_runnable": (
        "活动“{name}”不发券：会员日和限时特价创建后即在收银台生效，无需运行",
        "“{name}” issues no coupons: a member day or special price applies at the counter "
        "from its creation, nothing to run",
    ),
    "promo_already_ended": (
        "活动“{name}”已经结束",
        "“{name}” has already ended",
    ),
}
