"""Who may give a manual discount or price override, and the audit row of one.

Each role has a cap (settings ``discount.<role>_max_percent`` and
``discount.<role>_max_fen``; the owner has none): a sale's manual discounts and
price overrides together, as a share of what the lines came to before them
(``PriceBreakdown.manual_base``) and as an amount, must be within both. Over the
actor's cap, checkout needs a manager's one-time approval for
:attr:`Permission.PRICE_OVERRIDE` (when the sale has a price override) or
:attr:`Permission.MANUAL_DISCOUNT`, from an approver whose own cap covers the
discount; the approval is consumed in the sale's transaction and the approver is
written into the ``sale.manual_discount`` audit row. The rule itself
(:func:`memberdesk.domain.discounts.within_cap`) is shared with the counter.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from memberdesk.domain.discounts import percent_of, within_cap
from memberdesk.models import Staff
from memberdesk.models.enums import Role
from memberdesk.money import Money
from memberdesk.services.pricing.prices import PriceBreakdown
from memberdesk.services.shared import audit
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import AuthError, PermissionDenied
from memberdesk.services.shared.permissions import Permission, consume_approval, permission_name
from memberdesk.services.shared.policy import Policy

CAPPED_ROLES = (Role.CASHIER, Role.MANAGER)


def cap_of(role: Role, policy: Policy) -> tuple[int, Money] | None:
    """(max percent, max amount) of ``role``; None for the owner (no cap)."""
    if role not in CAPPED_ROLES:
        return None
    return (policy.int(f"discount.{role.value}_max_percent"),
            Money(policy.int(f"discount.{role.value}_max_fen")))


def covers(role: Role, bd: PriceBreakdown, policy: Policy) -> bool:
    cap = cap_of(role, policy)
    return cap is None or within_cap(bd.manual, bd.manual_base, *cap)


def permission_for(bd: PriceBreakdown) -> Permission:
    return Permission.PRICE_OVERRIDE if bd.has_override else Permission.MANUAL_DISCOUNT


def _role(s: Session, staff_id: int) -> Staff:
    staff = s.get(Staff, staff_id)
    if staff is None or not staff.active:
        raise AuthError("account_inactive")
    return staff


def approval_needed(s: Session, actor: Actor, bd: PriceBreakdown, policy: Policy) -> str | None:
    """The permission an approval must hold for this sale's manual discount, or None."""
    if not bd.manual or covers(_role(s, actor.staff_id).role, bd, policy):
        return None
    return permission_for(bd).value


def _figures(bd: PriceBreakdown, cap: tuple[int, Money] | None) -> dict[str, object]:
    figures: dict[str, object] = {"amount": bd.manual.display(),
                                  "percent": percent_of(bd.manual, bd.manual_base)}
    if cap is not None:
        figures.update(max_percent=cap[0], max_amount=cap[1].display())
    return figures


def authorise(
    s: Session, actor: Actor, bd: PriceBreakdown, policy: Policy, approval_id: int | None,
    now: datetime,
) -> int | None:
    """Check the sale's manual discount against the actor's cap; over it, consume the
    approval and check the approver's cap. Returns the approver's id (None when the
    actor's own cap covers it)."""
    if not bd.manual:
        return None
    role = _role(s, actor.staff_id).role
    if covers(role, bd, policy):
        return None
    permission = permission_for(bd)
    if approval_id is None:
        raise PermissionDenied("manual_over_cap", action=permission_name(permission),
                               **_figures(bd, cap_of(role, policy)))
    approval = consume_approval(s, actor, permission, approval_id, now)
    approver = _role(s, approval.approver_id)
    if not covers(approver.role, bd, policy):
        raise PermissionDenied("approver_over_cap", name=approver.display_name,
                               **_figures(bd, cap_of(approver.role, policy)))
    return approver.id


def record(s: Session, actor: Actor, bd: PriceBreakdown, sale_id: int, sale_no: str,
           approver_id: int | None) -> None:
    """The audit row of a sale with a manual discount (who gave it, who approved it)."""
    if not bd.manual:
        return
    audit.record(
        s, action="sale.manual_discount", staff_id=actor.staff_id, approver_id=approver_id,
        entity="sale", entity_id=sale_id,
        detail={"sale_no": sale_no, "amount": bd.manual.yuan(), "base": bd.manual_base.yuan(),
                "percent": percent_of(bd.manual, bd.manual_base),
                "price_override": bd.has_override},
    )
