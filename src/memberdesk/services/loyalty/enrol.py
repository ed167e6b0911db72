"""Registering a member (入会), in one transaction: the member, the card just swiped,
the member who referred them and the new-member coupon (:mod:`.referrals`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from memberdesk.db import Database
from memberdesk.models.enums import Gender
from memberdesk.services.loyalty.referrals import on_registration, referrer_for
from memberdesk.services.members.cards import bind_card_in
from memberdesk.services.members.details import (
    MemberSummary,
    summary,
)
from memberdesk.services.members.profiles import add_member_in
from memberdesk.services.shared import audit, clock
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.permissions import Permission, require
from memberdesk.services.shared.phones import mask_phone


def register_member(
    db: Database,
    actor: Actor,
    *,
    phone: str,
    name: str,
    gender: Gender = Gender.UNKNOWN,
    birthday: date | None = None,
    marketing_consent: bool = False,
    notes: str = "",
    email: str | None = None,
    address: str | None = None,
    tags: str | Sequence[str] = (),
    card_uid: str | None = None,
    referrer_no: str | None = None,
) -> MemberSummary:
    """Register a member (and bind the card just swiped, if ``card_uid``); the member
    who referred them (``referrer_no``) and the new-member coupon: see
    :mod:`.referrals`."""
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.REGISTER_MEMBER)
        referrer = referrer_for(s, referrer_no)
        member = add_member_in(
            s,
            phone=phone,
            name=name,
            gender=gender,
            birthday=birthday,
            marketing_consent=marketing_consent,
            notes=notes,
            email=email,
            address=address,
            tags=tags,
        )
        detail: dict[str, Any] = {"phone": mask_phone(member.phone)}
        if card_uid is not None and card_uid.strip():
            detail["card"] = bind_card_in(s, member, card_uid).uid
        detail.update(on_registration(s, member, referrer, actor.staff_id, clock.now()))
        audit.record(
            s,
            action="member.register",
            staff_id=actor.staff_id,
            entity="member",
            entity_id=member.member_no,
            detail=detail,
        )
        result = summary(s, member)
        uow.commit()
    return result
