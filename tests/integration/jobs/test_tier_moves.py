"""Tiers that move (issue 12, item 3): upgrade at once in the checkout that crosses the
threshold (exactly at it, not one fen below), exactly once; the daily evaluation's
upgrades for a member the checkout could not move (locked until a date); reviews at
the end of a term: renewal at the keep threshold, downgrade below it (a refund
counting against the spend); every move in the tier history and the audit log."""

from __future__ import annotations

import json
from datetime import date, timedelta

from sqlalchemy import select, update

from memberdesk.models import AuditEntry, Member, TierChange
from memberdesk.models.enums import TenderKind
from memberdesk.services.backup.integrity import check_database
from memberdesk.services.checkout.cart import CartLine
from memberdesk.services.checkout.sale import CheckoutResult
from memberdesk.services.jobs.runner import run_jobs
from memberdesk.services.loyalty.tier_moves import recent_change
from memberdesk.services.loyalty.tiers import set_member_tier
from tests.checkout_support.kit import World, yuan

from .conftest import DAY, ShopClock


def _spend(w: World, member: str, amount: str) -> CheckoutResult:
    return w.sell([CartLine(amount=yuan(amount), qty=1)], [(TenderKind.CASH, amount)],
                  member=member)


def _tier(w: World, member: str) -> str:
    code = {v: k for k, v in w.tiers.items()}
    return code[w.member(member).tier_id]


def _history(w: World, member: str) -> list[tuple[str, str, str, date]]:
    code = {v: k for k, v in w.tiers.items()}
    with w.db.reader() as r:
        return [(code[a], code[b], reason, day) for a, b, reason, day in r.session.execute(
            select(TierChange.from_tier_id, TierChange.to_tier_id, TierChange.reason,
                   TierChange.business_date)
            .where(TierChange.member_id == w.members[member]).order_by(TierChange.id))]


def _audited(w: World, action: str) -> list[str]:
    with w.db.reader() as r:
        return list(r.session.scalars(select(AuditEntry.entity_id)
                                      .where(AuditEntry.action == action)))


def _evaluation_audit(w: World) -> list[list[object]]:
    """The moves the daily evaluation audited (one row per batch, each move named)."""
    with w.db.reader() as r:
        rows = r.session.scalars(select(AuditEntry.detail)
                                 .where(AuditEntry.action == "tier.evaluation")).all()
    return [move for row in rows for move in json.loads(row)["moves"]]


def _lock(w: World, member: str, until: date) -> None:
    with w.db.uow() as uow:
        uow.session.execute(update(Member).where(Member.id == w.members[member])
                            .values(tier_locked_until=until))
        uow.commit()


def _forward(w: World, days: int) -> None:
    """Bring the shop forward ``days`` business dates, the daily jobs run for each."""
    run_jobs(w.db, DAY + timedelta(days=days), bring_forward=w.owner)


def test_the_checkout_that_crosses_the_threshold_upgrades_exactly_once(
    world: World, shop_clock: ShopClock
) -> None:
    w = world  # silver from ¥1,000.00, gold from ¥5,000.00
    _spend(w, "alice", "999.99")
    assert _tier(w, "alice") == "normal"  # one fen below
    sale = _spend(w, "alice", "0.01")  # exactly at the threshold
    assert _tier(w, "alice") == "silver"
    with w.db.reader() as r:
        row = r.session.scalars(select(TierChange)).one()
        assert (row.sale_id, row.reason, row.spend) == (sale.sale_id, "upgrade", yuan("1000"))
        notice = recent_change(r.session, w.members["alice"], DAY)
    assert notice is not None and notice.upgraded
    assert (notice.from_name, notice.to_name, notice.on) == ("普通会员", "银卡会员", DAY)
    assert _audited(w, "tier.upgrade") == [w.member("alice").member_no]
    _spend(w, "alice", "10.00")  # still silver: no second move
    _forward(w, 20)  # nor from the daily evaluation
    assert _history(w, "alice") == [("normal", "silver", "upgrade", DAY)]
    assert check_database(w.db) == []


def test_a_locked_member_stays_until_the_lock_ends_then_the_job_upgrades(
    world: World, shop_clock: ShopClock
) -> None:
    w = world
    _lock(w, "alice", DAY + timedelta(days=5))
    _spend(w, "alice", "1500.00")
    assert _tier(w, "alice") == "normal"  # no upgrade at checkout while locked
    _forward(w, 5)
    assert _tier(w, "alice") == "normal" and _history(w, "alice") == []
    _forward(w, 6)  # the lock ended on DAY + 5
    assert _history(w, "alice") == [("normal", "silver", "upgrade", DAY + timedelta(days=6))]
    _forward(w, 12)
    assert len(_history(w, "alice")) == 1


def test_a_locked_member_is_not_downgraded_at_the_review(world: World, shop_clock: ShopClock) -> None:
    w = world
    w.set_settings(tiers__window_days=30)
    _lock(w, "bob", DAY + timedelta(days=60))  # bob is gold and spends nothing
    _forward(w, 45)
    assert _tier(w, "bob") == "gold" and _history(w, "bob") == []


