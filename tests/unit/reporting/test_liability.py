"""Stored-value liability: the ledger as of today agrees with the cached balances and
with the members' statements; a past date is summed from the ledger."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from memberdesk.models import Member
from memberdesk.money import Money
from memberdesk.services.reporting.liability import liability_document, liability_report
from memberdesk.services.reporting.statement import member_statement
from memberdesk.services.shared.errors import PermissionDenied, ValidationError
from tests.checkout_support.kit import World
from tests.unit.reporting.busy import business_today, busy_day, three_days


def test_today_from_ledger_equals_cached_and_statements(world: World) -> None:
    w = world
    busy_day(w)
    w.recharge("carol", "80")
    now = liability_report(w.db, w.manager)
    today = liability_report(w.db, w.manager, business_today(w))
    assert now.as_of is None and today.as_of == business_today(w)
    assert now.rows == today.rows
    assert (now.principal, now.bonus) == (today.principal, today.bonus)
    with w.db.reader() as r:
        p, b = r.session.execute(select(func.sum(Member.sv_principal),
                                        func.sum(Member.sv_bonus))).one()
        holders = r.session.scalar(select(func.count()).select_from(Member).where(
            Member.sv_principal + Member.sv_bonus > Money(0)))
    assert (now.principal, now.bonus) == (p, b) and len(now.rows) == holders == 3
    totals = [r.total for r in now.rows]
    assert totals == sorted(totals, reverse=True)
    for key in ("alice", "bob", "carol"):
        principal, bonus, _ = w.balances(key)
        row = next(r for r in now.rows if r.member_no == w.member(key).member_no)
        assert (row.principal, row.bonus) == (principal, bonus)
    closings = Money(0)
    for row in now.rows:
        with member_statement(w.db, w.owner, row.member_no) as st:
            assert st.sv_close == row.total
            closings = closings + st.sv_close
    assert closings == now.total
    doc = liability_document(now, "测试便利店", now.generated_at)
    table = doc.tables[0]
    assert table.totals is not None and table.totals[5] == now.total
    assert len(list(table.rows())) == 3


def test_past_dates_from_the_ledger(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    w = world
    after = three_days(w, monkeypatch)
    today = business_today(w)
    for days in (-2, -1, 0):
        rep = liability_report(w.db, w.owner, today + timedelta(days=days))
        assert [r.total for r in rep.rows] == [after[days]]
        assert rep.rows[0].last_movement is not None
        assert rep.rows[0].last_movement.date() == today + timedelta(days=days)
    empty = liability_report(w.db, w.owner, today - timedelta(days=3))
    assert empty.rows == () and empty.total == Money(0)
    doc = liability_document(empty, "店", empty.generated_at)
    assert doc.tables[0].totals is None  # the PDF prints （无数据）


def test_refusals(world: World) -> None:
    w = world
    with pytest.raises(PermissionDenied):
        liability_report(w.db, w.cashier)
    with pytest.raises(ValidationError) as err:
        liability_report(w.db, w.owner, business_today(w) + timedelta(days=1))
    assert err.value.code == "date_in_future"
