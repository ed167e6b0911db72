"""Backups that can really be restored, and restores that refuse bad files."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from memberdesk.db import Database
from memberdesk.models import AuditEntry, Member
from memberdesk.models.base import utcnow
from memberdesk.models.enums import StoredValueKind
from memberdesk.money import Money
from memberdesk.services.backup.create import backup_status, create_backup
from memberdesk.services.backup.files import list_backups
from memberdesk.services.backup.integrity import check_database
from memberdesk.services.backup.restore import restore_backup
from memberdesk.services.members.profiles import add_member_in
from memberdesk.services.shared import ledger
from memberdesk.services.shared.errors import ConflictError, PermissionDenied, UserError
from memberdesk.services.shared.settings import change_settings_in


def _add_member(db: Database, phone: str, name: str, fen: int = 10_000) -> int:
    with db.uow() as uow:
        m = add_member_in(uow.session, phone=phone, name=name)
        ledger.post_stored_value(uow.session, m.id, StoredValueKind.RECHARGE, Money(fen),
                                 Money(fen // 10), ledger.Refs())
        uow.commit()
        return m.id


def _members(db: Database) -> int:
    with db.reader() as r:
        return int(r.session.scalar(select(func.count()).select_from(Member)) or 0)


def _fingerprint(db: Database) -> dict[str, str | None]:
    assert db.paths is not None
    out: dict[str, str | None] = {}
    for suffix in ("", "-wal"):
        p = Path(str(db.paths.database) + suffix)
        out[suffix] = hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else None
    return out


@pytest.fixture
def shop_db(db: Database, staff) -> Database:
    _add_member(db, "13800138000", "张三")
    _add_member(db, "13900139000", "李四")
    return db


def test_backup_is_verified_with_manifest(shop_db: Database) -> None:
    result = create_backup(shop_db, None)
    assert result.path.exists() and result.path.with_suffix(".json").exists()
    assert not list(result.path.parent.glob("*.partial"))
    conn = sqlite3.connect(result.path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert conn.execute("SELECT COUNT(*) FROM members").fetchone()[0] == 2
    conn.close()
    assert [b.file for b in list_backups(result.path.parent)] == [result.path.name]
    status = backup_status(shop_db)
    assert not status.stale and status.last_good_path == result.path


def test_backup_then_restore_round_trip(shop_db: Database, staff) -> None:
    backup = create_backup(shop_db, staff["manager"])
    _add_member(shop_db, "13700137000", "王五")
    assert _members(shop_db) == 3
    result = restore_backup(shop_db, staff["owner"], backup.path)
    restored = result.database
    try:
        assert _members(restored) == 2
        assert check_database(restored) == []
        with restored.reader() as r:
            last = r.session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
            assert last is not None and last.action == "backup.restore"
        # The data from before the restore is kept in the pre-restore backup.
        pre = sqlite3.connect(result.pre_restore_backup)
        assert pre.execute("SELECT COUNT(*) FROM members").fetchone()[0] == 3
        pre.close()
    finally:
        restored.close()


def test_restore_checks_the_owners_password_when_given(shop_db: Database, staff) -> None:
    from memberdesk.services.shared.errors import AuthError

    backup = create_backup(shop_db, None)
    with pytest.raises(AuthError):
        restore_backup(shop_db, staff["owner"], backup.path, password="not-it")
    assert _members(shop_db) == 2
    result = restore_backup(shop_db, staff["owner"], backup.path, password="owner-pass")
    result.database.close()


def test_only_the_owner_may_restore(shop_db: Database, staff) -> None:
    backup = create_backup(shop_db, None)
    before = _fingerprint(shop_db)
    with pytest.raises(PermissionDenied):
        restore_backup(shop_db, staff["manager"], backup.path)
    assert _fingerprint(shop_db) == before
    with pytest.raises(PermissionDenied):
        create_backup(shop_db, staff["cashier"])


def _bad_files(tmp: Path, good: Path) -> dict[str, Path]:
    files: dict[str, Path] = {}
    data = good.read_bytes()
    files["truncated"] = tmp / "truncated.sqlite3"
    files["truncated"].write_bytes(data[: len(data) // 2])
    corrupted = bytearray(data)
    page = 4096
    for pg in range(1, len(data) // page):  # wreck every b-tree page header after the first
        corrupted[pg * page : pg * page + 12] = b"\xff" * 12
    files["corrupted"] = tmp / "corrupted.sqlite3"
    files["corrupted"].write_bytes(bytes(corrupted))
    files["text"] = tmp / "notes.sqlite3"
    files["text"].write_text("这不是数据库" * 100, encoding="utf-8")
    foreign = tmp / "foreign.sqlite3"
    c = sqlite3.connect(foreign)
    c.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    c.commit()
    c.close()
    files["foreign"] = foreign
    newer = tmp / "newer.sqlite3"
    newer.write_bytes(data)
    c = sqlite3.connect(newer)
    c.execute("UPDATE alembic_version SET version_num = '0999_future'")
    c.commit()
    c.close()
    files["newer"] = newer
    tampered = tmp / "tampered.sqlite3"
    tampered.write_bytes(data)
    c = sqlite3.connect(tampered)
    c.execute("UPDATE members SET sv_principal = sv_principal + 100000 WHERE member_no = 'M000001'")
    c.commit()
    c.close()
    files["inconsistent"] = tampered
    files["missing"] = tmp / "does-not-exist.sqlite3"
    return files


EXPECTED = {
    "truncated": "restore_damaged",
    "corrupted": "restore_damaged",
    "text": "restore_not_sqlite",
    "foreign": "restore_foreign",
    "newer": "restore_newer",
    "inconsistent": "restore_inconsistent",
    "missing": "restore_not_a_file",
}


def test_restore_refuses_bad_files_and_leaves_live_untouched(
    shop_db: Database, staff, tmp_path: Path
) -> None:
    (tmp_path / "good").mkdir()
    good = create_backup(shop_db, None, to=tmp_path / "good").path
    files = _bad_files(tmp_path, good)
    for kind, path in files.items():
        before = _fingerprint(shop_db)
        backups_before = sorted(p.name for p in shop_db.paths.backups.iterdir())  # type: ignore[union-attr]
        with pytest.raises(UserError) as err:
            restore_backup(shop_db, staff["owner"], path)
        assert err.value.code == EXPECTED[kind], (kind, err.value.code)
        assert path.name in err.value.message() or kind == "missing"
        assert _fingerprint(shop_db) == before, kind
        assert sorted(p.name for p in shop_db.paths.backups.iterdir()) == backups_before  # type: ignore[union-attr]
        assert _members(shop_db) == 2
    assert check_database(shop_db) == []


def test_restore_refused_while_another_program_has_the_file(
    shop_db: Database, staff
) -> None:
    backup = create_backup(shop_db, None)
    other = sqlite3.connect(shop_db.paths.database)  # type: ignore[union-attr]
    other.execute("SELECT COUNT(*) FROM members").fetchone()
    try:
        with pytest.raises(ConflictError) as err:
            restore_backup(shop_db, staff["owner"], backup.path)
        assert err.value.code == "database_in_use"
    finally:
        other.close()
    # The live database is still there and usable, and no pre-restore backup was
    # written for a restore that could not happen.
    assert _members(shop_db) == 2
    assert check_database(shop_db) == []
    assert [b.file for b in list_backups(shop_db.paths.backups)] == [backup.path.name]  # type: ignore[union-attr]


def test_restore_refused_late_removes_its_pre_restore_backup(
    shop_db: Database, staff, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another program opens the file after the first check: the swap is refused and
    the pre-restore backup written meanwhile is removed again."""
    from memberdesk.services.backup import restore as restore_mod

    backup = create_backup(shop_db, None)
    real = restore_mod._leave_wal_mode
    calls: list[Path] = []

    def second_time_busy(path: Path) -> None:
        calls.append(path)
        if len(calls) == 2:
            raise ConflictError("database_in_use")
        real(path)

    monkeypatch.setattr(restore_mod, "_leave_wal_mode", second_time_busy)
    with pytest.raises(ConflictError):
        restore_backup(shop_db, staff["owner"], backup.path)
    assert len(calls) == 2
    assert [b.file for b in list_backups(shop_db.paths.backups)] == [backup.path.name]  # type: ignore[union-attr]
    assert not list(shop_db.paths.backups.glob("*pre-restore*"))  # type: ignore[union-attr]
    assert not list(shop_db.paths.root.glob("*.restoring"))  # type: ignore[union-attr]
    assert _members(shop_db) == 2 and check_database(shop_db) == []


