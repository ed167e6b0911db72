"""The member statement: running balances equal the ledger's own balance-after
columns, opening and closing balances frame a date range, rows stream."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from memberdesk.models import PointsEntry, StoredValueEntry
from memberdesk.models.enums import PointsKind, StoredValueKind
from memberdesk.money import Money
from memberdesk.services.reporting.statement import member_statement, statement_document
from memberdesk.services.shared.errors import NotFoundError, PermissionDenied, ValidationError
from tests.checkout_support.kit import World
from tests.unit.reporting.busy import business_today, three_days


def test_running_balances_are_the_ledgers(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    w = world
    after = three_days(w, monkeypatch)
    w.give_points("alice", 40)
    with member_statement(w.db, w.owner, "M000001") as st:
        sv_rows = list(st.sv_rows())
        pts_rows = list(st.points_rows())
    sv, pe = StoredValueEntry, PointsEntry
    with w.db.reader() as r:
        ledger = r.session.execute(
            select(sv.kind, sv.principal_delta, sv.bonus_delta, sv.principal_after, sv.bonus_after)
            .where(sv.member_id == w.members["alice"]).order_by(sv.id)).all()
        points = r.session.scalars(select(pe.balance_after).where(
            pe.member_id == w.members["alice"]).order_by(pe.id)).all()
    assert [(x.kind, x.principal, x.bonus, x.principal_after, x.bonus_after)
            for x in sv_rows] == [tuple(e) for e in ledger]
    assert [x.balance_after for x in pts_rows] == points
    assert {x.kind for x in pts_rows} >= {PointsKind.EARN, PointsKind.EARN_REVERSAL,
                                         PointsKind.OPENING}
    refs = [x.reference.removeprefix("MAIN-") for x in sv_rows]  # the store, on a server
    assert sv_rows[0].kind is StoredValueKind.RECHARGE and refs[0].startswith("C")
    assert any(x.kind is StoredValueKind.SALE_REFUND and ref.startswith("R")
               for x, ref in zip(sv_rows, refs, strict=True))
    principal, bonus, pts = w.balances("alice")
    assert (st.sv_open, st.points_open) == (Money(0), 0)
    assert (st.sv_close_principal, st.sv_close_bonus) == (principal, bonus)
    assert st.sv_close == after[0] and st.points_close == pts
    assert (st.sv_count, st.points_count) == (len(ledger), len(points))
    assert st.name == "张三" and st.phone == "13800000001"  # the owner may unmask
    with pytest.raises(RuntimeError):
        st.sv_rows()  # the unit of work has closed


def test_a_range_has_opening_and_closing(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    w = world
    after = three_days(w, monkeypatch)
    today = business_today(w)
    yesterday = today - timedelta(days=1)
    with member_statement(w.db, w.manager, "M000001", yesterday, yesterday) as st:
        rows = list(st.sv_rows())
        doc = statement_document(st, "测试便利店", st.generated_at)
        assert st.sv_open == after[-2] and st.sv_close == after[-1]
        assert [r.kind for r in rows] == [StoredValueKind.SPEND, StoredValueKind.SALE_REFUND]
        assert all(r.at.date() == yesterday for r in rows)
        assert rows[-1].principal_after + rows[-1].bonus_after == after[-1]
        sv_table = doc.tables[0]
        assert sv_table.totals is not None and sv_table.totals[7] == after[-1]
        assert len(list(sv_table.rows())) == 2
        assert doc.period == yesterday.isoformat()
    with member_statement(w.db, w.manager, "M000001", today - timedelta(days=30),
                          today - timedelta(days=10)) as st:
        assert st.sv_count == 0 and list(st.sv_rows()) == []
        assert "无数据" in statement_document(st, "店", st.generated_at).note
    with member_statement(w.db, w.manager, "M000001", start=today) as st:
        assert st.sv_open == after[-1] and st.sv_close == after[0]


def test_refusals(world: World) -> None:
    w = world
    today = business_today(w)
    with pytest.raises(PermissionDenied), member_statement(w.db, w.cashier, "M000001"):
        pass
    with pytest.raises(NotFoundError), member_statement(w.db, w.owner, "M404"):
        pass
    with pytest.raises(ValidationError) as err, member_statement(
            w.db, w.owner, "M000001", today, today - timedelta(days=1)):
        pass
    assert err.value.code == "reversed_range"
