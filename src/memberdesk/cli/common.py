"""What every subcommand shares: the data directory, opening the database, errors."""

from __future__ import annotations

import argparse
import getpass
import locale
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

from memberdesk.db import Database
from memberdesk.db.errors import BUSY, DISK_FULL, storage_error
from memberdesk.db.migrate import DatabaseError
from memberdesk.logsetup import setup_logging
from memberdesk.paths import DataPaths, resolve_data_dir, resolve_db_url, resolve_store


class CliError(Exception):
    """One line for stderr and an exit code."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def lang() -> str:
    """zh_CN unless the environment asks for English (MEMBERDESK_LANG or LANG=en*)."""
    wanted = os.environ.get("MEMBERDESK_LANG") or os.environ.get("LANG") or ""
    if not wanted:
        wanted = locale.getlocale()[0] or ""
    return "en" if wanted.lower().startswith("en") else "zh_CN"


DB_ERROR_TEXT = {
    "not_sqlite": ("{path} 不是 MemberDesk 数据库文件", "{path} is not a MemberDesk database file"),
    "not_memberdesk": (
        "{path} 是 SQLite 文件但不是 MemberDesk 门店数据库",
        "{path} is an SQLite file but not a MemberDesk shop database",
    ),
    "newer_version": (
        "{path} 来自更新版本的 MemberDesk（结构版本 {detail}），请升级软件后再打开；文件未作任何改动",
        "{path} comes from a newer MemberDesk (schema {detail}); upgrade MemberDesk to open it. "
        "The file was not changed",
    ),
    "corrupt": ("{path} 已损坏：{detail}", "{path} is damaged: {detail}"),
    "unreadable": ("无法读取 {path}：{detail}", "Cannot read {path}: {detail}"),
    "server_unreachable": ("无法连接数据库服务器 {path}：{detail}",
                           "Cannot reach the database server {path}: {detail}"),
}


def db_error_message(exc: DatabaseError) -> str:
    from memberdesk.services.shared.errors import MESSAGES, StorageError

    if exc.code in MESSAGES:  # a full disk or a busy database: not the file's fault
        return StorageError(exc.code).message(lang())
    zh, en = DB_ERROR_TEXT.get(exc.code, ("{path}: {detail}", "{path}: {detail}"))
    template = en if lang() == "en" else zh
    return template.format(path=exc.path, detail=exc.detail)


def add_data_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="shop data directory (default: $MEMBERDESK_HOME or the user data directory)",
    )
    parser.add_argument(
        "--db-url",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="network edition: the shop database on a PostgreSQL server "
        "(postgresql://user@host/db; default: $MEMBERDESK_DB_URL, else the data "
        "directory's database.url, else the local SQLite file)",
    )
    parser.add_argument(
        "--store",
        metavar="CODE",
        default=argparse.SUPPRESS,
        help="network edition: the store this till is in (default: $MEMBERDESK_STORE, "
        "else the data directory's store file, else the first store)",
    )


class Parser(argparse.ArgumentParser):
    """argparse with a usage error of one line and exit code 1 (a user mistake):
    exit code 2 is kept for a database that cannot be opened."""

    def error(self, message: str) -> NoReturn:
        self.exit(1, f"{self.prog}: error: {message}\n")


def has_shop(paths: DataPaths) -> bool:
    """Whether ``paths`` holds a shop database file (an empty file is none)."""
    try:
        return paths.database.is_file() and paths.database.stat().st_size > 0
    except OSError:
        return False


def no_shop_message(paths: DataPaths) -> str:
    from memberdesk.services.shared.errors import UserError

    return UserError("no_shop_here", path=str(paths.root)).message(lang())


def data_paths(args: argparse.Namespace, *, create: bool = True) -> DataPaths:
    """The data directory. Only ``create`` (init, demo, the GUI) may make a new one;
    otherwise a directory without a shop database is refused before anything is
    written there (no folders, no database file, no log)."""
    paths = resolve_data_dir(getattr(args, "data_dir", None))
    if not create and not has_shop(paths) and not db_url(args, paths):
        raise CliError(no_shop_message(paths), 1)
    paths.ensure()
    setup_logging(paths.logs)
    return paths


def db_url(args: argparse.Namespace, paths: DataPaths) -> str | None:
    """The network edition's database URL (``--db-url``, the environment, the data
    directory's setting); None for the local SQLite file."""
    return resolve_db_url(paths, getattr(args, "db_url", None))