def test_manager_is_told_restore_is_owner_only(shop_db: Database, staff) -> None:
    backup = create_backup(shop_db, None)
    with pytest.raises(PermissionDenied) as err:
        restore_backup(shop_db, staff["manager"], backup.path)
    assert err.value.code == "permission_owner_only"
    assert err.value.message("en") == "Only the owner may restore a backup"
    assert err.value.message() == "仅老板可以恢复数据"
    with pytest.raises(PermissionDenied) as err:
        create_backup(shop_db, staff["cashier"])
    assert err.value.message("en") == "Not allowed: back up needs a manager's or owner's approval"
    assert err.value.message() == "没有权限：备份，需要店长或老板授权"


def test_rotation_keeps_daily_weekly_monthly(shop_db: Database, staff) -> None:
    with shop_db.uow() as uow:
        change_settings_in(uow.session, staff["owner"], {
            "backup.keep_daily": 3, "backup.keep_weekly": 2, "backup.keep_monthly": 2})
        uow.commit()
    start = utcnow() - timedelta(days=80)
    for day in range(0, 80, 2):
        create_backup(shop_db, None, kind="scheduled", now=start + timedelta(days=day))
    kept = list_backups(shop_db.paths.backups)  # type: ignore[union-attr]
    days = sorted({(b.created_at + timedelta(hours=8)).date() for b in kept})
    assert 3 <= len(kept) <= 3 + 2 + 2
    newest = max(b.created_at for b in kept)
    assert newest == start + timedelta(days=78)
    # the three newest days are all kept
    assert len([d for d in days if d >= (newest + timedelta(hours=8)).date() - timedelta(days=5)]) == 3


