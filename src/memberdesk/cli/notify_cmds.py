"""``memberdesk notifications send|log|call-list|unsubscribe|import-replies``: the SMS
outbox without the GUI.

``send`` delivers what is due (what the daily jobs and the back office's timer do;
no log-in, like ``jobs run``). ``log`` shows the newest messages (a manager or the
owner, ``--user NAME``, phones masked unless the role sees full numbers).
``call-list`` writes the day's messages as a workbook for a shop without SMS.
``unsubscribe PHONE...`` and ``import-replies FILE`` (a provider's reply report) mark
phones that get no more promotional messages (a manager, audited)."""

from __future__ import annotations

import argparse
from typing import Any

from .common import CliError, add_command, lang, opened_db, user_errors
from .report_cmds import login_from_args, parse_date


def _t(zh: str, en: str) -> str:
    return zh if lang() == "zh_CN" else en


@user_errors
def cmd_send(args: argparse.Namespace) -> int:
    from memberdesk.services.notifications.sender import send_due
    from memberdesk.services.shared.messages.notify import REASON_WORDS, word

    with opened_db(args) as db:
        counts = send_due(db, limit=args.limit)
    c = counts.as_dict()
    print(_t(f"已发送 {c['sent']}，失败 {c['failed']}，结果未知 {c['unknown']}，"
             f"等待 {c['waiting']}，不发送 {c['dropped']}",
             f"sent {c['sent']}, failed {c['failed']}, unknown {c['unknown']}, "
             f"waiting {c['waiting']}, not sent {c['dropped']}"))
    if counts.stopped:
        why = word(REASON_WORDS, counts.stopped, lang())
        detail = counts.reasons[-1] if counts.reasons else ""
        print(_t("停止：", "stopped: ") + why + (f" ({detail})" if detail else ""))
    return 0


@user_errors
def cmd_log(args: argparse.Namespace) -> int:
    from memberdesk.domain.notify import EVENTS
    from memberdesk.services.notifications.admin import message_log
    from memberdesk.services.shared.messages.notify import REASON_WORDS, STATUS_WORDS, word

    if args.status and args.status not in STATUS_WORDS:
        raise CliError(_t(f"状态应为：{'、'.join(STATUS_WORDS)}",
                          f"the status must be one of: {', '.join(STATUS_WORDS)}"))
    with opened_db(args) as db:
        log = message_log(db, login_from_args(db, args), args.status)
    language = lang()
    for r in log.rows[: args.limit]:
        event = EVENTS[r.event].label if r.event in EVENTS else ("测试", "test")
        name = event[1] if language == "en" else event[0]
        reason = word(REASON_WORDS, r.reason, language)
        print(f"{r.id:>6} {r.created_at:%Y-%m-%d %H:%M} {word(STATUS_WORDS, r.status, language)}"
              f" {name} {r.member_no} {r.phone} {r.body}" + (f" [{reason}]" if reason else ""))
    if not log.rows:
        print(_t("还没有消息", "no messages yet"))
    for m in log.months:
        print(_t(f"{m.month} 发送 {m.sent} 条，约 {m.cost.display()}",
                 f"{m.month}: {m.sent} sent, about {m.cost.display()}"))
    return 0


@user_errors
def cmd_call_list(args: argparse.Namespace) -> int:
    from pathlib import Path

    from memberdesk.services.notifications.admin import export_call_list
    from memberdesk.services.shared import clock

    with opened_db(args) as db:
        actor = login_from_args(db, args)
        if args.date:
            day = parse_date(args.date)
        else:
            with db.reader() as r:
                day = clock.today(r.session)
        path = export_call_list(db, actor, day, Path(args.folder), args.lang or lang())
    print(_t("已导出", "written") + f": {path}")
    return 0


def _said(r: Any) -> None:
    print(_t(f"新退订 {r.added}，此前已退订 {r.already}",
             f"unsubscribed {r.added}, already unsubscribed {r.already}"))
    if r.bad:
        print(_t("不是中国大陆手机号：", "not a mainland mobile: ") + ", ".join(r.bad[:20]))


@user_errors
def cmd_unsubscribe(args: argparse.Namespace) -> int:
    from memberdesk.services.notifications.unsubscribe import unsubscribe

    with opened_db(args) as db:
        result = unsubscribe(db, login_from_args(db, args), args.phones)
    _said(result)
    return 0


@user_errors
def cmd_import_replies(args: argparse.Namespace) -> int:
    from pathlib import Path

    from memberdesk.services.notifications.unsubscribe import import_replies

    with opened_db(args) as db:
        result = import_replies(db, login_from_args(db, args), Path(args.file))
    print(_t(f"读取 {result.rows} 行，其他回复 {result.other_replies}",
             f"{result.rows} rows read, {result.other_replies} other replies"))
    _said(result)
    return 0


def register(sub: Any) -> None:
    p0 = sub.add_parser("notifications", help="text messages (短信通知): send, log, call-list, "
                        "unsubscribe, import-replies")
    nsub = p0.add_subparsers(dest="notifications_command", metavar="ACTION", required=True)
    p = add_command(nsub, "send", "deliver the messages that are due", cmd_send)
    p.add_argument("--limit", type=int, default=50, help="at most this many (default 50)")
    p = add_command(nsub, "log", "the newest messages and the monthly count and cost", cmd_log)
    p.add_argument("--status", help="only: pending, sent, failed, unknown, dropped")
    p.add_argument("--limit", type=int, default=50, help="show at most this many (default 50)")
    p.add_argument("--user", required=True, metavar="NAME",
                   help="a manager or the owner (password on stdin)")
    p = add_command(nsub, "call-list", "the day's messages as a workbook to call by hand",
                    cmd_call_list)
    p.add_argument("--date", help="the shop's day, YYYY-MM-DD (default: today)")
    p.add_argument("--folder", default=".", help="where to write it (default: here)")
    p.add_argument("--lang", choices=("zh_CN", "en"), help="the workbook's language")
    p.add_argument("--user", required=True, metavar="NAME",
                   help="a manager or the owner (password on stdin)")
    p = add_command(nsub, "unsubscribe", "no more promotional messages to these phones",
                    cmd_unsubscribe)
    p.add_argument("phones", nargs="+", metavar="PHONE", help="mainland mobiles")
    p.add_argument("--user", required=True, metavar="NAME",
                   help="a manager or the owner (password on stdin)")
    p = add_command(nsub, "import-replies", "unsubscribe the phones that replied R, TD or "
                    "退订 in a provider's reply report (CSV or xlsx: phone, reply)",
                    cmd_import_replies)
    p.add_argument("file", help="the reply report")
    p.add_argument("--user", required=True, metavar="NAME",
                   help="a manager or the owner (password on stdin)")
