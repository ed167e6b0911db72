"""``memberdesk tiers list|set``, ``memberdesk coupons templates|add-template|issue``
and ``memberdesk recharge-rules list|add|end``: the loyalty rules without the GUI.

Lists need no login; changes log in as ``--user NAME`` (password from the terminal
or stdin). Only the owner changes tiers, coupon templates and recharge offers; a
manager or the owner issues coupons. Amounts are in yuan, a discount is the share
paid in percent (95 = 九五折), dates are the shop's (YYYY-MM-DD, the last day
included)."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING, Any

from .common import CliError, add_command, lang, opened_db, read_password, user_errors

if TYPE_CHECKING:
    from memberdesk.db import Database
    from memberdesk.money import Money
    from memberdesk.services.shared.context import Actor


def _t(zh: str, en: str) -> str:
    return zh if lang() == "zh_CN" else en


def _login(db: Database, args: argparse.Namespace) -> Actor:
    from memberdesk.services.staff.accounts import login

    return login(db, args.user, read_password(f"{args.user} 的密码 / password: "))


def _money(text: str, zh: str, en: str) -> Money:
    from memberdesk.services.shared.requests import parse_amount

    return parse_amount(text, _t(zh, en))


def _permille(text: str, scale: int, zh: str, en: str) -> int:
    """``"95"`` (percent) -> 950 with scale 10; ``"1.5"`` (times) -> 1500 with 1000."""
    from decimal import Decimal, InvalidOperation

    from memberdesk.money import ascii_digits

    try:
        value = Decimal(ascii_digits(text.strip().rstrip("%×xX")) or "?")
    except (InvalidOperation, ValueError):
        raise CliError(_t(f"{zh} {text} 不是数字", f"the {en} {text} is not a number")) from None
    if not value.is_finite():
        raise CliError(_t(f"{zh} {text} 不是数字", f"the {en} {text} is not a number"))
    return int((value * scale).to_integral_value())


def _int(text: str | None, zh: str, en: str) -> int | None:
    if text is None or not text.strip():
        return None
    try:
        return int(text)
    except ValueError:
        raise CliError(_t(f"{zh} {text} 应为整数", f"the {en} {text} should be a whole number")
                       ) from None


def _date(text: str | None) -> date | None:
    from memberdesk.services.shared.errors import ValidationError

    if text is None or not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError("invalid_date", text=text[:20]) from None


def _table(head: list[str], lines: list[list[str]]) -> None:
    from memberdesk.services.receipts.text import text_width

    widths = [max(text_width(r[i]) for r in [head, *lines]) for i in range(len(head))]
    for r in [head, *lines]:
        print("  ".join(c + " " * max(0, w - text_width(c))
                        for c, w in zip(r, widths, strict=True)).rstrip())


def _pct(permille: int) -> str:
    return f"{permille / 10:g}%"


def _days(first: date | None, last: date | None) -> str:
    a = first.isoformat() if first else ""
    b = last.isoformat() if last else ""
    if not a and not b:
        return _t("长期", "always")
    return f"{a}~{b}"


# -- tiers ----------------------------------------------------------------------------------

@user_errors
def cmd_tiers(args: argparse.Namespace) -> int:
    from memberdesk.services.loyalty import tiers_admin as ta

    with opened_db(args) as db:
        if args.tiers_command == "list":
            rows = ta.list_tier_rows(db)
            _table([_t("编号", "code"), _t("名称", "name"), _t("顺序", "order"),
                    _t("折扣(付)", "paid"), _t("积分倍数", "points ×"),
                    _t("升级门槛", "threshold"), _t("会员数", "members"), _t("状态", "state")],
                   [[r.code, r.name, str(r.rank), _pct(r.discount_permille),
                     f"{r.points_multiplier_permille / 1000:g}×", r.upgrade_threshold.yuan(),
                     str(r.members), _t("启用", "active") if r.active else _t("停用", "inactive")]
                    for r in rows])
            return 0
        actor = _login(db, args)
        changes: dict[str, Any] = {}
        if args.name is not None:
            changes["name"] = args.name
        if args.order is not None:
            changes["rank"] = _int(args.order, "顺序", "order")
        if args.discount is not None:
            changes["discount_permille"] = _permille(args.discount, 10, "折扣", "discount")
        if args.multiplier is not None:
            changes["points_multiplier_permille"] = _permille(args.multiplier, 1000, "积分倍数",
                                                              "multiplier")
        if args.threshold is not None:
            changes["upgrade_threshold"] = _money(args.threshold, "升级门槛", "threshold")
        existing = {key for r in ta.list_tier_rows(db) for key in (r.code, r.name)}
        if args.code in existing:
            if not changes and args.active is None:
                raise CliError(_t("没有要修改的内容（见 --help）", "nothing to change (see --help)"))
            row = ta.edit_tier(db, actor, args.code, **changes) if changes else None
            if args.active is not None:
                row = ta.set_tier_active(db, actor, args.code, args.active)
            done = _t("已修改", "changed")
        else:
            if "name" not in changes:
                raise CliError(_t("新等级请用 --name 给出名称", "a new tier needs --name"))
            if "rank" not in changes:
                changes["rank"] = max((r.rank for r in ta.list_tier_rows(db)), default=0) + 1
            row = ta.add_tier(db, actor, ta.TierDraft(code=args.code, **changes))
            done = _t("已添加", "added")
    assert row is not None
    print(f"{done}: {row.code} {row.name} {_pct(row.discount_permille)} "
          f"{row.points_multiplier_permille / 1000:g}× {row.upgrade_threshold.yuan()}")
    return 0


# -- coupons --------------------------------------------------------------------------------

KINDS = {"amount": "amount_off", "percent": "percent_off", "item": "fixed_price_item"}


@user_errors
def cmd_coupons(args: argparse.Namespace) -> int:
    from memberdesk.models.enums import CouponKind
    from memberdesk.services.coupons import admin as ca

    with opened_db(args) as db:
        if args.coupons_command == "templates":
            rows = ca.list_coupon_templates(db)
            if not rows:
                print(_t("还没有优惠券：用 memberdesk coupons add-template 添加",
                         "no coupons yet: add one with memberdesk coupons add-template"))
                return 0
            _table([_t("编号", "code"), _t("名称", "name"), _t("优惠", "offer"),
                    _t("满", "min spend"), _t("适用", "for"), _t("有效期", "valid"),
                    _t("已发/已用", "issued/used"), _t("状态", "state")],
                   [[r.code, r.name, _offer(r), r.min_spend.yuan(),
                     "、".join(r.targets) or _t("全部", "all"), _valid(r),
                     f"{r.issued}/{r.used}",
                     _t("启用", "active") if r.active else _t("停用", "inactive")] for r in rows])
            return 0
        actor = _login(db, args)
        if args.coupons_command == "issue":
            issued = ca.issue_coupon(db, actor, args.template, args.member, args.count)
            print(_t("已发给", "issued to") + f" {issued.member_name} ({issued.member_no}): "
                  + " ".join(issued.codes))
            return 0
        if args.coupons_command in ("deactivate", "activate"):
            row = ca.set_coupon_template_active(db, actor, args.template,
                                                args.coupons_command == "activate")
            print((_t("已启用", "activated") if row.active else _t("已停用", "deactivated"))
                  + f": {row.code} {row.name}")
            return 0
        kind = CouponKind(KINDS[args.kind])
        value = _money(args.value, "金额", "amount") if args.value else _zero()
        request = ca.CouponTemplateRequest(
            code=args.code, name=args.name, kind=kind, value=value,
            percent_paid=_permille(args.paid, 10, "应付比例", "share paid") if args.paid else 0,
            max_discount=_money(args.max_off, "最多优惠", "largest discount")
            if args.max_off else None,
            min_spend=_money(args.min_spend, "最低消费", "minimum spend")
            if args.min_spend else _zero(),
            categories=tuple(args.category or ()), products=tuple(args.product or ()),
            first_day=_date(args.start), last_day=_date(args.end),
            valid_days=_int(args.days, "有效天数", "days"), hours=args.hours or "",
            stackable=args.stackable, per_member_limit=_int(args.per_member, "每人限用",
                                                            "per-member limit"),
            total_limit=_int(args.total, "总共限用", "total limit"))
        row = ca.add_coupon_template(db, actor, request)
    print(_t("已添加", "added") + f": {row.code} {row.name} {_offer(row)}")
    return 0


def _zero() -> Money:
    from memberdesk.money import Money

    return Money(0)


def _offer(r: Any) -> str:
    from memberdesk.models.enums import CouponKind

    if r.kind is CouponKind.AMOUNT_OFF:
        return _t(f"减{r.value.yuan()}", f"{r.value.yuan()} off")
    if r.kind is CouponKind.PERCENT_OFF:
        cap = f" ≤{r.max_discount.yuan()}" if r.max_discount else ""
        return _t(f"付{_pct(r.percent_paid)}", f"pay {_pct(r.percent_paid)}") + cap
    return _t(f"特价{r.value.yuan()}", f"at {r.value.yuan()}")


def _valid(r: Any) -> str:
    parts = []
    if r.first_day or r.last_day:
        parts.append(_days(r.first_day, r.last_day))
    if r.valid_days:
        parts.append(_t(f"发出后{r.valid_days}天", f"{r.valid_days} days"))
    if r.hours:
        parts.append(r.hours)
    return " ".join(parts) or _t("长期", "always")


# -- recharge offers ------------------------------------------------------------------------

STATES = {"running": ("进行中", "running"), "scheduled": ("未开始", "scheduled"),
          "ended": ("已结束", "ended")}


@user_errors
def cmd_recharge_rules(args: argparse.Namespace) -> int:
    from memberdesk.services.stored_value import offers_admin as ra

    with opened_db(args) as db:
        if args.rules_command == "list":
            rows = ra.list_recharge_offers(db)
            if not rows:
                print(_t("还没有充值活动：用 memberdesk recharge-rules add 添加",
                         "no recharge offers yet: add one with memberdesk recharge-rules add"))
                return 0
            _table(["id", _t("名称", "name"), _t("充值满", "threshold"), _t("送金额", "bonus"),
                    _t("送积分", "points"), _t("送券", "coupon"), _t("等级", "tier"),
                    _t("日期", "dates"), _t("状态", "state")],
                   [[str(r.id), r.name, r.threshold.yuan(), r.bonus.yuan(), str(r.bonus_points),
                     r.coupon_code, r.tier_name or _t("全部", "all"),
                     _days(r.first_day, r.last_day), _t(*STATES[r.state])] for r in rows])
            return 0
        actor = _login(db, args)
        if args.rules_command == "end":
            row = ra.end_recharge_offer(db, actor, args.id)
            print(_t("已结束", "ended") + f": {row.id} {row.name}")
            return 0
        request = ra.RechargeOfferRequest(
            name=args.name or _t(f"充{args.threshold}送{args.bonus or 0}",
                                 f"{args.threshold} gets {args.bonus or 0}"),
            threshold=_money(args.threshold, "充值门槛", "threshold"),
            bonus=_money(args.bonus, "赠送金额", "bonus") if args.bonus else _zero(),
            bonus_points=_int(args.points, "赠送积分", "bonus points") or 0,
            coupon=args.coupon or "", tier=args.tier or "",
            first_day=_date(args.start), last_day=_date(args.end))
        row = ra.add_recharge_offer(db, actor, request)
    print(_t("已添加", "added") + f": {row.id} {row.name}")
    return 0


def _user(p: argparse.ArgumentParser, who: str = "the owner") -> None:
    p.add_argument("--user", required=True, metavar="NAME",
                   help=f"act as this staff member, {who} (password on stdin)")


def register(sub: Any) -> None:
    tiers = sub.add_parser("tiers", help="membership tiers: list, set")
    tsub = tiers.add_subparsers(dest="tiers_command", metavar="ACTION", required=True)
    add_command(tsub, "list", "list the tiers, inactive ones too", cmd_tiers)
    p = add_command(tsub, "set", "add a tier or change one (only the options given)", cmd_tiers)
    p.add_argument("code", metavar="CODE", help="the tier's code (or name, to change one)")
    _user(p)
    p.add_argument("--name", help="the tier's name, e.g. 金卡会员")
    p.add_argument("--order", metavar="N", help="its place, 1 the lowest (a new tier: last)")
    p.add_argument("--discount", metavar="PERCENT",
                   help="the share paid when a product has no member price: 95 = 九五折")
    p.add_argument("--multiplier", metavar="TIMES", help="points multiplier, e.g. 1.5")
    p.add_argument("--threshold", metavar="YUAN", help="upgrade threshold (spend) in yuan")
    p.add_argument("--deactivate", dest="active", action="store_const", const=False,
                   help="deactivate it (refused while members hold it)")
    p.add_argument("--activate", dest="active", action="store_const", const=True,
                   help="activate it again")
    p.set_defaults(active=None)

    coupons = sub.add_parser("coupons", help="coupons: templates, add-template, issue")
    csub = coupons.add_subparsers(dest="coupons_command", metavar="ACTION", required=True)
    add_command(csub, "templates", "list the coupon templates", cmd_coupons)
    p = add_command(csub, "add-template", "add a coupon template", cmd_coupons)
    p.add_argument("code", metavar="CODE", help="the coupon's code, e.g. OFF5")
    _user(p)
    p.add_argument("--name", required=True, help="its name, e.g. 满20减5")
    p.add_argument("--kind", choices=sorted(KINDS), default="amount",
                   help="amount: an amount off; percent: a share paid; item: one item at "
                        "a fixed price")
    p.add_argument("--value", metavar="YUAN", help="the amount off, or the item's price")
    p.add_argument("--paid", metavar="PERCENT", help="percent coupons: the share paid, 80 = 八折")
    p.add_argument("--max-off", metavar="YUAN", help="percent coupons: the largest discount")
    p.add_argument("--min-spend", metavar="YUAN", help="the least spend it needs")
    p.add_argument("--category", action="append", metavar="CODE",
                   help="only for this category (code or name); repeatable")
    p.add_argument("--product", action="append", metavar="CODE",
                   help="only for this product (code or name); repeatable")
    p.add_argument("--start", metavar="YYYY-MM-DD", help="usable from this day")
    p.add_argument("--end", metavar="YYYY-MM-DD", help="usable until this day (included)")
    p.add_argument("--days", metavar="N", help="usable for N days after it is issued")
    p.add_argument("--hours", metavar="HH:MM-HH:MM", help="usable only in these hours")
    p.add_argument("--stackable", action="store_true", help="combines with other coupons")
    p.add_argument("--per-member", metavar="N", help="uses per member")
    p.add_argument("--total", metavar="N", help="uses in all")
    p = add_command(csub, "issue", "give a member coupons of a template", cmd_coupons)
    p.add_argument("template", metavar="TEMPLATE", help="the template's code or name")
    p.add_argument("member", metavar="MEMBER",
                   help="the member's whole phone number, card or member number")
    p.add_argument("--count", type=int, default=1, help="how many (default 1)")
    _user(p, "a manager or the owner")
    for name in ("deactivate", "activate"):
        p = add_command(csub, name, f"{name} a coupon template", cmd_coupons)
        p.add_argument("template", metavar="TEMPLATE", help="the template's code or name")
        _user(p)

    rules = sub.add_parser("recharge-rules", help="recharge offers (充值活动): list, add, end")
    rsub = rules.add_subparsers(dest="rules_command", metavar="ACTION", required=True)
    add_command(rsub, "list", "list the offers, ended ones too", cmd_recharge_rules)
    p = add_command(rsub, "add", "add an offer: a recharge of THRESHOLD or more gets the bonus",
                    cmd_recharge_rules)
    p.add_argument("threshold", metavar="YUAN", help="the least recharge, in yuan")
    _user(p)
    p.add_argument("--bonus", metavar="YUAN", help="bonus stored value (at most the threshold)")
    p.add_argument("--points", metavar="N", help="bonus points")
    p.add_argument("--coupon", metavar="TEMPLATE", help="a coupon given (code or name)")
    p.add_argument("--tier", metavar="TIER", help="only for this tier (code or name)")
    p.add_argument("--name", help="the offer's name (default: 充THRESHOLD送BONUS)")
    p.add_argument("--start", metavar="YYYY-MM-DD", help="first day (default: today)")
    p.add_argument("--end", metavar="YYYY-MM-DD", help="last day, included (default: none)")
    p = add_command(rsub, "end", "end an offer now", cmd_recharge_rules)
    p.add_argument("id", type=int, metavar="ID", help="the offer's id (see list)")
    _user(p)
