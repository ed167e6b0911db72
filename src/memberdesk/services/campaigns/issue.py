"""A coupon campaign's issue, a chunk of members per unit of work in set-based
statements (a segment of a million members): per chunk, the members not yet in the
campaign are read in one statement, the hold-out drawn in memory
(:func:`memberdesk.domain.campaigns.held_out`), then the coupons (codes checked in one
statement, :func:`.coupons.new_codes`), their ISSUE events, the ``campaign_members``
rows and the ``campaign`` messages (:func:`.notify_outbox.message`, the members read in
one statement) are each one multi-row INSERT, with one audit row a chunk.

A chunk commits whole or not at all and ``campaign_members`` is keyed (campaign,
member), so a run killed midway leaves whole chunks and a rerun goes on with the
rest: each member's coupon exactly once. Between chunks the write lock is left free
(:func:`.job_batches.run_batches`), so a checkout waits for at most one chunk.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.domain.campaigns import held_out
from memberdesk.models import CampaignMember, Coupon, CouponEvent, CouponTemplate
from memberdesk.models.enums import CouponEventKind, CouponStatus
from memberdesk.services.coupons import core as coupons
from memberdesk.services.notifications import outbox as notify_outbox
from memberdesk.services.shared import audit
from memberdesk.services.shared.batches import run_batches
from memberdesk.services.shared.policy import Policy
from memberdesk.services.shared.tables import connection, insert_many, table

_COUPONS, _EVENTS, _AUDIENCE = table(Coupon), table(CouponEvent), table(CampaignMember)


@dataclass(frozen=True)
class Issue:
    """What a run issues: the campaign, its coupon template, seed and hold-out share."""

    campaign_id: int
    label: str  # the campaign's name (the audit rows')
    template_id: int
    seed: str
    holdout_permille: int
    staff_id: int | None
    at: datetime


def issue_chunk(session: Session, job: Issue, member_ids: list[int],
                policy: Policy) -> tuple[int, int] | None:
    """Issue to the members of ``member_ids`` not yet in the campaign, in the caller's
    transaction: (coupons issued, members held out), None when all were in already."""
    conn = connection(session)
    done = set(conn.execute(select(_AUDIENCE.c.member_id).where(
        _AUDIENCE.c.campaign_id == job.campaign_id,
        _AUDIENCE.c.member_id.in_(member_ids))).scalars())
    todo = [m for m in member_ids if m not in done]
    if not todo:
        return None
    out = {m: held_out(job.seed, m, job.holdout_permille) for m in todo}
    given = [m for m in todo if not out[m]]
    coupon_of: dict[int, int] = {}
    template = session.get_one(CouponTemplate, job.template_id)
    valid_from, valid_to = coupons.validity(template, job.at)
    if given:
        codes = coupons.new_codes(session, len(given))
        # A plain executemany, then the ids by the (unique) codes: SQLite sends an
        # INSERT ... RETURNING of many rows one row at a time.
        insert_many(conn, _COUPONS, [
            {"code": code, "template_id": job.template_id, "member_id": m,
             "status": CouponStatus.ISSUED, "valid_from": valid_from, "valid_to": valid_to,
             "issued_at": job.at} for code, m in zip(codes, given, strict=True)])
        coupon_of = {int(m): int(i) for i, m in conn.execute(
            select(_COUPONS.c.id, _COUPONS.c.member_id).where(_COUPONS.c.code.in_(codes)))}
        insert_many(conn, _EVENTS, [
            {"coupon_id": cid, "kind": CouponEventKind.ISSUE, "status_after": CouponStatus.ISSUED,
             "sale_id": None, "recharge_id": None, "refund_id": None, "staff_id": job.staff_id,
             "created_at": job.at} for cid in coupon_of.values()])
    insert_many(conn, _AUDIENCE, [
        {"campaign_id": job.campaign_id, "member_id": m, "held_out": out[m],
         "coupon_id": coupon_of.get(m), "created_at": job.at} for m in todo])
    if given and policy.bool("notify.campaign.on"):
        who = notify_outbox.recipients(session, given)
        params = {"coupon": template.name,
                  "date": policy.local_time(valid_to).date().isoformat()}
        draft = notify_outbox.Draft.of(policy, "campaign", job.at)
        notify_outbox.write(session, [row for m in given if (row := notify_outbox.message(
            policy, "campaign", m, who.get(m), params, f"campaign:{job.campaign_id}:{m}",
            job.at, draft)) is not None])
    return len(given), len(todo) - len(given)


def issue(db: Database, job: Issue, pending: list[int], chunk: int, *, budget_ms: float,
          step: Callable[[int, int], bool] | None = None) -> tuple[int, int, bool]:
    """Issue to ``pending`` members, ``chunk`` a unit of work: (issued, held out,
    cancelled). ``step(members done, members)`` after each chunk; False stops there."""
    with db.reader() as r:
        policy = Policy.load(r.session)
    chunks = [pending[i:i + chunk] for i in range(0, len(pending), chunk)]
    totals = [0, 0]

    def audit_chunk(session: Session, results: list[tuple[int, int]]) -> None:
        issued, held = sum(r[0] for r in results), sum(r[1] for r in results)
        totals[0] += issued
        totals[1] += held
        audit.record(session, action="campaign.issue", staff_id=job.staff_id,
                     entity="campaign", entity_id=job.label,
                     detail={"coupons": issued, "held_out": held})

    def progress(done: int, _total: int) -> bool:
        return step is None or step(min(done * chunk, len(pending)), len(pending))

    _, cancelled = run_batches(
        db, chunks, lambda s, ids: issue_chunk(s, job, ids, policy),
        audit_batch=audit_chunk, step=progress, budget_ms=budget_ms, max_members=1)
    return totals[0], totals[1], cancelled
