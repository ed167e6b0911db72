"""Every restore candidate is verified completely, whatever its schema revision.

A private copy is upgraded to head and gets the whole ``db check``; only a passing
copy is swapped in; a failed check after the swap puts the old file back.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select

from memberdesk.db import Database
from memberdesk.db.migrate import HEAD_REVISION
from memberdesk.models import Member
from memberdesk.models.enums import StoredValueKind
from memberdesk.money import Money
from memberdesk.services.backup.create import create_backup
from memberdesk.services.backup.files import verify_file
from memberdesk.services.backup.integrity import check_database
from memberdesk.services.backup.restore import restore_backup
from memberdesk.services.members.profiles import add_member_in
from memberdesk.services.shared import ledger
from memberdesk.services.shared.errors import UserError
from tests.integration.cli.test_cli import run


def _add_member(db: Database, phone: str, name: str, fen: int = 10_000) -> None:
    with db.uow() as uow:
        m = add_member_in(uow.session, phone=phone, name=name)
        ledger.post_stored_value(uow.session, m.id, StoredValueKind.RECHARGE, Money(fen),
                                 Money(0), ledger.Refs())
        uow.commit()


def _members(db: Database) -> int:
    with db.reader() as r:
        return int(r.session.scalar(select(func.count()).select_from(Member)) or 0)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def shop_db(db: Database, staff) -> Database:
    _add_member(db, "13800138000", "张三")
    _add_member(db, "13900139000", "李四")
    return db


def _evil(path: Path) -> Path:
    """The issue's reproduction: only looks like an older MemberDesk database."""
    c = sqlite3.connect(path)
    c.executescript(
        "CREATE TABLE alembic_version(version_num PRIMARY KEY);"
        "INSERT INTO alembic_version VALUES('0001_baseline');"
        "CREATE TABLE shop(id INTEGER PRIMARY KEY,name,db_uuid);"
        "INSERT INTO shop VALUES(1,'x','x');"
    )
    c.close()
    return path


# What revisions 0002 to 0010 added, taken out again (their triggers first: a column
# of a table with triggers cannot be dropped while they name the table).
_BACK_TO_0001 = (
    "DROP TABLE stock_entries;"
    "DROP TABLE stock_levels;"
    "DROP TABLE member_scores;"
    "DROP TABLE tier_changes;"
    "DROP TABLE birthday_gifts;"
    "DROP INDEX ix_audit_log_at;"
    "DROP INDEX ix_audit_log_staff_id_at;"
    "DROP TABLE job_runs;"
    "DROP INDEX ix_members_last_visit_at;"
    "DROP INDEX ix_members_points_balance;"
    "DROP INDEX ix_members_stored_value;"
    "DROP INDEX ix_points_lots_due;"
    "DROP TABLE member_search_keys;"
    "DROP TABLE product_search_keys;"
    "DROP INDEX ix_products_name;"
    "ALTER TABLE audit_log DROP COLUMN key_id;"
    "ALTER TABLE day_closes DROP COLUMN audit_tip;"
    "ALTER TABLE day_closes DROP COLUMN seal;"
    "UPDATE alembic_version SET version_num = '0001_baseline';"
)


def _down_to_stock(path: Path) -> None:
    """Undo, with their own downgrades, the revisions after 0010_stock: what remains is
    taken back to 0001 by hand (``_BACK_TO_0001``), keeping the file's rows."""
    from alembic import command
    from sqlalchemy import create_engine

    from memberdesk.db.migrate import alembic_config

    engine = create_engine(f"sqlite:///{path}")
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0010_stock")
    engine.dispose()


def _old_and_edited(good: Path, dest: Path) -> Path:
    """A real backup with an edited ledger, stamped with the previous revision (the
    tables revision 0002 adds are dropped so the upgrade itself succeeds)."""
    dest.write_bytes(good.read_bytes())
    _down_to_stock(dest)
    c = sqlite3.connect(dest)
    c.executescript(
        "UPDATE members SET sv_principal = sv_principal + 500000 WHERE member_no = 'M000001';"
        + _BACK_TO_0001
    )
    c.close()
    return dest


