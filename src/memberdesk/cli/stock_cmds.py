"""``memberdesk stock receive|count|threshold|transfer|list|report``: the light
inventory (库存) without the GUI. Changes log in as ``--user NAME`` (password from the
terminal or stdin); the services check the role (manager or owner) and audit.
Quantities are whole units of the product's unit.

Stock is per store (网络版): a change acts in the till's store, ``--store CODE`` (as
every command takes it); ``transfer`` sends goods from it to ``--to CODE`` (调拨);
``list`` and ``report`` show the till's store, ``--for-store CODE``, or ``ALL``."""

from __future__ import annotations

import argparse
from typing import Any

from .common import CliError, add_command, lang, opened_db, user_errors
from .report_cmds import (
    add_for_store,
    add_login,
    add_outputs,
    login_from_args,
    parse_date,
    report_lang,
)


def _t(zh: str, en: str) -> str:
    return zh if lang() == "zh_CN" else en


def _qty(text: str, *, allow_zero: bool, zh: str, en: str) -> int:
    from memberdesk.domain.stock import MAX_QTY, parse_quantity

    qty = parse_quantity(text, allow_zero=allow_zero)
    if qty is None:
        low = 0 if allow_zero else 1
        raise CliError(_t(f"{zh}“{text}”应为 {low} 到 {MAX_QTY:,} 之间的整数",
                          f"the {en} “{text}” must be a whole number from {low} to {MAX_QTY:,}"))
    return qty


def _said(info: Any) -> str:
    low = _t("（低库存）", " (low)") if info.low else ""
    return f"{info.code} {info.name}: " + _t(f"现有 {info.on_hand}{info.unit}",
                                              f"{info.on_hand} on hand") + low


@user_errors
def cmd_transfer(args: argparse.Namespace) -> int:
    from memberdesk.services.stock.transfer import transfer_stock

    qty = _qty(args.qty, allow_zero=False, zh="调拨数量", en="quantity")
    with opened_db(args) as db:
        moved = transfer_stock(db, login_from_args(db, args), args.code, qty, args.to,
                               note=args.note or "")
    print(_t("已调拨", "transferred") + f" {qty}: {moved.sent.store} → {moved.received.store}")
    for info in (moved.sent, moved.received):
        print(f"  {info.store}  " + _said(info))
    return 0


@user_errors
def cmd_receive(args: argparse.Namespace) -> int:
    from memberdesk.services.stock.ledger import receive_stock

    qty = _qty(args.qty, allow_zero=False, zh="入库数量", en="quantity")
    with opened_db(args) as db:
        info = receive_stock(db, login_from_args(db, args), args.code, qty, args.note or "")
    print(_t("已入库", "received") + f" {qty}: " + _said(info))
    return 0


@user_errors
def cmd_count(args: argparse.Namespace) -> int:
    from memberdesk.services.stock.ledger import count_stock, stock_of

    counted = _qty(args.qty, allow_zero=True, zh="盘点数量", en="counted quantity")
    if not (args.reason or "").strip():
        raise CliError(_t("盘点请用 --reason 写明原因（例如 月末盘点、破损、过期）",
                          "give the count's reason with --reason (e.g. month-end count, broken)"))
    with opened_db(args) as db:
        actor = login_from_args(db, args)
        before = stock_of(db, args.code)
        info = count_stock(db, actor, args.code, counted, args.reason)
    diff = info.on_hand - before.on_hand if before.tracked else None
    shown = "" if diff is None else _t(f"（差 {diff:+d}）", f" (difference {diff:+d})")
    print(_t("已盘点", "counted") + shown + ": " + _said(info))
    return 0


@user_errors
def cmd_threshold(args: argparse.Namespace) -> int:
    from memberdesk.services.stock.ledger import set_low_stock

    text = args.qty.strip().lower()
    low = None if text in ("none", "无", "") else _qty(args.qty, allow_zero=True,
                                                       zh="预警数量", en="low-stock level")
    with opened_db(args) as db:
        info = set_low_stock(db, login_from_args(db, args), args.code, low)
    level = _t("不预警", "none") if info.low_at is None else str(info.low_at)
    print(_t("预警数量", "low-stock level") + f" {level}: " + _said(info))
    return 0


@user_errors
def cmd_list(args: argparse.Namespace) -> int:
    from memberdesk.services.receipts.text import text_width
    from memberdesk.services.stock.views import list_stock

    head = [_t("编号", "code"), _t("名称", "name"), _t("现有", "on hand"),
            _t("预警", "low at"), _t("状态", "state")]
    with opened_db(args) as db:
        after: str | None = None
        shown = 0
        while True:  # page by page: 100,000 products never sit in memory at once
            page = list_stock(db, after=after, limit=1000, low_only=args.low,
                              store=args.for_store)
            rows = [[r.code, r.name, f"{r.on_hand}{r.unit}", "" if r.low_at is None
                     else str(r.low_at), (_t("负库存", "below zero") if (r.on_hand or 0) < 0
                                          else _t("低库存", "low") if r.low else "")]
                    for r in page.rows if r.tracked]
            table = ([head] if not shown else []) + rows
            widths = [max(text_width(x[i]) for x in [head, *rows]) for i in range(len(head))]
            for line in table:
                print("  ".join(c + " " * max(0, w - text_width(c))
                                for c, w in zip(line, widths, strict=True)).rstrip())
            shown += len(rows)
            if not page.more:
                break
            after = page.rows[-1].code
    if not shown:
        print(_t("没有低库存商品", "no product is low") if args.low
              else _t("还没有管库存的商品：用 memberdesk stock receive 或 count 开始",
                      "no product is tracked yet: start with memberdesk stock receive or count"))
    return 0


