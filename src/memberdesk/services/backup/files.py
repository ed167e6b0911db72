"""Backup files on disk: safe writing, verification, manifests, rotation.

No database session here: these functions work on paths, so they serve the live
shop, the command line and restore alike.
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import hashlib
import json
import os
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from memberdesk.domain import shoptime
from memberdesk.services.backup.verify import Verification, verify_file
from memberdesk.services.shared.errors import UserError

BACKUP_GLOB = "memberdesk-*.sqlite3"
STALE_AFTER = timedelta(days=1)
# A half-written file younger than this may belong to a backup or restore running
# right now in another MemberDesk process; older ones are leftovers of a kill.
LEFTOVER_AGE = timedelta(hours=1)


@dataclass(frozen=True)
class Manifest:
    file: str
    created_at: datetime
    kind: str
    revision: str
    db_uuid: str
    shop_name: str
    size: int
    sha256: str
    audit_tip: str = ""  # "id:hash" of the backup's newest audit row ("" in old manifests)
    # a pre-restore copy: the backup whose restore it was taken before, and when that
    # backup was made (ISO, aware UTC); "" otherwise and in older manifests
    restoring: str = ""
    restoring_made_at: str = ""

    def to_json(self) -> str:
        data = dict(self.__dict__)
        data["created_at"] = self.created_at.isoformat()
        return json.dumps(data, ensure_ascii=False, indent=1)

    @classmethod
    def load(cls, path: Path) -> Manifest | None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            data["created_at"] = datetime.fromisoformat(data["created_at"])
            known = {f.name for f in dataclasses.fields(cls)}  # a newer version's fields
            return cls(**{k: v for k, v in data.items() if k in known})
        except (OSError, ValueError, TypeError, KeyError):
            return None


def fsync_dir(path: Path) -> None:
    if os.name == "nt":  # pragma: no cover - directories cannot be fsynced on Windows
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_file(path: Path) -> None:
    with path.open("rb+") as fh:
        os.fsync(fh.fileno())


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def os_error(exc: OSError, path: Path) -> UserError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return UserError("disk_full", path=str(path))
    return UserError("path_not_writable", path=str(path), problem=exc.strerror or str(exc))


def snapshot(source: Path, dest_tmp: Path) -> None:
    """Copy the live file with SQLite's online backup API in one step: a consistent
    snapshot that does not block checkouts (WAL readers never block writers)."""
    src = sqlite3.connect(f"file:{source.resolve().as_posix()}?mode=ro", uri=True, timeout=30)
    try:
        out = sqlite3.connect(dest_tmp)
        try:
            src.backup(out, pages=-1)
            out.execute("PRAGMA journal_mode = DELETE")
        finally:
            out.close()
    finally:
        src.close()
    fsync_file(dest_tmp)


def write_verified_copy(
    source: Path,
    dest: Path,
    *,
    copy: Callable[[Path, Path], None] = snapshot,
    key_dir: Path | None = None,
) -> Verification:
    """Write ``source`` to ``dest`` via a temporary name, fsync, verify, rename.

    On any failure the temporary file is removed and nothing is left at ``dest``.
    ``dest``'s folder must exist: it is never created here (a USB drive that is not
    mounted must not become a folder on the local disk)."""
    tmp = dest.with_name(dest.name + ".partial")
    try:
        if not dest.parent.exists():
            raise UserError("backup_destination_missing", path=str(dest.parent))
        copy(source, tmp)
        result = verify_file(tmp, key_dir=key_dir)
        if not result.ok:
            raise UserError("backup_failed_verification", problem=result.problem)
        tmp.replace(dest)
        fsync_dir(dest.parent)
        return result
    except OSError as exc:
        raise os_error(exc, dest) from exc
    except sqlite3.OperationalError as exc:
        if "full" in str(exc).lower():
            raise UserError("disk_full", path=str(dest)) from exc
        raise UserError("path_not_writable", path=str(dest), problem=str(exc)) from exc
    finally:
        for leftover in (tmp, *(Path(str(tmp) + x) for x in ("-journal", "-wal", "-shm"))):
            _remove_quietly(leftover)


def _remove_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def plain_copy(source: Path, dest_tmp: Path) -> None:
    shutil.copyfile(source, dest_tmp)
    fsync_file(dest_tmp)


def audit_tip_of(path: Path) -> str:
    """"id:hash" of the newest audit row in the database file ``path``."""
    conn = sqlite3.connect(f"file:{path.resolve().as_posix()}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    finally:
        conn.close()
    return f"{row[0]}:{row[1]}" if row else ""


def write_manifest(backup: Path, manifest: Manifest) -> None:
    path = backup.with_suffix(".json")
    tmp = path.with_name(path.name + ".partial")
    try:
        tmp.write_text(manifest.to_json(), encoding="utf-8")
        fsync_file(tmp)
        tmp.replace(path)
    except OSError as exc:
        _remove_quietly(tmp)
        _remove_quietly(backup)
        raise os_error(exc, path) from exc


def list_backups(folder: Path) -> list[Manifest]:
    """Verified backups in ``folder`` (those with a manifest and their file), newest first."""
    if not folder.is_dir():
        return []
    found = []
    for f in folder.glob(BACKUP_GLOB):
        m = Manifest.load(f.with_suffix(".json"))
        if m is not None and f.exists():
            found.append(m)
    return sorted(found, key=lambda m: m.created_at, reverse=True)


ROTATED_KINDS = frozenset({"manual", "scheduled", "day-close", "cli"})
BY_HAND = frozenset({"manual", "cli"})  # the back office's "Back up now", `memberdesk backup`
KEPT_FOR_THE_DAILY_WINDOW = BY_HAND | {"day-close"}
KEEP_SAFETY = 10  # pre-upgrade / pre-restore copies kept


def rotation_keep(
    backups: list[Manifest], *, daily: int, weekly: int, monthly: int, offset: timedelta
) -> set[str]:
    """Which backups to keep: the newest of each of the last ``daily`` days, ``weekly``
    ISO weeks and ``monthly`` months (shop local time), plus recent safety copies.

    Every backup made by hand (:data:`BY_HAND`) and every day-close backup is also
    kept for as long as its day is one of the last ``daily`` days, even when a later
    backup of the same day is the newest: a second backup by hand, a day close or a
    scheduled backup later that day must not remove what the owner made or the copy
    of the closed day. What is removed is reported (``BackupResult.removed``)."""
    keep: set[str] = set()
    rotated = [b for b in backups if b.kind in ROTATED_KINDS]

    def local(b: Manifest) -> datetime:
        return b.created_at.astimezone(UTC) + offset

    windows: list[list[object]] = []
    for count, key in (
        (daily, lambda d: d.date()),
        (weekly, lambda d: d.isocalendar()[:2]),
        (monthly, lambda d: (d.year, d.month)),
    ):
        seen: list[object] = []
        for b in rotated:  # newest first
            k = key(local(b))
            if k in seen:
                continue
            if len(seen) >= count:
                break
            seen.append(k)
            keep.add(b.file)
        windows.append(seen)
    daily_days = windows[0]
    keep.update(b.file for b in rotated
                if b.kind in KEPT_FOR_THE_DAILY_WINDOW and local(b).date() in daily_days)
    safety = [b for b in backups if b.kind not in ROTATED_KINDS][:KEEP_SAFETY]
    keep.update(b.file for b in safety)
    return keep


def _leftovers_in(folder: Path) -> list[Path]:
    found = [*folder.glob("memberdesk-*.partial*"), *folder.glob("pre-upgrade-*.tmp*")]
    for f in folder.glob(BACKUP_GLOB):  # a backup renamed into place, its manifest never written
        if not f.with_suffix(".json").exists():
            found.append(f)
    for m in folder.glob("memberdesk-*.json"):  # a manifest whose backup was removed
        if not m.with_suffix(".sqlite3").exists():
            found.append(m)
    return found


def remove_leftovers(root: Path, folder: Path | None = None) -> list[str]:
    """Remove what interrupted backups and restores left behind (``.partial`` files
    and their journals, manifests being written, backups without a manifest,
    manifests without a backup, ``.restoring`` copies, pre-upgrade ``.tmp`` files)
    in the data directory ``root`` and the backups ``folder``. Files younger than
    :data:`LEFTOVER_AGE` are left alone: another process may be writing them. File
    ages are measured on the file system's own clock (a probe file's mtime), the clock
    that stamped them, not the shop's."""
    folder = folder or root / "backups"
    candidates = list(root.glob("*.restoring*"))
    if folder.is_dir():
        candidates += _leftovers_in(folder)
    if not candidates:
        return []
    cutoff = _file_system_now(candidates[0].parent) - LEFTOVER_AGE.total_seconds()
    removed: list[str] = []
    for f in candidates:
        try:
            if f.is_file() and f.stat().st_mtime < cutoff:
                f.unlink()
                removed.append(f.name)
        except OSError:
            continue
    return removed


