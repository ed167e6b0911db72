"""Which database a till opens (the network edition's URL, or the local file), and when
the test suite runs the PostgreSQL engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from memberdesk.db.postgres import engine_url, is_postgres_url
from memberdesk.paths import DataPaths, resolve_db_url
from tests import pg_engine

URL_A = "postgresql://till@server-a/shop"
URL_B = "postgresql://till@server-b/shop"


def test_flag_then_environment_then_the_data_folder_setting_then_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = DataPaths(tmp_path / "data").ensure()
    monkeypatch.delenv("MEMBERDESK_DB_URL", raising=False)
    assert resolve_db_url(paths) is None  # the local SQLite file
    (paths.root / "database.url").write_text(f"  {URL_A}\n", encoding="utf-8")
    assert resolve_db_url(paths) == URL_A
    monkeypatch.setenv("MEMBERDESK_DB_URL", URL_B)
    assert resolve_db_url(paths) == URL_B
    assert resolve_db_url(paths, " postgresql://x@y/z ") == "postgresql://x@y/z"
    monkeypatch.setenv("MEMBERDESK_DB_URL", "  ")
    (paths.root / "database.url").write_text("\n", encoding="utf-8")
    assert resolve_db_url(paths) is None


def test_urls_use_psycopg_3() -> None:
    assert is_postgres_url(URL_A) and not is_postgres_url("sqlite:///x.sqlite3")
    assert not is_postgres_url(None)
    assert engine_url(URL_A) == "postgresql+psycopg://till@server-a/shop"
    assert engine_url("postgresql+psycopg://u:p@h/d") == "postgresql+psycopg://u:p@h/d"


def test_ci_demands_the_postgresql_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(pg_engine.URL_VARIABLE, raising=False)
    monkeypatch.delenv("MEMBERDESK_TEST_ENGINES", raising=False)
    monkeypatch.setenv("CI", "false")
    assert not pg_engine.wants_pg()  # a developer without PostgreSQL: SQLite only
    monkeypatch.setenv("CI", "true")
    assert pg_engine.wants_pg()  # CI: the fixtures fail without the URL, nothing skips
    monkeypatch.setenv("MEMBERDESK_TEST_ENGINES", "sqlite")
    assert not pg_engine.wants_pg()  # the shifted-clock rerun
    monkeypatch.delenv("MEMBERDESK_TEST_ENGINES")
    monkeypatch.setenv("CI", "false")
    monkeypatch.setenv(pg_engine.URL_VARIABLE, "postgresql+psycopg://postgres@/t?host=/tmp/x")
    assert pg_engine.wants_pg()
    assert pg_engine.in_pg_suites(pg_engine.TESTS / "unit" / "checkout" / "test_co_basic.py")
    assert not pg_engine.in_pg_suites(pg_engine.TESTS / "gui" / "test_counter.py")


def test_a_postgresql_only_run_keeps_the_postgresql_side(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEMBERDESK_TEST_ENGINES", "postgresql")
    assert pg_engine.postgresql_only_run() and not pg_engine.sqlite_only_run()
    checkout = pg_engine.TESTS / "unit" / "checkout" / "test_co_basic.py"
    assert pg_engine.keep_in_postgresql_run(checkout, "postgresql")
    assert not pg_engine.keep_in_postgresql_run(checkout, "sqlite")
    assert not pg_engine.keep_in_postgresql_run(checkout, None)  # runs in the SQLite run
    assert pg_engine.keep_in_postgresql_run(pg_engine.TESTS / "pg" / "test_x.py", None)
    assert all(p.startswith("tests/") for p in pg_engine.pg_run_paths())
    assert "tests/pg" in pg_engine.pg_run_paths()
