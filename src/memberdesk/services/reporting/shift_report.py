"""The shift report (交班报表): one till session from opening float to count.

The figures are the ones ``services.shifts`` computes for the till (expected per
payment method, counts and variances); this report adds the breakdown by source and
the cash moves. A cashier may see only their own shifts; on a blind-close shift a
cashier never sees what was expected, here either.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from memberdesk.db import Database
from memberdesk.models import Refund, Shift, ShiftCashMove
from memberdesk.models.enums import CashMoveKind, RefundKind, ShiftStatus, TenderKind
from memberdesk.money import Money
from memberdesk.reports.document import (
    CellValue,
    Column,
    ColumnKind,
    Document,
    Table,
    static_rows,
)
from memberdesk.services.shared import clock
from memberdesk.services.shared.clock import local_clock
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import NotFoundError
from memberdesk.services.shared.permissions import Permission, load_actor_staff, require
from memberdesk.services.shifts.shift import ShiftSummary, summary_in, tender_flows_in

from .common import as_money, staff_names, time_text
from .labels import label
from .words import ZH_CN, normalise, picker

ZERO = Money(0)
M = ColumnKind.MONEY
STATUS_NAMES = {ShiftStatus.OPEN: ("未交班", "open"), ShiftStatus.CLOSED: ("已交班", "closed"),
                ShiftStatus.VERIFIED: ("已审核", "verified")}
MOVE_NAMES = {CashMoveKind.CASH_IN: ("存入备用金", "cash in"),
              CashMoveKind.CASH_OUT: ("取出现金", "cash out")}


@dataclass(frozen=True)
class ShiftTenderRow:
    kind: TenderKind
    sales: Money
    recharges: Money
    refunds: Money

    @property
    def net(self) -> Money:
        return self.sales + self.recharges - self.refunds


@dataclass(frozen=True)
class CashMoveRow:
    kind: CashMoveKind
    amount: Money
    reason: str
    staff: str
    at: datetime  # local time


@dataclass(frozen=True)
class ShiftReport:
    summary: ShiftSummary  # the till's own figures, as this viewer may see them
    hidden: bool  # expected amounts withheld from this viewer (blind close)
    opened_at: datetime  # local time
    closed_at: datetime | None
    generated_at: datetime
    tenders: tuple[ShiftTenderRow, ...]  # empty when hidden
    cash_moves: tuple[CashMoveRow, ...]
    sale_refunds: Money = ZERO  # of ``summary.refunds_total``, the refunds of sales

    @property
    def net_sales(self) -> Money:
        """Sales less the refunds of sales (recharge refunds are not sales)."""
        return self.summary.sales_total - self.sale_refunds

    @property
    def recharge_refunds(self) -> Money:
        return self.summary.refunds_total - self.sale_refunds


def shift_report(db: Database, actor: Actor, shift_no: str) -> ShiftReport:
    """The report of shift ``shift_no``: the cashier's own, or any for a manager."""
    with db.reader() as uow:
        s = uow.session
        shift = s.scalar(select(Shift).where(Shift.shift_no == shift_no.strip()))
        if shift is None:
            raise NotFoundError("shift_not_found", key=shift_no.strip())
        if shift.staff_id == actor.staff_id:
            load_actor_staff(s, actor)
        else:
            require(s, actor, Permission.VIEW_REPORTS)
        summary = summary_in(s, shift, actor)
        hidden = any(a.expected is None for a in summary.amounts)
        local = local_clock(s)
        tenders: tuple[ShiftTenderRow, ...] = ()
        if not hidden:
            flows = tender_flows_in(s, shift)
            kinds = [k for k in TenderKind
                     if k in flows.sales or k in flows.recharges or k in flows.refunds]
            tenders = tuple(
                ShiftTenderRow(k, flows.sales.get(k, ZERO), flows.recharges.get(k, ZERO),
                               flows.refunds.get(k, ZERO))
                for k in kinds
            )
        names = staff_names(s)
        moves = tuple(
            CashMoveRow(m.kind, m.amount, m.reason, names.get(m.staff_id, ""), local(m.created_at))
            for m in s.scalars(select(ShiftCashMove).where(ShiftCashMove.shift_id == shift.id)
                               .order_by(ShiftCashMove.id))
        )
        sale_refunds = s.scalar(select(func.coalesce(func.sum(Refund.amount), 0)).where(
            Refund.shift_id == shift.id, Refund.kind == RefundKind.SALE))
        return ShiftReport(
            sale_refunds=as_money(sale_refunds),
            summary=summary,
            hidden=hidden,
            opened_at=local(summary.opened_at),
            closed_at=local(summary.closed_at) if summary.closed_at else None,
            generated_at=local(clock.now()),
            tenders=tenders,
            cash_moves=moves,
        )


