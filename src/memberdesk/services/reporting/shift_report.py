"""The shift report (交班报表): one till session from opening float to count.

The figures are the ones ``services.shifts`` computes for the till (expected per
payment method, counts and variances); this report adds the breakdown by source and
the cash moves. A cashier may see only their own shifts; on a blind-close shift a
cashier never sees what was expected, here either.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from memberdesk.db import Database
from memberdesk.models import Shift, ShiftCashMove
from memberdesk.models.enums import CashMoveKind, ShiftStatus, TenderKind
from memberdesk.money import Money
from memberdesk.reports.document import (
    CellValue,
    Column,
    ColumnKind,
    Document,
    Table,
    static_rows,
)

from .. import clock
from ..context import Actor
from ..errors import NotFoundError
from ..permissions import Permission, load_actor_staff, require
from ..shifts import ShiftSummary, summary_in, tender_flows_in
from .common import local_clock, staff_names, time_text
from .labels import label

ZERO = Money(0)
M = ColumnKind.MONEY
STATUS_NAMES = {ShiftStatus.OPEN: "未交班", ShiftStatus.CLOSED: "已交班",
                ShiftStatus.VERIFIED: "已审核"}
MOVE_NAMES = {CashMoveKind.CASH_IN: "存入备用金", CashMoveKind.CASH_OUT: "取出现金"}


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
        return ShiftReport(
            summary=summary,
            hidden=hidden,
            opened_at=local(summary.opened_at),
            closed_at=local(summary.closed_at) if summary.closed_at else None,
            generated_at=local(clock.now()),
            tenders=tenders,
            cash_moves=moves,
        )


def shift_document(rep: ShiftReport, shop_name: str, generated_at: datetime) -> Document:
    s = rep.summary
    closed = time_text(rep.closed_at) if rep.closed_at else "未交班"
    period = f"{time_text(rep.opened_at)} 至 {closed}"
    summary: list[tuple[str, CellValue]] = [
        ("班次", s.shift_no),
        ("收银员", s.staff_name),
        ("状态", STATUS_NAMES[s.status] + ("（盲交）" if s.blind else "")),
        ("开班备用金", s.opening_float),
        ("销售笔数", s.sales_count),
        ("销售实收", s.sales_total),
        ("退款", s.refunds_total),
        ("充值", s.recharges_total),
        ("存入备用金", s.cash_in),
        ("取出现金", s.cash_out),
    ]
    tables = []
    if not rep.hidden:
        tables.append(Table(
            "收款方式", (Column("方式"), Column("销售", M), Column("充值", M),
                        Column("退款", M), Column("合计", M)),
            static_rows([(label(t.kind), t.sales, t.recharges, t.refunds, t.net)
                         for t in rep.tenders]),
            totals=_tender_totals(rep.tenders) if rep.tenders else None,
        ))
    tables.append(Table(
        "交班核对", (Column("方式"), Column("应有", M), Column("实点", M), Column("差额", M)),
        static_rows([(label(c.kind), c.expected, c.counted, c.variance) for c in s.amounts]),
    ))
    tables.append(Table(
        "现金存取", (Column("类型"), Column("金额", M), Column("原因", width=24),
                    Column("操作员"), Column("时间", ColumnKind.DATETIME)),
        static_rows([(MOVE_NAMES[m.kind], m.amount, m.reason, m.staff, m.at)
                     for m in rep.cash_moves]),
    ))
    note = "应有 = 开班备用金 + 销售 + 充值 - 退款 + 存入 - 取出（现金）；差额 = 实点 - 应有。"
    if rep.hidden:
        note += "本班为盲交，应有金额仅店长可见。"
    if s.note:
        note += f"备注：{s.note}"
    return Document(f"交班报表 {s.shift_no}", shop_name, period, generated_at,
                    tuple(summary), tuple(tables), note)


def _tender_totals(rows: tuple[ShiftTenderRow, ...]) -> tuple[CellValue, ...]:
    def total(pick: str) -> Money:
        return Money(sum(getattr(r, pick).fen for r in rows))

    return ("合计", total("sales"), total("recharges"), total("refunds"), total("net"))
