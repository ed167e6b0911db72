"""Refunding the unused part of a count card (退计次卡余次), by the shop's rule
``count_cards.refund_rule``: ``pro_rata`` returns what the card was sold for times the
unused uses over all its uses (rounded down), through the tenders the sale was paid
with (stored value back to principal and bonus as it was spent); ``none`` refuses.
One transaction: the refund, its tenders, the stored-value entries and a REFUND entry
per service taking the unused uses off. Needs the REFUND permission (or a manager's
one-time approval) and a reason; replayable by its client id like any refund."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import select

from memberdesk.db import Database
from memberdesk.domain.count_cards import is_expired, unused_value
from memberdesk.models import Member, MemberCountCard, RefundTender, ServicePackage, Tender
from memberdesk.models.enums import CountCardStatus, RefundKind, StoredValueKind, TenderKind
from memberdesk.money import Money, allocate
from memberdesk.services.count_cards.ledger import REFUND_RULE, balances_of, revoke
from memberdesk.services.pricing.tenders import label
from memberdesk.services.receipts.data import ReceiptAmount, ReceiptLine
from memberdesk.services.receipts.documents import receipt_head
from memberdesk.services.refund_core.steps import (
    RefundResult,
    authorise,
    check_reason,
    new_refund,
    reason_notes,
    record_refund,
    refunded_so_far,
)
from memberdesk.services.shared import clock, settings
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import NotFoundError, ValidationError
from memberdesk.services.shared.ledger import Refs, post_stored_value
from memberdesk.services.shared.policy import Policy
from memberdesk.services.shared.requests import check_client_id, payload_hash

MONEY_KINDS = (TenderKind.CASH, TenderKind.WECHAT, TenderKind.ALIPAY, TenderKind.BANK_CARD,
               TenderKind.OTHER, TenderKind.STORED_VALUE)


@dataclass(frozen=True)
class UnusedRefundRequest:
    client_id: str
    card_id: int
    reason: str
    approval_id: int | None = None


def refund_unused(db: Database, actor: Actor, request: UnusedRefundRequest) -> RefundResult:
    client_id = check_client_id(request.client_id)
    reason = check_reason(request.reason)
    digest = payload_hash(("count_card_refund", request.card_id, reason))
    with db.uow() as uow:
        s = uow.session
        replay, approver_id = authorise(s, actor, client_id, digest, request.approval_id)
        if replay is not None:
            return replay
        if settings.get_str(s, REFUND_RULE) != "pro_rata":
            raise ValidationError("count_card_no_refund")
        card = s.get(MemberCountCard, request.card_id) if isinstance(request.card_id, int) else None
        if card is None or card.sale_id is None:
            raise NotFoundError("count_card_not_found", key=request.card_id)
        pkg = s.get(ServicePackage, card.package_id)
        name = pkg.name if pkg else ""
        bals = balances_of(s, card.id)
        left, total = sum(b.uses_remaining for b in bals), sum(b.uses_total for b in bals)
        at = clock.now()
        if is_expired(card.expires_on, clock.business_date(s, at)):
            raise ValidationError("count_card_expired", card=name,
                                  date=card.expires_on.isoformat() if card.expires_on else "")
        if card.status is not CountCardStatus.ACTIVE or left == 0:
            raise ValidationError("count_card_nothing_left", card=name)
        refund = new_refund(s, actor, RefundKind.SALE, client_id, reason, approver_id,
                            card.member_id, sale_id=card.sale_id)
        refs = Refs(staff_id=actor.staff_id, sale_id=card.sale_id, refund_id=refund.id,
                    note=f"{refund.refund_no} {name}")
        tenders = [t for t in s.scalars(select(Tender).where(Tender.sale_id == card.sale_id)
                                        .order_by(Tender.id)) if t.kind in MONEY_KINDS]
        before = refunded_so_far(s, card.sale_id)
        room = [max(t.amount.fen - before.get(t.kind, (0, 0, 0, 0))[0], 0) for t in tenders]
        value = min(unused_value(card.price_paid.fen, left, total), sum(room))
        shown: list[ReceiptAmount] = []
        member = s.get(Member, card.member_id)
        for t, part in zip(tenders, allocate(Money(value), room) if value else [], strict=False):
            if not part:
                continue
            principal = bonus = Money(0)
            if t.kind is TenderKind.STORED_VALUE:
                done = before.get(t.kind, (0, 0, 0, 0))
                principal, bonus = allocate(part, [t.sv_principal.fen - done[1],
                                                   t.sv_bonus.fen - done[2]])
                post_stored_value(s, card.member_id, StoredValueKind.SALE_REFUND, principal,
                                  bonus, refs)
            s.add(RefundTender(refund_id=refund.id, kind=t.kind, amount=part,
                               sv_principal=principal, sv_bonus=bonus, reference=t.reference))
            shown.append(ReceiptAmount(label(t.kind), part))
        refund.amount = Money(value)
        revoke(s, card, at=at, staff_id=actor.staff_id, refund_id=refund.id, note=refs.note)
        if member is not None:
            member.total_spent = Money(max(member.total_spent.fen - value, 0))
        s.flush()
        receipt = replace(
            receipt_head(s, "refund", refund.refund_no, refund.created_at, actor.staff_id, member,
                         Policy.load(s)),
            lines=(ReceiptLine(f"{name} 未用 {left}/{total} 次"[:60], 1, Money(value),
                               Money(value), Money(0), Money(value)),),
            gross=Money(value), total=refund.amount, tenders=tuple(shown),
            sv_balance=member.sv_principal + member.sv_bonus if member else None,
            points_balance=member.points_balance if member else None,
            notes=(f"计次卡 No. {card.id}", *reason_notes(s, refund)),
        )
        result = RefundResult(refund.id, refund.refund_no, RefundKind.SALE, refund.amount,
                              tuple(shown), 0, 0, (), receipt.sv_balance, receipt.points_balance,
                              receipt)
        record_refund(s, actor, approver_id, refund, digest, result, "count_card.refund_unused")
        uow.commit()
    return result
