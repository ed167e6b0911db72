"""Logging in at a till of a server (网络版), with the server there or away.

:func:`log_in_at_till` logs in on the server as always, then keeps that account in the
till's staff copy (:mod:`.staff_copy`); an account the server says is stopped leaves
the copy. When the server cannot be reached, a staff member who logged in on this
till before logs in against the copy (:func:`log_in_offline`): the same argon2 check,
the shop's lock-out after wrong passwords (counted in the copy), staff of another
store refused, and only with a catalogue copy to sell from. Such a session can only
make offline cash sales.

When the server answers again, :func:`confirm_offline_login` re-checks the account
there: it must still exist and be active, may work in this store, and its password
hash must be the one the password was checked against offline (a password changed
on the server meanwhile refuses the session: log in again). Then the log-in is
audited on the server (``staff.login`` with ``offline_at``) and the session is a
normal one. Refused: the till logs out (the queued sales are sent regardless).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from memberdesk.db import Database
from memberdesk.models import Staff
from memberdesk.models.enums import Role
from memberdesk.services.offline.catalogue import LocalCatalogue
from memberdesk.services.offline.files import CATALOGUE_FILE, data_dir, enabled
from memberdesk.services.offline.staff_copy import (
    KnownStaff,
    forget,
    read_copy,
    remember,
    write_copy,
)
from memberdesk.services.shared import audit, clock
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import (
    AuthError,
    PermissionDenied,
    StorageError,
    ValidationError,
)
from memberdesk.services.shared.passwords import hash_password, verify_password
from memberdesk.services.shared.this_store import current_store_id
from memberdesk.services.shop.stores import check_store_reach
from memberdesk.services.staff.accounts import login


@dataclass(frozen=True)
class TillLogin:
    actor: Actor
    offline: bool = False
    at: str = ""  # UTC ISO text: when an offline log-in was made
    hash_digest: str = ""  # SHA-256 of the copy's hash the password matched (offline)


def _digest(password_hash: str) -> str:
    return hashlib.sha256(password_hash.encode("utf-8")).hexdigest()


def log_in_at_till(db: Database, username: str, password: str) -> TillLogin:
    """Log in on the server, or against the till's copy when the server is away."""
    if not enabled(db):
        return TillLogin(login(db, username, password))
    folder = data_dir(db)
    try:
        if not db.server_checked:
            db.ping()  # a till started offline: is the server there now?
        actor = login(db, username, password)
    except AuthError as exc:
        if exc.code == "account_inactive":
            forget(folder, username)
        raise
    except StorageError as exc:
        if exc.code != "server_lost":
            raise
        return log_in_offline(folder, username, password)
    try:
        with db.reader() as uow:
            remember(uow.session, folder, actor.staff_id, clock.now().isoformat())
    except StorageError:
        pass  # lost right after the log-in: the copy stays as it was
    return TillLogin(actor)


def can_log_in_offline(folder: Path) -> bool:
    """The till has what an offline log-in needs: an account and a catalogue copy."""
    return (folder / CATALOGUE_FILE).exists() and bool(read_copy(folder)["staff"])


def _till_store(folder: Path) -> int | None:
    with LocalCatalogue(folder / CATALOGUE_FILE) as cat:
        value = cat.settings.get("store_id")
    return int(value) if value else None


def log_in_offline(folder: Path, username: str, password: str) -> TillLogin:
    """Check the password against the till's copy (see the module docstring)."""
    if not (folder / CATALOGUE_FILE).exists():
        raise ValidationError("offline_no_catalogue")
    data = read_copy(folder)
    key = username.strip().lower()
    entry = data["staff"].get(key)
    if entry is None or not entry["active"]:
        verify_password(hash_password("timing-equaliser"), password)
        raise AuthError("offline_login_unknown", username=username.strip())
    staff = KnownStaff(**entry)
    store = _till_store(folder)
    if staff.store_id is not None and store is not None and staff.store_id != store:
        raise PermissionDenied("offline_login_other_store")
    now = clock.now()
    lockout = data.get("lockout", {"max_failed": 5, "lock_minutes": 15})
    failed = data["failures"].get(key, {})
    until = failed.get("locked_until")
    if until and datetime.fromisoformat(until) > now:
        left = (datetime.fromisoformat(until) - now).total_seconds()
        raise AuthError("account_locked", minutes=max(1, int(left + 59) // 60))
    if not verify_password(staff.password_hash, password):
        count = int(failed.get("count", 0)) + 1
        if count >= int(lockout["max_failed"]):
            minutes = int(lockout["lock_minutes"])
            data["failures"][key] = {
                "count": 0,
                "locked_until": (now + timedelta(minutes=minutes)).isoformat(),
            }
            write_copy(folder, data)
            raise AuthError("account_locked", minutes=minutes)
        data["failures"][key] = {"count": count}
        write_copy(folder, data)
        raise AuthError("login_failed")
    if key in data["failures"]:
        del data["failures"][key]
        write_copy(folder, data)
    actor = Actor(staff.staff_id, staff.username, staff.display_name, Role(staff.role))
    return TillLogin(actor, True, now.isoformat(), _digest(staff.password_hash))


def confirm_offline_login(db: Database, session: TillLogin) -> TillLogin:
    """The server is back: the offline session becomes a normal one, or is refused
    (AuthError, PermissionDenied); see the module docstring."""
    if not session.offline:
        return session
    folder = data_dir(db)
    actor = session.actor
    with db.uow() as uow:
        s = uow.session
        row = s.get(Staff, actor.staff_id)
        if row is None or not row.active:
            forget(folder, actor.username)
            raise AuthError("account_inactive")
        if _digest(row.password_hash) != session.hash_digest:
            raise AuthError("offline_login_stale")
        check_store_reach(s, actor, current_store_id(s))
        now = clock.now()
        row.last_login_at = now
        audit.record(
            s,
            action="staff.login",
            staff_id=row.id,
            entity="staff",
            entity_id=row.id,
            detail={"offline_at": session.at},
        )
        fresh = Actor(row.id, row.username, row.display_name, row.role)
        uow.commit()
    with db.reader() as uow:
        remember(uow.session, folder, fresh.staff_id, now.isoformat())
    return TillLogin(fresh)
