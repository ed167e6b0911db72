"""The closed months' liabilities are summed in a read (a shop's first refresh sums
every ledger entry: in a write transaction that held the counter's lock throughout)
and kept in one short write, once, even when two refreshes read them at once."""

from __future__ import annotations

from datetime import timedelta

from memberdesk.services.analytics.months import closed_months, month_sums, save_months
from tests.checkout_support.kit import World

from .conftest import DAY, ShopClock


def _kept(w: World) -> list[tuple[str, str, int]]:
    with w.db.reader() as r:
        return [(str(k), str(m), int(a)) for k, m, a in r.session.connection().exec_driver_sql(
            "SELECT kind, month, amount FROM liability_months ORDER BY kind, month")]


def test_closed_months_are_read_beside_a_writer_and_kept_once(
        history: World, shop_clock: ShopClock) -> None:
    w = history
    shop_clock.day = DAY + timedelta(days=120)
    with w.db.uow() as writer:  # a checkout holding the write lock meanwhile
        writer.session.connection()
        with w.db.reader() as r:
            plan = closed_months(r.session, shop_clock.day)
            other = closed_months(r.session, shop_clock.day)  # a second refresh's read
        writer.commit()
    assert plan is not None and plan.sums and plan == other
    with w.db.reader() as r:
        live = month_sums(r.session, shop_clock.day)
    assert live is None  # nothing kept yet: the figures are summed from the entries
    for p in (plan, other):
        with w.db.uow() as uow:
            save_months(uow.session, p)
            uow.commit()
    kept = _kept(w)
    assert [k for k in kept if k[0] != "c"] == sorted(
        (k, m, v) for (k, m), v in plan.sums.items())  # once, not twice
    with w.db.reader() as r:
        assert closed_months(r.session, shop_clock.day) is None  # nothing left to keep
        sums = month_sums(r.session, shop_clock.day)
    assert sums is not None
    assert {key: v for key, v in sums.items() if key in plan.sums} == plan.sums
