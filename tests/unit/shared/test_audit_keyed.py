"""The audit chain is keyed with a secret kept outside the shop file: rewriting it
with the triggers dropped is detected; old unkeyed chains keep verifying; a missing
key is reported as such, never as damage."""

from __future__ import annotations

import json
import sqlite3
import stat

from memberdesk.db import Database
from memberdesk.db.audit_key import KEY_FILENAME, load_keyring
from memberdesk.services.backup.create import create_backup
from memberdesk.services.backup.files import Manifest
from memberdesk.services.backup.integrity import check_database
from memberdesk.services.shared import audit
from memberdesk.services.shared.audit import GENESIS, _payload, _seal


def _add(db: Database, n: int) -> None:
    with db.uow() as uow:
        for i in range(n):
            audit.record(uow.session, action="test.event", staff_id=1, detail={"i": i})
        uow.commit()


def _raw(db: Database) -> sqlite3.Connection:
    conn = sqlite3.connect(db.paths.database, isolation_level=None)  # type: ignore[union-attr]
    conn.execute("DROP TRIGGER trg_audit_log_no_update")
    conn.execute("DROP TRIGGER trg_audit_log_no_delete")
    return conn


def _restore_triggers(db: Database, conn: sqlite3.Connection) -> None:
    """Put the guards back, so only the chain itself can tell."""
    conn.execute("CREATE TRIGGER trg_audit_log_no_update BEFORE UPDATE ON audit_log "
                 "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END")
    conn.execute("CREATE TRIGGER trg_audit_log_no_delete BEFORE DELETE ON audit_log "
                 "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END")
    conn.close()


def _audit_problems(db: Database) -> list[str]:
    return [p.message for p in check_database(db) if p.check in ("audit", "day_close")]


def test_the_key_lives_outside_the_file_readable_by_the_owner_only(db: Database, shop) -> None:
    key_file = db.paths.root / KEY_FILENAME  # type: ignore[union-attr]
    assert key_file.exists() and key_file.parent == db.paths.database.parent  # type: ignore[union-attr]
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    ring = load_keyring(db.paths.root)  # type: ignore[union-attr]
    assert ring is not None
    assert ring.key.hex() not in db.paths.database.read_bytes().hex()  # type: ignore[union-attr]
    _add(db, 3)
    conn = sqlite3.connect(db.paths.database)  # type: ignore[union-attr]
    assert {r[0] for r in conn.execute("SELECT key_id FROM audit_log")} == {ring.current}
    conn.close()
    assert check_database(db) == []


def test_deleting_the_newest_rows_and_rewriting_the_tip_is_detected(db: Database, shop) -> None:
    _add(db, 5)
    conn = _raw(db)
    n = conn.execute("SELECT MAX(id) FROM audit_log").fetchone()[0]
    conn.execute("DELETE FROM audit_log WHERE id > ?", (n - 2,))
    new_tip = conn.execute("SELECT hash FROM audit_log WHERE id = ?", (n - 2,)).fetchone()[0]
    conn.execute("UPDATE settings SET value = ? WHERE key = 'audit.tip'", (json.dumps(new_tip),))
    _restore_triggers(db, conn)
    assert any("newest rows were deleted" in p for p in _audit_problems(db))


def test_recomputing_the_whole_chain_without_the_key_is_detected(db: Database, shop) -> None:
    _add(db, 4)
    conn = _raw(db)
    rows = conn.execute("SELECT id, at, staff_id, approver_id, action, entity, entity_id, detail "
                        "FROM audit_log ORDER BY id").fetchall()
    conn.execute("UPDATE audit_log SET detail = '{\"i\": 99}' WHERE id = ?", (rows[-1][0],))
    prev = GENESIS
    from datetime import datetime

    for rid, at, staff_id, approver_id, action, entity, entity_id, _detail in rows:
        detail = conn.execute("SELECT detail FROM audit_log WHERE id = ?", (rid,)).fetchone()[0]
        h = _seal(None, _payload(prev, rid, datetime.fromisoformat(at), staff_id, approver_id,
                                 action, entity, entity_id, detail))
        conn.execute("UPDATE audit_log SET prev_hash = ?, hash = ?, key_id = NULL WHERE id = ?",
                     (prev, h, rid))
        prev = h
    conn.execute("UPDATE settings SET value = ? WHERE key = 'audit.tip'", (json.dumps(prev),))
    _restore_triggers(db, conn)
    assert any("rewritten without the audit key" in p for p in _audit_problems(db))


