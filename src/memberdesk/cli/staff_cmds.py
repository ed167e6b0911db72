"""``memberdesk staff list|add|passwd|activate|deactivate``: staff accounts without the
GUI. Every action logs in as ``--user NAME`` (password from the terminal or stdin);
the services check who may manage whom (a manager: cashiers; the owner: everyone)
and write the audit log.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from .common import (
    add_command,
    lang,
    opened_db,
    passwords_on_stdin,
    read_password,
    user_errors,
)

if TYPE_CHECKING:
    from memberdesk.db import Database
    from memberdesk.services.shared.context import Actor

ROLE_TEXT = {"cashier": ("收银员", "cashier"), "manager": ("店长", "manager"),
             "owner": ("老板", "owner")}  # fmt: skip


def _t(zh: str, en: str) -> str:
    return zh if lang() == "zh_CN" else en


def _login(db: Database, args: argparse.Namespace) -> Actor:
    from memberdesk.services.staff.accounts import login

    return login(db, args.user, read_password(f"{args.user} 的密码 / password: "))


def _may_manage_staff(db: Database, actor: Actor) -> None:
    """Refuse a cashier before asking for a new password (the services check again)."""
    from memberdesk.services.shared.permissions import Permission
    from memberdesk.services.staff.approvals import check_permission

    check_permission(db, actor, Permission.MANAGE_STAFF)


def _new_password(username: str) -> str:
    return read_password(f"{username} 的新密码 / new password: ", confirm=True)


def _pad(text: str, width: int) -> str:
    from memberdesk.services.receipts.text import text_width

    return text + " " * max(0, width - text_width(text))


@user_errors
def cmd_list(args: argparse.Namespace) -> int:
    from memberdesk.services.receipts.text import text_width
    from memberdesk.services.shared import clock
    from memberdesk.services.staff.accounts import list_staff

    with opened_db(args) as db:
        actor = _login(db, args)
        _may_manage_staff(db, actor)
        people = list_staff(db, actor)
        now = clock.now()
        with db.reader() as uow:
            locks = {
                p.username: clock.local_time(uow.session, p.locked_until).strftime("%Y-%m-%d %H:%M")
                for p in people
                if p.locked_until is not None and p.locked_until > now
            }
    head = [_t("用户名", "user"), _t("姓名", "name"), _t("角色", "role"), _t("状态", "status"),
            _t("锁定至", "locked until")]  # fmt: skip
    rows = [
        [p.username, p.display_name, _t(*ROLE_TEXT[p.role.value]),
         _t("启用", "active") if p.active else _t("已停用", "disabled"), locks.get(p.username, "")]
        for p in people
    ]  # fmt: skip
    widths = [max(text_width(r[i]) for r in [head, *rows]) for i in range(len(head))]
    for r in [head, *rows]:
        print("  ".join(_pad(c, w) for c, w in zip(r, widths, strict=True)).rstrip())
    return 0


@user_errors
def cmd_add(args: argparse.Namespace) -> int:
    from memberdesk.models.enums import Role
    from memberdesk.services.staff.accounts import create_staff

    with opened_db(args) as db:
        actor = _login(db, args)
        _may_manage_staff(db, actor)
        info = create_staff(db, actor, username=args.username, display_name=args.name,
                            role=Role(args.role), password=_new_password(args.username))  # fmt: skip
    print(_t("已添加", "added") + f": {info.username} {info.display_name} "
          f"({_t(*ROLE_TEXT[info.role.value])})")  # fmt: skip
    return 0


@user_errors
def cmd_passwd(args: argparse.Namespace) -> int:
    from memberdesk.services.staff.accounts import change_password, login, reset_password

    with opened_db(args) as db:
        if args.username is None or args.username.lower() == args.user.lower():
            old = read_password(f"{args.user} 的原密码 / current password: ")
            actor = login(db, args.user, old)
            change_password(db, actor, old, _new_password(args.user))
            print(_t("密码已修改", "password changed") + f": {actor.username}")
            return 0
        actor = _login(db, args)
        _may_manage_staff(db, actor)
        info = reset_password(db, actor, args.username, _new_password(args.username))
    print(_t("密码已重置", "password reset") + f": {info.username}")
    return 0


@user_errors
def cmd_active(args: argparse.Namespace) -> int:
    from memberdesk.services.staff.accounts import set_staff_active

    with opened_db(args) as db:
        actor = _login(db, args)
        _may_manage_staff(db, actor)
        info = set_staff_active(db, actor, args.username, args.active)
    done = _t("已启用", "activated") if info.active else _t("已停用", "deactivated")
    print(f"{done}: {info.username}")
    return 0


def register(sub: Any) -> None:
    staff = sub.add_parser("staff", help="staff accounts: list, add, passwd, (de)activate")
    ssub = staff.add_subparsers(dest="staff_command", metavar="ACTION", required=True)

    def command(name: str, help_text: str, func: Any) -> argparse.ArgumentParser:
        p = add_command(ssub, name, help_text, func)
        p.add_argument("--user", required=True, metavar="NAME",
                       help="act as this staff member (password on stdin)")  # fmt: skip
        return p

    command("list", "list the staff accounts", cmd_list)
    p = command("add", "add an account (its password is asked twice)", cmd_add)
    p.add_argument("username", metavar="USERNAME", help="the new user name (letters, digits, _)")
    p.add_argument("--name", required=True, help="display name, e.g. 王小明")
    p.add_argument("--role", required=True, choices=["cashier", "manager"], help="the new role")
    passwords_on_stdin(p, "the --user's password", "the new account's password")
    p = command("passwd", "reset USERNAME's password; without USERNAME change your own",
                cmd_passwd)  # fmt: skip
    p.add_argument("username", metavar="USERNAME", nargs="?", help="whose password to reset")
    passwords_on_stdin(p, "the --user's password (your current one when you change your own)",
                       "the new password")
    for name, active in (("activate", True), ("deactivate", False)):
        p = command(name, f"{name} an account", cmd_active)
        p.add_argument("username", metavar="USERNAME")
        p.set_defaults(active=active)
