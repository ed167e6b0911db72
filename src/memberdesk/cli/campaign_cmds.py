"""``memberdesk segments list|count NAME|export NAME --xlsx F`` and
``memberdesk campaigns list|run NAME|report NAME --xlsx F [--pdf F]``,
``campaigns add-member-day NAME --weekday N|--date D [--pay-percent P] [--points-times X]``,
``campaigns add-special NAME --product CODE --price Y --from T --to T``,
``campaigns add-gift NAME --min-spend Y --gift CODE [--qty N] --from T --to T`` (满赠) and
``campaigns end NAME`` (now: a promotion stops at the counter, a coupon campaign
issues no more) and ``campaigns edit NAME [options]`` (before it starts:
:mod:`.campaign_edit_cmds`). ``--segment NAME`` limits a promotion to a saved segment.

Each acts as a staff member (``--user``, password on stdin); the services check the
permissions (segments and campaigns: ``manage_promotions``; the export: the member
export's, phones masked as the role requires; the report: ``view_reports``). A run
prints its progress on stderr and can be stopped with Ctrl+C: what was issued stays
issued and running it again goes on with the rest.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .campaign_edit_cmds import add_edit
from .common import CliError, add_command, lang, opened_db, user_errors
from .report_cmds import add_outputs, login_from_args, report_lang


def _zh() -> bool:
    return lang() == "zh_CN"


@user_errors
def cmd_segments_list(args: argparse.Namespace) -> int:
    from memberdesk.services.campaigns.segments import count_members, list_segments

    with opened_db(args) as db:
        actor = login_from_args(db, args)
        for seg in list_segments(db, actor):
            n = count_members(db, actor, seg.filters)
            print(f"{seg.name}\t{n}")
    return 0


@user_errors
def cmd_segments_count(args: argparse.Namespace) -> int:
    from memberdesk.services.campaigns.segments import count_members, segment_filter

    with opened_db(args) as db:
        actor = login_from_args(db, args)
        n = count_members(db, actor, segment_filter(db, actor, args.name))
    print(f"{args.name}: {n} 位会员" if _zh() else f"{args.name}: {n} members")
    return 0


@user_errors
def cmd_segments_export(args: argparse.Namespace) -> int:
    from memberdesk.services.campaigns.segments import export_segment

    with opened_db(args) as db:
        actor = login_from_args(db, args)
        res = export_segment(db, actor, args.name, Path(args.xlsx), lang=lang())
    masked = ("（手机号已打码）" if _zh() else " (phones masked)") if res.phones_masked else ""
    print(f"已导出 {res.rows} 位会员到 {res.path}{masked}" if _zh()
          else f"exported {res.rows} members to {res.path}{masked}")
    return 0


@user_errors
def cmd_campaigns_list(args: argparse.Namespace) -> int:
    from memberdesk.services.campaigns.coupon_campaigns import list_campaigns

    with opened_db(args) as db:
        actor = login_from_args(db, args)
        rows = list_campaigns(db, actor)
    for c in rows:
        if c.kind != "coupon":
            kind = {"member_day": ("会员日", "member day"), "special": ("限时特价", "special price"),
                    "gift": ("满赠", "gift with purchase")}
            ended = ("已结束" if _zh() else "ended") if c.ended else ""
            print(f"{c.name}\t{kind[c.kind][0 if _zh() else 1]}\t{c.product}\t"
                  f"{c.first_day}..{c.last_day}\t{c.segment}\t{ended}".rstrip())
            continue
        state = ("已完成" if _zh() else "done") if c.finished else (
            "未完成" if _zh() else "not finished")
        if c.ended:
            state = "已结束" if _zh() else "ended"
        print(f"{c.name}\t{c.segment}\t{c.template}\t{c.first_day}..{c.last_day}\t"
              f"{c.reached}\t{c.held_out}\t{state}")
    return 0


@user_errors
def cmd_campaigns_run(args: argparse.Namespace) -> int:
    from memberdesk.services.campaigns.coupon_campaigns import run_campaign

    last = [0]

    def step(done: int, total: int) -> bool:
        if total and (done == total or done - last[0] >= max(total // 20, 1)):
            last[0] = done
            print(f"{done}/{total}", file=sys.stderr, flush=True)
        return True

    with opened_db(args) as db:
        actor = login_from_args(db, args)
        res = run_campaign(db, actor, args.name, step=step)
    print(f"活动“{res.name}”：本次发券 {res.issued} 张，对照组 {res.held_out} 位；"
          f"累计触达 {res.reached} 位，对照组 {res.held_out_total} 位" if _zh()
          else f"campaign “{res.name}”: {res.issued} coupons issued and {res.held_out} members "
          f"held out by this run; {res.reached} reached and {res.held_out_total} held out in all")
    return 0


@user_errors
def cmd_campaigns_report(args: argparse.Namespace) -> int:
    from memberdesk.services.reporting.campaign_report import (
        campaign_document,
        campaign_report,
        percent_text,
    )
    from memberdesk.services.reporting.export import export_document
    from memberdesk.services.shop.setup import shop_info

    with opened_db(args) as db:
        actor = login_from_args(db, args)
        rep = campaign_report(db, actor, args.name)
        doc = campaign_document(rep, shop_info(db).name, rep.generated_at, report_lang(db, args))
    rate = percent_text(rep.redemption_permille)
    print(f"{rep.name}: 发券 {rep.issued}，核销 {rep.redeemed}（{rate}），人均差异 "
          f"{rep.difference.display()} 元" if _zh()
          else f"{rep.name}: {rep.issued} issued, {rep.redeemed} redeemed ({rate}), "
          f"difference per member {rep.difference.display()} yuan")
    xlsx = Path(args.xlsx) if args.xlsx else None
    pdf = Path(args.pdf) if args.pdf else None
    for path in export_document(doc, xlsx=xlsx, pdf=pdf):
        print(("已导出: " if _zh() else "written: ") + str(path))
    return 0


def _tiers(text: str | None) -> tuple[str, ...]:
    return tuple(t for t in (text or "").replace("，", ",").split(",") if t.strip())


def _number(text: str | None, scale: int, default: int, zh: str, en: str) -> int:
    from memberdesk.domain.promotions import parse_scaled

    if text is None:
        return default
    value = parse_scaled(text, scale)
    if value is None:
        raise CliError(f"{zh}“{text}”不是数字" if _zh() else f"the {en} “{text}” is not a number")
    return value


def _when(text: str, zh: str, en: str) -> datetime:
    from memberdesk.domain.promotions import parse_shop_time

    value = parse_shop_time(text)
    if value is None:
        raise CliError(f"{zh}“{text}”应为 YYYY-MM-DD HH:MM" if _zh()
                       else f"the {en} “{text}” should be YYYY-MM-DD HH:MM")
    return value


def _added(row: Any) -> None:
    print(f"已创建活动“{row.name}”：{row.first_day} 至 {row.last_day}" if _zh()
          else f"campaign “{row.name}” created: {row.first_day} to {row.last_day}")


@user_errors
def cmd_campaigns_add_member_day(args: argparse.Namespace) -> int:
    from memberdesk.services.campaigns.promotions import MemberDayRequest, add_member_day

    weekday = None
    if args.weekday is not None:
        weekday = _number(args.weekday, 1, 0, "星期", "weekday") - 1
    on_day = None
    if args.date is not None:
        try:
            on_day = date.fromisoformat(args.date.strip())
        except ValueError:
            raise CliError(f"日期“{args.date}”应为 YYYY-MM-DD" if _zh()
                           else f"the date “{args.date}” should be YYYY-MM-DD") from None
    request = MemberDayRequest(
        args.name, weekday, on_day,
        discount_permille=_number(args.pay_percent, 10, 1000, "折扣", "price percent"),
        multiplier_permille=_number(args.points_times, 1000, 1000, "积分倍数",
                                    "points multiplier"),
        tiers=_tiers(args.tiers),
        holdout_permille=_number(args.holdout, 10, 100, "对照组比例", "hold-out share"),
        days=_number(args.days, 1, 30, "天数", "days"), segment=args.segment or "")
    with opened_db(args) as db:
        actor = login_from_args(db, args)
        _added(add_member_day(db, actor, request))
    return 0


@user_errors
def cmd_campaigns_add_special(args: argparse.Namespace) -> int:
    from memberdesk.services.campaigns.promotions import SpecialRequest, add_special
    from memberdesk.services.shared.requests import parse_amount

    request = SpecialRequest(
        args.name, args.product, parse_amount(args.price, "特价" if _zh() else "special price"),
        _when(args.starts, "开始时间", "start"), _when(args.ends, "结束时间", "end"),
        members_only=args.members_only, tiers=_tiers(args.tiers),
        holdout_permille=_number(args.holdout, 10, 0, "对照组比例", "hold-out share"),
        segment=args.segment or "")
    with opened_db(args) as db:
        actor = login_from_args(db, args)
        _added(add_special(db, actor, request))
    return 0


@user_errors
def cmd_campaigns_add_gift(args: argparse.Namespace) -> int:
    from memberdesk.services.campaigns.gifts import GiftRequest, add_gift
    from memberdesk.services.shared.requests import parse_amount

    request = GiftRequest(
        args.name, args.gift, parse_amount(args.min_spend, "满赠门槛" if _zh() else "minimum spend"),
        _when(args.starts, "开始时间", "start"), _when(args.ends, "结束时间", "end"),
        qty=_number(args.qty, 1, 1, "赠品数量", "gift quantity"),
        members_only=args.members_only, tiers=_tiers(args.tiers),
        holdout_permille=_number(args.holdout, 10, 100, "对照组比例", "hold-out share"),
        segment=args.segment or "")
    with opened_db(args) as db:
        actor = login_from_args(db, args)
        _added(add_gift(db, actor, request))
    return 0


@user_errors
def cmd_campaigns_end(args: argparse.Namespace) -> int:
    from memberdesk.services.campaigns.promotions import end_campaign

    with opened_db(args) as db:
        actor = login_from_args(db, args)
        row = end_campaign(db, actor, args.name)
    print(f"活动“{row.name}”已结束" if _zh() else f"campaign “{row.name}” ended")
    return 0


def _window_args(p: argparse.ArgumentParser, holdout_default: int) -> None:
    """A special price's or gift's window (shop time), who it is for, and --user."""
    p.add_argument("--from", dest="starts", required=True, metavar="'YYYY-MM-DD HH:MM'",
                   help="start, shop time (included)")
    p.add_argument("--to", dest="ends", required=True, metavar="'YYYY-MM-DD HH:MM'",
                   help="end, shop time (excluded)")
    p.add_argument("--members-only", action="store_true", help="members only")
    p.add_argument("--tiers", metavar="CODES", help="only these tiers (comma list)")
    p.add_argument("--segment", metavar="NAME", help="only the members of this segment")
    p.add_argument("--holdout", metavar="PERCENT",
                   help=f"hold-out share (default {holdout_default})")
    _user(p)


def _user(p: argparse.ArgumentParser) -> None:
    p.add_argument("--user", required=True, metavar="NAME",
                   help="act as this staff member (password on stdin)")


def register(sub: Any) -> None:
    seg = sub.add_parser("segments", help="saved member filters: list, count, export")
    ssub = seg.add_subparsers(dest="segments_command", metavar="ACTION", required=True)
    _user(add_command(ssub, "list", "list the segments with their member counts",
                      cmd_segments_list))
    p = add_command(ssub, "count", "count the members of a segment", cmd_segments_count)
    p.add_argument("name", metavar="NAME")
    _user(p)
    p = add_command(ssub, "export", "write a segment's members to an .xlsx", cmd_segments_export)
    p.add_argument("name", metavar="NAME")
    p.add_argument("--xlsx", required=True, metavar="FILE", help="the .xlsx to write")
    _user(p)

    camp = sub.add_parser("campaigns",
                          help="campaigns: coupons, member days, special prices, gifts")
    csub = camp.add_subparsers(dest="campaigns_command", metavar="ACTION", required=True)
    _user(add_command(csub, "list", "list the campaigns", cmd_campaigns_list))
    p = add_command(csub, "run", "issue a campaign's coupons (resumes where it stopped)",
                    cmd_campaigns_run)
    p.add_argument("name", metavar="NAME")
    _user(p)
    p = add_command(csub, "add-member-day", "add a member day (会员日): a weekday or a date "
                    "with a discount and/or a points multiplier", cmd_campaigns_add_member_day)
    p.add_argument("name", metavar="NAME")
    day = p.add_mutually_exclusive_group(required=True)
    day.add_argument("--weekday", metavar="N", help="1 Monday .. 7 Sunday")
    day.add_argument("--date", metavar="YYYY-MM-DD", help="one date instead of a weekday")
    p.add_argument("--pay-percent", metavar="P", help="members pay P%% of the price (e.g. 90)")
    p.add_argument("--points-times", metavar="X", help="points multiplier (e.g. 2 or 1.5)")
    p.add_argument("--tiers", metavar="CODES", help="only these tiers (comma list)")
    p.add_argument("--holdout", metavar="PERCENT", help="hold-out share (default 10)")
    p.add_argument("--days", metavar="N", help="days it runs from today (default 30)")
    p.add_argument("--segment", metavar="NAME", help="only the members of this segment")
    _user(p)
    p = add_command(csub, "add-special", "add a special price (限时特价) for a time window",
                    cmd_campaigns_add_special)
    p.add_argument("name", metavar="NAME")
    p.add_argument("--product", required=True, metavar="CODE", help="barcode or code")
    p.add_argument("--price", required=True, metavar="YUAN")
    _window_args(p, holdout_default=0)
    p = add_command(csub, "add-gift", "add a gift with a purchase (满赠): a sale of at least "
                    "an amount gets a product free", cmd_campaigns_add_gift)
    p.add_argument("name", metavar="NAME")
    p.add_argument("--min-spend", required=True, metavar="YUAN",
                   help="what a sale must come to, after discounts")
    p.add_argument("--gift", required=True, metavar="CODE", help="the gift: barcode or code")
    p.add_argument("--qty", metavar="N", help="how many (default 1)")
    _window_args(p, holdout_default=10)
    p = add_command(csub, "end", "end a campaign now (a coupon campaign issues no more)",
                    cmd_campaigns_end)
    p.add_argument("name", metavar="NAME")
    _user(p)
    add_edit(csub, _user)
    p = add_command(csub, "report", "a campaign's result against its hold-out",
                    cmd_campaigns_report)
    p.add_argument("name", metavar="NAME")
    add_outputs(p)
    _user(p)
