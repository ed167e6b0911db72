"""The refresh at scale computes over arrays (the churn rule and the quintiles,
domain/analytics_arrays) and fits BG/NBD on members grouped by (x, t_x, T): its
member_scores rows must equal, member for member, what the definitions of
domain/analytics give one member at a time, and its P(alive) and expected purchases
what the model fitted to the members one by one gives (to 1e-6), on a few hundred
members with random histories (sales and refunds inserted as rows: the shop's ledgers
are not what is tested here)."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

import numpy as np
import pytest
from sqlalchemy import insert, select

from memberdesk.domain import bgnbd
from memberdesk.domain.analytics import (
    SaleFact,
    churn_warning,
    grade,
    lifecycle,
    rfm_of,
    rfm_scores,
    score_means,
    segment,
)
from memberdesk.models import Member, MemberScore, Refund, Sale
from memberdesk.models.enums import TenderKind
from memberdesk.money import Money
from memberdesk.services.analytics import model_fit, refresh as analytics_refresh
from memberdesk.services.analytics.aggregates import scores_date
from memberdesk.services.analytics.model_fit import PREDICT_DAYS
from memberdesk.services.analytics.refresh import refresh_scores
from memberdesk.services.analytics.rows import kept_figures, unchanged
from memberdesk.services.shared import pacing
from memberdesk.services.shared.clock import now as clock_now
from memberdesk.services.shared.tables import connection, table
from tests.checkout_support.kit import World, add_member

from .conftest import DAY, ShopClock

MEMBERS = 300


def _clone(w: World, model: type[Any], number: str) -> dict[str, Any]:
    """A row of ``model`` (sales or refunds) by its number, as a dict to copy."""
    t = table(model)
    col = t.c.sale_no if model is Sale else t.c.refund_no
    with w.db.reader() as r:
        row = r.session.connection().execute(select(t).where(col == number)).one()
    return dict(row._mapping)


def _random_history(w: World, clock: ShopClock, as_of: date) -> list[SaleFact]:
    """MEMBERS members, most with sales over two years (some steady, some stopped, some
    refunded); the facts the pure definitions read."""
    rng = random.Random(20261203)
    sold = w.sell([("BEER", 1)], [(TenderKind.CASH, "6.00")], member="alice").sale_no
    sale = _clone(w, Sale, sold)
    refund = _clone(w, Refund, w.refund(sold).refund_no)
    sales, refunds, facts = [], [], []
    sale_id, refund_id = 10_000, 10_000
    for i in range(MEMBERS):
        # most registered long ago, some within the last 60 days (new or not)
        clock.day = as_of - timedelta(days=rng.randrange(0, 60) if i % 5 == 0 else 700)
        mid = add_member(w.db, f"1379{500_000 + i:07d}", f"会员{i}", w.tiers["normal"])
        style = rng.random()
        if style < 0.15:
            continue  # never bought
        k = 1 if style < 0.35 else rng.randrange(2, 30)
        step = rng.randrange(3, 40)
        stop = rng.randrange(0, 300)
        days = sorted({as_of - timedelta(days=stop + (j * step if style < 0.7
                                                       else rng.randrange(0, 700)))
                       for j in range(k)})
        for d in days:
            sale_id += 1
            payable = rng.randrange(100, 50_000)
            sales.append({**sale, "id": sale_id, "sale_no": f"T{sale_id}",
                          "client_id": f"t{sale_id}", "payload_hash": f"{sale_id:064x}",
                          "member_id": mid, "business_date": d, "payable": Money(payable)})
            back = 0
            if rng.random() < 0.1:  # refunded, whole or in part, maybe after as_of
                refund_id += 1
                back = payable if rng.random() < 0.5 else rng.randrange(1, payable)
                on = d + timedelta(days=rng.randrange(0, 20))
                refunds.append({**refund, "id": refund_id, "refund_no": f"U{refund_id}",
                                "client_id": f"u{refund_id}", "sale_id": sale_id,
                                "member_id": mid, "amount": Money(back), "business_date": on})
                back = back if on <= as_of else 0
            facts.append(SaleFact(mid, d, payable, back))
    with w.db.uow() as uow:
        conn = uow.session.connection()
        conn.execute(insert(table(Sale)), sales)
        conn.execute(insert(table(Refund)), refunds)
        uow.commit()
    clock.day = as_of
    return facts


@pytest.mark.parametrize("earlier", [None, 5])
def test_the_refresh_equals_the_member_by_member_definitions(
        world: World, shop_clock: ShopClock, monkeypatch: pytest.MonkeyPatch,
        earlier: int | None) -> None:
    """``earlier``: the rows were refreshed that many days before, so this refresh
    leaves the rows whose figures only aged (R counted on) and rewrites the others."""
    w = world
    monkeypatch.setattr(pacing, "PAUSE_S", 0.0)
    monkeypatch.setattr(model_fit, "MODEL_DAYS", 0)  # fitted at each refresh
    shop_clock.day = DAY + timedelta(days=700)
    as_of = shop_clock.day
    facts = _random_history(w, shop_clock, as_of)
    # the kit's own sales (alice's beer and its refund) are facts too
    with w.db.reader() as r:
        s = r.session
        for sale in s.scalars(select(Sale).where(Sale.member_id.is_not(None), Sale.id < 10_000)):
            back = sum(x.amount.fen for x in s.scalars(select(Refund).where(
                Refund.sale_id == sale.id, Refund.business_date <= as_of)))
            assert sale.member_id is not None
            facts.append(SaleFact(sale.member_id, sale.business_date, sale.payable.fen, back))
    if earlier is not None:
        refresh_scores(w.db, as_of - timedelta(days=earlier), batch=37)
    result = refresh_scores(w.db, batch=37)
    assert result.model is not None and result.as_of == as_of

    rfm = rfm_of(facts, as_of)
    scores = rfm_scores(rfm.values())
    means = score_means(scores.values())
    visits: dict[int, list[date]] = {}
    for f in facts:
        if f.net_fen > 0 and f.business_date <= as_of:
            visits.setdefault(f.member_id, []).append(f.business_date)
    days = {m: sorted(set(v)) for m, v in visits.items()}
    with w.db.reader() as r:
        rows = {row.member_id: row for row in r.session.scalars(select(MemberScore))}
        registered = {m: c for m, c in r.session.execute(select(Member.id, Member.created_at))}
        assert len(rows) == MEMBERS + 3
        # a row keeps the date its figures last changed; R and the days since the last
        # visit are counted on from it to the scores' date
        assert scores_date(r.session) == as_of
        assert all(row.as_of <= as_of for row in rows.values())
        if earlier is not None:
            assert any(row.as_of < as_of for row in rows.values())  # not written again
        warned = 0
        for mid, row in rows.items():
            x = rfm.get(mid)
            sc = scores.get(mid)
            w_ = churn_warning(days.get(mid, []), as_of)
            warned += w_ is not None
            on = (registered[mid] + timedelta(hours=8)).date()
            later = (as_of - row.as_of).days
            r_days = None if row.r_days is None else row.r_days + later
            since = None if row.churn_days_since is None else row.churn_days_since + later
            assert (r_days, row.f, row.m.fen) == (
                (x.r_days, x.f, x.m_fen) if x else (None, 0, 0)), mid
            assert (row.r_score, row.f_score, row.m_score) == (
                (sc.r, sc.f, sc.m) if sc else (None, None, None)), mid
            assert row.segment == (segment(sc, means).code if sc else None), mid
            assert row.grade == grade(sc).code, mid
            assert row.lifecycle == lifecycle(on, x.f if x else 0, x.r_days if x else None,
                                              as_of).code, mid
            assert (row.churn_kind, since, row.churn_gap_x2,
                    row.churn_recent, row.churn_before) == (
                (w_.kind, w_.days_since, int(w_.usual_gap * 2), w_.recent_visits,
                 w_.before_visits) if w_ else (None,) * 5), mid
        stages = {row.lifecycle for row in rows.values()}
        model = {m: (row.p_alive, row.expected_30d) for m, row in rows.items()}
    assert warned > 10 and len(scores) > 150
    assert {"new", "active", "dormant"} <= stages
    assert result.churn == warned and result.scored == len(scores)

    # BG/NBD fitted to the members one by one (days), not grouped
    ids = sorted(days)
    xs = np.array([len(days[m]) - 1 for m in ids], dtype=np.float64)
    tx = np.array([(days[m][-1] - days[m][0]).days for m in ids], dtype=np.float64)
    tt = np.array([(as_of - days[m][0]).days for m in ids], dtype=np.float64)
    assert len(np.unique(np.column_stack([xs, tx, tt]), axis=0)) < len(ids)  # some grouped
    p = bgnbd.fit(xs, tx, tt)
    for name in ("r", "alpha", "a", "b"):
        assert getattr(result.model, name) == pytest.approx(getattr(p, name), rel=1e-6)
    alive = bgnbd.p_alive(p, xs, tx, tt)
    expect = bgnbd.expected_purchases(p, PREDICT_DAYS, xs, tx, tt)
    for i, mid in enumerate(ids):
        # kept to the hundredth (rows.KEPT_DIGITS): written again when that changes
        assert model[mid][0] == pytest.approx(float(alive[i]), abs=0.0051)
        assert model[mid][1] == pytest.approx(float(expect[i]), abs=0.0051)
    assert all(model[m] == (None, None) for m in model if m not in days)


def test_a_row_whose_model_figures_alone_moved_keeps_its_date(
        world: World, shop_clock: ShopClock, monkeypatch: pytest.MonkeyPatch) -> None:
    """A refresh a week on fits the model again: P(alive) and the expected purchases
    move for most members; the rows whose other figures only aged have those two set
    in place and keep their date (no index touched), and every row, counted on to the
    scores' date, is what the refresh computes."""
    w = world
    monkeypatch.setattr(pacing, "PAUSE_S", 0.0)
    shop_clock.day = DAY + timedelta(days=700)
    as_of = shop_clock.day
    _random_history(w, shop_clock, as_of)
    week_ago = as_of - timedelta(days=model_fit.MODEL_DAYS)
    first = refresh_scores(w.db, week_ago, batch=37)
    with w.db.reader() as r:
        old = {row.member_id: (row.as_of, row.p_alive, row.expected_30d, row.refreshed_at)
               for row in r.session.scalars(select(MemberScore))}
    result = refresh_scores(w.db, batch=37)
    assert result.model is not None and result.model != first.model  # fitted again
    computed = analytics_refresh.compute(w.db, as_of, model=result.model)
    with w.db.reader() as r:
        conn = connection(r.session)
        kept = kept_figures(conn, 0, computed.last_member_id)
        page = analytics_refresh.member_page(r.session, 0, computed.last_member_id)
        new = {row.member_id: (row.as_of, row.p_alive, row.expected_30d, row.refreshed_at)
               for row in r.session.scalars(select(MemberScore))}
    rows = computed.values(page, clock_now(), w.db.engine.dialect.name)
    assert all(unchanged(kept[v[0]], v, as_of) for v in rows)  # what the refresh computes
    in_place = [m for m, row in new.items() if row[0] == week_ago and row[1:3] != old[m][1:3]]
    assert len(in_place) > 20  # the model's figures moved, the date kept
    assert any(row[0] == as_of for row in new.values())  # others written whole
