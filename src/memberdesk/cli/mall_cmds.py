"""``memberdesk mall gifts|gift|shelf|redeem|reverse|report``: the points mall (积分商城)
without the GUI; ``memberdesk signin MEMBER_NO``: a member's sign-in (签到). Changes log in as ``--user NAME`` (password from the terminal or
stdin); the services check the role and audit."""

from __future__ import annotations

import argparse
import uuid
from typing import Any

from .common import CliError, add_command, lang, opened_db, user_errors
from .report_cmds import add_login, add_outputs, login_from_args, parse_date, report_lang


def _t(zh: str, en: str) -> str:
    return zh if lang() == "zh_CN" else en


def _whole(text: str, low: int, high: int, zh: str, en: str) -> int:
    from memberdesk.money import ascii_digits

    digits = ascii_digits(text.strip()) or ""
    if not digits.isdigit() or not low <= int(digits) <= high:
        raise CliError(_t(f"{zh}“{text}”应为 {low} 到 {high:,} 之间的整数",
                          f"the {en} “{text}” must be a whole number from {low} to {high:,}"))
    return int(digits)


def _gift_said(g: Any) -> str:
    shelf = _t("上架", "on the shelf") if g.on_shelf else _t("下架", "off the shelf")
    stock = (_t(f"库存 {g.on_hand}{g.unit}", f"{g.on_hand} in stock") if g.tracked
             else _t("未管库存", "no stock"))
    return f"{g.code} {g.name}: {g.points_price:,} " + _t("积分", "points") + f", {shelf}, {stock}"


@user_errors
def cmd_gifts(args: argparse.Namespace) -> int:
    from memberdesk.services.loyalty.mall import list_gifts

    with opened_db(args) as db:
        gifts = list_gifts(db, on_shelf_only=args.on_shelf)
    for g in gifts:
        print(_gift_said(g))
    if not gifts:
        print(_t("积分商城还没有礼品：用 memberdesk mall gift CODE POINTS 添加",
                 "the points mall has no gifts yet: add one with memberdesk mall gift CODE POINTS"))
    return 0


@user_errors
def cmd_gift(args: argparse.Namespace) -> int:
    from memberdesk.services.loyalty.mall import MAX_POINTS_PRICE, save_gift

    price = _whole(args.points, 1, MAX_POINTS_PRICE, "兑换积分", "points price")
    with opened_db(args) as db:
        info = save_gift(db, login_from_args(db, args), args.code, price, not args.off)
    print(_t("已保存", "saved") + ": " + _gift_said(info))
    return 0


@user_errors
def cmd_shelf(args: argparse.Namespace) -> int:
    from memberdesk.services.loyalty.mall import set_gift_shelf

    with opened_db(args) as db:
        info = set_gift_shelf(db, login_from_args(db, args), args.code, args.state == "on")
    print(_gift_said(info))
    return 0


@user_errors
def cmd_redeem(args: argparse.Namespace) -> int:
    from memberdesk.services.loyalty.mall import MAX_QTY, RedeemRequest, redeem_gift
    from memberdesk.services.members.lookup import lookup

    qty = _whole(args.qty, 1, MAX_QTY, "兑换数量", "quantity")
    with opened_db(args) as db:
        actor = login_from_args(db, args)
        member = lookup(db, actor, args.member).member
        if member is None or member.member_no != args.member.strip():
            raise CliError(_t(f"找不到会员号 {args.member}", f"no member number {args.member}"))
        result = redeem_gift(db, actor, RedeemRequest(uuid.uuid4().hex, member.id, args.code,
                                                      qty))
    print(_t(f"已兑换 {result.redemption_no}: {result.gift} x {result.qty}，"
             f"用 {result.points:,} 积分，剩 {result.points_balance:,} 积分，库存 {result.on_hand}",
             f"redeemed {result.redemption_no}: {result.gift} x {result.qty} for "
             f"{result.points:,} points, {result.points_balance:,} points left, "
             f"{result.on_hand} in stock"))
    return 0


@user_errors
def cmd_reverse(args: argparse.Namespace) -> int:
    from memberdesk.services.loyalty.mall import reverse_redemption

    with opened_db(args) as db:
        result = reverse_redemption(db, login_from_args(db, args), args.number, args.reason)
    print(_t(f"已撤销 {result.redemption_no}: 退回 {result.points:,} 积分，"
             f"积分余额 {result.points_balance:,}，{result.gift} 库存 {result.on_hand}",
             f"reversed {result.redemption_no}: {result.points:,} points back, balance "
             f"{result.points_balance:,}, {result.gift} {result.on_hand} in stock"))
    return 0


