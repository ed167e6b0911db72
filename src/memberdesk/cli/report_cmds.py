"""``memberdesk report day --date YYYY-MM-DD [--close] [--for-store CODE] [--xlsx FILE]
[--pdf FILE]`` and
the other reports: ``shift``, ``statement``, ``liability``, ``points``, ``coupons``,
``sales`` (see :mod:`memberdesk.cli.report_more_cmds`)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from .common import add_command, lang, opened_db, read_password, user_errors


def parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        from memberdesk.services.shared.errors import ValidationError

        raise ValidationError("invalid_date", text=text) from exc


def login_from_args(db: Any, args: argparse.Namespace) -> Any:
    from memberdesk.services.staff import accounts as staff

    password = read_password(f"{args.user} 的密码 / password: ")
    return staff.login(db, args.user, password)


def add_login(p: argparse.ArgumentParser) -> None:
    p.add_argument("--user", default="owner", help="staff user name (password on stdin)")


def add_outputs(p: argparse.ArgumentParser) -> None:
    p.add_argument("--xlsx", metavar="FILE", help="write the report as an Excel workbook")
    p.add_argument("--pdf", metavar="FILE", help="write the report as a PDF")
    p.add_argument("--lang", choices=("zh_CN", "en"),
                   help="language of the report files (default: the shop's language setting)")


def report_lang(db: Any, args: argparse.Namespace) -> str:
    """The files' language: ``--lang``, else the shop's ``shop.language`` setting."""
    if getattr(args, "lang", None):
        return str(args.lang)
    from memberdesk.services.shared.settings import read_settings

    return str(read_settings(db)["shop.language"])


def add_for_store(p: argparse.ArgumentParser, *, every: bool) -> None:
    p.add_argument("--for-store", metavar="CODE", default=None,
                   help="network edition: the store reported (default: this till's)"
                   + ("; ALL: every store (head office)" if every else ""))


def print_day(rep: Any) -> None:
    from memberdesk.services.reporting.labels import label

    zh = lang() == "zh_CN"
    head = (f"日结 第 {rep.close_no} 号" if rep.close_no else "日结预览（未日结）") if zh else (
        f"day close No. {rep.close_no}" if rep.close_no else "day report (preview, not closed)")
    print(f"{head}  {rep.business_date.isoformat()}")
    rows = [
        ("销售笔数" if zh else "sales", str(rep.sales_count)),
        ("原价合计" if zh else "gross", rep.gross.display()),
        ("优惠合计" if zh else "discounts", rep.discount_total.display()),
        ("销售额（退款前）" if zh else "sales before refunds", rep.sales_total.display()),
        ("销售退款" if zh else "sale refunds",
         f"{rep.sale_refunds_count} / {rep.sale_refunds_total.display()}"),
        ("净销售额" if zh else "net sales", rep.net_sales.display()),
        ("退充值" if zh else "recharge refunds", rep.recharge_refunds_total.display()),
        ("充值本金" if zh else "recharged", rep.recharges_principal.display()),
        ("充值赠送" if zh else "recharge bonus", rep.recharges_bonus.display()),
        ("储值余额 本金/赠送" if zh else "stored value principal/bonus",
         f"{rep.sv_close_principal.display()} / {rep.sv_close_bonus.display()}"),
        ("积分余额" if zh else "points outstanding", f"{rep.points_close:,}"),
        ("计次卡未使用次数/递延收入" if zh else "count card uses outstanding/deferred",
         f"{rep.count_cards_outstanding:,} / {rep.count_cards_deferred.display()}"),
    ]
    for k, v in rep.takings_by_tender:
        rows.append(((f"收款 {label(k)}" if zh else f"takings {label(k, 'en')}"), v.display()))
    for name, value in rows:
        print(f"  {name}: {value}")


@user_errors
def cmd_day(args: argparse.Namespace) -> int:
    from memberdesk.services.closing.day_close import close_day, day_report
    from memberdesk.services.reporting.documents import day_document
    from memberdesk.services.reporting.export import export_document
    from memberdesk.services.shop.setup import shop_info

    day = parse_date(args.date)
    if args.close and args.for_store:
        from .common import CliError

        raise CliError("日结只能结本机所在门店的账，不能加 --for-store" if lang() == "zh_CN"
                       else "a till closes its own store's day: --close takes no --for-store")
    xlsx = Path(args.xlsx) if args.xlsx else None
    pdf = Path(args.pdf) if args.pdf else None
    with opened_db(args) as db:
        actor = login_from_args(db, args)
        if args.close:
            result = close_day(db, actor, day)
            rep = result.report
            if result.backup_warning:
                print(result.backup_warning)
            from .backup_cmds import print_removed

            print_removed(result.backup_removed)
        else:
            rep = day_report(db, actor, day, args.for_store)
        from memberdesk.services.shared import clock

        doc = day_document(rep, shop_info(db).name, clock.now(), report_lang(db, args))
    print_day(rep)
    for path in export_document(doc, xlsx=xlsx, pdf=pdf):
        print(("已导出" if lang() == "zh_CN" else "written") + f": {path}")
    return 0


def register(sub: Any) -> None:
    rep = sub.add_parser("report", help="reports: day close and exports")
    rsub = rep.add_subparsers(dest="report_command", metavar="REPORT", required=True)
    p = add_command(rsub, "day", "the day-close (日结) report of one business day", cmd_day)
    p.add_argument("--date", required=True, help="business date YYYY-MM-DD")
    p.add_argument("--close", action="store_true", help="seal the day (日结) before reporting")
    add_for_store(p, every=False)
    add_login(p)
    add_outputs(p)
    from .report_more_cmds import register_more

    register_more(rsub)
