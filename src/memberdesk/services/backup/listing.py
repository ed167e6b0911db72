"""Every backup the shop can be restored from, for the 备份与恢复 page: the shop's
own backup folder and the second destination (a USB drive, say), newest first.

A backup with its manifest (``.json``, written after the copy was verified, naming
its size) whose file still has that size counts as verified; a file without one (a
copy put there by hand, a manifest lost) is listed too, as not verified: restoring
it checks it in full first either way (:func:`.restore.check_restorable`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from memberdesk.db import Database
from memberdesk.services.backup.files import BACKUP_GLOB, Manifest
from memberdesk.services.shared import settings

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)  # a file's time is seconds from it (no clock read)
HERE, SECOND = "local", "second"  # where a backup is: the shop's folder, the second one


@dataclass(frozen=True)
class BackupFile:
    path: Path
    created_at: datetime  # the manifest's; else the file's modification time (UTC)
    size: int  # bytes
    kind: str  # manual, scheduled, day-close, pre-restore … ("" without a manifest)
    verified: bool  # its manifest says it was verified when written, and it matches
    where: str  # HERE | SECOND
    restoring: str = ""  # a pre-restore copy: the backup whose restore it preceded
    restoring_made_at: datetime | None = None  # when that backup was made (aware UTC)


def backup_made_at(path: Path) -> tuple[datetime, bool, str]:
    """When the backup ``path`` was made (aware UTC), whether its manifest says so
    (else it is the file's modification time) and its kind ("" without a manifest)."""
    manifest = Manifest.load(path.with_suffix(".json"))
    if manifest is not None and manifest.file == path.name:
        made = manifest.created_at
        return (made if made.tzinfo else made.replace(tzinfo=UTC)), True, manifest.kind
    return _EPOCH + timedelta(seconds=path.stat().st_mtime), False, ""


def _aware(iso: str) -> datetime | None:
    try:
        made = datetime.fromisoformat(iso)
    except (TypeError, ValueError):  # "" (not a pre-restore copy, an older manifest)
        return None
    return made if made.tzinfo else made.replace(tzinfo=UTC)


def _in(folder: Path, where: str) -> list[BackupFile]:
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob(BACKUP_GLOB):
        try:
            stat = path.stat()
        except OSError:  # removed meanwhile (a rotation)
            continue
        if not path.is_file():
            continue
        manifest = Manifest.load(path.with_suffix(".json"))
        if manifest is not None and manifest.file == path.name:
            found.append(BackupFile(path, manifest.created_at, stat.st_size, manifest.kind,
                                    manifest.size == stat.st_size, where, manifest.restoring,
                                    _aware(manifest.restoring_made_at)))
        else:
            when = _EPOCH + timedelta(seconds=stat.st_mtime)
            found.append(BackupFile(path, when, stat.st_size, "", False, where))
    return found


def list_backup_files(db: Database) -> list[BackupFile]:
    """Every backup in the shop's backup folder and the second destination (when it
    is there), newest first."""
    if db.paths is None:
        raise RuntimeError("list_backup_files needs a database opened from DataPaths")
    with db.reader() as uow:
        second = str(settings.get(uow.session, "backup.second_destination") or "")
    found = _in(db.paths.backups, HERE)
    if second and Path(second).resolve() != db.paths.backups.resolve():
        found += _in(Path(second), SECOND)
    return sorted(found, key=lambda b: (b.created_at, b.where == HERE), reverse=True)
