"""``memberdesk network migrate --from PATH --db-url URL --store CODE --user NAME``:
move a single-machine shop (its ``memberdesk.sqlite3``) into an empty chain database
on a PostgreSQL server, as store CODE (see services/backup/network_migrate.py). The shop's
owner confirms with their password (stdin); the shop file is only read.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path
from typing import Any

from .common import (
    CliError,
    add_command,
    data_paths,
    db_error_message,
    db_url,
    lang,
    read_password,
    user_errors,
)


def _zh() -> bool:
    return lang() == "zh_CN"


def next_commands(till_dir: Path, url: str, code: str) -> list[str]:
    """The shell lines that point the till of ``till_dir`` at the server, then check.
    A password in the URL is shown as *** (never printed): the owner types it there."""
    from sqlalchemy.engine import make_url

    from memberdesk.db.postgres import display_url

    shown = url if make_url(url).password is None else display_url(url)
    folder = shlex.quote(str(till_dir))
    return [f"printf '%s\\n' {shlex.quote(shown)} > {shlex.quote(str(till_dir / 'database.url'))}",
            f"printf '%s\\n' {code} > {shlex.quote(str(till_dir / 'store'))}",
            f"memberdesk --data-dir {folder} db check"]


@user_errors
def cmd_network_migrate(args: argparse.Namespace) -> int:
    from memberdesk.db.migrate import DatabaseError
    from memberdesk.services.backup.network_migrate import MigrateRequest, migrate_shop

    if not getattr(args, "store", None):
        raise CliError("请用 --store 指定本店在连锁里的门店编号（如 A01）" if _zh()
                       else "name this shop's store code in the chain with --store (e.g. A01)")
    source = Path(args.source).expanduser()
    if source.is_dir():
        source = source / "memberdesk.sqlite3"
    paths = data_paths(args, create=True)
    url = db_url(args, paths) or ""
    password = read_password(f"{args.user} 的密码 / password: ")
    shown = {"at": 0}

    def progress(_table: str, done: int, total: int) -> None:
        if done - shown["at"] >= max(total // 20, 50_000) or done == total:
            shown["at"] = done
            print(f"  {done}/{total} " + ("行已复制" if _zh() else "rows copied"),
                  file=sys.stderr, flush=True)

    try:
        r = migrate_shop(MigrateRequest(source, url, args.store, args.user, password,
                                        store_name=args.name, key_home=paths.root),
                         progress=progress)
    except DatabaseError as exc:
        raise CliError(db_error_message(exc), 2) from exc
    hidden = "***" in next_commands(source.parent, url, r.store_code)[0]
    note = ("（*** 处填服务器密码）", " (*** stands for the server's password)") if hidden \
        else ("", "")
    if _zh():
        print(f"已迁入服务器 {r.where}：门店 {r.store_code} {r.store_name}，{r.members} 位会员，"
              f"{r.sales} 笔销售，共 {r.rows} 行，用时 {r.seconds:.1f} 秒；两边的 db check 均通过")
        print(f"原文件 {source} 未改动，今后不要再在它上面营业。请把 {r.key_dir / 'audit.key'} "
              f"复制到每台收银机的数据目录。让这台收银机连到服务器{note[0]}：")
    else:
        print(f"moved onto the server {r.where}: store {r.store_code} {r.store_name}, "
              f"{r.members} members, {r.sales} sales, {r.rows} rows in {r.seconds:.1f} s; "
              "db check passed on both sides")
        print(f"The file {source} is unchanged: do not trade on it any more. Copy "
              f"{r.key_dir / 'audit.key'} into every till's data folder. To point this "
              f"till at the server{note[1]}:")
    for line in next_commands(source.parent, url, r.store_code):
        print("  " + line)
    return 0


def register(sub: Any) -> None:
    network = sub.add_parser("network", help="network edition: move a shop into a chain")
    nsub = network.add_subparsers(dest="network_command", metavar="ACTION", required=True)
    p = add_command(nsub, "migrate", "move a single-machine shop into an empty chain database "
                    "on a PostgreSQL server (--db-url), as store --store", cmd_network_migrate)
    p.add_argument("--from", dest="source", required=True, metavar="PATH",
                   help="the shop's memberdesk.sqlite3 (or its data folder); only read")
    p.add_argument("--name", help="the store's name on the server (default: the shop's name)")
    p.add_argument("--user", required=True, metavar="NAME",
                   help="the shop's owner (password on stdin)")
