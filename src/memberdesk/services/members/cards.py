"""Member cards: bind, report lost (挂失), cancel a loss (解挂), replace (补卡), void.

A card is stored under one canonical UID (upper-case hex, see
:mod:`memberdesk.hardware.uid`). Readers print the same card as hex, as the
10-digit decimal of its 4-byte UID, or byte-reversed; every such form resolves to
the one stored card, and binding refuses a card that is already stored in any of
its forms, so two rows never denote one physical card.

A lost card is blocked at once (lookups report it); replacing it binds a new card
to the same member, whose history is untouched. A void card is free: binding it
again reuses its row (the audit log keeps who had it before).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.hardware.uid import uid_candidates
from memberdesk.models import Card, Member
from memberdesk.models.base import utcnow
from memberdesk.models.enums import CardStatus, MemberStatus
from memberdesk.services.members.rows import member_by_no
from memberdesk.services.shared import audit, clock
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import ConflictError, NotFoundError, ValidationError
from memberdesk.services.shared.permissions import Permission, require

CARD_STATUS_LABELS: dict[CardStatus, tuple[str, str]] = {
    CardStatus.ACTIVE: ("正常", "active"),
    CardStatus.LOST: ("已挂失", "reported lost"),
    CardStatus.REPLACED: ("已补卡", "replaced"),
    CardStatus.VOID: ("已作废", "void"),
}


@dataclass(frozen=True)
class CardInfo:
    uid: str
    status: CardStatus
    member_no: str
    bound_at: datetime
    status_changed_at: datetime | None
    replaced_by_uid: str | None


def card_candidates(text: str) -> list[str]:
    """The canonical UIDs ``text`` may denote, most likely first; refuses garbage."""
    found = uid_candidates(text)
    if not found:
        raise ValidationError("invalid_card", text=(text or "").strip()[:40])
    return found


def find_card_in(session: Session, text: str) -> Card | None:
    """The stored card ``text`` denotes in any of its forms (the most likely form
    wins if, improbably, two stored cards match), or None."""
    candidates = uid_candidates(text)
    if not candidates:
        return None
    by_uid = {c.uid: c for c in session.scalars(select(Card).where(Card.uid.in_(candidates)))}
    return next((by_uid[u] for u in candidates if u in by_uid), None)


def _member_no(session: Session, member_id: int) -> str:
    return session.scalar(select(Member.member_no).where(Member.id == member_id)) or ""


def _info(session: Session, card: Card) -> CardInfo:
    replaced_by = (
        session.scalar(select(Card.uid).where(Card.id == card.replaced_by_id))
        if card.replaced_by_id is not None
        else None
    )
    return CardInfo(
        card.uid,
        card.status,
        _member_no(session, card.member_id),
        card.bound_at,
        card.status_changed_at,
        replaced_by,
    )


def _bad_status(card: Card, action_zh: str, action_en: str) -> ConflictError:
    zh, en = CARD_STATUS_LABELS[card.status]
    return ConflictError(
        "card_bad_status",
        uid=card.uid,
        status_zh=zh,
        status_en=en,
        action_zh=action_zh,
        action_en=action_en,
    )


def _check_member_can_hold_cards(member: Member) -> None:
    if member.status is MemberStatus.ANONYMISED:
        raise ConflictError("member_anonymised", member_no=member.member_no)
    if member.status is not MemberStatus.ACTIVE:
        raise ConflictError("member_inactive", member_no=member.member_no)


def bind_card_in(session: Session, member: Member, text: str) -> Card:
    """Bind the card ``text`` denotes to ``member`` in the caller's transaction."""
    candidates = card_candidates(text)
    _check_member_can_hold_cards(member)
    now = clock.now()
    card = find_card_in(session, text)
    if card is not None:
        if card.member_id == member.id and card.status is CardStatus.ACTIVE:
            return card
        if card.status is not CardStatus.VOID:
            raise ConflictError(
                "card_taken", uid=card.uid, member_no=_member_no(session, card.member_id)
            )
        card.member_id, card.status, card.replaced_by_id = member.id, CardStatus.ACTIVE, None
        card.bound_at, card.status_changed_at = now, now
    else:
        card = Card(uid=candidates[0], member_id=member.id, bound_at=now)
        session.add(card)
    session.flush()
    return card


