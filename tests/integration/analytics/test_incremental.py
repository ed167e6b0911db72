"""The incremental analytics refresh against a rebuild from scratch, on both engines.

A shop with a random history is brought forward day by day (some days several at
once) with random sales, refunds (whole and in part, of old sales too), recharges,
points and new members; after each refresh:

* every member's ``member_scores`` row, read as of the scores' date (a row's R and
  days since the last visit counted on from its own as_of), is what the refresh
  straight from the sales gives (:func:`refresh.compute` without the aggregates);
* every ``member_aggregates`` row is the per-member aggregate over all the sales;
* the kept 分析 figures (segments, grades, stages, the churn list, the liabilities from
  the kept months and the open one) are a fresh build's, and the liabilities those
  summed over every entry.

The window is 30 days, so sales leave it during the run; the BG/NBD parameters are
fitted on the first day and kept for the next six (both sides use the same). At the end the aggregates
are thrown away and rebuilt: nothing in ``member_scores`` changes. A sale committed
with an id below the watermark (a PostgreSQL transaction still open when the fold
ran) is folded by the next refresh.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import insert, select

from memberdesk.domain.analytics import window_start
from memberdesk.models import Member, Refund, Sale
from memberdesk.models.enums import TenderKind
from memberdesk.money import Money
from memberdesk.services.analytics import aggregates
from memberdesk.services.analytics.aggregates import agg_row, last_model, per_member_sql
from memberdesk.services.analytics.refresh import compute, member_page, refresh_scores
from memberdesk.services.analytics.report import build_report
from memberdesk.services.analytics.rows import FIGURES
from memberdesk.services.analytics.snapshot import load
from memberdesk.services.shared import clock, pacing
from memberdesk.services.shared.tables import table
from tests.checkout_support.kit import World, add_member

from .conftest import DAY, ShopClock

WINDOW = 30
PRICES = {"BEER": 600, "CHIPS": 880, "WASH": 3000}
_DRIFT = tuple(FIGURES.index(c) for c in ("r_days", "churn_days_since"))


def _history(w: World, clock_: ShopClock, start: date, rng: random.Random) -> None:
    """40 members with sales over the 400 days before ``start`` (ids from the tables'
    own sequences), some refunded by ``start``."""
    sold = w.sell([("BEER", 1)], [(TenderKind.CASH, "6.00")], member="alice").sale_no
    with w.db.reader() as r:
        conn = r.session.connection()
        sale = dict(conn.execute(select(table(Sale)).where(
            table(Sale).c.sale_no == sold)).one()._mapping)
    refund = w.refund(sold)
    with w.db.reader() as r:
        conn = r.session.connection()
        ref = dict(conn.execute(select(table(Refund)).where(
            table(Refund).c.refund_no == refund.refund_no)).one()._mapping)
    sales, backs = [], []
    for i in range(40):
        clock_.day = start - timedelta(days=rng.choice((420, 200, 10)))
        key = f"h{i}"
        w.members[key] = add_member(w.db, f"1377{100_000 + i:07d}", f"老会员{i}",
                                    w.tiers["normal"])
        step = rng.randrange(2, 25)
        for j in range(rng.randrange(0, 15)):
            d = start - timedelta(days=rng.randrange(0, 60) + j * step)
            n = len(sales)
            sales.append({**{k: v for k, v in sale.items() if k != "id"},
                          "sale_no": f"H{n}", "client_id": f"h{n}",
                          "payload_hash": f"{n:064x}", "member_id": w.members[key],
                          "business_date": d, "payable": Money(rng.randrange(100, 9000))})
            if rng.random() < 0.15:
                backs.append((n, rng.random() < 0.5, d + timedelta(days=rng.randrange(0, 5))))
    with w.db.uow() as uow:
        conn = uow.session.connection()
        conn.execute(insert(table(Sale)), sales)
        ids = {str(no): int(i) for no, i in conn.execute(
            select(table(Sale).c.sale_no, table(Sale).c.id).where(
                table(Sale).c.sale_no.like("H%")))}
        rows = []
        for n, whole, on in backs:
            s = sales[n]
            amount = s["payable"] if whole else Money(s["payable"].fen // 3)
            rows.append({**{k: v for k, v in ref.items() if k != "id"},
                         "refund_no": f"R{n}", "client_id": f"r{n}",
                         "sale_id": ids[f"H{n}"], "member_id": s["member_id"],
                         "amount": amount, "business_date": min(on, start)})
        conn.execute(insert(table(Refund)), rows)
        uow.commit()
    clock_.day = start


def _a_day(w: World, clock_: ShopClock, rng: random.Random, sold: list[str]) -> None:
    keys = list(w.members)
    for _ in range(rng.randrange(2, 7)):
        code = rng.choice(list(PRICES))
        qty = rng.randrange(1, 3)
        res = w.sell([(code, qty)], [(TenderKind.CASH, Money(PRICES[code] * qty).yuan())],
                     member=rng.choice(keys))
        sold.append(res.sale_no)
    if sold and rng.random() < 0.6:  # a refund of any earlier sale not refunded yet
        sale_no = sold.pop(rng.randrange(len(sold)))
        w.refund(sale_no, lines=None if rng.random() < 0.5 else ((1, 1),))
    if rng.random() < 0.4:
        w.recharge(rng.choice(keys), "100.00")
    if rng.random() < 0.3:
        w.give_points(rng.choice(keys), rng.randrange(10, 500))
    if rng.random() < 0.3:
        n = len(w.members)
        w.members[f"n{n}"] = add_member(w.db, f"1366{n:07d}", f"新会员{n}", w.tiers["normal"])


def _stored(w: World) -> dict[int, tuple[Any, ...]]:
    """Every member_scores row's figures as of the scores' date."""
    with w.db.reader() as r:
        day = aggregates.scores_date(r.session)
        assert day is not None
        rows = r.session.connection().exec_driver_sql(
            f"SELECT member_id, as_of, {', '.join(FIGURES)} FROM member_scores").all()
    out = {}
    for mid, on, *figs in rows:
        later = (day - (on if isinstance(on, date) else date.fromisoformat(on))).days
        for i in _DRIFT:
            if figs[i] is not None:
                figs[i] += later
        out[int(mid)] = tuple(figs)
    return out


def _from_sales(w: World, day: date) -> dict[int, tuple[Any, ...]]:
    """The rows a refresh straight from the sales gives as of ``day``."""
    c = compute(w.db, day, model=last_model(w.db, day))  # the parameters the refresh used
    with w.db.reader() as r:
        page = member_page(r.session, 0, 1_000_000)
    return {int(v[0]): tuple(v[2:-1])
            for v in c.values(page, clock.now(), w.db.engine.dialect.name)}


def _aggregates(w: World, day: date) -> tuple[list[Any], list[Any]]:
    """(kept aggregate rows, the same aggregate over every sale)."""
    with w.db.reader() as r:
        conn = r.session.connection()
        kept = [agg_row(*row) for row in conn.exec_driver_sql(
            "SELECT member_id, m, f, last_day, visit_days FROM member_aggregates "
            "ORDER BY member_id")]
        full = [agg_row(*row) for row in conn.execute(
            per_member_sql(conn.dialect.name, False),
            {"as_of": day, "first": window_start(day, WINDOW)})]
    return kept, full


def test_the_incremental_refresh_equals_a_rebuild(
        world: World, shop_clock: ShopClock, monkeypatch: pytest.MonkeyPatch) -> None:
    w = world
    monkeypatch.setattr(pacing, "PAUSE_S", 0.0)
    monkeypatch.setattr(aggregates, "FOLD_MEMBERS", 7)  # several fold batches a day
    monkeypatch.setattr(aggregates, "REBUILD_MEMBERS", 11)
    rng = random.Random(20261204)
    w.set_settings(analytics__window_days=WINDOW)
    start = DAY + timedelta(days=400)
    _history(w, shop_clock, start, rng)
    sold: list[str] = []
    folded = []
    fits: list[bool] = []  # whether the day's refresh fitted the model (else: kept)
    steps = (0, 1, 1, 2, 1, 5, 1, 3, 1, 1, 40, 1, 1)
    for n, step in enumerate(steps):
        shop_clock.day += timedelta(days=step)
        _a_day(w, shop_clock, rng, sold)
        day = shop_clock.day
        res = refresh_scores(w.db, batch=13)
        assert res.as_of == day and res.folded is not None
        assert res.rebuilt == (n == 0), n  # after the first: folded, not rebuilt
        if n:
            folded.append(res.folded)
        with w.db.reader() as r:
            fits.append(r.session.connection().exec_driver_sql(
                "SELECT model_on FROM analytics_state").scalar() in (day, day.isoformat()))
        kept, full = _aggregates(w, day)
        assert kept == full, day
        assert _stored(w) == _from_sales(w, day), day
        with w.db.reader() as r:
            snap = load(r.session, day)
            fresh = build_report(r.session, day)
            with monkeypatch.context() as m:  # every entry summed, no month kept
                m.setattr("memberdesk.services.analytics.report.month_sums",
                          lambda s, d: None)
                summed = build_report(r.session, day)
        assert snap is not None
        assert replace(snap, generated_at=fresh.generated_at) == fresh
        assert fresh.liabilities == summed.liabilities
        assert any(x.points for x in fresh.liabilities)
    with w.db.reader() as r:
        members_with_sales = len(list(r.session.scalars(
            select(Sale.member_id).where(Sale.member_id.is_not(None)).distinct())))
        kept_months = r.session.connection().exec_driver_sql(
            "SELECT COUNT(*) FROM liability_months").scalar()
    assert kept_months and int(kept_months) > 2  # closed months were kept
    # fitted on the first day, kept for the next six, fitted again after
    assert fits[:4] == [True, False, False, False] and fits.count(True) >= 3, fits
    # a day's fold works out the members touched, not everyone
    assert min(folded) < members_with_sales / 2, (folded, members_with_sales)

    # a sale committed below the watermark (its transaction was open during the fold)
    with w.db.reader() as r:
        st = aggregates.read_state(r.session)
        assert st is not None
        sale = dict(r.session.connection().execute(select(table(Sale)).where(
            table(Sale).c.id == st.sale_mark)).one()._mapping)
    late = {**sale, "id": st.sale_mark + 2, "sale_no": "LATE1", "client_id": "late1",
            "payload_hash": "f" * 64, "member_id": w.members["carol"],
            "business_date": shop_clock.day, "payable": Money(5000)}
    early = {**late, "id": st.sale_mark + 1, "sale_no": "LATE0", "client_id": "late0",
             "payload_hash": "e" * 64, "member_id": w.members["bob"]}
    with w.db.uow() as uow:
        uow.session.connection().execute(insert(table(Sale)), [late])
        uow.commit()
    refresh_scores(w.db)  # folds LATE1; id mark + 1 is noted as missing
    with w.db.uow() as uow:
        uow.session.connection().execute(insert(table(Sale)), [early])
        uow.commit()
    res = refresh_scores(w.db)
    assert res.folded is not None and not res.rebuilt
    kept, full = _aggregates(w, shop_clock.day)
    assert kept == full
    assert _stored(w) == _from_sales(w, shop_clock.day)

    # thrown away and rebuilt from the sales: not one score row changes
    before = _stored(w)
    aggregates.forget(w.db)
    res = refresh_scores(w.db)
    assert res.rebuilt and res.changed == 0
    assert _stored(w) == before
    with w.db.reader() as r:
        assert r.session.scalar(select(Member.id).limit(1)) is not None
