"""``memberdesk count-cards templates|add-template|list|use`` and ``memberdesk report
count-cards`` as real subprocesses: the owner adds a template, a card sold at the
checkout is listed and used, the report counts it; mistakes are one line on stderr
with exit code 1."""

from __future__ import annotations

import subprocess
import uuid
from pathlib import Path

from memberdesk.db import Database
from memberdesk.models import Member
from memberdesk.models.enums import TenderKind
from memberdesk.money import Money
from memberdesk.paths import DataPaths
from memberdesk.services.backup.integrity import check_database
from memberdesk.services.checkout.cart import CartLine, CartRequest
from memberdesk.services.checkout.sale import CheckoutRequest, checkout
from memberdesk.services.pricing.tenders import TenderRequest
from memberdesk.services.shifts import shift as shifts
from memberdesk.services.staff import accounts as staff

from .test_stock_cli import BOSS, ok, refused, run, shop  # noqa: F401  (the shop fixture)


def cc(root: str, *args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    return run("count-cards", args[0], "--data-dir", root, *args[1:], "--user", "boss", lang=lang)


def _sell_card(root: str) -> str:
    """A member and a card sold through the normal checkout; returns the member number."""
    db = Database.open(DataPaths(Path(root)))
    try:
        actor = staff.login(db, "boss", BOSS)
        with db.uow() as uow:
            s = uow.session
            m = Member(member_no="M000001", phone="13800000001", phone_last4="0001", name="张三",
                       tier_id=1)
            s.add(m)
            s.flush()
            member_id = m.id
            uow.commit()
        shifts.open_shift(db, actor, Money(0))
        checkout(db, actor, CheckoutRequest(uuid.uuid4().hex, CartRequest(
            (CartLine(product="W10", qty=1),), member_id),
            (TenderRequest(TenderKind.CASH, Money(25000)),)))
    finally:
        db.close()
    return "M000001"


def test_templates_list_and_use(shop: str) -> None:  # noqa: F811
    assert "no count card template yet" in ok(cc(shop, "templates"))
    out = ok(cc(shop, "add-template", "W10", "洗车10次卡", "250", "--service", "9001=10",
                "--days", "365"))
    assert out == "count card template added: W10 洗车10次卡 ¥250.00\n"
    assert "W10  洗车10次卡  ¥250.00  9001×10  365 days" in ok(cc(shop, "templates"))
    member = _sell_card(shop)
    listed = ok(cc(shop, "list", member, lang="zh_CN"))
    assert "洗车10次卡" in listed and "9001 精洗一次 剩余 10/10 次" in listed
    card = listed.split()[1]
    assert ok(cc(shop, "use", member, card, "--uses", "3", lang="zh_CN")) == (
        "洗车10次卡 精洗一次 ×3  剩余 7 次\n")
    assert refused(cc(shop, "use", member, card, "--uses", "8")) == (
        "The count card “洗车10次卡” has only 7 uses of “精洗一次” left, not 8")
    assert refused(cc(shop, "use", member, card, "--uses", "x")) == (
        "the number of uses “x” must be a whole number")
    assert refused(cc(shop, "add-template", "W5", "五次", "100", "--service", "NOPE=5")) == (
        "No service NOPE (add it on the Products page first)")
    report = ok(run("report", "count-cards", "--data-dir", shop, "--user", "boss",
                    "--xlsx", str(Path(shop) / "cc.xlsx")))
    assert "  cards sold: 1\n" in report and "  uses: 3\n" in report
    assert "  uses outstanding (now): 7\n" in report and "  deferred value: ¥175.00\n" in report
    assert (Path(shop) / "cc.xlsx").stat().st_size > 0
    db = Database.open(DataPaths(Path(shop)))
    try:
        assert check_database(db) == []
    finally:
        db.close()
