"""The daily (incremental) recommendations refresh against a full one, on both engines.

A shop is brought forward day by day (some days several at once, once 40 days: every
day bought leaves the 30-day window) with random member and walk-in sales of five
products, and refunds of earlier sales (whole, or one line: a product gone from the
basket); after each refresh:

* every ``member_recommendations`` row (less its ``as_of`` and ``after_sale_id``) is
  what a full refresh computes from the sales as of the day
  (:func:`recommend_refresh.member_due`), and the counter hides none of them;
* the ``product_pairs`` rows are a full count's over the window as of the day (same
  pairs, counts, lifts and ranks), and so are the kept pair counts
  (``product_pair_counts``, the window's baskets) from which the day's were made;
* after the first day the refresh works out only some members again, and the pairs
  only some sales' baskets, not all.

Then a sale committed with an id below the watermark (a PostgreSQL transaction still
open during the refresh) is picked up by the next refresh (its basket counted once),
and a full refresh over the kept rows changes none of them.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from sqlalchemy import insert, select

from memberdesk.models import Sale, SaleLine
from memberdesk.models.enums import TenderKind
from memberdesk.services.analytics import recommend_pairs, recommend_state
from memberdesk.services.analytics.recommend_pairs import count_pairs, product_pairs
from memberdesk.services.analytics.recommend_read import member_suggestions
from memberdesk.services.analytics.recommend_refresh import member_due, refresh_recommendations
from memberdesk.services.analytics.refresh import refresh_member_scores
from memberdesk.services.shared import pacing
from memberdesk.services.shared.tables import table
from tests.checkout_support.kit import World, add_member

from .conftest import ShopClock

WINDOW = 30
CODES = ("CHIPS", "COLA", "BEER", "CIG", "WASH")

Row = tuple[int, int, int, int, int, date]


def _d(v: Any) -> date:
    return v if isinstance(v, date) else date.fromisoformat(str(v))


def _stored(w: World) -> set[Row]:
    with w.db.reader() as r:
        rows = r.session.connection().exec_driver_sql(
            "SELECT member_id, rank, product_id, days_bought, gap_x2, last_day "
            "FROM member_recommendations").all()
    return {(int(m), int(k), int(p), int(n), int(g), _d(last)) for m, k, p, n, g, last in rows}


def _full(w: World, day: date) -> set[Row]:
    """The rows a full refresh writes as of ``day`` (computed, nothing written)."""
    with w.db.reader() as r:
        due = member_due(r.session, day, WINDOW)
    return {(m, rank, p.product_id, p.days_bought, int(p.gap * 2), p.last_day)
            for m, ps in due.items() for rank, p in enumerate(ps, start=1)}


def _pairs(w: World) -> set[tuple[int, int, int, int, int]]:
    with w.db.reader() as r:
        rows = r.session.connection().exec_driver_sql(
            "SELECT product_id, rank, other_id, together, lift_permille FROM product_pairs")
        return {tuple(int(v) for v in row) for row in rows}  # type: ignore[misc]


def _pairs_counted(w: World, day: date) -> set[tuple[int, int, int, int, int]]:
    with w.db.reader() as r:
        pairs = product_pairs(r.session, day, WINDOW)
    return {(pid, rank, p.other_id, p.together, p.lift_permille)
            for pid, ps in pairs.items() for rank, p in enumerate(ps, start=1)}


def _kept_counts_are_a_full_count(w: World, day: date) -> None:
    """Every kept pair count (support 1 and 2 too) and the window's baskets."""
    with w.db.reader() as r:
        conn = r.session.connection()
        full = count_pairs(conn, day, WINDOW)
        kept = {(int(a), int(b)): int(n) for a, b, n in conn.exec_driver_sql(
            "SELECT product_a, product_b, together FROM product_pair_counts")}
        st = recommend_pairs.read_state(conn)
    want = {**{k: n for k, n in full.together.items() if n},
            **{(p, p): n for p, n in full.holding.items() if n}}
    assert st is not None and st.as_of == day
    assert (kept, st.baskets) == (want, full.baskets), day


def _shown_all(w: World, rows: set[Row]) -> None:
    """Right after a refresh the counter shows every row (none hidden as bought since)."""
    by_member: dict[int, list[tuple[int, int]]] = {}
    for m, rank, p, *_ in rows:
        by_member.setdefault(m, []).append((rank, p))
    with w.db.reader() as r:
        for m, ranked in by_member.items():
            got = [s.product_id for s in member_suggestions(r.session, m)]
            assert got == [p for _, p in sorted(ranked)], m


