"""Opening a shop database: recognise it, back it up, bring its schema to head.

Order at start-up: look at the file read-only (is it SQLite? a MemberDesk shop?
which schema revision?) without changing a byte; refuse a file from a newer
MemberDesk; back it up with SQLite's online backup API; then upgrade to head.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from memberdesk.domain import shoptime
from memberdesk.paths import migrations_dir

from .errors import storage_problem

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Engine

log = logging.getLogger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"

# The newest schema revision this build knows. Checked against alembic's head by a
# test, so opening an up-to-date shop never has to load alembic (start-up time).
HEAD_REVISION = "0031_recommend_pair_counts"


class DatabaseError(Exception):
    """A database file that cannot be opened as a MemberDesk shop. ``code`` says why:
    not_sqlite, not_memberdesk, newer_version, corrupt, unreadable, or a storage
    problem that is no fault of the file (``storage_full``, ``storage_busy``)."""

    def __init__(self, code: str, path: Path | str, detail: str = "") -> None:
        self.code = code
        self.path = path
        self.detail = detail
        super().__init__(f"{code}: {path} {detail}".strip())


@dataclass(frozen=True)
class FileInfo:
    exists: bool
    revision: str | None  # None for an empty/new database


def alembic_config(engine: Engine | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    if engine is not None:
        url = engine.url.render_as_string(hide_password=False)
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))  # configparser
    return cfg


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    if head is None:
        raise RuntimeError("no migrations found")
    return head


def inspect_file(path: Path) -> FileInfo:
    """Read-only look at ``path``; raises :class:`DatabaseError` for a foreign file."""
    if not path.exists() or path.stat().st_size == 0:
        return FileInfo(exists=False, revision=None)
    with path.open("rb") as fh:
        if fh.read(16) != SQLITE_MAGIC:
            raise DatabaseError("not_sqlite", path)
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise DatabaseError(storage_problem(exc, path) or "unreadable", path, str(exc)) from exc
    try:
        tables = {
            r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        if not tables:
            return FileInfo(exists=True, revision=None)
        if "alembic_version" not in tables or "shop" not in tables:
            raise DatabaseError("not_memberdesk", path)
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        # A full disk (the -shm file cannot grow) or a database held elsewhere is not
        # damage: say so, and leave "corrupt" for a file that really is.
        raise DatabaseError(storage_problem(exc, path) or "corrupt", path, str(exc)) from exc
    finally:
        conn.close()
    revision = row[0] if row else None
    if revision is not None and revision != HEAD_REVISION and revision not in known_revisions():
        raise DatabaseError("newer_version", path, revision)
    return FileInfo(exists=True, revision=revision)


def backup_file(source: Path, dest: Path) -> Path:
    """Copy a live SQLite file consistently with the online backup API, fsynced."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".tmp")
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        out = sqlite3.connect(tmp)
        try:
            src.backup(out)
            out.execute("PRAGMA journal_mode = DELETE")
        finally:
            out.close()
    finally:
        src.close()
    with tmp.open("rb+") as fh:
        os.fsync(fh.fileno())
    tmp.replace(dest)
    return dest


def upgrade(engine: Engine) -> None:
    """Bring the database to :data:`HEAD_REVISION` in one transaction.

    On SQLite an ALTER that SQLite cannot do is a table rebuild (alembic's batch
    mode: copy, drop the old table, rename the copy). With foreign keys on, the drop
    first deletes the old rows and fails as soon as another table points at one (a
    shop with sales and discounts could not be upgraded). So foreign keys are off
    while migrating — the switch only works outside a transaction — and every
    reference is checked with ``PRAGMA foreign_key_check`` before the commit."""
    from alembic import command

    cfg = alembic_config(engine)
    with engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        driver = conn.connection.driver_connection
        if sqlite and driver is not None:
            driver.execute("PRAGMA foreign_keys = OFF")
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
                if sqlite:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise RuntimeError(f"the upgrade left broken references: {broken[:3]}")
        finally:
            if sqlite and driver is not None:
                driver.execute("PRAGMA foreign_keys = ON")


def open_database(path: Path, backup_dir: Path) -> Engine:
    """Recognise, back up and upgrade the shop file at ``path``; return its engine."""
    from .engine import make_engine  # SQLAlchemy: not needed by .peek at start-up

    info = inspect_file(path)
    head = HEAD_REVISION
    if info.exists and info.revision is not None and info.revision != head:
        stamp = shoptime.utc_now().strftime("%Y%m%d-%H%M%S")
        dest = backup_dir / f"pre-upgrade-{info.revision}-{stamp}.sqlite3"
        backup_file(path, dest)
        log.info("backed up %s to %s before upgrading to %s", path, dest, head)
    engine = make_engine(path)
    try:
        if info.revision != head:
            try:
                upgrade(engine)
            except Exception as exc:  # e.g. "no such table": it only looked like a shop
                if "disk is full" in str(exc):
                    raise
                raise DatabaseError("not_memberdesk", path, _first_line(exc)) from exc
            log.info("database %s now at revision %s", path, head)
        missing = missing_tables(engine)
        if missing:
            raise DatabaseError("not_memberdesk", path, "missing " + ", ".join(missing[:5]))
    except BaseException:
        engine.dispose()
        raise
    return engine


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc)
    return text.splitlines()[0] if text else type(exc).__name__


def missing_tables(engine: Engine) -> list[str]:
    """Tables of this build's schema that the file lacks (a file that only looks like
    a MemberDesk shop). Reads the catalogue only: cheap enough for every start."""
    from memberdesk.models import Base

    with engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            sql = "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
        else:
            sql = "SELECT name FROM sqlite_master WHERE type='table'"
        have = {str(r[0]) for r in conn.exec_driver_sql(sql)}
    return sorted(set(Base.metadata.tables) - have)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        row = conn.exec_driver_sql("SELECT version_num FROM alembic_version").fetchone()
        return str(row[0]) if row else None
