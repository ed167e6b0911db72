"""The birthday job's batch (:func:`birthday.give_gifts`) writes what the member-by-member
definition (:func:`birthday.give_one`) writes, on random members: the same points
entries, lots, balances, coupons and their ISSUE events, gift rows and outbox messages
(compared without their ids, coupon codes and write times), from the same start
(each form runs in a transaction rolled back after it is read)."""

from __future__ import annotations

import random
from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from memberdesk.models import (
    BirthdayGift,
    Coupon,
    CouponEvent,
    Member,
    Notification,
    PointsEntry,
    PointsLot,
)
from memberdesk.models.enums import CouponKind, MemberStatus
from memberdesk.services.coupons.core import CouponTemplateDraft, create_coupon_template
from memberdesk.services.loyalty import birthday
from memberdesk.services.loyalty.enrol import register_member
from memberdesk.services.shared import clock
from tests.checkout_support.kit import World, yuan

from .conftest import ShopClock


def _last_ids(s: Session) -> dict[str, int]:
    return {t.__tablename__: int(s.scalar(select(func.coalesce(func.max(t.id), 0))) or 0)
            for t in (PointsEntry, PointsLot, Coupon, CouponEvent, BirthdayGift, Notification)}


def _written(s: Session, since: dict[str, int]) -> dict[str, Any]:
    """What was written after ``since``, ids replaced by the member they belong to."""
    entries = {e.id: e for e in s.scalars(select(PointsEntry).where(
        PointsEntry.id > since["points_entries"]).order_by(PointsEntry.id))}
    coupons = {c.id: c for c in s.scalars(select(Coupon).where(
        Coupon.id > since["coupons"]).order_by(Coupon.id))}
    return {
        "entries": [(e.member_id, e.kind, e.delta, e.balance_after, e.note, e.sale_id,
                     e.staff_id) for e in entries.values()],
        "lots": [(entries[lot.entry_id].member_id, lot.points, lot.remaining, lot.expires_on)
                 for lot in s.scalars(select(PointsLot).where(
                     PointsLot.id > since["points_lots"]).order_by(PointsLot.id))],
        "coupons": [(c.member_id, c.template_id, c.status, c.valid_from, c.valid_to,
                     c.issued_at) for c in coupons.values()],
        "events": [(coupons[ev.coupon_id].member_id, ev.kind, ev.status_after, ev.staff_id,
                    ev.recharge_id, ev.created_at)
                   for ev in s.scalars(select(CouponEvent).where(
                       CouponEvent.id > since["coupon_events"]).order_by(CouponEvent.id))],
        "gifts": [(g.member_id, g.year, g.business_date, g.points,
                   entries[g.points_entry_id].member_id if g.points_entry_id else None,
                   coupons[g.coupon_id].member_id if g.coupon_id else None)
                  for g in s.scalars(select(BirthdayGift).where(
                      BirthdayGift.id > since["birthday_gifts"]).order_by(BirthdayGift.id))],
        "messages": [(n.event, n.member_id, n.phone, n.body, n.params, n.promotional, n.status,
                      n.reason, n.dedupe_key, n.next_at)
                     for n in s.scalars(select(Notification).where(
                         Notification.id > since["notifications"]).order_by(Notification.id))],
        "balances": sorted(tuple(r) for r in s.execute(select(Member.id, Member.points_balance))),
    }


def _shop(w: World, rng: random.Random, n: int) -> list[tuple[int, str]]:
    """``n`` random members: balances, consent, phones (some not mainland mobiles), a
    few deactivated, a few given this year's gift already."""
    create_coupon_template(w.db, w.owner, CouponTemplateDraft(
        "BDAY", "生日券 满50减10", CouponKind.AMOUNT_OFF, value=yuan("10"),
        min_spend=yuan("50"), valid_days=30))
    ids = [register_member(w.db, w.cashier, phone=f"139{i:08d}", name=f"会员{i}",
                           birthday=date(1990, 3, 10),
                           marketing_consent=rng.random() < 0.6).id for i in range(n)]
    with w.db.uow() as uow:
        s = uow.session
        for m in ids:
            values: dict[str, Any] = {"points_balance": rng.choice([0, 0, 7, 1234])}
            if rng.random() < 0.15:
                values["phone"] = f"0755{rng.randrange(10**7):07d}"
            if rng.random() < 0.1:
                values["status"] = MemberStatus.INACTIVE
            s.execute(update(Member).where(Member.id == m).values(**values))
        for m in rng.sample(ids, n // 8):
            s.add(BirthdayGift(member_id=m, year=2026, business_date=date(2026, 1, 1),
                               points=0, created_at=clock.now()))
        uow.commit()
    with w.db.reader() as r:
        return [(int(i), str(no)) for i, no in r.session.execute(
            select(Member.id, Member.member_no).where(Member.id.in_(ids)))]


@pytest.mark.parametrize("seed", [1, 2])
def test_the_batch_writes_what_the_member_by_member_definition_writes(
    world: World, shop_clock: ShopClock, seed: int
) -> None:
    w = world
    rng = random.Random(seed)
    members = _shop(w, rng, 40)
    # the points, the coupon, or both; the greeting on or off
    points, coupon, greet = [(50, "BDAY", True), (0, "BDAY", False)][seed - 1]
    w.set_settings(birthday__points=points, birthday__coupon_template=coupon,
                   notify__birthday__on=greet)
    picked = rng.sample(members, 30)
    day = shop_clock.day
    results = []
    for batch in (False, True):
        with w.db.uow() as uow:
            s = uow.session
            plan = birthday.load_plan(s)
            offset = clock.offset_minutes(s)
            since = _last_ids(s)
            if batch:
                gifts = birthday.give_gifts(s, picked, plan, day, offset)
                given = sorted((no, p, c) for no, p, c in gifts)
            else:
                one = {no: birthday.give_one(s, m, plan, day, offset) for m, no in sorted(picked)}
                given = sorted((no, p, c) for no, (p, c) in one.items() if p or c)
            s.flush()
            results.append((given, _written(s, since)))  # not committed: rolled back
    (one_given, one_rows), (batch_given, batch_rows) = results
    assert one_rows["gifts"], "the random members include some due a gift"
    assert batch_given == one_given
    for key in one_rows:
        assert batch_rows[key] == one_rows[key], key
    if greet:
        assert {m[6] for m in one_rows["messages"]} >= {"pending", "dropped"}
