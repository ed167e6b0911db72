"""Interrupted backups and restores leave files behind; start-up and rotation remove
them, and they are never listed as backups."""

from __future__ import annotations

import os
from pathlib import Path

from memberdesk.db import Database
from memberdesk.services.backup.create import create_backup
from memberdesk.services.backup.files import LEFTOVER_AGE, list_backups
from tests.integration.cli.test_cli import run

OLD = LEFTOVER_AGE.total_seconds() + 60


def _age(path: Path, seconds: float) -> Path:
    """Files' ages are the file system's (the clock that stamped the file just
    written), not the shop's nor Python's, which tests may shift."""
    t = path.stat().st_mtime - seconds
    os.utime(path, (t, t))
    return path


def _leftovers(root: Path) -> list[Path]:
    b = root / "backups"
    stem = "memberdesk-20260101-000000-000000-scheduled"
    files = [
        b / f"{stem}.sqlite3.partial",
        b / f"{stem}.sqlite3.partial-journal",
        b / f"{stem}.json.partial",
        b / "memberdesk-20260102-000000-000000-cli.sqlite3",  # renamed, no manifest
        b / "memberdesk-20260103-000000-000000-cli.json",  # manifest, its file gone
        b / "pre-upgrade-0001_baseline-20260101-000000.sqlite3.tmp",
        root / "memberdesk.sqlite3.restoring",
        root / "memberdesk.sqlite3.restoring-journal",
    ]
    for f in files:
        f.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
        _age(f, OLD)
    return files


def _fresh(root: Path) -> Path:
    """A backup being written right now by another process: not a leftover yet."""
    f = root / "backups" / "memberdesk-20260104-000000-000000-scheduled.sqlite3.partial"
    f.write_bytes(b"x")
    return f


def test_rotation_removes_leftovers_and_they_are_never_listed(db: Database, staff) -> None:
    root = db.paths.root  # type: ignore[union-attr]
    files = _leftovers(root)
    fresh = _fresh(root)
    assert list_backups(root / "backups") == []
    made = create_backup(db, None, kind="scheduled")
    assert [b.file for b in list_backups(root / "backups")] == [made.path.name]
    assert [f.name for f in files if f.exists()] == []
    assert fresh.exists()
    assert made.path.exists() and made.path.with_suffix(".json").exists()


def test_start_up_removes_leftovers(tmp_path: Path) -> None:
    d = tmp_path / "shop"
    r = run("init", "--data-dir", str(d), "--shop-name", "残留测试店", stdin="owner-pass\n")
    assert r.returncode == 0, r.stderr
    files = _leftovers(d)
    fresh = _fresh(d)
    r = run("db", "check", "--data-dir", str(d))
    assert r.returncode == 0, r.stderr
    assert [f.name for f in files if f.exists()] == []
    assert fresh.exists()
    assert (d / "memberdesk.sqlite3").exists()


def test_a_copy_killed_half_way_on_the_usb_drive_is_removed(
    db: Database, staff, tmp_path: Path
) -> None:
    from memberdesk.services.shared.settings import change_settings_in

    usb = tmp_path / "usb"
    usb.mkdir()
    with db.uow() as uow:
        change_settings_in(uow.session, staff["owner"], {"backup.second_destination": str(usb)})
        uow.commit()
    half = usb / "memberdesk-20260101-000000-000000-manual.sqlite3.partial"
    half.write_bytes(b"x")
    _age(half, OLD)
    made = create_backup(db, None)
    assert made.second_copy is not None and made.second_copy.exists()
    assert not half.exists()
