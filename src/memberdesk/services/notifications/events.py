"""The outbox's events of count cards and member analytics, each written through
:func:`.notify_outbox.enqueue` in the business change's transaction with a dedupe key:

* ``card_low``: a use leaves a service of a count card with ``notify.card_low.uses``
  uses or fewer (once per service and uses left), in the use's transaction;
* ``card_expiry``: an active card with uses left expires ``notify.card_expiry.days``
  days after the business date (once per card and last day), from the daily count-card
  job, in short batches;
* ``dormant`` (promotional): the analytics refresh finds a member 休眠 who was not
  (once per dormancy: the key holds the last visit the stage was measured from), in
  the refresh batch's transaction.

The campaign coupon's message is written by :mod:`.campaign_issue` with the coupons.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.domain.analytics import Lifecycle
from memberdesk.models import CountCardBalance, MemberCountCard, ServicePackage
from memberdesk.models.enums import CountCardStatus
from memberdesk.services.notifications import outbox as notify_outbox
from memberdesk.services.shared.batches import run_batches
from memberdesk.services.shared.policy import Policy


def card_used(session: Session, member_id: int, card: str, balance_id: int,
              uses_left: int, policy: Policy | None = None) -> None:
    """After a use: the ``card_low`` message when ``uses_left`` is at or below the
    shop's threshold."""
    policy = policy or Policy.load(session)
    if not policy.bool("notify.card_low.on") or uses_left > policy.int("notify.card_low.uses"):
        return
    notify_outbox.enqueue(session, "card_low", member_id, {"card": card, "uses": uses_left},
                          f"card_low:{balance_id}:{uses_left}", policy=policy)


_Expiring = tuple[int, int, str, date, int]  # card, member, name, last day, uses left


def remind_cards_expiring(db: Database, day: date, *,
                          step: Callable[[int, int], bool] | None = None) -> tuple[int, bool]:
    """The ``card_expiry`` messages of business date ``day``: (written, cancelled)."""
    with db.reader() as r:
        s = r.session
        policy = Policy.load(s)
        if not policy.bool("notify.card_expiry.on"):
            return 0, False
        on = day + timedelta(days=policy.int("notify.card_expiry.days"))
        due: list[_Expiring] = [
            (int(c), int(m), str(n), on, int(u)) for c, m, n, _e, u in s.execute(
                select(MemberCountCard.id, MemberCountCard.member_id, ServicePackage.name,
                       MemberCountCard.expires_on, func.sum(CountCardBalance.uses_remaining))
                .join(ServicePackage, ServicePackage.id == MemberCountCard.package_id)
                .join(CountCardBalance, CountCardBalance.count_card_id == MemberCountCard.id)
                .where(MemberCountCard.status == CountCardStatus.ACTIVE,
                       MemberCountCard.expires_on == on)
                .group_by(MemberCountCard.id, MemberCountCard.member_id, ServicePackage.name,
                          MemberCountCard.expires_on)
                .having(func.sum(CountCardBalance.uses_remaining) > 0)
                .order_by(MemberCountCard.id))]
    written = 0

    def work(session: Session, item: _Expiring) -> int | None:
        nonlocal written
        card_id, member_id, name, last, uses = item
        if notify_outbox.enqueue_new(session, "card_expiry", member_id,
                                     {"card": name, "uses": uses, "date": last.isoformat()},
                                     f"card_expiry:{card_id}:{last.isoformat()}", policy):
            written += 1
        return None

    _done, cancelled = run_batches(db, due, work, step=step)
    return written, cancelled


def became_dormant(session: Session, rows: Sequence[dict[str, Any]], before: dict[int, str],
                   policy: Policy) -> int:
    """The ``dormant`` messages of a refresh batch: members whose new row (``rows``,
    member_scores values) says 休眠 and whose previous stage (``before``: member ->
    lifecycle code; no entry: never scored) was another one. Returns the messages
    written."""
    if not policy.bool("notify.dormant.on"):
        return 0
    dormant = Lifecycle.DORMANT.code
    written = 0
    for row in rows:
        member_id = int(row["member_id"])
        old = before.get(member_id)
        if row["lifecycle"] != dormant or old is None or old == dormant:
            continue
        as_of: date = row["as_of"]
        r_days = row["r_days"]
        last = (as_of - timedelta(days=int(r_days))).isoformat() if r_days is not None else "-"
        if notify_outbox.enqueue_new(session, "dormant", member_id, {},
                                     f"dormant:{member_id}:{last}", policy):
            written += 1
    return written
