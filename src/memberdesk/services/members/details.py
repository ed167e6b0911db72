"""Members: read one member (its summary, its details with cards).

Phones are shown masked (138****5678) unless the acting staff member's role may
unmask them (``may_unmask`` re-reads the role from the database)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.models import Card, Member, Staff, Tier
from memberdesk.models.enums import CardStatus, Gender, MemberStatus
from memberdesk.money import Money
from memberdesk.services.members.fields import split_tags
from memberdesk.services.members.rows import (
    member_by_no,
)
from memberdesk.services.notifications import (
    unsubscribe as notify_unsubscribe,
)
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import AuthError, ConflictError
from memberdesk.services.shared.permissions import Permission, role_has
from memberdesk.services.shared.phones import mask_phone


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


def editable_member(session: Session, member_no: str) -> Member:
    member = member_by_no(session, member_no)
    if member.status is MemberStatus.ANONYMISED:
        raise ConflictError("member_anonymised", member_no=member.member_no)
    return member


def detail_of(session: Session, member: Member, unmasked: bool) -> MemberDetail:
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
    return replace(detail_of(s, member, unmasked),
                   sms_unsubscribed=notify_unsubscribe.unsubscribed_in(s, member.phone))
