"""``memberdesk products ...`` and ``memberdesk categories ...`` (issue 11, item 1):
a shop set up by script from an empty ``init``; every refusal one line on stderr,
exit code 1, nothing saved. Run in-process (``main``) with the password on stdin."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from memberdesk.cli import main
from memberdesk.db import Database
from memberdesk.money import Money
from memberdesk.paths import DataPaths
from memberdesk.services.catalog.admin import product_detail
from memberdesk.services.catalog.search import search_products

BOSS = "boss-pass-1"


class Shop:
    def __init__(self, root: Path, monkeypatch: pytest.MonkeyPatch,
                 capsys: pytest.CaptureFixture[str]) -> None:
        self.root, self.monkeypatch, self.capsys = str(root), monkeypatch, capsys

    def run(self, *args: str, password: str = BOSS, lang: str = "en") -> tuple[int, str, str]:
        self.monkeypatch.setenv("MEMBERDESK_LANG", lang)
        self.monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
        self.capsys.readouterr()
        code = main([*args[:2], "--data-dir", self.root, *args[2:]])
        out = self.capsys.readouterr()
        return code, out.out, out.err

    def ok(self, *args: str, **kw: str) -> str:
        code, out, err = self.run(*args, **kw)
        assert code == 0, err
        return out

    def refused(self, *args: str, lang: str = "en") -> str:
        code, out, err = self.run(*args, lang=lang)
        assert code == 1 and err.count("\n") == 1, (out, err)
        return err.removeprefix("memberdesk: ").rstrip("\n")

    def db(self) -> Database:
        return Database.open(DataPaths(Path(self.root)))


@pytest.fixture
def shop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
         capsys: pytest.CaptureFixture[str]) -> Shop:
    s = Shop(tmp_path / "shop", monkeypatch, capsys)
    s.monkeypatch.setattr("sys.stdin", io.StringIO(BOSS + "\n"))
    assert main(["init", "--data-dir", s.root, "--shop-name", "好邻居", "--owner", "boss"]) == 0
    return s


def test_set_up_a_shop_by_script(shop: Shop) -> None:
    assert "no products yet" in shop.ok("products", "list")
    assert shop.ok("categories", "add", "drinks", "饮料", "--user", "boss") == (
        "category added: drinks 饮料\n")
    out = shop.ok("products", "add", "1001", "--user", "boss", "--name", "可口可乐 330ml",
                  "--price", "3.50", "--barcode", "6901939621608", "--unit", "瓶",
                  "--category", "drinks", "--member-price", "gold=3.00")
    assert out == "added: 1001 可口可乐 330ml 3.50\n"
    shop.ok("products", "add", "5001", "--user", "boss", "--name", "中华香烟", "--price", "45",
            "--points-rate", "0", "--no-discount")
    lines = shop.ok("products", "list").splitlines()
    assert lines[0].split() == ["code", "barcode", "name", "unit", "price", "cost", "category",
                                "points", "state"]
    assert lines[1].split() == ["1001", "6901939621608", "可口可乐", "330ml", "瓶", "3.50", "饮料",
                                "100%", "on", "sale"]
    assert lines[2].split() == ["5001", "中华香烟", "件", "45.00", "0%", "on", "sale"]
    assert shop.ok("products", "list", "--search", "kkkl").splitlines()[1].startswith("1001")
    shop.ok("products", "edit", "1001", "--user", "boss", "--price", "3.80",
            "--member-price", "gold=3.20", "--member-price", "silver=3.50")
    shop.ok("products", "deactivate", "5001", "--user", "boss")
    db = shop.db()
    try:
        detail = product_detail(db, "1001")
        assert detail.product.price == Money(380) and detail.product.unit == "瓶"
        assert sorted(p.fen for _t, p in detail.member_prices) == [320, 350]
        assert search_products(db, "6901939621608").exact
        assert search_products(db, "中华").products == ()
    finally:
        db.close()


def test_mistakes_are_one_line_and_save_nothing(shop: Shop) -> None:
    add = ("products", "add", "1001", "--user", "boss", "--name", "可乐")
    assert shop.refused(*add, "--price", "3.50", "--barcode", "6901939621609") == (
        "Barcode 6901939621609 has a wrong check digit (the last digit of an EAN-13 "
        "should be 8): check it and scan or type it again")
    assert shop.refused(*add, "--price", "3.50", "--barcode", "6901939621609", lang="zh_CN") == (
        "条码 6901939621609 的校验位不对（EAN-13 最后一位应为 8），请核对后重新扫描或输入")
    assert "negative" in shop.refused(*add, "--price", "-1")
    assert shop.refused(*add, "--price", "1", "--category", "nope") == "No category nope"
    assert shop.refused(*add, "--price", "1", "--member-price", "gold=2") == (
        "The 金卡会员 member price of ¥2.00 is above the price of ¥1.00")
    assert "--price" in shop.refused("products", "add", "1001", "--user", "boss", "--name", "x")
    assert shop.refused(*add, "--price", "1", "--points-rate", "lots").startswith(
        "the points rate lots")
    assert "no products yet" in shop.ok("products", "list")
    shop.ok(*add, "--price", "1")
    assert shop.refused(*add, "--price", "1") == "The item code 1001 already belongs to “可乐”"
    assert shop.refused("products", "edit", "9999", "--user", "boss", "--price", "1") == (
        "No product 9999")
    assert shop.refused("products", "edit", "1001", "--user", "boss") == (
        "nothing to change (see --help)")


def test_a_cashier_is_refused(shop: Shop) -> None:
    shop.monkeypatch.setattr("sys.stdin", io.StringIO(f"{BOSS}\nkasse-pass-1\nkasse-pass-1\n"))
    assert main(["staff", "add", "kasse", "--data-dir", shop.root, "--user", "boss",
                 "--name", "王小明", "--role", "cashier"]) == 0
    code, _out, err = shop.run("products", "add", "1001", "--user", "kasse", "--name", "可乐",
                               "--price", "3", password="kasse-pass-1")
    assert code == 1
    assert err == "memberdesk: Not allowed: manage products needs a manager's or owner's approval\n"


def test_a_cost_by_add_and_set_never_negative(shop: Shop) -> None:
    shop.ok("products", "add", "1001", "--user", "boss", "--name", "可乐", "--price", "3.50",
            "--cost", "2.10")
    assert shop.ok("products", "list").splitlines()[1].split()[:5] == [
        "1001", "可乐", "件", "3.50", "2.10"]
    shop.ok("products", "set", "1001", "--user", "boss", "--cost", "4")  # above: allowed
    assert "negative" in shop.refused("products", "set", "1001", "--user", "boss",
                                      "--cost", "-1")
    assert "负" in shop.refused("products", "add", "1002", "--user", "boss", "--name", "雪碧",
                               "--price", "3", "--cost", "-0.01", lang="zh_CN")
    db = shop.db()
    try:
        assert product_detail(db, "1001").product.cost == Money(400)
    finally:
        db.close()
    shop.ok("products", "edit", "1001", "--user", "boss", "--cost", "")
    db = shop.db()
    try:
        assert product_detail(db, "1001").product.cost is None
        assert search_products(db, "1002").products == ()
    finally:
        db.close()