@user_errors
def cmd_report(args: argparse.Namespace) -> int:
    from pathlib import Path

    from memberdesk.services.reporting.common import check_pdf_rows, check_range
    from memberdesk.services.reporting.export import export_document
    from memberdesk.services.reporting.stock_report import kind_word, stock_document, stock_report
    from memberdesk.services.shop.setup import shop_info

    start = parse_date(args.start) if args.start else None
    end = parse_date(args.end) if args.end else None
    check_range(start, end)
    with opened_db(args) as db:
        actor = login_from_args(db, args)
        rep = stock_report(db, actor, start, end, low_only=args.low, store=args.for_store)
        shop, files_lang = shop_info(db).name, report_lang(db, args)
    where = (_t("，全部门店", ", all stores") if rep.store == "ALL"
             else _t(f"，门店 {rep.store}", f", store {rep.store}") if rep.store else "")
    print(_t("库存报表 ", "stock report ") + rep.period.text(lang()) + where)
    for zh, en, value in (("管库存的商品", "products tracked", rep.tracked),
                          ("低库存商品", "products low", rep.low),
                          ("负库存销售", "sales below zero", len(rep.below_zero))):
        print(f"  {_t(zh, en)}: {value:,}")
    for kind, qty, n in rep.movements:
        print(f"  {kind_word(kind, lang())}: {qty:+,} ({n:,})")
    if args.pdf:
        check_pdf_rows(len(rep.lines) + len(rep.below_zero))
    doc = stock_document(rep, shop, rep.generated_at, files_lang)
    for path in export_document(doc, xlsx=Path(args.xlsx) if args.xlsx else None,
                                pdf=Path(args.pdf) if args.pdf else None):
        print(_t("已导出", "written") + f": {path}")
    return 0


def _user(p: argparse.ArgumentParser) -> None:
    p.add_argument("--user", required=True, metavar="NAME",
                   help="act as this staff member, a manager or the owner (password on stdin)")


def register(sub: Any) -> None:
    stock = sub.add_parser("stock", help="stock (库存): receive, count, threshold, transfer, "
                                         "list, report")
    ssub = stock.add_subparsers(dest="stock_command", metavar="ACTION", required=True)
    p = add_command(ssub, "receive", "goods received (入库): more on hand", cmd_receive)
    p.add_argument("code", metavar="CODE", help="the product's item code")
    p.add_argument("qty", metavar="QTY", help="how many, in the product's unit")
    p.add_argument("--note", help="supplier, delivery note number (optional)")
    _user(p)
    p = add_command(ssub, "count", "a stock count (盘点): what is on the shelf", cmd_count)
    p.add_argument("code", metavar="CODE", help="the product's item code")
    p.add_argument("qty", metavar="QTY", help="the quantity counted")
    p.add_argument("--reason", help="why (required), e.g. 月末盘点, 破损")
    _user(p)
    p = add_command(ssub, "threshold", "the low-stock level (库存预警)", cmd_threshold)
    p.add_argument("code", metavar="CODE", help="the product's item code")
    p.add_argument("qty", metavar="QTY", help="low at or below this; 'none' removes it")
    _user(p)
    p = add_command(ssub, "transfer", "send goods to another store (调拨)", cmd_transfer)
    p.add_argument("code", metavar="CODE", help="the product's item code")
    p.add_argument("qty", metavar="QTY", help="how many, in the product's unit")
    p.add_argument("--to", required=True, metavar="STORE",
                   help="the receiving store's code (sent from this till's store, --store)")
    p.add_argument("--note", help="a delivery note number, why (optional)")
    _user(p)
    p = add_command(ssub, "list", "tracked products and their stock", cmd_list)
    p.add_argument("--low", action="store_true", help="only the low ones (低库存)")
    add_for_store(p, every=True)
    p = add_command(ssub, "report", "the stock report (库存报表) as .xlsx / .pdf", cmd_report)
    add_login(p)
    add_outputs(p)
    p.add_argument("--from", dest="start", metavar="YYYY-MM-DD",
                   help="movements from this local date (default: the beginning)")
    p.add_argument("--to", dest="end", metavar="YYYY-MM-DD",
                   help="movements up to this local date, included (default: today)")
    p.add_argument("--low", action="store_true", help="only the low-stock products")
    add_for_store(p, every=True)