@contextmanager
def opened_db(args: argparse.Namespace, *, create: bool = False) -> Iterator[Database]:
    """The shop database, opened (and upgraded). Without ``create`` a data directory
    holding no shop database is refused with one line and exit code 1."""
    paths = data_paths(args, create=create)
    try:
        db = Database.open(paths, db_url(args, paths),
                           resolve_store(paths, getattr(args, "store", None)))
    except DatabaseError as exc:
        storage = exc.code in (DISK_FULL, BUSY)
        raise CliError(db_error_message(exc), 1 if storage else 2) from exc
    except Exception as exc:  # e.g. the upgrade could not write
        mapped = storage_error(exc, paths.database)
        if mapped is None:
            raise
        raise CliError(mapped.message(lang()), 1) from exc
    from memberdesk.services.backup.files import remove_leftovers

    remove_leftovers(paths.root)  # what killed backups and restores left behind
    try:
        yield db
    finally:
        db.close()


def user_errors(fn: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Turn a service's UserError into one line on stderr and exit code 1."""

    def wrapper(args: argparse.Namespace) -> int:
        from memberdesk.services.shared.errors import UserError

        try:
            return fn(args)
        except UserError as exc:
            raise CliError(exc.message(lang()), 1) from exc

    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    return wrapper


def read_password(prompt: str, *, confirm: bool = False) -> str:
    """From a prompt on a terminal, else the first line of stdin."""
    if sys.stdin is not None and sys.stdin.isatty():
        pw = getpass.getpass(prompt)
        if confirm and getpass.getpass("再输入一次 / again: ") != pw:
            raise CliError("两次输入的密码不一致 / the passwords do not match")
        return pw
    line = sys.stdin.readline() if sys.stdin is not None else ""
    if not line:
        raise CliError("请在标准输入中提供密码 / give the password on standard input")
    return line.rstrip("\r\n")


def passwords_on_stdin(parser: argparse.ArgumentParser, *whose: str, example: str = "") -> None:
    """Say in ``parser``'s help how the command reads its password(s): a hidden prompt
    on a terminal, else one line each from standard input, in the order of ``whose``."""
    lines = " then ".join(whose)
    text = (f"Password{'s' if len(whose) > 1 else ''}: read from standard input. On a "
            "terminal a hidden prompt asks (a new password twice); otherwise give "
            f"{'one line each' if len(whose) > 1 else 'one line'}: {lines}.")
    parser.epilog = f"{text} Example: {example}" if example else text


def add_command(
    sub: Any, name: str, help_text: str, func: Callable[[argparse.Namespace], int]
) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = sub.add_parser(name, help=help_text, description=help_text)
    add_data_dir(p)
    p.set_defaults(func=func)
    return p


class ImportProgressPrinter:
    """Import progress on stderr, about every 5% (and at least every 10,000 rows):
    first the rows read and checked, then the rows written (``zh``/``en``: what
    they are, e.g. 位会员 / members)."""

    def __init__(self, zh: str, en: str) -> None:
        self.zh, self.en = zh, en
        self.last = {False: 0, True: 0}

    def __call__(self, p: Any) -> None:
        step = min(10_000, max(1_000, (p.rows_total or 0) // 20))
        final = p.rows_total is not None and p.rows_done >= p.rows_total
        last = self.last[p.writing]
        if p.rows_done - last < step and not final:
            return
        if final and p.rows_done == last:
            return
        self.last[p.writing] = p.rows_done
        total = f"/{p.rows_total}" if p.rows_total else ""
        if p.writing:
            line = (
                f"已写入 {p.rows_done}{total} {self.zh}"
                if lang() == "zh_CN"
                else f"written {p.rows_done}{total} {self.en}"
            )
        elif lang() == "zh_CN":
            line = (
                f"已处理 {p.rows_done}{total} 行（新建 {p.created}，跳过 {p.skipped}，"
                f"错误 {p.failed}）"
            )
        else:
            line = (
                f"processed {p.rows_done}{total} rows ({p.created} new, {p.skipped} skipped, "
                f"{p.failed} with errors)"
            )
        print(line, file=sys.stderr, flush=True)
