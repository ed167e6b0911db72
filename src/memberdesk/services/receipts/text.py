"""Receipt text for 58 mm (32 columns) and 80 mm (48 columns) paper.

Chinese characters are double width on a receipt printer, so widths are measured
with :func:`unicodedata.east_asian_width` (W and F count two columns).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from memberdesk.domain.coupon_value import english_of
from memberdesk.domain.line_names import (
    LEGACY_PLAIN_AMOUNT,
    PLAIN_AMOUNT,
    PLAIN_AMOUNT_EN,
    SAMPLE_ITEM,
    SAMPLE_ITEM_EN,
)
from memberdesk.money import Money
from memberdesk.services.pricing.tenders import TENDER_LABELS
from memberdesk.services.receipts.data import ReceiptData

COLUMNS = {58: 32, 80: 48}

_LABELS: dict[str, tuple[str, str]] = {
    "sale": ("销售小票", "SALES RECEIPT"),
    "recharge": ("充值凭证", "RECHARGE RECEIPT"),
    "refund": ("退款凭证", "REFUND RECEIPT"),
    "recharge_refund": ("充值退款凭证", "RECHARGE REFUND"),
    "redeem": ("【兑】积分兑换凭证", "[GIFT] POINTS REDEMPTION"),
    "redeem_reversal": ("【兑】兑换撤销凭证", "[GIFT] REDEMPTION REVERSED"),
    "count_card_use": ("【计次】计次卡核销凭证", "[COUNT CARD] USE SLIP"),
    "count_card_use_reversed": ("【计次】核销撤销凭证", "[COUNT CARD] USE REVERSED"),
    "phone": ("电话", "Tel."),
    "number": ("单号", "No."),
    "time": ("时间", "Time"),
    "cashier": ("收银", "Cashier"),
    "member": ("会员", "Member"),
    "gross": ("原价合计", "Subtotal"),
    "discount_total": ("优惠合计", "Discounts"),
    "total_sale": ("应付", "Total"),
    "total_recharge": ("充值金额", "Recharged"),
    "total_refund": ("退款金额", "Refunded"),
    "total_recharge_refund": ("退还本金", "Principal returned"),
    "received": ("实收现金", "Cash received"),
    "change": ("找零", "Change"),
    "bonus": ("赠送金额", "Bonus"),
    "bonus_points": ("赠送积分", "Bonus points"),
    "points_earned": ("本次积分", "Points earned"),
    "points_used": ("使用积分", "Points used"),
    "points_returned": ("退回积分", "Points returned"),
    "points_taken_back": ("扣回积分", "Points taken back"),
    "sv_balance": ("储值余额", "Stored value"),
    "points_balance": ("积分余额", "Points balance"),
    "qty_price": ("{qty} x {price}", "{qty} x {price}"),
    "line_discount": ("  优惠", "  discount"),
}


# The fixed Chinese wording the services store in a receipt (tender and discount
# labels, notes), and its English. A stored receipt keeps the shop's language, so an
# English receipt translates these when it is printed; names the shop typed (products,
# coupons, tiers, recharge offers, the footer) stay as they are.
# The note of a sale made while the server was gone (services/offline/sell.py).
OFFLINE_NOTE = "离线销售：服务器恢复后补登"
# ... and its prices: list prices, nobody is a member offline.
OFFLINE_PRICE_NOTE = "按标价收款：离线不享会员价和活动价"
# The footer's default (setting_specs "shop.receipt_footer").
DEFAULT_FOOTER = "谢谢惠顾，欢迎再来！"
_FIXED_EN: dict[str, str] = {
    **{zh: en for zh, en in TENDER_LABELS.values()},
    OFFLINE_NOTE: "Offline sale: booked when the server is back",
    OFFLINE_PRICE_NOTE: "List prices: no member or promotion prices offline",
    "会员价": "Member price",
    DEFAULT_FOOTER: "Thank you, please come again!",  # receipts stored before footer_en
    "抹零": "Rounding",
    "手工折扣": "Manual discount",
}
_PATTERNS_EN: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(zh), en) for zh, en in (
        (r"^本金 (\S+) \+ 赠送 (\S+)$", r"principal \1 + bonus \2"),
        (r"^使用 (\d+) 积分$", r"\1 points used"),
        (r"^退回 (\d+) 积分$", r"\1 points returned"),
        (r"^原单 (.+)$", r"Sale no. \1"),  # fits 58 mm with a store code
        (r"^原充值单 (.+)$", r"Recharge no. \1"),
        (r"^原因：(.*)$", r"Reason: \1"),
        (r"^审批：(.+)$", r"Approved by: \1"),
        (r"^已用积分扣回 (.+)$", r"Points already spent, charged back \1"),
        (r"^已用赠送积分扣回 (.+)$", r"Bonus points already spent, charged back \1"),
        (r"^赠送金额作废 (.+)$", r"Bonus forfeited \1"),
        (r"^赠券作废 (\d+) 张$", r"Gift coupons voided: \1"),
        (r"^赠券 (.+)$", r"Gift coupon \1"),
        (r"^充值活动：(.*)$", r"Offer: \1"),
        (r"^兑 (.+) x (\d+) = (\d+) 积分$", r"Gift \1 x \2 = \3 pts"),
        (r"^原兑换单 (.+)$", r"Original redemption \1"),
        (r"^生日积分 ×(\S+)$", r"Birthday points x\1"),
        (r"^推荐奖励 (\d+) 积分$", r"Referral reward: \1 points"),
        (r"^推荐奖励券 (.+)$", r"Referral coupon \1"),
        (r"^推荐奖励扣回 (\d+) 积分$", r"Referral reward taken back: \1 points"),
        (r"^计次卡 (.+) No\.(\d+)：共 (\d+) 次，有效期至 (\S+)$",
         r"Count card \1 No.\2: \3 uses, valid to \4"),
        (r"^计次卡 (.+) No\.(\d+)：共 (\d+) 次，长期有效$", r"Count card \1 No.\2: \3 uses, no expiry"),
        (r"^计次卡 No\. (\d+)$", r"Count card No. \1"),
        (r"^计次卡 No\.(\d+) (.+)$", r"Count card No.\1 \2"),
        (r"^核销 (.+) x (\d+)$", r"Used: \1 x \2"),
        (r"^撤销核销 (.+) x (\d+)$", r"Use given back: \1 x \2"),
        (r"^剩余 (.+) (\d+) 次$", r"\1: \2 left"),
        (r"^有效期至 (\S+)$", r"Valid to \1"),
        (r"^长期有效$", r"No expiry"),
        (r"^赠品退回：(.+) ×(\d+)（(.+)）$", r"Gift returned: \1 x\2 (\3)"),
    )
)
_GIFT_LINE = re.compile(r"^兑 (.+) x (\d+) = (\d+) 积分$")  # services.loyalty.mall.gift_line
_TIER_DISCOUNT = re.compile(r"^(.+)折扣$")  # pricing names it after the tier: "金卡会员折扣"


_GIFT_COUPON = re.compile(r"^  (.+)（(.+)）$")  # under 赠券 {code}: services.recharge.coupon_label


def english(text: str) -> str:
    """A fixed label or note of a receipt in English; anything else unchanged."""
    if text in _FIXED_EN:
        return _FIXED_EN[text]
    coupon = _GIFT_COUPON.match(text)
    if coupon is not None:  # the name as the shop typed it; what it gives in English
        name, words = coupon.groups()
        return f"  {name} ({english_of(words)})"
    for pattern, en in _PATTERNS_EN:
        if pattern.match(text):
            return pattern.sub(en, text)
    return text


def english_discount(text: str) -> str:
    """A discount's label in English (a coupon keeps the name the shop gave it)."""
    if text in _FIXED_EN:
        return _FIXED_EN[text]
    return _TIER_DISCOUNT.sub(r"\1 discount", text)


