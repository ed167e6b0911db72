"""Backups of a shop on a PostgreSQL server (网络版): ``pg_dump`` in its custom format,
verified the way the shop file's backups are.

The dump is taken from a snapshot exported by a REPEATABLE READ transaction, and the
figures of that same snapshot (each table's rows, the members' balances, the ledgers'
sums) are read in it; the dump is then restored with ``pg_restore`` into a scratch
database on the same server, which gets the whole ``db check`` and must show the same
figures. Only then is the file renamed into place, with a JSON manifest beside it
(figures, schema revision, shop, SHA-256), and audited. The scratch database is
always dropped. Restoring is :mod:`.server_restore`.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, select, text
from sqlalchemy.engine import URL

from memberdesk.db import Database
from memberdesk.models import Shop
from memberdesk.models.base import utcnow as clock_now
from memberdesk.services.backup.files import fsync_dir, sha256_of
from memberdesk.services.backup.integrity import NOTICE_CHECKS, check_database
from memberdesk.services.shared import audit
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import UserError
from memberdesk.services.shared.permissions import Permission, require

PG_BIN_DIRS = (Path("/usr/lib/postgresql/15/bin"),)
DUMP_SUFFIX = ".dump"
MANIFEST_SUFFIX = ".json"

# Ledger and balance sums compared between the live snapshot and the restored copy,
# beside every table's row count.
LEDGER_SUMS = {
    "members.sv_principal": "SELECT COALESCE(SUM(sv_principal), 0) FROM members",
    "members.sv_bonus": "SELECT COALESCE(SUM(sv_bonus), 0) FROM members",
    "members.points_balance": "SELECT COALESCE(SUM(points_balance), 0) FROM members",
    "stored_value_entries.principal_delta":
        "SELECT COALESCE(SUM(principal_delta), 0) FROM stored_value_entries",
    "stored_value_entries.bonus_delta":
        "SELECT COALESCE(SUM(bonus_delta), 0) FROM stored_value_entries",
    "points_entries.delta": "SELECT COALESCE(SUM(delta), 0) FROM points_entries",
    "sales.payable": "SELECT COALESCE(SUM(payable), 0) FROM sales",
    "tenders.amount": "SELECT COALESCE(SUM(amount), 0) FROM tenders",
    "refunds.amount": "SELECT COALESCE(SUM(amount), 0) FROM refunds",
}


@dataclass(frozen=True)
class ServerBackupResult:
    path: Path
    manifest: Path
    size: int
    created_at: datetime
    revision: str
    figures: dict[str, int]


def tool(name: str) -> str:
    """``pg_dump`` / ``pg_restore``: PostgreSQL 15's own, else the one on PATH."""
    for folder in PG_BIN_DIRS:
        if (folder / name).is_file():
            return str(folder / name)
    found = shutil.which(name)
    if found is None:
        raise UserError("server_backup_tool_missing", tool=name)
    return found


def libpq_args(url: URL) -> tuple[list[str], dict[str, str]]:
    """``url`` as pg_dump/pg_restore options and environment (the password in
    PGPASSWORD, never on the command line)."""
    host = url.query.get("host") or url.host
    args: list[str] = []
    if host:
        args += ["-h", str(host)]
    if url.port:
        args += ["-p", str(url.port)]
    if url.username:
        args += ["-U", url.username]
    env = {**os.environ}
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    return args, env


def run_tool(argv: list[str], env: dict[str, str], code: str, **params: str) -> str:
    try:
        done = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=3600)
    except OSError as exc:
        raise UserError(code, **params, detail=str(exc)) from exc
    if done.returncode != 0:
        lines = [ln for ln in done.stderr.splitlines() if ln.strip()]
        raise UserError(code, **params, detail=lines[0] if lines else f"exit {done.returncode}")
    return done.stdout


def figures(conn: Connection) -> dict[str, int]:
    """Each table's rows and the ledger sums, as ``conn`` sees them."""
    tables = conn.execute(text(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
        "ORDER BY tablename")).scalars().all()
    found = {f"rows.{t}": int(conn.execute(text(f'SELECT count(*) FROM "{t}"')).scalar_one())
             for t in tables}
    found.update({k: int(conn.execute(text(sql)).scalar_one()) for k, sql in LEDGER_SUMS.items()})
    return found


def differences(expected: dict[str, int], got: dict[str, int]) -> list[str]:
    return [f"{k}: {expected.get(k)} != {got.get(k)}"
            for k in sorted(set(expected) | set(got)) if expected.get(k) != got.get(k)]


def admin_engine(url: URL) -> Engine:
    """AUTOCOMMIT on the server's maintenance database (CREATE/DROP/ALTER DATABASE)."""
    return create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")


