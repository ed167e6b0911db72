"""The steps every refund shares (see the package's doc)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from memberdesk.domain.points import value_of_points
from memberdesk.models import (
    AuditEntry,
    Refund,
    RefundTender,
    Staff,
)
from memberdesk.models.enums import PointsKind, RefundKind, TenderKind
from memberdesk.money import Money
from memberdesk.services.receipts.data import ReceiptAmount, ReceiptData, from_json, to_json
from memberdesk.services.shared import audit, clock, settings
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import ConflictError, ValidationError
from memberdesk.services.shared.ledger import (
    Refs,
    take_back_points,
)
from memberdesk.services.shared.open_shift import open_shift_id
from memberdesk.services.shared.permissions import Permission, load_actor_staff, may, require
from memberdesk.services.shared.requests import clean_text


@dataclass(frozen=True)
class RefundResult:
    refund_id: int
    refund_no: str
    kind: RefundKind
    amount: Money  # returned to the customer, all tenders
    tenders: tuple[ReceiptAmount, ...]
    points_returned: int  # points the sale was paid with, given back
    points_taken_back: int  # points the sale earned, taken back
    coupons_restored: tuple[str, ...]
    sv_balance: Money | None
    points_balance: int | None
    receipt: ReceiptData
    replayed: bool = False


def check_reason(reason: object) -> str:
    text = clean_text(reason, 200)
    if not text:
        raise ValidationError("reason_required")
    return text


def points_value(points: int, s: Session) -> Money:
    """What ``points`` are worth at the shop's redemption rate: what they could pay
    at the counter, rounded down (:func:`memberdesk.domain.points.value_of_points`)."""
    return value_of_points(points, settings.get_int(s, "points.redeem_points_per_yuan"))


def replay_refund(s: Session, prior: Refund, client_id: str, digest: str) -> RefundResult:
    """The stored result of an earlier refund with this client id (the receipt and the
    payload hash are kept in the refund's audit row)."""
    row = s.scalar(select(AuditEntry).where(
        AuditEntry.entity == "refund", AuditEntry.entity_id == prior.refund_no))
    detail = json.loads(row.detail) if row is not None else {}
    if detail.get("payload_hash") != digest:
        raise ConflictError("client_id_reused", client_id=client_id)
    res = detail["result"]
    receipt = from_json(json.dumps(res["receipt"]))
    return RefundResult(
        prior.id, prior.refund_no, prior.kind, prior.amount, receipt.tenders,
        res["points_returned"], res["points_taken_back"], tuple(res["coupons_restored"]),
        receipt.sv_balance, receipt.points_balance, receipt, True,
    )


def authorise(s: Session, actor: Actor, client_id: str, digest: str,
              approval_id: int | None) -> tuple[RefundResult | None, int | None]:
    """The REFUND permission first, then the stored result of a refund already made:
    ``(replay, approver_id)``. A new refund consumes a one-time approval; a replay
    consumes nothing and goes to a role holding REFUND (or with a valid approval) or
    to whoever made that very refund. Anyone else resending its id is refused."""
    prior = s.scalar(select(Refund).where(Refund.client_id == client_id))
    if prior is None:
        return None, require(s, actor, Permission.REFUND, approval_id=approval_id)
    if prior.staff_id == actor.staff_id:
        load_actor_staff(s, actor)  # a disabled account gets nothing back either
    else:
        may(s, actor, Permission.REFUND, approval_id=approval_id)
    return replay_refund(s, prior, client_id, digest), None


def spent_shortfall(points: int, balance: int) -> int:
    """Of ``points`` to take back, those the member no longer has (``balance``: the
    points balance when they are taken back), as the points ledger counts them."""
    return points - min(points, max(balance, 0))


def take_back(s: Session, member_id: int, points: int, source_entry_id: int, refs: Refs,
              deduct_allowed: bool) -> tuple[int, Money]:
    """Take back ``points`` a sale or recharge gave. Points the member has already
    spent are owed at the redemption rate: refused unless ``deduct_allowed``, when
    their value comes off the refund. Returns (points taken back, value owed)."""
    _entry, shortfall = take_back_points(s, member_id, PointsKind.EARN_REVERSAL, points,
                                         source_entry_id, refs)
    if not shortfall:
        return points, Money(0)
    owed = points_value(shortfall, s)
    if not deduct_allowed:
        raise ValidationError("points_already_spent", points=shortfall, value=owed.display())
    return points - shortfall, owed


def record_refund(s: Session, actor: Actor, approver_id: int | None, refund: Refund,
                  digest: str, result: RefundResult, action: str) -> None:
    audit.record(
        s, action=action, staff_id=actor.staff_id, approver_id=approver_id, entity="refund",
        entity_id=refund.refund_no,
        detail={
            "payload_hash": digest, "reason": refund.reason, "amount": refund.amount.fen,
            "result": {
                "points_returned": result.points_returned,
                "points_taken_back": result.points_taken_back,
                "coupons_restored": list(result.coupons_restored),
                "receipt": json.loads(to_json(result.receipt)),
            },
        },
    )


def new_refund(s: Session, actor: Actor, kind: RefundKind, client_id: str, reason: str,
               approver_id: int | None, member_id: int | None, sale_id: int | None = None,
               recharge_id: int | None = None) -> Refund:
    shift_id = open_shift_id(s, actor.staff_id)
    at = clock.now()
    today = clock.business_date(s, at)
    refund = Refund(
        refund_no=clock.next_number(s, Refund.refund_no, "R", today), client_id=client_id,
        kind=kind, sale_id=sale_id, recharge_id=recharge_id, member_id=member_id,
        staff_id=actor.staff_id, approver_id=approver_id, shift_id=shift_id, reason=reason,
        amount=Money(0), business_date=today, created_at=at,
    )
    s.add(refund)
    s.flush()
    return refund


def reason_notes(s: Session, refund: Refund) -> tuple[str, ...]:
    """The refund's reason for its receipt, and who approved it when a manager's
    one-time approval let a cashier refund ("审批：李店长"; "Approved by: …" in English,
    :mod:`memberdesk.services.receipts.text`): the approver recorded on the refund."""
    approver = s.get(Staff, refund.approver_id) if refund.approver_id is not None else None
    return (f"原因：{refund.reason}",
            *((f"审批：{approver.display_name}",) if approver is not None else ()))


def refunded_so_far(s: Session, sale_id: int) -> dict[TenderKind, tuple[int, int, int, int]]:
    """Per tender kind: amount, principal, bonus and points already refunded."""
    rows = s.execute(
        select(RefundTender.kind, func.sum(RefundTender.amount), func.sum(RefundTender.sv_principal),
               func.sum(RefundTender.sv_bonus), func.sum(RefundTender.points_returned))
        .join(Refund, Refund.id == RefundTender.refund_id)
        .where(Refund.sale_id == sale_id).group_by(RefundTender.kind)
    )
    out: dict[TenderKind, tuple[int, int, int, int]] = {}
    for kind, amount, p, b, pts in rows:
        out[kind] = (_fen(amount), _fen(p), _fen(b), int(pts or 0))
    return out


def _fen(value: object) -> int:
    return value.fen if isinstance(value, Money) else value if isinstance(value, int) else 0
