"""Staff accounts: log in (with lockout and rehash), create, change password, and a
manager's one-time approval at the counter."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.models import Shift, Staff
from memberdesk.models.base import utcnow
from memberdesk.models.enums import Role, ShiftStatus
from memberdesk.services.shared import audit, settings
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import (
    AuthError,
    ConflictError,
    Localized,
    NotFoundError,
    PermissionDenied,
    ValidationError,
)
from memberdesk.services.shared.passwords import hash_password, needs_rehash, verify_password
from memberdesk.services.shared.permissions import (
    ROLE_RANK,
    Permission,
    require,
)
from memberdesk.services.shared.requests import clean_text
from memberdesk.services.shared.this_store import current_store_id

MIN_PASSWORD_LENGTH = 6
_USERNAME_RE = re.compile(r"^[A-Za-z0-9_]{2,32}$")


@dataclass(frozen=True)
class StaffInfo:
    id: int
    username: str
    display_name: str
    role: Role
    active: bool
    locked_until: datetime | None


def _actor(staff: Staff) -> Actor:
    return Actor(staff.id, staff.username, staff.display_name, staff.role)


def _info(staff: Staff) -> StaffInfo:
    return StaffInfo(
        staff.id, staff.username, staff.display_name, staff.role, staff.active, staff.locked_until
    )


def validate_new_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError("weak_password", min=MIN_PASSWORD_LENGTH)


def _validate_username(username: str) -> str:
    username = username.strip()
    if not _USERNAME_RE.match(username):
        raise ValidationError("invalid_username")
    return username


def _display_name(name: str) -> str:
    name = clean_text(name, 10_000)
    if not name:
        raise ValidationError("required_field", field=Localized("姓名", "name"))
    if len(name) > 50:
        raise ValidationError("field_too_long", field=Localized("姓名", "name"), max=50)
    return name


def add_staff_in(
    session: Session, *, username: str, display_name: str, role: Role, password: str
) -> Staff:
    """Create an account in the caller's transaction (no permission check)."""
    username = _validate_username(username)
    validate_new_password(password)
    if session.scalar(select(Staff.id).where(func.lower(Staff.username) == username.lower())):
        raise ConflictError("username_taken", username=username)
    staff = Staff(
        username=username,
        display_name=_display_name(display_name),
        role=role,
        password_hash=hash_password(password),
    )
    session.add(staff)
    session.flush()
    return staff


def _by_display_name(session: Session, name: str) -> Staff | None:
    """The one active account shown as ``name`` on the login list; several share it:
    AuthError asking for the user name."""
    found = list(session.scalars(
        select(Staff).where(Staff.display_name == name, Staff.active.is_(True)).limit(10)))
    if len(found) > 1:
        raise AuthError("approver_ambiguous", name=name, count=len(found))
    return found[0] if found else None


def verify_credentials(
    session: Session, username: str, password: str, now: datetime, *, display_name: bool = False
) -> Staff:
    """Check a user name and password, counting failures and locking the account.
    With ``display_name`` the name may also be the display name the login list
    shows (a manager typing their name into the approval box).

    Raises AuthError. A failure is *recorded* by the caller committing: the failure
    counter is updated on the session even though an exception follows, so callers
    catch, commit and re-raise (see :func:`login`).
    """
    staff = session.scalar(
        select(Staff).where(func.lower(Staff.username) == username.strip().lower())
    )
    if staff is None and display_name and username.strip():
        staff = _by_display_name(session, " ".join(username.split()))
    if staff is None:
        verify_password(hash_password("timing-equaliser"), password)
        raise AuthError("login_failed")
    if not staff.active:
        raise AuthError("account_inactive")
    if staff.locked_until is not None and staff.locked_until > now:
        minutes = max(1, int((staff.locked_until - now).total_seconds() + 59) // 60)
        raise AuthError("account_locked", minutes=minutes)
    if not verify_password(staff.password_hash, password):
        staff.failed_logins += 1
        max_failed = settings.get_int(session, "staff.max_failed_logins")
        if staff.failed_logins >= max_failed:
            lock_minutes = settings.get_int(session, "staff.lock_minutes")
            staff.locked_until = now + timedelta(minutes=lock_minutes)
            staff.failed_logins = 0
            audit.record(
                session, action="staff.locked", staff_id=staff.id, entity="staff", entity_id=staff.id
            )
            raise AuthError("account_locked", minutes=lock_minutes)
        raise AuthError("login_failed")
    staff.failed_logins = 0
    staff.locked_until = None
    if needs_rehash(staff.password_hash):
        staff.password_hash = hash_password(password)
    return staff


def login(db: Database, username: str, password: str, *, now: datetime | None = None) -> Actor:
    """Log a staff member in. Wrong passwords count towards a temporary lock."""
    now = now or utcnow()
    with db.uow() as uow:
        try:
            staff = verify_credentials(uow.session, username, password, now)
        except AuthError:
            uow.commit()  # keep the failure count / lock
            raise
        staff.last_login_at = now
        audit.record(
            uow.session, action="staff.login", staff_id=staff.id, entity="staff", entity_id=staff.id
        )
        actor = _actor(staff)
        uow.commit()
    return actor


def create_staff(
    db: Database, actor: Actor, *, username: str, display_name: str, role: Role, password: str
) -> StaffInfo:
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_STAFF)
        me = s.get(Staff, actor.staff_id)
        assert me is not None  # require() checked it
        if me.role is not Role.OWNER and ROLE_RANK[role] >= ROLE_RANK[me.role]:
            raise PermissionDenied("role_too_high")
        staff = add_staff_in(
            s, username=username, display_name=display_name, role=role, password=password
        )
        audit.record(
            s,
            action="staff.create",
            staff_id=actor.staff_id,
            entity="staff",
            entity_id=staff.id,
            detail={"username": staff.username, "role": role.value},
        )
        info = _info(staff)
        uow.commit()
    return info


