"""``memberdesk backup [--to DIR]`` and ``memberdesk restore FILE``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .common import (
    CliError,
    add_command,
    data_paths,
    db_url,
    lang,
    opened_db,
    passwords_on_stdin,
    read_password,
    user_errors,
)


def _zh() -> bool:
    return lang() == "zh_CN"


@user_errors
def cmd_backup(args: argparse.Namespace) -> int:
    from memberdesk.services.backup.create import create_backup
    from memberdesk.services.shop.setup import is_initialised
    from memberdesk.services.staff import accounts as staff

    with opened_db(args) as db:
        if not is_initialised(db):
            raise CliError("门店尚未初始化" if _zh() else "the shop is not set up yet")
        # A backup holds every member's data: a person taking one logs in as a manager
        # or owner (checked and audited by the service). The app's own scheduled,
        # day-close and pre-restore backups stay automatic.
        password = read_password(f"{args.user} 的密码 / password: ")
        actor = staff.login(db, args.user, password)
        to = Path(args.to).resolve() if args.to else None
        if db.engine.dialect.name == "postgresql":
            return _server_backup(db, actor, to)
        result = create_backup(db, actor, kind="cli", to=to)
    size_mb = result.size / 1_000_000
    print(("备份完成并已校验" if _zh() else "backup written and verified")
          + f": {result.path} ({size_mb:.1f} MB)")
    if result.second_copy:
        print(("第二份备份" if _zh() else "second copy") + f": {result.second_copy}")
    if result.second_destination_missing:
        print("警告：第二备份位置（如U盘）不可用" if _zh()
              else "warning: the second backup destination (e.g. a USB drive) is not available")
    print_removed(result.removed)
    return 0


def print_removed(removed: tuple[str, ...]) -> None:
    """The older backups a backup's rotation removed, by name (nothing when none)."""
    if removed:
        print((f"按保留规则删除了 {len(removed)} 份较早的备份" if _zh()
               else f"removed {len(removed)} older backup(s) by the retention rule")
              + ": " + ", ".join(removed))


def _server_backup(db: Any, actor: Any, to: Path | None) -> int:
    """The network edition: pg_dump (custom format), restored into a scratch database
    and checked before it counts."""
    from memberdesk.services.backup.server_backup import server_backup

    result = server_backup(db, actor, to=to)
    rows = sum(v for k, v in result.figures.items() if k.startswith("rows."))
    print(("服务器备份完成并已校验" if _zh() else "server backup written and verified")
          + f": {result.path} ({result.size / 1_000_000:.1f} MB, {rows} "
          + ("行" if _zh() else "rows") + ")")
    return 0


def _server_restore(args: argparse.Namespace, source: Path) -> int:
    from memberdesk.services.backup.server_restore import check_server_dump, server_restore
    from memberdesk.services.staff import accounts as staff

    check_server_dump(source)  # refuse a bad file before asking for a password
    with opened_db(args) as db:
        password = read_password(f"{args.user} 的密码 / password: ")
        actor = staff.login(db, args.user, password)
        result = server_restore(db, actor, source)
        result.database.close()
    print(("已恢复" if _zh() else "restored") + f": {source.name} -> {result.shop_name}")
    print(("恢复前的数据库保留为" if _zh() else "the database before the restore is kept as")
          + f": {result.kept_as}")
    return 0


@user_errors
def cmd_restore(args: argparse.Namespace) -> int:
    from memberdesk.db.postgres import is_postgres_url
    from memberdesk.services.backup.loss import restore_loss
    from memberdesk.services.backup.restore import check_restorable, restore_backup
    from memberdesk.services.staff import accounts as staff

    from .restore_text import confirmed, loss_text

    source = Path(args.file).resolve()
    if is_postgres_url(db_url(args, data_paths(args, create=False))):
        return _server_restore(args, source)
    check_restorable(source)  # refuse a bad file before asking for a password
    with opened_db(args) as db:
        password = read_password(f"{args.user} 的密码 / password: ")
        actor = staff.login(db, args.user, password)
        print(loss_text(restore_loss(db, actor, source), zh=_zh()))
        if not (args.yes or confirmed()):
            raise CliError("未恢复，什么都没有改变" if _zh() else "not restored: nothing was changed")
        result = restore_backup(db, actor, source)
        result.database.close()
    print(("已恢复" if _zh() else "restored") + f": {source.name} -> {result.shop_name}")
    print(("恢复前的数据已备份到" if _zh() else "the data before the restore is saved in")
          + f": {result.pre_restore_backup}"
          + ("（要找回，就恢复这个文件）" if _zh() else " (to get it back, restore that file)"))
    if result.removed:
        print((f"按保留规则删除了 {len(result.removed)} 个旧备份" if _zh()
               else f"removed {len(result.removed)} older backup(s) by the retention rule")
              + ": " + ", ".join(result.removed))
    if result.notices:
        print("警告：这份备份的审计记录由另一台电脑的审计密钥签名，无法完整核对；请把原电脑上的 "
              "audit.key 复制到数据文件夹" if _zh() else "warning: this backup's audit log "
              "was signed with another computer's audit key and could not be fully checked: "
              "copy audit.key from that computer into the data folder", file=sys.stderr)
    return 0


def register(sub: Any) -> None:
    p = add_command(sub, "backup", "take a verified backup of the shop database now "
                    "(manager or owner; on a database server: pg_dump)", cmd_backup)
    p.add_argument("--to", metavar="DIR", help="write the backup into DIR instead")
    p.add_argument("--user", default="owner",
                   help="a manager's or owner's user name (default: owner; password on stdin)")
    p = add_command(sub, "restore", "restore a backup file (owner only; verified first)",
                    cmd_restore)
    p.add_argument("file", metavar="FILE", help="the backup .sqlite3 file (on a database "
                   "server: the .dump file of 'memberdesk backup')")
    p.add_argument("--user", default="owner",
                   help="owner's user name (default: owner; password on stdin)")
    passwords_on_stdin(p, "the owner's password")
    p.add_argument("--yes", action="store_true", help="restore without asking again after "
                   "showing what the restore takes back (on a terminal it asks; with the "
                   "password on standard input the password confirms, as before)")
