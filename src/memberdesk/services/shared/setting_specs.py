"""The catalogue of shop settings: for each key its default, its kind (what editor
and what values), its allowed range or choices, the section of the settings page it
belongs to, and its label and help in Chinese and English.

One table, read by the storage (:mod:`.settings`), the settings page of the back
office and ``memberdesk settings``. Amounts (kind ``money``) are stored in fen and
shown and typed in yuan.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from memberdesk.domain.notify import EVENTS, PLACEHOLDERS, template_problem
from memberdesk.domain.points import reminder_setting_problem
from memberdesk.hardware.printer_spec import EXAMPLES, PrinterSpecError, parse_printer
from memberdesk.money import Money
from memberdesk.services.shared.errors import Localized

KINDS = ("int", "money", "bool", "choice", "text", "printer", "day_list", "template", "secret")

# Sections in the order of the settings page: key -> (zh, en).
SECTIONS: dict[str, tuple[str, str]] = {
    "shop": ("门店", "Shop"), "checkout": ("收银", "Checkout"),
    "stored_value": ("储值", "Stored value"), "points": ("积分与等级", "Points and tiers"),
    "staff": ("员工与交班", "Staff and shifts"), "reader": ("读卡器", "Card reader"),
    "backup": ("备份", "Backups"), "printer": ("打印机与小票", "Printer and receipt"),
    "analytics": ("会员分析", "Member analytics"), "sms": ("短信", "Text messages"),
}

Option = tuple[Any, str, str]  # (stored value, zh, en)


@dataclass(frozen=True)
class SettingSpec:
    default: Any
    kind: str
    section: str
    label: tuple[str, str]
    help: tuple[str, str] = ("", "")
    lo: int = 0
    hi: int = 0
    options: tuple[Option, ...] = ()
    max_len: int = 0
    unit: tuple[str, str] = ("", "")

    def label_in(self, lang: str) -> str:
        return self.label[1] if lang.startswith("en") else self.label[0]

    def help_in(self, lang: str) -> str:
        return self.help[1] if lang.startswith("en") else self.help[0]

    def unit_in(self, lang: str) -> str:
        return self.unit[1] if lang.startswith("en") else self.unit[0]

    def problem(self, v: Any) -> Localized | None:
        """What is wrong with the value ``v`` (in both languages), or None."""
        if self.kind in ("int", "money"):
            if type(v) is not int or not self.lo <= v <= self.hi:
                if self.kind == "money":
                    lo, hi = Money(self.lo).display(), Money(self.hi).display()
                    return Localized(f"应在 {lo} 到 {hi} 之间", f"must be from {lo} to {hi}")
                return Localized(f"应为 {self.lo} 到 {self.hi} 之间的整数",
                                 f"must be a whole number from {self.lo} to {self.hi}")
        elif self.kind == "bool":
            if not isinstance(v, bool):
                return Localized("应为“是”或“否”", "must be yes or no")
        elif self.kind == "choice":
            if not any(type(v) is type(o) and v == o for o, _, _ in self.options):
                return Localized("应为以下之一：" + "、".join(zh for _, zh, _ in self.options),
                                 "must be one of: " + ", ".join(en for _, _, en in self.options))
        elif not isinstance(v, str) or len(v) > self.max_len:
            return Localized(f"应为不超过 {self.max_len} 个字的文字",
                             f"must be text of at most {self.max_len} characters")
        elif self.kind == "day_list":
            if reminder_setting_problem(v) is not None:
                return Localized("应为到期前的天数，例如 7,3（0 到 365 的整数，用逗号分开）",
                                 "must be days before expiry, like 7,3 (whole numbers from 0 "
                                 "to 365, separated by commas)")
        elif self.kind == "template":
            bad = template_problem(v)
            if bad is not None:
                return Localized(f"含有未知的占位符 {bad}；可用：{PLACES}",
                                 f"has an unknown placeholder {bad}; use {PLACES}")
        elif self.kind == "printer":
            try:
                parse_printer(v)
            except PrinterSpecError:
                return Localized(f"不是可用的打印机写法，例如 {EXAMPLES}",
                                 f"is not a printer address, e.g. {EXAMPLES}")
        return None


PLACES = " ".join("{" + p + "}" for p in PLACEHOLDERS)


def _int(default: int, section: str, label: tuple[str, str], help_: tuple[str, str],
         lo: int, hi: int, unit: tuple[str, str] = ("", "")) -> SettingSpec:
    return SettingSpec(default, "int", section, label, help_, lo=lo, hi=hi, unit=unit)


def _money(default: int, section: str, label: tuple[str, str], help_: tuple[str, str],
           lo: int, hi: int) -> SettingSpec:
    return SettingSpec(default, "money", section, label, help_, lo=lo, hi=hi)


def _bool(default: bool, section: str, label: tuple[str, str],
          help_: tuple[str, str]) -> SettingSpec:
    return SettingSpec(default, "bool", section, label, help_)


def _choice(default: Any, section: str, label: tuple[str, str], help_: tuple[str, str],
            *options: Option) -> SettingSpec:
    return SettingSpec(default, "choice", section, label, help_, options=options)


def _text(default: str, section: str, label: tuple[str, str], help_: tuple[str, str],
          max_len: int, kind: str = "text") -> SettingSpec:
    return SettingSpec(default, kind, section, label, help_, max_len=max_len)


DAYS, HOURS, MINUTES, MS = ("天", "days"), ("小时", "hours"), ("分钟", "minutes"), ("毫秒", "ms")
YEARS, TIMES, CHARS = ("年", "years"), ("次", "times"), ("个字符", "characters")

SPECS: dict[str, SettingSpec] = {
    # -- shop --------------------------------------------------------------------------
    "shop.language": _choice(
        "zh_CN", "shop", ("界面语言", "Language"),
        ("收银窗口启动时的语言（Ctrl+Shift+L 可随时切换）", "The window's language at start (Ctrl+Shift+L switches)"),
        ("zh_CN", "简体中文", "Chinese"), ("en", "English", "English")),
    "shop.timezone_offset_minutes": _int(
        480, "shop", ("时区（与 UTC 相差的分钟数）", "Time zone (minutes from UTC)"),
        ("北京时间为 480；决定营业日、日结和积分到期按哪里的“今天”计算",
         "480 is Beijing time; it decides the shop's “today” for day close and expiry"),
        -720, 840, MINUTES),
    # -- checkout ----------------------------------------------------------------------
    "checkout.rounding": _choice(
        "none", "checkout", ("抹零", "Rounding"),
        ("应收金额如何抹零；抹去的部分记为一行折扣，从不向顾客多收",
         "How the amount due is rounded; the difference is a discount line, never charged extra"),
        ("none", "不抹零", "none"), ("drop_fen", "抹分", "drop the fen"),
        ("drop_jiao", "抹角", "drop the jiao"), ("round_jiao", "四舍五入到角", "round to jiao")),
    "checkout.plain_amount_confirm_fen": _money(
        50_000, "checkout", ("直接收款确认金额", "Plain amount confirmation above"),
        ("不选商品直接收款时，超过这个金额需要再按一次键确认（防止多打一个零）",
         "A plain amount (no items) above this needs a confirming key (a typo guard)"),
        0, 1_000_000_000),
    "checkout.max_line_fen": _money(
        10_000_000, "checkout", ("单行最大金额", "Largest line amount"),
        ("一行商品超过这个金额会被拒绝（防止输错）", "A line above this is refused (a typo guard)"),
        100, 1_000_000_000),
    "checkout.max_change_fen": _money(
        100_000, "checkout", ("最大找零", "Largest change"),
        ("收现金时最多可以找给顾客的零钱", "The most change a cashier may give in cash"),
        100, 10_000_000),
    "checkout.restore_coupons_on_refund": _bool(
        True, "checkout", ("退款时退回优惠券", "Refunds give coupons back"),
        ("退款后，这单用掉的优惠券重新可用", "After a refund the sale's coupons can be used again")),
    "discount.cashier_max_percent": _int(
        10, "checkout", ("收银员手工优惠上限（%）", "Cashier's manual discount limit (%)"),
        ("收银员不经授权可给的手工折扣、整单折扣和改价合计，占原价的百分比；超过需店长或老板授权",
         "Manual and order discounts and price overrides a cashier may give without approval, "
         "as a share of the sale; above it a manager or the owner approves"), 0, 100, ("%", "%")),
    "discount.cashier_max_fen": _money(
        2_000, "checkout", ("收银员手工优惠上限（金额）", "Cashier's manual discount limit (amount)"),
        ("收银员每单不经授权可给的手工优惠金额", "The most a cashier may take off a sale by hand "
         "without approval"), 0, 100_000_000),
    "discount.manager_max_percent": _int(
        50, "checkout", ("店长手工优惠上限（%）", "Manager's manual discount limit (%)"),
        ("店长自己可给、也可为收银员批准的手工优惠上限；超过需老板授权（老板不限）",
         "What a manager may give, or approve for a cashier; above it the owner approves (the "
         "owner has no limit)"), 0, 100, ("%", "%")),
    "discount.manager_max_fen": _money(
        50_000, "checkout", ("店长手工优惠上限（金额）", "Manager's manual discount limit (amount)"),
        ("店长每单可给或批准的手工优惠金额", "The most a manager may take off a sale by hand, or "
         "approve"), 0, 100_000_000),
    "stock.allow_negative": _bool(
        True, "checkout", ("允许负库存销售", "Sell below zero stock"),
        ("库存不足时仍可结账（货架上有就能卖），这些销售在库存报表里标出；选“否”则拒绝结账并说明是哪件商品",
         "A sale may take a product's stock below zero (what is on the shelf can be sold); "
         "such sales are flagged in the stock report. No: checkout refuses, naming the product")),
    "count_cards.refund_rule": _choice(
        "pro_rata", "checkout", ("计次卡退款规则", "Count card refund rule"),
        ("退计次卡未用部分时：按未用次数比例退款（需店长批准），或不退",
         "Refunding the unused part of a count card: pro rata to the unused uses (a "
         "manager approves), or no refund"),
        ("pro_rata", "按比例退", "Pro rata"), ("none", "不退", "No refund")),
    # -- stored value ------------------------------------------------------------------
    "stored_value.cap_fen": _money(
        500_000, "stored_value", ("每张卡储值上限", "Stored value cap per card"),
        ("单用途预付卡规定：记名卡不超过 5000 元", "Prepaid card rules: at most ¥5,000 per "
         "registered card"), 0, 10_000_000),
    "stored_value.spend_order": _choice(
        "bonus_first", "stored_value", ("储值扣款顺序", "Stored value spend order"),
        ("消费时先扣赠送金额还是本金", "Whether a payment takes the bonus or the principal first"),
        ("bonus_first", "先扣赠送", "bonus first"),
        ("principal_first", "先扣本金", "principal first"),
        ("proportional", "按比例", "proportionally")),
    "stored_value.require_password": _bool(
        False, "stored_value", ("储值消费需要密码", "Stored value needs a password"),
        ("会员用储值付款时需输入支付密码", "Members type a payment password to pay from stored value")),
    "stored_value.password_max_failures": _int(
        5, "stored_value", ("支付密码错误次数上限", "Payment password tries"),
        ("连续输错这么多次后锁定储值支付", "Wrong payment passwords before stored value is locked"),
        1, 20, TIMES),
    "stored_value.password_lock_minutes": _int(
        30, "stored_value", ("支付密码锁定时长", "Payment password lock"),
        ("输错次数过多后锁定多久", "How long stored value stays locked"), 1, 1440, MINUTES),
    "stored_value.records_years": _int(
        5, "stored_value", ("储值记录保存年限", "Keep stored value records"),
        ("法规要求至少 5 年", "The rules ask for at least 5 years"), 5, 30, YEARS),
    # -- points and tiers --------------------------------------------------------------
    "points.earn_per_yuan": _int(
        1, "points", ("每元积分", "Points per yuan"),
        ("每消费 1 元获得的积分（0 = 不积分）", "Points earned per yuan spent (0 = none)"), 0, 100),
    "points.earn_base": _choice(
        "paid_excl_points", "points", ("积分计算基数", "Points are earned on"),
        ("哪部分付款可以获得积分", "Which part of a payment earns points"),
        ("paid_excl_points", "实付（不含积分抵扣）", "the amount paid, without points"),
        ("external_only", "仅现金/刷卡/扫码（不含储值）", "cash, card and QR only (no stored value)"),
        ("payable", "应收全额", "the whole amount due")),
    "points.validity_days": _int(
        365, "points", ("积分有效期", "Points validity"),
        ("过期方式为“按有效期天数”时，积分获得后多少天过期（0 = 永不过期）；只影响以后获得的积分",
         "With “after the validity days”: days until earned points expire (0 = never); "
         "applies to points earned from now on"),
        0, 3650, DAYS),
    "points.expiry_policy": _choice(
        "days", "points", ("积分过期方式", "Points expire"),
        ("新获得的积分何时过期；已有积分保持原来的到期日",
         "When newly earned points expire; points already earned keep their dates"),
        ("days", "获得后按有效期天数", "after the validity days"),
        ("month_end", "获得当月月底", "at the end of the month earned"),
        ("year_end", "获得当年年底", "at the end of the year earned"),
        ("never", "永不过期", "never")),
    "points.redeem_points_per_yuan": _int(
        100, "points", ("多少积分抵 1 元", "Points worth ¥1"),
        ("积分抵现时的比例", "The rate when points pay part of a sale"), 1, 100_000),
    "points.redeem_min_points": _int(
        100, "points", ("积分抵现最低积分", "Fewest points to redeem"),
        ("积分少于这个数时不能抵现", "Below this a member cannot pay with points"), 0, 1_000_000),
    "points.redeem_max_percent": _int(
        50, "points", ("积分抵现上限（%）", "Points pay at most (%)"),
        ("一单最多有百分之几可以用积分支付", "The largest share of a sale points may pay"),
        0, 100, ("%", "%")),
    "points.expiring_soon_days": _int(
        30, "points", ("积分即将过期提醒", "Points expiring soon"),
        ("这么多天内到期的积分在收银台提示", "Points expiring within this many days are shown"),
        1, 365, DAYS),
    "points.reminder_days": _text(
        "7,3", "points", ("积分到期提醒（提前天数）", "Points expiry reminders (days before)"),
        ("到期前这些天在会员卡和小票上提醒，例如 7,3", "Days before a lot expires that the card "
         "and the receipt remind the member, e.g. 7,3"), 40, kind="day_list"),
    "tiers.window_days": _int(
        400, "points", ("等级评定周期", "Tier window"),
        ("按最近多少天的消费评定会员等级", "Tiers are judged on the spending of this many days"),
        30, 3650, DAYS),
    "tiers.keep_percent": _int(
        100, "points", ("保级比例（%）", "Keep a tier at (%)"),
        ("等级到期复评时，周期内消费达到该等级升级门槛的这个百分比即可保级，否则降级",
         "At a tier's yearly review, spending this share of its upgrade threshold over the "
         "window keeps it; less moves the member down"), 0, 100, ("%", "%")),
    "signin.points": _int(
        0, "points", ("签到积分", "Sign-in points"),
        ("会员每个营业日在收银台签到一次获得的积分（0 = 不开放签到）",
         "Points a member gets for signing in at the counter, once a business day "
         "(0 = no sign-in)"), 0, 10_000),
    "signin.streak_days": _int(
        0, "points", ("连续签到奖励周期", "Sign-in streak"),
        ("每连续签到这么多天多送一次奖励积分（0 = 没有连续奖励）",
         "Every this many consecutive days of sign-in earn the streak bonus (0 = none)"),
        0, 366, DAYS),
    "signin.streak_bonus": _int(
        0, "points", ("连续签到奖励积分", "Sign-in streak bonus"),
        ("连续签到满周期那天多送的积分", "Extra points on the day a streak completes"),
        0, 100_000),
    "referral.min_spend_fen": _money(
        0, "points", ("推荐奖励的首单最低消费", "Referral: first purchase of at least"),
        ("被推荐的新会员第一笔达到这个金额的消费后，双方得到推荐奖励（0 = 任何消费）",
         "Both get the referral reward after the new member's first purchase of at least "
         "this much (0 = any purchase)"), 0, 100_000_000),
    "referral.referrer_points": _int(
        0, "points", ("推荐人奖励积分", "Referral: points for the referrer"),
        ("推荐人得到的积分（0 = 不送）", "Points the referrer gets (0 = none)"), 0, 1_000_000),
    "referral.member_points": _int(
        0, "points", ("被推荐人奖励积分", "Referral: points for the new member"),
        ("被推荐的新会员得到的积分（0 = 不送）", "Points the new member gets (0 = none)"),
        0, 1_000_000),
    "referral.referrer_coupon": _text(
        "", "points", ("推荐人奖励券（优惠券模板编号）", "Referral: coupon for the referrer"),
        ("推荐人得到这个模板的一张优惠券；留空则不送",
         "The referrer gets a coupon of this template; empty: none"), 20),
    "referral.member_coupon": _text(
        "", "points", ("被推荐人奖励券（优惠券模板编号）", "Referral: coupon for the new member"),
        ("被推荐的新会员得到这个模板的一张优惠券；留空则不送",
         "The new member gets a coupon of this template; empty: none"), 20),
    "new_member.coupon": _text(
        "", "points", ("新会员券（优惠券模板编号）", "New-member coupon (template code)"),
        ("登记会员时送一张这个模板的优惠券；留空则不送",
         "A coupon of this template is given on registration; empty: none"), 20),
    "birthday.mode": _choice(
        "day", "points", ("生日礼发放时间", "Birthday gift on"),
        ("生日当天或生日所在月份发放，每年一次（2 月 29 日生日在平年于 2 月 28 日发放）",
         "The birthday itself or any day of its month, once a year (29 February birthdays "
         "get it on 28 February in other years)"),
        ("day", "生日当天", "the birthday"), ("month", "生日当月", "the birthday month")),
    "birthday.points": _int(
        0, "points", ("生日礼积分", "Birthday points"),
        ("每年生日送的积分（0 = 不送）", "Points given once a year on the birthday (0 = none)"),
        0, 1_000_000),
    "birthday.points_multiplier_permille": _int(
        1000, "points", ("生日积分倍数（‰）", "Birthday points multiplier (‰)"),
        ("生日当天（或生日当月，按生日礼发放时间）消费所得积分的倍数，1000 = 不加倍，2000 = 双倍",
         "Points earned by a sale on the birthday (or in the birthday month, as the gift) are "
         "multiplied by this: 1000 = none, 2000 = double"),
        1000, 10_000, ("‰", "‰")),
    "birthday.coupon_template": _text(
        "", "points", ("生日券（优惠券模板编号）", "Birthday coupon (template code)"),
        ("每年生日送一张这个模板的优惠券；留空则不送",
         "A coupon of this template is given once a year on the birthday; empty: none"), 20),
    # -- staff and shifts --------------------------------------------------------------
    "staff.max_failed_logins": _int(
        5, "staff", ("登录错误次数上限", "Wrong passwords before a lock"),
        ("连续输错这么多次密码后锁定账号", "Wrong passwords in a row before the account locks"),
        3, 20, TIMES),
    "staff.lock_minutes": _int(
        15, "staff", ("账号锁定时长", "Account lock"),
        ("输错次数过多后锁定多久", "How long a locked account stays locked"), 1, 1440, MINUTES),
    "staff.approval_minutes": _int(
        5, "staff", ("授权有效时间", "An approval lasts"),
        ("店长授权后多久内有效", "How long a manager's approval can be used"), 1, 60, MINUTES),
    "shift.blind_close": _bool(
        False, "staff", ("盲交班", "Blind shift close"),
        ("交班时收银员先数现金，看不到系统应有金额",
         "Cashiers count the cash before they see what it should be")),
    # -- card reader -------------------------------------------------------------------
    "reader.wedge_min_length": _int(
        8, "reader", ("刷卡最少位数", "Shortest card number"),
        ("键盘式读卡器一次刷卡至少输入这么多字符", "A keyboard-wedge swipe has at least this "
         "many characters"), 1, 64, CHARS),
    "reader.wedge_max_interval_ms": _int(
        30, "reader", ("刷卡按键间隔", "Swipe key interval"),
        ("刷卡时两个字符之间最多相隔多少毫秒；比这更慢的是人在打字",
         "The longest gap between two characters of a swipe; slower is a person typing"),
        5, 500, MS),
    # -- backups -----------------------------------------------------------------------
    "backup.interval_hours": _int(
        24, "backup", ("自动备份间隔", "Back up every"),
        ("收银窗口开着时每隔多久自动备份一次", "How often the open window backs up by itself"),
        1, 168, HOURS),
    "backup.keep_daily": _int(7, "backup", ("保留每日备份", "Daily backups kept"),
                              ("", ""), 1, 365),
    "backup.keep_weekly": _int(4, "backup", ("保留每周备份", "Weekly backups kept"),
                               ("", ""), 0, 104),
    "backup.keep_monthly": _int(12, "backup", ("保留每月备份", "Monthly backups kept"),
                                ("", ""), 0, 120),
    "backup.second_destination": _text(
        "", "backup", ("第二备份位置", "Second backup folder"),
        ("每次备份再复制一份到这个文件夹（例如 U 盘）；留空则不复制",
         "Each backup is also copied to this folder (a USB drive, say); empty: no copy"), 500),
    # -- printer and receipt -----------------------------------------------------------
    "printer.connection": _text(
        "", "printer", ("小票打印机", "Receipt printer"),
        (f"留空 = 不打印，只在屏幕显示小票。例如 {EXAMPLES}",
         f"Empty: no printer, the receipt is shown on screen. E.g. {EXAMPLES}"),
        200, kind="printer"),
    "printer.open_drawer": _bool(
        False, "printer", ("打印后弹出钱箱", "Open the cash drawer"),
        ("打印小票后弹开接在打印机上的钱箱", "Kick the drawer connected to the printer after "
         "printing")),
    "receipt.paper_mm": _choice(58, "printer", ("小票纸宽", "Paper width"), ("", ""),
                                (58, "58 毫米", "58 mm"), (80, "80 毫米", "80 mm")),
    "shop.receipt_footer": _text(
        "谢谢惠顾，欢迎再来！", "printer", ("小票结尾语", "Receipt footer"),
        ("印在每张小票最后", "Printed at the end of every receipt"), 100),
    # -- member analytics (definitions: domain/analytics.py) ----------------------------
    "analytics.window_days": _int(
        365, "analytics", ("分析周期", "Analysis window"),
        ("R、F、M 按最近多少天的消费计算", "R, F and M count the sales of this many days"),
        30, 3650, DAYS),
    "analytics.new_days": _int(
        30, "analytics", ("新会员天数", "New member for"),
        ("注册这么多天内、消费不超过一次的会员算新会员",
         "A member registered within this many days with at most one sale is new"),
        1, 365, DAYS),
    "analytics.active_days": _int(
        30, "analytics", ("活跃：最近消费在几天内", "Active: last sale within"),
        ("最近一次消费在这么多天内的会员为活跃", "Members whose last sale is this recent are active"),
        1, 3650, DAYS),
    "analytics.lapsed_recent_days": _int(
        60, "analytics", ("近期流失：未消费至多", "Recently lapsed: away up to"),
        ("超过“活跃”天数、至多这么多天未消费为近期流失",
         "Past the active days and up to this many days away: recently lapsed"),
        1, 3650, DAYS),
    "analytics.lapsed_mid_days": _int(
        90, "analytics", ("中期流失：未消费至多", "Lapsed: away up to"),
        ("超过近期流失天数、至多这么多天未消费为中期流失；再久为休眠",
         "Past recently lapsed and up to this many days away: lapsed; longer: dormant"),
        1, 3650, DAYS),
    "analytics.churn_gap_percent": _int(
        250, "analytics", ("流失预警：平时间隔的倍数（%）", "Churn warning: times the usual gap (%)"),
        ("未来店天数超过平时来店间隔的这么多（250% = 2.5 倍，且至少 14 天）时预警",
         "Warn when a member has been away longer than this share of their usual gap "
         "(250% = 2.5 times, and at least 14 days)"),
        100, 1000, ("%", "%")),
    "analytics.recommendations": _bool(
        True, "analytics", ("收银台推荐商品", "Suggestions at the counter"),
        ("会员该买的常购商品和常一起买的商品（每日任务计算）；否：不显示也不计算",
         "A member's regular products due and products often bought together (the daily "
         "job); no: neither shown nor computed")),
    # -- text messages (the outbox: services/notify_*.py) ---------------------------------
    "sms.provider": _choice(
        "none", "sms", ("短信服务商", "SMS provider"),
        ("无 = 不发短信，消息留在“消息”页，可导出为电话清单",
         "None: no SMS; messages stay on the Messages page and export as a call list"),
        ("none", "无", "none"), ("aliyun", "阿里云", "Alibaba Cloud"),
        ("tencent", "腾讯云", "Tencent Cloud")),
    "sms.endpoint": _text(
        "", "sms", ("接口地址（可选）", "Endpoint (optional)"),
        ("留空使用服务商的正式地址；填写则替换它（代理或测试用），例如 https://proxy.example",
         "Empty: the provider's own address; else this URL replaces it (a proxy or a test)"),
        200),
    "sms.access_key_id": _text(
        "", "sms", ("访问密钥 ID（AccessKey ID / SecretId）", "AccessKey ID / SecretId"),
        ("服务商控制台的访问密钥 ID", "The access key ID from the provider's console"), 100),
    "sms.access_key_secret": SettingSpec(
        "", "secret", "sms", ("访问密钥（AccessKey Secret / SecretKey）",
                                  "AccessKey Secret / SecretKey"),
        ("保存后不再显示，也不写入日志；重新输入即替换", "Never shown again nor logged once "
         "saved; type a new one to replace it"), max_len=200),
    "sms.sign_name": _text(
        "", "sms", ("短信签名", "SMS signature"),
        ("服务商审核通过的签名，例如 门店名称", "The signature the provider approved, e.g. the "
         "shop's name"), 30),
    "sms.app_id": _text(
        "", "sms", ("SdkAppId（腾讯云）", "SdkAppId (Tencent)"),
        ("腾讯云短信应用的 SdkAppId；阿里云不用", "The Tencent SMS application's SdkAppId; "
         "not used by Alibaba"), 40),
    "sms.price_fen": _money(
        5, "sms", ("每条短信价格", "Price per message"),
        ("用于按月统计短信费用", "For the monthly cost of messages"), 0, 10_000),
}

# Per event: whether it sends, the provider's template code, the owner's text.
for _key, _event in EVENTS.items():
    _zh, _en = _event.label
    SPECS[f"notify.{_key}.on"] = _bool(
        False, "sms", (f"发送“{_zh}”短信", f"{_en}: send"),
        ("营销类短信只发给同意接收营销信息的会员，且只在 8:00–21:00 发送"
         if _event.promotional else "通知类短信",
         "Promotional: only to members who agreed, only 08:00–21:00"
         if _event.promotional else "A service notice"))
    SPECS[f"notify.{_key}.code"] = _text(
        "", "sms", (f"“{_zh}”模板编号", f"{_en}: template code"),
        ("服务商审核通过的模板编号（阿里云 TemplateCode，腾讯云 TemplateId）",
         "The provider's approved template (Alibaba TemplateCode, Tencent TemplateId)"), 40)
    SPECS[f"notify.{_key}.text"] = SettingSpec(
        "", "template", "sms", (f"“{_zh}”内容", f"{_en}: text"),
        (f"留空使用默认内容。占位符：{PLACES}", f"Empty: the default text. Placeholders: {PLACES}"),
        max_len=300)
SPECS["notify.card_low.uses"] = _int(
    1, "sms", ("计次卡余次不足：剩余次数", "Count card low: uses left"),
    ("一次核销后某项服务剩余次数不多于此数时发送提醒", "Remind when a use leaves a service "
     "of a count card with this many uses or fewer"), 0, 99, TIMES)
SPECS["notify.card_expiry.days"] = _int(
    7, "sms", ("计次卡到期提醒：提前天数", "Count card expiring: days before"),
    ("有剩余次数的计次卡在到期前这么多天提醒一次", "Remind once this many days before a count "
     "card with uses left expires"), 1, 365, DAYS)
