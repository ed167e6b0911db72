"""Count cards (计次卡): the use ledger and the member's cards it caches.

Each card has one balance per service (``count_card_balances``, a cache) and an
append-only entry per movement (``count_card_entries``): PURCHASE when the card is
sold (in the checkout's transaction), USE and USE_RETURN at the counter, REFUND when
the sale or the unused part is refunded, EXPIRE by the daily job. ``db check`` proves
every balance is the sum of its entries (:data:`COUNT_CARD_CHECKS`).

A template (``service_packages``) sells as a product (``product_id``): the cart, the
tier's member price, every tender and the receipt are the normal checkout's.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from memberdesk.domain.count_cards import card_expires_on
from memberdesk.models import (
    CountCardBalance,
    CountCardEntry,
    MemberCountCard,
    Refund,
    SaleLine,
    ServicePackage,
    ServicePackageItem,
)
from memberdesk.models.enums import CountCardStatus, CountUseKind
from memberdesk.money import Money, allocate
from memberdesk.services.shared.driver import run
from memberdesk.services.shared.errors import ValidationError
from memberdesk.services.shared.tables import connection

REFUND_RULE = "count_cards.refund_rule"


def post(s: Session, balance: CountCardBalance, kind: CountUseKind, delta: int, *, at: datetime,
         staff_id: int | None, sale_id: int | None = None, refund_id: int | None = None,
         note: str = "", reverses_id: int | None = None) -> CountCardEntry:
    """One entry and its cache, in the caller's transaction (which holds the write lock)."""
    after = balance.uses_remaining + delta
    if after < 0:
        raise RuntimeError("count card balance below zero")  # callers check first
    balance.uses_remaining = after
    entry = CountCardEntry(balance_id=balance.id, kind=kind, delta=delta, remaining_after=after,
                           sale_id=sale_id, refund_id=refund_id, staff_id=staff_id,
                           note=note[:200], created_at=at, reverses_id=reverses_id)
    s.add(entry)
    s.flush()
    return entry


def balances_of(s: Session, card_id: int) -> list[CountCardBalance]:
    return list(s.scalars(select(CountCardBalance).where(CountCardBalance.count_card_id == card_id)
                          .order_by(CountCardBalance.id)))


_SOLD_PACKAGES = (
    select(SaleLine.id.label("line_id"), SaleLine.qty, SaleLine.net_amount, ServicePackage.id,
           ServicePackage.name, ServicePackage.valid_until, ServicePackage.validity_days)
    .join(ServicePackage, ServicePackage.product_id == SaleLine.product_id)
    .where(SaleLine.sale_id == bindparam("sale_id"))
    .order_by(SaleLine.line_no)
)


def issue_for_sale(s: Session, sale_id: int, member_id: int | None, *, today: date, at: datetime,
                   staff_id: int, note: str) -> tuple[str, ...]:
    """The cards a sale's count-card lines sold (one card per unit), each with its
    PURCHASE entries: the checkout's transaction. A card needs a member. Returns a
    receipt note per card issued (its number, uses and last day)."""
    # Every checkout asks; a prepared Core read (the ORM's would cost a sale ~1 ms).
    rows = run(connection(s), _SOLD_PACKAGES, {"sale_id": sale_id}).all()
    if not rows:
        return ()
    if member_id is None:
        raise ValidationError("count_card_needs_member", card=rows[0].name)
    notes: list[str] = []
    for pkg in rows:  # a sold line and its template's columns
        line_id, qty, net = pkg.line_id, pkg.qty, pkg.net_amount
        if pkg.valid_until is not None and pkg.valid_until < today:
            raise ValidationError("count_card_template_ended", card=pkg.name,
                                  date=pkg.valid_until.isoformat())
        items = list(s.scalars(select(ServicePackageItem).where(
            ServicePackageItem.package_id == pkg.id).order_by(ServicePackageItem.id)))
        expires = card_expires_on(today, pkg.validity_days, pkg.valid_until)
        for paid in allocate(Money(net.fen), [1] * qty):
            card = MemberCountCard(member_id=member_id, package_id=pkg.id, sale_id=sale_id,
                                   sale_line_id=line_id, expires_on=expires, created_at=at,
                                   price_paid=paid, status=CountCardStatus.ACTIVE)
            s.add(card)
            s.flush()
            for item in items:
                bal = CountCardBalance(count_card_id=card.id, product_id=item.product_id,
                                       uses_total=item.uses, uses_remaining=0)
                s.add(bal)
                s.flush()
                post(s, bal, CountUseKind.PURCHASE, item.uses, at=at, staff_id=staff_id,
                     sale_id=sale_id, note=note)
            until = f"有效期至 {expires.isoformat()}" if expires else "长期有效"
            notes.append(f"计次卡 {pkg.name} No.{card.id}：共 {sum(i.uses for i in items)} 次，"
                         f"{until}")
    return tuple(notes)


def revoke(s: Session, card: MemberCountCard, *, at: datetime, staff_id: int | None,
           refund_id: int | None, note: str) -> int:
    """REFUND entries taking every remaining use off ``card``; the card is REFUNDED.
    Returns the uses taken."""
    taken = 0
    for bal in balances_of(s, card.id):
        if bal.uses_remaining:
            taken += bal.uses_remaining
            post(s, bal, CountUseKind.REFUND, -bal.uses_remaining, at=at, staff_id=staff_id,
                 sale_id=card.sale_id, refund_id=refund_id, note=note)
    card.status = CountCardStatus.REFUNDED
    return taken


def _pristine(card: MemberCountCard, bals: list[CountCardBalance]) -> bool:
    return card.status is CountCardStatus.ACTIVE and all(
        b.uses_remaining == b.uses_total for b in bals)


def revoke_for_refund(s: Session, refund: Refund, lines: list[tuple[int, int]],
                      note: str) -> None:
    """A sale refund of ``(sale line id, qty)``: the cards those lines sold go back,
    in the refund's transaction. A card used, expired or already refunded cannot go
    back whole (its unused part can: :func:`.count_card_refund.refund_unused`)."""
    line_ids = [line_id for line_id, _ in lines]
    if not line_ids:
        return
    cards = list(s.scalars(select(MemberCountCard).where(
        MemberCountCard.sale_line_id.in_(line_ids)).order_by(MemberCountCard.id.desc())))
    if not cards:
        return
    for line_id, qty in lines:
        of_line = [(c, balances_of(s, c.id)) for c in cards if c.sale_line_id == line_id
                   and c.status is not CountCardStatus.REFUNDED]
        of_line.sort(key=lambda cb: not _pristine(*cb))  # unused cards go back first
        for card, bals in of_line[:qty]:
            if not _pristine(card, bals):
                pkg = s.get(ServicePackage, card.package_id)
                raise ValidationError("count_card_used", card=pkg.name if pkg else "",
                                      card_no=card.id)
            revoke(s, card, at=refund.created_at, staff_id=refund.staff_id, refund_id=refund.id,
                   note=note)
