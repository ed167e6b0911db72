"""The shift report: figures to the fen against what the services returned; who may
see which shift; a blind close stays blind for the cashier."""

from __future__ import annotations

import pytest

from memberdesk.models.enums import CashMoveKind, ShiftStatus, TenderKind
from memberdesk.money import Money
from memberdesk.services.reporting.shift_report import shift_document, shift_report
from memberdesk.services.shared.errors import NotFoundError, PermissionDenied
from memberdesk.services.shifts import shift as shifts
from tests.checkout_support.kit import World, yuan
from tests.unit.reporting.busy import busy_day, pay, shift_no


def _sum(ms: list[Money]) -> Money:
    return Money(sum(m.fen for m in ms))


def test_cashier_shift_to_the_fen(world: World) -> None:
    w = world
    b = busy_day(w)
    no = shift_no(w, w.cashier)
    cashier_sales = b.sales[:5]  # the sixth was rung up by the manager
    counted = {TenderKind.CASH: yuan("170.00"), TenderKind.WECHAT: yuan("78.50")}
    closed = shifts.close_shift(w.db, w.cashier, counted)
    rep = shift_report(w.db, w.cashier, no)
    s = rep.summary
    assert (s.shift_no, s.staff_name, s.status) == (no, "张收银", ShiftStatus.CLOSED)
    assert not rep.hidden and rep.closed_at is not None
    assert s.opening_float == yuan("200")
    assert s.sales_count == 5
    assert s.sales_total == _sum([x.payable for x in cashier_sales])
    assert s.recharges_total == b.recharges[0].amount + b.recharges[1].amount
    assert s.refunds_total == Money(0)  # the manager refunded, in the manager's shift
    assert (s.cash_in, s.cash_out) == (yuan("10.50"), yuan("50"))
    tenders = {t.kind: t for t in rep.tenders}
    assert tenders[TenderKind.STORED_VALUE].sales == b.sales[0].payable + b.sales[3].payable
    assert tenders[TenderKind.WECHAT].sales == b.sales[2].payable
    assert tenders[TenderKind.WECHAT].recharges == yuan("50")
    assert tenders[TenderKind.CASH].sales == yuan("12.00") + b.sales[4].payable - yuan("2")
    assert tenders[TenderKind.CASH].recharges == yuan("200")
    assert tenders[TenderKind.POINTS].sales == yuan("2")
    counts = {c.kind: c for c in s.amounts}
    service = {a.kind: a for a in closed.amounts}
    for kind, c in counts.items():
        assert (c.expected, c.counted, c.variance) == (
            service[kind].expected, service[kind].counted, service[kind].variance)
    cash = counts[TenderKind.CASH]
    assert cash.expected == (yuan("200") + tenders[TenderKind.CASH].sales + yuan("200")
                             + yuan("10.50") - yuan("50"))
    assert cash.variance == yuan("170") - cash.expected
    assert [(m.kind, m.amount, m.reason) for m in rep.cash_moves] == [
        (CashMoveKind.CASH_OUT, yuan("50"), "交给老板"), (CashMoveKind.CASH_IN, yuan("10.50"), "补零钱")]
    doc = shift_document(rep, "测试便利店", rep.generated_at)
    assert [t.title for t in doc.tables] == ["收款方式", "交班核对", "现金存取"]
    total_row = doc.tables[0].totals
    assert total_row is not None and total_row[4] == _sum([t.net for t in rep.tenders])


def test_manager_shift_holds_the_refunds(world: World) -> None:
    w = world
    b = busy_day(w)
    rep = shift_report(w.db, w.owner, shift_no(w, w.manager))
    assert rep.summary.refunds_total == b.refunds[0].amount + b.refunds[1].amount
    tenders = {t.kind: t for t in rep.tenders}
    assert tenders[TenderKind.CASH].refunds == b.refunds[0].amount
    assert tenders[TenderKind.STORED_VALUE].refunds == b.refunds[1].amount
    assert tenders[TenderKind.ALIPAY].sales == b.sales[5].payable
    assert rep.closed_at is None and all(c.counted is None for c in rep.summary.amounts)


def test_cashier_sees_only_own_shifts(world: World) -> None:
    w = world
    pay(w, [("COLA", 1)], TenderKind.CASH, actor=w.manager)
    managers = shift_no(w, w.manager)
    with pytest.raises(PermissionDenied):
        shift_report(w.db, w.cashier, managers)
    assert shift_report(w.db, w.manager, shift_no(w, w.cashier)).summary.staff_name == "张收银"
    assert shift_report(w.db, w.owner, managers).summary.sales_count == 1
    with pytest.raises(NotFoundError):
        shift_report(w.db, w.owner, "B19990101-001")


def test_blind_close_stays_blind_for_the_cashier(world: World) -> None:
    w = world
    shifts.close_shift(w.db, w.cashier, {TenderKind.CASH: yuan("200")})
    w.set_settings(shift__blind_close=True)
    shifts.open_shift(w.db, w.cashier, yuan("100"))
    no = shift_no(w, w.cashier)
    w.sell([("BEER", 1)], [(TenderKind.CASH, "6")])
    shifts.close_shift(w.db, w.cashier, {TenderKind.CASH: yuan("105")})
    mine = shift_report(w.db, w.cashier, no)
    assert mine.hidden and mine.tenders == ()
    assert all(c.expected is None and c.variance is None for c in mine.summary.amounts)
    assert {c.kind: c.counted for c in mine.summary.amounts}[TenderKind.CASH] == yuan("105")
    doc = shift_document(mine, "店", mine.generated_at)
    assert "收款方式" not in [t.title for t in doc.tables] and "盲交" in doc.note
    seen = shift_report(w.db, w.manager, no)
    cash = {c.kind: c for c in seen.summary.amounts}[TenderKind.CASH]
    assert (cash.expected, cash.variance) == (yuan("106"), yuan("-1"))


def test_net_sales_are_sales_less_sale_refunds_only(world: World) -> None:
    """Issue 9: "销售实收" read as net. Sales, sale refunds and net sales are separate
    lines; a recharge refund is not a sale refund."""
    from uuid import uuid4

    from memberdesk.services.stored_value.recharge import RechargeRefundRequest, refund_recharge

    w = world
    sale = w.sell([("COLA", 2), ("CHIPS", 1)], [(TenderKind.CASH, "20")], actor=w.manager)
    back = w.refund(sale.sale_no, lines=((1, 1),), actor=w.manager)
    rc = w.recharge("alice", "100", actor=w.manager)
    rc_back = refund_recharge(w.db, w.manager, RechargeRefundRequest(
        uuid4().hex, rc.recharge_no, "顾客要求"))
    rep = shift_report(w.db, w.manager, shift_no(w, w.manager))
    assert rep.summary.refunds_total == back.amount + rc_back.amount
    assert rep.sale_refunds == back.amount == yuan("3.50")
    assert rep.recharge_refunds == rc_back.amount
    assert rep.net_sales == sale.payable - back.amount == yuan("12.30")
    doc = dict(shift_document(rep, "店", rep.generated_at).summary)
    assert "销售实收" not in doc
    assert doc["销售额（退款前）"] == sale.payable and doc["销售退款"] == yuan("3.50")
    assert doc["净销售额（销售额 - 退款）"] == yuan("12.30") and doc["退充值"] == rc_back.amount
    en = dict(shift_document(rep, "店", rep.generated_at, "en").summary)
    assert en["Net sales (sales - refunds)"] == yuan("12.30") and en["Shift"] == rep.summary.shift_no
