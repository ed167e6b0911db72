"""Sales detail (销售明细): every sale line of the sales whose business date falls in
a range, with totals per payment method.

The lines stream from a read-only unit of work kept open while they are exported,
a batch at a time, so a range of a million lines exports in little memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select

from memberdesk.db import Database
from memberdesk.models import Member, Product, Refund, Sale, SaleLine, Tender
from memberdesk.models.enums import TenderKind
from memberdesk.money import Money
from memberdesk.reports.document import CellValue, Column, ColumnKind, Document, Table, static_rows

from .. import clock
from ..context import Actor
from ..permissions import Permission, require
from ..receipt_data import line_name
from .common import (
    STREAM_BATCH,
    DateRange,
    RowStream,
    as_money,
    check_range,
    dated_between,
    local_clock,
    staff_names,
    streaming_reader,
)
from .labels import label

M = ColumnKind.MONEY
I = ColumnKind.INT  # noqa: E741


@dataclass(frozen=True)
class SaleLineRow:
    business_date: date
    sale_no: str
    at: datetime  # local time of the sale
    cashier: str
    member_no: str  # "" for a walk-in customer
    code: str
    name: str
    qty: int
    unit_price: Money
    discount: Money
    net: Money


@dataclass(frozen=True)
class SalesDetail:
    period: DateRange
    generated_at: datetime  # local time
    sales_count: int
    line_count: int
    qty: int
    gross: Money
    discount: Money
    net: Money
    by_tender: tuple[tuple[TenderKind, Money], ...]
    refunds_count: int  # refunds of sales with a business date in the range
    refunds_total: Money
    lines: RowStream[SaleLineRow]


@contextmanager
def sales_detail(db: Database, actor: Actor, start: date, end: date) -> Iterator[SalesDetail]:
    """The sales of ``start``..``end`` (business dates). Read ``lines`` inside the block."""
    period = check_range(start, end)
    with streaming_reader(db) as reading:
        s = reading.session
        require(s, actor, Permission.VIEW_REPORTS)
        in_range = dated_between(Sale.business_date, period)
        count, gross, discount, net = s.execute(
            select(func.count(), func.sum(Sale.gross), func.sum(Sale.discount_total),
                   func.sum(Sale.payable)).where(in_range)).one()
        lines, qty = s.execute(
            select(func.count(), func.coalesce(func.sum(SaleLine.qty), 0))
            .join(Sale, Sale.id == SaleLine.sale_id).where(in_range)).one()
        tenders = {k: v for k, v in s.execute(
            select(Tender.kind, func.sum(Tender.amount)).join(Sale, Sale.id == Tender.sale_id)
            .where(in_range).group_by(Tender.kind))}
        refunds, refunded = s.execute(
            select(func.count(), func.sum(Refund.amount)).where(
                Refund.sale_id.is_not(None), dated_between(Refund.business_date, period))).one()
        names = staff_names(s)
        local = local_clock(s)

        def rows() -> Iterator[SaleLineRow]:
            stmt = (
                select(Sale.business_date, Sale.sale_no, Sale.created_at, Sale.staff_id,
                       Member.member_no, SaleLine.product_id, Product.code, SaleLine.description,
                       SaleLine.qty,
                       SaleLine.unit_price, SaleLine.discount, SaleLine.net_amount)
                .select_from(Sale)
                .join(SaleLine, SaleLine.sale_id == Sale.id)
                .outerjoin(Member, Member.id == Sale.member_id)
                .outerjoin(Product, Product.id == SaleLine.product_id)
                .where(in_range)
                .order_by(Sale.business_date, Sale.id, SaleLine.line_no)
                .execution_options(yield_per=STREAM_BATCH)
            )
            for (bd, no, at, staff, member, product_id, code, desc, q, price, disc,
                 amount) in s.execute(stmt):
                yield SaleLineRow(bd, no, local(at), names.get(staff, ""), member or "",
                                  code or "", line_name(product_id, desc), q, price, disc, amount)

        yield SalesDetail(
            period=period,
            generated_at=local(clock.now()),
            sales_count=int(count),
            line_count=int(lines),
            qty=int(qty),
            gross=as_money(gross),
            discount=as_money(discount),
            net=as_money(net),
            by_tender=tuple((k, as_money(tenders[k])) for k in TenderKind if tenders.get(k)),
            refunds_count=int(refunds),
            refunds_total=as_money(refunded),
            lines=reading.stream(rows),
        )


def sales_detail_document(rep: SalesDetail, shop_name: str, generated_at: datetime) -> Document:
    summary: list[tuple[str, CellValue]] = [
        ("销售笔数", rep.sales_count),
        ("明细行数", rep.line_count),
        ("销售数量", rep.qty),
        ("原价合计", rep.gross),
        ("优惠合计", rep.discount),
        ("实收合计", rep.net),
        ("同期退款笔数", rep.refunds_count),
        ("同期退款金额", rep.refunds_total),
    ]
    tender_total = Money(sum(m.fen for _, m in rep.by_tender))
    detail = rep.lines
    tables = (
        Table("收款方式", (Column("方式"), Column("金额", M)),
              static_rows([(label(k), m) for k, m in rep.by_tender]),
              totals=("合计", tender_total) if rep.by_tender else None),
        Table("销售明细",
              (Column("营业日", ColumnKind.DATE), Column("单号", width=15),
               Column("时间", ColumnKind.DATETIME), Column("收银员", width=8),
               Column("会员编号", width=9), Column("商品编码", width=10),
               Column("商品名称", width=20), Column("数量", I, width=6), Column("单价", M),
               Column("优惠", M), Column("实收", M)),
              lambda: ((r.business_date, r.sale_no, r.at, r.cashier, r.member_no, r.code,
                        r.name, r.qty, r.unit_price, r.discount, r.net) for r in detail()),
              totals=("合计", f"{rep.sales_count:,} 笔", None, "", "", "", "", rep.qty,
                      None, rep.discount, rep.net) if rep.line_count else None),
    )
    note = "按销售的营业日统计；退款不冲减本表，另见“同期退款”。单价为原价，优惠含会员价、折扣、券、积分抵现与抹零。"
    if not rep.line_count:
        note = "（无数据）该期间没有销售。" + note
    return Document("销售明细", shop_name, rep.period.text(), generated_at, tuple(summary),
                    tables, note)
