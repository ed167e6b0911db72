"""Count-card expiry (计次卡过期): the daily job of business date D writes off every
active card whose last day (``expires_on``) is before D: an EXPIRE entry per service
for the uses left (never a deletion) and the card EXPIRED. The cards due are found
in a read transaction, then expired in short batches (:mod:`.job_batches`) of chunks
of :data:`CHUNK` cards, each chunk a few set-based statements, one audit row a batch. Idempotent: an expired card is no longer due, and the runner
records the date (``job_runs``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.models import CountCardBalance, CountCardEntry, MemberCountCard
from memberdesk.models.enums import CountCardStatus, CountUseKind
from memberdesk.services.shared import audit, clock
from memberdesk.services.shared.batches import run_batches


@dataclass(frozen=True)
class ExpiryCounts:
    cards: int = 0
    uses: int = 0
    cancelled: bool = False

    def as_dict(self) -> dict[str, int]:
        return {"cards": self.cards, "uses": self.uses}


CHUNK = 100  # cards per unit of work, in set-based statements


def _expire(s: Session, card_ids: list[int], day: date) -> list[tuple[int, int]]:
    """The cards of ``card_ids`` still due on ``day``: an EXPIRE entry per service with
    uses left (remaining after: 0) and the card EXPIRED, in a few set-based statements.
    Cards expired, used up or refunded meanwhile are left alone. Returns (card, uses)."""
    due = (MemberCountCard.id.in_(card_ids), MemberCountCard.status == CountCardStatus.ACTIVE,
           MemberCountCard.expires_on < day)
    cards = [int(c) for c in s.scalars(select(MemberCountCard.id).where(*due))]
    if not cards:
        return []
    rows = s.execute(
        select(CountCardBalance.id, CountCardBalance.count_card_id,
               CountCardBalance.uses_remaining, MemberCountCard.expires_on)
        .join(MemberCountCard, MemberCountCard.id == CountCardBalance.count_card_id)
        .where(CountCardBalance.count_card_id.in_(cards), CountCardBalance.uses_remaining > 0)
        .order_by(CountCardBalance.id)).all()
    at = clock.now()
    if rows:
        s.execute(insert(CountCardEntry), [
            {"balance_id": b, "kind": CountUseKind.EXPIRE, "delta": -int(rem),
             "remaining_after": 0, "note": f"到期 {ends}", "created_at": at}
            for b, _c, rem, ends in rows])
        s.execute(update(CountCardBalance).where(CountCardBalance.id.in_([r[0] for r in rows]))
                  .values(uses_remaining=0))
    s.execute(update(MemberCountCard).where(MemberCountCard.id.in_(cards))
              .values(status=CountCardStatus.EXPIRED))
    uses: dict[int, int] = dict.fromkeys(cards, 0)
    for _b, c, rem, _e in rows:
        uses[int(c)] += int(rem)
    return sorted(uses.items())


def expire_cards(db: Database, day: date, *,
                 step: Callable[[int, int], bool] | None = None) -> ExpiryCounts:
    """The count cards due to expire on business date ``day``."""
    with db.reader() as r:
        due = list(r.session.scalars(
            select(MemberCountCard.id).where(MemberCountCard.status == CountCardStatus.ACTIVE,
                                             MemberCountCard.expires_on < day)
            .order_by(MemberCountCard.id)))
    if not due:
        return ExpiryCounts()
    totals = [0, 0]

    def audit_batch(s: Session, chunks: list[list[tuple[int, int]]]) -> None:
        done = [d for chunk in chunks for d in chunk]
        totals[0] += len(done)
        totals[1] += sum(u for _, u in done)
        audit.record(s, action="count_card.expire", staff_id=None, entity="count_cards",
                     entity_id=day.isoformat(), detail={"cards": [list(d) for d in done]})

    chunks = [due[i:i + CHUNK] for i in range(0, len(due), CHUNK)]
    _, cancelled = run_batches(db, chunks, lambda s, ids: _expire(s, ids, day) or None,
                               audit_batch=audit_batch, step=step)
    return ExpiryCounts(totals[0], totals[1], cancelled)