def english_line(description: str) -> str:
    """A sale line's name in English: products keep theirs; a plain amount and the
    preview's sample item are named."""
    if description in (PLAIN_AMOUNT, LEGACY_PLAIN_AMOUNT):
        return PLAIN_AMOUNT_EN
    return SAMPLE_ITEM_EN if description == SAMPLE_ITEM else description


def char_width(ch: str) -> int:
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def text_width(text: str) -> int:
    return sum(char_width(c) for c in text)


def truncate(text: str, width: int) -> str:
    out, used = [], 0
    for ch in text:
        w = char_width(ch)
        if used + w > width:
            break
        out.append(ch)
        used += w
    return "".join(out)


def row(left: str, right: str, width: int) -> str:
    """``left`` and ``right`` on one line, ``left`` cut to leave room for ``right``."""
    right = truncate(right, width)
    left = truncate(left, max(width - text_width(right) - 1, 0))
    gap = width - text_width(left) - text_width(right)
    return left + " " * max(gap, 0) + right


def label_row(label: str, value: str, width: int) -> list[str]:
    """A label and its value on one line, or the value on the next line (to the right)
    where both do not fit: the label is never cut (58 mm in English printed "Membe")."""
    if text_width(label) + 1 + text_width(value) <= width:
        return [row(label, value, width)]
    return [label, row("", value, width)]


def center(text: str, width: int) -> str:
    text = truncate(text, width)
    pad = (width - text_width(text)) // 2
    return " " * pad + text


def wrap(text: str, width: int) -> list[str]:
    lines, cur, used = [], "", 0
    for ch in text:
        w = char_width(ch)
        if used + w > width:
            lines.append(cur)
            cur, used = "", 0
        cur += ch
        used += w
    if cur or not lines:
        lines.append(cur)
    return lines


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def pts(points: int) -> str:
    """Points as the window shows them: ``1,104`` (a thousands separator, both languages)."""
    return f"{points:,}"


