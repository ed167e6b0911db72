"""Backups of the live shop database: create (verified), rotate, second copy, status.

A backup is taken with SQLite's online backup API while the shop keeps working,
written under a temporary name, fsynced, verified (integrity_check plus the ledger
reconciliation of ``db check``) and only then renamed into place, with a JSON
manifest beside it. Only files with a manifest count as good backups.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from memberdesk.db import Database
from memberdesk.models import Shop
from memberdesk.models.base import utcnow as clock_now
from memberdesk.services.backup.files import (
    STALE_AFTER,
    Manifest,
    audit_tip_of,
    backup_name,
    delete_backup,
    list_backups,
    os_error,
    plain_copy,
    remove_leftovers,
    rotation_keep,
    sha256_of,
    write_manifest,
    write_verified_copy,
)
from memberdesk.services.shared import audit, settings
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import NotFoundError, UserError
from memberdesk.services.shared.permissions import Permission, require

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int
    created_at: datetime
    second_copy: Path | None
    warnings: tuple[str, ...] = field(default_factory=tuple)  # English, for the log
    second_destination_missing: bool = False
    removed: tuple[str, ...] = field(default_factory=tuple)  # older backups rotated away


@dataclass(frozen=True)
class BackupStatus:
    last_good_at: datetime | None
    last_good_path: Path | None
    stale: bool
    age: timedelta | None
    second_destination: str
    second_destination_ok: bool


def _settings(db: Database, actor: Actor | None) -> tuple[dict[str, object], str, str]:
    with db.uow() as uow:
        s = uow.session
        if actor is not None:
            require(s, actor, Permission.BACKUP)
        shop = s.scalar(select(Shop).where(Shop.id == 1))
        if shop is None:
            raise NotFoundError("not_initialised")
        values = settings.all_settings(s)
        return values, shop.name, shop.db_uuid


def create_backup(
    db: Database,
    actor: Actor | None,
    *,
    kind: str = "manual",
    to: Path | None = None,
    now: datetime | None = None,
    restoring: tuple[str, datetime] | None = None,
) -> BackupResult:
    """Back up the live database. ``actor`` None is the system (scheduler, start-up).
    ``restoring``: the name of the backup about to be restored and when it was made
    (a pre-restore copy's manifest records it: the Backups list tells copies apart)."""
    if db.paths is None:
        raise RuntimeError("create_backup needs a database opened from DataPaths")
    if db.engine.dialect.name != "sqlite":  # the network edition: the server's business
        raise UserError("backup_on_server")
    values, shop_name, db_uuid = _settings(db, actor)
    if to is not None and not to.exists():
        # A USB drive that is not mounted must not silently become a local folder.
        raise UserError("backup_destination_missing", path=str(to))
    at = now or clock_now()
    folder = to or db.paths.backups
    if to is None:
        try:
            folder.mkdir(parents=True, exist_ok=True)  # the shop's own backups/ only
        except OSError as exc:
            raise os_error(exc, folder) from exc
    dest = folder / backup_name(at, kind, int(str(values["shop.timezone_offset_minutes"])))
    result = write_verified_copy(db.paths.database, dest, key_dir=db.paths.root)
    manifest = Manifest(
        file=dest.name,
        created_at=at,
        kind=kind,
        revision=result.revision,
        db_uuid=db_uuid,
        shop_name=shop_name,
        size=dest.stat().st_size,
        sha256=sha256_of(dest),
        audit_tip=audit_tip_of(dest),  # the chain's tip, anchored outside the file
        restoring=restoring[0] if restoring else "",
        restoring_made_at=restoring[1].isoformat() if restoring else "",
    )
    write_manifest(dest, manifest)
    warnings: list[str] = []
    second_copy: Path | None = None
    second_missing = False
    second = str(values.get("backup.second_destination") or "")
    if second and to is None:
        target = Path(second)
        if not target.is_dir():
            second_missing = True
            warnings.append(f"second backup destination {second} is not available")
        else:
            try:
                second_copy = target / dest.name
                write_verified_copy(dest, second_copy, copy=plain_copy)
                write_manifest(second_copy, manifest)
                remove_leftovers(db.paths.root, target)  # e.g. a copy killed half-way
            except UserError as exc:  # e.g. the drive was pulled out meanwhile
                second_copy = None
                second_missing = exc.code == "backup_destination_missing"
                warnings.append(f"second copy failed: {exc.message('en')}")
    removed: list[str] = []
    if to is None:
        removed = _rotate(folder, values)
        leftovers = remove_leftovers(db.paths.root, folder)
        if leftovers:
            log.info("removed what interrupted backups left: %s", ", ".join(leftovers))
    _audit(db, actor, kind, dest, manifest, warnings, removed)
    for w in warnings:
        log.warning(w)
    if removed:
        log.info("backup rotation removed %d older backup(s): %s", len(removed),
                 ", ".join(removed))
    return BackupResult(
        dest, manifest.size, at, second_copy, tuple(warnings), second_missing, tuple(removed)
    )


def _rotate(folder: Path, values: dict[str, object]) -> list[str]:
    backups = list_backups(folder)
    keep = rotation_keep(
        backups,
        daily=int(str(values["backup.keep_daily"])),
        weekly=int(str(values["backup.keep_weekly"])),
        monthly=int(str(values["backup.keep_monthly"])),
        offset=timedelta(minutes=int(str(values["shop.timezone_offset_minutes"]))),
    )
    removed = [b.file for b in backups if b.file not in keep]
    for name in removed:
        delete_backup(folder, name)
    return removed


def _audit(
    db: Database,
    actor: Actor | None,
    kind: str,
    dest: Path,
    manifest: Manifest,
    warnings: list[str],
    removed: list[str],
) -> None:
    with db.uow() as uow:
        audit.record(
            uow.session,
            action="backup.create",
            staff_id=actor.staff_id if actor else None,
            entity="backup",
            entity_id=dest.name,
            detail={"kind": kind, "size": manifest.size, "sha256": manifest.sha256,
                    "warnings": warnings, "removed": removed},
        )
        uow.commit()


def backup_status(db: Database, *, now: datetime | None = None) -> BackupStatus:
    if db.paths is None:
        raise RuntimeError("backup_status needs a database opened from DataPaths")
    with db.reader() as uow:
        second = str(settings.get(uow.session, "backup.second_destination") or "")
    backups = list_backups(db.paths.backups)
    at = now or clock_now()
    last = backups[0] if backups else None
    age = (at - last.created_at) if last else None
    return BackupStatus(
        last_good_at=last.created_at if last else None,
        last_good_path=(db.paths.backups / last.file) if last else None,
        stale=age is None or age > STALE_AFTER,
        age=age,
        second_destination=second,
        second_destination_ok=(not second) or Path(second).is_dir(),
    )


def backup_due(db: Database, *, now: datetime | None = None) -> bool:
    """Whether the scheduled backup should run now (interval from the settings); never
    for a shop on a database server (backed up there, with pg_dump)."""
    if db.engine.dialect.name != "sqlite":
        return False
    status = backup_status(db, now=now)
    with db.reader() as uow:
        hours = settings.get_int(uow.session, "backup.interval_hours")
    return status.age is None or status.age >= timedelta(hours=hours)
