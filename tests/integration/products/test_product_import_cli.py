"""``memberdesk products template|import|export`` as real subprocesses, the way a
shop's IT person sets a shop up by script: a dry run with a bad row exits 1 with
one line on stderr and writes the error workbook; the import, then the export,
which imports again unchanged."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ..members.sheets import read_sheet, write_sheet

BOSS = "boss-pass-1"


def run(*args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "memberdesk.cli", *args], input=BOSS + "\n",
                          capture_output=True, text=True, timeout=180,
                          env={**os.environ, "MEMBERDESK_LANG": lang})  # fmt: skip


def test_template_import_and_export_from_the_command_line(tmp_path: Path) -> None:
    shop = str(tmp_path / "shop")
    assert run("init", "--data-dir", shop, "--shop-name", "好邻居", "--owner", "boss").returncode == 0
    r = run("products", "template", str(tmp_path / "t.xlsx"), "--data-dir", shop, lang="zh_CN")
    assert r.returncode == 0 and "已生成导入模板" in r.stdout, r.stderr
    assert "会员价:金卡会员" in read_sheet(tmp_path / "t.xlsx")[0]

    header = ["货号", "条码", "商品名称", "分类", "售价", "会员价:金卡会员"]
    rows = [["1001", "6901939621608", "可口可乐", "饮料", "3.50", "3.20"],
            ["1002", "6901939621609", "坏条码", "饮料", "2.00", None]]
    sheet = write_sheet(tmp_path / "p.xlsx", rows, header, "商品")
    errors = tmp_path / "out" / "errors.xlsx"
    errors.parent.mkdir()
    r = run("products", "import", str(sheet), "--dry-run", "--errors", str(errors),
            "--data-dir", shop, "--user", "boss")
    assert r.returncode == 1
    assert r.stdout.splitlines() == [
        "dry run: nothing was written.",
        "2 rows: would create 1 products, would update 0, 0 unchanged, 1 with errors; "
        "new categories: 饮料"]
    assert r.stderr.splitlines()[-1] == (
        f"memberdesk: 1 rows have errors and were not imported; error report: {errors}")
    back = read_sheet(errors)
    assert back[1][0] == "1002" and "check digit" in back[1][-2]

    r = run("products", "import", str(write_sheet(tmp_path / "ok.xlsx", rows[:1], header, "商品")),
            "--data-dir", shop, "--user", "boss")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("1 rows: created 1 products")
    out = tmp_path / "export.xlsx"
    r = run("products", "export", str(out), "--data-dir", shop, "--user", "boss", lang="zh_CN")
    assert r.returncode == 0 and r.stdout.strip() == f"已导出 1 个商品到 {out}"
    assert read_sheet(out)[1][:5] == ["1001", "6901939621608", "可口可乐", "饮料", "件"]
    r = run("products", "import", str(out), "--data-dir", shop, "--user", "boss")
    assert r.returncode == 0 and "0 unchanged" not in r.stdout and "1 unchanged" in r.stdout


def test_a_missing_file_and_a_missing_column_are_one_line(tmp_path: Path) -> None:
    shop = str(tmp_path / "shop")
    assert run("init", "--data-dir", shop, "--shop-name", "好邻居", "--owner", "boss").returncode == 0
    r = run("products", "import", str(tmp_path / "nope.xlsx"), "--data-dir", shop,
            "--user", "boss")
    assert r.returncode == 1 and r.stderr.count("\n") == 1 and "nope.xlsx" in r.stderr
    sheet = write_sheet(tmp_path / "p.xlsx", [["可乐", "3"]], ["商品名称", "售价"], "商品")
    r = run("products", "import", str(sheet), "--data-dir", shop, "--user", "boss",
            lang="zh_CN")
    assert r.returncode == 1 and r.stderr == (
        "memberdesk: 表格缺少必需的列：货号（请使用导入模板）\n")
