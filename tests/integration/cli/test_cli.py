"""The memberdesk command, run as a real subprocess the way a shop's IT person would."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from memberdesk.db import Database
from memberdesk.models.enums import PointsKind, StoredValueKind
from memberdesk.money import Money
from memberdesk.paths import DataPaths
from memberdesk.services.members.profiles import add_member_in
from memberdesk.services.shared import ledger


def run(*args: str, stdin: str = "", env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "MEMBERDESK_LANG": "zh_CN", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "memberdesk.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env=full_env,
    )


def test_init_then_check(tmp_path: Path) -> None:
    d = str(tmp_path / "shop")
    r = run("init", "--data-dir", d, "--shop-name", "好邻居便利店", "--owner", "boss",
            stdin="s3cret-pw\n")
    assert r.returncode == 0, r.stderr
    assert "门店已创建" in r.stdout and "好邻居便利店" in r.stdout
    assert (tmp_path / "shop" / "memberdesk.sqlite3").exists()
    assert (tmp_path / "shop" / "logs" / "memberdesk.log").exists()
    r = run("db", "check", "--data-dir", d)
    assert r.returncode == 0, r.stderr
    assert "检查通过" in r.stdout
    # A second init is refused with one clear line, no traceback.
    r = run("init", "--data-dir", d, "--shop-name", "X", stdin="s3cret-pw\n")
    assert r.returncode != 0
    assert r.stderr.strip().count("\n") == 0 and "已经初始化" in r.stderr
    assert "Traceback" not in r.stderr


def test_init_rejects_weak_password_in_english(tmp_path: Path) -> None:
    r = run("init", "--data-dir", str(tmp_path / "s"), "--shop-name", "Shop", stdin="123\n",
            env={"MEMBERDESK_LANG": "en"})
    assert r.returncode == 1
    assert r.stderr.strip() == "memberdesk: The password must have at least 6 characters"


def test_data_dir_from_environment(tmp_path: Path) -> None:
    r = run("init", "--shop-name", "环境变量店", stdin="s3cret-pw\n",
            env={"MEMBERDESK_HOME": str(tmp_path / "envhome")})
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "envhome" / "memberdesk.sqlite3").exists()


def _init(d: Path) -> None:
    r = run("init", "--data-dir", str(d), "--shop-name", "测试店", stdin="s3cret-pw\n")
    assert r.returncode == 0, r.stderr


def test_db_upgrade_reports_revision(tmp_path: Path) -> None:
    _init(tmp_path / "s")
    r = run("db", "upgrade", "--data-dir", str(tmp_path / "s"))
    assert r.returncode == 0, r.stderr
    assert "0001_baseline" in r.stdout or "最新" in r.stdout


# Every command but init, demo and the GUI: a data directory without a shop database
# (a typo, a folder not set up) is one line and exit 1, and nothing is created there.
NEEDS_A_SHOP: list[tuple[str, ...]] = [
    ("db", "check"),
    ("db", "upgrade"),
    ("backup", "--user", "owner"),
    ("restore", "{backup}", "--user", "owner"),
    ("members", "find", "1234", "--user", "owner"),
    ("members", "import", "{xlsx}", "--user", "owner"),
    ("members", "export", "{out}", "--user", "owner"),
    ("report", "day", "--date", "2026-11-23", "--user", "owner"),
    ("report", "liability", "--user", "owner"),
    ("staff", "list", "--user", "owner"),
    ("reader", "test", "--timeout", "1"),
]


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_a_data_dir_without_a_shop_is_refused_and_left_alone(tmp_path: Path, lang: str) -> None:
    shop = tmp_path / "shop"
    _init(shop)
    assert run("backup", "--data-dir", str(shop), stdin="s3cret-pw\n").returncode == 0
    backup = str(next((shop / "backups").glob("memberdesk-*-cli.sqlite3")))
    fill = {"backup": backup, "xlsx": str(tmp_path / "m.xlsx"), "out": str(tmp_path / "o.xlsx")}
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "memberdesk.sqlite3").touch()  # an empty file is no shop either
    for where in (tmp_path / "typo", empty):
        for cmd in NEEDS_A_SHOP:
            args = [a.format(**fill) for a in cmd]
            r = run(*args, "--data-dir", str(where), stdin="s3cret-pw\n",
                    env={"MEMBERDESK_LANG": lang})
            assert r.returncode == 1, (cmd, r.stdout, r.stderr)
            expected = (
                f"memberdesk: 在 {where} 没有找到门店数据（memberdesk.sqlite3）；"
                "请检查 --data-dir，或先运行 memberdesk init"
                if lang == "zh_CN"
                else f"memberdesk: No shop data (memberdesk.sqlite3) in {where}: "
                "check --data-dir, or run memberdesk init first"
            )
            assert r.stderr.strip() == expected, cmd
            assert r.stdout == "", cmd
    # Nothing was created: no folder for the typo, nothing new in the empty folder.
    assert not (tmp_path / "typo").exists()
    assert [p.name for p in empty.iterdir()] == ["memberdesk.sqlite3"]
    assert (empty / "memberdesk.sqlite3").stat().st_size == 0
    assert not (tmp_path / "o.xlsx").exists()


def test_init_and_demo_still_create_the_data_dir(tmp_path: Path) -> None:
    r = run("demo", "--data-dir", str(tmp_path / "new" / "demo"), "--members", "5",
            "--days", "1")
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "new" / "demo" / "memberdesk.sqlite3").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("report", "day", "--user", "owner"),
         "memberdesk report day: error: the following arguments are required: --date"),
        (("staff", "list"),
         "memberdesk staff list: error: the following arguments are required: --user"),
        (("members", "find", "zs"),
         "memberdesk members find: error: the following arguments are required: --user"),
        (("db", "check", "--bogus"), "memberdesk: error: unrecognized arguments: --bogus"),
        (("db",), "memberdesk db: error: the following arguments are required: ACTION"),
        (("members", "find", "zs", "--user", "x", "--limit", "many"),
         "memberdesk members find: error: argument --limit: invalid int value: 'many'"),
    ],
)
def test_usage_errors_are_one_line_and_exit_1(tmp_path: Path, args: tuple[str, ...],
                                              message: str) -> None:
    """Exit code 2 is the README's "database cannot be opened", not argparse's."""
    r = run("--data-dir", str(tmp_path / "s"), *args)
    assert r.returncode == 1, (r.stdout, r.stderr)
    assert r.stderr.strip() == message
    assert not (tmp_path / "s").exists()


def test_help_and_version_still_exit_0() -> None:
    assert run("--version").returncode == 0
    r = run("report", "day", "--help")
    assert r.returncode == 0 and "--date" in r.stdout


def test_newer_database_one_line_error(tmp_path: Path) -> None:
    d = tmp_path / "s"
    _init(d)
    raw = sqlite3.connect(d / "memberdesk.sqlite3")
    raw.execute("UPDATE alembic_version SET version_num = '0999_future'")
    raw.commit()
    raw.close()
    r = run("db", "check", "--data-dir", str(d))
    assert r.returncode == 2
    assert "更新版本" in r.stderr and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_foreign_file_one_line_error(tmp_path: Path) -> None:
    d = tmp_path / "s"
    d.mkdir()
    (d / "memberdesk.sqlite3").write_text("not a database" * 20)
    r = run("db", "check", "--data-dir", str(d), env={"MEMBERDESK_LANG": "en"})
    assert r.returncode == 2
    assert "is not a MemberDesk database file" in r.stderr


@pytest.fixture
def shop_with_balances(db: Database, shop) -> DataPaths:
    with db.uow() as uow:
        s = uow.session
        a = add_member_in(s, phone="13800138000", name="张三")
        b = add_member_in(s, phone="13900139000", name="李四")
        for m in (a, b):
            ledger.post_stored_value(s, m.id, StoredValueKind.RECHARGE, Money(10_000),
                                     Money(2_000), ledger.Refs())
            ledger.post_stored_value(s, m.id, StoredValueKind.SPEND, Money(-1_500), Money(-500),
                                     ledger.Refs())
            ledger.credit_points(s, m.id, PointsKind.EARN, 120, None, ledger.Refs())
        uow.commit()
    assert db.paths is not None
    return db.paths


def test_check_names_the_member_after_a_hand_edit(shop_with_balances: DataPaths) -> None:
    """The DESIGN's acceptance test: drop the trigger, edit a ledger row with the
    sqlite3 shell, and `db check` fails naming the member."""
    path = shop_with_balances.database
    d = str(shop_with_balances.root)
    assert run("db", "check", "--data-dir", d).returncode == 0
    script = (
        "DROP TRIGGER trg_stored_value_entries_no_update;\n"
        "UPDATE stored_value_entries SET principal_delta = principal_delta + 100 "
        "WHERE id = (SELECT MAX(e.id) FROM stored_value_entries e JOIN members m "
        "ON m.id = e.member_id WHERE m.member_no = 'M000002');\n"
    )
    subprocess.run(["sqlite3", str(path)], input=script, text=True, check=True)
    r = run("db", "check", "--data-dir", d)
    assert r.returncode == 3
    assert "M000002" in r.stderr and "李四" in r.stderr
    assert "M000001" not in r.stderr
    assert "发现问题" in r.stderr
    # The dropped guard is a problem of its own: the ledger would take edits again.
    assert "stored_value_entries accepts UPDATEs: its guard is gone" in r.stderr
    assert "stored_value_entries accepts DELETEs" not in r.stderr


def test_check_finds_points_and_cache_edits(shop_with_balances: DataPaths) -> None:
    path = shop_with_balances.database
    script = (
        "UPDATE members SET points_balance = 999 WHERE member_no = 'M000001';\n"
    )
    subprocess.run(["sqlite3", str(path)], input=script, text=True, check=True)
    r = run("db", "check", "--data-dir", str(shop_with_balances.root), env={"MEMBERDESK_LANG": "en"})
    assert r.returncode == 3
    assert "member M000001 (张三): points balance is 999 but its ledger sums to 120" in r.stderr


def test_a_reader_that_goes_away_stops_the_command_quietly(tmp_path: Path) -> None:
    """``memberdesk shifts list | head``: a trial got a Python traceback (BrokenPipeError)
    when the reader stopped reading. The command stops as a shell tool does."""
    d = str(tmp_path / "shop")
    assert run("init", "--data-dir", d, "--shop-name", "店", "--owner", "boss",
               stdin="s3cret-pw\n").returncode == 0
    proc = subprocess.Popen([sys.executable, "-m", "memberdesk.cli", "db", "check", "--data-dir", d],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "MEMBERDESK_LANG": "zh_CN"})
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before the first line
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 141, err
    assert "Traceback" not in err and "BrokenPipe" not in err, err
