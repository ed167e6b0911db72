"""Moving a single-machine shop into a chain server (网络版):
``memberdesk network migrate --from PATH --db-url URL --store CODE``.

* The shop file is only read. A consistent copy is taken with SQLite's backup API into
  a private temporary folder, upgraded to this build's schema when it is older, and
  gets the whole ``db check`` (:func:`.backup_verify.prepare_copy`); a damaged shop is
  refused. The owner's file is never changed.
* The first shop into a chain is a plain copy: the server must hold no chain yet (a
  database without tables, or the bare schema of ``db upgrade``). Every table, every
  id, every ledger row moves as it is, so balances, the audit chain, the sealed day
  closes and their seals stay valid; the shop's store (the first, ``MAIN``) becomes
  store CODE (its name kept unless a new one is given), holding the shop's sales and
  shifts. The numbers drawn before keep their form; new ones start with CODE.
* A database that already holds a chain is refused with nothing written, the most
  useful reason first: CODE is a store there with sales, shifts or staff; members of
  the shop collide with the chain's (the same phone, card uid or member number: the
  conflicts are listed); otherwise merging a second shop into a chain is not supported
  (members, tiers, products, day closes and the audit chain would have to be merged:
  out of scope, as is a merge of colliding members).
* One server transaction: the schema (when missing), a ``COPY`` of each table in the
  order of its foreign keys (:mod:`.network_copy`), the id sequences moved past the
  copied ids, ``db check`` on the server and its figures (rows per table, balance and
  ledger sums) compared with the copy's, the audit row (``network.migrate``, signed
  with the shop's audit key), COMMIT. A failure or an interruption anywhere rolls it
  all back: the server is as it was. The append-only triggers stay on (COPY only
  inserts).
"""

from __future__ import annotations

import sqlite3
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from sqlalchemy import Connection, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from memberdesk.db.audit_key import Keyring, load_keyring, open_keyring
from memberdesk.db.migrate import HEAD_REVISION, DatabaseError, _first_line, alembic_config
from memberdesk.db.postgres import display_url, is_postgres_url, make_pg_engine
from memberdesk.db.till_store import TILL_STORE, TillStore
from memberdesk.models import Store
from memberdesk.models.enums import Role
from memberdesk.services.backup.integrity import NOTICE_CHECKS, check_session
from memberdesk.services.backup.network_copy import (
    Progress,
    RowRewrite,
    advance_sequences,
    copy_tables,
    empty_tables,
    source_columns,
    source_figures,
    tables_in_order,
    too_long,
)
from memberdesk.services.backup.server_backup import differences, figures
from memberdesk.services.backup.verify import inspect_header, prepare_copy
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import (
    AuthError,
    ConflictError,
    Localized,
    UserError,
    ValidationError,
)
from memberdesk.services.shared.messages.migrate import CONFLICT_WORDS
from memberdesk.services.shared.passwords import hash_password, verify_password
from memberdesk.services.shared.permissions import Permission, permission_denied, role_has
from memberdesk.services.shared.tables import table
from memberdesk.services.shop.stores import parse_code, store_name
from memberdesk.services.staff.approvals import require_and_audit

_LOCK = text("SELECT pg_advisory_xact_lock(hashtext('memberdesk.network_migrate'))")
_TABLES = text("SELECT table_name FROM information_schema.tables "
               "WHERE table_schema = current_schema() ORDER BY table_name")
SHOWN_CONFLICTS = 5


@dataclass(frozen=True)
class MigrateRequest:
    source: Path  # the shop file (memberdesk.sqlite3)
    url: str  # the chain's PostgreSQL database
    store: str  # the code the shop's store gets on the server
    username: str  # the shop's owner
    password: str
    store_name: str | None = None  # None: the shop's name
    key_home: Path | None = None  # where a key is made when the shop's folder has none


@dataclass(frozen=True)
class MigrateResult:
    store_code: str
    store_name: str
    rows: int
    members: int
    sales: int
    from_revision: str
    where: str  # the server, without its password
    key_dir: Path  # the folder whose audit.key signed the chain: the tills need it
    seconds: float


