"""``memberdesk shifts list [--open]|close-for`` as real subprocesses (issue 11: 代交班
was reachable only from the back office): a cashier leaves a shift open after a cash
sale; the owner lists it, closes it for them with the cash counted, and the day can
be closed; mistakes are one line on stderr with exit code 1 and nothing saved."""

from __future__ import annotations

import subprocess
import uuid
from pathlib import Path

from sqlalchemy import select

from memberdesk.db import Database
from memberdesk.models import AuditEntry, Shift
from memberdesk.models.enums import Role, ShiftStatus, TenderKind
from memberdesk.money import Money
from memberdesk.paths import DataPaths
from memberdesk.services.checkout.cart import CartLine, CartRequest
from memberdesk.services.checkout.history import business_today
from memberdesk.services.checkout.sale import CheckoutRequest, checkout
from memberdesk.services.pricing.tenders import TenderRequest
from memberdesk.services.shifts import shift as shifts
from memberdesk.services.staff import accounts as staff

from .test_stock_cli import BOSS, ok, refused, run, shop  # noqa: F401  (the shop fixture)

KASSE = "kasse-pass-1"


def sh(root: str, *args: str, user: str = "boss", password: str = BOSS,
       lang: str = "en") -> subprocess.CompletedProcess[str]:
    return run("shifts", args[0], "--data-dir", root, *args[1:], "--user", user,
               stdin=password, lang=lang)


def _cashier_leaves_a_shift_open(root: str) -> str:
    """A cashier who opened a shift with ¥100, sold a cola for cash and logged out;
    the shift's number."""
    db = Database.open(DataPaths(Path(root)))
    try:
        boss = staff.login(db, "boss", BOSS)
        staff.create_staff(db, boss, username="kasse", display_name="王小明",
                           role=Role.CASHIER, password=KASSE)
        kasse = staff.login(db, "kasse", KASSE)
        opened = shifts.open_shift(db, kasse, Money(10000))
        checkout(db, kasse, CheckoutRequest(uuid.uuid4().hex, CartRequest(
            (CartLine(product="1001", qty=2),), None),
            (TenderRequest(TenderKind.CASH, Money(700)),)))
        return opened.shift_no
    finally:
        db.close()


def _shift(root: str, shift_no: str) -> Shift:
    db = Database.open(DataPaths(Path(root)))
    try:
        with db.reader() as uow:
            row = uow.session.scalar(select(Shift).where(Shift.shift_no == shift_no))
            assert row is not None
            uow.session.expunge(row)
            return row
    finally:
        db.close()


def _today(root: str) -> str:
    db = Database.open(DataPaths(Path(root)))
    try:
        return business_today(db).isoformat()
    finally:
        db.close()


def _audit_actions(root: str) -> list[str]:
    db = Database.open(DataPaths(Path(root)))
    try:
        with db.reader() as uow:
            return list(uow.session.scalars(select(AuditEntry.action)))
    finally:
        db.close()


def test_the_owner_lists_and_closes_a_shift_left_open(shop: str) -> None:  # noqa: F811
    assert ok(sh(shop, "list", "--open")) == "no shift is open\n"
    shift_no = _cashier_leaves_a_shift_open(shop)
    listed = ok(sh(shop, "list", "--open")).splitlines()
    assert len(listed) == 1 and listed[0].startswith(f"{shift_no}  王小明  opened ")
    assert listed[0].endswith("1 sale(s) ¥7.00  cash expected ¥107.00")
    assert ok(sh(shop, "list", "--open", lang="zh_CN")).rstrip().endswith(
        "销售 1 笔 ¥7.00  应有现金 ¥107.00")
    day = ("report", "day", "--data-dir", shop, "--date", _today(shop), "--close", "--user", "boss")
    refused_day = refused(run(*day))
    assert shift_no in refused_day  # the day close names the open shift

    out = ok(sh(shop, "close-for", shift_no, "--counted", "105.50", "--note", "王小明 先走了"))
    assert out == (f"shift {shift_no} of 王小明 is closed for them\n"
                   "  cash  counted ¥105.50  expected ¥107.00  variance ¥-1.50\n")
    closed = _shift(shop, shift_no)
    assert closed.status == ShiftStatus.CLOSED and closed.note == "王小明 先走了"
    assert "shift.close_for" in _audit_actions(shop)
    assert ok(sh(shop, "list", "--open")) == "no shift is open\n"
    waiting = ok(sh(shop, "list", lang="zh_CN"))
    assert waiting.startswith(f"{shift_no}  王小明  交班 ") and "现金差额 ¥-1.50" in waiting
    ok(run(*day))  # now the day closes


def test_mistakes_are_one_line_and_save_nothing(shop: str) -> None:  # noqa: F811
    shift_no = _cashier_leaves_a_shift_open(shop)
    assert refused(sh(shop, "close-for", shift_no, "--counted", "wechat=5")).startswith(
        "Please enter the counted amount of ")  # cash must be counted
    assert refused(sh(shop, "close-for", shift_no, "--counted", "bitcoin=5")) == (
        "cannot count the method “bitcoin”: use cash, bank_card, wechat, alipay, other, coupon")
    assert refused(sh(shop, "close-for", shift_no, "--counted", "1", "--counted", "cash=2")) == (
        "“cash” is counted twice")
    assert "abc" in refused(sh(shop, "close-for", shift_no, "--counted", "abc"))
    assert refused(sh(shop, "close-for", "B19990101-001", "--counted", "0")) == (
        "No shift B19990101-001")  # a number that never was: not "maybe closed already"
    # a cashier may not close another's shift; nor anyone their own this way
    assert refused(sh(shop, "close-for", shift_no, "--counted", "0", user="kasse",
                      password=KASSE))
    assert refused(sh(shop, "list", "--open", user="kasse", password=KASSE))
    assert refused(sh(shop, "close-for", shift_no, "--counted", "0", user="kasse",
                      password=KASSE, lang="zh_CN"))
    assert _shift(shop, shift_no).status == ShiftStatus.OPEN
    assert "shift.close_for" not in _audit_actions(shop)
