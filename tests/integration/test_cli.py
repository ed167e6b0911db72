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
from memberdesk.services import ledger
from memberdesk.services.members import add_member_in


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


def test_db_upgrade_reports_revision(tmp_path: Path) -> None:
    r = run("db", "upgrade", "--data-dir", str(tmp_path / "s"))
    assert r.returncode == 0, r.stderr
    assert "0001_baseline" in r.stdout or "最新" in r.stdout


def test_newer_database_one_line_error(tmp_path: Path) -> None:
    d = tmp_path / "s"
    assert run("db", "upgrade", "--data-dir", str(d)).returncode == 0
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