def migrate_shop(req: MigrateRequest, *, chunk: int = 5000,
                 progress: Progress | None = None) -> MigrateResult:
    """Move the shop file ``req.source`` into the empty chain database ``req.url`` as
    store ``req.store``, all or nothing (see the module's notes)."""
    started = time.perf_counter()
    if not is_postgres_url(req.url):
        raise ValidationError("server_url_needed")
    code = parse_code(req.store)
    title = store_name(req.store_name) if req.store_name is not None else None
    key_dir = req.source.parent
    keyring: Keyring | None = load_keyring(key_dir)
    if keyring is None and req.key_home is not None:
        keyring, key_dir = open_keyring(req.key_home), req.key_home
    from_revision = inspect_header(req.source).revision
    with tempfile.TemporaryDirectory(prefix="memberdesk-migrate-") as tmp:
        copy_path = Path(tmp) / "shop.sqlite3"
        verified = prepare_copy(req.source, copy_path, key_dir=req.source.parent)
        if not verified.ok:
            raise UserError("migrate_source_bad", path=str(req.source),
                            problem=verified.problem or verified.code)
        source = sqlite3.connect(f"file:{copy_path.as_posix()}?mode=ro", uri=True)
        try:
            actor = _owner(source, req.username, req.password)
            first_id, title = _store_of(source, code, title)
            moved = _move(source, req, actor, code, first_id, title, keyring, chunk, progress)
        finally:
            source.close()
    return MigrateResult(code, title, moved["rows"], moved["members"], moved["sales"],
                         from_revision, display_url(req.url), key_dir,
                         time.perf_counter() - started)


def _owner(source: sqlite3.Connection, username: str, password: str) -> Actor:
    """The shop's owner, by their password in the shop (read only: the copy is
    private, so nothing counts towards a lock)."""
    row = source.execute(
        "SELECT id, username, display_name, role, password_hash, active FROM staff "
        "WHERE lower(username) = ?", (username.strip().lower(),)).fetchone()
    if row is None:
        verify_password(hash_password("timing-equaliser"), password)
        raise AuthError("login_failed")
    if not verify_password(str(row[4]), password):
        raise AuthError("login_failed")
    if not row[5]:
        raise AuthError("account_inactive")
    role = Role(row[3])
    if not role_has(role, Permission.MANAGE_SETTINGS):
        raise permission_denied(Permission.MANAGE_SETTINGS)
    return Actor(int(row[0]), str(row[1]), str(row[2]), role)


def _store_of(source: sqlite3.Connection, code: str, title: str | None) -> tuple[int, str]:
    """The id of the shop's store (its first) and its name on the server: ``title``,
    else the shop's name."""
    stores = source.execute("SELECT id, code, name FROM stores ORDER BY id").fetchall()
    if any(str(c) == code for _i, c, _n in stores[1:]):
        raise ConflictError("migrate_store_taken", store=code)
    if title is None:  # the shop's only store is the shop: its name (the file's store
        # is 本店 when the shop was set up after migration 0021 made it)
        shop = source.execute("SELECT name FROM shop ORDER BY id LIMIT 1").fetchone()
        title = store_name(str(shop[0])[:40]) if shop else str(stores[0][2])
    return int(stores[0][0]), title


def _store_rewrite(source: sqlite3.Connection, first_id: int, code: str,
                   title: str) -> RowRewrite:
    """The shop's store row, on its way to the server, with its new code and name."""
    columns = source_columns(source, table(Store))
    at_id, at_code, at_name = (columns.index(c) for c in ("id", "code", "name"))

    def rewrite(row: tuple[Any, ...]) -> tuple[Any, ...]:
        if row[at_id] != first_id:
            return row
        out = list(row)
        out[at_code], out[at_name] = code, title
        return tuple(out)

    return rewrite


def _move(source: sqlite3.Connection, req: MigrateRequest, actor: Actor, code: str,
          first_id: int, title: str, keyring: Keyring | None, chunk: int,
          progress: Progress | None) -> dict[str, int]:
    where = display_url(req.url)
    expected = source_figures(source)
    engine = make_pg_engine(req.url)
    try:
        try:
            conn = engine.connect()
        except OperationalError as exc:
            raise DatabaseError("server_unreachable", where, _first_line(exc)) from exc
        with conn, conn.begin():
            conn.execute(_LOCK)  # two migrations into one database take turns
            _prepare_server(conn, source, code, where)
            longer = too_long(source, conn)
            if longer:
                raise UserError("migrate_too_long", what=", ".join(longer[:3]))
            rows = copy_tables(source, conn, chunk=chunk, progress=progress, rewrite={
                "stores": _store_rewrite(source, first_id, code, title)})
            _check_and_audit(conn, expected, actor, code, keyring, {
                "from": str(req.source), "rows": rows, "name": title})
            advance_sequences(conn)  # past the audit row too (its id is chosen, not drawn)
    finally:
        engine.dispose()
    return {"rows": rows, "members": expected["rows.members"],
            "sales": expected["rows.sales"]}


