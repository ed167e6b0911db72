"""``memberdesk segments list|count NAME|export NAME --xlsx F`` and
``memberdesk campaigns list|run NAME|report NAME --xlsx F [--pdf F]``.

Each acts as a staff member (``--user``, password on stdin); the services check the
permissions (segments and campaigns: ``manage_promotions``; the export: the member
export's, phones masked as the role requires; the report: ``view_reports``). A run
prints its progress on stderr and can be stopped with Ctrl+C: what was issued stays
issued and running it again goes on with the rest.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .common import add_command, lang, opened_db, user_errors
from .report_cmds import add_outputs, login_from_args, report_lang


def _zh() -> bool:
    return lang() == "zh_CN"


@user_errors
def cmd_segments_list(args: argparse.Namespace) -> int:
    from memberdesk.services.segments import count_members, list_segments

    with opened_db(args) as db:
        actor = login_from_args(db, args)
        for seg in list_segments(db, actor):
            n = count_members(db, actor, seg.filters)
            print(f"{seg.name}\t{n}")
    return 0


@user_errors
def cmd_segments_count(args: argparse.Namespace) -> int:
    from memberdesk.services.segments import count_members, segment_filter

    with opened_db(args) as db:
        actor = login_from_args(db, args)
        n = count_members(db, actor, segment_filter(db, actor, args.name))
    print(f"{args.name}: {n} 位会员" if _zh() else f"{args.name}: {n} members")
    return 0


@user_errors
def cmd_segments_export(args: argparse.Namespace) -> int:
    from memberdesk.services.segments import export_segment

    with opened_db(args) as db:
        actor = login_from_args(db, args)
        res = export_segment(db, actor, args.name, Path(args.xlsx), lang=lang())
    masked = ("（手机号已打码）" if _zh() else " (phones masked)") if res.phones_masked else ""
    print(f"已导出 {res.rows} 位会员到 {res.path}{masked}" if _zh()
          else f"exported {res.rows} members to {res.path}{masked}")
    return 0


@user_errors
def cmd_campaigns_list(args: argparse.Namespace) -> int:
    from memberdesk.services.campaigns import list_campaigns

    with opened_db(args) as db:
        actor = login_from_args(db, args)
        rows = list_campaigns(db, actor)
    for c in rows:
        state = ("已完成" if _zh() else "done") if c.finished else (
            "未完成" if _zh() else "not finished")
        print(f"{c.name}\t{c.segment}\t{c.template}\t{c.first_day}..{c.last_day}\t"
              f"{c.reached}\t{c.held_out}\t{state}")
    return 0


@user_errors
def cmd_campaigns_run(args: argparse.Namespace) -> int:
    from memberdesk.services.campaigns import run_campaign

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
    from memberdesk.services.shop import shop_info

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

    camp = sub.add_parser("campaigns", help="coupon campaigns: list, run, report")
    csub = camp.add_subparsers(dest="campaigns_command", metavar="ACTION", required=True)
    _user(add_command(csub, "list", "list the campaigns", cmd_campaigns_list))
    p = add_command(csub, "run", "issue a campaign's coupons (resumes where it stopped)",
                    cmd_campaigns_run)
    p.add_argument("name", metavar="NAME")
    _user(p)
    p = add_command(csub, "report", "a campaign's result against its hold-out",
                    cmd_campaigns_report)
    p.add_argument("name", metavar="NAME")
    add_outputs(p)
    _user(p)
