"""``memberdesk network migrate`` (issue 15 §4): a single-machine shop moves into an
empty chain database with every ledger intact, shows the same day reports and
liabilities there, refuses a store or members the chain already has, and leaves the
server unchanged when interrupted."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from memberdesk.db import Database
from memberdesk.db.postgres import make_pg_engine
from memberdesk.demo import build_demo
from memberdesk.domain import shoptime
from memberdesk.models import DayClose
from memberdesk.paths import DataPaths
from memberdesk.services.backup.network_migrate import MigrateRequest, migrate_shop
from memberdesk.services.backup.server_backup import figures
from memberdesk.services.closing.day_close import day_report
from memberdesk.services.reporting import codec
from memberdesk.services.reporting.day_report import DayReport, compute
from memberdesk.services.reporting.liability import liability_report
from memberdesk.services.reporting.points_report import points_report
from memberdesk.services.reporting.window import Watermarks, Window
from memberdesk.services.staff.accounts import login
from tests.pg.test_server_init import _rows

DEMO_TODAY = date(2026, 11, 20)
BALANCES_NOW = ("sv_open_principal", "sv_open_bonus", "sv_close_principal", "sv_close_bonus",
                "points_open", "points_close")
AFTER = datetime(2026, 11, 21, 2, 0, tzinfo=UTC)  # the next morning in the shop (UTC+8)


@pytest.fixture(scope="module")
def demo_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo shop (40 members, four traded and closed days), built once."""
    paths = DataPaths(tmp_path_factory.mktemp("demo") / "data").ensure()
    db = Database.open(paths)
    try:
        build_demo(db, members=40, days=4, seed=7, today=DEMO_TODAY)
    finally:
        db.close()
    return paths.root


@pytest.fixture
def demo(demo_master: Path, tmp_path: Path) -> Path:
    """This test's copy of the demo shop's data folder (file and audit key)."""
    return Path(shutil.copytree(demo_master, tmp_path / "shop"))


def _cli(*args: str, stdin: str = "owner123\n") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "memberdesk.cli", *args], input=stdin,
                          capture_output=True, text=True, timeout=600,
                          env={**os.environ, "MEMBERDESK_LANG": "en"})


def _migrate(shop: Path, url: str, store: str, *more: str,
             stdin: str = "owner123\n") -> subprocess.CompletedProcess[str]:
    return _cli("network", "migrate", "--from", str(shop), "--db-url", url, "--store", store,
                "--user", "owner", "--data-dir", str(shop.parent / "admin"), *more, stdin=stdin)