def shift_document(rep: ShiftReport, shop_name: str, generated_at: datetime,
                   lang: str = ZH_CN) -> Document:
    s = rep.summary
    t = picker(lang)
    closed = time_text(rep.closed_at) if rep.closed_at else t("未交班", "not closed")
    period = t(f"{time_text(rep.opened_at)} 至 {closed}", f"{time_text(rep.opened_at)} to {closed}")
    summary: list[tuple[str, CellValue]] = [
        (t("班次", "Shift"), s.shift_no),
        (t("收银员", "Cashier"), s.staff_name),
        (t("状态", "Status"), t(*STATUS_NAMES[s.status]) + (t("（盲交）", " (blind)") if s.blind
                                                           else "")),
        (t("开班备用金", "Opening float"), s.opening_float),
        (t("销售笔数", "Sales count"), s.sales_count),
        (t("销售额（退款前）", "Sales (before refunds)"), s.sales_total),
        (t("销售退款", "Sale refunds"), rep.sale_refunds),
        (t("净销售额（销售额 - 退款）", "Net sales (sales - refunds)"), rep.net_sales),
        (t("充值", "Recharges"), s.recharges_total),
        (t("退充值", "Recharge refunds"), rep.recharge_refunds),
        (t("存入备用金", "Cash in"), s.cash_in),
        (t("取出现金", "Cash out"), s.cash_out),
    ]
    method, total = t("方式", "Method"), t("合计", "Total")
    tables = []
    if not rep.hidden:
        tables.append(Table(
            t("收款方式", "Takings by method"),
            (Column(method), Column(t("销售", "Sales"), M), Column(t("充值", "Recharges"), M),
             Column(t("退款", "Refunds"), M), Column(total, M)),
            static_rows([(label(r.kind, lang), r.sales, r.recharges, r.refunds, r.net)
                         for r in rep.tenders]),
            totals=_tender_totals(rep.tenders, total) if rep.tenders else None,
        ))
    tables.append(Table(
        t("交班核对", "Count"),
        (Column(method), Column(t("应有", "Expected"), M), Column(t("实点", "Counted"), M),
         Column(t("差额", "Difference"), M)),
        static_rows([(label(c.kind, lang), c.expected, c.counted, c.variance)
                     for c in s.amounts]),
    ))
    tables.append(Table(
        t("现金存取", "Cash in and out"),
        (Column(t("类型", "Kind")), Column(t("金额", "Amount"), M),
         Column(t("原因", "Reason"), width=24), Column(t("操作员", "Staff")),
         Column(t("时间", "Time"), ColumnKind.DATETIME)),
        static_rows([(t(*MOVE_NAMES[m.kind]), m.amount, m.reason, m.staff, m.at)
                     for m in rep.cash_moves]),
    ))
    note = t("应有 = 开班备用金 + 销售 + 充值 - 退款 + 存入 - 取出（现金）；差额 = 实点 - 应有。",
             "Expected = opening float + sales + recharges - refunds + cash in - cash out "
             "(cash); difference = counted - expected. ")
    if rep.hidden:
        note += t("本班为盲交，应有金额仅店长可见。",
                  "A blind close: only a manager sees the expected amounts. ")
    if s.note:
        note += t(f"备注：{s.note}", f"Note: {s.note}")
    return Document(t(f"交班报表 {s.shift_no}", f"Shift report {s.shift_no}"), shop_name, period,
                    generated_at, tuple(summary), tuple(tables), note, normalise(lang))


def _tender_totals(rows: tuple[ShiftTenderRow, ...], total_word: str) -> tuple[CellValue, ...]:
    def total(pick: str) -> Money:
        return Money(sum(getattr(r, pick).fen for r in rows))

    return (total_word, total("sales"), total("recharges"), total("refunds"), total("net"))
