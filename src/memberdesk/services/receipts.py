"""Receipt text for 58 mm (32 columns) and 80 mm (48 columns) paper.

Chinese characters are double width on a receipt printer, so widths are measured
with :func:`unicodedata.east_asian_width` (W and F count two columns).
"""

from __future__ import annotations

import unicodedata

from memberdesk.money import Money

from .receipt_data import ReceiptData

COLUMNS = {58: 32, 80: 48}

_LABELS: dict[str, tuple[str, str]] = {
    "sale": ("销售小票", "SALES RECEIPT"),
    "recharge": ("充值凭证", "RECHARGE RECEIPT"),
    "refund": ("退款凭证", "REFUND RECEIPT"),
    "recharge_refund": ("充值退款凭证", "RECHARGE REFUND"),
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


def render_text(data: ReceiptData, paper_mm: int = 58, lang: str = "zh_CN") -> str:
    """The receipt as plain text, one line per printed line, ending with a newline."""
    width = COLUMNS.get(paper_mm, 32 if paper_mm < 80 else 48)
    en = lang.startswith("en")

    def t(key: str) -> str:
        zh, e = _LABELS[key]
        return e if en else zh

    def m(amount: Money) -> str:
        return amount.yuan()

    rule = "-" * width
    out = [center(data.shop_name, width), center(t(data.kind), width)]
    out.append(row(t("number"), data.number, width))
    out.append(row(t("time"), data.issued_at, width))
    out.append(row(t("cashier"), data.cashier, width))
    if data.member_no:
        out.append(row(t("member"), f"{data.member_no} {data.member_name} {data.member_phone}".strip(), width))
    if data.lines:
        out.append(rule)
        for ln in data.lines:
            out.extend(wrap(ln.description, width))
            qp = t("qty_price").format(qty=ln.qty, price=m(ln.unit_price))
            out.append(row("  " + qp, m(ln.gross), width))
            if ln.discount:
                out.append(row(t("line_discount"), "-" + m(ln.discount), width))
    out.append(rule)
    if data.lines and data.kind == "sale":
        out.append(row(t("gross"), m(data.gross), width))
        for d in data.discounts:
            out.append(row("  " + d.label, "-" + m(d.amount), width))
        if data.discount_total:
            out.append(row(t("discount_total"), "-" + m(data.discount_total), width))
    out.append(row(t(f"total_{data.kind}"), m(data.total), width))
    for tender in data.tenders:
        out.append(row(tender.label, m(tender.amount), width))
        if tender.note:
            out.append(row("", tender.note, width))
    if data.cash_received is not None:
        out.append(row(t("received"), m(data.cash_received), width))
    if data.change:
        out.append(row(t("change"), m(data.change), width))
    if data.bonus:
        out.append(row(t("bonus"), m(data.bonus), width))
    if data.bonus_points:
        out.append(row(t("bonus_points"), str(data.bonus_points), width))
    if data.points_used > 0:
        out.append(row(t("points_used"), str(data.points_used), width))
    elif data.points_used < 0:
        out.append(row(t("points_returned"), str(-data.points_used), width))
    if data.points_earned > 0:
        out.append(row(t("points_earned"), f"+{data.points_earned}", width))
    elif data.points_earned < 0:
        out.append(row(t("points_taken_back"), str(-data.points_earned), width))
    if data.sv_balance is not None or data.points_balance is not None:
        out.append(rule)
    if data.sv_balance is not None:
        out.append(row(t("sv_balance"), m(data.sv_balance), width))
    if data.points_balance is not None:
        out.append(row(t("points_balance"), str(data.points_balance), width))
    for note in data.notes:
        out.extend(wrap(note, width))
    if data.footer:
        out.append(rule)
        out.extend(center(x, width) for x in wrap(data.footer, width))
    return "\n".join(out) + "\n"
