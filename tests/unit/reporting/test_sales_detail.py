"""Sales detail: every line as the receipt printed it, totals per payment method to the
fen, business dates decide the range, rows stream only while the report is open."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select, update

from memberdesk.domain.line_names import LEGACY_PLAIN_AMOUNT, PLAIN_AMOUNT
from memberdesk.models import SaleLine, Staff
from memberdesk.models.enums import TenderKind
from memberdesk.money import Money
from memberdesk.services.reporting.sales_detail import sales_detail, sales_detail_document
from memberdesk.services.shared.errors import PermissionDenied, ValidationError
from tests.checkout_support.kit import World
from tests.unit.reporting.busy import business_today, busy_day, three_days


def test_lines_as_the_receipts_printed_them(world: World) -> None:
    w = world
    b = busy_day(w)
    with sales_detail(w.db, w.owner, b.today, b.today) as rep:
        rows = list(rep.lines())
        doc = sales_detail_document(rep, "测试便利店", rep.generated_at)
        assert len(list(doc.tables[1].rows())) == len(rows)
    receipts = [(s.sale_no, ln) for s in b.sales for ln in s.receipt.lines]
    assert [(r.sale_no, r.name, r.qty, r.unit_price, r.discount, r.net) for r in rows] == [
        (no, ln.description, ln.qty, ln.unit_price, ln.discount, ln.net) for no, ln in receipts]
    assert rep.sales_count == 6 and rep.line_count == len(rows) == len(receipts)
    assert rep.net == Money(sum(s.payable.fen for s in b.sales))
    assert rep.gross - rep.discount == rep.net
    assert Money(sum(r.net.fen for r in rows)) == rep.net
    assert rep.qty == sum(r.qty for r in rows)
    by_kind = dict(rep.by_tender)
    assert by_kind[TenderKind.STORED_VALUE] == b.sales[0].payable + b.sales[3].payable
    assert by_kind[TenderKind.CASH] == b.sales[1].payable + b.sales[4].payable - Money(200)
    assert by_kind[TenderKind.POINTS] == Money(200)
    assert by_kind[TenderKind.WECHAT] == b.sales[2].payable
    assert by_kind[TenderKind.ALIPAY] == b.sales[5].payable
    assert Money(sum(m.fen for m in by_kind.values())) == rep.net
    assert (rep.refunds_count, rep.refunds_total) == (2, b.refunds[0].amount + b.refunds[1].amount)
    first = rows[0]
    assert first.member_no == w.member("alice").member_no and first.code == "COLA"
    assert first.cashier == "张收银" and first.business_date == b.today
    assert rows[-1].cashier == "李店长" and rows[-1].member_no == ""
    totals = doc.tables[1].totals
    assert totals is not None and totals[-1] == rep.net and totals[-2] == rep.discount
    with pytest.raises(RuntimeError):
        rep.lines()


def test_business_dates_decide(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    w = world
    three_days(w, monkeypatch)
    today = business_today(w)
    counts = []
    for days in (-2, -1, 0):
        day = today + timedelta(days=days)
        with sales_detail(w.db, w.manager, day, day) as rep:
            assert {r.business_date for r in rep.lines()} == {day}
            counts.append(rep.sales_count)
    with sales_detail(w.db, w.manager, today - timedelta(days=2), today) as rep:
        assert rep.sales_count == sum(counts) == 3
    with sales_detail(w.db, w.manager, today - timedelta(days=9), today - timedelta(days=3)) as rep:
        assert rep.sales_count == rep.line_count == 0 and list(rep.lines()) == []
        doc = sales_detail_document(rep, "店", rep.generated_at)
        assert doc.note.startswith("（无数据）") and all(t.totals is None for t in doc.tables)


def test_refusals(world: World) -> None:
    w = world
    today = business_today(w)
    with pytest.raises(PermissionDenied), sales_detail(w.db, w.cashier, today, today):
        pass
    with pytest.raises(ValidationError) as err, sales_detail(
            w.db, w.owner, today, today - timedelta(days=1)):
        pass
    assert err.value.code == "reversed_range"


def test_net_sales_line_takes_off_the_refunds(world: World) -> None:
    """Issue 9: sales before refunds are labelled so, and net sales are on their own line."""

    w = world
    sale = w.sell([("COLA", 2), ("CHIPS", 1)], [(TenderKind.CASH, "20")])
    back = w.refund(sale.sale_no, lines=((1, 1),))
    day = business_today(w)
    with sales_detail(w.db, w.owner, day, day) as rep:
        assert rep.net_sales == sale.payable - back.amount
        doc = dict(sales_detail_document(rep, "店", rep.generated_at).summary)
    assert "实收合计" not in doc and doc["销售额（退款前）"] == sale.payable
    assert doc["同期销售退款"] == back.amount
    assert doc["净销售额（销售额 - 同期退款）"] == sale.payable - back.amount


def _rows_through_the_column_types(w: World, start: date, end: date) -> list[tuple[object, ...]]:
    """The sales detail's lines read the way the report read them before issue 16: every
    value through SQLAlchemy's column types, then one row object per line. The report
    now reads the driver's plain values; both must give the same rows."""
    from memberdesk.domain.line_names import line_name
    from memberdesk.models import Member, Product, Sale, SaleLine
    from memberdesk.services.shared import clock

    with w.db.reader() as uow:
        s = uow.session
        names = {i: n for i, n in s.execute(select(Staff.id, Staff.display_name))}
        local = clock.local_offset(s)
        stmt = (select(Sale.business_date, Sale.sale_no, Sale.created_at, Sale.staff_id,
                       Member.member_no, SaleLine.product_id, Product.code,
                       SaleLine.description, SaleLine.qty, SaleLine.unit_price,
                       SaleLine.discount, SaleLine.net_amount)
                .select_from(Sale).join(SaleLine, SaleLine.sale_id == Sale.id)
                .outerjoin(Member, Member.id == Sale.member_id)
                .outerjoin(Product, Product.id == SaleLine.product_id)
                .where(Sale.business_date >= start, Sale.business_date <= end)
                .order_by(Sale.business_date, Sale.id, SaleLine.line_no))  # fmt: skip
        return [(bd, no, at.replace(tzinfo=None) + local, names.get(staff, ""), member or "",
                 code or "", line_name(pid, desc), q, price, disc, net)
                for bd, no, at, staff, member, pid, code, desc, q, price, disc, net
                in s.execute(stmt)]  # fmt: skip


def test_the_lines_are_what_the_column_types_read(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 16: the plain-value read gives the very rows (types included) the typed read
    gave, over days, walk-ins, members, refunds and a plain amount of the old name."""
    w = world
    three_days(w, monkeypatch)
    b = busy_day(w)
    with w.db.uow() as uow:  # a plain amount written under its old name (before 0019)
        line = uow.session.scalars(select(SaleLine).order_by(SaleLine.id.desc()).limit(1)).one()
        uow.session.execute(update(SaleLine).where(SaleLine.id == line.id)
                            .values(product_id=None, description=LEGACY_PLAIN_AMOUNT))
        uow.commit()
    start = b.today - timedelta(days=3)
    want = _rows_through_the_column_types(w, start, b.today)
    with sales_detail(w.db, w.owner, start, b.today) as rep:
        got = [tuple(r) for r in rep.lines()]
    assert len(got) == len(want) > 10
    assert got == want
    assert [tuple(map(type, r)) for r in got] == [tuple(map(type, r)) for r in want]
    assert any(r[6] == PLAIN_AMOUNT for r in got) and any(r[4] == "" for r in got)
