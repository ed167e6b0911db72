"""The loyalty and messaging part of the settings catalogue: points and tiers,
member analytics, text messages and each message event's switch, template code and
text. Merged into :data:`.setting_specs.SPECS`."""

from __future__ import annotations

from memberdesk.domain.notify import EVENTS
from memberdesk.services.shared.setting_spec import (
    DAYS,
    PLACES,
    TIMES,
    SettingSpec,
    bool_setting,
    choice_setting,
    int_setting,
    money_setting,
    text_setting,
)

LOYALTY_SPECS: dict[str, SettingSpec] = {
    # -- points and tiers --------------------------------------------------------------
    "points.earn_per_yuan": int_setting(
        1, "points", ("每元积分", "Points per yuan"),
        ("每消费 1 元获得的积分（0 = 不积分）", "Points earned per yuan spent (0 = none)"), 0, 100),
    "points.earn_base": choice_setting(
        "paid_excl_points", "points", ("积分计算基数", "Points are earned on"),
        ("哪部分付款可以获得积分", "Which part of a payment earns points"),
        ("paid_excl_points", "实付（不含积分抵扣）", "the amount paid, without points"),
        ("external_only", "仅现金/刷卡/扫码（不含储值）", "cash, card and QR only (no stored value)"),
        ("payable", "应收全额", "the whole amount due")),
    "points.validity_days": int_setting(
        365, "points", ("积分有效期", "Points validity"),
        ("过期方式为“按有效期天数”时，积分获得后多少天过期（0 = 永不过期）；只影响以后获得的积分",
         "With “after the validity days”: days until earned points expire (0 = never); "
         "applies to points earned from now on"),
        0, 3650, DAYS),
    "points.expiry_policy": choice_setting(
        "days", "points", ("积分过期方式", "Points expire"),
        ("新获得的积分何时过期；已有积分保持原来的到期日",
         "When newly earned points expire; points already earned keep their dates"),
        ("days", "获得后按有效期天数", "after the validity days"),
        ("month_end", "获得当月月底", "at the end of the month earned"),
        ("year_end", "获得当年年底", "at the end of the year earned"),
        ("never", "永不过期", "never")),
    "points.redeem_points_per_yuan": int_setting(
        100, "points", ("多少积分抵 1 元", "Points worth ¥1"),
        ("积分抵现时的比例", "The rate when points pay part of a sale"), 1, 100_000),
    "points.redeem_min_points": int_setting(
        100, "points", ("积分抵现最低积分", "Fewest points to redeem"),
        ("积分少于这个数时不能抵现", "Below this a member cannot pay with points"), 0, 1_000_000),
    "points.redeem_max_percent": int_setting(
        50, "points", ("积分抵现上限（%）", "Points pay at most (%)"),
        ("一单最多有百分之几可以用积分支付", "The largest share of a sale points may pay"),
        0, 100, ("%", "%")),
    "points.expiring_soon_days": int_setting(
        30, "points", ("积分即将过期提醒", "Points expiring soon"),
        ("这么多天内到期的积分在收银台提示", "Points expiring within this many days are shown"),
        1, 365, DAYS),
    "points.reminder_days": text_setting(
        "7,3", "points", ("积分到期提醒（提前天数）", "Points expiry reminders (days before)"),
        ("到期前这些天在会员卡和小票上提醒，例如 7,3", "Days before a lot expires that the card "
         "and the receipt remind the member, e.g. 7,3"), 40, kind="day_list"),
    "tiers.window_days": int_setting(
        400, "points", ("等级评定周期", "Tier window"),
        ("按最近多少天的消费评定会员等级", "Tiers are judged on the spending of this many days"),
        30, 3650, DAYS),
    "tiers.keep_percent": int_setting(
        100, "points", ("保级比例（%）", "Keep a tier at (%)"),
        ("等级到期复评时，周期内消费达到该等级升级门槛的这个百分比即可保级，否则降级",
         "At a tier's yearly review, spending this share of its upgrade threshold over the "
         "window keeps it; less moves the member down"), 0, 100, ("%", "%")),
    "signin.points": int_setting(
        0, "points", ("签到积分", "Sign-in points"),
        ("会员每个营业日在收银台签到一次获得的积分（0 = 不开放签到）",
         "Points a member gets for signing in at the counter, once a business day "
         "(0 = no sign-in)"), 0, 10_000),
    "signin.streak_days": int_setting(
        0, "points", ("连续签到奖励周期", "Sign-in streak"),
        ("每连续签到这么多天多送一次奖励积分（0 = 没有连续奖励）",
         "Every this many consecutive days of sign-in earn the streak bonus (0 = none)"),
        0, 366, DAYS),
    "signin.streak_bonus": int_setting(
        0, "points", ("连续签到奖励积分", "Sign-in streak bonus"),
        ("连续签到满周期那天多送的积分", "Extra points on the day a streak completes"),
        0, 100_000),
    "referral.min_spend_fen": money_setting(
        0, "points", ("推荐奖励的首单最低消费", "Referral: first purchase of at least"),
        ("被推荐的新会员第一笔达到这个金额的消费后，双方得到推荐奖励（0 = 任何消费）",
         "Both get the referral reward after the new member's first purchase of at least "
         "this much (0 = any purchase)"), 0, 100_000_000),
    "referral.referrer_points": int_setting(
        0, "points", ("推荐人奖励积分", "Referral: points for the referrer"),
        ("推荐人得到的积分（0 = 不送）", "Points the referrer gets (0 = none)"), 0, 1_000_000),
    "referral.member_points": int_setting(
        0, "points", ("被推荐人奖励积分", "Referral: points for the new member"),
        ("被推荐的新会员得到的积分（0 = 不送）", "Points the new member gets (0 = none)"),
        0, 1_000_000),
    "referral.referrer_coupon": text_setting(
        "", "points", ("推荐人奖励券（优惠券模板编号）", "Referral: coupon for the referrer"),
        ("推荐人得到这个模板的一张优惠券；留空则不送",
         "The referrer gets a coupon of this template; empty: none"), 20),
    "referral.member_coupon": text_setting(
        "", "points", ("被推荐人奖励券（优惠券模板编号）", "Referral: coupon for the new member"),
        ("被推荐的新会员得到这个模板的一张优惠券；留空则不送",
         "The new member gets a coupon of this template; empty: none"), 20),
    "new_member.coupon": text_setting(
        "", "points", ("新会员券（优惠券模板编号）", "New-member coupon (template code)"),
        ("登记会员时送一张这个模板的优惠券；留空则不送",
         "A coupon of this template is given on registration; empty: none"), 20),
    "birthday.mode": choice_setting(
        "day", "points", ("生日礼发放时间", "Birthday gift on"),
        ("生日当天或生日所在月份发放，每年一次（2 月 29 日生日在平年于 2 月 28 日发放）",
         "The birthday itself or any day of its month, once a year (29 February birthdays "
         "get it on 28 February in other years)"),
        ("day", "生日当天", "the birthday"), ("month", "生日当月", "the birthday month")),
    "birthday.points": int_setting(
        0, "points", ("生日礼积分", "Birthday points"),
        ("每年生日送的积分（0 = 不送）", "Points given once a year on the birthday (0 = none)"),
        0, 1_000_000),
    "birthday.points_multiplier_permille": int_setting(
        1000, "points", ("生日积分倍数（‰）", "Birthday points multiplier (‰)"),
        ("生日当天（或生日当月，按生日礼发放时间）消费所得积分的倍数，1000 = 不加倍，2000 = 双倍",
         "Points earned by a sale on the birthday (or in the birthday month, as the gift) are "
         "multiplied by this: 1000 = none, 2000 = double"),
        1000, 10_000, ("‰", "‰")),
    "birthday.coupon_template": text_setting(
        "", "points", ("生日券（优惠券模板编号）", "Birthday coupon (template code)"),
        ("每年生日送一张这个模板的优惠券；留空则不送",
         "A coupon of this template is given once a year on the birthday; empty: none"), 20),
    # -- member analytics (definitions: domain/analytics.py) ----------------------------
    "analytics.window_days": int_setting(
        365, "analytics", ("分析周期", "Analysis window"),
        ("R、F、M 按最近多少天的消费计算", "R, F and M count the sales of this many days"),
        30, 3650, DAYS),
    "analytics.new_days": int_setting(
        30, "analytics", ("新会员天数", "New member for"),
        ("注册这么多天内、消费不超过一次的会员算新会员",
         "A member registered within this many days with at most one sale is new"),
        1, 365, DAYS),
    "analytics.active_days": int_setting(
        30, "analytics", ("活跃：最近消费在几天内", "Active: last sale within"),
        ("最近一次消费在这么多天内的会员为活跃", "Members whose last sale is this recent are active"),
        1, 3650, DAYS),
    "analytics.lapsed_recent_days": int_setting(
        60, "analytics", ("近期流失：未消费至多", "Recently lapsed: away up to"),
        ("超过“活跃”天数、至多这么多天未消费为近期流失",
         "Past the active days and up to this many days away: recently lapsed"),
        1, 3650, DAYS),
    "analytics.lapsed_mid_days": int_setting(
        90, "analytics", ("中期流失：未消费至多", "Lapsed: away up to"),
        ("超过近期流失天数、至多这么多天未消费为中期流失；再久为休眠",
         "Past recently lapsed and up to this many days away: lapsed; longer: dormant"),
        1, 3650, DAYS),
    "analytics.churn_gap_percent": int_setting(
        250, "analytics", ("流失预警：平时间隔的倍数（%）", "Churn warning: times the usual gap (%)"),
        ("未来店天数超过平时来店间隔的这么多（250% = 2.5 倍，且至少 14 天）时预警",
         "Warn when a member has been away longer than this share of their usual gap "
         "(250% = 2.5 times, and at least 14 days)"),
        100, 1000, ("%", "%")),
    "analytics.recommendations": bool_setting(
        True, "analytics", ("收银台推荐商品", "Suggestions at the counter"),
        ("会员该买的常购商品和常一起买的商品（每日任务计算）；否：不显示也不计算",
         "A member's regular products due and products often bought together (the daily "
         "job); no: neither shown nor computed")),
    # -- text messages (the outbox: services/notify_*.py) ---------------------------------
    "sms.provider": choice_setting(
        "none", "sms", ("短信服务商", "SMS provider"),
        ("无 = 不发短信，消息留在“消息”页，可导出为电话清单",
         "None: no SMS; messages stay on the Messages page and export as a call list"),
        ("none", "无", "none"), ("aliyun", "阿里云", "Alibaba Cloud"),
        ("tencent", "腾讯云", "Tencent Cloud")),
    "sms.endpoint": text_setting(
        "", "sms", ("接口地址（可选）", "Endpoint (optional)"),
        ("留空使用服务商的正式地址；填写则替换它（代理或测试用），例如 https://proxy.example",
         "Empty: the provider's own address; else this URL replaces it (a proxy or a test)"),
        200),
    "sms.access_key_id": text_setting(
        "", "sms", ("访问密钥 ID（AccessKey ID / SecretId）", "AccessKey ID / SecretId"),
        ("服务商控制台的访问密钥 ID", "The access key ID from the provider's console"), 100),
    "sms.access_key_secret": SettingSpec(
        "", "secret", "sms", ("访问密钥（AccessKey Secret / SecretKey）",
                                  "AccessKey Secret / SecretKey"),
        ("保存后不再显示，也不写入日志；重新输入即替换", "Never shown again nor logged once "
         "saved; type a new one to replace it"), max_len=200),
    "sms.sign_name": text_setting(
        "", "sms", ("短信签名", "SMS signature"),
        ("服务商审核通过的签名，例如 门店名称", "The signature the provider approved, e.g. the "
         "shop's name"), 30),
    "sms.app_id": text_setting(
        "", "sms", ("SdkAppId（腾讯云）", "SdkAppId (Tencent)"),
        ("腾讯云短信应用的 SdkAppId；阿里云不用", "The Tencent SMS application's SdkAppId; "
         "not used by Alibaba"), 40),
    "sms.price_fen": money_setting(
        5, "sms", ("每条短信价格", "Price per message"),
        ("用于按月统计短信费用", "For the monthly cost of messages"), 0, 10_000),
}

