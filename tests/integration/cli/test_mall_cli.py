"""``memberdesk mall gift|gifts|shelf|redeem|reverse|report`` as real subprocesses: the
owner offers a gift, a cashier redeems it for a member, a refusal is one line on
stderr with exit 1 and nothing saved, a manager reverses it, and the report's files
read back (python-calamine); ``db check`` passes after."""

from __future__ import annotations

from pathlib import Path

from python_calamine import CalamineWorkbook

from memberdesk.db import Database
from memberdesk.models.enums import PointsKind
from memberdesk.paths import DataPaths
from memberdesk.services.backup.integrity import check_database
from memberdesk.services.loyalty.enrol import register_member
from memberdesk.services.shared.ledger import Refs, credit_points
from memberdesk.services.staff.accounts import login
from memberdesk.services.stock.ledger import stock_of
from tests.integration.cli.test_stock_cli import BOSS, ok, refused, run, shop  # noqa: F401


def mall(root: str, *args: str, lang: str = "en") -> object:
    return run("mall", args[0], "--data-dir", root, *args[1:], lang=lang)


def test_gift_redeem_refuse_reverse_and_report(shop: str, tmp_path: Path) -> None:  # noqa: F811
    db = Database.open(DataPaths(Path(shop)))
    try:
        boss = login(db, "boss", BOSS)
        member = register_member(db, boss, phone="13900001111", name="赵六")
        with db.uow() as uow:
            credit_points(uow.session, member.id, PointsKind.OPENING, 500, None,
                          Refs(staff_id=boss.staff_id))
            uow.commit()
    finally:
        db.close()
    ok(run("stock", "receive", "--data-dir", shop, "1001", "3", "--user", "boss"))
    out = ok(mall(shop, "gift", "1001", "200", "--user", "boss"))
    assert "1001 可口可乐 330ml: 200 points, on the shelf, 3 in stock" in out
    assert "200 积分" in ok(mall(shop, "gifts", lang="zh_CN"))
    out = ok(mall(shop, "redeem", member.member_no, "1001", "2", "--user", "boss"))
    assert "x 2 for 400 points, 100 points left, 1 in stock" in out
    number = out.split()[1].rstrip(":")
    assert refused(mall(shop, "redeem", member.member_no, "1001", "--user", "boss")) == (
        "Not enough points: “可口可乐 330ml” x 1 needs 200 points, the member has 100 usable "
        "(100 short)")
    assert "兑换数量" in refused(mall(shop, "redeem", member.member_no, "1001", "0",
                                  "--user", "boss", lang="zh_CN"))
    ok(mall(shop, "shelf", "1001", "off", "--user", "boss"))
    assert "off the shelf" in ok(mall(shop, "gifts"))
    assert ok(mall(shop, "gifts", "--on-shelf")).startswith("the points mall has no gifts")
    out = ok(mall(shop, "reverse", number, "--reason", "顾客不要了", "--user", "boss"))
    assert "400 points back, balance 500" in out and "3 in stock" in out
    xlsx = tmp_path / "mall.xlsx"
    out = ok(mall(shop, "report", "--user", "boss", "--xlsx", str(xlsx), "--lang", "en"))
    assert "redemptions: 1" in out and "of them reversed: 1" in out
    sheets = CalamineWorkbook.from_path(str(xlsx))
    cells = [c for name in sheets.sheet_names
             for row in sheets.get_sheet_by_name(name).to_python() for c in row]
    assert number in cells and "Reversed" in cells and "顾客不要了" in cells
    assert "Sign-in is off" in refused(run("signin", "--data-dir", shop, member.member_no,
                                           "--user", "boss"))
    ok(run("settings", "set", "signin.points", "5", "--data-dir", shop, "--user", "boss"))
    out = ok(run("signin", "--data-dir", shop, member.member_no, "--user", "boss"))
    assert "+5 points, day 1 in a row, 505 points now" in out
    assert "already signed in today" in refused(run("signin", "--data-dir", shop,
                                                    member.member_no, "--user", "boss"))
    db = Database.open(DataPaths(Path(shop)))
    try:
        assert stock_of(db, "1001").on_hand == 3
        assert check_database(db) == []
    finally:
        db.close()