def expiry_line(points: int, on: date, lang: str = "zh_CN") -> str:
    """The receipt's reminder: "积分 300 将于 12月31日 到期" / "300 points expire on Dec 31"."""
    if lang.startswith("en"):
        return f"{pts(points)} points expire on {_MONTHS[on.month - 1]} {on.day}"
    return f"积分 {pts(points)} 将于 {on.month}月{on.day}日 到期"


def header_lines(data: ReceiptData, width: int, lang: str = "zh_CN") -> list[str]:
    """The receipt's head, every kind alike: the shop's name, then its address and
    phone when it has them, each centred and cut to the paper's ``width``."""
    zh, en = _LABELS["phone"]
    lines = [data.shop_name, data.shop_address,
             f"{en if lang.startswith('en') else zh} {data.shop_phone}" if data.shop_phone else ""]
    return [center(text, width) for i, text in enumerate(lines) if text.strip() or i == 0]


def render_text(data: ReceiptData, paper_mm: int = 58, lang: str = "zh_CN") -> str:
    """The receipt as plain text, one line per printed line, ending with a newline."""
    width = COLUMNS.get(paper_mm, 32 if paper_mm < 80 else 48)
    en = lang.startswith("en")

    def t(key: str) -> str:
        zh, e = _LABELS[key]
        return e if en else zh

    def x(text: str) -> str:  # a label or note stored with the receipt
        return english(text) if en else text

    def m(amount: Money) -> str:
        return amount.yuan()

    rule = "-" * width
    out = [*header_lines(data, width, lang), center(t(data.kind), width)]
    out.append(row(t("number"), data.number, width))
    out.append(row(t("time"), data.issued_at, width))
    out.append(row(t("cashier"), data.cashier, width))
    if data.member_no:
        out.extend(label_row(t("member"), f"{data.member_no} {data.member_name} {data.member_phone}".strip(),
                             width))
    if data.lines:
        out.append(rule)
        for ln in data.lines:
            name = english_line(ln.description) if en else ln.description
            if ln.gift:  # 满赠: given at zero price, never mistaken for a line bought
                name = ("[Gift] " if en else "【赠品】") + name
            out.extend(wrap(name, width))
            qp = t("qty_price").format(qty=ln.qty, price=m(ln.unit_price))
            out.append(row("  " + qp, m(ln.gross), width))
            if ln.discount:
                out.append(row(t("line_discount"), "-" + m(ln.discount), width))
    out.append(rule)
    if data.lines and data.kind == "sale":
        out.append(row(t("gross"), m(data.gross), width))
        for d in data.discounts:
            out.append(row("  " + (english_discount(d.label) if en else d.label),
                           "-" + m(d.amount), width))
        if data.discount_total:
            out.append(row(t("discount_total"), "-" + m(data.discount_total), width))
    redemption = data.kind.startswith("redeem")
    if redemption:  # paid in points, not money: the gift (兑 …) and the points, no total
        for note in data.notes:
            gift = _GIFT_LINE.match(note)
            if gift is None:
                out.extend(wrap(x(note), width))
                continue
            name, qty, points = gift.groups()  # like a sale line: the name, then the figures
            out.extend(wrap(("Gift " if en else "兑 ") + name, width))
            out.append(row(f"  x {qty}", f"{pts(int(points))} {'pts' if en else '积分'}", width))
    elif not data.kind.startswith("count_card"):  # a count-card slip has no money
        out.append(row(t(f"total_{data.kind}"), m(data.total), width))
    for tender in data.tenders:
        out.append(row(x(tender.label), m(tender.amount), width))
        if tender.note:
            out.append(row("", x(tender.note), width))
    if data.cash_received is not None:
        out.append(row(t("received"), m(data.cash_received), width))
    if data.change:
        out.append(row(t("change"), m(data.change), width))
    if data.bonus:
        out.append(row(t("bonus"), m(data.bonus), width))
    if data.bonus_points:
        out.append(row(t("bonus_points"), pts(data.bonus_points), width))
    if data.points_used > 0:
        out.append(row(t("points_used"), pts(data.points_used), width))
    elif data.points_used < 0:
        out.append(row(t("points_returned"), pts(-data.points_used), width))
    if data.points_earned > 0:
        out.append(row(t("points_earned"), "+" + pts(data.points_earned), width))
    elif data.points_earned < 0:
        out.append(row(t("points_taken_back"), pts(-data.points_earned), width))
    if data.sv_balance is not None or data.points_balance is not None:
        out.append(rule)
    if data.sv_balance is not None:
        out.append(row(t("sv_balance"), m(data.sv_balance), width))
    if data.points_balance is not None:
        out.append(row(t("points_balance"), pts(data.points_balance), width))
    if data.points_expiring and data.points_expiring_on:
        out.extend(wrap(expiry_line(data.points_expiring,
                                    date.fromisoformat(data.points_expiring_on), lang), width))
    for note in () if redemption else data.notes:
        out.extend(wrap(x(note), width))
    footer = (data.footer_en or english(data.footer)) if en else data.footer
    if footer:
        out.append(rule)
        out.extend(center(x, width) for x in wrap(footer, width))
    return "\n".join(out) + "\n"
