"""Restore a backup over the live database — verified completely, reversible, atomic.

Order: permission (owner) -> a cheap look at the offered file (SQLite? MemberDesk?
a known revision?) -> make sure no other program holds the live database -> copy
the file privately beside the live one, upgrade the copy to head and run the whole
``db check`` on it (a file only looking like an older MemberDesk database, or an old
backup whose ledger was edited, fails here) -> back up the live database -> close
it, make sure again that no other program holds it, remove its stale -wal/-shm ->
atomic rename -> reopen and check the live file again; if that fails the
pre-restore file is put back automatically -> audit in the restored database. Any
refusal before the rename leaves the live file exactly as it was and writes no
pre-restore backup (or removes it again).
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from memberdesk.db import Database
from memberdesk.models import Staff
from memberdesk.paths import DataPaths
from memberdesk.services.backup.create import BackupResult, create_backup
from memberdesk.services.backup.files import delete_backup, fsync_dir, plain_copy, sha256_of
from memberdesk.services.backup.integrity import NOTICE_CHECKS, Problem, check_database
from memberdesk.services.backup.listing import backup_made_at
from memberdesk.services.backup.verify import (
    Verification,
    inspect_header,
    prepare_copy,
    remove_with_companions,
)
from memberdesk.services.shared import audit
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import ConflictError, UserError
from memberdesk.services.shared.permissions import Permission, require
from memberdesk.services.staff.accounts import confirm_password

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RestoreResult:
    database: Database  # the reopened, restored database
    pre_restore_backup: Path
    shop_name: str
    revision: str
    notices: tuple[str, ...] = ()  # English; e.g. the audit key is not on this computer
    source: Path | None = None  # the backup now live
    source_made_at: datetime | None = None  # when it was made (aware UTC; see backup_made_at)
    removed: tuple[str, ...] = ()  # older backups the pre-restore copy's rotation removed


def _refuse(source: Path, result: Verification) -> UserError:
    return UserError(
        result.code, path=source.name, problem=result.problem, revision=result.revision
    )


def check_restorable(source: Path) -> None:
    """Raise the UserError that explains why ``source`` cannot be restored, as far as
    a quick look can tell (before asking for a password). The complete verification
    runs on a private copy during the restore itself."""
    if not source.is_file():
        raise UserError("restore_not_a_file", path=str(source))
    result = inspect_header(source)
    if not result.ok:
        raise _refuse(source, result)


def check_live(db: Database) -> list[Problem]:
    """The check of the live file right after the swap (a seam for tests)."""
    return check_database(db)


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
    made_at = backup_made_at(source)[0]
    incoming = live.with_name(live.name + ".restoring")
    try:
        verified = prepare_copy(source, incoming, key_dir=paths.root)
        if not verified.ok:
            raise _refuse(source, verified)
        # Can the file be swapped at all? Refuse a database another program holds
        # before writing a pre-restore backup for a restore that cannot happen.
        db.close()
        _leave_wal_mode(live)
        pre = create_backup(db, actor, kind="pre-restore", restoring=(source.name, made_at))
        swapped = False
        try:
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
        remove_with_companions(incoming)
    restored = _reopen_or_roll_back(paths, live, pre)
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
                "sha256": sha256_of(source),
                "revision": verified.revision,
                "pre_restore_backup": pre.path.name,
                "restored_by": actor.username,
            },
        )
        audit.restart_switch_over(s)
        uow.commit()
    return RestoreResult(restored, pre.path, verified.shop_name, verified.revision,
                         verified.notices, source, made_at, pre.removed)


def _reopen_or_roll_back(paths: DataPaths, live: Path, pre: BackupResult) -> Database:
    """Open the swapped-in file and check it again; on any failure put the
    pre-restore file back and say so."""
    restored: Database | None = None
    try:
        restored = Database.open(paths)
        with restored.reader() as uow:  # the restored chain's history is the backup's
            audit.restart_switch_over(uow.session)
        problems = [p for p in check_live(restored) if p.check not in NOTICE_CHECKS]
        if not problems:
            return restored
        problem = f"{problems[0].check}: {problems[0].message}"
    except Exception as exc:
        problem = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if restored is not None:
        restored.close()
    back = live.with_name(live.name + ".restoring")
    try:
        plain_copy(pre.path, back)
        for suffix in ("-wal", "-shm"):
            Path(str(live) + suffix).unlink(missing_ok=True)
        os.replace(back, live)
        fsync_dir(live.parent)
    finally:
        remove_with_companions(back)
    with contextlib.suppress(Exception):  # the keyring follows the file put back
        again = Database.open(paths)
        try:
            with again.reader() as uow:
                audit.restart_switch_over(uow.session)
        finally:
            again.close()
    log.error("restore rolled back: the restored file failed its check: %s", problem)
    raise UserError("restore_rolled_back", problem=problem)
