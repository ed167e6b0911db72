"""Members: register, read, edit, deactivate and anonymise; masked phones.

Phones are shown masked (138****5678) unless the acting staff member's role may
unmask them; audit rows only ever hold masked phones. Anonymising removes every
piece of personal data but keeps the member number and the ledgers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any, Final

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.models import Card, Member, Staff, Tier
from memberdesk.models.base import utcnow
from memberdesk.models.enums import CardStatus, Gender, MemberStatus
from memberdesk.money import Money
from memberdesk.services.members import search_keys as member_search
from memberdesk.services.members.fields import (
    ADDRESS_MAX,
    PHONE_RE,
    check_birthday,
    clean_email,
    clean_name,
    clean_notes,
    clean_optional,
    clean_tags,
    join_tags,
    mask_phone,
    normalise_phone,
    split_tags,
    validate_member,
)
from memberdesk.services.members.rows import (
    ensure_member_no_free,
    ensure_phone_free,
    insert_member_in,
    insert_members_in,
    member_by_no,
)
from memberdesk.services.notifications import (
    outbox as notify_outbox,
    unsubscribe as notify_unsubscribe,
)
from memberdesk.services.shared import audit, clock
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import AuthError, ConflictError, ValidationError
from memberdesk.services.shared.permissions import Permission, require, role_has
from memberdesk.services.shared.requests import clean_text

__all__ = [
    "PHONE_RE",
    "UNSET",
    "CardSummary",
    "MemberDetail",
    "MemberSummary",
    "add_member_in",
    "anonymise_member",
    "clean_name",
    "edit_member",
    "get_member",
    "insert_member_in",
    "insert_members_in",
    "mask_phone",
    "may_unmask",
    "member_by_no",
    "name_search_keys",
    "normalise_phone",
    "phone_for",
    "register_member",
    "set_member_active",
]

ANONYMISED_NAME: Final = "已注销"


class _Unset:
    def __repr__(self) -> str:
        return "UNSET"


UNSET: Final = _Unset()
"""Default of :func:`edit_member` arguments: leave the field as it is."""


@dataclass(frozen=True)
class MemberSummary:
    id: int
    member_no: str
    name: str
    phone_masked: str
    tier_name: str
    sv_principal: Money
    sv_bonus: Money
    points: int
    status: MemberStatus

    @property
    def stored_value(self) -> Money:
        return self.sv_principal + self.sv_bonus


@dataclass(frozen=True)
class CardSummary:
    uid: str
    status: CardStatus
    bound_at: datetime
    status_changed_at: datetime | None


@dataclass(frozen=True)
class MemberDetail:
    """Everything about one member, for the member screen. ``phone`` is masked unless
    the actor's role may unmask (``phone_is_masked`` says which)."""

    id: int
    member_no: str
    name: str
    phone: str
    phone_is_masked: bool
    gender: Gender
    birthday: date | None
    email: str | None
    address: str | None
    tags: tuple[str, ...]
    notes: str
    marketing_consent: bool
    status: MemberStatus
    tier_id: int
    tier_name: str
    sv_principal: Money
    sv_bonus: Money
    points: int
    total_spent: Money
    visit_count: int
    last_visit_at: datetime | None
    created_at: datetime
    cards: tuple[CardSummary, ...]
    sms_unsubscribed: bool = False  # the phone gets no promotional messages (退订)

    @property
    def stored_value(self) -> Money:
        return self.sv_principal + self.sv_bonus


def name_search_keys(name: str) -> tuple[str, str]:
    """Full pinyin (no tones, no spaces) and initials of a name, lower case ASCII;
    polyphonic surnames read as surnames (单 -> shan)."""
    keys = member_search.name_keys(name)
    return keys.pinyin, keys.initials


_STAFF_ROLE = select(Staff.role, Staff.active).where(Staff.id == bindparam("staff_id"))


def may_unmask(session: Session, actor: Actor) -> bool:
    """Whether ``actor`` may see full phone numbers: the role is re-read from the
    database (a disabled account is refused). A prepared Core query: every lookup
    at the counter runs it."""
    row = session.connection().execute(_STAFF_ROLE, {"staff_id": actor.staff_id}).first()
    if row is None or not row[1]:
        raise AuthError("account_inactive")
    return role_has(row[0], Permission.UNMASK_PHONE)


def phone_for(phone: str | None, unmasked: bool) -> str:
    return (phone or "") if unmasked else mask_phone(phone)


# -- writing members ----------------------------------------------------------------


def add_member_in(
    session: Session,
    *,
    phone: str,
    name: str,
    gender: Gender = Gender.UNKNOWN,
    birthday: date | None = None,
    tier_id: int | None = None,
    marketing_consent: bool = False,
    notes: str = "",
    tags: str | Sequence[str] = (),
    email: str | None = None,
    address: str | None = None,
    member_no: str | None = None,
) -> Member:
    """Validate and insert one member in the caller's transaction (no permission
    check, no audit: the calling use case does those)."""
    data = validate_member(
        phone=phone,
        name=name,
        gender=gender,
        birthday=birthday,
        email=email,
        address=address,
        tags=tags,
        notes=notes,
        marketing_consent=marketing_consent,
        member_no=member_no,
        tier_id=tier_id,
    )
    ensure_phone_free(session, data.phone)
    if data.member_no:
        ensure_member_no_free(session, data.member_no)
    return insert_member_in(session, data)


# -- reading --------------------------------------------------------------------------


def summary(session: Session, member: Member) -> MemberSummary:
    tier = session.get(Tier, member.tier_id)
    return MemberSummary(
        member.id,
        member.member_no,
        member.name,
        mask_phone(member.phone),
        tier.name if tier else "",
        member.sv_principal,
        member.sv_bonus,
        member.points_balance,
        member.status,
    )


