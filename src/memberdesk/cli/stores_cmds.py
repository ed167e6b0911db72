"""``memberdesk server init`` (a new chain server) and ``memberdesk stores
list|add|set|assign`` (the chain's stores; add, set and assign: the owner, audited).

``server init --db-url URL --store CODE --name NAME [--owner NAME]`` creates the
schema (the migrations to head), names the first store and creates the owner on an
EMPTY PostgreSQL database; a database holding anything is refused with one line
before anything is written.
"""

from __future__ import annotations

import argparse
from typing import Any

from .common import (
    CliError,
    add_command,
    data_paths,
    db_error_message,
    db_url,
    lang,
    opened_db,
    passwords_on_stdin,
    read_password,
    user_errors,
)
from .report_cmds import login_from_args


def _zh() -> bool:
    return lang() == "zh_CN"


@user_errors
def cmd_server_init(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import OperationalError

    from memberdesk.db.migrate import DatabaseError, _first_line
    from memberdesk.db.postgres import display_url
    from memberdesk.services.shop.server_setup import check_empty_server
    from memberdesk.services.shop.setup import init_shop
    from memberdesk.services.shop.stores import parse_code, store_name
    from memberdesk.services.staff.accounts import validate_new_password

    if not getattr(args, "store", None):
        raise CliError("请用 --store 指定第一家门店的编号" if _zh()
                       else "name the first store's code with --store")
    code, name = parse_code(args.store), store_name(args.name)  # refused before any write
    paths = data_paths(args, create=True)
    url = db_url(args, paths)
    try:
        check_empty_server(url)
    except OperationalError as exc:
        where = display_url(url or "")
        raise CliError(db_error_message(
            DatabaseError("server_unreachable", where, _first_line(exc))), 2) from exc
    password = read_password(f"老板 {args.owner} 的密码 / password: ", confirm=True)
    validate_new_password(password)
    with opened_db(args, create=True) as db:
        init_shop(db, shop_name=args.shop_name or name, owner_username=args.owner,
                  owner_display_name=args.owner_name or args.owner, owner_password=password,
                  first_store=(code, name))
    where = display_url(url or "")
    print(f"服务器已初始化：{where}，门店 {code} {name}，老板账号 {args.owner}" if _zh()
          else f"server set up: {where}, store {code} {name}, owner account {args.owner}")
    return 0


def _print_store(s: Any) -> None:
    state = ("营业" if s.active else "停用") if _zh() else ("open" if s.active else "closed")
    print(f"{s.code}\t{s.name}\t{state}\t{s.address}\t{s.phone}")


@user_errors
def cmd_stores_list(args: argparse.Namespace) -> int:
    from memberdesk.services.shared.this_store import current_store
    from memberdesk.services.shop.stores import list_stores

    with opened_db(args) as db:
        with db.reader() as uow:
            here = current_store(uow.session)[1]
        for s in list_stores(db):
            mark = "*" if s.code == here else " "
            print(mark, end=" ")
            _print_store(s)
    return 0


@user_errors
def cmd_stores_add(args: argparse.Namespace) -> int:
    from memberdesk.services.shop.stores import add_store

    with opened_db(args) as db:
        actor = login_from_args(db, args)
        _print_store(add_store(db, actor, args.code, args.name, args.address or "",
                               args.phone or ""))
    return 0


@user_errors
def cmd_stores_set(args: argparse.Namespace) -> int:
    from memberdesk.services.shop.stores import set_store

    active = None if args.active is None else args.active == "yes"
    with opened_db(args) as db:
        actor = login_from_args(db, args)
        _print_store(set_store(db, actor, args.code, name=args.name, address=args.address,
                               phone=args.phone, active=active))
    return 0


@user_errors
def cmd_stores_assign(args: argparse.Namespace) -> int:
    from memberdesk.services.shop.stores import assign_staff

    with opened_db(args) as db:
        actor = login_from_args(db, args)
        assign_staff(db, actor, args.username, args.code)
    where = args.code.upper()
    print(f"{args.username} → {where}")
    return 0


def _user(p: argparse.ArgumentParser) -> None:
    p.add_argument("--user", required=True, metavar="NAME",
                   help="act as this staff member, the owner (password on stdin)")


def register(sub: Any) -> None:
    server = sub.add_parser("server", help="network edition: set up a chain server")
    ssub = server.add_subparsers(dest="server_command", metavar="ACTION", required=True)
    p = add_command(ssub, "init", "create the schema, the first store and the owner on an "
                    "empty PostgreSQL database (--db-url)", cmd_server_init)
    p.add_argument("--name", required=True, help="the first store's name, e.g. 人民路店")
    p.add_argument("--shop-name", default="", help="the chain's name (default: the store's)")
    p.add_argument("--owner", default="owner", help="owner's user name (default: owner)")
    p.add_argument("--owner-name", default="", help="owner's display name")
    passwords_on_stdin(p, "the new owner's password")

    stores = sub.add_parser("stores", help="network edition: the chain's stores")
    tsub = stores.add_subparsers(dest="stores_command", metavar="ACTION", required=True)
    add_command(tsub, "list", "list the stores (* marks this till's)", cmd_stores_list)
    p = add_command(tsub, "add", "open a store (owner)", cmd_stores_add)
    p.add_argument("code", metavar="CODE", help="1 to 8 letters or digits, e.g. A02")
    p.add_argument("--name", required=True)
    p.add_argument("--address", default="")
    p.add_argument("--phone", default="")
    _user(p)
    p = add_command(tsub, "set", "change a store's name, address, phone, open/closed (owner)",
                    cmd_stores_set)
    p.add_argument("code", metavar="CODE")
    p.add_argument("--name")
    p.add_argument("--address")
    p.add_argument("--phone")
    p.add_argument("--active", choices=("yes", "no"))
    _user(p)
    p = add_command(tsub, "assign", "put a staff member in one store, or in ALL (owner)",
                    cmd_stores_assign)
    p.add_argument("username", metavar="USERNAME")
    p.add_argument("code", metavar="CODE", help="a store code, or ALL: every store")
    _user(p)
