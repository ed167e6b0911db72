"""`memberdesk backup` and `memberdesk restore` as a shop's IT person runs them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.integration.test_cli import run


def _init(d: Path) -> None:
    r = run("init", "--data-dir", str(d), "--shop-name", "备份测试店", stdin="owner-pass\n")
    assert r.returncode == 0, r.stderr


def test_backup_and_restore_commands(tmp_path: Path) -> None:
    d = tmp_path / "shop"
    _init(d)
    r = run("backup", "--data-dir", str(d))
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
    r = run("backup", "--data-dir", str(d), "--to", str(tmp_path / "usb"))
    assert r.returncode == 0, r.stderr
    assert list((tmp_path / "usb").glob("memberdesk-*.sqlite3"))