def _old_and_sound(good: Path, dest: Path) -> Path:
    dest.write_bytes(good.read_bytes())
    _down_to_stock(dest)
    c = sqlite3.connect(dest)
    _unkey(c)  # an old build wrote its chain unkeyed
    c.executescript(_BACK_TO_0001)
    c.close()
    return dest


def _unkey(c: sqlite3.Connection) -> None:
    from datetime import datetime

    from memberdesk.services.shared.audit import GENESIS, _payload, _seal

    c.executescript("DROP TRIGGER trg_audit_log_no_update;")
    prev = GENESIS
    for rid, at, staff_id, approver_id, action, entity, entity_id, detail in c.execute(
        "SELECT id, at, staff_id, approver_id, action, entity, entity_id, detail "
        "FROM audit_log ORDER BY id"
    ).fetchall():
        h = _seal(None, _payload(prev, rid, datetime.fromisoformat(at), staff_id, approver_id,
                                 action, entity, entity_id, detail))
        c.execute("UPDATE audit_log SET prev_hash = ?, hash = ?, key_id = NULL WHERE id = ?",
                  (prev, h, rid))
        prev = h
    c.execute("UPDATE settings SET value = ? WHERE key = 'audit.tip'", (f'"{prev}"',))
    c.executescript("CREATE TRIGGER trg_audit_log_no_update BEFORE UPDATE ON audit_log "
                    "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;")
    c.commit()


def test_a_foreign_file_posing_as_an_old_shop_is_refused(
    shop_db: Database, staff, tmp_path: Path
) -> None:
    evil = _evil(tmp_path / "evil.sqlite3")
    live = shop_db.paths.database  # type: ignore[union-attr]
    before = _digest(live)
    assert not verify_file(evil).ok
    with pytest.raises(UserError) as err:
        restore_backup(shop_db, staff["owner"], evil)
    assert err.value.code == "restore_foreign", err.value.code
    assert "evil.sqlite3" in err.value.message("en")
    assert _digest(live) == before
    assert not list(shop_db.paths.backups.glob("*pre-restore*"))  # type: ignore[union-attr]
    assert not list(live.parent.glob("*.restoring*"))
    assert _members(shop_db) == 2 and check_database(shop_db) == []


def test_an_old_backup_with_an_edited_ledger_is_refused(
    shop_db: Database, staff, tmp_path: Path
) -> None:
    (tmp_path / "out").mkdir()
    good = create_backup(shop_db, None, to=tmp_path / "out").path
    bad = _old_and_edited(good, tmp_path / "old-edited.sqlite3")
    assert not verify_file(bad).ok
    live = shop_db.paths.database  # type: ignore[union-attr]
    before = _digest(live)
    with pytest.raises(UserError) as err:
        restore_backup(shop_db, staff["owner"], bad)
    assert err.value.code == "restore_inconsistent", err.value.code
    assert "M000001" in err.value.message("en")
    assert _digest(live) == before
    assert check_database(shop_db) == []
    c = sqlite3.connect(bad)  # the offered file itself is never changed
    assert c.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001_baseline"
    c.close()


def test_a_sound_old_backup_is_upgraded_checked_and_restored(
    shop_db: Database, staff, tmp_path: Path
) -> None:
    (tmp_path / "out").mkdir()
    good = create_backup(shop_db, None, to=tmp_path / "out").path
    old = _old_and_sound(good, tmp_path / "old.sqlite3")
    old_bytes = old.read_bytes()
    _add_member(shop_db, "13700137000", "王五")
    result = restore_backup(shop_db, staff["owner"], old)
    try:
        assert _members(result.database) == 2
        assert check_database(result.database) == []
        assert result.revision == HEAD_REVISION
    finally:
        result.database.close()
    assert old.read_bytes() == old_bytes


