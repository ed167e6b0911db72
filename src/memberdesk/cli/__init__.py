"""The ``memberdesk`` command. No subcommand opens the cashier window.

Each subcommand lives in its own module here with a ``register(subparsers)``
function; :data:`COMMAND_MODULES` lists them. Errors a user can act on print one
line on stderr and exit non-zero; nothing prints a traceback for a user mistake.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence

from memberdesk import __version__

from .common import CliError, Parser, add_data_dir

COMMAND_MODULES: tuple[str, ...] = (
    "memberdesk.cli.setup_cmds",  # init, demo
    "memberdesk.cli.db_cmds",  # db upgrade, db check
    "memberdesk.cli.backup_cmds",  # backup, restore
    "memberdesk.cli.report_cmds",  # report day, ...
    "memberdesk.cli.members_cmds",  # members find, import, export, template
    "memberdesk.cli.staff_cmds",  # staff list, add, passwd, activate, deactivate
    "memberdesk.cli.shift_cmds",  # shifts list [--open], close-for (代交班)
    "memberdesk.cli.products_cmds",  # products list, add, edit, (de)activate; categories
    "memberdesk.cli.rules_cmds",  # tiers list, set; coupons ...; recharge-rules list, add, end
    "memberdesk.cli.stock_cmds",  # stock receive, count, threshold, list, report
    "memberdesk.cli.mall_cmds",  # mall gifts, gift, shelf, redeem, reverse, report; signin
    "memberdesk.cli.count_card_cmds",  # count-cards templates, add-template, list, use
    "memberdesk.cli.reader_cmds",  # reader test
    "memberdesk.cli.settings_cmds",  # settings list, set
    "memberdesk.cli.jobs_cmds",  # jobs run, jobs status
    "memberdesk.cli.analytics_cmds",  # analytics refresh, analytics members
    "memberdesk.cli.notify_cmds",  # notifications send, log, call-list
    "memberdesk.cli.campaign_cmds",  # segments list|count|export; campaigns list|run|report
    "memberdesk.cli.stores_cmds",  # server init; stores list, add, set, assign
    "memberdesk.cli.network_cmds",  # network migrate
    "memberdesk.cli.gui_cmd",  # gui (also the default)
)

log = logging.getLogger("memberdesk.cli")


def build_parser() -> argparse.ArgumentParser:
    """The parser: a usage error is one line and exit code 1 (see :class:`Parser`)."""
    parser = Parser(
        prog="memberdesk",
        description="MemberDesk 会员收银 — member point-of-sale for small shops",
    )
    parser.add_argument("--version", action="version", version=f"memberdesk {__version__}")
    add_data_dir(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def _user_message(exc: BaseException) -> str | None:
    from memberdesk.db.errors import storage_error
    from memberdesk.services.shared.errors import UserError

    from .common import lang

    mapped = exc if isinstance(exc, UserError) else storage_error(exc)
    return None if mapped is None else mapped.message(lang())


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(list(argv) if argv is not None else None)
    if getattr(args, "func", None) is None:
        from .gui_cmd import run_gui

        args.func = run_gui
    try:
        code = int(args.func(args) or 0)
        sys.stdout.flush()  # here, where a reader gone away is met (BrokenPipeError below)
    except CliError as exc:
        print(f"memberdesk: {exc}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:
        # the reader went away (``memberdesk shifts list | head``): stop quietly, as a
        # shell tool does, and keep Python's last flush from writing to the closed pipe
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141  # 128 + SIGPIPE
    except Exception as exc:
        # A user error a command did not word itself, or a full disk / busy database
        # met outside a unit of work: one line, never a traceback. Bugs still raise.
        message = _user_message(exc)
        if message is None:
            raise
        log.warning("%s: %s", getattr(args, "command", ""), exc)
        print(f"memberdesk: {message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("memberdesk: interrupted", file=sys.stderr)
        return 130
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
