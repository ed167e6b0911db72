"""The analytics refresh (issue 13, item 1): member_scores rows computed from the real
sales and refunds with SQL aggregates, agreeing with the pure definitions
(domain/analytics.py) on the same history, refunds netted by the as-of date, every
member a row (the unscored grade D), written in batches with the write lock free
between them."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from memberdesk.domain.analytics import SaleFact, rfm_of
from memberdesk.models import MemberScore, Refund, Sale
from memberdesk.money import Money
from memberdesk.services.analytics import refresh as analytics_refresh
from memberdesk.services.analytics.refresh import refresh_scores
from memberdesk.services.backup.integrity import check_database
from tests.checkout_support.kit import World, add_member

from .conftest import DAY, ShopClock, sell


def _rows(w: World) -> dict[int, MemberScore]:
    with w.db.reader() as r:
        rows = list(r.session.scalars(select(MemberScore)))
        for row in rows:
            r.session.expunge(row)
    return {row.member_id: row for row in rows}


def _facts(w: World, as_of: date) -> list[SaleFact]:
    """The same history as plain facts, for the pure reference definition."""
    with w.db.reader() as r:
        s = r.session
        out = []
        for sale in s.scalars(select(Sale).where(Sale.member_id.is_not(None))):
            refunded = sum((x.amount.fen for x in s.scalars(
                select(Refund).where(Refund.sale_id == sale.id,
                                     Refund.business_date <= as_of))), 0)
            assert sale.member_id is not None
            out.append(SaleFact(sale.member_id, sale.business_date, sale.payable.fen, refunded))
    return out


def test_the_refresh_agrees_with_the_definitions_and_nets_refunds(history: World) -> None:
    w = history
    as_of = DAY + timedelta(days=40)
    result = refresh_scores(w.db)
    assert result.as_of == as_of and result.members == 3 and result.scored == 2
    rows = _rows(w)
    alice, bob, carol = (w.members[k] for k in ("alice", "bob", "carol"))
    want = rfm_of(_facts(w, as_of), as_of)
    for mid, ref in want.items():
        assert (rows[mid].r_days, rows[mid].f, rows[mid].m.fen) == (ref.r_days, ref.f, ref.m_fen)
    # alice: the refunded wash is neither a visit nor spend; R from day 14.
    assert (rows[alice].r_days, rows[alice].f, rows[alice].m) == (26, 3, Money(3 * 1760))
    # bob (gold, 5% off): 3 beers paid 17.10, one refunded (5.70).
    assert (rows[bob].r_days, rows[bob].f, rows[bob].m) == (10, 1, Money(1140))
    assert rows[bob].lifecycle == "active" and rows[alice].lifecycle == "active"  # R 26 <= 30
    # alice: 26 days away against a usual 7: the churn warning with its figures.
    assert rows[alice].churn_kind == "gap" and rows[alice].churn_days_since == 26
    assert rows[alice].churn_gap_x2 == 14
    assert rows[bob].churn_kind is None
    # carol: no sale, a row all the same.
    assert rows[carol].f == 0 and rows[carol].r_score is None and rows[carol].grade == "D"
    assert rows[carol].lifecycle == "dormant" and rows[carol].segment is None
    # Two scored members: ranks 1 and 2 of 2 -> scores 3 and 5.
    assert (rows[alice].r_score, rows[bob].r_score) == (3, 5)
    assert (rows[alice].f_score, rows[bob].f_score) == (5, 3)
    assert (rows[alice].m_score, rows[bob].m_score) == (5, 3)
    assert check_database(w.db) == []


def test_a_refund_after_the_as_of_date_does_not_count_yet(history: World) -> None:
    w = history
    refresh_scores(w.db, DAY + timedelta(days=20))
    alice = _rows(w)[w.members["alice"]]
    assert (alice.as_of, alice.r_days, alice.f, alice.m) == (
        DAY + timedelta(days=20), 0, 4, Money(3 * 1760 + 3000))
    refresh_scores(w.db, DAY + timedelta(days=21))
    alice = _rows(w)[w.members["alice"]]
    assert (alice.r_days, alice.f, alice.m) == (7, 3, Money(3 * 1760))


def test_refreshing_again_rewrites_the_rows(history: World, shop_clock: ShopClock) -> None:
    w = history
    refresh_scores(w.db)
    sell(w, shop_clock, 41, "carol")
    refresh_scores(w.db)
    rows = _rows(w)
    assert len(rows) == 3
    carol = rows[w.members["carol"]]
    assert (carol.as_of, carol.f, carol.r_days) == (DAY + timedelta(days=41), 1, 0)


def test_the_write_lock_is_free_between_batches(
    history: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = history
    for n in range(4):
        add_member(w.db, f"1390002000{n}", f"会员{n}", w.tiers["normal"])
    monkeypatch.setattr(analytics_refresh, "BATCH_MEMBERS", 2)
    monkeypatch.setattr(analytics_refresh, "READ_MEMBERS", 2)
    path = w.db.paths.database if w.db.paths else None
    assert path is not None
    took: list[bool] = []

    def between_batches(done: int, total: int) -> bool:
        other = sqlite3.connect(path, timeout=0, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")  # "database is locked" if still held
            took.append(True)
            other.execute("ROLLBACK")
        finally:
            other.close()
        return True

    assert refresh_scores(w.db, step=between_batches).members == 7
    assert len(took) == 4  # 7 members, 2 a batch
    assert len(_rows(w)) == 7


def test_a_cancel_stops_after_a_batch(history: World, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(analytics_refresh, "BATCH_MEMBERS", 2)
    monkeypatch.setattr(analytics_refresh, "READ_MEMBERS", 2)
    result = refresh_scores(history.db, step=lambda done, total: False)
    assert result.cancelled and result.members == 2
