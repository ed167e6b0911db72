"""User-facing errors raised by services, with their text in Chinese and English.

A :class:`UserError` is something the person at the counter can act on (wrong
password, not enough balance, bad phone number). Anything else is a bug and goes
to the crash dialog and the log. Messages live in one catalogue so the CLI and
the UI show the same words; ``{name}`` placeholders come from ``params``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, Protocol, runtime_checkable

from .messages_catalog import CATALOG_MESSAGES
from .messages_import import IMPORT_MESSAGES
from .messages_network import NETWORK_MESSAGES
from .messages_stock import STOCK_MESSAGES

MESSAGES: dict[str, tuple[str, str]] = {
    # code: (zh_CN, en)
    "already_initialised": ("门店已经初始化过了", "This shop has already been set up"),
    "not_initialised": (
        "门店尚未初始化，请先运行 memberdesk init",
        "The shop is not set up yet: run memberdesk init first",
    ),
    "login_failed": ("用户名或密码错误", "Wrong user name or password"),
    "approver_ambiguous": (
        "有 {count} 位员工叫“{name}”，请输入用户名",
        "{count} staff members are called “{name}”: type the user name",
    ),
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
    "invalid_setting": ("“{label}”（{key}）：{problem}", "{label} ({key}): {problem}"),
    "staff_not_found": ("找不到员工 {key}", "No staff member {key}"),
    "last_owner": ("不能停用最后一位老板账号", "The last owner account cannot be disabled"),
    "role_too_high": (
        "不能创建或修改比自己级别高的账号",
        "You cannot create or change an account above your own role",
    ),
    # -- members, cards, lookup, import/export (services/members.py and friends) --
    "field_required": ("请填写{field_zh}", "Please fill in the {field_en}"),
    "field_text_too_long": (
        "{field_zh}太长（最多 {max} 个字）",
        "The {field_en} is too long (at most {max} characters)",
    ),
    "field_bad_chars": (
        "{field_zh}包含不允许的字符",
        "The {field_en} contains characters that are not allowed",
    ),
    "invalid_email": ("邮箱 {text} 格式不正确", "The email address {text} is not valid"),
    "birthday_out_of_range": (
        "生日 {text} 不合理（应在 1900-01-01 到今天之间）",
        "The birthday {text} is not plausible (it must be between 1900-01-01 and today)",
    ),
    "field_bad_date": (
        "{field_zh}“{text}”不是有效日期",
        "The {field_en} \"{text}\" is not a valid date",
    ),
    "field_bad_choice": (
        "{field_zh}“{text}”无效，可填：{choices}",
        "The {field_en} \"{text}\" is not valid; use one of: {choices}",
    ),
    "field_bad_count": (
        "{field_zh}“{text}”应为不小于 0 的整数",
        "The {field_en} \"{text}\" must be a whole number of at least 0",
    ),
    "field_bad_money": (
        "{field_zh}“{text}”不是有效金额：{problem_zh}",
        "The {field_en} \"{text}\" is not a valid amount: {problem_en}",
    ),
    "unknown_tier": ("没有名为“{text}”的会员等级", "There is no tier called \"{text}\""),
    "member_no_taken": (
        "会员编号 {member_no} 已被使用",
        "The member number {member_no} is already in use",
    ),
    "member_anonymised": (
        "会员 {member_no} 的个人信息已注销",
        "Member {member_no} has been anonymised",
    ),
    "anonymise_has_balance": (
        "会员 {member_no} 还有储值余额 {amount}，请先退还余额再注销",
        "Member {member_no} still has {amount} of stored value: refund it before anonymising",
    ),
    "card_unknown": ("未知卡 {uid}：没有绑定会员", "Unknown card {uid}: not bound to any member"),
    "card_lost": (
        "卡 {uid} 已挂失，不能使用（会员 {member_no}）",
        "Card {uid}: card reported lost (member {member_no})",
    ),
    "card_replaced": (
        "卡 {uid} 已挂失并补了新卡，旧卡不能使用（会员 {member_no}）",
        "Card {uid} was reported lost and replaced by a new card (member {member_no})",
    ),
    "card_void": ("卡 {uid} 已作废，未绑定会员", "Card {uid} is void: not bound to any member"),
    "card_bad_status": (
        "卡 {uid} 当前为“{status_zh}”，不能{action_zh}",
        "Card {uid} is {status_en}: cannot {action_en}",
    ),
    "lookup_not_found": ("找不到“{text}”", "Nothing found for \"{text}\""),
    # -- checkout engine: catalogue, cart, coupons, tenders, shifts, refunds ------
    "code_taken": ("编号 {value} 已被使用", "The code {value} is already in use"),
    "barcode_taken": ("条码 {barcode} 已被商品 {product} 使用", "Barcode {barcode} already belongs to {product}"),
    "category_not_found": ("找不到商品分类 {key}", "No category {key}"),
    "tier_not_found": ("找不到会员等级 {key}", "No membership tier {key}"),
    "product_not_found": ("找不到商品 {key}", "No product {key}"),
    "product_inactive": ("商品 {product} 已停售", "Product {product} is no longer sold"),
    "empty_cart": ("还没有添加任何商品或金额", "Nothing has been rung up yet"),
    "too_many_lines": ("一单最多 {max} 行", "At most {max} lines per sale"),
    "invalid_qty": ("数量 {qty} 无效（1–{max} 的整数）", "Quantity {qty} is not valid (a whole number 1–{max})"),
    "line_product_or_amount": (
        "每一行要么是商品，要么是金额",
        "Each line is either a product or an amount",
    ),
    "amount_too_large": ("金额 {amount} 超出上限 {max}", "The amount {amount} is over the limit of {max}"),
    "invalid_client_id": ("单据标识无效", "The transaction id is not valid"),
    "client_id_reused": (
        "单据标识 {client_id} 已用于另一笔内容不同的交易",
        "The transaction id {client_id} was already used for a different transaction",
    ),
    "coupon_not_found": ("找不到优惠券 {coupon}", "No coupon {coupon}"),
    "coupon_used": ("优惠券 {coupon} 已经使用过了", "Coupon {coupon} has already been used"),
    "coupon_void": ("优惠券 {coupon} 已作废", "Coupon {coupon} is void"),
    "coupon_expired": ("优惠券 {coupon} 不在有效期内", "Coupon {coupon} is not valid at this date"),
    "coupon_wrong_time": ("优惠券 {coupon} 不在可用时段", "Coupon {coupon} cannot be used at this time of day"),
    "coupon_foreign": ("优惠券 {coupon} 不属于当前会员", "Coupon {coupon} belongs to another member"),
    "coupon_min_spend": (
        "优惠券 {coupon} 需要满 {min_spend} 才能使用",
        "Coupon {coupon} needs a spend of at least {min_spend}",
    ),
    "coupon_not_applicable": (
        "优惠券 {coupon} 不适用于本单商品",
        "Coupon {coupon} does not apply to anything in this sale",
    ),
    "coupon_not_stackable": (
        "优惠券 {coupon} 不能与其他优惠券同时使用",
        "Coupon {coupon} cannot be combined with other coupons",
    ),
    "coupon_duplicate": ("优惠券 {coupon} 重复使用", "Coupon {coupon} was given twice"),
    "coupon_limit_reached": ("优惠券 {coupon} 已达到使用次数上限", "Coupon {coupon} has reached its usage limit"),
    "coupon_template_not_found": ("找不到优惠券模板 {key}", "No coupon template {key}"),
    "coupon_template_invalid": ("优惠券设置有误：{problem}", "The coupon settings are wrong: {problem}"),
    "member_required": ("{what}需要先识别会员", "{what} needs a member"),
    "tenders_mismatch": (
        "付款合计 {tendered}，应付 {payable}，金额不符",
        "Payments add up to {tendered} but {payable} is due",
    ),
    "overpaid_non_cash": (
        "只有现金可以多付找零，非现金付款超出 {excess}",
        "Only cash can be overpaid for change; non-cash payments exceed the total by {excess}",
    ),
    "change_too_large": ("找零 {change} 过大，请检查收款金额", "Change of {change} is too large: check the cash received"),
    "duplicate_tender": ("同一付款方式只能出现一次：{kind}", "Each payment method may appear only once: {kind}"),
    "tender_not_allowed": ("{kind}不能用于{what}", "{kind} cannot be used for {what}"),
    "reference_required": ("{kind}需要填写交易参考号", "{kind} needs a transaction reference"),
    "points_below_minimum": ("积分抵现至少 {min} 积分", "At least {min} points must be redeemed"),
    "points_over_cap": (
        "本单最多可用积分抵扣 {max}",
        "Points can pay at most {max} of this sale",
    ),
    "points_disabled": ("本店未开启积分抵现", "This shop does not take points as payment"),
    "payment_password_required": ("请输入会员消费密码", "The member's payment password is required"),
    "payment_password_wrong": (
        "消费密码错误，还可以再试 {left} 次",
        "Wrong payment password: {left} tries left",
    ),
    "payment_password_locked": (
        "消费密码错误次数过多，已锁定，请 {minutes} 分钟后再试",
        "Too many wrong payment passwords: locked for {minutes} minutes",
    ),
    "payment_password_not_set": (
        "本店要求储值消费密码，请先为会员设置消费密码",
        "This shop requires a payment password: set one for the member first",
    ),
    "payment_password_invalid": (
        "消费密码须为 {min}–{max} 位数字",
        "A payment password has {min}–{max} digits",
    ),
    "no_open_shift": ("请先开班再收银", "Open a shift before taking payments"),
    "shift_already_open": ("你已有未交班的班次 {shift_no}", "You already have an open shift {shift_no}"),
    "shift_not_found": ("找不到班次 {key}", "No shift {key}"),
    "shift_not_open": ("班次 {shift_no} 已交班", "Shift {shift_no} is already closed"),
    "shift_not_closed": ("班次 {shift_no} 还没有交班", "Shift {shift_no} has not been closed yet"),
    "count_required": ("请填写清点的{kind}金额", "Please enter the counted amount of {kind}"),
    "recharge_over_cap": (
        "充值后储值余额 {after} 将超过上限 {cap}",
        "After this recharge the balance of {after} would be over the limit of {cap}",
    ),
    "recharge_rule_not_found": ("找不到充值规则 {key}", "No recharge rule {key}"),
    "recharge_not_found": ("找不到充值单 {key}", "No recharge {key}"),
    "recharge_already_refunded": ("充值单 {recharge_no} 已经退过款了", "Recharge {recharge_no} was already refunded"),
    "recharge_nothing_to_refund": (
        "充值单 {recharge_no} 的本金已经用完，无可退金额",
        "The principal of recharge {recharge_no} has been spent: nothing to refund",
    ),
    "sale_not_found": ("找不到销售单 {key}", "No sale {key}"),
    "sale_line_not_found": ("销售单中没有第 {line_no} 行", "The sale has no line {line_no}"),
    "refund_exceeds_sold": (
        "第 {line_no} 行最多还能退 {left} 件",
        "Line {line_no}: at most {left} can still be refunded",
    ),
    "already_refunded": ("销售单 {sale_no} 已经全部退款", "Sale {sale_no} has already been refunded in full"),
    "points_already_spent": (
        "会员已用掉本单获得的 {points} 积分，退款需扣回 {value}",
        "The member has already used {points} points earned by this sale; {value} must be deducted from the refund",
    ),
}

MESSAGES.update(IMPORT_MESSAGES)
MESSAGES.update(CATALOG_MESSAGES)
MESSAGES.update(STOCK_MESSAGES)
MESSAGES.update(NETWORK_MESSAGES)

MONEY_PROBLEMS: dict[str, tuple[str, str]] = {
    "not_a_number": ("不是数字", "not a number"),
    "too_many_decimals": ("最多两位小数", "at most two decimals"),
    "negative": ("不能为负数", "must not be negative"),
    "too_large": ("金额过大", "too large"),
    "zero": ("必须大于零", "must be more than zero"),
    "foreign_digits": (
        "只能用数字 0-9（全角数字也可以）",
        "use the digits 0-9 (full-width digits are fine too)",
    ),
}


@runtime_checkable
class Localizable(Protocol):
    """A message parameter that can say itself in either language."""

    def message(self, lang: str = "zh_CN") -> str: ...


@dataclass(frozen=True)
class Localized:
    """A word or phrase in both languages, e.g. a permission's or a field's name, given
    as a parameter of a :class:`UserError` so each language gets its own word."""

    zh: str
    en: str

    def message(self, lang: str = "zh_CN") -> str:
        return self.en if lang.startswith("en") else self.zh

    def __str__(self) -> str:
        return self.zh


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
        # A parameter may be another user error (the cause) or a Localized name: each is
        # told in the message's own language.
        params = {
            k: v.message(lang) if isinstance(v, Localizable) else v for k, v in self.params.items()
        }
        try:
            return template.format(**params)
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

MESSAGES.update(
    {
        "disk_full": (
            "磁盘空间不足，无法写入 {path}；原有数据未受影响",
            "The disk is full: {path} could not be written; existing data is unchanged",
        ),
        "path_not_writable": (
            "无法写入 {path}：{problem}",
            "Cannot write to {path}: {problem}",
        ),
        "backup_failed_verification": (
            "备份校验失败（{problem}），已丢弃这份备份",
            "The backup failed verification ({problem}) and was discarded",
        ),
        "restore_not_a_file": ("找不到要恢复的文件 {path}", "No such file to restore: {path}"),
        "restore_not_sqlite": (
            "{path} 不是 MemberDesk 备份文件（不是数据库）",
            "{path} is not a MemberDesk backup (not a database)",
        ),
        "restore_foreign": (
            "{path} 不是 MemberDesk 门店数据库",
            "{path} is not a MemberDesk shop database",
        ),
        "restore_newer": (
            "{path} 来自更新版本的 MemberDesk（结构 {revision}），请先升级软件",
            "{path} comes from a newer MemberDesk (schema {revision}); upgrade MemberDesk first",
        ),
        "restore_damaged": (
            "{path} 已损坏，不能恢复：{problem}",
            "{path} is damaged and cannot be restored: {problem}",
        ),
        "restore_inconsistent": (
            "{path} 的账目核对不通过，不能恢复：{problem}",
            "{path} does not reconcile and cannot be restored: {problem}",
        ),
    }
)

MESSAGES.update(
    {
        "restore_is_live": (
            "不能用正在使用的数据库本身来恢复",
            "The live database cannot be restored onto itself",
        ),
        "database_in_use": (
            "数据库正被另一个程序使用，请先关闭其他 MemberDesk 窗口再恢复",
            "The database is in use by another program: close other MemberDesk windows first",
        ),
    }
)

MESSAGES.update(
    {
        "date_in_future": ("{date} 还没到，不能出报表或日结", "{date} is in the future"),
        "day_folded": (
            "{date} 没有单独日结，它的营业数据已并入 {close_date} 的日结（第 {close_no} 号）",
            "{date} was not closed on its own: its business is in the day close of "
            "{close_date} (No. {close_no})",
        ),
        "shifts_still_open": (
            "还有未交班的班次：{shifts}，请先交班再日结",
            "Shifts still open: {shifts}. Close them before closing the day",
        ),
        "invalid_date": ("日期 {text} 无效，请用 YYYY-MM-DD 格式", "{text} is not a valid date (YYYY-MM-DD)"),
        "reversed_range": (
            "开始日期 {start} 晚于结束日期 {end}",
            "The start date {start} is after the end date {end}",
        ),
    }
)

MESSAGES.update(
    {
        "no_cjk_font": (
            "找不到可嵌入PDF的中文字体，请安装文泉驿正黑（fonts-wqy-zenhei）",
            "No embeddable Chinese font found: install WenQuanYi Zen Hei (fonts-wqy-zenhei)",
        ),
        "export_cancelled": ("导出已取消", "Export cancelled"),
        "scheduled_backup_failed": (
            "自动备份失败：{problem}。请检查磁盘或在后台立即备份",
            "The scheduled backup failed: {problem}. Check the disk or back up from the back office",
        ),
    }
)

MESSAGES.update({"tier_not_found": ("找不到会员等级 {key}", "No membership tier {key}")})

MESSAGES.update(
    {
        "pdf_too_long": (
            "{rows} 行太多，不宜导出为 PDF（最多 {max} 行）：请缩小日期范围，或导出 Excel",
            "{rows} rows are too many for a PDF (at most {max}): narrow the dates or export "
            "to Excel",
        ),
    }
)

MESSAGES.update(
    {
        "permission_owner_only": ("仅老板可以{action}", "Only the owner may {action}"),
        "no_shop_here": (
            "在 {path} 没有找到门店数据（memberdesk.sqlite3）；请检查 --data-dir，或先运行 "
            "memberdesk init",
            "No shop data (memberdesk.sqlite3) in {path}: check --data-dir, or run "
            "memberdesk init first",
        ),
        "backup_destination_missing": (
            "备份位置 {path} 不存在（U盘没插好？）",
            "The backup destination {path} does not exist (is the USB drive plugged in?)",
        ),
    }
)

MESSAGES.update(
    {
        # The same words as the counter's own (ui/counter_errors.py).
        "storage_full": (
            "磁盘已满，本次操作没有保存任何内容。请清理磁盘空间后重试",
            "The disk is full: nothing was saved. Free some space and try again",
        ),
        "storage_busy": (
            "数据库正被另一个程序占用，本次操作没有保存任何内容。请关闭该程序（或稍等片刻）后重试",
            "The shop database is busy: another program is holding it. Nothing was saved. "
            "Close the other program (or wait a moment) and try again",
        ),
    }
)


class StorageError(UserError):
    """The disk is full (``storage_full``), the database is held by another program
    (``storage_busy``): nothing was written; or the connection to the database server
    was lost (``server_lost``): the transaction either committed or not at all. Raised by the unit of work (see
    :mod:`memberdesk.db.errors`), never called damage."""

    kind = "storage"


from .messages_backup import BACKUP_MESSAGES  # noqa: E402  (texts kept in their own file)

MESSAGES.update(BACKUP_MESSAGES)

from .messages_jobs import JOBS_MESSAGES  # noqa: E402

MESSAGES.update(JOBS_MESSAGES)

from .messages_rules import RULES_MESSAGES  # noqa: E402

MESSAGES.update(RULES_MESSAGES)

from .messages_members import MEMBER_ADMIN_MESSAGES  # noqa: E402

MESSAGES.update(MEMBER_ADMIN_MESSAGES)

from .messages_analytics import ANALYTICS_MESSAGES  # noqa: E402

MESSAGES.update(ANALYTICS_MESSAGES)

from .messages_audit import AUDIT_MESSAGES  # noqa: E402

MESSAGES.update(AUDIT_MESSAGES)

from .messages_notify import NOTIFY_MESSAGES  # noqa: E402

MESSAGES.update(NOTIFY_MESSAGES)
from .messages_mall import MALL_MESSAGES, SIGNIN_MESSAGES  # noqa: E402

MESSAGES.update(MALL_MESSAGES)
MESSAGES.update(SIGNIN_MESSAGES)
from .messages_counter import COUNTER_MESSAGES  # noqa: E402

MESSAGES.update(COUNTER_MESSAGES)
from .messages_count_cards import COUNT_CARD_MESSAGES  # noqa: E402

MESSAGES.update(COUNT_CARD_MESSAGES)
from .messages_campaigns import CAMPAIGN_MESSAGES  # noqa: E402

MESSAGES.update(CAMPAIGN_MESSAGES)
from .messages_promotions import PROMOTION_MESSAGES  # noqa: E402

MESSAGES.update(PROMOTION_MESSAGES)
from .messages_server import SERVER_MESSAGES  # noqa: E402

MESSAGES.update(SERVER_MESSAGES)
from .messages_unsubscribe import UNSUBSCRIBE_MESSAGES  # noqa: E402

MESSAGES.update(UNSUBSCRIBE_MESSAGES)
from .messages_migrate import MIGRATE_MESSAGES  # noqa: E402
from .messages_stores import STORE_MESSAGES  # noqa: E402

MESSAGES.update(STORE_MESSAGES, **MIGRATE_MESSAGES)
