"""``memberdesk count-cards templates|add-template|list|use``: count cards (计次卡)
without the GUI. Every command logs in as ``--user NAME`` (password from the terminal
or stdin); the services check the role (templates: the owner) and audit."""

from __future__ import annotations

import argparse
from typing import Any

from .common import CliError, add_command, lang, opened_db, user_errors
from .report_cmds import login_from_args, parse_date


def _t(zh: str, en: str) -> str:
    return zh if lang() == "zh_CN" else en


def _pairs(values: list[str] | None, zh: str, en: str) -> list[tuple[str, str]]:
    out = []
    for v in values or []:
        code, sep, rest = v.partition("=")
        if not sep or not code.strip() or not rest.strip():
            raise CliError(_t(f"{zh}“{v}”应写成 编号=数值", f"the {en} “{v}” must be CODE=VALUE"))
        out.append((code.strip(), rest.strip()))
    return out


def _count(text: str, zh: str, en: str) -> int:
    from memberdesk.money import ascii_digits

    digits = ascii_digits(text.strip())
    if digits is None or not digits.isdigit():
        raise CliError(_t(f"{zh}“{text}”应为整数", f"the {en} “{text}” must be a whole number"))
    return int(digits)


def _card_line(c: Any) -> str:
    ends = c.expires_on.isoformat() if c.expires_on else _t("长期", "no expiry")
    services = _t("，", ", ").join(
        f"{sv.product_code} {sv.product_name} " + _t(f"剩余 {sv.remaining}/{sv.total} 次",
                                                     f"{sv.remaining}/{sv.total} left")
        for sv in c.services)
    return f"No. {c.card_id}  {c.name}  {c.status.value}  {_t('有效期至', 'valid to')} {ends}  {services}"


@user_errors
def cmd_templates(args: argparse.Namespace) -> int:
    from memberdesk.services.count_cards.templates import list_templates

    with opened_db(args) as db:
        rows = list_templates(db, login_from_args(db, args))
    if not rows:
        print(_t("还没有计次卡模板：用 memberdesk count-cards add-template 添加",
                 "no count card template yet: add one with memberdesk count-cards add-template"))
    for t in rows:
        validity = (_t(f"{t.validity_days} 天", f"{t.validity_days} days") if t.validity_days
                    else "") + (f" ≤{t.valid_until.isoformat()}" if t.valid_until else "")
        items = " + ".join(f"{i.product_code}×{i.uses}" for i in t.items)
        tiers = " ".join(f"{code}={price.yuan()}" for code, _, price in t.tier_prices)
        state = "" if t.active else _t("  （停用）", "  (inactive)")
        print(f"{t.code}  {t.name}  ¥{t.price.yuan()}  {items}  {validity or _t('长期', 'no expiry')}"
              f"{'  ' + tiers if tiers else ''}  {_t('已售', 'sold')} {t.sold}{state}")
    return 0


@user_errors
def cmd_add_template(args: argparse.Namespace) -> int:
    from memberdesk.services.count_cards.templates import TemplateDraft, add_template
    from memberdesk.services.shared.requests import parse_amount

    items = tuple((code, _count(n, "次数", "number of uses"))
                  for code, n in _pairs(args.service, "服务", "service"))
    tiers = tuple((code, parse_amount(p, _t("等级价", "tier price")))
                  for code, p in _pairs(args.tier_price, "等级价", "tier price"))
    draft = TemplateDraft(
        code=args.code, name=args.name, price=parse_amount(args.price, _t("价格", "price")),
        items=items, validity_days=_count(args.days, "有效天数", "validity") if args.days else None,
        valid_until=parse_date(args.until) if args.until else None, tier_prices=tiers)
    with opened_db(args) as db:
        t = add_template(db, login_from_args(db, args), draft)
    print(_t("已添加计次卡模板", "count card template added") + f": {t.code} {t.name} ¥{t.price.yuan()}")
    return 0


@user_errors
def cmd_list(args: argparse.Namespace) -> int:
    from memberdesk.services.count_cards.use import cards_by_member_no

    with opened_db(args) as db:
        _, cards = cards_by_member_no(db, login_from_args(db, args), args.member,
                                      all_cards=args.all)
    if not cards:
        print(_t("这位会员没有可用的计次卡", "this member has no usable count card"))
    for c in cards:
        print(_card_line(c))
    return 0


@user_errors
def cmd_use(args: argparse.Namespace) -> int:
    from memberdesk.services.count_cards.use import UseRequest, cards_by_member_no, use_card

    uses = _count(args.uses, "次数", "number of uses")
    with opened_db(args) as db:
        actor = login_from_args(db, args)
        _, cards = cards_by_member_no(db, actor, args.member)
        card = next((c for c in cards if c.card_id == args.card), None)
        if card is None:
            raise CliError(_t(f"会员 {args.member} 没有可用的计次卡 No. {args.card}",
                              f"member {args.member} has no usable count card No. {args.card}"))
        service = (card.services[0] if len(card.services) == 1 and not args.service else
                   next((sv for sv in card.services if sv.product_code == args.service), None))
        if service is None:
            raise CliError(_t("这张卡有几项服务：用 --service 指定编号",
                              "the card has several services: name one with --service")
                           if not args.service else
                           _t(f"这张卡没有服务 {args.service}", f"the card has no service {args.service}"))
        r = use_card(db, actor, UseRequest(card.card_id, service.balance_id, uses))
    print(f"{r.card_name} {r.service} ×{r.uses}  " + _t(f"剩余 {r.remaining} 次",
                                                        f"{r.remaining} left"))
    return 0


def _user(p: argparse.ArgumentParser) -> None:
    p.add_argument("--user", required=True, metavar="NAME",
                   help="act as this staff member (password on stdin)")


def register(sub: Any) -> None:
    cc = sub.add_parser("count-cards", help="count cards (计次卡): templates, list, use")
    csub = cc.add_subparsers(dest="count_cards_command", metavar="ACTION", required=True)
    p = add_command(csub, "templates", "the count card templates", cmd_templates)
    _user(p)
    p = add_command(csub, "add-template", "a new count card template (the owner)",
                    cmd_add_template)
    p.add_argument("code", metavar="CODE", help="its item code (the counter sells it by this)")
    p.add_argument("name", metavar="NAME", help="e.g. 洗车10次卡")
    p.add_argument("price", metavar="PRICE", help="price in yuan")
    p.add_argument("--service", action="append", metavar="CODE=USES", required=True,
                   help="a service product and its number of uses (repeat for several)")
    p.add_argument("--days", metavar="N", help="valid N days from the sale")
    p.add_argument("--until", metavar="YYYY-MM-DD", help="valid up to this date")
    p.add_argument("--tier-price", action="append", metavar="TIER=PRICE",
                   help="the price for a tier (repeat for several)")
    _user(p)
    p = add_command(csub, "list", "a member's count cards", cmd_list)
    p.add_argument("member", metavar="MEMBER", help="the member number")
    p.add_argument("--all", action="store_true", help="used up, expired and refunded too")
    _user(p)
    p = add_command(csub, "use", "use a member's count card (核销)", cmd_use)
    p.add_argument("member", metavar="MEMBER", help="the member number")
    p.add_argument("card", metavar="CARD", type=int, help="the card number (see list)")
    p.add_argument("--service", metavar="CODE", help="which service (when the card has several)")
    p.add_argument("--uses", default="1", metavar="N", help="how many uses (default 1)")
    _user(p)
