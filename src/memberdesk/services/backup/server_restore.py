"""Restoring a server backup (网络版): ``pg_restore`` into a fresh database, verified,
then swapped in by name.

Order: permission (owner) -> the dump's schema revision, read with ``pg_restore`` (a
file pg_restore cannot read is refused; a dump of another schema version is refused
with both versions named) -> a fresh database ``<shop>_restore_<random>`` on the same
server, ``pg_restore`` into it in one transaction -> the whole ``db check`` and, when
the backup's manifest is beside it, its figures (rows per table, balance and ledger
sums) compared -> only then the swap: the other tills' connections to the live
database are ended (their pools reconnect by themselves), the live database is renamed
``<shop>_before_restore_<time>`` (kept, never dropped by us) and the restored one takes
its name -> audited in the restored database. Any refusal before the swap drops the
fresh database and leaves the live one exactly as it was.
"""

from __future__ import annotations

import os
import re
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import OperationalError

from memberdesk.db import Database
from memberdesk.db.migrate import HEAD_REVISION
from memberdesk.models import Staff
from memberdesk.models.base import utcnow
from memberdesk.services.backup.server_backup import (
    admin_engine,
    read_manifest,
    restore_into,
    run_tool,
    tool,
    verify_copy,
)
from memberdesk.services.shared import audit
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import UserError
from memberdesk.services.shared.permissions import Permission, require
from memberdesk.services.staff.accounts import confirm_password

_VERSION_ROW = re.compile(r"^COPY public\.alembic_version .*?FROM stdin;\n([^\n\\]+)\n", re.M)


@dataclass(frozen=True)
class ServerRestoreResult:
    database: Database  # the reopened, restored database
    kept_as: str  # the live database before the restore, renamed
    revision: str
    shop_name: str


def dump_revision(dump: Path) -> str:
    """The schema revision inside ``dump`` (its alembic_version row)."""
    if not dump.is_file():
        raise UserError("restore_not_a_file", path=str(dump))
    out = run_tool([tool("pg_restore"), "--data-only", "--table=alembic_version", "-f", "-",
                    str(dump)], dict(os.environ), "server_restore_not_a_dump", path=dump.name)
    found = _VERSION_ROW.search(out)
    if found is None:
        raise UserError("server_restore_not_a_dump", path=dump.name,
                        detail="no MemberDesk schema version in it")
    return found.group(1).strip()


def check_server_dump(dump: Path) -> str:
    """Refuse (before asking for a password) a file that is not a server backup of this
    schema version; its revision otherwise."""
    revision = dump_revision(dump)
    if revision != HEAD_REVISION:
        raise UserError("server_restore_revision", path=dump.name, revision=revision,
                        head=HEAD_REVISION)
    return revision


def _swap(url: URL, fresh: str, kept: str) -> None:
    """The restored database takes the live one's name; the live one is kept."""
    admin = admin_engine(url)
    try:
        with admin.connect() as c:
            for attempt in range(20):  # a till may reconnect between the two statements
                c.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                               "WHERE datname = :d AND pid <> pg_backend_pid()"),
                          {"d": url.database})
                try:
                    c.exec_driver_sql(f'ALTER DATABASE "{url.database}" RENAME TO "{kept}"')
                    break
                except OperationalError:
                    if attempt == 19:
                        raise
                    time.sleep(0.1)
            try:
                c.exec_driver_sql(f'ALTER DATABASE "{fresh}" RENAME TO "{url.database}"')
            except Exception:  # put the live database back under its name
                c.exec_driver_sql(f'ALTER DATABASE "{kept}" RENAME TO "{url.database}"')
                raise
    finally:
        admin.dispose()


def server_restore(
    db: Database, actor: Actor, dump: Path, *, password: str | None = None
) -> ServerRestoreResult:
    """Restore the server backup ``dump`` over the shop's server database."""
    if db.engine.dialect.name != "postgresql":
        raise RuntimeError("server_restore is for a shop on a PostgreSQL server")
    with db.uow() as uow:
        require(uow.session, actor, Permission.RESTORE)
    if password is not None:
        confirm_password(db, actor, password)
    revision = check_server_dump(dump)
    manifest = read_manifest(dump) or {}
    expected = manifest.get("figures")
    url = db.engine.url
    key_dir = db.paths.root if db.paths else None
    tag = secrets.token_hex(4)
    fresh = f"{url.database}_restore_{tag}"
    admin = admin_engine(url)
    try:
        with admin.connect() as c:
            c.exec_driver_sql(f'CREATE DATABASE "{fresh}"')
        swapped = False
        try:
            target = url.set(database=fresh)
            restore_into(dump, target, "server_restore_failed")
            problems = verify_copy(target, key_dir, expected if isinstance(expected, dict)
                                   else None)
            if problems:
                raise UserError("server_restore_failed", detail="; ".join(problems[:3]))
            kept = f"{url.database}_before_restore_{utcnow():%Y%m%d%H%M%S}_{tag}"
            db.close()
            _swap(url, fresh, kept)
            swapped = True
        finally:
            if not swapped:
                with admin.connect() as c:
                    c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{fresh}" WITH (FORCE)')
    finally:
        admin.dispose()
    restored = Database.of_url(url.render_as_string(hide_password=False), key_dir)
    restored.paths = db.paths
    with restored.uow() as uow:
        s = uow.session
        same = s.scalar(select(Staff.id).where(Staff.username == actor.username))
        audit.record(s, action="backup.restore", staff_id=same, entity="backup",
                     entity_id=dump.name[:40],
                     detail={"kind": "server", "revision": revision, "kept_as": kept,
                             "restored_by": actor.username})
        audit.restart_switch_over(s)
        shop_name = str(manifest.get("shop_name") or "")
        uow.commit()
    return ServerRestoreResult(restored, kept, revision, shop_name)
