"""Is a file a sound MemberDesk shop? Verified completely, whatever its revision.

A file at an older schema revision is never taken on trust: a private copy is
upgraded to head with alembic and then gets the whole ``db check`` (integrity,
foreign keys, the schema itself, every ledger reconciliation, the audit chain,
sealed closes). A file that only looks like an old MemberDesk database (an
``alembic_version`` row and a ``shop`` table) fails the upgrade or the schema check.
The offered file itself is only ever read.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from memberdesk.db import make_engine
from memberdesk.db.migrate import HEAD_REVISION, SQLITE_MAGIC, known_revisions, upgrade
from memberdesk.services.backup.integrity import NOTICE_CHECKS, Problem, check_session
from memberdesk.services.shared.errors import UserError


@dataclass(frozen=True)
class Verification:
    ok: bool
    code: str = ""  # restore_* error code when not ok
    problem: str = ""
    revision: str = ""
    db_uuid: str = ""
    shop_name: str = ""
    problems: tuple[str, ...] = field(default_factory=tuple)
    notices: tuple[str, ...] = field(default_factory=tuple)  # e.g. the audit key is missing


def inspect_header(path: Path) -> Verification:
    """The cheap look: SQLite? sound pages? MemberDesk-looking? a revision this build
    knows? ``ok`` here only means "worth verifying completely"."""
    try:
        with path.open("rb") as fh:
            magic = fh.read(16)
    except OSError as exc:
        return Verification(False, "restore_not_a_file", exc.strerror or str(exc))
    if magic != SQLITE_MAGIC:
        return Verification(False, "restore_not_sqlite", "not an SQLite file")
    try:
        conn = sqlite3.connect(f"file:{path.resolve().as_posix()}?mode=ro", uri=True)
        try:
            quick = conn.execute("PRAGMA quick_check").fetchone()
            if not quick or quick[0] != "ok":
                return Verification(False, "restore_damaged", str(quick[0] if quick else "?"))
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if not {"alembic_version", "shop"} <= tables:
                return Verification(False, "restore_foreign", "no MemberDesk tables")
            rev_row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            shop_row = conn.execute("SELECT name, db_uuid FROM shop WHERE id = 1").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return Verification(False, "restore_damaged", str(exc))
    revision = str(rev_row[0]) if rev_row else ""
    if revision != HEAD_REVISION and revision not in known_revisions():
        return Verification(False, "restore_newer", revision, revision=revision)
    if shop_row is None:
        return Verification(False, "restore_foreign", "no shop in the file")
    return Verification(True, revision=revision, db_uuid=str(shop_row[1]),
                        shop_name=str(shop_row[0]))


def _judge(header: Verification, problems: list[Problem], notices: list[str]) -> Verification:
    if not problems:
        return Verification(True, revision=HEAD_REVISION, db_uuid=header.db_uuid,
                            shop_name=header.shop_name, notices=tuple(notices))
    first = problems[0]
    if first.check == "schema":
        code = "restore_foreign"
    elif first.check == "integrity":
        code = "restore_damaged"
    else:
        code = "restore_inconsistent"
    return Verification(
        False, code, f"{first.check}: {first.message}", revision=header.revision,
        db_uuid=header.db_uuid, shop_name=header.shop_name,
        problems=tuple(p.message for p in problems),
    )


def _full_check(path: Path, *, read_only: bool, key_dir: Path | None) -> Verification:
    """``db check`` on a file already at head."""
    header = inspect_header(path)
    if not header.ok:
        return header
    if header.revision != HEAD_REVISION:  # pragma: no cover - callers upgrade first
        return Verification(False, "restore_foreign", "not at the current schema")
    engine = make_engine(path, read_only=read_only)
    try:
        with Session(engine) as session:
            found = check_session(session, key_dir=key_dir)
    except Exception as exc:  # a file this broken is refused, not crashed on
        return Verification(False, "restore_damaged", _first_line(exc))
    finally:
        engine.dispose()
    problems = [p for p in found if p.check not in NOTICE_CHECKS]
    notices = [p.message for p in found if p.check in NOTICE_CHECKS]
    return _judge(header, problems, notices)


def _sqlite_copy(source: Path, dest: Path) -> None:
    src = sqlite3.connect(f"file:{source.resolve().as_posix()}?mode=ro", uri=True, timeout=30)
    try:
        out = sqlite3.connect(dest)
        try:
            src.backup(out, pages=-1)
        finally:
            out.close()
    finally:
        src.close()


def _leave_wal(path: Path) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
    finally:
        conn.close()
    with path.open("rb+") as fh:
        os.fsync(fh.fileno())


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc)
    return text.splitlines()[0] if text else type(exc).__name__


def remove_with_companions(path: Path) -> None:
    for p in (path, *(Path(str(path) + x) for x in ("-journal", "-wal", "-shm"))):
        with contextlib.suppress(OSError):
            p.unlink(missing_ok=True)


def prepare_copy(source: Path, dest: Path, *, key_dir: Path | None = None) -> Verification:
    """Copy ``source`` to the private ``dest``, upgrade the copy to head, verify it
    completely and leave it (in rollback-journal mode) ready to be renamed into place.
    A copy that fails is removed; ``source`` is only read."""
    header = inspect_header(source)
    if not header.ok:
        return header
    remove_with_companions(dest)
    ok = False
    try:
        try:
            _sqlite_copy(source, dest)
            if header.revision != HEAD_REVISION:
                engine = make_engine(dest)
                try:
                    upgrade(engine)
                finally:
                    engine.dispose()
        except OSError:
            raise
        except Exception as exc:  # the upgrade of something that only looks like a shop
            if "disk is full" in str(exc) or "disk I/O" in str(exc):
                raise UserError("disk_full", path=str(dest.parent)) from exc
            return Verification(False, "restore_foreign", _first_line(exc),
                                revision=header.revision)
        _leave_wal(dest)
        result = _full_check(dest, read_only=False, key_dir=key_dir)
        ok = result.ok
        return result
    finally:
        if not ok:
            remove_with_companions(dest)
        else:
            for x in ("-journal", "-wal", "-shm"):
                with contextlib.suppress(OSError):
                    Path(str(dest) + x).unlink(missing_ok=True)


def verify_file(path: Path, *, key_dir: Path | None = None) -> Verification:
    """Is ``path`` a sound MemberDesk database? Changes nothing in ``path``: a file at
    an older revision is upgraded and checked as a private temporary copy."""
    header = inspect_header(path)
    if not header.ok:
        return header
    if header.revision == HEAD_REVISION:
        return _full_check(path, read_only=True, key_dir=key_dir)
    with tempfile.TemporaryDirectory(prefix="memberdesk-verify-") as tmp:
        return prepare_copy(path, Path(tmp) / "candidate.sqlite3", key_dir=key_dir)
