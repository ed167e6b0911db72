"""``memberdesk report shift|statement|liability|points|coupons|count-cards|sales|analysis``.

Each prints a short summary and writes ``--xlsx`` / ``--pdf`` when asked. Dates are
``YYYY-MM-DD``: an impossible date or a reversed range is refused before the
password is asked; a range without data gives an empty report marked （无数据）.
Streamed reports are exported while their read transaction is still open.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from datetime import date
from pathlib import Path
from typing import Any

from .common import add_command, lang, opened_db, user_errors
from .report_cmds import (
    add_for_store,
    add_login,
    add_outputs,
    login_from_args,
    parse_date,
    report_lang,
)

NO_DATA = "（无数据）"


def _range(args: argparse.Namespace) -> tuple[date | None, date | None]:
    from memberdesk.services.reporting.common import check_range

    start = parse_date(args.start) if getattr(args, "start", None) else None
    end = parse_date(args.end) if getattr(args, "end", None) else None
    check_range(start, end)
    return start, end


def _say(zh: str, en: str) -> str:
    return zh if lang() == "zh_CN" else en


def _print(head: str, rows: list[tuple[str, str, object]], empty: bool) -> None:
    print(head)
    for zh, en, value in rows:
        text = value.display() if hasattr(value, "display") else (
            f"{value:,}" if isinstance(value, int) else str(value))
        print(f"  {_say(zh, en)}: {text}")
    if empty:
        print(f"  {_say(NO_DATA, '(no data)')}")


@contextmanager
def _session(args: argparse.Namespace) -> Iterator[tuple[Any, Any, str, str]]:
    from memberdesk.services.shop.setup import shop_info

    with opened_db(args) as db:
        actor = login_from_args(db, args)
        yield db, actor, shop_info(db).name, report_lang(db, args)


def _export(args: argparse.Namespace, doc: Any) -> None:
    from memberdesk.services.reporting.export import export_document

    xlsx = Path(args.xlsx) if args.xlsx else None
    pdf = Path(args.pdf) if args.pdf else None
    for path in export_document(doc, xlsx=xlsx, pdf=pdf):
        print(_say("已导出", "written") + f": {path}")


def _run(
    args: argparse.Namespace,
    open_report: Callable[[Any, Any], AbstractContextManager[Any]],
    to_document: Callable[[Any, str, Any, str], Any],
    summarise: Callable[[Any], None],
    rows: Callable[[Any], int] = lambda rep: 0,
) -> int:
    """Open the report, print its summary, export it, all inside its unit of work."""
    from memberdesk.services.reporting.common import check_pdf_rows

    with _session(args) as (db, actor, shop, files_lang), open_report(db, actor) as rep:
        summarise(rep)
        if args.pdf:
            check_pdf_rows(rows(rep))
        _export(args, to_document(rep, shop, rep.generated_at, files_lang))
    return 0


@user_errors
def cmd_shift(args: argparse.Namespace) -> int:
    from memberdesk.models.enums import TenderKind
    from memberdesk.services.reporting.labels import label
    from memberdesk.services.reporting.shift_report import shift_document, shift_report

    def show(r: Any) -> None:
        s = r.summary
        _print(_say(f"交班报表 {s.shift_no}（{s.staff_name}）", f"shift {s.shift_no} ({s.staff_name})"), [
            ("开班备用金", "opening float", s.opening_float),
            ("销售笔数", "sales", s.sales_count),
            ("销售额（退款前）", "sales before refunds", s.sales_total),
            ("销售退款", "sale refunds", r.sale_refunds),
            ("净销售额", "net sales", r.net_sales),
            ("充值", "recharges", s.recharges_total),
            ("退充值", "recharge refunds", r.recharge_refunds),
            ("存入/取出现金", "cash in/out", f"{s.cash_in.display()} / {s.cash_out.display()}"),
            *[(f"差额 {label(c.kind)}", f"variance {label(c.kind, 'en')}", c.variance)
              for c in s.amounts if c.variance is not None
              and (c.variance.fen or c.kind is TenderKind.CASH)],
        ], empty=s.sales_count == 0 and not r.tenders)

    return _run(args, lambda db, a: nullcontext(shift_report(db, a, args.shift)),
                shift_document, show)


@user_errors
def cmd_statement(args: argparse.Namespace) -> int:
    from memberdesk.services.reporting.statement import member_statement, statement_document

    start, end = _range(args)

    def show(r: Any) -> None:
        _print(_say(f"会员对账单 {r.member_no} {r.name} {r.phone}",
                    f"statement of {r.member_no} {r.name} {r.phone}") + f"  {r.period.text()}", [
            ("期初储值", "opening stored value", r.sv_open),
            ("期末储值", "closing stored value", r.sv_close),
            ("储值流水笔数", "stored-value entries", r.sv_count),
            ("期初/期末积分", "points opening/closing", f"{r.points_open:,} / {r.points_close:,}"),
            ("积分流水笔数", "points entries", r.points_count),
        ], empty=r.sv_count == 0 and r.points_count == 0)

    return _run(args, lambda db, a: member_statement(db, a, args.member, start, end),
                statement_document, show, lambda r: r.sv_count + r.points_count)


@user_errors
def cmd_liability(args: argparse.Namespace) -> int:
    from memberdesk.services.reporting.liability import liability_document, liability_report

    as_of = parse_date(args.date) if args.date else None

    def show(r: Any) -> None:
        when = r.as_of.isoformat() if r.as_of else f"{r.generated_at:%Y-%m-%d %H:%M}"
        _print(_say(f"储值负债 截至 {when}", f"stored-value liability as of {when}"), [
            ("有余额会员", "members with a balance", len(r.rows)),
            ("本金", "principal", r.principal),
            ("赠送", "bonus", r.bonus),
            ("合计", "total", r.total),
        ], empty=not r.rows)

    return _run(args, lambda db, a: nullcontext(liability_report(db, a, as_of)),
                liability_document, show, lambda r: len(r.rows))


@user_errors
def cmd_points(args: argparse.Namespace) -> int:
    from memberdesk.services.reporting.points_report import points_document, points_report

    start, end = _range(args)

    def show(r: Any) -> None:
        _print(_say("积分报表 ", "points ") + r.period.text(), [
            ("期内发放", "issued", r.issued),
            ("期内使用", "redeemed", r.redeemed),
            ("期内过期", "expired", r.expired),
            ("当前未用积分", "outstanding now", r.outstanding),
            (f"{r.expiring_days} 天内到期", f"expiring within {r.expiring_days} days", r.expiring),
        ], empty=not r.movements)

    return _run(args, lambda db, a: points_report(db, a, start, end), points_document, show,
                lambda r: r.members)


@user_errors
def cmd_coupons(args: argparse.Namespace) -> int:
    from memberdesk.services.reporting.coupon_report import coupon_document, coupon_report

    start, end = _range(args)

    def show(r: Any) -> None:
        _print(_say("优惠券报表 ", "coupons ") + r.period.text(), [
            ("发放", "issued", r.total("issued")),
            ("使用", "used", r.total("used")),
            ("当前可用", "usable now", r.total("outstanding")),
            ("抵扣金额", "discount given", r.discount),
        ], empty=r.empty)

    return _run(args, lambda db, a: nullcontext(coupon_report(db, a, start, end)),
                coupon_document, show)


@user_errors
def cmd_count_cards(args: argparse.Namespace) -> int:
    from memberdesk.services.reporting.count_card_report import (
        count_card_document,
        count_card_report,
    )

    start, end = _range(args)

    def show(r: Any) -> None:
        _print(_say("计次卡报表 ", "count cards ") + r.period.text(), [
            ("售出张数", "cards sold", r.total("sold")),
            ("售卡金额", "card sales", r.money("sold_value")),
            ("使用次数", "uses", r.total("used")),
            ("退卡次数", "uses refunded", r.total("refunded")),
            ("过期次数", "uses expired", r.total("expired")),
            ("未使用次数（现在）", "uses outstanding (now)", r.total("outstanding")),
            ("递延收入", "deferred value", r.money("deferred")),
        ], empty=not r.lines)

    return _run(args, lambda db, a: nullcontext(count_card_report(db, a, start, end)),
                count_card_document, show)


@user_errors
def cmd_sales(args: argparse.Namespace) -> int:
    from memberdesk.services.reporting.labels import label
    from memberdesk.services.reporting.sales_detail import sales_detail, sales_detail_document
    from memberdesk.services.reporting.words import store_text as sales_detail_store

    start, end = _range(args)
    if start is None or end is None:  # argparse makes both required
        raise SystemExit(2)

    def show(r: Any) -> None:
        where = sales_detail_store(r.store, "zh_CN" if lang() == "zh_CN" else "en")
        _print(_say("销售明细 ", "sales detail ") + r.period.text() + where, [
            ("销售笔数", "sales", r.sales_count),
            ("明细行数", "lines", r.line_count),
            ("原价合计", "gross", r.gross),
            ("优惠合计", "discounts", r.discount),
            ("销售额（退款前）", "sales before refunds", r.net),
            ("同期销售退款", "sale refunds", r.refunds_total),
            ("净销售额", "net sales", r.net_sales),
            *[(f"收款 {label(k)}", f"takings {label(k, 'en')}", m) for k, m in r.by_tender],
        ], empty=r.line_count == 0)

    return _run(args, lambda db, a: sales_detail(db, a, start, end, args.for_store),
                sales_detail_document, show, lambda r: r.line_count)


def _add_range(p: argparse.ArgumentParser, *, required: bool) -> None:
    p.add_argument("--from", dest="start", metavar="YYYY-MM-DD", required=required,
                   help="first local date" + ("" if required else " (default: the beginning)"))
    p.add_argument("--to", dest="end", metavar="YYYY-MM-DD", required=required,
                   help="last local date, included" + ("" if required else " (default: today)"))


@user_errors
def cmd_analysis(args: argparse.Namespace) -> int:
    from memberdesk.services.analytics.report import analysis_report
    from memberdesk.services.reporting.analysis_doc import analysis_document, percent

    as_of = parse_date(args.date) if args.date else None

    def show(r: Any) -> None:
        scored = r.scores_as_of.isoformat() if r.scores_as_of else "—"
        _print(_say(f"会员分析 截至 {r.as_of.isoformat()}（评分日期 {scored}）",
                    f"member analysis as of {r.as_of.isoformat()} (scores as of {scored})"), [
            ("会员数", "members", r.members),
            ("复购率", "repurchase rate", percent(r.repurchase_rate)),
            ("客单价", "average ticket", r.average_ticket),
            ("流失预警", "churn warnings", r.churn_count),
        ], empty=r.members == 0)

    return _run(args, lambda db, a: nullcontext(analysis_report(db, a, as_of)),
                analysis_document, show)


def register_more(rsub: Any) -> None:
    def command(name: str, help_text: str, fn: Callable[[argparse.Namespace], int]) -> Any:
        p = add_command(rsub, name, help_text, fn)
        add_login(p)
        add_outputs(p)
        return p

    p = command("shift", "a shift report (交班报表); a cashier may see only their own", cmd_shift)
    p.add_argument("--shift", required=True, metavar="NO", help="shift number, e.g. B20261124-001")
    p = command("statement", "a member statement (会员对账单)", cmd_statement)
    p.add_argument("--member", required=True, metavar="NO", help="member number")
    _add_range(p, required=False)
    p = command("liability", "stored-value liability (储值负债)", cmd_liability)
    p.add_argument("--date", metavar="YYYY-MM-DD", help="as of the end of this date (default: now)")
    p = command("analysis", "member analysis with charts (会员分析)", cmd_analysis)
    p.add_argument("--date", metavar="YYYY-MM-DD", help="as of this business date (default: today)")
    p = command("points", "points outstanding, expiring and moved (积分报表)", cmd_points)
    _add_range(p, required=False)
    p = command("coupons", "coupon usage per template (优惠券报表)", cmd_coupons)
    _add_range(p, required=True)
    p = command("count-cards", "count cards sold, used, expired, outstanding (计次卡报表)",
                cmd_count_cards)
    _add_range(p, required=False)
    p = command("sales", "sales detail, one row per sale line (销售明细)", cmd_sales)
    _add_range(p, required=True)
    add_for_store(p, every=True)
