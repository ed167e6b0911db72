"""Using a count card at the counter (核销): the member's cards and services, one or
n uses of a service, and a manager's reversal of a use. One transaction each,
permission-checked and audited."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.domain.count_cards import is_expired
from memberdesk.models import (
    CountCardBalance,
    CountCardEntry,
    Member,
    MemberCountCard,
    Product,
    ServicePackage,
)
from memberdesk.models.enums import CountCardStatus, CountUseKind
from memberdesk.services.count_cards.ledger import balances_of, post
from memberdesk.services.notifications import events as notify_events
from memberdesk.services.receipts.data import ReceiptData
from memberdesk.services.receipts.documents import receipt_head
from memberdesk.services.shared import audit, clock
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import ConflictError, NotFoundError, ValidationError
from memberdesk.services.shared.permissions import Permission, require
from memberdesk.services.shared.requests import clean_text

MAX_USES = 999


@dataclass(frozen=True)
class ServiceLeft:
    balance_id: int
    product_code: str
    product_name: str
    total: int
    remaining: int


@dataclass(frozen=True)
class CardView:
    card_id: int
    name: str  # the template's name
    status: CountCardStatus
    expires_on: date | None
    services: tuple[ServiceLeft, ...]

    @property
    def remaining(self) -> int:
        return sum(sv.remaining for sv in self.services)


@dataclass(frozen=True)
class UseRequest:
    card_id: int
    balance_id: int
    uses: int = 1


@dataclass(frozen=True)
class UseResult:
    entry_id: int
    card_name: str
    service: str
    uses: int
    remaining: int  # of this service on this card, after the use
    expires_on: date | None
    at_text: str  # the shop's local time of the use, for the receipt line
    receipt: ReceiptData | None = None  # the slip: what was used, what remains
    sv_balance: None = None  # a slip with no balances (the receipt dialog reads these)
    points_balance: None = None


def use_number(entry_id: int) -> str:
    """The slip's number: the use's entry in the count-card ledger."""
    return f"CC{entry_id:06d}"


def _slip(s: Session, kind: str, entry: CountCardEntry, card: MemberCountCard, view: CardView,
          service: ServiceLeft, uses: int, staff_id: int, at: datetime) -> ReceiptData:
    """A count-card use (or its reversal) slip, printed through the sales receipt path:
    the card, the service and uses taken (given back), then what is left of each
    service on the card and the card's last day (:mod:`.receipts` words them)."""
    fresh = {b.id: b.uses_remaining for b in balances_of(s, card.id)}
    verb = "核销" if kind == "count_card_use" else "撤销核销"
    notes = [f"计次卡 No.{card.id} {view.name}", f"{verb} {service.product_name} x {uses}"]
    notes += [f"剩余 {sv.product_name} {fresh.get(sv.balance_id, sv.remaining)} 次"
              for sv in view.services]
    notes.append(f"有效期至 {card.expires_on.isoformat()}" if card.expires_on else "长期有效")
    member = s.get(Member, card.member_id)
    return replace(receipt_head(s, kind, use_number(entry.id), at, staff_id, member),
                   notes=tuple(notes))


def _view(s: Session, card: MemberCountCard, today: date) -> CardView:
    pkg = s.get(ServicePackage, card.package_id)
    status = card.status
    if status is CountCardStatus.ACTIVE and is_expired(card.expires_on, today):
        status = CountCardStatus.EXPIRED  # the daily job has not written it off yet
    services = tuple(
        ServiceLeft(b.id, code, name, b.uses_total, b.uses_remaining)
        for b, code, name in s.execute(
            select(CountCardBalance, Product.code, Product.name)
            .join(Product, Product.id == CountCardBalance.product_id)
            .where(CountCardBalance.count_card_id == card.id).order_by(CountCardBalance.id)))
    return CardView(card.id, pkg.name if pkg else "", status, card.expires_on, services)


def cards_in(s: Session, member_id: int, today: date, *, all_cards: bool = False) -> list[CardView]:
    q = select(MemberCountCard).where(MemberCountCard.member_id == member_id)
    if not all_cards:
        q = q.where(MemberCountCard.status == CountCardStatus.ACTIVE)
    views = [_view(s, c, today) for c in s.scalars(q.order_by(MemberCountCard.id))]
    return views if all_cards else [v for v in views if v.status is CountCardStatus.ACTIVE]


def member_cards(db: Database, actor: Actor, member_id: int, *,
                 all_cards: bool = False) -> list[CardView]:
    """The member's usable cards (``all_cards``: every card, any status), oldest first."""
    with db.reader() as r:
        s = r.session
        require(s, actor, Permission.SELL)
        return cards_in(s, member_id, clock.today(s), all_cards=all_cards)


def _card(s: Session, card_id: int) -> MemberCountCard:
    card = s.get(MemberCountCard, card_id) if isinstance(card_id, int) else None
    if card is None:
        raise NotFoundError("count_card_not_found", key=card_id)
    return card