def _a_day(w: World, rng: random.Random, buyers: list[str], sold: list[str]) -> None:
    """Each buyer comes with a chance of 1 in 3 (so gaps vary: due now and then), and
    two or three walk-ins."""
    shoppers: list[str | None] = [b for b in buyers if rng.random() < 0.35]
    for member in shoppers + [None] * rng.randrange(2, 4):
        codes = rng.sample(CODES, rng.randrange(1, 4))
        res = w.sell([(c, 1) for c in codes], [(TenderKind.CASH, "200")], member=member)
        sold.append(res.sale_no)
    if sold and rng.random() < 0.5:  # a refund of an earlier sale: whole, or its first line
        sale_no = sold.pop(rng.randrange(len(sold)))
        w.refund(sale_no, lines=None if rng.random() < 0.5 else ((1, 1),))


def test_the_daily_refresh_equals_a_full_one(
        world: World, shop_clock: ShopClock, monkeypatch: pytest.MonkeyPatch) -> None:
    w = world
    monkeypatch.setattr(pacing, "PAUSE_S", 0.0)
    monkeypatch.setattr(recommend_state, "GAP_SPAN", 3)  # few sales taken again
    w.set_settings(analytics__window_days=WINDOW)
    rng = random.Random(20261204)
    buyers = ["alice", "bob", "carol"]
    for n in range(5):
        w.members[f"n{n}"] = add_member(w.db, f"1366{500 + n:07d}", f"新会员{n}", w.tiers["normal"])
        buyers.append(f"n{n}")
    sold: list[str] = []
    for _ in range(25):  # a history, so products become regular
        shop_clock.advance(1)
        _a_day(w, rng, buyers, sold)
    worked: list[int] = []
    pair_sales: list[int] = []
    due_days = pair_days = 0
    steps = (0, 1, 1, 2, 1, 5, 1, 3, 1, 1, 9, 1, 1, 40, *(1,) * 16, 2, 1, 3, 1)
    for n, step in enumerate(steps):
        shop_clock.advance(step)
        if rng.random() < 0.7:  # some days nobody of them buys: only time moves on
            _a_day(w, rng, buyers, sold)
        day = shop_clock.day
        if n in (3, 7):  # stopped after a batch: the next refresh takes the rest
            res = refresh_recommendations(w.db, batch=2, step=lambda done, total: False)
            assert res.cancelled and res.full == (n == 0)
        res = refresh_recommendations(w.db, batch=2)
        assert res.as_of == day and not res.cancelled
        assert res.full == (n == 0), n
        if n:
            worked.append(res.worked)
        rows = _stored(w)
        assert rows == _full(w, day), (n, day)
        due_days += bool(rows)
        assert res.members == len({r[0] for r in rows}) and res.pairs == len(_pairs(w))
        _shown_all(w, rows)
        assert _pairs(w) == _pairs_counted(w, day), (n, day)
        _kept_counts_are_a_full_count(w, day)
        pair_days += bool(_pairs(w))
        assert res.pairs_full == (n == 0 or step > WINDOW), n  # else: the day's change
        if n and not res.pairs_full:
            pair_sales.append(res.pairs_sales)
    assert due_days >= len(steps) - 10 and _stored(w), due_days  # members were due
    assert min(worked) < len(w.members), worked  # not everyone, every day
    assert pair_days >= len(steps) - 10, pair_days  # pairs were kept
    assert max(pair_sales) < len(sold) and min(pair_sales) < 10, pair_sales

    # a sale committed below the watermark: taken again by the next refresh
    rows = sorted(_stored(w))
    member, _, product, *_ = rows[0]  # a due product, bought today: no longer due
    with w.db.reader() as r:
        conn = r.session.connection()
        mark = recommend_state.read_state(conn)
        assert mark is not None
        sale = dict(conn.execute(select(table(Sale)).where(
            table(Sale).c.id == mark.sale_mark)).one()._mapping)
        line = dict(conn.execute(select(table(SaleLine)).where(
            table(SaleLine).c.sale_id == mark.sale_mark)).first()._mapping)  # type: ignore[union-attr]

    def late(sale_id: int, no: str, member_id: int) -> None:
        with w.db.uow() as uow:
            conn = uow.session.connection()
            conn.execute(insert(table(Sale)), [{
                **sale, "id": sale_id, "sale_no": no, "client_id": no, "payload_hash": no * 16,
                "member_id": member_id, "business_date": shop_clock.day}])
            conn.execute(insert(table(SaleLine)), [{
                **{k: v for k, v in line.items() if k != "id"}, "sale_id": sale_id,
                "product_id": product, "qty": 1, "refunded_qty": 0}])
            uow.commit()

    late(mark.sale_mark + 2, "LAT2", w.members["bob"])
    refresh_recommendations(w.db)  # the mark moves past mark + 1, not there yet
    late(mark.sale_mark + 1, "LAT1", member)
    res = refresh_recommendations(w.db)
    assert not res.full and not res.pairs_full
    rows_now = _stored(w)
    assert rows_now == _full(w, shop_clock.day)
    assert _pairs(w) == _pairs_counted(w, shop_clock.day)
    _kept_counts_are_a_full_count(w, shop_clock.day)
    assert (member, 1, product) not in {r[:3] for r in rows_now}

    # a full refresh over the kept rows: not one changes
    pairs_now = _pairs(w)
    res = refresh_recommendations(w.db, full=True)
    assert res.full and res.pairs_full and _stored(w) == rows_now and _pairs(w) == pairs_now
    # by hand: incremental, or in full with --rebuild
    assert not refresh_member_scores(w.db, w.manager).recommend.full
    assert refresh_member_scores(w.db, w.manager, rebuild=True).recommend.full
    assert _stored(w) == rows_now


