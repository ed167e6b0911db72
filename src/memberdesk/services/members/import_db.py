"""A batch of validated import rows against the shop's database: which are
already registered (skipped), which clash with a card or member number in the shop
(failed), and writing the rest (members, cards, opening ledger entries) in the
caller's transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from memberdesk.models import Card, Member
from memberdesk.models.base import utcnow
from memberdesk.models.enums import CardStatus, PointsKind, StoredValueKind
from memberdesk.services.members.fields import field_error
from memberdesk.services.members.import_rows import ImportRow
from memberdesk.services.members.rows import insert_members_in
from memberdesk.services.shared import ledger
from memberdesk.services.shared.errors import UserError


@dataclass
class Batch:
    create: list[ImportRow]
    void_cards: dict[str, int]  # uid -> id of a void card row that may be bound again


def check_against_db(session: Session, rows: list[ImportRow]) -> Batch:
    """Rows whose phone is registered are skipped; a card or member number that is
    already taken fails the row. Returns the rows to create."""
    good = [r for r in rows if r.member is not None]
    phones = [r.member.phone for r in good if r.member is not None]
    registered: dict[str, str] = {}
    if phones:
        q = select(Member.phone, Member.member_no).where(Member.phone.in_(phones))
        registered = {p: no for p, no in session.execute(q) if p is not None}
    uids = sorted({u for r in good for cands in r.cards for u in cands})
    cards: dict[str, tuple[int, str, CardStatus]] = {}
    if uids:
        q2 = (
            select(Card.uid, Card.id, Member.member_no, Card.status)
            .join(Member, Member.id == Card.member_id)
            .where(Card.uid.in_(uids))
        )
        cards = {uid: (cid, no, st) for uid, cid, no, st in session.execute(q2)}
    nos = [r.member.member_no for r in good if r.member is not None and r.member.member_no]
    taken_nos = (
        set(session.scalars(select(Member.member_no).where(Member.member_no.in_(nos))))
        if nos
        else set()
    )
    batch = Batch([], {})
    for r in good:
        member = r.member
        assert member is not None
        if member.phone in registered:
            r.member, r.skipped_as = None, registered[member.phone]
            continue
        if member.member_no in taken_nos:
            r.fail(
                "member_no", field_error("member_no_taken", "member_no", member_no=member.member_no)
            )
        for cands in r.cards:
            hit = next(((u, cards[u]) for u in cands if u in cards), None)
            if hit is None:
                continue
            uid, (card_id, owner, status) = hit
            if status is CardStatus.VOID:
                batch.void_cards[cands[0]] = card_id
            else:
                r.fail("card_uid", UserError("card_taken", uid=uid, member_no=owner))
        if r.problems:
            r.member = None
        else:
            batch.create.append(r)
    return batch


def create_batch(session: Session, batch: Batch, refs: ledger.Refs, expires: date | None) -> int:
    """Insert the batch's members, bind their cards, post their opening balances.
    Returns the number of cards bound."""
    inputs = [r.member for r in batch.create if r.member is not None]
    member_ids = insert_members_in(session, inputs)
    now = utcnow()
    new_cards: list[dict[str, Any]] = []
    bound = 0
    for r, member_id in zip(batch.create, member_ids, strict=True):
        for cands in r.cards:
            bound += 1
            void_id = batch.void_cards.get(cands[0])
            if void_id is None:
                new_cards.append({"uid": cands[0], "member_id": member_id, "bound_at": now})
                continue
            card = session.get(Card, void_id)
            assert card is not None
            card.member_id, card.status, card.replaced_by_id = member_id, CardStatus.ACTIVE, None
            card.bound_at = card.status_changed_at = now
        row_refs = ledger.Refs(staff_id=refs.staff_id, note=f"{refs.note} #{r.number}")
        if r.principal or r.bonus:
            ledger.post_stored_value(
                session, member_id, StoredValueKind.OPENING, r.principal, r.bonus, row_refs
            )
        if r.points:
            ledger.credit_points(
                session, member_id, PointsKind.OPENING, r.points, expires, row_refs
            )
    if new_cards:
        session.execute(insert(cast(Table, Card.__table__)), new_cards)
    session.flush()
    return bound