def test_review_renews_at_the_keep_threshold_and_downgrades_below_it(
    world: World, shop_clock: ShopClock
) -> None:
    """A term is one window (30 days here) from registration or the last move; at its
    end the spend of the window decides: renewed, or down to the tier it keeps."""
    w = world
    w.set_settings(tiers__window_days=30, tiers__keep_percent=80)
    w.set_tier("carol", "silver")
    _forward(w, 9)
    shop_clock.advance(10)
    # Spend is what was paid: gold pays 95%, silver 98% (tier discounts).
    assert _spend(w, "bob", "4300.00").payable == yuan("4085.00")  # gold keeps at ¥4,000
    assert _spend(w, "carol", "800.00").payable == yuan("784.00")  # silver keeps at ¥800
    _forward(w, 29)
    assert (_tier(w, "bob"), _tier(w, "carol")) == ("gold", "silver")  # terms not over
    _forward(w, 30)
    day30 = DAY + timedelta(days=30)
    assert _history(w, "bob") == [("gold", "gold", "renew", day30)]
    assert _history(w, "carol") == [("silver", "normal", "downgrade", day30)]
    assert _tier(w, "carol") == "normal"
    assert _evaluation_audit(w) == [
        [w.member("bob").member_no, w.tiers["gold"], w.tiers["gold"], "renew", 408500],
        [w.member("carol").member_no, w.tiers["silver"], w.tiers["normal"], "downgrade", 78400]]
    with w.db.reader() as r:
        notice = recent_change(r.session, w.members["carol"], day30)
    assert notice is not None and not notice.upgraded and notice.to_name == "普通会员"
    # bob's new term began on day 30: no review again until day 60.
    _forward(w, 59)
    assert len(_history(w, "bob")) == 1
    _forward(w, 60)  # the ¥4,085 of day 10 has left the window: gold -> normal
    assert _history(w, "bob")[-1] == ("gold", "normal", "downgrade", DAY + timedelta(days=60))
    assert check_database(w.db) == []


def test_a_refund_that_drops_the_spend_below_the_keep_threshold_downgrades_the_next_day(
    world: World, shop_clock: ShopClock
) -> None:
    """Refunds never move a tier in the refund itself; the next day's evaluation looks
    at the member again and moves them down if the spend fell below the keep threshold
    (a sale bought for the upgrade and refunded keeps nothing). A refund that leaves
    enough changes nothing, and is no renewal."""
    w = world
    w.set_settings(tiers__window_days=30, tiers__keep_percent=80)
    sale = _spend(w, "alice", "1200.00")  # up to silver at once (silver keeps at ¥800)
    _spend(w, "carol", "1500.00")
    small = _spend(w, "carol", "10.00")
    assert (_tier(w, "alice"), _tier(w, "carol")) == ("silver", "silver")
    w.refund(sale.sale_no)
    w.refund(small.sale_no)  # carol keeps ¥1,500 of spend
    assert _tier(w, "alice") == "silver"
    _forward(w, 1)
    assert _history(w, "alice") == [("normal", "silver", "upgrade", DAY),
                                    ("silver", "normal", "downgrade", DAY + timedelta(days=1))]
    assert _history(w, "carol") == [("normal", "silver", "upgrade", DAY)]
    _forward(w, 20)
    assert len(_history(w, "alice")) == 2
    assert check_database(w.db) == []


def test_days_the_computer_was_off_are_caught_up_and_reviewed_on_the_right_date(
    world: World, shop_clock: ShopClock
) -> None:
    w = world
    w.set_settings(tiers__window_days=30)
    run_jobs(w.db)  # DAY
    shop_clock.advance(45)  # off for 45 days; bob (gold, no spend) was due on day 30
    runs = [r for r in run_jobs(w.db).runs if r.job == "tier_evaluation"]
    assert len(runs) == 45
    assert {r.business_date: r.counts["down"] for r in runs if r.counts["down"]} == {
        DAY + timedelta(days=30): 1}
    assert _history(w, "bob") == [("gold", "normal", "downgrade", DAY + timedelta(days=30))]
    assert run_jobs(w.db).runs == ()


def test_a_manual_tier_is_in_the_history_and_its_lock_holds_past_the_review(
    world: World, shop_clock: ShopClock
) -> None:
    w = world
    w.set_settings(tiers__window_days=30)
    set_member_tier(w.db, w.manager, w.member("alice").member_no, "gold", reason="老顾客",
                    locked_until=DAY + timedelta(days=40))
    assert _history(w, "alice") == [("normal", "gold", "manual", DAY)]
    _forward(w, 40)  # the term ended on day 30, but the lock runs through day 40
    assert _tier(w, "alice") == "gold"
    _forward(w, 41)
    assert _history(w, "alice")[-1] == ("gold", "normal", "downgrade", DAY + timedelta(days=41))