def list_staff(db: Database, actor: Actor) -> list[StaffInfo]:
    with db.reader() as uow:
        require(uow.session, actor, Permission.MANAGE_STAFF)
        return [_info(s) for s in uow.session.scalars(select(Staff).order_by(Staff.id))]


def login_names(db: Database) -> list[tuple[str, str]]:
    """(username, display name) of active accounts, for the login screen."""
    with db.reader() as uow:
        rows = uow.session.execute(
            select(Staff.username, Staff.display_name)
            .where(Staff.active.is_(True))
            .order_by(Staff.id)
        )
        return [(r[0], r[1]) for r in rows]


def open_shift_username(db: Database) -> str | None:
    """The user name of the active staff member whose shift is open at this till's
    store (the latest opened if several), for the login screen to choose first; None:
    no shift open. (Per active account by the shifts' (staff, status) index, not by
    the store's, which holds every shift of it: ``store_id + 0``.)"""
    with db.reader() as uow:
        s = uow.session
        open_id = (
            select(func.max(Shift.id))
            .where(Shift.staff_id == Staff.id, Shift.status == ShiftStatus.OPEN,
                   Shift.store_id + 0 == current_store_id(s))
            .scalar_subquery()
        )
        per_staff = select(Staff.username, open_id.label("open_id")).where(
            Staff.active.is_(True)).subquery()
        return s.scalar(
            select(per_staff.c.username).where(per_staff.c.open_id.is_not(None))
            .order_by(per_staff.c.open_id.desc()).limit(1)
        )


def change_password(db: Database, actor: Actor, old_password: str, new_password: str) -> None:
    now = utcnow()
    with db.uow() as uow:
        s = uow.session
        try:
            staff = verify_credentials(s, actor.username, old_password, now)
        except AuthError:
            uow.commit()
            raise
        validate_new_password(new_password)
        staff.password_hash = hash_password(new_password)
        audit.record(
            s, action="staff.password", staff_id=staff.id, entity="staff", entity_id=staff.id
        )
        uow.commit()


def _managed_staff(s: Session, actor: Actor, username: str) -> Staff:
    """The account ``actor`` may manage: a manager manages cashiers, the owner everyone."""
    require(s, actor, Permission.MANAGE_STAFF)
    staff = s.scalar(select(Staff).where(Staff.username == username))
    if staff is None:
        raise NotFoundError("staff_not_found", key=username)
    me = s.get(Staff, actor.staff_id)
    assert me is not None  # require() checked it
    if me.role is not Role.OWNER and ROLE_RANK[staff.role] >= ROLE_RANK[me.role]:
        raise PermissionDenied("role_too_high")
    return staff


def reset_password(db: Database, actor: Actor, username: str, new_password: str) -> StaffInfo:
    """A forgotten password: the owner (or a manager, for a cashier) sets a new one.
    It also lifts a lock after wrong passwords."""
    with db.uow() as uow:
        s = uow.session
        staff = _managed_staff(s, actor, username)
        validate_new_password(new_password)
        staff.password_hash = hash_password(new_password)
        staff.failed_logins = 0
        staff.locked_until = None
        audit.record(
            s,
            action="staff.password_reset",
            staff_id=actor.staff_id,
            entity="staff",
            entity_id=staff.id,
        )
        info = _info(staff)
        uow.commit()
    return info


def set_staff_active(db: Database, actor: Actor, username: str, active: bool) -> StaffInfo:
    with db.uow() as uow:
        s = uow.session
        staff = _managed_staff(s, actor, username)
        if not active and staff.role is Role.OWNER:
            owners = s.scalar(
                select(func.count()).where(Staff.role == Role.OWNER, Staff.active.is_(True))
            )
            if (owners or 0) <= 1:
                raise ConflictError("last_owner")
        staff.active = active
        audit.record(
            s,
            action="staff.activate" if active else "staff.deactivate",
            staff_id=actor.staff_id,
            entity="staff",
            entity_id=staff.id,
        )
        info = _info(staff)
        uow.commit()
    return info


def confirm_password(db: Database, actor: Actor, password: str) -> None:
    """The logged-in staff member types their password again to confirm a drastic
    action (a restore). Wrong passwords count towards the lock like a login."""
    now = utcnow()
    with db.uow() as uow:
        try:
            verify_credentials(uow.session, actor.username, password, now)
        except AuthError:
            uow.commit()  # keep the failure count / lock
            raise
        uow.commit()
