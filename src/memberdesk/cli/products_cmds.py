"""``memberdesk products list|add|edit (set)|activate|deactivate|import|export|template`` and ``memberdesk
categories list|add|rename|points``: the catalogue without the GUI, for a shop's IT person
setting a shop up by script. Changes log in as ``--user NAME`` (password from the
terminal or stdin); the services check the role (manager or owner) and audit.
Prices are in yuan (3.50); a member price is ``--member-price TIER=PRICE`` (the
tier's code or name; ``TIER=`` removes it)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .common import (
    CliError,
    ImportProgressPrinter,
    add_command,
    lang,
    opened_db,
    read_password,
    user_errors,
)

if TYPE_CHECKING:
    from memberdesk.db import Database
    from memberdesk.money import Money
    from memberdesk.services.catalog.admin import ProductRow
    from memberdesk.services.shared.context import Actor


def _t(zh: str, en: str) -> str:
    return zh if lang() == "zh_CN" else en


def _login(db: Database, args: argparse.Namespace) -> Actor:
    from memberdesk.services.staff.accounts import login

    return login(db, args.user, read_password(f"{args.user} 的密码 / password: "))


def _price(text: str, zh: str, en: str) -> Money:
    from memberdesk.services.shared.requests import parse_amount

    return parse_amount(text, _t(zh, en))


def _category_id(db: Database, code: str) -> int | None:
    from memberdesk.services.catalog.admin import list_categories
    from memberdesk.services.shared.errors import NotFoundError

    if not code.strip():
        return None
    for c in list_categories(db):
        if code.strip() in (c.code, c.name):
            return c.id
    raise NotFoundError("category_not_found", key=code)


def _member_prices(db: Database, specs: list[str], current: tuple[tuple[int, Money], ...]
                   ) -> tuple[tuple[int, Money], ...]:  # fmt: skip
    from memberdesk.services.loyalty.tiers import list_tiers

    tiers = {key: t.id for t in list_tiers(db) for key in (t.code, t.name)}
    prices = dict(current)
    for spec in specs:
        tier, sep, price = spec.partition("=")
        if not sep or tier.strip() not in tiers:
            raise CliError(_t(f"会员价写法应为 等级=价格，等级可选：{'、'.join(tiers)}",
                              f"a member price is TIER=PRICE; tiers: {', '.join(tiers)}"))
        if price.strip():
            prices[tiers[tier.strip()]] = _price(price, "会员价", "member price")
        else:
            prices.pop(tiers[tier.strip()], None)
    return tuple(sorted(prices.items()))


def _ratio(percent: str) -> int:
    try:
        return round(float(percent) * 10)
    except ValueError:
        raise CliError(_t(f"积分比例 {percent} 应为百分数，如 100",
                          f"the points rate {percent} should be a percentage such as 100")) from None


def _changes(db: Database, args: argparse.Namespace, current: Any = None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if args.name is not None:
        out["name"] = args.name
    if args.price is not None:
        out["price"] = _price(args.price, "售价", "price")
    if args.barcode is not None:
        out["barcode"] = args.barcode or None
    if args.unit is not None:
        out["unit"] = args.unit
    if args.cost is not None:
        out["cost"] = _price(args.cost, "进价", "cost") if args.cost.strip() else None
    if args.category is not None:
        out["category_id"] = _category_id(db, args.category)
    if args.points_rate is not None:
        out["points_ratio_permille"] = _ratio(args.points_rate)
    if args.discountable is not None:
        out["discountable"] = args.discountable
    if args.service is not None:
        out["is_service"] = args.service
    if args.member_price:
        out["member_prices"] = _member_prices(db, args.member_price, current or ())
    return out


def _print_rows(rows: tuple[ProductRow, ...] | list[ProductRow], header: bool) -> None:
    from memberdesk.services.receipts.text import text_width

    head = [_t("编号", "code"), _t("条码", "barcode"), _t("名称", "name"), _t("单位", "unit"),
            _t("售价", "price"), _t("进价", "cost"), _t("分类", "category"),
            _t("积分", "points"), _t("状态", "state")]  # fmt: skip
    lines = [[r.product.code, r.product.barcode or "", r.product.name, r.product.unit,
              r.product.price.yuan(), r.product.cost.yuan() if r.product.cost is not None else "",
              r.category, f"{r.product.points_ratio_permille / 10:g}%",
              _t("在售", "on sale") if r.product.active else _t("停售", "stopped")]
             for r in rows]  # fmt: skip
    table = [head, *lines] if header else lines
    widths = [max(text_width(r[i]) for r in [head, *lines]) for i in range(len(head))]
    for r in table:
        print("  ".join(c + " " * max(0, w - text_width(c))
                        for c, w in zip(r, widths, strict=True)).rstrip())


@user_errors
def cmd_list(args: argparse.Namespace) -> int:
    from memberdesk.services.catalog.admin import list_products

    with opened_db(args) as db:
        if args.search:
            page = list_products(db, search=args.search, limit=args.limit)
            _print_rows(page.rows, True)
            if page.more:
                print(_t(f"（只列出前 {args.limit} 个，请输入更多字缩小范围）",
                         f"(only the first {args.limit}; type more to narrow it down)"))
            return 0
        after: str | None = None
        first = True
        while True:  # page by page: 100,000 products never sit in memory at once
            page = list_products(db, after=after, limit=1000)
            if first and not page.rows:
                print(_t("还没有商品：用 memberdesk products add 添加",
                         "no products yet: add them with memberdesk products add"))
            _print_rows(page.rows, first)  # columns sized per page
            first = False
            if not page.more:
                return 0
            after = page.rows[-1].product.code


@user_errors
def cmd_add(args: argparse.Namespace) -> int:
    from memberdesk.services.catalog import products as catalog

    with opened_db(args) as db:
        actor = _login(db, args)
        changes = _changes(db, args)
        if "name" not in changes or "price" not in changes:
            raise CliError(_t("请用 --name 和 --price 给出名称和售价",
                              "give the name and the price with --name and --price"))
        info = catalog.create_product(db, actor, catalog.ProductDraft(code=args.code, **changes))
    print(_t("已添加", "added") + f": {info.code} {info.name} {info.price.yuan()}")
    return 0


@user_errors
def cmd_edit(args: argparse.Namespace) -> int:
    from memberdesk.services.catalog.admin import edit_product, product_detail

    with opened_db(args) as db:
        actor = _login(db, args)
        current = product_detail(db, args.code).member_prices if args.member_price else None
        changes = _changes(db, args, current)
        if args.new_code is not None:
            changes["code"] = args.new_code
        if not changes:
            raise CliError(_t("没有要修改的内容（见 --help）", "nothing to change (see --help)"))
        detail = edit_product(db, actor, args.code, **changes)
    p = detail.product
    print(_t("已修改", "changed") + f": {p.code} {p.name} {p.price.yuan()}")
    return 0


@user_errors
def cmd_active(args: argparse.Namespace) -> int:
    from memberdesk.services.catalog.admin import set_product_active

    with opened_db(args) as db:
        actor = _login(db, args)
        info = set_product_active(db, actor, args.code, args.active)
    done = _t("已恢复销售", "on sale again") if info.active else _t("已停售", "stopped")
    print(f"{done}: {info.code} {info.name}")
    return 0


@user_errors
def cmd_categories(args: argparse.Namespace) -> int:
    from memberdesk.services.catalog import products as catalog
    from memberdesk.services.catalog.admin import rename_category

    with opened_db(args) as db:
        if args.categories_command == "list":
            from memberdesk.services.stored_value.offers_admin import loyalty_rules

            shop_rate = _t("全店规则", "shop's rate")
            for code, name, rate in loyalty_rules(db).category_rates:
                points = shop_rate if rate is None else _t(f"每元 {rate} 分", f"{rate} per yuan")
                print(f"{code}  {name}  {points}")
            return 0
        actor = _login(db, args)
        if args.categories_command == "points":
            from memberdesk.services.stored_value.offers_admin import set_category_points

            text = args.points.strip().lower()
            if text not in ("shop", "全店") and not text.isdigit():
                raise CliError(_t(f"每元积分应为 0 到 100 的整数或 shop，不是 {args.points}",
                                  f"points per yuan must be a whole number 0-100 or shop, "
                                  f"not {args.points}"))
            code, rate = set_category_points(db, actor, args.code,
                                             int(text) if text.isdigit() else None)
            print(_t("分类积分", "category points") + f": {code} "
                  + (_t("全店规则", "shop's rate") if rate is None else str(rate)))
        elif args.categories_command == "add":
            info = catalog.create_category(db, actor, code=args.code, name=args.name)
            print(_t("已添加分类", "category added") + f": {info.code} {info.name}")
        else:
            info = rename_category(db, actor, args.code, args.name)
            print(_t("已改名", "renamed") + f": {info.code} {info.name}")
    return 0


@user_errors
def cmd_import(args: argparse.Namespace) -> int:
    from memberdesk.services.catalog.importer import import_products

    with opened_db(args) as db:
        actor = _login(db, args)
        result = import_products(db, actor, Path(args.file), dry_run=args.dry_run,
                                 error_report=Path(args.errors) if args.errors else None,
                                 progress=ImportProgressPrinter("个商品", "products"),
                                 lang=lang())  # fmt: skip
    if args.dry_run:
        print(_t("试运行，未写入任何数据。", "dry run: nothing was written."))
    print(result.summary(lang()))
    if result.failed:
        where = result.error_report or ""
        raise CliError(_t(f"{result.failed} 行有错误，未导入；错误报告：{where}",
                          f"{result.failed} rows have errors and were not imported; "
                          f"error report: {where}"))  # fmt: skip
    return 0


@user_errors
def cmd_export(args: argparse.Namespace) -> int:
    from memberdesk.services.catalog.sheet import export_products

    with opened_db(args) as db:
        actor = _login(db, args)
        result = export_products(db, actor, Path(args.file), lang=lang())
    print(_t(f"已导出 {result.rows} 个商品到 {result.path}",
             f"exported {result.rows} products to {result.path}"))
    return 0


@user_errors
def cmd_template(args: argparse.Namespace) -> int:
    from memberdesk.services.catalog.sheet import write_template

    with opened_db(args) as db:
        path = write_template(db, Path(args.file), lang())
    print(_t(f"已生成导入模板：{path}", f"import template written: {path}"))
    return 0


def _user(p: argparse.ArgumentParser) -> None:
    p.add_argument("--user", required=True, metavar="NAME",
                   help="act as this staff member, a manager or the owner (password on stdin)")


def _fields(p: argparse.ArgumentParser) -> None:
    p.add_argument("--name", help="product name, e.g. 可口可乐 330ml (at most 60 characters)")
    p.add_argument("--price", metavar="YUAN", help="price in yuan, e.g. 3.50")
    p.add_argument("--barcode", help="EAN-13/EAN-8/UPC-A (check digit verified) or a shop "
                                     "code; an empty value removes it")
    p.add_argument("--unit", help="unit, e.g. 瓶 (default 件)")
    p.add_argument("--cost", metavar="YUAN",
                   help="what the shop pays for one (进价), for the gross margin; '' removes it")
    p.add_argument("--category", metavar="CODE", help="category code or name ('' for none)")
    p.add_argument("--points-rate", metavar="PERCENT",
                   help="points earned, in percent of normal: 100 normal, 0 none")
    p.add_argument("--member-price", action="append", metavar="TIER=YUAN",
                   help="price for a tier (code or name); TIER= removes it; repeatable")
    p.add_argument("--no-discount", dest="discountable", action="store_const", const=False,
                   help="tier discounts do not apply (e.g. cigarettes)")
    p.add_argument("--discount", dest="discountable", action="store_const", const=True,
                   help="tier discounts apply (the default)")
    p.add_argument("--service", dest="service", action="store_const", const=True,
                   help="a service (a haircut, a wash), not goods")
    p.add_argument("--goods", dest="service", action="store_const", const=False,
                   help="goods (the default)")


def register(sub: Any) -> None:
    products = sub.add_parser("products",
                              help="products: list, add, edit/set, (de)activate, import, export")
    psub = products.add_subparsers(dest="products_command", metavar="ACTION", required=True)
    p = add_command(psub, "list", "list products by code (or find them with --search)", cmd_list)
    p.add_argument("--search", metavar="TEXT",
                   help="code, barcode, name or pinyin initials, or a part of them")
    p.add_argument("--limit", type=int, default=200, help="at most this many matches (--search)")
    p = add_command(psub, "add", "add a product", cmd_add)
    p.add_argument("code", metavar="CODE", help="item code (货号), e.g. 1001")
    _user(p)
    _fields(p)
    p.set_defaults(discountable=None, service=None)
    for name in ("edit", "set"):  # set: the name for it, edit: the first one's
        p = add_command(psub, name, "change a product (only the options given)", cmd_edit)
        p.add_argument("code", metavar="CODE", help="the product's item code")
        p.add_argument("--code", dest="new_code", metavar="NEW", help="a new item code")
        _user(p)
        _fields(p)
        p.set_defaults(discountable=None, service=None)
    for name, active in (("deactivate", False), ("activate", True)):
        what = "stop selling a product (停售)" if not active else "sell a stopped product again"
        p = add_command(psub, name, what, cmd_active)
        p.add_argument("code", metavar="CODE")
        _user(p)
        p.set_defaults(active=active)
    p = add_command(psub, "import", "import products from an .xlsx (see `products template`); "
                    "an existing item code is updated", cmd_import)
    p.add_argument("file", help="the .xlsx to import")
    p.add_argument("--dry-run", action="store_true", help="check everything, write nothing")
    p.add_argument("--errors", metavar="FILE", help="error report (default: FILE.errors.xlsx)")
    _user(p)
    p = add_command(psub, "export", "export every product to an .xlsx (it imports again)",
                    cmd_export)
    p.add_argument("file", help="the .xlsx to write")
    _user(p)
    p = add_command(psub, "template", "write the import template .xlsx (a member price column "
                    "per tier)", cmd_template)
    p.add_argument("file", help="the .xlsx to write")

    categories = sub.add_parser("categories", help="product categories: list, add, rename")
    csub = categories.add_subparsers(dest="categories_command", metavar="ACTION", required=True)
    add_command(csub, "list", "list the categories", cmd_categories)
    for name, text in (("add", "add a category"), ("rename", "rename a category")):
        p = add_command(csub, name, text, cmd_categories)
        p.add_argument("code", metavar="CODE", help="category code, e.g. drinks")
        p.add_argument("name", metavar="NAME", help="category name, e.g. 饮料")
        _user(p)
    p = add_command(csub, "points", "a category's own points per yuan (owner; 'shop': the "
                    "shop's points.earn_per_yuan again)", cmd_categories)
    p.add_argument("code", metavar="CODE", help="category code, e.g. drinks")
    p.add_argument("points", metavar="N|shop", help="points per yuan paid, 0-100, or shop")
    _user(p)