def test_pair_counts_stopped_half_way_are_counted_in_full_again(
        world: World, shop_clock: ShopClock, monkeypatch: pytest.MonkeyPatch) -> None:
    """A full count, or a day's change, killed between its writes (the kept counts
    half written) leaves the state saying "count in full": the next refresh does, and
    equals a full count."""
    w = world
    w.set_settings(analytics__window_days=WINDOW)
    rng = random.Random(7)
    sold: list[str] = []
    for _ in range(12):
        shop_clock.advance(1)
        _a_day(w, rng, ["alice", "bob", "carol"], sold)
    monkeypatch.setattr(recommend_pairs, "WRITE_ROWS", 3)

    def killed_at(nth: int) -> Callable[[float], None]:
        """time.sleep, killing the refresh in the pause before its ``nth`` write
        (the Pacer waits out the pause before each write, the first too)."""
        calls = [0]

        def sleep(seconds: float) -> None:
            calls[0] += 1
            if calls[0] == nth:
                raise KeyboardInterrupt

        return sleep

    # the full count: "count in full" saved and the old counts gone, one batch in
    monkeypatch.setattr(pacing.time, "sleep", killed_at(3))
    with pytest.raises(KeyboardInterrupt):
        refresh_recommendations(w.db)
    with w.db.reader() as r:
        conn = r.session.connection()
        st = recommend_pairs.read_state(conn)
        kept = conn.exec_driver_sql("SELECT COUNT(*) FROM product_pair_counts").scalar()
    assert st is not None and st.as_of is None and kept == 3  # one batch written
    monkeypatch.undo()
    monkeypatch.setattr(pacing, "PAUSE_S", 0.0)
    shop_clock.advance(1)
    _a_day(w, rng, ["alice", "bob", "carol"], sold)
    res = refresh_recommendations(w.db)
    assert res.pairs_full
    _kept_counts_are_a_full_count(w, shop_clock.day)
    assert _pairs(w) == _pairs_counted(w, shop_clock.day) != set()
    shop_clock.advance(1)
    _a_day(w, rng, ["alice", "bob", "carol"], sold)
    assert not refresh_recommendations(w.db).pairs_full
    _kept_counts_are_a_full_count(w, shop_clock.day)
    assert _pairs(w) == _pairs_counted(w, shop_clock.day)
    # the day's change written 3 rows a transaction, killed after the first
    shop_clock.advance(1)
    _a_day(w, rng, ["alice", "bob", "carol"], sold)
    monkeypatch.setattr(recommend_pairs, "WRITE_ROWS", 3)
    monkeypatch.setattr(pacing.time, "sleep", killed_at(2))
    with pytest.raises(KeyboardInterrupt):
        refresh_recommendations(w.db)
    monkeypatch.undo()
    monkeypatch.setattr(pacing, "PAUSE_S", 0.0)
    with w.db.reader() as r:
        st = recommend_pairs.read_state(r.session.connection())
    assert st is not None and st.as_of is None
    res = refresh_recommendations(w.db)
    assert res.pairs_full
    _kept_counts_are_a_full_count(w, shop_clock.day)
    assert _pairs(w) == _pairs_counted(w, shop_clock.day)
