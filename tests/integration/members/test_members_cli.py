"""``memberdesk members ...`` as a real subprocess, the way a shop's IT person runs it;
and the 100,000-row import: it reports progress and its memory does not grow with
the file (the sheet is streamed)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .hostile import WORKBOOK, row_xml, sheet_xml, workbook
from .sheets import row, write_sheet

PASSWORDS = {"boss": "boss-pass-1", "kasse": "kasse-pass-1"}


def run(
    *args: str, stdin: str = "", lang: str = "en", timeout: float = 180
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "memberdesk.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "MEMBERDESK_LANG": lang},
    )


@pytest.fixture
def shop_dir(tmp_path: Path) -> str:
    d = str(tmp_path / "shop")
    r = run("init", "--data-dir", d, "--shop-name", "好邻居", "--owner", "boss",
            stdin=PASSWORDS["boss"] + "\n")  # fmt: skip
    assert r.returncode == 0, r.stderr
    # a cashier account, through the service (there is no staff command yet)
    from memberdesk.db import Database
    from memberdesk.models.enums import Role
    from memberdesk.paths import DataPaths
    from memberdesk.services.staff.accounts import create_staff, login

    db = Database.open(DataPaths(Path(d)))
    try:
        owner = login(db, "boss", PASSWORDS["boss"])
        create_staff(db, owner, username="kasse", display_name="收银员", role=Role.CASHIER,
                     password=PASSWORDS["kasse"])  # fmt: skip
    finally:
        db.close()
    return d


def members(
    shop: str, *args: str, user: str = "boss", lang: str = "en"
) -> subprocess.CompletedProcess[str]:
    return run("members", *args, "--data-dir", shop, "--user", user,
               stdin=PASSWORDS[user] + "\n", lang=lang)  # fmt: skip


def test_template_import_find_export(shop_dir: str, tmp_path: Path) -> None:
    template = tmp_path / "template.xlsx"
    r = run("members", "template", str(template))
    assert r.returncode == 0 and template.exists(), r.stderr
    sheet = write_sheet(tmp_path / "m.xlsx", [
        row(name="张三", phone="13800138000", card_uid="04A1B2C3", opening_principal=100,
            opening_points=50),
        row(name="单田芳", phone="13900135678"),
        row(name="王小明", phone="13700135678"),
        row(name="坏", phone="123"),
    ])  # fmt: skip
    r = members(shop_dir, "import", str(sheet), "--dry-run")
    assert r.returncode == 1, r.stderr
    assert "dry run: nothing was written" in r.stdout and "would create 3 members" in r.stdout
    assert r.stderr.strip().splitlines()[-1].startswith("memberdesk: 1 rows have errors")
    r = members(shop_dir, "find", "zs")
    assert r.returncode == 1 and "Nothing found" in r.stderr
    r = members(
        shop_dir, "import", str(sheet), "--errors", str(tmp_path / "errs.xlsx"), lang="zh_CN"
    )
    assert r.returncode == 1 and "新建 3 位会员" in r.stdout
    assert (tmp_path / "errs.xlsx").exists() and "错误报告" in r.stderr
    assert "Traceback" not in r.stderr

    r = members(shop_dir, "find", "0077705923")  # the card, as a wedge reader prints it
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == [
        "found by card: 1 member(s)",
        "M000001  张三  13800138000  普通会员  stored value ¥100.00 (principal ¥100.00 + "
        "bonus ¥0.00)  points 50",
    ]
    r = members(shop_dir, "find", "5678", user="kasse")  # a cashier sees masked phones
    assert r.returncode == 0
    assert "found by the last 4 digits of the phone: 2 member(s)" in r.stdout
    assert "139****5678" in r.stdout and "13900135678" not in r.stdout
    r = members(shop_dir, "find", "zs", lang="zh_CN")
    assert r.stdout.startswith("按拼音首字母找到 1 位会员：")

    r = members(shop_dir, "export", str(tmp_path / "out.xlsx"), user="kasse")
    assert r.returncode == 1 and len(r.stderr.strip().splitlines()) == 1
    assert r.stderr.strip() == (
        "memberdesk: Not allowed: export member data needs a manager's or owner's approval"
    )
    r = members(shop_dir, "export", str(tmp_path / "out.xlsx"))
    assert r.returncode == 0 and "exported 3 members" in r.stdout, r.stderr
    r = run("members", "find", "zs", "--data-dir", shop_dir, "--user", "boss", stdin="wrong\n")
    assert r.returncode == 1 and r.stderr.strip() == "memberdesk: Wrong user name or password"
    assert run("db", "check", "--data-dir", shop_dir).returncode == 0


def test_lost_card_at_the_command_line(shop_dir: str) -> None:
    from memberdesk.db import Database
    from memberdesk.paths import DataPaths
    from memberdesk.services.loyalty.enrol import register_member
    from memberdesk.services.members.cards import report_card_lost
    from memberdesk.services.staff.accounts import login

    db = Database.open(DataPaths(Path(shop_dir)))
    try:
        owner = login(db, "boss", PASSWORDS["boss"])
        register_member(db, owner, phone="13800138000", name="张三", card_uid="04A1B2C3")
        report_card_lost(db, owner, "04A1B2C3")
    finally:
        db.close()
    r = members(shop_dir, "find", "04A1B2C3")
    assert r.returncode == 1, (r.stdout, r.stderr)  # nobody usable found
    assert r.stdout == ""
    assert r.stderr.strip() == "memberdesk: Card 04A1B2C3: card reported lost (member M000001)"
    r = members(shop_dir, "find", "04A1B2C3", lang="zh_CN")
    assert r.returncode == 1
    assert r.stderr.strip() == "memberdesk: 卡 04A1B2C3 已挂失，不能使用（会员 M000001）"
    r = members(shop_dir, "find", "张三")  # the member herself is still found
    assert r.returncode == 0 and "M000001" in r.stdout, r.stderr


def test_a_bad_file_is_one_line(shop_dir: str, tmp_path: Path) -> None:
    bad = tmp_path / "x.xlsx"
    bad.write_text("this is not a workbook")
    r = members(shop_dir, "import", str(bad))
    assert r.returncode == 1
    assert r.stderr.strip() == "memberdesk: x.xlsx is not an Excel workbook (.xlsx)"


# -- 100,000 rows -----------------------------------------------------------------------

# VmHWM is the peak of this process's own memory map. getrusage()'s ru_maxrss is
# not: Linux carries it across exec, so it would report the (large) pytest parent.
_MEASURED = """
import re, sys
from memberdesk.cli import main
code = main(sys.argv[1:])
with open("/proc/self/status") as f:
    peak = re.search(r"VmHWM:\\s+(\\d+) kB", f.read()).group(1)
