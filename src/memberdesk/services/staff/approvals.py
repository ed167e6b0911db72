"""Permission at the counter: a manager's one-time approval (the manager types their password for a cashier's one action), a check that consumes nothing, and the usual check-then-audit pair."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.models import Approval, Staff
from memberdesk.models.base import utcnow
from memberdesk.services.shared import audit, settings
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import (
    AuthError,
    PermissionDenied,
    ValidationError,
)
from memberdesk.services.shared.permissions import (
    Permission,
    permission_denied,
    permission_name,
    require,
    role_has,
)
from memberdesk.services.shared.requests import clean_text
from memberdesk.services.staff.accounts import verify_credentials


@dataclass(frozen=True)
class ApprovalGrant:
    approval_id: int
    permission: Permission
    approver: str
    expires_at: datetime


def grant_approval(
    db: Database,
    requester: Actor,
    *,
    approver_username: str,
    approver_password: str,
    permission: Permission,
    reason: str,
    now: datetime | None = None,
) -> ApprovalGrant:
    """A manager or owner types their password at the counter to let ``requester``
    do one ``permission`` action once, within a few minutes. ``approver_username``
    may be the user name or the display name the login list shows."""
    now = now or utcnow()
    reason = clean_text(reason, 200)
    if not reason:
        raise ValidationError("reason_required")
    with db.uow() as uow:
        s = uow.session
        try:
            approver = verify_credentials(
                s, approver_username, approver_password, now, display_name=True
            )
        except AuthError:
            uow.commit()
            raise
        if not role_has(approver.role, permission):
            raise PermissionDenied(
                "approver_lacks_permission",
                name=approver.display_name,
                action=permission_name(permission),
            )
        minutes = settings.get_int(s, "staff.approval_minutes")
        approval = Approval(
            approver_id=approver.id,
            requested_by_id=requester.staff_id,
            permission=permission.value,
            reason=reason[:200],
            created_at=now,
            expires_at=now + timedelta(minutes=minutes),
        )
        s.add(approval)
        s.flush()
        audit.record(
            s,
            action="approval.grant",
            staff_id=requester.staff_id,
            approver_id=approver.id,
            entity="approval",
            entity_id=approval.id,
            detail={"permission": permission.value, "reason": approval.reason},
        )
        grant = ApprovalGrant(approval.id, permission, approver.display_name, approval.expires_at)
        uow.commit()
    return grant


def check_permission(
    db: Database, actor: Actor, permission: Permission, *, approval_id: int | None = None
) -> None:
    """Raise PermissionDenied unless ``actor`` may do ``permission`` (consumes nothing)."""
    with db.reader() as uow:
        staff = uow.session.get(Staff, actor.staff_id)
        if staff is None or not staff.active:
            raise AuthError("account_inactive")
        if not role_has(staff.role, permission) and approval_id is None:
            raise permission_denied(permission)


def require_and_audit(
    session: Session,
    actor: Actor,
    permission: Permission,
    *,
    action: str,
    approval_id: int | None = None,
    entity: str = "",
    entity_id: object = "",
    detail: dict[str, object] | None = None,
) -> int | None:
    """The usual pair for a sensitive use case: check permission, then audit it."""
    approver_id = require(session, actor, permission, approval_id=approval_id)
    audit.record(
        session,
        action=action,
        staff_id=actor.staff_id,
        approver_id=approver_id,
        entity=entity,
        entity_id=entity_id,
        detail=dict(detail or {}),
    )
    return approver_id
