"""Count-card expiry (计次卡过期): the daily job of business date D writes off every
active card whose last day (``expires_on``) is before D: an EXPIRE entry per service
for the uses left (never a deletion) and the card EXPIRED. The cards due are found
in a read transaction, then expired in short batches (:mod:`.job_batches`), one
audit row a batch. Idempotent: an expired card is no longer due, and the runner
records the date (``job_runs``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.models import MemberCountCard
from memberdesk.models.enums import CountCardStatus, CountUseKind

from . import audit, clock
from .count_cards import balances_of, post
from .job_batches import run_batches


@dataclass(frozen=True)
class ExpiryCounts:
    cards: int = 0
    uses: int = 0
    cancelled: bool = False

    def as_dict(self) -> dict[str, int]:
        return {"cards": self.cards, "uses": self.uses}


def _expire(s: Session, card_id: int, day: date) -> tuple[int, int] | None:
    card = s.get(MemberCountCard, card_id)
    if card is None or card.status is not CountCardStatus.ACTIVE or card.expires_on is None \
            or card.expires_on >= day:
        return None  # expired, used up or refunded meanwhile
    at = clock.now()
    uses = 0
    for bal in balances_of(s, card.id):
        if bal.uses_remaining:
            uses += bal.uses_remaining
            post(s, bal, CountUseKind.EXPIRE, -bal.uses_remaining, at=at, staff_id=None,
                 note=f"到期 {card.expires_on.isoformat()}")
    card.status = CountCardStatus.EXPIRED
    return card.id, uses


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

    def audit_batch(s: Session, done: list[tuple[int, int]]) -> None:
        totals[0] += len(done)
        totals[1] += sum(u for _, u in done)
        audit.record(s, action="count_card.expire", staff_id=None, entity="count_cards",
                     entity_id=day.isoformat(), detail={"cards": [list(d) for d in done]})

    _, cancelled = run_batches(db, due, lambda s, cid: _expire(s, cid, day),
                               audit_batch=audit_batch, step=step)
    return ExpiryCounts(totals[0], totals[1], cancelled)
