"""``memberdesk shifts list|close-for``: the shifts of this till's store without the GUI.

``list --open`` shows the shifts still open (a day cannot be closed while one is);
``list`` alone the closed shifts waiting for a manager's check. ``close-for`` is 代交班,
what the back office's 日结 page does for a shift a cashier left open: a manager or
the owner counts it and closes it in their own name
(:func:`memberdesk.services.shifts.shift.close_shift_for`, the same rules and audit).
Every command logs in as ``--user NAME`` (password from the terminal or stdin); the
services check the role."""

from __future__ import annotations

import argparse
from typing import Any

from .common import CliError, add_command, lang, opened_db, user_errors
from .report_cmds import login_from_args


def _t(zh: str, en: str) -> str:
    return zh if lang() == "zh_CN" else en


def _kinds() -> dict[str, Any]:
    """The methods a shift close counts, by the name the command takes (cash, wechat, …)."""
    from memberdesk.services.shifts.shift import COUNTED_KINDS

    return {kind.value: kind for kind in COUNTED_KINDS}


def parse_counted(values: list[str]) -> dict[Any, Any]:
    """``--counted`` values: ``850.00`` (cash) or ``METHOD=YUAN`` (``wechat=120``), each
    method once; the amounts in yuan as the counter takes them."""
    from memberdesk.services.shared.requests import parse_amount

    kinds = _kinds()
    counted: dict[Any, Any] = {}
    for value in values:
        name, sep, amount = value.rpartition("=")
        name = name.strip().lower() if sep else "cash"
        if name not in kinds:
            raise CliError(_t(f"无法清点的收款方式“{name}”：可用 {'、'.join(kinds)}",
                              f"cannot count the method “{name}”: use {', '.join(kinds)}"))
        if kinds[name] in counted:
            raise CliError(_t(f"“{name}”清点了两次", f"“{name}” is counted twice"))
        counted[kinds[name]] = parse_amount(amount.strip(), _t("清点金额", "counted amount"))
    return counted


def _local(db: Any, at: Any) -> str:
    """``at`` (UTC) as the shop's wall-clock time."""
    from memberdesk.domain import shoptime
    from memberdesk.services.shared.settings import read_settings

    minutes = int(read_settings(db)["shop.timezone_offset_minutes"])
    return f"{shoptime.local_time(at, minutes):%Y-%m-%d %H:%M}"


def _cash_expected(shift: Any) -> str:
    cash = next((a for a in shift.amounts if a.kind.value == "cash"), None)
    if cash is None or cash.expected is None:
        return ""
    return "  " + _t(f"应有现金 ¥{cash.expected.yuan()}", f"cash expected ¥{cash.expected.yuan()}")


@user_errors
def cmd_list(args: argparse.Namespace) -> int:
    from memberdesk.services.shifts.review import open_shifts, shifts_to_verify

    with opened_db(args) as db:
        actor = login_from_args(db, args)
        if args.open:
            rows = open_shifts(db, actor)
            if not rows:
                print(_t("没有未交班的班次", "no shift is open"))
            for sh in rows:
                print(f"{sh.shift_no}  {sh.staff_name}  "
                      + _t(f"开班 {_local(db, sh.opened_at)}  销售 {sh.sales_count} 笔 "
                           f"¥{sh.sales_total.yuan()}",
                           f"opened {_local(db, sh.opened_at)}  {sh.sales_count} sale(s) "
                           f"¥{sh.sales_total.yuan()}") + _cash_expected(sh))
            return 0
        waiting = shifts_to_verify(db, actor)
    if not waiting:
        print(_t("没有待审核的班次", "no closed shift is waiting for a check"))
    for w in waiting:
        print(f"{w.shift_no}  {w.cashier}  "
              + _t(f"交班 {w.closed_at:%Y-%m-%d %H:%M}  现金差额 ¥{w.cash_variance.yuan()}",
                   f"closed {w.closed_at:%Y-%m-%d %H:%M}  cash variance "
                   f"¥{w.cash_variance.yuan()}"))
    return 0


@user_errors
def cmd_close_for(args: argparse.Namespace) -> int:
    from memberdesk.services.shifts.shift import close_shift_for

    counted = parse_counted(args.counted)
    with opened_db(args) as db:
        done = close_shift_for(db, login_from_args(db, args), args.shift.strip(), counted,
                               args.note or "")
    print(_t(f"已为 {done.staff_name} 代交班：班次 {done.shift_no} 已交班",
             f"shift {done.shift_no} of {done.staff_name} is closed for them"))
    for a in done.amounts:
        if a.counted is None or (a.kind not in counted and a.counted.fen == 0):
            continue
        line = f"  {a.kind.value}  " + _t(f"实点 ¥{a.counted.yuan()}", f"counted ¥{a.counted.yuan()}")
        if a.expected is not None and a.variance is not None:
            line += "  " + _t(f"应有 ¥{a.expected.yuan()}  差额 ¥{a.variance.yuan()}",
                              f"expected ¥{a.expected.yuan()}  variance ¥{a.variance.yuan()}")
        print(line)
    return 0


def _user(p: argparse.ArgumentParser) -> None:
    p.add_argument("--user", required=True, metavar="NAME",
                   help="act as this staff member (password on stdin): a manager or the owner")


def register(sub: Any) -> None:
    sh = sub.add_parser("shifts", help="shifts (交班): list; close one left open (代交班)")
    ssub = sh.add_subparsers(dest="shifts_command", metavar="ACTION", required=True)
    p = add_command(ssub, "list", "this store's shifts: --open the open ones, else the closed "
                    "ones waiting for a manager's check", cmd_list)
    p.add_argument("--open", action="store_true", help="the shifts still open")
    _user(p)
    p = add_command(ssub, "close-for", "代交班: count and close a shift another staff member "
                    "left open, in your name (a manager or the owner)", cmd_close_for)
    p.add_argument("shift", metavar="SHIFT_NO", help="the shift number, e.g. B20261124-001 "
                   "(see shifts list --open)")
    p.add_argument("--counted", action="append", required=True, metavar="[METHOD=]YUAN",
                   help="what was counted, in yuan: 850.00 is cash (required); "
                   "wechat=120.00 another method (repeat; a method not given counts as "
                   "expected)")
    p.add_argument("--note", metavar="TEXT", help="a note kept with the shift")
    _user(p)
