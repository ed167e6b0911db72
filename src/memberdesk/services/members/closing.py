"""Members: deactivate (停用), reactivate and anonymise (个人信息注销).

Anonymising removes every piece of personal data but keeps the member number and
the ledgers."""

from __future__ import annotations

from typing import Final

from sqlalchemy import select

from memberdesk.db import Database
from memberdesk.models import Card
from memberdesk.models.base import utcnow
from memberdesk.models.enums import CardStatus, Gender, MemberStatus
from memberdesk.services.members import search_keys as member_search
from memberdesk.services.members.details import MemberSummary, editable_member, summary
from memberdesk.services.notifications import (
    outbox as notify_outbox,
)
from memberdesk.services.shared import audit
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import ConflictError, ValidationError
from memberdesk.services.shared.permissions import Permission, require
from memberdesk.services.shared.requests import clean_text

ANONYMISED_NAME: Final = "已注销"


def set_member_active(
    db: Database, actor: Actor, member_no: str, *, active: bool, reason: str = ""
) -> MemberSummary:
    """Deactivate (停用) or reactivate a member. A deactivated member is still found
    by lookups, shown as deactivated; ledgers and cards stay."""
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.EDIT_MEMBER)
        member = editable_member(s, member_no)
        target = MemberStatus.ACTIVE if active else MemberStatus.INACTIVE
        if member.status is not target:
            member.status = target
            s.flush()
            audit.record(
                s,
                action="member.activate" if active else "member.deactivate",
                staff_id=actor.staff_id,
                entity="member",
                entity_id=member.member_no,
                detail={"reason": clean_text(reason, 200)},
            )
        result = summary(s, member)
        uow.commit()
    return result


def anonymise_member(
    db: Database, actor: Actor, member_no: str, *, reason: str, approval_id: int | None = None
) -> MemberSummary:
    """Remove a member's personal data on request (个人信息注销).

    Name, phone, birthday, email, address, tags, notes, consent and the payment
    password go; cards are voided; the member number, tier, points and every ledger
    entry stay. Refused while stored value remains (refund it first: the customer
    could not claim it afterwards)."""
    reason = clean_text(reason, 200)
    if not reason:
        raise ValidationError("reason_required")
    with db.uow() as uow:
        s = uow.session
        approver = require(s, actor, Permission.ANONYMISE_MEMBER, approval_id=approval_id)
        member = editable_member(s, member_no)
        balance = member.sv_principal + member.sv_bonus
        if balance:
            raise ConflictError(
                "anonymise_has_balance", member_no=member.member_no, amount=balance.display()
            )
        now = utcnow()
        voided = 0
        for card in s.scalars(select(Card).where(Card.member_id == member.id)):
            if card.status is not CardStatus.VOID:
                card.status, card.status_changed_at = CardStatus.VOID, now
                voided += 1
        member_search.delete_keys(s, member.id)
        notify_outbox.forget_member(s, member.id)  # waiting messages dropped, texts blanked
        member.name, member.name_pinyin, member.name_initials = ANONYMISED_NAME, "", ""
        member.phone = member.phone_last4 = None
        member.gender = Gender.UNKNOWN
        member.birthday = member.email = member.address = None
        member.tags = member.notes = ""
        member.marketing_consent = False
        member.payment_password_hash = None
        member.status = MemberStatus.ANONYMISED
        s.flush()
        audit.record(
            s,
            action="member.anonymise",
            staff_id=actor.staff_id,
            approver_id=approver,
            entity="member",
            entity_id=member.member_no,
            detail={"reason": reason[:200], "cards_voided": voided},
        )
        result = summary(s, member)
        uow.commit()
    return result