def test_a_manual_backup_keeps_the_day_close_backup(shop_db: Database, staff) -> None:
    """Rotation keeps the newest backup per day; a day-close backup is kept besides for
    the daily window, so a manual backup after the day close does not remove it."""
    with shop_db.uow() as uow:
        change_settings_in(uow.session, staff["owner"], {
            "backup.keep_daily": 3, "backup.keep_weekly": 1, "backup.keep_monthly": 1})
        uow.commit()
    # 02:00 UTC: the day close and the manual backup 30 minutes later share a local day.
    start = (utcnow() - timedelta(days=10)).replace(hour=2, minute=0, second=0, microsecond=0)
    closes = [
        create_backup(shop_db, None, kind="day-close", now=start + timedelta(days=day)).path.name
        for day in range(6)
    ]
    manuals = [
        create_backup(shop_db, staff["owner"], kind="manual",
                      now=start + timedelta(days=day, minutes=30)).path.name
        for day in range(6)
    ]
    kept = {b.file for b in list_backups(shop_db.paths.backups)}  # type: ignore[union-attr]
    # The last three days keep both their day close and their (newer) manual backup.
    assert set(closes[3:]) <= kept
    assert set(manuals[3:]) <= kept
    # Older day closes rotate away as before (weekly/monthly keep the newest only).
    assert not set(closes[:3]) & kept
    assert len(kept) <= 3 * 2 + 1 + 1


