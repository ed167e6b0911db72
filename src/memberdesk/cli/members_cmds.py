"""``memberdesk members find|import|export|template``.

Commands that touch member data act as a staff member: ``--user NAME`` and the
password on standard input (or a prompt on a terminal), checked by the same login
as the cashier window; the services check permissions and write the audit log.
"""

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
    from memberdesk.services.members.lookup import LookupResult, MemberHit
    from memberdesk.services.shared.context import Actor


def _zh() -> bool:
    return lang() == "zh_CN"


def _login(db: Database, args: argparse.Namespace) -> Actor:
    from memberdesk.services.staff.accounts import login

    password = read_password(f"{args.user} 的密码 / password: ")
    return login(db, args.user, password)


def _hit_line(hit: MemberHit) -> str:
    from memberdesk.models.enums import MemberStatus

    if _zh():
        money = (
            f"储值 {hit.stored_value.display()}（本金 {hit.sv_principal.display()} + "
            f"赠送 {hit.sv_bonus.display()}）  积分 {hit.points}"
        )
        status = {MemberStatus.INACTIVE: "  [已停用]", MemberStatus.ANONYMISED: "  [已注销]"}
    else:
        money = (
            f"stored value {hit.stored_value.display()} (principal {hit.sv_principal.display()}"
            f" + bonus {hit.sv_bonus.display()})  points {hit.points}"
        )
        status = {
            MemberStatus.INACTIVE: "  [deactivated]",
            MemberStatus.ANONYMISED: "  [anonymised]",
        }
    return (
        f"{hit.member_no}  {hit.name}  {hit.phone or '-'}  {hit.tier_name}  {money}"
        f"{status.get(hit.status, '')}"
    )


_MATCH_TEXT = {
    "card": ("按卡号", "by card"),
    "member_no": ("按会员编号", "by member number"),
    "phone": ("按手机号", "by phone"),
    "phone_last4": ("按手机尾号", "by the last 4 digits of the phone"),
    "phone_prefix": ("按手机号开头", "by the first digits of the phone"),
    "name": ("按姓名", "by name"),
    "name_part": ("按姓名中的字", "by part of the name"),
    "initials": ("按拼音首字母", "by pinyin initials"),
    "pinyin": ("按拼音", "by pinyin"),
    "pinyin_part": ("按拼音", "by pinyin"),
}


def print_lookup(result: LookupResult) -> int:
    """Print the members found (exit 0); a lookup that finds nobody usable — nothing
    found, a lost, replaced or void card — is one line on stderr and exit code 1."""
    from memberdesk.services.members.lookup import LookupOutcome

    if result.outcome not in (LookupOutcome.MEMBER, LookupOutcome.PICK) or not result.members:
        from memberdesk.services.shared.errors import UserError

        nobody = UserError("lookup_not_found", text=result.query).message(lang())
        raise CliError(result.message(lang()) or nobody, 1)
    zh_how, en_how = _MATCH_TEXT.get(str(result.matched_by), ("", ""))
    n = len(result.members)
    more = (
        ("（还有更多，请输入更多内容）" if _zh() else " (more: type more to narrow)")
        if result.more
        else ""
    )
    print(f"{zh_how}找到 {n} 位会员{more}：" if _zh() else f"found {en_how}: {n} member(s){more}")
    for hit in result.members:
        print(_hit_line(hit))
    return 0


@user_errors
def cmd_find(args: argparse.Namespace) -> int:
    from memberdesk.services.members.lookup import lookup

    with opened_db(args) as db:
        actor = _login(db, args)
        result = lookup(db, actor, args.text, limit=args.limit)
    return print_lookup(result)


@user_errors
def cmd_import(args: argparse.Namespace) -> int:
    from memberdesk.services.analytics.after_import import import_and_score

    with opened_db(args) as db:
        actor = _login(db, args)
        result = import_and_score(
            db,
            actor,
            Path(args.file),
            dry_run=args.dry_run,
            error_report=Path(args.errors) if args.errors else None,
            progress=ImportProgressPrinter("位会员", "members"),
            lang=lang(),
        )
    if args.dry_run:
        print("试运行，未写入任何数据。" if _zh() else "dry run: nothing was written.")
    print(result.summary(lang()))
    if result.failed:
        where = result.error_report or ""
        raise CliError(
            f"{result.failed} 行有错误，未导入；错误报告：{where}"
            if _zh()
            else f"{result.failed} rows have errors and were not imported; error report: {where}",
            1,
        )
    return 0


@user_errors
def cmd_export(args: argparse.Namespace) -> int:
    from memberdesk.services.members.export import export_members

    with opened_db(args) as db:
        actor = _login(db, args)
        result = export_members(db, actor, Path(args.file), lang=lang())
    if _zh():
        masked = "（手机号已隐藏）" if result.phones_masked else ""
        print(f"已导出 {result.rows} 位会员到 {result.path}{masked}")
    else:
        masked = " (phones masked)" if result.phones_masked else ""
        print(f"exported {result.rows} members to {result.path}{masked}")
    return 0


@user_errors
def cmd_template(args: argparse.Namespace) -> int:
    from memberdesk.services.members.sheet import write_template

    path = write_template(Path(args.file), lang())
    print(f"已生成导入模板：{path}" if _zh() else f"import template written: {path}")
    return 0


def _add_user(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--user", required=True, metavar="NAME", help="act as this staff member (password on stdin)"
    )


def register(sub: Any) -> None:
    members = sub.add_parser("members", help="members: find, import, export")
    msub = members.add_subparsers(dest="members_command", metavar="ACTION", required=True)
    p = add_command(
        msub, "find", "look a member up as the counter does (card, phone, name...)", cmd_find
    )
    p.add_argument("text", help="card number, member number, phone, last 4 digits, name, pinyin")
    p.add_argument("--limit", type=int, default=20, help="longest pick list (default 20)")
    _add_user(p)
    p = add_command(
        msub, "import", "import members from an .xlsx (see `members template`)", cmd_import
    )
    p.add_argument("file", help="the .xlsx to import")
    p.add_argument("--dry-run", action="store_true", help="check everything, write nothing")
    p.add_argument("--errors", metavar="FILE", help="error report (default: FILE.errors.xlsx)")
    _add_user(p)
    p = add_command(msub, "export", "export every member to an .xlsx", cmd_export)
    p.add_argument("file", help="the .xlsx to write")
    _add_user(p)
    p = add_command(msub, "template", "write the import template .xlsx", cmd_template)
    p.add_argument("file", help="the .xlsx to write")