# Per event: whether it sends, the provider's template code, the owner's text.
for _key, _event in EVENTS.items():
    _zh, _en = _event.label
    LOYALTY_SPECS[f"notify.{_key}.on"] = bool_setting(
        False, "sms", (f"发送“{_zh}”短信", f"{_en}: send"),
        ("营销类短信只发给同意接收营销信息的会员，且只在 8:00–21:00 发送"
         if _event.promotional else "通知类短信",
         "Promotional: only to members who agreed, only 08:00–21:00"
         if _event.promotional else "A service notice"))
    LOYALTY_SPECS[f"notify.{_key}.code"] = text_setting(
        "", "sms", (f"“{_zh}”模板编号", f"{_en}: template code"),
        ("服务商审核通过的模板编号（阿里云 TemplateCode，腾讯云 TemplateId）",
         "The provider's approved template (Alibaba TemplateCode, Tencent TemplateId)"), 40)
    LOYALTY_SPECS[f"notify.{_key}.text"] = SettingSpec(
        "", "template", "sms", (f"“{_zh}”内容", f"{_en}: text"),
        (f"留空使用默认内容。占位符：{PLACES}", f"Empty: the default text. Placeholders: {PLACES}"),
        max_len=300)
LOYALTY_SPECS["notify.card_low.uses"] = int_setting(
    1, "sms", ("计次卡余次不足：剩余次数", "Count card low: uses left"),
    ("一次核销后某项服务剩余次数不多于此数时发送提醒", "Remind when a use leaves a service "
     "of a count card with this many uses or fewer"), 0, 99, TIMES)
LOYALTY_SPECS["notify.card_expiry.days"] = int_setting(
    7, "sms", ("计次卡到期提醒：提前天数", "Count card expiring: days before"),
    ("有剩余次数的计次卡在到期前这么多天提醒一次", "Remind once this many days before a count "
     "card with uses left expires"), 1, 365, DAYS)
