"""Server backups and restores (网络版, issue 15 section 4): pg_dump in its custom
format, restored into a scratch database, db check and the figures compared before it
counts; a restore goes into a fresh database, is verified, then takes the live one's
name (which is kept); a dump of another schema version, or not a dump at all, is
refused with the live database untouched. On the test cluster."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from memberdesk.db import Database
from memberdesk.db.migrate import HEAD_REVISION
from memberdesk.models.enums import TenderKind
from memberdesk.services.backup import server_backup as sb
from memberdesk.services.backup.integrity import check_database
from memberdesk.services.backup.server_backup import server_backup
from memberdesk.services.backup.server_restore import server_restore
from memberdesk.services.shared.errors import UserError
from tests.checkout_support.kit import World

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def world(pg_world: World) -> World:
    pg_world.recharge("alice", "100")
    pg_world.sell([("COLA", 2)], [(TenderKind.STORED_VALUE, "7")], member="alice")
    pg_world.sell([("BEER", 1)], [(TenderKind.CASH, "10")])
    return pg_world


def _databases(url: str) -> set[str]:
    """The databases named after ``url``'s (it and its scratch copies): the other test
    processes create and drop their own databases on the same cluster meanwhile."""
    own = make_url(url).database or ""
    admin = sb.admin_engine(make_url(url))
    try:
        with admin.connect() as c:
            return {name for name in c.execute(text("SELECT datname FROM pg_database")).scalars()
                    if name == own or name.startswith(own + "_")}
    finally:
        admin.dispose()


def _sales(db: Database) -> int:
    with db.reader() as uow:
        return int(uow.session.execute(text("SELECT count(*) FROM sales")).scalar_one())


def test_a_server_backup_is_verified_and_a_restore_brings_it_back(
    world: World, pg_fresh: str, tmp_path: Path
) -> None:
    before = _databases(pg_fresh)
    result = server_backup(world.db, world.owner)
    assert result.path.parent == tmp_path / "data" / "backups"
    assert result.path.suffix == ".dump" and result.path.read_bytes()[:5] == b"PGDMP"
    manifest = json.loads(result.manifest.read_text(encoding="utf-8"))
    assert manifest["revision"] == HEAD_REVISION
    assert manifest["figures"]["rows.sales"] == 2
    assert manifest["figures"]["members.sv_principal"] == 10000 - 700
    assert _databases(pg_fresh) == before  # the scratch database is gone
    with world.db.reader() as uow:
        assert uow.session.execute(text(
            "SELECT count(*) FROM audit_log WHERE action = 'backup.create'")).scalar() == 1

    world.sell([("CHIPS", 1)], [(TenderKind.CASH, "10")])  # after the backup
    assert _sales(world.db) == 3
    restored = server_restore(world.db, world.owner, result.path)
    try:
        assert _sales(restored.database) == 2  # the backup's
        assert check_database(restored.database) == []
        assert restored.database.engine.url.database == make_url(pg_fresh).database
        kept = make_url(pg_fresh).set(database=restored.kept_as).render_as_string(
            hide_password=False)
        old = Database.of_url(kept)
        try:
            assert _sales(old) == 3  # the database before the restore is kept
        finally:
            old.close()
        with restored.database.reader() as uow:
            assert uow.session.execute(text(
                "SELECT count(*) FROM audit_log WHERE action = 'backup.restore'")).scalar() == 1
    finally:
        restored.database.close()
        sb_admin = sb.admin_engine(make_url(pg_fresh))
        with sb_admin.connect() as c:
            c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{restored.kept_as}" WITH (FORCE)')
        sb_admin.dispose()


def test_a_dump_of_another_schema_version_or_no_dump_is_refused(
    world: World, pg_fresh: str, tmp_path: Path
) -> None:
    result = server_backup(world.db, world.owner)
    other = tmp_path / "other.dump"
    target = make_url(pg_fresh)
    with sb.scratch_database(target, "older") as scratch:
        sb.restore_into(result.path, scratch, "server_restore_failed")
        old = Database.of_url(scratch.render_as_string(hide_password=False))
        with old.uow() as uow:
            uow.session.execute(text("UPDATE alembic_version SET version_num = '0016_campaigns'"))
            uow.commit()
        old.close()
        args, env = sb.libpq_args(scratch)
        subprocess.run([sb.tool("pg_dump"), *args, "-d", str(scratch.database), "-Fc",
                        "-f", str(other)], env=env, check=True)
    before = _databases(pg_fresh)
    with pytest.raises(UserError) as refused:
        server_restore(world.db, world.owner, other)
    assert refused.value.code == "server_restore_revision"
    assert "0016_campaigns" in refused.value.message("en")
    assert "另一个数据库版本" in refused.value.message("zh_CN")
    junk = tmp_path / "junk.dump"
    junk.write_bytes(b"not a dump at all\n")
    with pytest.raises(UserError) as not_dump:
        server_restore(world.db, world.owner, junk)
    assert not_dump.value.code == "server_restore_not_a_dump"
    assert _databases(pg_fresh) == before and _sales(world.db) == 2  # live untouched


def test_a_backup_that_does_not_match_is_removed(
    world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = sb.figures
    calls: list[int] = []

    def off_by_one(conn):  # type: ignore[no-untyped-def]
        found = real(conn)
        calls.append(1)
        if len(calls) == 2:  # the restored copy's
            found["members.sv_principal"] += 1
        return found

    monkeypatch.setattr(sb, "figures", off_by_one)
    with pytest.raises(UserError) as bad:
        server_backup(world.db, world.owner)
    assert bad.value.code == "server_backup_mismatch"
    assert "members.sv_principal" in bad.value.message("en")
    assert list((tmp_path / "data" / "backups").iterdir()) == []


def _cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "memberdesk.cli", *args],
                          input="owner-pass\n", capture_output=True, text=True, timeout=300,
                          cwd=ROOT, env={**os.environ, "MEMBERDESK_LANG": "en", **env})


def test_backup_and_restore_commands_on_a_server(world: World, pg_fresh: str, tmp_path: Path) -> None:
    d = str(tmp_path / "data")
    out = tmp_path / "usb"
    out.mkdir()
    world.db.close()
    r = _cli("backup", "--data-dir", d, "--db-url", pg_fresh, "--to", str(out), env={})
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("server backup written and verified: "), r.stdout
    dump = next(out.glob("*.dump"))
    r = _cli("restore", str(dump), "--data-dir", d, "--db-url", pg_fresh, env={})
    assert r.returncode == 0, r.stderr
    assert "the database before the restore is kept as" in r.stdout
    kept = r.stdout.rsplit(": ", 1)[1].strip()
    admin = sb.admin_engine(make_url(pg_fresh))
    with admin.connect() as c:
        c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{kept}" WITH (FORCE)')
    admin.dispose()
    (tmp_path / "x.dump").write_text("nope", encoding="utf-8")
    r = _cli("restore", str(tmp_path / "x.dump"), "--data-dir", d, "--db-url", pg_fresh, env={})
    assert r.returncode == 1 and len(r.stderr.strip().splitlines()) == 1, r.stderr
    assert "is not a MemberDesk server backup" in r.stderr