def use_card(db: Database, actor: Actor, request: UseRequest) -> UseResult:
    """Take ``uses`` of one service off a card: refused when the card is expired,
    used up or refunded, or has fewer uses left."""
    uses = request.uses
    if type(uses) is not int or not 1 <= uses <= MAX_USES:
        raise ValidationError("count_card_bad_uses", uses=uses, max=MAX_USES)
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.SELL)
        at = clock.now()
        today = clock.business_date(s, at)
        card = _card(s, request.card_id)
        view = _view(s, card, today)
        if view.status is CountCardStatus.EXPIRED:
            raise ValidationError("count_card_expired", card=view.name,
                                  date=card.expires_on.isoformat() if card.expires_on else "")
        if view.status is not CountCardStatus.ACTIVE:
            raise ValidationError("count_card_not_active", card=view.name)
        bal = next((b for b in balances_of(s, card.id) if b.id == request.balance_id), None)
        if bal is None:
            raise NotFoundError("count_card_not_found", key=request.balance_id)
        service = next(sv for sv in view.services if sv.balance_id == bal.id)
        if uses > bal.uses_remaining:
            raise ValidationError("count_card_not_enough", card=view.name,
                                  service=service.product_name, left=bal.uses_remaining,
                                  uses=uses)
        entry = post(s, bal, CountUseKind.USE, -uses, at=at, staff_id=actor.staff_id,
                     note=f"{view.name} {service.product_name}")
        if all(b.uses_remaining == 0 for b in balances_of(s, card.id)):
            card.status = CountCardStatus.EXHAUSTED
        notify_events.card_used(s, card.member_id, view.name if len(view.services) == 1
                                else f"{view.name} {service.product_name}", bal.id,
                                bal.uses_remaining)
        member = s.get(Member, card.member_id)
        audit.record(s, action="count_card.use", staff_id=actor.staff_id, entity="count_card",
                     entity_id=card.id, detail={
                         "member_no": member.member_no if member else "", "card": view.name,
                         "service": service.product_code, "uses": uses,
                         "remaining": bal.uses_remaining, "entry_id": entry.id})
        local = at + clock.local_offset(s)
        result = UseResult(entry.id, view.name, service.product_name, uses, bal.uses_remaining,
                           card.expires_on, local.strftime("%Y-%m-%d %H:%M"),
                           _slip(s, "count_card_use", entry, card, view, service, uses,
                                 actor.staff_id, at))
        uow.commit()
    return result


@dataclass(frozen=True)
class ReverseRequest:
    entry_id: int
    reason: str
    approval_id: int | None = None  # a manager's one-time approval for a cashier


def reverse_use(db: Database, actor: Actor, request: ReverseRequest) -> UseResult:
    """A manager gives back a use taken by mistake: a USE_RETURN entry naming the USE
    (a use is reversed once). Needs ADJUST_BALANCE (or a manager's approval) and a
    reason; a card expired or refunded since is refused."""
    reason = clean_text(request.reason, 200)
    if not reason:
        raise ValidationError("reason_required")
    with db.uow() as uow:
        s = uow.session
        approver = require(s, actor, Permission.ADJUST_BALANCE, approval_id=request.approval_id)
        at = clock.now()
        today = clock.business_date(s, at)
        use = s.get(CountCardEntry, request.entry_id) if isinstance(request.entry_id, int) else None
        if use is None or use.kind is not CountUseKind.USE:
            raise NotFoundError("count_card_use_not_found", key=request.entry_id)
        if s.scalar(select(CountCardEntry.id).where(CountCardEntry.reverses_id == use.id)):
            raise ConflictError("count_card_use_reversed", key=use.id)
        bal = s.get(CountCardBalance, use.balance_id)
        assert bal is not None
        card = _card(s, bal.count_card_id)
        view = _view(s, card, today)
        if view.status not in (CountCardStatus.ACTIVE, CountCardStatus.EXHAUSTED):
            raise ValidationError("count_card_not_active", card=view.name)
        entry = post(s, bal, CountUseKind.USE_RETURN, -use.delta, at=at, staff_id=actor.staff_id,
                     note=reason, reverses_id=use.id)
        card.status = CountCardStatus.ACTIVE
        service = next(sv for sv in view.services if sv.balance_id == bal.id)
        audit.record(s, action="count_card.reverse_use", staff_id=actor.staff_id,
                     approver_id=approver, entity="count_card", entity_id=card.id,
                     detail={"entry_id": use.id, "uses": -use.delta, "reason": reason,
                             "remaining": bal.uses_remaining})
        local = at + clock.local_offset(s)
        result = UseResult(entry.id, view.name, service.product_name, -use.delta,
                           bal.uses_remaining, card.expires_on, local.strftime("%Y-%m-%d %H:%M"),
                           _slip(s, "count_card_use_reversed", entry, card, view, service,
                                 -use.delta, actor.staff_id, at))
        uow.commit()
    return result


def cards_by_member_no(db: Database, actor: Actor, member_no: str, *,
                       all_cards: bool = False) -> tuple[int, list[CardView]]:
    """(member id, cards) for a member number (the command line's way in)."""
    from memberdesk.services.members.rows import member_by_no

    with db.reader() as r:
        s = r.session
        require(s, actor, Permission.SELL)
        member = member_by_no(s, str(member_no))
        return member.id, cards_in(s, member.id, clock.today(s), all_cards=all_cards)