def _prepare_server(conn: Connection, source: sqlite3.Connection, code: str,
                    where: str) -> None:
    """Refuse a server that holds a chain or anything else; give an empty one the
    schema (in this transaction) and leave no row in it."""
    tables = [str(t) for t in conn.execute(_TABLES).scalars()]
    if tables and "alembic_version" not in tables:
        what = ", ".join(tables[:3]) + ("…" if len(tables) > 3 else "")
        raise ConflictError("server_not_empty", where=where, what=what)
    if not tables:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    else:
        revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        if revision != HEAD_REVISION:
            raise ConflictError("migrate_server_version", revision=str(revision),
                                head=HEAD_REVISION)
    empty = set(empty_tables(conn))
    holding = [t.name for t in tables_in_order() if t.name not in empty and t.name != "stores"]
    if holding:
        _refuse_chain(conn, source, code, holding)
    # the bare schema's default store (migration 0021) makes way for the shop's
    conn.execute(text("DELETE FROM stores"))


def _refuse_chain(conn: Connection, source: sqlite3.Connection, code: str,
                  holding: list[str]) -> None:
    store_id = conn.execute(text("SELECT id FROM stores WHERE code = :c"), {"c": code}).scalar()
    if store_id is not None:
        used = [f"{t} {n}" for t in ("sales", "shifts", "staff")
                if (n := int(conn.execute(text(f"SELECT count(*) FROM {t} WHERE store_id = :s"),
                                          {"s": store_id}).scalar_one()))]
        if used:
            raise ConflictError("migrate_store_has_data", store=code, what=", ".join(used))
    conflicts = member_conflicts(source, conn)
    if conflicts:
        members = {m for _kind, _value, m in conflicts}
        shown = conflicts[:SHOWN_CONFLICTS]
        more = "…" if len(conflicts) > SHOWN_CONFLICTS else ""
        listed = Localized(
            "、".join(f"{CONFLICT_WORDS[k][0]} {v}" for k, v, _m in shown) + more,
            ", ".join(f"{CONFLICT_WORDS[k][1]} {v}" for k, v, _m in shown) + more)
        raise ConflictError("migrate_member_conflicts", count=len(members), conflicts=listed)
    what = ", ".join(holding[:3]) + ("…" if len(holding) > 3 else "")
    raise ConflictError("migrate_chain_not_empty", what=what)


_KEYS = (
    ("phone", "SELECT phone, id FROM members WHERE phone IS NOT NULL",
     "SELECT phone FROM members WHERE phone = ANY(:v)"),
    ("member_no", "SELECT member_no, id FROM members",
     "SELECT member_no FROM members WHERE member_no = ANY(:v)"),
    ("card", "SELECT uid, member_id FROM cards", "SELECT uid FROM cards WHERE uid = ANY(:v)"),
)


def member_conflicts(source: sqlite3.Connection, conn: Connection,
                     batch: int = 5000) -> list[tuple[str, str, int]]:
    """(kind, value, the shop's member id) of every phone, member number and card uid
    of the shop that the chain already has."""
    found: list[tuple[str, str, int]] = []
    for kind, mine, theirs in _KEYS:
        owners = {str(v): int(m) for v, m in source.execute(mine)}
        values = sorted(owners)
        for i in range(0, len(values), batch):
            taken = conn.execute(text(theirs), {"v": values[i:i + batch]}).scalars()
            found += [(kind, str(v), owners[str(v)]) for v in sorted(taken)]
    return found


def _check_and_audit(conn: Connection, expected: dict[str, int], actor: Actor, code: str,
                     keyring: Keyring | None, detail: dict[str, Any]) -> None:
    """``db check`` of the server's copy and its figures against the file's, then the
    audit row, all in the copy's transaction."""
    session = Session(bind=conn, info={"audit_keyring": keyring, TILL_STORE: TillStore(code)})
    try:
        problems = [f"{p.check}: {p.message}" for p in check_session(session)
                    if p.check not in NOTICE_CHECKS]
        got = figures(conn)
        problems += differences(expected, {k: got.get(k, 0) for k in expected})
        if problems:
            raise UserError("migrate_mismatch", detail="; ".join(problems[:3]))
        require_and_audit(session, actor, Permission.MANAGE_SETTINGS, action="network.migrate",
                          entity="store", entity_id=code, detail=detail)
        session.flush()
    finally:
        session.close()


