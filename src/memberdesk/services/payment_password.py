"""The member's payment password (消费密码) for stored-value payments.

argon2id like staff passwords; after ``stored_value.password_max_failures`` wrong
tries in a row it is locked for ``stored_value.password_lock_minutes``.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from memberdesk.db import Database
from memberdesk.models import Member

from . import audit, clock
from .cart import load_member
from .context import Actor
from .errors import AuthError, UserError, ValidationError
from .passwords import hash_password, verify_password
from .permissions import Permission, require
from .policy import Policy

_PASSWORD_RE = re.compile(r"^[0-9]{4,6}$", re.ASCII)


def set_payment_password(db: Database, actor: Actor, member_id: int, password: str | None) -> None:
    """Set (or with ``None`` remove) a member's payment password: 4–6 digits."""
    if password is not None and not _PASSWORD_RE.match(password):
        raise ValidationError("payment_password_invalid", min=4, max=6)
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.EDIT_MEMBER)
        member = load_member(s, member_id)
        member.payment_password_hash = None if password is None else hash_password(password)
        member.payment_password_failures = 0
        member.payment_password_locked_until = None
        audit.record(s, action="member.payment_password", staff_id=actor.staff_id,
                     entity="member", entity_id=member.member_no,
                     detail={"set": password is not None})
        uow.commit()


def check(member: Member, password: str | None, required_by_shop: bool, now: datetime,
          max_failures: int, lock_minutes: int) -> UserError | None:
    """Check the password for a stored-value payment. On a wrong password the failure
    is counted on ``member`` (the caller commits that alone) and the error returned."""
    if member.payment_password_hash is None:
        return AuthError("payment_password_not_set") if required_by_shop else None
    locked = member.payment_password_locked_until
    if locked is not None and locked > now:
        minutes = max(1, int((locked - now).total_seconds() + 59) // 60)
        return AuthError("payment_password_locked", minutes=minutes)
    if not password:
        return AuthError("payment_password_required")
    if verify_password(member.payment_password_hash, password):
        if member.payment_password_failures:
            member.payment_password_failures = 0
            member.payment_password_locked_until = None
        return None
    failures = member.payment_password_failures + 1
    member.payment_password_failures = failures
    if failures >= max_failures:
        member.payment_password_failures = 0
        member.payment_password_locked_until = now + timedelta(minutes=lock_minutes)
        return AuthError("payment_password_locked", minutes=lock_minutes)
    return AuthError("payment_password_wrong", left=max_failures - failures)


def check_in(member: Member, password: str | None, policy: Policy) -> UserError | None:
    """:func:`check` with the shop's settings."""
    return check(
        member, password, policy.bool("stored_value.require_password"), clock.now(),
        policy.int("stored_value.password_max_failures"),
        policy.int("stored_value.password_lock_minutes"),
    )