@user_errors
def cmd_report(args: argparse.Namespace) -> int:
    from pathlib import Path

    from memberdesk.services.reporting.common import check_pdf_rows, check_range
    from memberdesk.services.reporting.export import export_document
    from memberdesk.services.reporting.mall_report import mall_document, mall_report
    from memberdesk.services.shop.setup import shop_info

    start = parse_date(args.start) if args.start else None
    end = parse_date(args.end) if args.end else None
    check_range(start, end)
    with opened_db(args) as db:
        rep = mall_report(db, login_from_args(db, args), start, end)
        shop, files_lang = shop_info(db).name, report_lang(db, args)
    print(_t("积分兑换报表 ", "points redemption report ") + rep.period.text(lang()))
    for zh, en, value in (("兑换笔数", "redemptions", rep.redeemed),
                          ("其中已撤销", "of them reversed", rep.reversed),
                          ("兑出礼品件数", "gifts handed over", rep.qty),
                          ("兑换用积分", "points spent on gifts", rep.points)):
        print(f"  {_t(zh, en)}: {value:,}")
    if args.pdf:
        check_pdf_rows(len(rep.lines) + len(rep.gifts))
    doc = mall_document(rep, shop, rep.generated_at, files_lang)
    for path in export_document(doc, xlsx=Path(args.xlsx) if args.xlsx else None,
                                pdf=Path(args.pdf) if args.pdf else None):
        print(_t("已导出", "written") + f": {path}")
    return 0


@user_errors
def cmd_signin(args: argparse.Namespace) -> int:
    from memberdesk.services.loyalty.signin import sign_in
    from memberdesk.services.members.lookup import lookup

    with opened_db(args) as db:
        actor = login_from_args(db, args)
        member = lookup(db, actor, args.member).member
        if member is None or member.member_no != args.member.strip():
            raise CliError(_t(f"找不到会员号 {args.member}", f"no member number {args.member}"))
        r = sign_in(db, actor, member.id)
    bonus = _t(f"，连续奖励 {r.bonus:,}", f", streak bonus {r.bonus:,}") if r.bonus else ""
    print(_t(f"{r.member_no} 已签到 {r.business_date}：+{r.points:,} 积分{bonus}，"
             f"连续第 {r.streak} 天，积分余额 {r.points_balance:,}",
             f"{r.member_no} signed in on {r.business_date}: +{r.points:,} points{bonus}, "
             f"day {r.streak} in a row, {r.points_balance:,} points now"))
    return 0


def _user(p: argparse.ArgumentParser, who: str) -> None:
    p.add_argument("--user", required=True, metavar="NAME",
                   help=f"act as this staff member, {who} (password on stdin)")


def register(sub: Any) -> None:
    p = add_command(sub, "signin", "a member signs in (签到) for today: points once a day",
                    cmd_signin)
    p.add_argument("member", metavar="MEMBER_NO", help="the member's number")
    _user(p, "any cashier")
    mall = sub.add_parser("mall", help="points mall (积分商城): gifts, redeem, reverse, report")
    msub = mall.add_subparsers(dest="mall_command", metavar="ACTION", required=True)
    p = add_command(msub, "gifts", "the gifts and their points prices", cmd_gifts)
    p.add_argument("--on-shelf", action="store_true", help="only the gifts on the shelf")
    p = add_command(msub, "gift", "offer a product as a gift, or change its points price",
                    cmd_gift)
    p.add_argument("code", metavar="CODE", help="the product's item code")
    p.add_argument("points", metavar="POINTS", help="its points price")
    p.add_argument("--off", action="store_true", help="save it off the shelf (下架)")
    _user(p, "a manager or the owner")
    p = add_command(msub, "shelf", "put a gift on the shelf or take it off", cmd_shelf)
    p.add_argument("code", metavar="CODE", help="the gift's item code")
    p.add_argument("state", choices=("on", "off"), help="on (上架) or off (下架)")
    _user(p, "a manager or the owner")
    p = add_command(msub, "redeem", "give a member a gift for points (兑换)", cmd_redeem)
    p.add_argument("member", metavar="MEMBER_NO", help="the member's number")
    p.add_argument("code", metavar="CODE", help="the gift's item code")
    p.add_argument("qty", metavar="QTY", nargs="?", default="1", help="how many (default 1)")
    _user(p, "any cashier")
    p = add_command(msub, "reverse", "undo a redemption (撤销兑换): points and stock back",
                    cmd_reverse)
    p.add_argument("number", metavar="NUMBER", help="the redemption's number (D…)")
    p.add_argument("--reason", required=True, help="why (required)")
    _user(p, "a manager or the owner")
    p = add_command(msub, "report", "the redemption report (积分兑换报表) as .xlsx / .pdf",
                    cmd_report)
    add_login(p)
    add_outputs(p)
    p.add_argument("--from", dest="start", metavar="YYYY-MM-DD",
                   help="redemptions from this business date (default: the beginning)")
    p.add_argument("--to", dest="end", metavar="YYYY-MM-DD",
                   help="redemptions up to this business date, included (default: today)")
