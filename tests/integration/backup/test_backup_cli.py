"""`memberdesk backup` and `memberdesk restore` as a shop's IT person runs them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.integration.cli.test_cli import run


def _init(d: Path) -> None:
    r = run("init", "--data-dir", str(d), "--shop-name", "备份测试店", stdin="owner-pass\n")
    assert r.returncode == 0, r.stderr


def test_backup_and_restore_commands(tmp_path: Path) -> None:
    d = tmp_path / "shop"
    _init(d)
    r = run("backup", "--data-dir", str(d), stdin="owner-pass\n")
    assert r.returncode == 0, r.stderr
    assert "备份完成并已校验" in r.stdout
    backup = next((d / "backups").glob("memberdesk-*-cli.sqlite3"))
    # change the live shop, then restore the backup
    conn = sqlite3.connect(d / "memberdesk.sqlite3")
    conn.execute("UPDATE shop SET name = '改过的名字'")
    conn.commit()
    conn.close()
    r = run("restore", str(backup), "--data-dir", str(d), stdin="wrong-pass\n")
    assert r.returncode == 1 and "用户名或密码错误" in r.stderr
    r = run("restore", str(backup), "--data-dir", str(d), stdin="owner-pass\n")
    assert r.returncode == 0, r.stderr
    assert "已恢复" in r.stdout and "备份测试店" in r.stdout
    assert run("db", "check", "--data-dir", str(d)).returncode == 0


def test_restore_refuses_a_foreign_file_before_asking(tmp_path: Path) -> None:
    d = tmp_path / "shop"
    _init(d)
    bad = tmp_path / "photo.sqlite3"
    bad.write_bytes(b"\x89PNG" * 100)
    before = (d / "memberdesk.sqlite3").read_bytes()
    r = run("restore", str(bad), "--data-dir", str(d), env={"MEMBERDESK_LANG": "en"})
    assert r.returncode == 1
    assert r.stderr.strip() == (
        "memberdesk: photo.sqlite3 is not a MemberDesk backup (not a database)"
    )
    assert (d / "memberdesk.sqlite3").read_bytes() == before


def test_backup_to_directory(tmp_path: Path) -> None:
    d = tmp_path / "shop"
    _init(d)
    (tmp_path / "usb").mkdir()
    r = run("backup", "--data-dir", str(d), "--to", str(tmp_path / "usb"), stdin="owner-pass\n")
    assert r.returncode == 0, r.stderr
    assert list((tmp_path / "usb").glob("memberdesk-*.sqlite3"))


def test_backup_to_a_missing_destination_is_refused(tmp_path: Path) -> None:
    """A USB drive that is not mounted must not silently land on the local disk."""
    d = tmp_path / "shop"
    _init(d)
    usb = tmp_path / "media" / "usb"
    before = sorted(p.name for p in (d / "backups").iterdir())
    r = run("backup", "--data-dir", str(d), "--to", str(usb), stdin="owner-pass\n")
    assert r.returncode == 1, (r.stdout, r.stderr)
    assert r.stderr.strip() == f"memberdesk: 备份位置 {usb} 不存在（U盘没插好？）"
    assert not (tmp_path / "media").exists()
    assert sorted(p.name for p in (d / "backups").iterdir()) == before
    r = run("backup", "--data-dir", str(d), "--to", str(usb), stdin="owner-pass\n",
            env={"MEMBERDESK_LANG": "en"})
    assert r.returncode == 1
    assert r.stderr.strip() == (
        f"memberdesk: The backup destination {usb} does not exist (is the USB drive plugged in?)"
    )


def test_restore_refused_while_in_use_writes_no_backup(tmp_path: Path) -> None:
    """Another program holds the database: refused before the pre-restore backup."""
    d = tmp_path / "shop"
    _init(d)
    assert run("backup", "--data-dir", str(d), stdin="owner-pass\n").returncode == 0
    backup = next((d / "backups").glob("memberdesk-*-cli.sqlite3"))
    before = sorted(p.name for p in (d / "backups").iterdir())
    other = sqlite3.connect(d / "memberdesk.sqlite3")
    other.execute("SELECT COUNT(*) FROM shop").fetchone()
    try:
        r = run("restore", str(backup), "--data-dir", str(d), stdin="owner-pass\n")
    finally:
        other.close()
    assert r.returncode == 1, (r.stdout, r.stderr)
    assert r.stderr.strip() == (
        "memberdesk: 数据库正被另一个程序使用，请先关闭其他 MemberDesk 窗口再恢复"
    )
    assert sorted(p.name for p in (d / "backups").iterdir()) == before
    assert not list((d / "backups").glob("*pre-restore*"))
    assert run("db", "check", "--data-dir", str(d)).returncode == 0


def test_restore_by_a_manager_is_owner_only_in_one_language(tmp_path: Path) -> None:
    d = tmp_path / "shop"
    _init(d)
    r = run("staff", "add", "mgr", "--name", "王店长", "--role", "manager", "--user", "owner",
            "--data-dir", str(d), stdin="owner-pass\nmgr-pass-1\nmgr-pass-1\n")
    assert r.returncode == 0, r.stderr
    assert run("backup", "--data-dir", str(d), stdin="owner-pass\n").returncode == 0
    backup = next((d / "backups").glob("memberdesk-*-cli.sqlite3"))
    r = run("restore", str(backup), "--data-dir", str(d), "--user", "mgr",
            stdin="mgr-pass-1\n", env={"MEMBERDESK_LANG": "en"})
    assert r.returncode == 1
    assert r.stderr.strip() == "memberdesk: Only the owner may restore a backup"
    r = run("restore", str(backup), "--data-dir", str(d), "--user", "mgr", stdin="mgr-pass-1\n")
    assert r.returncode == 1
    assert r.stderr.strip() == "memberdesk: 仅老板可以恢复数据"


def test_a_manual_backup_needs_a_manager_or_owner_login_and_is_audited(tmp_path: Path) -> None:
    """A backup holds every member's data: a person taking one from the command line
    logs in as a manager or owner, and the audit log names them. (The app's own
    scheduled, day-close and pre-restore backups stay automatic.)"""
    d = tmp_path / "shop"
    _init(d)
    r = run("staff", "add", "xiaowang", "--name", "小王", "--role", "cashier", "--user", "owner",
            "--data-dir", str(d), stdin="owner-pass\ncash-pass-1\ncash-pass-1\n")
    assert r.returncode == 0, r.stderr
    backups = d / "backups"

    def made() -> list[Path]:
        return sorted(backups.glob("memberdesk-*-cli.sqlite3"))

    r = run("backup", "--data-dir", str(d), env={"MEMBERDESK_LANG": "en"})
    assert r.returncode == 1 and made() == []
    assert r.stderr.strip().startswith("memberdesk: ") and "password" in r.stderr
    r = run("backup", "--data-dir", str(d), "--user", "owner", stdin="wrong\n")
    assert r.returncode == 1 and "用户名或密码错误" in r.stderr and made() == []
    r = run("backup", "--data-dir", str(d), "--user", "xiaowang", stdin="cash-pass-1\n",
            env={"MEMBERDESK_LANG": "en"})
    assert r.returncode == 1 and made() == []
    assert r.stderr.strip() == (
        "memberdesk: Not allowed: back up needs a manager's or owner's approval"
    )
    r = run("backup", "--data-dir", str(d), "--user", "owner", stdin="owner-pass\n")
    assert r.returncode == 0, r.stderr
    assert len(made()) == 1
    conn = sqlite3.connect(d / "memberdesk.sqlite3")
    row = conn.execute(
        "SELECT s.username, a.entity_id FROM audit_log a JOIN staff s ON s.id = a.staff_id "
        "WHERE a.action = 'backup.create' ORDER BY a.id DESC LIMIT 1"
    ).fetchone()
    conn.close()
    assert row == ("owner", made()[0].name)