@contextmanager
def scratch_database(url: URL, purpose: str) -> Iterator[URL]:
    """A new empty database beside ``url``'s, dropped afterwards."""
    name = f"{url.database}_{purpose}_{secrets.token_hex(4)}"
    admin = admin_engine(url)
    try:
        with admin.connect() as c:
            c.exec_driver_sql(f'CREATE DATABASE "{name}"')
        try:
            yield url.set(database=name)
        finally:
            with admin.connect() as c:
                c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        admin.dispose()


def restore_into(dump: Path, target: URL, code: str, **params: str) -> None:
    args, env = libpq_args(target)
    run_tool([tool("pg_restore"), *args, "-d", str(target.database), "--no-owner",
              "--exit-on-error", "--single-transaction", str(dump)], env, code, **params)


def verify_copy(target: URL, key_dir: Path | None, expected: dict[str, int] | None) -> list[str]:
    """``db check`` of the database at ``target`` and its figures against ``expected``:
    the problems found (empty: sound)."""
    copy = Database.of_url(target.render_as_string(hide_password=False), key_dir)
    try:
        problems = [f"{p.check}: {p.message}" for p in check_database(copy)
                    if p.check not in NOTICE_CHECKS]
        if expected is not None:
            with copy.reader() as uow:
                problems += differences(expected, figures(uow.session.connection()))
        return problems
    finally:
        copy.close()


def server_backup(db: Database, actor: Actor, *, to: Path | None = None) -> ServerBackupResult:
    """A verified pg_dump of the shop's server database into the data folder's
    backups (or ``to``)."""
    if db.engine.dialect.name != "postgresql":
        raise RuntimeError("server_backup is for a shop on a PostgreSQL server")
    with db.uow() as uow:
        require(uow.session, actor, Permission.BACKUP)
        shop = uow.session.execute(select(Shop.name, Shop.db_uuid).where(Shop.id == 1)).one()
    folder = to if to is not None else (db.paths.backups if db.paths else None)
    if folder is None:
        raise RuntimeError("server_backup needs a folder (to=) or a data folder")
    if to is not None and not to.is_dir():
        raise UserError("backup_destination_missing", path=str(to))
    folder.mkdir(parents=True, exist_ok=True)
    at = clock_now()
    name = f"server-{at:%Y%m%d-%H%M%S}-{secrets.token_hex(2)}"  # fits audit entity_id
    dest, part = folder / (name + DUMP_SUFFIX), folder / (name + DUMP_SUFFIX + ".part")
    url = db.engine.url
    args, env = libpq_args(url)
    try:
        # one snapshot for the dump and the figures (REPEATABLE READ, exported)
        with db.engine.connect().execution_options(
                isolation_level="REPEATABLE READ", postgresql_readonly=True) as conn:
            snapshot = str(conn.exec_driver_sql("SELECT pg_export_snapshot()").scalar_one())
            live = figures(conn)
            revision = str(conn.exec_driver_sql(
                "SELECT version_num FROM alembic_version").scalar_one())
            run_tool([tool("pg_dump"), *args, "-d", str(url.database), "-Fc",
                      f"--snapshot={snapshot}", "-f", str(part)], env, "server_backup_failed")
            conn.commit()
        with part.open("rb") as fh:
            os.fsync(fh.fileno())
        with scratch_database(url, "verify") as scratch:
            restore_into(part, scratch, "server_backup_failed")
            problems = verify_copy(scratch, db.paths.root if db.paths else None, live)
        if problems:
            raise UserError("server_backup_mismatch", detail="; ".join(problems[:3]))
        os.replace(part, dest)
    finally:
        part.unlink(missing_ok=True)
    manifest = dest.with_suffix(MANIFEST_SUFFIX)
    digest = sha256_of(dest)
    manifest.write_text(json.dumps({
        "file": dest.name, "created_at": at.isoformat(), "kind": "server",
        "revision": revision, "db_uuid": shop.db_uuid, "shop_name": shop.name,
        "size": dest.stat().st_size, "sha256": digest, "figures": live,
    }, ensure_ascii=False, indent=1), encoding="utf-8")
    fsync_dir(folder)
    with db.uow() as uow:
        audit.record(uow.session, action="backup.create", staff_id=actor.staff_id,
                     entity="backup", entity_id=dest.name,
                     detail={"kind": "server", "size": dest.stat().st_size, "sha256": digest})
        uow.commit()
    return ServerBackupResult(dest, manifest, dest.stat().st_size, at, revision, live)


def read_manifest(dump: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(dump.with_suffix(MANIFEST_SUFFIX).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None