def _file_system_now(folder: Path) -> float:
    """Now by the clock that stamps the files in ``folder``: the mtime of a probe file
    written there (a file's age must not depend on a shifted or frozen shop clock)."""
    probe = folder / f".memberdesk-clock-{os.getpid()}"
    try:
        probe.touch()
        return probe.stat().st_mtime
    except OSError:
        return float("-inf")  # cannot tell: remove nothing (every file counts as fresh)
    finally:
        with contextlib.suppress(OSError):
            probe.unlink(missing_ok=True)


def delete_backup(folder: Path, name: str) -> None:
    (folder / name).unlink(missing_ok=True)
    (folder / name).with_suffix(".json").unlink(missing_ok=True)


def backup_name(at: datetime, kind: str, offset_minutes: int) -> str:
    """``memberdesk-20261203-093000-000000+0800-manual.sqlite3``: the shop's wall-clock
    time (as the screens show it), with its UTC offset so the name is unambiguous."""
    local = shoptime.local_time(at, offset_minutes)
    sign, minutes = ("+" if offset_minutes >= 0 else "-"), abs(offset_minutes)
    return (f"memberdesk-{local:%Y%m%d-%H%M%S-%f}{sign}{minutes // 60:02d}{minutes % 60:02d}"
            f"-{kind}.sqlite3")
