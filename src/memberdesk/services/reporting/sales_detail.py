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
from typing import NamedTuple

from sqlalchemy import DateTime, Integer, and_, func, select, type_coerce

from memberdesk.db import Database
from memberdesk.domain.line_names import (
    LEGACY_PLAIN_AMOUNT,
    PLAIN_AMOUNT,
)
from memberdesk.models import Member, Product, Refund, Sale, SaleLine, Tender
from memberdesk.models.enums import TenderKind
from memberdesk.money import Money
from memberdesk.reports.document import CellValue, Column, ColumnKind, Document, Table, static_rows
from memberdesk.services.shared import clock
from memberdesk.services.shared.clock import local_clock
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.permissions import Permission, require
from memberdesk.services.shop.stores import report_store, store_label

from .common import (
    DateRange,
    RowStream,
    as_money,
    check_range,
    dated_between,
    day_reader,
    money_reader,
    plain_rows,
    staff_names,
    stored_time,
    streaming_reader,
)
from .labels import label
from .words import ZH_CN, is_english, line_name, normalise, picker, store_text

M = ColumnKind.MONEY
I = ColumnKind.INT  # noqa: E741


class SaleLineRow(NamedTuple):
    """One sale line; its fields are the sales-detail sheet's columns, in order."""

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
    # The store covered, on a chain ("B2 人民路店", ALL for every store); "" in a shop
    # of one store (nothing to say).
    store: str = ""

    @property
    def net_sales(self) -> Money:
        """Sales less the refunds of sales made in the period."""
        return self.net - self.refunds_total


@contextmanager
def sales_detail(db: Database, actor: Actor, start: date, end: date,
                 store: str | None = None) -> Iterator[SalesDetail]:
    """The sales of ``start``..``end`` (business dates) of ``store`` (None: this till's
    store; a code; ALL: every store). Read ``lines`` inside the block."""
    period = check_range(start, end)
    with streaming_reader(db) as reading:
        s = reading.session
        require(s, actor, Permission.VIEW_REPORTS)
        scope = report_store(s, actor, store)
        in_store = scope.matches(Sale.store_id)
        in_range = and_(dated_between(Sale.business_date, period), in_store)
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
            select(func.count(), func.sum(Refund.amount)).select_from(Refund)
            .join(Sale, Sale.id == Refund.sale_id)
            .where(dated_between(Refund.business_date, period), in_store)).one()
        names = staff_names(s)
        local = local_clock(s)

        def rows() -> Iterator[SaleLineRow]:
            # The driver's plain values (plain_rows), converted here with as little
            # per-row work as the sheet allows: money once per distinct amount
            # (money_reader), a day once per day, a sale's time once per sale (its
            # lines come together), the row built from a tuple in C (_make).
            stmt = (
                select(Sale.business_date, Sale.sale_no, type_coerce(Sale.created_at, DateTime),
                       Sale.staff_id, Member.member_no, SaleLine.product_id, Product.code,
                       SaleLine.description, SaleLine.qty,
                       type_coerce(SaleLine.unit_price, Integer),
                       type_coerce(SaleLine.discount, Integer),
                       type_coerce(SaleLine.net_amount, Integer))
                .select_from(Sale)
                .join(SaleLine, SaleLine.sale_id == Sale.id)
                .outerjoin(Member, Member.id == Sale.member_id)
                .outerjoin(Product, Product.id == SaleLine.product_id)
                .where(in_range)
                .order_by(Sale.business_date, Sale.id, SaleLine.line_no)
            )
            money, day, make = money_reader(), day_reader(), SaleLineRow._make
            offset, staff_name = clock.local_offset(s), names.get
            last_at: object = None
            local_at = datetime.min
            for (bd, no, at, staff, member, product_id, code, desc, q, price, disc,
                 amount) in plain_rows(s, stmt):
                if at != last_at:
                    last_at, local_at = at, stored_time(at) + offset
                yield make((day(bd), no, local_at, staff_name(staff, ""), member or "",
                            code or "", PLAIN_AMOUNT if product_id is None
                            and desc == LEGACY_PLAIN_AMOUNT else desc, q, money(price),
                            money(disc), money(amount)))

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
            store=store_label(s, scope.store_id),
        )


def _named(rows: Iterator[SaleLineRow], lang: str) -> Iterator[SaleLineRow]:
    """The rows as the sheet shows them: a plain amount named in ``lang``."""
    for r in rows:
        name = line_name(r.name, lang)
        yield r if name is r.name else r._replace(name=name)


def sales_detail_document(rep: SalesDetail, shop_name: str, generated_at: datetime,
                          lang: str = ZH_CN) -> Document:
    t = picker(lang)
    summary: list[tuple[str, CellValue]] = [
        (t("销售笔数", "Sales count"), rep.sales_count),
        (t("明细行数", "Lines"), rep.line_count),
        (t("销售数量", "Quantity"), rep.qty),
        (t("原价合计", "Sales at list prices"), rep.gross),
        (t("优惠合计", "Discounts"), rep.discount),
        (t("销售额（退款前）", "Sales (before refunds)"), rep.net),
        (t("同期销售退款笔数", "Sale refunds in the period, count"), rep.refunds_count),
        (t("同期销售退款", "Sale refunds in the period"), rep.refunds_total),
        (t("净销售额（销售额 - 同期退款）", "Net sales (sales - refunds)"), rep.net_sales),
    ]
    tender_total = Money(sum(m.fen for _, m in rep.by_tender))
    detail = rep.lines
    total = t("合计", "Total")
    tables = (
        Table(t("收款方式", "Takings by method"),
              (Column(t("方式", "Method")), Column(t("金额", "Amount"), M)),
              static_rows([(label(k, lang), m) for k, m in rep.by_tender]),
              totals=(total, tender_total) if rep.by_tender else None),
        Table(t("销售明细", "Sale lines"),
              (Column(t("营业日", "Business day"), ColumnKind.DATE),
               Column(t("单号", "Sale No."), width=15),
               Column(t("时间", "Time"), ColumnKind.DATETIME),
               Column(t("收银员", "Cashier"), width=8),
               Column(t("会员编号", "Member No."), width=9),
               Column(t("商品编码", "Code"), width=10),
               Column(t("商品名称", "Product"), width=20), Column(t("数量", "Qty"), I, width=6),
               Column(t("单价", "Unit price"), M), Column(t("优惠", "Discount"), M),
               Column(t("实收", "Amount"), M)),
              (lambda: _named(detail(), lang)) if is_english(lang) else detail,
              totals=(total, t(f"{rep.sales_count:,} 笔", f"{rep.sales_count:,} sales"), None,
                      "", "", "", "", rep.qty, None, rep.discount, rep.net)
              if rep.line_count else None),
    )
    note = t("按销售的营业日统计；本表明细不冲减退款，净销售额 = 销售额 - 同期销售退款"
             "（按退款的营业日）。单价为原价，优惠含会员价、折扣、券、积分抵现与抹零。",
             "By the sales' business day; the lines are before refunds, and net sales = "
             "sales - the sale refunds of the period (by the refunds' business day). Unit "
             "prices are list prices; discounts include member prices, tier discounts, "
             "coupons, points and rounding.")
    if not rep.line_count:
        note = t("（无数据）该期间没有销售。", "(no data) No sales in the period. ") + note
    return Document(t("销售明细", "Sales detail"), shop_name,
                    rep.period.text(lang) + store_text(rep.store, lang),
                    generated_at, tuple(summary), tables, note, normalise(lang))

