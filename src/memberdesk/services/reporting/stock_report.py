"""The stock report (库存报表): every tracked product's stock now (or only the low ones),
the movements of a period by kind, and the sales in the period that took a product
below zero (allowed by default, flagged here so the owner counts or receives).

Per store (网络版): this till's store, a store's code, or ALL (head office: a line per
product and store, with the store's code). A shop of one store reads what it read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select

from memberdesk.db import Database
from memberdesk.domain.stock import is_low
from memberdesk.models import Product, Sale, StockEntry, StockKind, StockLevel, Store
from memberdesk.reports.document import CellValue, Column, ColumnKind, Document, Table, static_rows
from memberdesk.services.shared import clock
from memberdesk.services.shared.clock import local_clock
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.permissions import Permission, require
from memberdesk.services.shop.stores import ALL_STORES, report_store, store_label
from memberdesk.services.stock.views import low_condition

from .common import DateRange, check_range, created_between, time_text
from .words import ZH_CN, normalise, picker, store_text

I = ColumnKind.INT  # noqa: E741

KIND_WORDS: dict[StockKind, tuple[str, str]] = {
    StockKind.OPENING: ("期初", "Opening"),
    StockKind.RECEIVE: ("入库", "Received"),
    StockKind.COUNT: ("盘点", "Count"),
    StockKind.SALE: ("销售", "Sale"),
    StockKind.REFUND: ("退货", "Refund"),
    StockKind.GIFT: ("积分兑换", "Gift redemption"),
    StockKind.TRANSFER_OUT: ("调出", "Transferred out"),
    StockKind.TRANSFER_IN: ("调入", "Transferred in"),
}


MOVED_WORDS: dict[StockKind, tuple[str, str]] = {
    StockKind.OPENING: ("期内期初数量", "Opening stock in the period"),
    StockKind.RECEIVE: ("期内入库", "Received in the period"),
    StockKind.COUNT: ("期内盘点差异", "Count differences in the period"),
    StockKind.SALE: ("期内销售", "Sold in the period"),
    StockKind.REFUND: ("期内退货", "Returned in the period"),
    StockKind.GIFT: ("期内积分兑换", "Gifts redeemed in the period"),
    StockKind.TRANSFER_OUT: ("期内调出", "Transferred out in the period"),
    StockKind.TRANSFER_IN: ("期内调入", "Transferred in in the period"),
}


def kind_word(kind: StockKind, lang: str) -> str:
    return picker(lang)(*KIND_WORDS[kind])


@dataclass(frozen=True)
class StockLine:
    code: str
    name: str
    unit: str
    on_hand: int
    low_at: int | None
    store: str = ""  # the store's code

    @property
    def low(self) -> bool:
        return is_low(self.on_hand, self.low_at)


@dataclass(frozen=True)
class BelowZeroSale:
    at: datetime  # shop-local
    sale_no: str
    code: str
    name: str
    qty: int
    on_hand_after: int
    store: str = ""  # the store's code


@dataclass(frozen=True)
class StockReport:
    period: DateRange
    generated_at: datetime  # shop-local
    low_only: bool
    lines: tuple[StockLine, ...]  # by code
    tracked: int
    low: int
    movements: tuple[tuple[StockKind, int, int], ...]  # (kind, quantity, entries) in the period
    below_zero: tuple[BelowZeroSale, ...]  # oldest first
    # The store covered, on a chain ("B2 人民路店", ALL for every store); "" in a shop
    # of one store (nothing to say).
    store: str = ""


def stock_report(db: Database, actor: Actor, start: date | None = None, end: date | None = None,
                 *, low_only: bool = False, store: str | None = None) -> StockReport:
    """``store``: None this till's store, a store's code, ALL every store (head office)."""
    rng = check_range(start, end)
    with db.reader() as uow:
        s = uow.session
        require(s, actor, Permission.VIEW_REPORTS)
        scope = report_store(s, actor, store)
        here, entries_here = scope.matches(StockLevel.store_id), scope.matches(StockEntry.store_id)
        local = local_clock(s)
        stmt = (select(Product.code, Product.name, Product.unit, StockLevel.on_hand,
                       StockLevel.low_at, Store.code)
                .join(StockLevel, StockLevel.product_id == Product.id)
                .join(Store, Store.id == StockLevel.store_id)
                .where(StockLevel.tracked.is_(True), here).order_by(Product.code, Store.code))
        if low_only:
            stmt = stmt.where(low_condition())
        lines = tuple(StockLine(c, n, u, int(q), None if t is None else int(t), str(st))
                      for c, n, u, q, t, st in s.execute(stmt))
        tracked = int(s.scalar(select(func.count()).select_from(StockLevel)
                               .where(StockLevel.tracked.is_(True), here)) or 0)
        low = int(s.scalar(select(func.count()).select_from(StockLevel)
                           .where(low_condition(), here)) or 0)
        when = created_between(s, StockEntry.created_at, rng)
        moved = {StockKind(k): (int(q or 0), int(n)) for k, q, n in s.execute(
            select(StockEntry.kind, func.sum(StockEntry.delta), func.count())
            .where(when, entries_here).group_by(StockEntry.kind))}
        movements = tuple((k, *moved[k]) for k in StockKind if k in moved)
        below = tuple(
            BelowZeroSale(local(at), no, c, n, -int(d), int(after), str(st))
            for at, no, c, n, d, after, st in s.execute(
                select(StockEntry.created_at, Sale.sale_no, Product.code, Product.name,
                       StockEntry.delta, StockEntry.on_hand_after, Store.code)
                .join(Sale, Sale.id == StockEntry.sale_id)
                .join(Product, Product.id == StockEntry.product_id)
                .join(Store, Store.id == StockEntry.store_id)
                .where(StockEntry.on_hand_after < 0, StockEntry.kind == StockKind.SALE, when,
                       entries_here)
                .order_by(StockEntry.id)))
        return StockReport(rng, local(clock.now()), low_only, lines, tracked, low, movements,
                           below, store_label(s, scope.store_id))


def stock_document(rep: StockReport, shop_name: str, generated_at: datetime,
                   lang: str = ZH_CN) -> Document:
    t = picker(lang)
    state = {True: t("低库存", "Low"), False: ""}
    negative = t("负库存", "Below zero")
    summary: list[tuple[str, CellValue]] = [
        (t("管库存的商品", "Products tracked"), rep.tracked),
        (t("低库存商品", "Products low"), rep.low),
        (t("期内负库存销售", "Sales below zero in the period"), len(rep.below_zero)),
    ]
    summary += [(t(*MOVED_WORDS[k]), q) for k, q, _n in rep.movements]
    every = rep.store == ALL_STORES  # head office: a line per product and store
    where = (Column(t("门店", "Store"), width=8),) if every else ()

    def at(store: str) -> tuple[CellValue, ...]:
        return (store,) if every else ()

    tables = (
        Table(t("低库存商品", "Low stock") if rep.low_only else t("现有库存", "Stock on hand"),
              (*where, Column(t("编码", "Code"), width=12), Column(t("商品", "Product"), width=26),
               Column(t("单位", "Unit"), width=6), Column(t("现有", "On hand"), I),
               Column(t("预警数量", "Low at"), I), Column(t("状态", "State"), width=10)),
              static_rows([(*at(ln.store), ln.code, ln.name, ln.unit, ln.on_hand, ln.low_at,
                            negative if ln.on_hand < 0 else state[ln.low]) for ln in rep.lines])),
        Table(t("期内变动", "Movements in the period"),
              (Column(t("类型", "Kind"), width=14), Column(t("数量", "Quantity"), I),
               Column(t("笔数", "Entries"), I)),
              static_rows([(kind_word(k, lang), q, n) for k, q, n in rep.movements])),
        Table(t("负库存销售（库存不足仍卖出）", "Sales that took stock below zero"),
              (Column(t("时间", "Time"), ColumnKind.DATETIME), *where,
               Column(t("销售单号", "Sale No.")),
               Column(t("编码", "Code"), width=12), Column(t("商品", "Product"), width=26),
               Column(t("数量", "Qty"), I), Column(t("售后库存", "Stock after"), I)),
              static_rows([(b.at, *at(b.store), b.sale_no, b.code, b.name, b.qty,
                            b.on_hand_after) for b in rep.below_zero])),
    )
    note = t("现有库存为生成时的数量；变动与负库存销售按所选期间统计。低库存：现有数量不高于预警数量，"
             "或低于零。负库存销售说明账面少于实物或漏了入库，请盘点或补录入库。",
             "Stock on hand is as of the time generated; movements and sales below zero are "
             "for the period chosen. Low: on hand at or below the product's low-stock level, "
             "or below zero. A sale below zero means the books hold less than the shelf, or "
             "goods were not received: count the product or record the delivery.")
    period = rep.period.text(normalise(lang)) + store_text(rep.store, lang)
    period += t(f"（截至 {time_text(rep.generated_at)}）", f" (up to {time_text(rep.generated_at)})")
    return Document(t("库存报表", "Stock report"), shop_name, period, generated_at,
                    tuple(summary), tables, note, normalise(lang))
