"""``memberdesk server init`` and ``memberdesk stores`` on a PostgreSQL server
(issue 15 §4): an empty database gets the schema, its first store and the owner;
anything else is refused in one line before a write."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import text

from memberdesk.db.postgres import make_pg_engine


def _cli(*args: str, stdin: str = "s3cret-pw\n") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "memberdesk.cli", *args],
                          input=stdin, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "MEMBERDESK_LANG": "en"})


def _rows(url: str, sql: str) -> list[tuple[object, ...]]:
    engine = make_pg_engine(url)
    try:
        with engine.connect() as c:
            return [tuple(r) for r in c.execute(text(sql))]
    finally:
        engine.dispose()


def test_server_init_sets_up_an_empty_server_once(pg_empty: str, tmp_path: Path) -> None:
    d = str(tmp_path / "admin")
    r = _cli("server", "init", "--data-dir", d, "--db-url", pg_empty, "--store", "a01",
             "--name", "人民路店", "--shop-name", "好邻居连锁")
    assert r.returncode == 0, r.stderr
    assert "store A01 人民路店" in r.stdout and "s3cret" not in r.stdout
    assert _rows(pg_empty, "SELECT code, name FROM stores") == [("A01", "人民路店")]
    assert _rows(pg_empty, "SELECT name FROM shop") == [("好邻居连锁",)]
    assert _rows(pg_empty, "SELECT username, role, store_id FROM staff") == [
        ("owner", "owner", None)]
    r = _cli("db", "check", "--data-dir", d, "--db-url", pg_empty)
    assert r.returncode == 0 and "check passed" in r.stdout, r.stderr
    # a second init is refused in one line; nothing changes
    r = _cli("server", "init", "--data-dir", d, "--db-url", pg_empty, "--store", "B02",
             "--name", "又一家")
    assert r.returncode == 1, r.stderr
    assert r.stderr.count("\n") == 1 and "is not empty" in r.stderr, r.stderr
    assert "Traceback" not in r.stderr
    assert _rows(pg_empty, "SELECT code FROM stores") == [("A01",)]
    # the owner opens a second store; the list marks this till's
    r = _cli("stores", "add", "B02", "--name", "解放路店", "--phone", "0571-2",
             "--data-dir", d, "--db-url", pg_empty, "--user", "owner")
    assert r.returncode == 0, r.stderr
    r = _cli("stores", "list", "--data-dir", d, "--db-url", pg_empty, "--store", "B02")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].startswith("  A01\t人民路店") and lines[1].startswith("* B02\t解放路店")
    r = _cli("stores", "set", "B02", "--active", "no", "--data-dir", d, "--db-url", pg_empty,
             "--user", "owner")
    assert r.returncode == 0 and "closed" in r.stdout, r.stderr
    r = _cli("stores", "add", "B02", "--name", "重复", "--data-dir", d, "--db-url", pg_empty,
             "--user", "owner")
    assert r.returncode == 1 and "already exists" in r.stderr, r.stderr


def test_server_init_refuses_a_database_with_other_tables(pg_empty: str,
                                                          tmp_path: Path) -> None:
    engine = make_pg_engine(pg_empty)
    try:
        with engine.begin() as c:
            c.execute(text("CREATE TABLE invoices (id int)"))
    finally:
        engine.dispose()
    r = _cli("server", "init", "--data-dir", str(tmp_path / "a"), "--db-url", pg_empty,
             "--store", "A01", "--name", "人民路店")
    assert r.returncode == 1 and "(it holds invoices)" in r.stderr, r.stderr
    assert _rows(pg_empty, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'") == [
        ("invoices",)]


def test_server_init_refusals_before_any_write(pg_empty: str, tmp_path: Path) -> None:
    d = str(tmp_path / "a")
    r = _cli("server", "init", "--data-dir", d, "--db-url", pg_empty, "--store", "A-1",
             "--name", "x")
    assert r.returncode == 1 and "not valid" in r.stderr, r.stderr
    r = _cli("server", "init", "--data-dir", d, "--store", "A1", "--name", "x")
    assert r.returncode == 1 and "--db-url" in r.stderr, r.stderr
    r = _cli("server", "init", "--data-dir", d, "--db-url", pg_empty, "--store", "A1",
             "--name", "x", stdin="short\n")
    assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
    r = _cli("server", "init", "--data-dir", d, "--store", "A1", "--name", "x",
             "--db-url", f"postgresql://postgres@/nowhere?host={tmp_path}")
    assert r.returncode == 2 and "Cannot reach the database server" in r.stderr, r.stderr
    assert _rows(pg_empty, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'") == []
