"""Points expiry for a batch of members at once (services/points_expiry.expire_lots, the
daily job's set-based form, on both engines): an EXPIRE entry per lot due, each
member's entries chaining their balance, lots emptied (not deleted), a lot not yet due
and a member with nothing due untouched, and db check proving the ledger after."""

from __future__ import annotations

from sqlalchemy import select

from memberdesk.models import PointsEntry, PointsLot
from memberdesk.models.enums import PointsKind
from memberdesk.services.backup.integrity import check_database
from memberdesk.services.points.expiry import Expired, expire_lots
from memberdesk.services.shared import clock
from memberdesk.services.shared.ledger import Refs
from tests.checkout_support.kit import World


def test_a_batch_expires_each_due_lot_with_its_own_entry(world: World) -> None:
    w = world
    w.give_points("alice", 100, days=-2)
    w.give_points("alice", 40, days=-1)
    w.give_points("alice", 25, days=0)  # spendable today: not due
    w.give_points("bob", 70, days=-1)
    w.give_points("carol", 9, days=3)
    before = {k: w.balances(k)[2] for k in ("alice", "bob", "carol")}
    ids = [w.members[k] for k in ("carol", "bob", "alice")]
    with w.db.uow() as uow:
        today = clock.today(uow.session)
        got = expire_lots(uow.session, ids, today, Refs(note="expired"))
        uow.commit()
    assert got == Expired(members=2, lots=3, points=210)
    assert [w.balances(k)[2] for k in ("alice", "bob", "carol")] == [
        before["alice"] - 140, before["bob"] - 70, before["carol"]]
    alice, bob = w.members["alice"], w.members["bob"]
    with w.db.reader() as r:
        rows = r.session.execute(
            select(PointsEntry.member_id, PointsEntry.delta, PointsEntry.balance_after)
            .where(PointsEntry.kind == PointsKind.EXPIRE).order_by(PointsEntry.id)).all()
        assert [tuple(x) for x in rows] == [
            (alice, -100, before["alice"] - 100), (alice, -40, before["alice"] - 140),
            (bob, -70, before["bob"] - 70)]
        left = sorted(r.session.scalars(select(PointsLot.remaining)
                                        .where(PointsLot.member_id == alice)))
    assert left[:2] == [0, 0] and 25 in left
    with w.db.uow() as uow:  # again: nothing left to expire
        assert expire_lots(uow.session, ids, today, Refs()) == Expired(0, 0, 0)
    assert check_database(w.db) == []


def test_the_job_finds_the_members_due_once_and_expires_them_in_batches(world: World) -> None:
    """expire_due: the members with a lot due read once (a row a lot: alice's two lots
    make her one member), then ``batch`` members a unit of work; a second run finds
    nothing left."""
    from memberdesk.services.points.expiry import ExpiryCounts, expire_due

    w = world
    w.give_points("alice", 100, days=-2)
    w.give_points("alice", 40, days=-1)
    w.give_points("bob", 70, days=-1)
    w.give_points("carol", 9, days=3)
    steps: list[tuple[int, int]] = []
    with w.db.reader() as r:
        today = clock.today(r.session)
    got = expire_due(w.db, today, batch=1, step=lambda d, t: steps.append((d, t)) is None)
    assert got == ExpiryCounts(members=2, lots=3, points=210)
    assert steps == [(1, 2), (2, 2)]
    assert expire_due(w.db, today) == ExpiryCounts()
    assert w.balances("carol")[2] == 9
    assert check_database(w.db) == []