print(f"MAXRSS_KB {peak}", file=sys.stderr)
sys.exit(code)
"""


def _big_sheet(path: Path, n: int) -> Path:
    surnames, given = (
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗",
        "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂",
    )
    g = len(given)
    rows = (
        (surnames[i % 20] + given[i % g] + given[(i // g) % g], f"139{i:08d}",
         f"AB{i:06X}" if i % 10 == 0 else None, "10.00" if i % 100 == 0 else None,
         5 if i % 100 == 0 else None)
        for i in range(n)
    )  # fmt: skip
    return write_sheet(path, rows, header=["姓名", "手机号", "卡号", "储值本金", "积分"])


def _measured_import(shop: str, sheet: Path) -> tuple[subprocess.CompletedProcess[str], int]:
    r = subprocess.run(
        [sys.executable, "-c", _MEASURED, "members", "import", str(sheet), "--data-dir", shop,
         "--user", "boss"],
        input=PASSWORDS["boss"] + "\n", capture_output=True, text=True, timeout=800,
        env={**os.environ, "MEMBERDESK_LANG": "en"},
    )  # fmt: skip
    found = re.search(r"MAXRSS_KB (\d+)", r.stderr)
    assert found, r.stderr
    return r, int(found.group(1)) // 1024


@pytest.mark.slow
@pytest.mark.timeout(900)  # ~100 s on a quiet 2-core machine; 270 s seen under load 12
def test_import_of_100000_rows_streams_with_progress(tmp_path: Path) -> None:
    shops = []
    for name in ("small", "big"):
        d = str(tmp_path / name)
        assert run("init", "--data-dir", d, "--shop-name", name, "--owner", "boss",
                   stdin=PASSWORDS["boss"] + "\n").returncode == 0  # fmt: skip
        shops.append(d)
    small, small_mb = _measured_import(shops[0], _big_sheet(tmp_path / "5k.xlsx", 5_000))
    assert small.returncode == 0, small.stderr
    sheet = _big_sheet(tmp_path / "100k.xlsx", 100_000)
    started = time.monotonic()
    big, big_mb = _measured_import(shops[1], sheet)
    took = time.monotonic() - started
    assert big.returncode == 0, big.stderr[-2000:]
    assert big.stdout.strip() == (
        "100000 rows: created 100000 members (10000 cards, opening stored value ¥10,000.00, "
        "5000 points), 0 already registered, 0 with errors"
    )
    progress = [line for line in big.stderr.splitlines() if line.startswith("processed")]
    counts = [int(re.match(r"processed (\d+)/100000 rows", p).group(1)) for p in progress]  # type: ignore[union-attr]
    assert len(counts) >= 10 and counts == sorted(counts) and counts[-1] == 100_000
    # Streamed: 20 times the rows costs little more memory than 5,000 rows did.
    assert big_mb - small_mb < 80, (small_mb, big_mb)
    assert big_mb < 300, big_mb
    print(f"100k import: {took:.1f} s, peak RSS {big_mb} MB (5k rows: {small_mb} MB)")
    r = run("db", "check", "--data-dir", shops[1])
    assert r.returncode == 0, r.stderr


@pytest.mark.parametrize("kind", ["workbook.xml", "sheet", "encrypted", "empty"])
def test_a_broken_workbook_is_one_line(shop_dir: str, tmp_path: Path, kind: str) -> None:
    path = tmp_path / "x.xlsx"
    good_sheet = sheet_xml([row_xml(1, ("姓名", "手机号"))])
    if kind == "workbook.xml":
        workbook(path, good_sheet, workbook_xml=WORKBOOK[:60])
    elif kind == "sheet":
        workbook(path, good_sheet[:-20])
    elif kind == "encrypted":
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2000)
    else:
        path.write_bytes(b"")
    expected = {
        "workbook.xml": "x.xlsx is not an Excel workbook (.xlsx)",
        "sheet": "x.xlsx is not an Excel workbook (.xlsx)",
        "encrypted": "x.xlsx is password-protected or an old .xls file: remove the password "
        "in Excel and save it as .xlsx",
        "empty": "x.xlsx is empty: not an Excel workbook",
    }[kind]
    r = members(shop_dir, "import", str(path), "--dry-run")
    assert (r.returncode, r.stderr.strip()) == (1, f"memberdesk: {expected}")
    zh = members(shop_dir, "import", str(path), lang="zh_CN")
    assert zh.returncode == 1 and len(zh.stderr.strip().splitlines()) == 1
    assert "x.xlsx" in zh.stderr and "Traceback" not in zh.stderr
