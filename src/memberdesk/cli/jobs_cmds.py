"""``memberdesk jobs run [--until DATE] [--bring-forward --user NAME]`` and
``memberdesk jobs status``.

``jobs run`` runs what is due up to the shop's today (what the cashier window does at
start-up and after the day close): safe, idempotent, no login. A date after the
shop's today would expire real members' points early, so ``--until`` past today is
refused unless ``--bring-forward`` is given with a manager's or owner's login
(password on stdin); that run is written to the audit log. Meant for a demo or a
test copy brought forward through a year.
"""

from __future__ import annotations

import argparse
from typing import Any

from .common import add_command, lang, opened_db, user_errors
from .report_cmds import add_login, login_from_args, parse_date

JOB_NAMES = {
    "points_expiry": ("积分过期", "points expiry"),
    "tier_evaluation": ("会员等级评定", "tier evaluation"),
    "birthday_gifts": ("生日礼", "birthday gifts"),
    "count_card_expiry": ("计次卡过期", "count card expiry"),
    "analytics_refresh": ("会员分析", "member analytics"),
    "notifications": ("短信通知", "text messages"),
}


def _name(job: str) -> str:
    zh, en = JOB_NAMES.get(job, (job, job))
    return zh if lang() == "zh_CN" else en


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{k}={v}" for k, v in sorted(counts.items()))


@user_errors
def cmd_run(args: argparse.Namespace) -> int:
    from memberdesk.services.jobs.runner import run_jobs

    until = parse_date(args.until) if args.until else None
    with opened_db(args) as db:
        actor = login_from_args(db, args) if args.bring_forward else None
        result = run_jobs(db, until, bring_forward=actor)
    zh = lang() == "zh_CN"
    for run in result.runs:
        print(f"{run.business_date.isoformat()} {_name(run.job)}: {_counts(run.counts)}")
    if not result.runs:
        print(f"没有到期的任务（已运行至 {result.until.isoformat()}）" if zh
              else f"nothing due (done up to {result.until.isoformat()})")
    else:
        print(f"每日任务已运行至 {result.until.isoformat()}" if zh
              else f"daily jobs done up to {result.until.isoformat()}")
    return 0


@user_errors
def cmd_status(args: argparse.Namespace) -> int:
    from memberdesk.services.jobs.runner import jobs_status

    with opened_db(args) as db:
        status = jobs_status(db)
    zh = lang() == "zh_CN"
    print(f"门店今天 {status.today.isoformat()}" if zh else f"shop today {status.today.isoformat()}")
    for job in status.jobs:
        if job.last is None:
            last = "从未运行" if zh else "never run"
        else:
            last = (f"{job.last.business_date.isoformat()} ({_counts(job.last.counts)})")
        due = f"待运行 {job.due_days} 天" if zh else f"{job.due_days} day(s) due"
        print(f"  {_name(job.job)}: {last}; {due}")
    return 0


def register(sub: Any) -> None:
    jobs = sub.add_parser("jobs", help="daily jobs: points expiry, tier evaluation, birthday gifts (run, status)")
    jsub = jobs.add_subparsers(dest="jobs_command", metavar="ACTION", required=True)
    p = add_command(jsub, "run", "run the daily jobs due up to the shop's today", cmd_run)
    p.add_argument("--until", metavar="DATE",
                   help="run up to this business date (YYYY-MM-DD); a date after the shop's "
                        "today needs --bring-forward")
    p.add_argument("--bring-forward", action="store_true",
                   help="allow --until after today (expires points early: demo or test copies "
                        "only); needs a manager's or owner's login and is audited")
    add_login(p)
    add_command(jsub, "status", "the last date each daily job ran for and what is due",
                cmd_status)
