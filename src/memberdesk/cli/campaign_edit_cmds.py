"""``memberdesk campaigns edit NAME [options]``: correct a campaign before it starts
(issue 14). Only the options given change; the rest stay as they are
(:func:`memberdesk.services.campaigns.edit.request_of`). An option that is not a field
of the campaign's kind is a one-line mistake; a campaign that has started is refused
by the service (end it with ``campaigns end NAME``)."""

from __future__ import annotations

import argparse
from dataclasses import fields, replace
from datetime import date
from typing import Any

from .common import CliError, add_command, lang, opened_db, user_errors
from .report_cmds import login_from_args

# option (its dest) -> the request field it sets
_FIELDS = {
    "new_name": "name", "segment": "segment", "template": "template",
    "holdout": "holdout_permille", "days": "days", "first_day": "first_day",
    "weekday": "weekday", "date": "on_day", "pay_percent": "discount_permille",
    "points_times": "multiplier_permille", "tiers": "tiers", "product": "product",
    "price": "price", "gift": "product", "min_spend": "min_spend", "qty": "qty",
    "starts": "starts", "ends": "ends", "members_only": "members_only",
}


def _zh() -> bool:
    return lang() == "zh_CN"


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise CliError(f"日期“{text}”应为 YYYY-MM-DD" if _zh()
                       else f"the date “{text}” should be YYYY-MM-DD") from None


def _value(dest: str, text: str) -> Any:
    from memberdesk.services.shared.requests import parse_amount

    from .campaign_cmds import _number, _tiers, _when

    if dest in ("new_name", "segment", "template", "product", "gift"):
        return text.strip()
    if dest == "members_only":
        if text not in ("yes", "no"):
            raise CliError("--members-only 应为 yes 或 no" if _zh()
                           else "--members-only takes yes or no")
        return text == "yes"
    if dest in ("first_day", "date"):
        return _day(text)
    if dest in ("price", "min_spend"):
        return parse_amount(text, "金额" if _zh() else "amount")
    if dest in ("starts", "ends"):
        return _when(text, "时间", "time")
    if dest == "tiers":
        return _tiers(text)
    scale = {"holdout": 10, "pay_percent": 10, "points_times": 1000}.get(dest, 1)
    value = _number(text, scale, 0, "数值", dest.replace("_", " "))
    return value - 1 if dest == "weekday" else value


@user_errors
def cmd_campaigns_edit(args: argparse.Namespace) -> int:
    from memberdesk.services.campaigns.edit import edit_campaign, request_of

    with opened_db(args) as db:
        actor = login_from_args(db, args)
        request = request_of(db, actor, args.name)
        names = {f.name for f in fields(request)}
        changes: dict[str, Any] = {}
        for dest, field in _FIELDS.items():
            text = getattr(args, dest, None)
            if text is None:
                continue
            kind_only = {"gift": "min_spend", "product": "price"}.get(dest)
            if field not in names or (kind_only and kind_only not in names):
                option = "--" + dest.replace("_", "-").replace("new-name", "name")
                raise CliError(f"{option} 不适用于活动“{args.name}”" if _zh()
                               else f"{option} does not apply to “{args.name}”")
            changes[field] = _value(dest, text)
        if "weekday" in changes:
            changes["on_day"] = None
        if "on_day" in changes and "weekday" in names:
            changes["weekday"] = None
        if args.no_segment:
            changes["segment"] = ""
        if not changes:
            raise CliError("没有要修改的内容" if _zh() else "nothing to change")
        row = edit_campaign(db, actor, args.name, replace(request, **changes))
    print(f"已修改活动“{row.name}”：{row.first_day} 至 {row.last_day}" if _zh()
          else f"campaign “{row.name}” changed: {row.first_day} to {row.last_day}")
    return 0


def add_edit(csub: Any, user: Any) -> None:
    p = add_command(csub, "edit", "correct a campaign before it starts (only the options "
                    "given change)", cmd_campaigns_edit)
    p.add_argument("name", metavar="NAME")
    p.add_argument("--name", dest="new_name", metavar="NEW", help="a new name")
    seg = p.add_mutually_exclusive_group()
    seg.add_argument("--segment", metavar="NAME", help="only the members of this segment")
    seg.add_argument("--no-segment", action="store_true", help="no segment (promotions)")
    for option, meta, text in (
            ("--template", "CODE", "coupon campaign: the coupon template"),
            ("--holdout", "PERCENT", "hold-out share"),
            ("--days", "N", "days it runs (coupon campaign, member day)"),
            ("--first-day", "YYYY-MM-DD", "its first day (coupon campaign, member day)"),
            ("--weekday", "N", "member day: 1 Monday .. 7 Sunday"),
            ("--date", "YYYY-MM-DD", "member day: one date instead of a weekday"),
            ("--pay-percent", "P", "member day: members pay P%% of the price"),
            ("--points-times", "X", "member day: points multiplier"),
            ("--tiers", "CODES", "only these tiers (comma list; empty: all)"),
            ("--product", "CODE", "special price: the product"),
            ("--price", "YUAN", "special price: the price"),
            ("--gift", "CODE", "gift (满赠): the gift product"),
            ("--min-spend", "YUAN", "gift (满赠): what a sale must come to"),
            ("--qty", "N", "gift (满赠): how many"),
            ("--from", "'YYYY-MM-DD HH:MM'", "special price, gift: start (shop time)"),
            ("--to", "'YYYY-MM-DD HH:MM'", "special price, gift: end (shop time, excluded)"),
            ("--members-only", "yes|no", "special price, gift: members only")):
        dest = {"--from": "starts", "--to": "ends"}.get(option)
        if dest:
            p.add_argument(option, dest=dest, metavar=meta, help=text)
        else:
            p.add_argument(option, metavar=meta, help=text)
    user(p)