def _server_figures(url: str) -> dict[str, int]:
    engine = make_pg_engine(url)
    try:
        with engine.connect() as c:
            if c.exec_driver_sql("SELECT to_regclass('members')").scalar() is None:
                return {"tables": len(c.exec_driver_sql(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public'").all())}
            return figures(c)
    finally:
        engine.dispose()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _recomputed(db: Database) -> list[DayReport]:
    """Every close's report computed again from the records (the window each close
    covered), on this engine: the SQL of the day report over the copied rows."""
    out: list[DayReport] = []
    with db.reader() as uow:
        s = uow.session
        previous: DayClose | None = None
        for dc in s.scalars(select(DayClose).order_by(DayClose.close_no)):
            marks = Watermarks.from_dict(json.loads(dc.report_json)["watermarks"])
            before = (Watermarks.from_dict(json.loads(previous.report_json)["watermarks"])
                      if previous else Watermarks())
            window = Window(dc.business_date, previous.business_date if previous else None,
                            before, marks, previous.closed_at if previous else None,
                            dc.closed_at)
            out.append(compute(s, window, close_no=dc.close_no))
            previous = dc
    return out


def _points(db: Database, actor: Any, day: date) -> dict[str, Any]:
    with points_report(db, actor, day, day) as rep:
        fields = {f.name: getattr(rep, f.name) for f in dataclasses.fields(rep)
                  if f.name != "rows"}
        fields["rows"] = list(rep.rows())
        return fields


def test_the_demo_shop_moves_with_the_same_reports(demo: Path, pg_empty: str) -> None:
    shop_file = demo / "memberdesk.sqlite3"
    before = _digest(shop_file)
    r = _migrate(demo, pg_empty, "a01", "--name", "人民路店")
    assert r.returncode == 0, r.stderr
    assert "store A01 人民路店" in r.stdout and "db check passed on both sides" in r.stdout
    assert _digest(shop_file) == before  # the owner's file is only read
    assert _rows(pg_empty, "SELECT code, name FROM stores") == [("A01", "人民路店")]
    assert _rows(pg_empty, "SELECT DISTINCT s.code FROM sales JOIN stores s "
                           "ON s.id = sales.store_id") == [("A01",)]
    assert _rows(pg_empty, "SELECT action, entity_id FROM audit_log ORDER BY id DESC "
                           "LIMIT 1") == [("network.migrate", "A01")]
    # the shop's own backups are named in its audit rows, longer than VARCHAR(40)
    assert _rows(pg_empty, "SELECT max(length(entity_id)) > 40 FROM audit_log") == [(True,)]
    # every id sequence is past the copied ids
    for table in ("members", "sales", "audit_log", "points_entries", "stored_value_entries"):
        (fresh, top), = _rows(pg_empty, f"SELECT nextval(pg_get_serial_sequence('{table}', "
                                        f"'id')), (SELECT max(id) FROM {table})")
        assert fresh > top, table
    # the printed next step points this till at the server: db check passes there
    steps = [ln.strip() for ln in r.stdout.splitlines() if ln.startswith("  ")]
    assert len(steps) == 3 and steps[2].startswith("memberdesk --data-dir")
    for step in steps[:2]:
        subprocess.run(["bash", "-c", step], check=True)
    assert (demo / "store").read_text().strip() == "A01"
    done = _cli(*steps[2].split()[1:])
    assert done.returncode == 0 and "check passed" in done.stdout, done.stderr
    # the same figures on both sides, day by day
    file_db = Database.of_file(shop_file)
    server = Database.of_url(pg_empty, demo)
    try:
        with shoptime.frozen(AFTER):
            owner_f, owner_s = login(file_db, "owner", "owner123"), login(server, "owner",
                                                                           "owner123")
            with file_db.reader() as uow:
                days = sorted(uow.session.scalars(select(DayClose.business_date)))
            assert len(days) == 4
            assert _recomputed(server) == _recomputed(file_db)
            sealed = [codec.loads(DayReport, dc) for dc in _rows_json(file_db)]
            # and what each close sealed (but the balances: read now, not at the close)
            assert [dataclasses.replace(a, **{k: getattr(b, k) for k in BALANCES_NOW})
                    for a, b in zip(_recomputed(server), sealed, strict=True)] == sealed
            for day in days:
                assert day_report(server, owner_s, day) == day_report(file_db, owner_f, day)
                assert (liability_report(server, owner_s, day)
                        == liability_report(file_db, owner_f, day))
                assert _points(server, owner_s, day) == _points(file_db, owner_f, day)
            assert liability_report(server, owner_s).total.fen > 0
    finally:
        file_db.close()
        server.close()


def _rows_json(db: Database) -> list[str]:
    with db.reader() as uow:
        return list(uow.session.scalars(select(DayClose.report_json)
                                        .order_by(DayClose.close_no)))


def test_a_store_or_members_the_chain_has_are_refused(demo: Path, pg_empty: str,
                                                      tmp_path: Path) -> None:
    assert _migrate(demo, pg_empty, "A01").returncode == 0
    chain = _server_figures(pg_empty)
    r = _migrate(demo, pg_empty, "A01")
    assert r.returncode == 1 and r.stderr.count("\n") == 1, r.stderr
    assert "Store A01 already has data on the server (sales " in r.stderr
    r = _migrate(demo, pg_empty, "B02")
    assert r.returncode == 1 and r.stderr.count("\n") == 1, r.stderr
    assert "40 of this shop's members collide with the chain's members" in r.stderr
    assert "phone 1" in r.stderr and "Merging members is not supported" in r.stderr
    zh = subprocess.run([sys.executable, "-m", "memberdesk.cli", "network", "migrate",
                         "--from", str(demo), "--db-url", pg_empty, "--store", "B02",
                         "--user", "owner", "--data-dir", str(tmp_path / "admin")],
                        input="owner123\n", capture_output=True, text=True, timeout=600,
                        env={**os.environ, "MEMBERDESK_LANG": "zh_CN"})
    assert zh.returncode == 1 and "位会员与服务器上的会员冲突" in zh.stderr, zh.stderr
    # another shop without those members: merging into a chain is not supported
    other = tmp_path / "other"
    made = _cli("init", "--data-dir", str(other), "--shop-name", "又一家",
                stdin="owner-pass-9\nowner-pass-9\n")
    assert made.returncode == 0, made.stderr
    r = _migrate(other, pg_empty, "C03", stdin="owner-pass-9\n")
    assert r.returncode == 1 and "already holds a chain" in r.stderr, r.stderr
    assert "Traceback" not in r.stderr
    assert _server_figures(pg_empty) == chain  # nothing written by any refusal


def test_refusals_before_the_server_is_touched(demo: Path, pg_empty: str,
                                               tmp_path: Path) -> None:
    r = _migrate(demo, pg_empty, "A01", stdin="wrong-password\n")
    assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
    r = _cli("network", "migrate", "--from", str(demo), "--db-url", pg_empty, "--store", "A01",
             "--user", "cashier", "--data-dir", str(tmp_path / "a"), stdin="cashier123\n")
    assert r.returncode == 1 and r.stderr.count("\n") == 1, r.stderr
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    r = _migrate(junk, pg_empty, "A01")
    assert r.returncode == 1 and r.stderr.count("\n") == 1, r.stderr
    assert "is not a sound shop database that can be moved (not an SQLite file)" in r.stderr
    r = _migrate(demo, pg_empty, "A-1")
    assert r.returncode == 1 and "not valid" in r.stderr, r.stderr
    # SQLite kept a name longer than its VARCHAR(40): the server would not take it
    raw = sqlite3.connect(demo / "memberdesk.sqlite3")
    with raw:
        raw.execute("UPDATE members SET name = ? WHERE id = 1", ("张" * 45,))
    raw.close()
    r = _migrate(demo, pg_empty, "A01")
    assert r.returncode == 1 and r.stderr.count("\n") == 1, r.stderr
    assert "longer than the server's columns take (members.name (45/40)" in r.stderr
    assert _rows(pg_empty, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'") == []


class _Interrupted(Exception):
    pass


@pytest.mark.parametrize("server", ["empty", "bare schema"])
def test_an_interrupted_migration_leaves_the_server_unchanged(
        demo: Path, pg_empty: str, pg_fresh: str, server: str) -> None:
    url = pg_empty if server == "empty" else pg_fresh
    before = _server_figures(url)
    calls: list[str] = []

    def stop_after_some(table: str, done: int, total: int) -> None:
        calls.append(table)
        if len(calls) == 12:  # several tables and batches are in the server by now
            raise _Interrupted

    request = MigrateRequest(demo / "memberdesk.sqlite3", url, "A01", "owner", "owner123")
    with pytest.raises(_Interrupted):
        migrate_shop(request, chunk=20, progress=stop_after_some)
    assert len(set(calls)) > 2
    assert _server_figures(url) == before
    # and the same migration, not interrupted, goes through afterwards
    result = migrate_shop(request, chunk=20)
    assert result.members == 40 and result.store_code == "A01"
    assert result.store_name == "好邻居便利店"  # no --name: the shop's name
    assert _rows(url, "SELECT count(*) FROM members") == [(40,)]


_KILLED_WORKER = """
import sys, time
from pathlib import Path
from memberdesk.services.backup.network_migrate import MigrateRequest, migrate_shop
shop, url, marker = sys.argv[1:4]
calls = []
def progress(table, done, total):
    calls.append(table)
    if len(calls) == 12:
        Path(marker).write_text(table)
        time.sleep(600)  # killed here, between two batches
migrate_shop(MigrateRequest(Path(shop), url, "A01", "owner", "owner123"), chunk=20,
             progress=progress)
"""


def test_a_migration_killed_between_batches_leaves_the_server_unchanged(
        demo: Path, pg_fresh: str, tmp_path: Path) -> None:
    before = _server_figures(pg_fresh)
    marker = tmp_path / "copying"
    worker = subprocess.Popen([sys.executable, "-c", _KILLED_WORKER,
                               str(demo / "memberdesk.sqlite3"), pg_fresh, str(marker)])
    try:
        for _ in range(1200):
            if marker.exists() or worker.poll() is not None:
                break
            time.sleep(0.1)
        assert marker.exists(), "the worker never reached its twelfth batch"
    finally:
        worker.kill()  # SIGKILL: no rollback from the client
        worker.wait(timeout=60)
    # the server ends the dead client's transaction; a new migration waits for its lock
    result = migrate_shop(MigrateRequest(demo / "memberdesk.sqlite3", pg_fresh, "B02",
                                         "owner", "owner123"))
    assert result.store_code == "B02"
    assert _rows(pg_fresh, "SELECT code FROM stores") == [("B02",)]
    after = _server_figures(pg_fresh)
    assert before["rows.members"] == 0 and after["rows.members"] == 40


def test_an_older_shop_file_is_upgraded_in_a_private_copy(demo: Path, pg_empty: str) -> None:
    from alembic import command

    from memberdesk.db.engine import make_engine
    from memberdesk.db.migrate import HEAD_REVISION, alembic_config, current_revision

    shop_file = demo / "memberdesk.sqlite3"
    engine = make_engine(shop_file)
    try:
        cfg = alembic_config()
        with engine.connect() as conn:
            # as db/migrate.upgrade does: a batch rebuild of a table others point at
            # (0026 rebuilds sale_lines) needs foreign keys off, set outside the transaction
            conn.connection.driver_connection.execute(
                "PRAGMA foreign_keys = OFF")
            with conn.begin():
                cfg.attributes["connection"] = conn
                command.downgrade(cfg, "-1")
        older = current_revision(engine)
    finally:
        engine.dispose()
    assert older != HEAD_REVISION
    before = _digest(shop_file)
    r = _migrate(demo, pg_empty, "A01")
    assert r.returncode == 0, r.stderr
    assert _digest(shop_file) == before  # upgraded in the copy, never in place
    assert _rows(pg_empty, "SELECT version_num FROM alembic_version") == [(HEAD_REVISION,)]
    assert _rows(pg_empty, "SELECT count(*) FROM members") == [(40,)]
