"""The catalogue of shop settings: for each key its default, its kind (what editor
and what values), its allowed range or choices, the section of the settings page it
belongs to, and its label and help in Chinese and English.

One table, read by the storage (:mod:`.settings`), the settings page of the back
office and ``memberdesk settings``. Amounts (kind ``money``) are stored in fen and
shown and typed in yuan.
"""


from __future__ import annotations

from memberdesk.hardware.printer_spec import EXAMPLES
from memberdesk.services.shared.setting_spec import (
    CHARS,
    HOURS,
    KINDS,
    MINUTES,
    MS,
    SECTIONS,
    TIMES,
    YEARS,
    SettingSpec,
    bool_setting,
    choice_setting,
    int_setting,
    money_setting,
    text_setting,
)
from memberdesk.services.shared.setting_specs_loyalty import LOYALTY_SPECS

__all__ = ["KINDS", "SECTIONS", "SPECS", "SettingSpec"]

SPECS: dict[str, SettingSpec] = {
    # -- shop --------------------------------------------------------------------------
    "shop.language": choice_setting(
        # not the window's: each till keeps the language picked at log-in or with
        # Ctrl+Shift+L (ui.shell.i18n.initial_language); this one is the shop's
        "zh_CN", "shop", ("店铺默认语言", "Shop's default language"),
        ("发给会员的消息和命令行导出的报表用这个语言；各台收银机的窗口语言在登录界面或按 "
         "Ctrl+Shift+L 各自选择，不受它影响",
         "Messages to members and reports made from the command line use it; each till's "
         "window keeps the language picked at log-in or with Ctrl+Shift+L"),
        ("zh_CN", "简体中文", "Chinese"), ("en", "English", "English")),
    "shop.timezone_offset_minutes": int_setting(
        480, "shop", ("时区", "Time zone"),
        ("填比 UTC 早多少分钟，例如 480 就是 UTC+8 北京时间；营业日、日结和到期都按这个时区的“今天”算",
         "How many minutes ahead of UTC, e.g. 480 = UTC+8 Beijing time; the shop's “today” "
         "for the day close and expiry is counted in it"),
        -720, 840, MINUTES),
    # -- checkout ----------------------------------------------------------------------
    "checkout.rounding": choice_setting(
        "none", "checkout", ("抹零", "Rounding"),
        ("应收金额如何抹零；抹去的部分记为一行折扣，从不向顾客多收",
         "How the amount due is rounded; the difference is a discount line, never charged extra"),
        ("none", "不抹零", "none"), ("drop_fen", "抹分", "drop the fen"),
        ("drop_jiao", "抹角", "drop the jiao"), ("round_jiao", "四舍五入到角", "round to jiao")),
    "checkout.plain_amount_confirm_fen": money_setting(
        50_000, "checkout", ("直接收款确认金额", "Plain amount confirmation above"),
        ("不选商品直接收款时，超过这个金额需要再按一次键确认（防止多打一个零）",
         "A plain amount (no items) above this needs a confirming key (a typo guard)"),
        0, 1_000_000_000),
    "checkout.max_line_fen": money_setting(
        10_000_000, "checkout", ("单行最大金额", "Largest line amount"),
        ("一行商品超过这个金额会被拒绝（防止输错）", "A line above this is refused (a typo guard)"),
        100, 1_000_000_000),
    "checkout.max_change_fen": money_setting(
        100_000, "checkout", ("最大找零", "Largest change"),
        ("收现金时最多可以找给顾客的零钱", "The most change a cashier may give in cash"),
        100, 10_000_000),
    "checkout.tick_best_coupon": bool_setting(
        False, "checkout", ("收款时自动用最省的券", "Use the best coupon when paying"),
        ("会员有本单可用的优惠券时，收款窗口打开就勾选最省钱的一张（收银员可以取消）",
         "When the member has a coupon for the sale, the payment opens with the one that "
         "saves most ticked (the cashier can untick it)")),
    "checkout.restore_coupons_on_refund": bool_setting(
        True, "checkout", ("退款时退回优惠券", "Refunds give coupons back"),
        ("退款后，这单用掉的优惠券重新可用", "After a refund the sale's coupons can be used again")),
    "discount.cashier_max_percent": int_setting(
        10, "checkout", ("收银员手工优惠上限（%）", "Cashier's manual discount limit (%)"),
        ("收银员不经授权可给的手工折扣、整单折扣和改价合计，占原价的百分比；超过需店长或老板授权",
         "Manual and order discounts and price overrides a cashier may give without approval, "
         "as a share of the sale; above it a manager or the owner approves"), 0, 100, ("%", "%")),
    "discount.cashier_max_fen": money_setting(
        2_000, "checkout", ("收银员手工优惠上限（金额）", "Cashier's manual discount limit (amount)"),
        ("收银员每单不经授权可给的手工优惠金额", "The most a cashier may take off a sale by hand "
         "without approval"), 0, 100_000_000),
    "discount.manager_max_percent": int_setting(
        50, "checkout", ("店长手工优惠上限（%）", "Manager's manual discount limit (%)"),
        ("店长自己可给、也可为收银员批准的手工优惠上限；超过需老板授权（老板不限）",
         "What a manager may give, or approve for a cashier; above it the owner approves (the "
         "owner has no limit)"), 0, 100, ("%", "%")),
    "discount.manager_max_fen": money_setting(
        50_000, "checkout", ("店长手工优惠上限（金额）", "Manager's manual discount limit (amount)"),
        ("店长每单可给或批准的手工优惠金额", "The most a manager may take off a sale by hand, or "
         "approve"), 0, 100_000_000),
    "stock.allow_negative": bool_setting(
        True, "checkout", ("允许负库存销售", "Sell below zero stock"),
        ("库存不足时仍可结账（货架上有就能卖），这些销售在库存报表里标出；选“否”则拒绝结账并说明是哪件商品",
         "A sale may take a product's stock below zero (what is on the shelf can be sold); "
         "such sales are flagged in the stock report. No: checkout refuses, naming the product")),
    "count_cards.refund_rule": choice_setting(
        "pro_rata", "checkout", ("计次卡退款规则", "Count card refund rule"),
        ("退计次卡未用部分时：按未用次数比例退款（需店长批准），或不退",
         "Refunding the unused part of a count card: pro rata to the unused uses (a "
         "manager approves), or no refund"),
        ("pro_rata", "按比例退", "Pro rata"), ("none", "不退", "No refund")),
    # -- stored value ------------------------------------------------------------------
    "stored_value.cap_fen": money_setting(
        500_000, "stored_value", ("每张卡储值上限", "Stored value cap per card"),
        ("单用途预付卡规定：记名卡不超过 5000 元", "Prepaid card rules: at most ¥5,000 per "
         "registered card"), 0, 10_000_000),
    "stored_value.spend_order": choice_setting(
        "bonus_first", "stored_value", ("储值扣款顺序", "Stored value spend order"),
        ("消费时先扣赠送金额还是本金", "Whether a payment takes the bonus or the principal first"),
        ("bonus_first", "先扣赠送", "bonus first"),
        ("principal_first", "先扣本金", "principal first"),
        ("proportional", "按比例", "proportionally")),
    "stored_value.require_password": bool_setting(
        False, "stored_value", ("储值消费需要密码", "Stored value needs a password"),
        ("会员用储值付款时需输入支付密码", "Members type a payment password to pay from stored value")),
    "stored_value.password_max_failures": int_setting(
        5, "stored_value", ("支付密码错误次数上限", "Payment password tries"),
        ("连续输错这么多次后锁定储值支付", "Wrong payment passwords before stored value is locked"),
        1, 20, TIMES),
    "stored_value.password_lock_minutes": int_setting(
        30, "stored_value", ("支付密码锁定时长", "Payment password lock"),
        ("输错次数过多后锁定多久", "How long stored value stays locked"), 1, 1440, MINUTES),
    "stored_value.records_years": int_setting(
        5, "stored_value", ("储值记录保存年限", "Keep stored value records"),
        ("法规要求至少 5 年", "The rules ask for at least 5 years"), 5, 30, YEARS),
    # -- staff and shifts --------------------------------------------------------------
    "staff.max_failed_logins": int_setting(
        5, "staff", ("登录错误次数上限", "Wrong passwords before a lock"),
        ("连续输错这么多次密码后锁定账号", "Wrong passwords in a row before the account locks"),
        3, 20, TIMES),
    "staff.lock_minutes": int_setting(
        15, "staff", ("账号锁定时长", "Account lock"),
        ("输错次数过多后锁定多久", "How long a locked account stays locked"), 1, 1440, MINUTES),
    "staff.approval_minutes": int_setting(
        5, "staff", ("授权有效时间", "An approval lasts"),
        ("店长授权后多久内有效", "How long a manager's approval can be used"), 1, 60, MINUTES),
    "shift.blind_close": bool_setting(
        False, "staff", ("盲交班", "Blind shift close"),
        ("交班时收银员先数现金，看不到系统应有金额",
         "Cashiers count the cash before they see what it should be")),
    # -- card reader -------------------------------------------------------------------
    "reader.wedge_min_length": int_setting(
        8, "reader", ("刷卡最少位数", "Shortest card number"),
        ("键盘式读卡器一次刷卡至少输入这么多字符", "A keyboard-wedge swipe has at least this "
         "many characters"), 1, 64, CHARS),
    "reader.wedge_max_interval_ms": int_setting(
        30, "reader", ("刷卡按键间隔", "Swipe key interval"),
        ("刷卡时两个字符之间最多相隔多少毫秒；比这更慢的是人在打字",
         "The longest gap between two characters of a swipe; slower is a person typing"),
        5, 500, MS),
    # -- backups -----------------------------------------------------------------------
    "backup.interval_hours": int_setting(
        24, "backup", ("自动备份间隔", "Back up every"),
        ("收银窗口开着时每隔多久自动备份一次", "How often the open window backs up by itself"),
        1, 168, HOURS),
    "backup.keep_daily": int_setting(7, "backup", ("保留每日备份", "Daily backups kept"),
                              ("最近这么多天每天保留最新的一份；这些天里手动备份和日结备份全部保留。"
                               "删除了哪些备份，备份完成时会列出",
                               "The newest backup of each of these last days; every backup made "
                               "by hand or by a day close in these days is kept too. A backup "
                               "lists the older ones it removed"), 1, 365),
    "backup.keep_weekly": int_setting(4, "backup", ("保留每周备份", "Weekly backups kept"),
                               ("此外，最近这么多周每周保留最新的一份",
                                "Besides, the newest backup of each of these last weeks"), 0, 104),
    "backup.keep_monthly": int_setting(12, "backup", ("保留每月备份", "Monthly backups kept"),
                                ("此外，最近这么多个月每月保留最新的一份",
                                 "Besides, the newest backup of each of these last months"),
                                0, 120),
    "backup.second_destination": text_setting(
        "", "backup", ("第二备份位置", "Second backup folder"),
        ("每次备份再复制一份到这个文件夹（例如 U 盘）；留空则不复制",
         "Each backup is also copied to this folder (a USB drive, say); empty: no copy"), 500),
    # -- printer and receipt -----------------------------------------------------------
    "printer.connection": text_setting(
        "", "printer", ("小票打印机", "Receipt printer"),
        (f"留空 = 不打印，只在屏幕显示小票。例如 {EXAMPLES}",
         f"Empty: no printer, the receipt is shown on screen. E.g. {EXAMPLES}"),
        200, kind="printer"),
    "printer.open_drawer": bool_setting(
        False, "printer", ("打印后弹出钱箱", "Open the cash drawer"),
        ("打印小票后弹开接在打印机上的钱箱", "Kick the drawer connected to the printer after "
         "printing")),
    "receipt.paper_mm": choice_setting(58, "printer", ("小票纸宽", "Paper width"), ("", ""),
                                (58, "58 毫米", "58 mm"), (80, "80 毫米", "80 mm")),
    "shop.receipt_footer": text_setting(
        "谢谢惠顾，欢迎再来！", "printer", ("小票结尾语", "Receipt footer"),
        ("印在每张小票最后", "Printed at the end of every receipt"), 100),
    "shop.receipt_footer_en": text_setting(
        "Thank you, please come again!", "printer", ("英文小票结尾语", "Receipt footer (English)"),
        ("印在英文小票最后", "Printed at the end of every receipt in English"), 100),
    **LOYALTY_SPECS,
}