def test_a_failed_check_after_the_swap_puts_the_old_file_back(
    shop_db: Database, staff, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever goes wrong after the rename (here: the check of the live file fails),
    the pre-restore file is put back automatically."""
    from memberdesk.services.backup import restore as restore_mod
    from memberdesk.services.backup.integrity import Problem

    (tmp_path / "out").mkdir()
    good = create_backup(shop_db, None, to=tmp_path / "out").path
    _add_member(shop_db, "13700137000", "王五")
    real = restore_mod.check_live
    calls: list[int] = []

    def failing(db: Database) -> list[Problem]:
        calls.append(1)
        real(db)
        return [Problem("stored_value", "member M000001: made up for the test")]

    monkeypatch.setattr(restore_mod, "check_live", failing)
    with pytest.raises(UserError) as err:
        restore_backup(shop_db, staff["owner"], good)
    assert calls
    assert err.value.code == "restore_rolled_back", err.value.code
    assert "M000001" in err.value.message("en")
    reopened = Database.open(shop_db.paths)  # type: ignore[arg-type]
    try:
        assert _members(reopened) == 3  # the data from before the restore
        assert check_database(reopened) == []
    finally:
        reopened.close()
    assert not list(shop_db.paths.root.glob("*.restoring*"))  # type: ignore[union-attr]


def test_the_pre_restore_backup_restores_by_the_same_command(
    shop_db: Database, staff, tmp_path: Path
) -> None:
    (tmp_path / "out").mkdir()
    good = create_backup(shop_db, None, to=tmp_path / "out").path
    _add_member(shop_db, "13700137000", "王五")
    first = restore_backup(shop_db, staff["owner"], good)
    assert _members(first.database) == 2
    second = restore_backup(first.database, staff["owner"], first.pre_restore_backup)
    try:
        assert _members(second.database) == 3
        assert check_database(second.database) == []
    finally:
        second.database.close()


def _shop_name(d: Path) -> str:
    c = sqlite3.connect(d / "memberdesk.sqlite3")
    try:
        return str(c.execute("SELECT name FROM shop").fetchone()[0])
    finally:
        c.close()


def _init(d: Path) -> None:
    r = run("init", "--data-dir", str(d), "--shop-name", "恢复测试店", stdin="owner-pass\n")
    assert r.returncode == 0, r.stderr


def test_cli_refuses_the_issues_foreign_file_and_the_shop_keeps_working(tmp_path: Path) -> None:
    d = tmp_path / "shop"
    _init(d)
    evil = _evil(tmp_path / "evil.sqlite3")
    r = run("restore", str(evil), "--data-dir", str(d), "--user", "owner",
            stdin="owner-pass\n", env={"MEMBERDESK_LANG": "en"})
    assert r.returncode == 1, (r.stdout, r.stderr)
    assert r.stderr.strip() == "memberdesk: evil.sqlite3 is not a MemberDesk shop database"
    assert _shop_name(d) == "恢复测试店"  # (the login itself writes, so compare contents)
    assert not list((d / "backups").glob("*pre-restore*"))
    assert run("db", "check", "--data-dir", str(d)).returncode == 0


def test_cli_refuses_an_old_backup_with_an_edited_ledger(tmp_path: Path) -> None:
    d = tmp_path / "shop"
    r = run("demo", "--data-dir", str(d), "--members", "5", "--days", "1")
    assert r.returncode == 0, r.stderr
    good = next((d / "backups").glob("memberdesk-*.sqlite3"))
    bad = _old_and_edited(good, tmp_path / "bad.sqlite3")
    r = run("restore", str(bad), "--data-dir", str(d), stdin="owner123\n",
            env={"MEMBERDESK_LANG": "en"})
    assert r.returncode == 1, (r.stdout, r.stderr)
    assert "does not reconcile" in r.stderr and "M000001" in r.stderr
    assert "Traceback" not in r.stderr
    assert not list((d / "backups").glob("*pre-restore*"))
    assert run("db", "check", "--data-dir", str(d)).returncode == 0


@pytest.mark.parametrize("revision", ["0001_baseline", "0004_keyed_audit"])
def test_a_look_alike_live_file_is_named_not_crashed_on(tmp_path: Path, revision: str) -> None:
    """Relative of the restore hole: the same look-alike as the live file (copied in by
    hand) is refused in one line at start-up, never upgraded into a traceback."""
    d = tmp_path / "shop"
    d.mkdir()
    live = _evil(d / "memberdesk.sqlite3")
    c = sqlite3.connect(live)
    c.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    c.commit()
    c.close()
    r = run("db", "check", "--data-dir", str(d), env={"MEMBERDESK_LANG": "en"})
    assert r.returncode == 2, (r.stdout, r.stderr)
    assert r.stderr.strip() == (
        f"memberdesk: {live} is an SQLite file but not a MemberDesk shop database"
    )
