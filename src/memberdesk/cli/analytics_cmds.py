"""``memberdesk analytics refresh [--as-of DATE] [--rebuild] --user NAME`` and
``memberdesk analytics members --xlsx FILE [--as-of DATE] --user NAME`` and
``memberdesk analytics recommendations MEMBER_NO [--cart CODE ...] --user NAME``.

``refresh`` recomputes every member's scores (what the daily jobs do each day) as of
the date (``--rebuild``: the purchase figures from all the sales, not only what changed); ``members`` writes one row per member in the issue's columns. Both act as a
staff member (password on stdin); the services check the permissions (the reports for
a refresh, the member export for the workbook) and audit the export. A date after the
shop's today is refused. ``recommendations`` prints what the counter suggests for the
member (their regular products due; with ``--cart``, what is often bought with those
products), as any staff member sees it on the member card.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from .common import add_command, lang, opened_db, user_errors
from .report_cmds import login_from_args, parse_date


def _zh() -> bool:
    return lang() == "zh_CN"


@user_errors
def cmd_refresh(args: argparse.Namespace) -> int:
    from memberdesk.services.analytics.refresh import refresh_member_scores

    as_of = parse_date(args.as_of) if args.as_of else None
    with opened_db(args) as db:
        actor = login_from_args(db, args)
        res = refresh_member_scores(db, actor, as_of, rebuild=args.rebuild)
    day = res.as_of.isoformat()
    if _zh():
        print(f"会员分析已更新（截至 {day}）：{res.members} 位会员，{res.scored} 位有消费评分，"
              f"{res.churn} 位流失预警")
    else:
        print(f"member analytics refreshed as of {day}: {res.members} members, "
              f"{res.scored} scored, {res.churn} churn warnings")
    if as_of is not None and res.members and res.as_of != res.today:
        print("注意：收银台的会员卡现在显示这一天的分析，直到明天的每日任务或不带 --as-of 再运行一次"
              if _zh() else "note: the counter's member cards now show this date's figures until "
              "tomorrow's daily job or a refresh without --as-of")
    rec = res.recommend
    if rec is not None and not rec.off:
        print(f"收银台推荐：{rec.members} 位会员有该买的常购商品，{rec.pairs} 条常一起买" if _zh()
              else f"counter suggestions: {rec.members} members with regular products due, "
              f"{rec.pairs} bought-together rows")
    if res.model is not None:
        m = res.model
        print(f"BG/NBD: r={m.r:.3f} alpha={m.alpha:.2f} a={m.a:.3f} b={m.b:.3f} "
              f"({m.members} {'位会员' if _zh() else 'members'})")
    return 0


@user_errors
def cmd_members(args: argparse.Namespace) -> int:
    from memberdesk.services.analytics.export import export_member_analytics

    as_of = parse_date(args.as_of) if args.as_of else None
    with opened_db(args) as db:
        actor = login_from_args(db, args)
        res = export_member_analytics(db, actor, Path(args.xlsx), as_of, lang=lang())
    day = res.as_of.isoformat()
    print(f"已导出 {res.rows} 位会员的分析（截至 {day}）到 {res.path}" if _zh()
          else f"exported the analytics of {res.rows} members as of {day} to {res.path}")
    return 0


@user_errors
def cmd_recommendations(args: argparse.Namespace) -> int:
    from memberdesk.services.analytics.recommend_read import counter_suggestions

    zh = _zh()
    with opened_db(args) as db:
        actor = login_from_args(db, args)
        res = counter_suggestions(db, actor, args.member_no, args.cart or ())
    print(f"{res.member_no} {res.name}")
    if not res.on:
        print("收银台推荐已关闭（设置 analytics.recommendations）" if zh else
              "suggestions at the counter are off (setting analytics.recommendations)")
        return 0
    language = "zh_CN" if zh else "en"
    if not res.due and not res.together:
        print("没有推荐" if zh else "no suggestions")
    if res.due:
        print(("推荐：" if zh else "Due: ") + ("、" if zh else "; ").join(
            d.text(res.today, language) for d in res.due))
    if res.together:
        print(("常一起买：" if zh else "Often bought with the cart: ") + ("、" if zh else "; ")
              .join(t.name for t in res.together))
    return 0


def _add(p: argparse.ArgumentParser) -> None:
    p.add_argument("--as-of", metavar="DATE",
                   help="the business date to analyse as of (YYYY-MM-DD; default the shop's today)")
    p.add_argument("--user", required=True, metavar="NAME",
                   help="act as this staff member (password on stdin)")


def register(sub: Any) -> None:
    analytics = sub.add_parser("analytics",
                               help="member analytics: refresh, members, recommendations")
    asub = analytics.add_subparsers(dest="analytics_command", metavar="ACTION", required=True)
    p = add_command(asub, "refresh", "recompute every member's RFM, grade, lifecycle and "
                    "churn warning", cmd_refresh)
    _add(p)
    p.add_argument("--rebuild", action="store_true",
                   help="work out every member's purchase figures again from all the sales "
                        "(the daily refresh folds in only what changed since the last)")
    p = add_command(asub, "members", "write every member's analytics to an .xlsx", cmd_members)
    p.add_argument("--xlsx", required=True, metavar="FILE", help="the .xlsx to write")
    _add(p)
    p = add_command(asub, "recommendations", "print what the counter suggests for a member",
                    cmd_recommendations)
    p.add_argument("member_no", metavar="MEMBER_NO", help="the member's number")
    p.add_argument("--cart", nargs="*", metavar="CODE",
                   help="product codes or barcodes in the cart (for 'often bought with')")
    p.add_argument("--user", required=True, metavar="NAME",
                   help="act as this staff member (password on stdin)")
