"""The till's copy of the staff who logged in on it (网络版): ``offline-staff.json``.

Written at every log-in on the server (that account's row: id, user name, name,
role, store, active flag and the argon2 hash, never a password) and whenever the
catalogue copy is refreshed (every known account read again: one the server no
longer has or has stopped is dropped). Read only to log in while the server is away
(:mod:`.login`). One small JSON document, written whole to a new file created with
mode 0600 (only the till's user may read it), flushed to the disk, then renamed over
the old one. It also keeps the offline log-in's failed attempts, and the shop's
lock-out settings copied with the accounts.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from memberdesk.models import Staff
from memberdesk.services.shared import settings

STAFF_FILE = "offline-staff.json"
MODE = 0o600


@dataclass(frozen=True)
class KnownStaff:
    staff_id: int
    username: str
    display_name: str
    role: str
    store_id: int | None  # None: every store
    password_hash: str
    active: bool
    copied_at: str  # UTC ISO text


def staff_path(folder: Path) -> Path:
    return folder / STAFF_FILE


def read_copy(folder: Path) -> dict[str, Any]:
    """The document (empty when the till never had one)."""
    path = staff_path(folder)
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {"staff": {}, "failures": {}}
    data.setdefault("staff", {})
    data.setdefault("failures", {})
    return data


def write_copy(folder: Path, data: dict[str, Any]) -> None:
    path = staff_path(folder)
    fresh = path.with_name(path.name + ".new")
    fresh.unlink(missing_ok=True)
    fd = os.open(fresh, os.O_WRONLY | os.O_CREAT | os.O_EXCL, MODE)
    try:
        os.write(fd, json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)
    os.chmod(fresh, MODE)  # whatever the umask
    os.replace(fresh, path)


def known(folder: Path, username: str) -> KnownStaff | None:
    entry = read_copy(folder)["staff"].get(username.strip().lower())
    return KnownStaff(**entry) if entry else None


def known_names(folder: Path) -> list[tuple[str, str]]:
    """(username, display name) of the active accounts in the copy, for the log-in list."""
    entries = sorted(read_copy(folder)["staff"].values(), key=lambda e: e["staff_id"])
    return [(e["username"], e["display_name"]) for e in entries if e["active"]]


def _entry(row: Staff, at: str) -> dict[str, Any]:
    return asdict(
        KnownStaff(
            row.id,
            row.username,
            row.display_name,
            row.role.value,
            row.store_id,
            row.password_hash,
            row.active,
            at,
        )
    )


def _lockout(s: Session) -> dict[str, int]:
    return {
        "max_failed": settings.get_int(s, "staff.max_failed_logins"),
        "lock_minutes": settings.get_int(s, "staff.lock_minutes"),
    }


def remember(s: Session, folder: Path, staff_id: int, at: str) -> None:
    """Copy one account as the server has it now (after its log-in there)."""
    row = s.get(Staff, staff_id)
    data = read_copy(folder)
    if row is None:
        return
    key = row.username.lower()
    if row.active:
        data["staff"][key] = _entry(row, at)
    else:
        data["staff"].pop(key, None)
    data["failures"].pop(key, None)
    data["lockout"] = _lockout(s)
    write_copy(folder, data)


def forget(folder: Path, username: str) -> None:
    """Drop an account (the server said it is stopped)."""
    data = read_copy(folder)
    if data["staff"].pop(username.strip().lower(), None) is not None:
        write_copy(folder, data)


def refresh_known(s: Session, folder: Path, at: str) -> int:
    """Read every account of the copy again from the server; drop the ones it no
    longer has or has stopped. How many are kept."""
    data = read_copy(folder)
    if not data["staff"]:
        return 0
    ids = [int(e["staff_id"]) for e in data["staff"].values()]
    rows = {r.id: r for r in s.scalars(select(Staff).where(Staff.id.in_(ids)))}
    fresh: dict[str, Any] = {}
    for entry in data["staff"].values():
        row = rows.get(int(entry["staff_id"]))
        if row is not None and row.active:
            fresh[row.username.lower()] = _entry(row, at)
    data["staff"] = fresh
    data["lockout"] = _lockout(s)
    write_copy(folder, data)
    return len(fresh)