def _load_card(session: Session, text: str) -> Card:
    card_candidates(text)
    card = find_card_in(session, text)
    if card is None:
        raise NotFoundError("card_unknown", uid=text.strip()[:40])
    return card


def _audit(session: Session, actor: Actor, action: str, card: Card, **detail: object) -> None:
    audit.record(
        session,
        action=action,
        staff_id=actor.staff_id,
        entity="card",
        entity_id=card.uid,
        detail={"member_no": _member_no(session, card.member_id), **detail},
    )


def bind_card(db: Database, actor: Actor, member_no: str, uid_text: str) -> CardInfo:
    """Bind a card (swiped or typed in any form) to a member."""
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_CARDS)
        member = member_by_no(s, member_no)
        card = bind_card_in(s, member, uid_text)
        _audit(s, actor, "card.bind", card)
        info = _info(s, card)
        uow.commit()
    return info


@dataclass(frozen=True)
class _Move:
    """One status change of a card: from which status, to which, and its names."""

    source: CardStatus
    target: CardStatus
    action: str
    label_zh: str
    label_en: str


_LOSE = _Move(CardStatus.ACTIVE, CardStatus.LOST, "card.lost", "挂失", "report it lost")
_FIND = _Move(CardStatus.LOST, CardStatus.ACTIVE, "card.found", "解挂", "cancel the loss report")


def _move(db: Database, actor: Actor, uid_text: str, move: _Move) -> CardInfo:
    """Apply ``move``; doing it twice is harmless (the card is already there)."""
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_CARDS)
        card = _load_card(s, uid_text)
        if card.status is not move.target:
            if card.status is not move.source:
                raise _bad_status(card, move.label_zh, move.label_en)
            if move.target is CardStatus.ACTIVE:
                member = s.get(Member, card.member_id)
                assert member is not None  # foreign key
                _check_member_can_hold_cards(member)
            card.status, card.status_changed_at = move.target, utcnow()
            s.flush()
            _audit(s, actor, move.action, card)
        info = _info(s, card)
        uow.commit()
    return info


def report_card_lost(db: Database, actor: Actor, uid_text: str) -> CardInfo:
    """挂失: the card is blocked at once; a lookup by it reports it lost."""
    return _move(db, actor, uid_text, _LOSE)


def cancel_card_lost(db: Database, actor: Actor, uid_text: str) -> CardInfo:
    """解挂: the customer found the card again; it works again."""
    return _move(db, actor, uid_text, _FIND)


def replace_card(db: Database, actor: Actor, old_uid_text: str, new_uid_text: str) -> CardInfo:
    """补卡: bind a new card to the old card's member; the old card stays blocked
    (status replaced) and points to the new one. Returns the new card."""
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_CARDS)
        old = _load_card(s, old_uid_text)
        if old.status not in (CardStatus.ACTIVE, CardStatus.LOST):
            raise _bad_status(old, "补卡", "replace it")
        member = s.get(Member, old.member_id)
        assert member is not None  # foreign key
        new = bind_card_in(s, member, new_uid_text)
        if new.id == old.id:
            raise ConflictError("card_taken", uid=new.uid, member_no=member.member_no)
        old.status, old.status_changed_at, old.replaced_by_id = (
            CardStatus.REPLACED,
            utcnow(),
            new.id,
        )
        s.flush()
        _audit(s, actor, "card.replace", new, old_uid=old.uid)
        info = _info(s, new)
        uow.commit()
    return info


def void_card(db: Database, actor: Actor, uid_text: str) -> CardInfo:
    """Unbind a card (作废/解绑): it no longer identifies anyone and may be bound
    again later, to anyone."""
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_CARDS)
        card = _load_card(s, uid_text)
        if card.status is not CardStatus.VOID:
            before = card.status
            card.status, card.status_changed_at = CardStatus.VOID, utcnow()
            s.flush()
            _audit(s, actor, "card.void", card, was=before.value)
        info = _info(s, card)
        uow.commit()
    return info
