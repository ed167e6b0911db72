"""``memberdesk db upgrade`` and ``memberdesk db check``."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from .common import add_command, lang, opened_db


def cmd_upgrade(args: argparse.Namespace) -> int:
    from memberdesk.db.migrate import current_revision

    with opened_db(args) as db:
        rev = current_revision(db.engine)
    msg = "数据库已是最新结构" if lang() == "zh_CN" else "database is at the latest schema"
    print(f"{msg}: {rev}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from memberdesk.services.backup.integrity import NOTICE_CHECKS, check_database

    with opened_db(args) as db:
        problems = check_database(db)
    if not problems:
        print("检查通过：数据完整" if lang() == "zh_CN" else "check passed: no problems found")
        return 0
    for p in problems:
        print(f"{p.check}: {p.message}", file=sys.stderr)
    real = [p for p in problems if p.check not in NOTICE_CHECKS]
    if not real:  # only the audit key is missing: not damage, but not fully proven
        print("memberdesk: " + ("未发现问题，但审计密钥（audit.key）不在这台电脑上，审计记录无法完整核对；"
                                "请从原来的电脑复制 audit.key 到数据文件夹" if lang() == "zh_CN"
                                else "no problems found, but the audit key (audit.key) is not on "
                                "this computer, so the audit log could not be fully checked: "
                                "copy audit.key from the previous computer into the data folder"),
              file=sys.stderr)
        return 4
    head = "发现问题" if lang() == "zh_CN" else "problems found"
    print(f"memberdesk: {head}: {len(real)}", file=sys.stderr)
    return 3


def register(sub: Any) -> None:
    db = sub.add_parser("db", help="database maintenance")
    dbsub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    add_command(dbsub, "upgrade", "back up, then upgrade the shop database to the latest schema",
                cmd_upgrade)
    add_command(dbsub, "check", "prove the ledgers, balances, tenders and audit chain are intact",
                cmd_check)
