"""The points report: outstanding per member equals the cached balances, what expires
soon comes from the lots, and the range's movements add up from opening to closing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from memberdesk.models import Member, PointsEntry
from memberdesk.models.enums import PointsKind
from memberdesk.services.points.expiry import expire_points
from memberdesk.services.reporting.points_report import points_document, points_report
from memberdesk.services.shared.errors import PermissionDenied, ValidationError
from memberdesk.services.shared.ledger import Refs
from tests.checkout_support.kit import World
from tests.unit.reporting.busy import business_today, busy_day


def test_outstanding_expiring_and_movements(world: World) -> None:
    w = world
    b = busy_day(w)
    w.give_points("bob", 50, days=-1)  # past its date, not written off yet
    w.give_points("alice", 20, days=-3)
    with w.db.uow() as uow:  # alice comes by: her stale lot is written off
        expire_points(uow.session, w.members["alice"], b.today, Refs())
        uow.commit()
    today = business_today(w)
    with points_report(w.db, w.manager) as rep:
        rows = {r.member_no: r for r in rep.rows()}
        doc = points_document(rep, "测试便利店", rep.generated_at)
        assert len(list(doc.tables[2].rows())) == len(rows)  # after movements and loyalty
    with w.db.reader() as r:
        cached = r.session.scalar(select(func.sum(Member.points_balance)))
        by_kind = {k: int(v) for k, v in r.session.execute(
            select(PointsEntry.kind, func.sum(PointsEntry.delta)).group_by(PointsEntry.kind))}
    assert rep.outstanding == cached == rep.closing and rep.opening == 0
    assert rep.members == len(rows) == 3
    assert sum(r.balance for r in rows.values()) == cached
    assert rep.issued == sum(by_kind.get(k, 0) for k in (
        PointsKind.OPENING, PointsKind.EARN, PointsKind.BONUS))
    assert rep.redeemed == b.sales[4].points_redeemed == 200
    assert rep.expired == 20
    assert dict(rep.movements) == by_kind
    carol = rows[w.member("carol").member_no]
    assert carol.balance == w.balances("carol")[2]
    assert carol.expiring == 300  # the 10-day lot after paying 200 points from it
    assert carol.next_expiry == today + timedelta(days=10)
    assert rows[w.member("bob").member_no].overdue == 50
    assert rep.expiring == 300 and rep.overdue == 50
    balances = [r.balance for r in rows.values()]
    assert balances == sorted(balances, reverse=True)


def test_ranges(world: World) -> None:
    w = world
    busy_day(w)
    today = business_today(w)
    with points_report(w.db, w.owner, today - timedelta(days=9), today - timedelta(days=2)) as rep:
        assert rep.movements == () and rep.issued == 0 and rep.opening == rep.closing == 0
        assert rep.outstanding > 0  # what members hold now, whatever the range
    with points_report(w.db, w.owner, today, today, expiring_days=366) as rep:
        assert rep.expiring == rep.outstanding  # every lot expires within a year
        assert rep.expiring_days == 366
    with pytest.raises(ValidationError) as err, points_report(w.db, w.owner, today,
                                                              today - timedelta(days=1)):
        pass
    assert err.value.code == "reversed_range"
    with pytest.raises(PermissionDenied), points_report(w.db, w.cashier):
        pass


def test_empty_shop(world: World) -> None:
    w = world
    with points_report(w.db, w.owner) as rep:
        assert rep.members == 0 and list(rep.rows()) == []
        doc = points_document(rep, "店", rep.generated_at)
        assert doc.note.startswith("（无数据）")
        assert all(t.totals is None for t in doc.tables)