def test_second_destination(shop_db: Database, staff, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    with shop_db.uow() as uow:
        change_settings_in(uow.session, staff["owner"], {"backup.second_destination": str(usb)})
        uow.commit()
    missing = create_backup(shop_db, None)
    assert missing.second_destination_missing and missing.second_copy is None
    assert not usb.exists()  # never created on the local disk
    assert not backup_status(shop_db).second_destination_ok
    usb.mkdir()
    ok = create_backup(shop_db, None)
    assert ok.second_copy is not None and ok.second_copy.exists()
    assert ok.second_copy.read_bytes() == ok.path.read_bytes()
    assert backup_status(shop_db).second_destination_ok


def test_stale_backup_warning(shop_db: Database) -> None:
    assert backup_status(shop_db).stale  # never backed up
    create_backup(shop_db, None, now=utcnow() - timedelta(days=2))
    status = backup_status(shop_db)
    assert status.stale and status.age is not None and status.age > timedelta(days=1)
    create_backup(shop_db, None)
    assert not backup_status(shop_db).stale


def test_unwritable_destination(shop_db: Database, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(UserError) as err:
        create_backup(shop_db, None, to=blocker)
    assert err.value.code == "path_not_writable"


def test_a_missing_destination_is_refused_never_created(shop_db: Database, tmp_path: Path) -> None:
    usb = tmp_path / "media" / "usb"
    before = sorted(p.name for p in shop_db.paths.backups.iterdir())  # type: ignore[union-attr]
    with pytest.raises(UserError) as err:
        create_backup(shop_db, None, to=usb)
    assert err.value.code == "backup_destination_missing"
    assert err.value.message() == f"备份位置 {usb} 不存在（U盘没插好？）"
    assert not (tmp_path / "media").exists()
    assert sorted(p.name for p in shop_db.paths.backups.iterdir()) == before  # type: ignore[union-attr]


def _mount_tiny_tmpfs(where: Path, size: str) -> None:
    if os.geteuid() != 0:
        if os.environ.get("CI") == "true":
            pytest.fail("the full-disk test needs root to mount a tmpfs")
        pytest.skip("needs root to mount a size-limited tmpfs")
    where.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                   check=True)


def test_full_disk_during_backup(shop_db: Database, tmp_path: Path) -> None:
    with shop_db.uow() as uow:  # make the database bigger than the disk
        for i in range(300):
            add_member_in(uow.session, phone=f"136{i:08d}", name="测试" * 10, notes="备注" * 500)
        uow.commit()
    tiny = tmp_path / "tiny"
    _mount_tiny_tmpfs(tiny, "256k")
    try:
        before = _fingerprint(shop_db)
        with pytest.raises(UserError) as err:
            create_backup(shop_db, None, to=tiny)
        assert err.value.code == "disk_full"
        assert "磁盘空间不足" in err.value.message()
        assert list(tiny.iterdir()) == []  # no partial file left behind
        assert _fingerprint(shop_db) == before
    finally:
        subprocess.run(["umount", "-l", str(tiny)], check=True)
    assert check_database(shop_db) == []


def test_backup_while_another_process_keeps_spending(shop_db: Database, tmp_path: Path) -> None:
    member_id = _add_member(shop_db, "13600136000", "赵六", fen=5_000_000)
    path = str(shop_db.paths.database)  # type: ignore[union-attr]
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.integration.spend_worker", path, str(member_id), "400", "1"],
        stdout=subprocess.PIPE, text=True,
    )
    backups = []
    (tmp_path / "during").mkdir()
    try:
        while proc.poll() is None and len(backups) < 5:
            backups.append(create_backup(shop_db, None, to=tmp_path / "during").path)
    finally:
        out, _ = proc.communicate(timeout=120)
    assert proc.returncode == 0 and int(out.split()[0]) == 400
    assert backups
    for b in backups:
        conn = sqlite3.connect(b)
        # Each snapshot is consistent: cache equals the ledger at that instant.
        cache, total = conn.execute(
            "SELECT m.sv_principal, (SELECT SUM(principal_delta) FROM stored_value_entries "
            "WHERE member_id = m.id) FROM members m WHERE m.id = ?", (member_id,)
        ).fetchone()
        conn.close()
        assert cache == total
    assert check_database(shop_db) == []
