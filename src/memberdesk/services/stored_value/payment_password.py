"""The member's payment password (消费密码) for stored-value payments.

argon2id like staff passwords; after ``stored_value.password_max_failures`` wrong
tries in a row it is locked for ``stored_value.password_lock_minutes``.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from memberdesk.db import Database
from memberdesk.models import Member
from memberdesk.money import ascii_digits
from memberdesk.services.members.rows import active_member
from memberdesk.services.shared import audit, clock
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import AuthError, UserError, ValidationError
from memberdesk.services.shared.passwords import hash_password, verify_password
from memberdesk.services.shared.permissions import Permission, require
from memberdesk.services.shared.policy import Policy

_PASSWORD_RE = re.compile(r"^[0-9]{4,6}$", re.ASCII)


def _clean(password: str) -> str:
    """4–6 digits; full-width digits count as digits (an input method's ４５６７)."""
    folded = ascii_digits(password)
    if folded is None or not _PASSWORD_RE.match(folded):
        raise ValidationError("payment_password_invalid", min=4, max=6)
    return folded


def set_payment_password(
    db: Database,
    actor: Actor,
    member_id: int,
    password: str | None,
    *,
    current: str | None = None,
    approval_id: int | None = None,
) -> None:
    """Set, change or (with ``password`` None) remove a member's payment password.

    The password guards the member's stored value, so who may touch it is decided
    here, not by the screen:

    * a member without one sets a first password at the counter (they type it; the
      cashier needs only the edit-member permission);
    * an existing password is changed or removed by the member, who types the
      ``current`` one (checked like a payment: wrong tries count and lock), or by a
      manager or owner (``reset_payment_password``), or by a cashier with a manager's
      one-time approval (``approval_id``). A cashier alone cannot.

    Audited, with how it was authorised (never the password)."""
    new = None if password is None else _clean(password)
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.EDIT_MEMBER)
        member = active_member(s, member_id)
        approver: int | None = None
        if member.payment_password_hash is None:
            how = "first"
        elif current is not None and approval_id is None:
            problem = check_in(member, current, Policy.load(s))
            if problem is not None:
                uow.commit()  # only the failure count
                raise problem
            how = "member"
        else:
            approver = require(s, actor, Permission.RESET_PAYMENT_PASSWORD,
                               approval_id=approval_id)
            how = "manager"
        member.payment_password_hash = None if new is None else hash_password(new)
        member.payment_password_failures = 0
        member.payment_password_locked_until = None
        audit.record(s, action="member.payment_password", staff_id=actor.staff_id,
                     approver_id=approver, entity="member", entity_id=member.member_no,
                     detail={"set": new is not None, "by": how})
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
    if verify_password(member.payment_password_hash, ascii_digits(password) or password):
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
