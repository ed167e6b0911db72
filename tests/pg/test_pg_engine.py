"""What differs on PostgreSQL: the append-only triggers in plpgsql, the migrations
(upgrade, downgrade, upgrade), 64-bit integers, db check, the CLI on a URL, the locks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from memberdesk.db import Database
from memberdesk.db.migrate import HEAD_REVISION, DatabaseError, alembic_config, missing_tables
from memberdesk.db.postgres import make_pg_engine, open_server_database, server_revision
from memberdesk.models import APPEND_ONLY_TABLES
from memberdesk.paths import DataPaths
from memberdesk.services.backup.integrity import check_database
from memberdesk.services.shared import audit
from memberdesk.services.shop.setup import init_shop


def _raw(url: str) -> psycopg.Connection:
    u = make_url(url)
    return psycopg.connect(dbname=u.database, user=u.username, host=str(u.query["host"]),
                           autocommit=True)


def _shop(url: str, root: Path) -> Database:
    db = Database.open(DataPaths(root).ensure(), url)
    init_shop(db, shop_name="网络店", owner_username="owner", owner_display_name="王老板",
              owner_password="owner-pass")
    return db


def test_append_only_tables_refuse_update_and_delete(pg_fresh: str, tmp_path: Path) -> None:
    db = _shop(pg_fresh, tmp_path / "data")
    db.close()
    with _raw(pg_fresh) as conn:
        for table in APPEND_ONLY_TABLES:  # row triggers: they fire once a table has rows
            for verb in ("UPDATE", "DELETE"):
                row = conn.execute("SELECT pg_get_triggerdef(oid) FROM pg_trigger "
                                   "WHERE tgname = %s", (f"trg_{table}_no_{verb.lower()}",))
                definition = str((row.fetchone() or [""])[0])
                assert f"BEFORE {verb} ON public.{table} FOR EACH ROW" in definition, definition
                assert "memberdesk_append_only()" in definition
        # and they refuse: the audit log has the set-up's rows
        assert conn.execute("SELECT count(*) FROM audit_log").fetchone()[0] > 0  # type: ignore[index]
        for sql in ("UPDATE audit_log SET action = 'x'", "DELETE FROM audit_log"):
            with pytest.raises(psycopg.errors.RestrictViolation, match="audit_log is append-only"):
                conn.execute(sql)


def test_db_check_on_postgres_finds_tampering_and_a_missing_guard(
    pg_fresh: str, tmp_path: Path
) -> None:
    db = _shop(pg_fresh, tmp_path / "data")
    try:
        with db.uow() as uow:
            for i in range(4):
                audit.record(uow.session, action="test.event", staff_id=1, detail={"i": i})
            uow.commit()
        assert check_database(db) == []
        with _raw(pg_fresh) as conn:
            conn.execute("DROP TRIGGER trg_audit_log_no_delete ON audit_log")
            conn.execute("DELETE FROM audit_log WHERE id = 3")
            conn.execute("UPDATE members SET sv_principal = 0")  # no members: no finding
        found = {(p.check, p.message) for p in check_database(db)}
        assert ("append_only", "audit_log accepts DELETEs: its guard is gone") in found
        assert any(c == "audit" and "rows 3..3 are missing" in m for c, m in found), found
    finally:
        db.close()


def test_migrations_upgrade_downgrade_upgrade(pg_empty: str) -> None:
    from alembic import command

    engine = make_pg_engine(pg_empty)
    try:
        assert server_revision(engine) is None
        open_server_database(pg_empty).dispose()  # creates the schema at head
        assert server_revision(engine) == HEAD_REVISION and missing_tables(engine) == []
        bigint = ("SELECT data_type FROM information_schema.columns "
                  "WHERE table_name = 'members' AND column_name = 'sv_principal'")
        with engine.connect() as c:
            assert c.exec_driver_sql(bigint).scalar() == "bigint"
        cfg = alembic_config(engine)
        with engine.begin() as c:
            cfg.attributes["connection"] = c
            command.downgrade(cfg, "0010_stock")
        with engine.connect() as c:
            assert c.exec_driver_sql(bigint).scalar() == "integer"
        with engine.begin() as c:
            cfg.attributes["connection"] = c
            command.downgrade(cfg, "base")
        with engine.connect() as c:
            tables = {r[0] for r in c.exec_driver_sql(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}
            assert tables == {"alembic_version"}
            assert c.exec_driver_sql(
                "SELECT count(*) FROM pg_proc WHERE proname = 'memberdesk_append_only'"
            ).scalar() == 0
        open_server_database(pg_empty).dispose()  # and up again
        assert server_revision(engine) == HEAD_REVISION and missing_tables(engine) == []
    finally:
        engine.dispose()


def test_a_server_that_cannot_be_reached_is_a_clear_refusal(tmp_path: Path) -> None:
    url = f"postgresql+psycopg://postgres@/nowhere?host={tmp_path}"  # no server there
    with pytest.raises(DatabaseError) as caught:
        open_server_database(url)
    assert caught.value.code == "server_unreachable"


def test_money_past_32_bits_on_postgres(pg_fresh: str, tmp_path: Path) -> None:
    from memberdesk.money import Money

    db = _shop(pg_fresh, tmp_path / "data")
    try:
        with db.reader() as r:
            value = r.session.execute(text("SELECT CAST(:v AS BIGINT) * 2"),
                                      {"v": 2**31}).scalar()
        assert value == 2**32
        assert Money(2**33).fen == 2**33
    finally:
        db.close()


def _cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "memberdesk.cli", *args],
                          input="s3cret-pw\n", capture_output=True, text=True, timeout=120,
                          env={**os.environ, "MEMBERDESK_LANG": "en", **env})


def test_cli_on_a_db_url_from_the_flag_the_environment_and_the_setting(
    pg_empty: str, tmp_path: Path
) -> None:
    d = str(tmp_path / "till")
    r = _cli("init", "--data-dir", d, "--db-url", pg_empty, "--shop-name", "Chain", env={})
    assert r.returncode == 0, r.stderr
    assert not (tmp_path / "till" / "memberdesk.sqlite3").exists()  # nothing local
    r = _cli("db", "check", "--data-dir", d, env={"MEMBERDESK_DB_URL": pg_empty})
    assert r.returncode == 0 and "check passed" in r.stdout, r.stderr
    (tmp_path / "till" / "database.url").write_text(pg_empty + "\n", encoding="utf-8")
    r = _cli("db", "upgrade", "--data-dir", d, env={})
    assert r.returncode == 0 and HEAD_REVISION in r.stdout, r.stderr
    r = _cli("db", "check", "--data-dir", d, "--db-url",
             f"postgresql://postgres@/nowhere?host={tmp_path}", env={})
    # exit 2: a database that cannot be opened, one line, the password never shown
    assert r.returncode == 2 and r.stderr.startswith(
        "memberdesk: Cannot reach the database server postgresql://postgres@/nowhere"
    ), r.stderr
    assert "Traceback" not in r.stderr


def test_the_app_makes_no_backup_of_a_server(pg_fresh: str, tmp_path: Path) -> None:
    from memberdesk.services.backup.create import backup_due, create_backup
    from memberdesk.services.shared.errors import UserError

    db = _shop(pg_fresh, tmp_path / "data")
    try:
        assert backup_due(db) is False  # the scheduler leaves it alone
        with pytest.raises(UserError) as caught:
            create_backup(db, None)
        assert caught.value.code == "backup_on_server"
        assert "pg_dump" in caught.value.message("en") and "pg_dump" in caught.value.message("zh_CN")
        assert list((tmp_path / "data" / "backups").iterdir()) == []
    finally:
        db.close()
