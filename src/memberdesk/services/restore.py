"""Restore a backup over the live database — verified first, reversible, atomic.

Order: permission (owner) -> verify the offered file (SQLite? MemberDesk? known
schema? integrity? ledgers reconcile?) -> close the live database and make sure no
other program holds it -> back up the live database -> copy the file beside the
live one and verify the copy -> close the live database, make sure again that no
other program holds it, remove its stale -wal/-shm -> atomic rename -> reopen
(upgrading an older schema) -> audit in the restored database. Any refusal before
the rename leaves the live file exactly as it was, and removes the pre-restore
backup if one was written.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from memberdesk.db import Database
from memberdesk.models import Staff

from . import audit
from .backup import BackupResult, create_backup
from .backup_files import (
    delete_backup,
    fsync_dir,
    plain_copy,
    sha256_of,
    verify_file,
    write_verified_copy,
)
from .context import Actor
from .errors import ConflictError, UserError
from .permissions import Permission, require
from .staff import confirm_password


@dataclass(frozen=True)
class RestoreResult:
    database: Database  # the reopened, restored database
    pre_restore_backup: Path
    shop_name: str
    revision: str


def check_restorable(source: Path) -> None:
    """Raise the UserError that explains why ``source`` cannot be restored, if any."""
    if not source.is_file():
        raise UserError("restore_not_a_file", path=str(source))
    result = verify_file(source)
    if not result.ok:
        raise UserError(
            result.code, path=source.name, problem=result.problem, revision=result.revision
        )


def _leave_wal_mode(path: Path) -> None:
    """Checkpoint and leave WAL mode: SQLite allows this only to the sole connection,
    so it both proves no other program has the file open and folds the -wal file in."""
    conn = sqlite3.connect(path, timeout=2, isolation_level=None)
    try:
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()
        if not mode or str(mode[0]).lower() != "delete":
            raise ConflictError("database_in_use")
    except sqlite3.OperationalError as exc:
        raise ConflictError("database_in_use") from exc
    finally:
        conn.close()


def _discard(pre: BackupResult) -> None:
    """Remove the pre-restore backup (and its second copy) of a restore that was refused."""
    delete_backup(pre.path.parent, pre.path.name)
    if pre.second_copy is not None:
        with contextlib.suppress(OSError):
            delete_backup(pre.second_copy.parent, pre.second_copy.name)


def restore_backup(
    db: Database, actor: Actor, source: Path, *, password: str | None = None
) -> RestoreResult:
    """Restore ``source`` over the live database. With ``password`` the owner's
    password is checked first (the back office asks for it at the moment of restore)."""
    paths = db.paths
    if paths is None:
        raise RuntimeError("restore_backup needs a database opened from DataPaths")
    with db.uow() as uow:
        require(uow.session, actor, Permission.RESTORE)
    if password is not None:
        confirm_password(db, actor, password)
    source = source.resolve()
    live = paths.database.resolve()
    if source == live:
        raise UserError("restore_is_live")
    check_restorable(source)
    # Can the file be swapped at all? Refuse a database another program holds before
    # writing anything (no pre-restore backup for a restore that cannot happen).
    db.close()
    _leave_wal_mode(live)
    pre = create_backup(db, actor, kind="pre-restore")
    incoming = live.with_name(live.name + ".restoring")
    swapped = False
    try:
        write_verified_copy(source, incoming, copy=plain_copy)
        db.close()
        _leave_wal_mode(live)  # again: another program may have opened it meanwhile
        for suffix in ("-wal", "-shm"):
            Path(str(live) + suffix).unlink(missing_ok=True)
        os.replace(incoming, live)
        swapped = True
        fsync_dir(live.parent)
    except BaseException:
        if not swapped:  # refused: the live file is as it was, its copy is not needed
            _discard(pre)
        raise
    finally:
        incoming.unlink(missing_ok=True)
    restored = Database.open(paths)
    with restored.uow() as uow:
        s = uow.session
        same = s.scalar(select(Staff.id).where(Staff.username == actor.username))
        audit.record(
            s,
            action="backup.restore",
            staff_id=same,
            entity="backup",
            entity_id=source.name,
            detail={
                "source": str(source),
                "sha256": sha256_of(live),
                "pre_restore_backup": pre.path.name,
                "restored_by": actor.username,
            },
        )
        uow.commit()
    info = verify_file(live)
    return RestoreResult(restored, pre.path, info.shop_name, info.revision)
