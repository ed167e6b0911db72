"""``memberdesk stock receive|count|threshold|list|report`` as real subprocesses: a
shop's IT person receives goods, counts, sets a low-stock level and exports the
report (read back with python-calamine and pdftotext); every refusal is one line on
stderr with exit code 1 and nothing saved."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from memberdesk.db import Database
from memberdesk.paths import DataPaths
from memberdesk.services.backup.integrity import check_database
from memberdesk.services.stock.ledger import stock_of

BOSS = "boss-pass-1"


def run(*args: str, stdin: str = BOSS, lang: str = "en") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "memberdesk.cli", *args],
        input=stdin + "\n", capture_output=True, text=True, timeout=120,
        env={**os.environ, "MEMBERDESK_LANG": lang},
    )


def ok(r: subprocess.CompletedProcess[str]) -> str:
    assert r.returncode == 0, r.stderr
    return r.stdout


def refused(r: subprocess.CompletedProcess[str]) -> str:
    assert r.returncode == 1, (r.stdout, r.stderr)
    assert r.stderr.count("\n") == 1 and r.stderr.startswith("memberdesk: "), r.stderr
    return r.stderr.removeprefix("memberdesk: ").rstrip("\n")


@pytest.fixture
def shop(tmp_path: Path) -> str:
    root = str(tmp_path / "shop")
    ok(run("init", "--data-dir", root, "--shop-name", "好邻居", "--owner", "boss"))
    ok(run("products", "add", "1001", "--data-dir", root, "--user", "boss", "--name",
           "可口可乐 330ml", "--price", "3.50", "--unit", "瓶"))
    ok(run("products", "add", "9001", "--data-dir", root, "--user", "boss", "--name", "精洗一次",
           "--price", "30", "--service"))
    return root


def stock(shop: str, *args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    return run("stock", args[0], "--data-dir", shop, *args[1:], lang=lang)


def test_receive_count_threshold_list_and_report(shop: str, tmp_path: Path) -> None:
    assert "no product is tracked yet" in ok(stock(shop, "list"))
    assert ok(stock(shop, "receive", "1001", "24", "--note", "配送单 A17", "--user", "boss")) == (
        "received 24: 1001 可口可乐 330ml: 24 on hand\n")
    assert ok(stock(shop, "count", "1001", "２１", "--reason", "月末盘点", "--user", "boss",
                    lang="zh_CN")) == "已盘点（差 -3）: 1001 可口可乐 330ml: 现有 21瓶\n"
    assert ok(stock(shop, "threshold", "1001", "30", "--user", "boss")) == (
        "low-stock level 30: 1001 可口可乐 330ml: 21 on hand (low)\n")
    listed = ok(stock(shop, "list", "--low")).splitlines()
    assert listed[0].split() == ["code", "name", "on", "hand", "low", "at", "state"]
    assert listed[1].split() == ["1001", "可口可乐", "330ml", "21瓶", "30", "low"]
    xlsx, pdf = tmp_path / "stock.xlsx", tmp_path / "stock.pdf"
    out = ok(stock(shop, "report", "--user", "boss", "--xlsx", str(xlsx), "--pdf", str(pdf),
                    "--lang", "en"))
    assert "products tracked: 1" in out and "products low: 1" in out and "Received: +24 (1)" in out
    book = CalamineWorkbook.from_path(str(xlsx))
    cells = [str(c) for name in book.sheet_names
             for row in book.get_sheet_by_name(name).to_python() for c in row]
    assert "Stock report" in cells and "可口可乐 330ml" in cells and "Low" in cells
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                              text=True, check=True).stdout
        assert "Stock report" in text and "可口可乐 330ml" in text
    db = Database.open(DataPaths(Path(shop)))
    try:
        info = stock_of(db, "1001")
        assert (info.on_hand, info.low_at) == (21, 30)
        assert check_database(db) == []
    finally:
        db.close()
    # someone "fixes" the number in the file by hand: db check names the product
    raw = sqlite3.connect(Path(shop) / "memberdesk.sqlite3")
    raw.execute("UPDATE stock_levels SET on_hand = 99")
    raw.commit()
    raw.close()
    r = run("db", "check", "--data-dir", shop)
    assert r.returncode == 3, (r.stdout, r.stderr)
    assert "product 1001 (可口可乐 330ml): 99 on hand but its stock ledger sums to 21" in (
        r.stdout + r.stderr)


def test_mistakes_are_one_line_and_save_nothing(shop: str) -> None:
    assert refused(stock(shop, "receive", "1001", "0", "--user", "boss")) == (
        "the quantity “0” must be a whole number from 1 to 1,000,000")
    assert refused(stock(shop, "receive", "1001", "2.5", "--user", "boss", lang="zh_CN")) == (
        "入库数量“2.5”应为 1 到 1,000,000 之间的整数")
    assert refused(stock(shop, "count", "1001", "5", "--user", "boss")) == (
        "give the count's reason with --reason (e.g. month-end count, broken)")
    assert refused(stock(shop, "receive", "9001", "5", "--user", "boss", lang="zh_CN")) == (
        "“精洗一次”是服务项目，不管库存")
    assert "No product" in refused(stock(shop, "receive", "NOPE", "5", "--user", "boss"))
    usage = stock(shop, "receive", "1001")
    assert usage.returncode == 1 and usage.stderr == (
        "memberdesk stock receive: error: the following arguments are required: QTY, --user\n")
    db = Database.open(DataPaths(Path(shop)))
    try:
        assert not stock_of(db, "1001").tracked
    finally:
        db.close()


def test_stock_per_store_with_store_and_for_store(shop: str, tmp_path: Path) -> None:
    """A chain's stores (issue 15 §2): --store acts in a store, transfer sends goods
    to another (调拨), list and report take --for-store (ALL: every store)."""
    from memberdesk.services.shop.stores import add_store
    from memberdesk.services.staff.accounts import login

    db = Database.open(DataPaths(Path(shop)))
    try:
        add_store(db, login(db, "boss", BOSS), "B2", "人民路店")
    finally:
        db.close()
    ok(stock(shop, "receive", "1001", "10", "--user", "boss"))  # the first store: MAIN
    out = ok(stock(shop, "transfer", "1001", "4", "--to", "b2", "--note", "T1", "--user", "boss"))
    assert out.splitlines() == ["transferred 4: MAIN → B2",
                                "  MAIN  1001 可口可乐 330ml: 6 on hand",
                                "  B2  1001 可口可乐 330ml: 4 on hand"]
    ok(stock(shop, "count", "1001", "3", "--reason", "破损 1", "--store", "B2", "--user", "boss"))
    for args, on_hand in ((("--for-store", "B2"), "3瓶"), ((), "6瓶"),  # no option: MAIN
                          (("--for-store", "all"), "9瓶")):
        line = ok(stock(shop, "list", *args)).splitlines()[1].split()
        assert (line[0], line[3]) == ("1001", on_hand), args
    assert refused(stock(shop, "transfer", "1001", "7", "--to", "B2", "--user", "boss")) == (
        "Not enough “可口可乐 330ml” in store MAIN: 6 on hand, 7 to send")
    xlsx = tmp_path / "all.xlsx"
    out = ok(stock(shop, "report", "--for-store", "ALL", "--xlsx", str(xlsx), "--user", "boss"))
    assert out.startswith("stock report ") and ", all stores" in out.splitlines()[0]
    rows = CalamineWorkbook.from_path(str(xlsx)).get_sheet_by_index(1).to_python()
    assert rows[0][:2] == ["门店", "编码"]  # the workbook in the shop's language
    stores = [r[0] for r in rows if len(r) > 1 and r[1] == "1001"]
    assert stores == ["B2", "MAIN"]
    db = Database.open(DataPaths(Path(shop)))
    try:
        assert (stock_of(db, "1001").on_hand, stock_of(db, "1001", "B2").on_hand) == (6, 3)
        assert check_database(db) == []
    finally:
        db.close()
