"""Reading stock (库存): the stock list page by page (a shop may have 100,000
products), the low-stock list, a product's movements. Read-only; the list shows
every product, tracked or not, so the owner can start tracking any of them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.domain.stock import is_low
from memberdesk.models import Product, Refund, Sale, Staff, StockEntry, StockKind, StockLevel
from memberdesk.services.catalog.search import search_in
from memberdesk.services.shared.clock import local_clock
from memberdesk.services.shared.errors import NotFoundError

PAGE_SIZE = 200
MOVEMENTS_SHOWN = 200


@dataclass(frozen=True)
class StockRow:
    code: str
    name: str
    unit: str
    active: bool
    is_service: bool
    tracked: bool
    on_hand: int | None  # None: never tracked
    low_at: int | None

    @property
    def low(self) -> bool:
        return self.tracked and self.on_hand is not None and is_low(self.on_hand, self.low_at)


@dataclass(frozen=True)
class StockPage:
    rows: tuple[StockRow, ...]
    more: bool  # another page follows (ask with ``after`` = the last row's code)


@dataclass(frozen=True)
class Movement:
    at: datetime  # shop-local
    kind: StockKind
    delta: int
    on_hand_after: int
    note: str
    staff: str
    document: str  # the sale or refund number, if any


@dataclass(frozen=True)
class ProductMovements:
    row: StockRow
    movements: tuple[Movement, ...]  # newest first, at most MOVEMENTS_SHOWN
    more: bool


def low_condition() -> ColumnElement[bool]:
    return and_(StockLevel.tracked.is_(True),
                or_(StockLevel.on_hand < 0,
                    and_(StockLevel.low_at.is_not(None), StockLevel.on_hand <= StockLevel.low_at)))


def _select() -> Select[int, str, str, str, bool, bool, bool, int, int | None]:
    """(id, code, name, unit, active, is_service, tracked, on_hand, low_at)"""
    return (select(Product.id, Product.code, Product.name, Product.unit, Product.active,
                   Product.is_service, StockLevel.tracked, StockLevel.on_hand, StockLevel.low_at)
            .outerjoin(StockLevel, StockLevel.product_id == Product.id))


def _row(r: Any) -> StockRow:
    _pid, code, name, unit, active, service, tracked, on_hand, low_at = r
    return StockRow(str(code), str(name), str(unit), bool(active), bool(service),
                    bool(tracked), None if on_hand is None else int(on_hand),
                    None if low_at is None else int(low_at))


def list_stock(db: Database, *, after: str | None = None, limit: int = PAGE_SIZE,
               search: str = "", low_only: bool = False) -> StockPage:
    """Products with their stock, by code: the page after code ``after``; with
    ``low_only`` only tracked products below zero or at/below their threshold; with
    ``search`` the best matches of the counter's search (at most ``limit``)."""
    limit = max(1, min(limit, 1000))
    with db.reader() as uow:
        s = uow.session
        if search.strip():
            found = search_in(s, search, limit=limit, include_inactive=True)
            ids = [p.id for p in found.products]
            by_id = {int(r[0]): _row(r) for r in s.execute(_select().where(Product.id.in_(ids)))}
            rows = [by_id[i] for i in ids if i in by_id]
            if low_only:
                rows = [r for r in rows if r.low]
            return StockPage(tuple(rows), found.more)
        statement = _select().order_by(Product.code).limit(limit + 1)
        if low_only:
            statement = statement.where(low_condition())
        if after is not None:
            statement = statement.where(Product.code > after)
        rows = [_row(r) for r in s.execute(statement)]
        return StockPage(tuple(rows[:limit]), len(rows) > limit)


def count_stock_rows(db: Database) -> tuple[int, int]:
    """(products tracked, of them low)."""
    with db.reader() as uow:
        s = uow.session
        tracked = s.scalar(select(func.count()).select_from(StockLevel)
                           .where(StockLevel.tracked.is_(True))) or 0
        low = s.scalar(select(func.count()).select_from(StockLevel)
                       .where(low_condition())) or 0
        return int(tracked), int(low)


def _find(s: Session, code: str) -> tuple[int, StockRow]:
    found = s.execute(_select().where(Product.code == str(code or "").strip())).first()
    if found is None:
        raise NotFoundError("product_not_found", key=code)
    return int(found[0]), _row(found)


def product_movements(db: Database, code: str, limit: int = MOVEMENTS_SHOWN) -> ProductMovements:
    """A product's stock and its latest movements, newest first."""
    with db.reader() as uow:
        s = uow.session
        pid, row = _find(s, code)
        local = local_clock(s)
        found = s.execute(
            select(StockEntry.created_at, StockEntry.kind, StockEntry.delta,
                   StockEntry.on_hand_after, StockEntry.note,
                   func.coalesce(Staff.display_name, ""),
                   func.coalesce(Refund.refund_no, Sale.sale_no, ""))
            .outerjoin(Staff, Staff.id == StockEntry.staff_id)
            .outerjoin(Sale, Sale.id == StockEntry.sale_id)
            .outerjoin(Refund, Refund.id == StockEntry.refund_id)
            .where(StockEntry.product_id == pid)
            .order_by(StockEntry.id.desc()).limit(limit + 1)).all()
        moves = tuple(Movement(local(at), StockKind(kind), int(d), int(after), str(note),
                               str(staff), str(doc))
                      for at, kind, d, after, note, staff, doc in found[:limit])
        return ProductMovements(row, moves, len(found) > limit)
