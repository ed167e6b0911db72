"""``memberdesk init`` (first-run set-up) and ``memberdesk demo`` (a demo shop)."""

from __future__ import annotations

import argparse
from typing import Any

from .common import (
    CliError,
    add_command,
    lang,
    opened_db,
    passwords_on_stdin,
    read_password,
    user_errors,
)


@user_errors
def cmd_init(args: argparse.Namespace) -> int:
    from memberdesk.services.shop.setup import init_shop, is_initialised

    with opened_db(args, create=True) as db:
        if is_initialised(db):
            raise CliError(
                "门店已经初始化过了" if lang() == "zh_CN" else "this shop is already set up"
            )
        password = read_password(f"老板 {args.owner} 的密码 / password: ", confirm=True)
        init_shop(
            db,
            shop_name=args.shop_name,
            owner_username=args.owner,
            owner_display_name=args.owner_name or args.owner,
            owner_password=password,
        )
        where = db.paths.database if db.paths else ""
    done = "门店已创建" if lang() == "zh_CN" else "shop created"
    print(f"{done}: {args.shop_name} ({where})")
    return 0


@user_errors
def cmd_demo(args: argparse.Namespace) -> int:
    from memberdesk.demo import DEMO_PASSWORDS, build_demo
    from memberdesk.services.shop.setup import is_initialised

    with opened_db(args, create=True) as db:
        if is_initialised(db):
            if args.if_missing:
                return 0
            raise CliError(
                "该目录已有门店数据；演示店只能建在空目录"
                if lang() == "zh_CN"
                else "this data directory already holds a shop; a demo needs an empty one"
            )
        stats = build_demo(db, members=args.members, days=args.days, seed=args.seed)
    print(stats.describe(lang()))
    for user, pw in DEMO_PASSWORDS.items():
        print(f"  {user} / {pw}")
    return 0


def register(sub: Any) -> None:
    p = add_command(sub, "init", "set up a new shop and its owner account (its password "
                    "on standard input)", cmd_init)
    passwords_on_stdin(p, "the owner's new password",
                       example="printf '%s\\n' \"$PW\" | memberdesk init --shop-name 好邻居便利店")
    p.add_argument("--shop-name", required=True, help="shop name, e.g. 好邻居便利店")
    p.add_argument("--owner", default="owner", help="owner's user name (default: owner)")
    p.add_argument("--owner-name", default="", help="owner's display name")
    p = add_command(sub, "demo", "create a realistic demo shop through the real services",
                    cmd_demo)
    p.add_argument("--members", type=int, default=200, help="number of members (default 200)")
    p.add_argument("--days", type=int, default=21, help="days of sales history (default 21)")
    p.add_argument("--seed", type=int, default=20261124, help="random seed")
    p.add_argument("--if-missing", action="store_true",
                   help="do nothing if the data directory already holds a shop")