def test_a_chain_made_before_the_key_keeps_verifying(data_paths) -> None:
    """Rows written unkeyed (a shop from before the switch-over) verify as they were
    written; the first keyed row continues the same chain."""
    from memberdesk.services.shop.setup import init_shop

    old = Database(Database.open(data_paths).engine, data_paths)  # no keyring: old build
    init_shop(old, shop_name="老店", owner_username="owner", owner_display_name="老板",
              owner_password="owner-pass")
    _add(old, 3)
    old.close()
    (data_paths.root / KEY_FILENAME).unlink()
    conn = sqlite3.connect(data_paths.database)
    assert conn.execute("SELECT COUNT(*) FROM audit_log WHERE key_id IS NOT NULL").fetchone()[0] == 0
    legacy = conn.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    conn.close()
    db = Database.open(data_paths)
    try:
        assert check_database(db) == []
        _add(db, 2)
        assert check_database(db) == []
        ring = load_keyring(data_paths.root)
        assert ring is not None and list(ring.shops.values()) == [legacy + 1]
    finally:
        db.close()


def test_a_missing_key_is_named_not_called_damage(db: Database, shop) -> None:
    _add(db, 2)
    (db.paths.root / KEY_FILENAME).unlink()  # type: ignore[union-attr]
    moved = Database.open(db.paths)  # type: ignore[arg-type]  # "another computer"
    try:
        problems = check_database(moved)
        assert problems and {p.check for p in problems} == {"audit_key"}
        assert "not damage" in problems[0].message and "audit.key" in problems[0].message
    finally:
        moved.close()


def test_day_closes_and_backup_manifests_record_the_tip(db: Database, staff) -> None:
    from memberdesk.services.closing.day_close import close_day
    from memberdesk.services.shared import clock

    with db.reader() as r:
        today = clock.business_date(r.session, clock.now())
    close_day(db, staff["owner"], today)
    conn = sqlite3.connect(db.paths.database)  # type: ignore[union-attr]
    tip, seal = conn.execute("SELECT audit_tip, seal FROM day_closes").fetchone()
    row = conn.execute("SELECT id, hash FROM audit_log WHERE action = 'day.close'").fetchone()
    conn.close()
    assert tip == f"{row[0]}:{row[1]}" and seal
    made = create_backup(db, None)
    manifest = Manifest.load(made.path.with_suffix(".json"))
    assert manifest is not None and manifest.audit_tip.split(":")[0].isdigit()
    assert check_database(db) == []
    # the tip at the close is rewritten along with the chain: the seal no longer matches
    conn = sqlite3.connect(db.paths.database, isolation_level=None)  # type: ignore[union-attr]
    conn.execute("DROP TRIGGER trg_day_closes_no_update")
    conn.execute("UPDATE day_closes SET audit_tip = ?", (f"{row[0]}:{'0' * 64}",))
    conn.close()
    assert any("seal does not match" in p or "rewritten" in p for p in _audit_problems(db))


def test_db_check_on_another_computer_says_the_key_is_missing(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.integration.cli.test_cli import run

    d = tmp_path / "shop"
    r = run("init", "--data-dir", str(d), "--shop-name", "搬家店", stdin="owner-pass\n")
    assert r.returncode == 0, r.stderr
    (d / KEY_FILENAME).unlink()
    r = run("db", "check", "--data-dir", str(d), env={"MEMBERDESK_LANG": "en"})
    assert r.returncode == 4, (r.stdout, r.stderr)
    assert "not damage" in r.stderr and "audit.key" in r.stderr
    assert "damaged" not in r.stderr and "memberdesk: problems found" not in r.stderr