def _editable(session: Session, member_no: str) -> Member:
    member = member_by_no(session, member_no)
    if member.status is MemberStatus.ANONYMISED:
        raise ConflictError("member_anonymised", member_no=member.member_no)
    return member


def _detail(session: Session, member: Member, unmasked: bool) -> MemberDetail:
    tier = session.get(Tier, member.tier_id)
    cards = session.scalars(
        select(Card).where(Card.member_id == member.id).order_by(Card.bound_at, Card.id)
    )
    return MemberDetail(
        id=member.id,
        member_no=member.member_no,
        name=member.name,
        phone=phone_for(member.phone, unmasked),
        phone_is_masked=not unmasked,
        gender=member.gender,
        birthday=member.birthday,
        email=member.email,
        address=member.address,
        tags=split_tags(member.tags),
        notes=member.notes,
        marketing_consent=member.marketing_consent,
        status=member.status,
        tier_id=member.tier_id,
        tier_name=tier.name if tier else "",
        sv_principal=member.sv_principal,
        sv_bonus=member.sv_bonus,
        points=member.points_balance,
        total_spent=member.total_spent,
        visit_count=member.visit_count,
        last_visit_at=member.last_visit_at,
        created_at=member.created_at,
        cards=tuple(CardSummary(c.uid, c.status, c.bound_at, c.status_changed_at) for c in cards),
    )


def get_member(db: Database, actor: Actor, member_no: str) -> MemberDetail:
    """One member's details (any active staff member; phone masked per role)."""
    with db.reader() as uow:
        return member_detail_in(uow.session, actor, member_no)


def member_detail_in(s: Session, actor: Actor, member_no: str) -> MemberDetail:
    """:func:`get_member` inside the caller's transaction."""
    unmasked = may_unmask(s, actor)
    member = member_by_no(s, member_no)
    return replace(_detail(s, member, unmasked),
                   sms_unsubscribed=notify_unsubscribe.unsubscribed_in(s, member.phone))


# -- use cases --------------------------------------------------------------------------


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
    from memberdesk.services.loyalty.referrals import on_registration, referrer_for
    from memberdesk.services.members.cards import bind_card_in

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


def edit_member(
    db: Database,
    actor: Actor,
    member_no: str,
    *,
    name: str | _Unset = UNSET,
    phone: str | _Unset = UNSET,
    gender: Gender | _Unset = UNSET,
    birthday: date | _Unset | None = UNSET,
    email: str | _Unset | None = UNSET,
    address: str | _Unset | None = UNSET,
    tags: str | Sequence[str] | _Unset = UNSET,
    notes: str | _Unset = UNSET,
    marketing_consent: bool | _Unset = UNSET,
    sms_unsubscribed: bool | _Unset = UNSET,
) -> MemberDetail:
    """Change a member's personal data; arguments left at UNSET stay as they are
    (``sms_unsubscribed``: the member's phone gets no more promotional messages).
    The audit row names the changed fields (and masked phones), not their values."""
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.EDIT_MEMBER)
        member = _editable(s, member_no)
        changed: dict[str, Any] = {}
        if not isinstance(name, _Unset):
            new_name = clean_name(name)
            if new_name != member.name:
                keys = member_search.name_keys(new_name)
                member.name, member.name_pinyin, member.name_initials = (
                    new_name,
                    keys.pinyin,
                    keys.initials,
                )
                member_search.replace_keys(s, member.id, keys)
                changed["name"] = True
        if not isinstance(phone, _Unset):
            new_phone = normalise_phone(phone)
            if new_phone != member.phone:
                ensure_phone_free(s, new_phone, member.id)
                changed["phone"] = [mask_phone(member.phone), mask_phone(new_phone)]
                member.phone, member.phone_last4 = new_phone, new_phone[-4:]
        values: dict[str, Any] = {}
        if not isinstance(gender, _Unset):
            values["gender"] = Gender(gender)
        if not isinstance(birthday, _Unset):
            values["birthday"] = check_birthday(birthday)
        if not isinstance(email, _Unset):
            values["email"] = clean_email(email)
        if not isinstance(address, _Unset):
            values["address"] = clean_optional(address, "address", ADDRESS_MAX)
        if not isinstance(tags, _Unset):
            values["tags"] = join_tags(clean_tags(tags))
        if not isinstance(notes, _Unset):
            values["notes"] = clean_notes(notes)
        if not isinstance(marketing_consent, _Unset):
            values["marketing_consent"] = bool(marketing_consent)
        for field, value in values.items():
            if getattr(member, field) != value:
                setattr(member, field, value)
                changed[field] = True
        if not isinstance(sms_unsubscribed, _Unset) and notify_unsubscribe.mark_in(
                s, member.phone, bool(sms_unsubscribed), "staff"):
            changed["sms_unsubscribed"] = bool(sms_unsubscribed)
        if changed:
            s.flush()
            audit.record(
                s,
                action="member.edit",
                staff_id=actor.staff_id,
                entity="member",
                entity_id=member.member_no,
                detail={"changed": changed},
            )
        result = replace(_detail(s, member, may_unmask(s, actor)),
                         sms_unsubscribed=notify_unsubscribe.unsubscribed_in(s, member.phone))
        uow.commit()
    return result


def set_member_active(
    db: Database, actor: Actor, member_no: str, *, active: bool, reason: str = ""
) -> MemberSummary:
    """Deactivate (停用) or reactivate a member. A deactivated member is still found
    by lookups, shown as deactivated; ledgers and cards stay."""
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.EDIT_MEMBER)
        member = _editable(s, member_no)
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
        member = _editable(s, member_no)
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
