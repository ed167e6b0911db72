"""Reading stock (库存): the stock list page by page (a shop may have 100,000
products), the low-stock list, a product's movements. Read-only; the list shows
every product, tracked or not, so the owner can start tracking any of them.

Stock is per store: ``store`` is a store's code, None this till's store, or ``ALL``
(全部门店) for the chain's sum: each product's stock over the stores tracking it, no
threshold (each store has its own), read-only. Who may read which store is the
caller's to decide (the stock page offers other stores to staff of every store)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, null, or_, select, true
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.domain.stock import is_low
from memberdesk.models import (
    Product,
    Refund,
    Sale,
    Staff,
    StockEntry,
    StockKind,
    StockLevel,
    Store,
)
from memberdesk.services.catalog.search import search_in
from memberdesk.services.shared.clock import local_clock
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import NotFoundError
from memberdesk.services.shared.this_store import current_store, current_store_id
from memberdesk.services.shop.stores import ALL_STORES, find_store

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
    store: str = ""  # the store's code
    peer: str = ""  # a transfer: the other store's code


@dataclass(frozen=True)
class ProductMovements:
    row: StockRow
    movements: tuple[Movement, ...]  # newest first, at most MOVEMENTS_SHOWN
    more: bool


def low_condition() -> ColumnElement[bool]:
    return and_(StockLevel.tracked.is_(True),
                or_(StockLevel.on_hand < 0,
                    and_(StockLevel.low_at.is_not(None), StockLevel.on_hand <= StockLevel.low_at)))


def store_scope(s: Session, store: str | None) -> int | None:
    """The store id ``store`` names (None: this till's), None for every store (ALL)."""
    if store is None or not store.strip():
        return current_store_id(s)
    if store.strip().upper() == ALL_STORES:
        return None
    return find_store(s, store)[0]


def _select(store_id: int | None) -> Select[*tuple[Any, ...]]:
    """(id, code, name, unit, active, is_service, tracked, on_hand, low_at) of one
    store, or summed over every store tracking the product (``store_id`` None)."""
    cols = (Product.id, Product.code, Product.name, Product.unit, Product.active,
            Product.is_service)
    if store_id is not None:
        return (select(*cols, StockLevel.tracked, StockLevel.on_hand, StockLevel.low_at)
                .outerjoin(StockLevel, and_(StockLevel.product_id == Product.id,
                                            StockLevel.store_id == store_id)))
    tracked = case((StockLevel.tracked.is_(True), 1), else_=0)
    total = (select(StockLevel.product_id.label("pid"), func.max(tracked).label("tracked"),
                    func.sum(tracked * StockLevel.on_hand).label("on_hand"))
             .group_by(StockLevel.product_id).subquery())
    return (select(*cols, total.c.tracked > 0,
                   case((total.c.tracked > 0, total.c.on_hand)), null())
            .outerjoin(total, total.c.pid == Product.id))


def _low_in(store_id: int | None) -> ColumnElement[bool]:
    if store_id is not None:
        return low_condition()
    return Product.id.in_(select(StockLevel.product_id).where(low_condition()))


def _row(r: Any) -> StockRow:
    _pid, code, name, unit, active, service, tracked, on_hand, low_at = r
    return StockRow(str(code), str(name), str(unit), bool(active), bool(service),
                    bool(tracked), None if on_hand is None else int(on_hand),
                    None if low_at is None else int(low_at))


def list_stock(db: Database, *, after: str | None = None, limit: int = PAGE_SIZE,
               search: str = "", low_only: bool = False, store: str | None = None) -> StockPage:
    """Products with their stock in ``store``, by code: the page after code ``after``; with
    ``low_only`` only tracked products below zero or at/below their threshold; with
    ``search`` the best matches of the counter's search (at most ``limit``)."""
    limit = max(1, min(limit, 1000))
    with db.reader() as uow:
        s = uow.session
        store_id = store_scope(s, store)
        if search.strip():
            found = search_in(s, search, limit=limit, include_inactive=True)
            ids = [p.id for p in found.products]
            by_id = {int(r[0]): _row(r)
                     for r in s.execute(_select(store_id).where(Product.id.in_(ids)))}
            rows = [by_id[i] for i in ids if i in by_id]
            if low_only:
                rows = [r for r in rows if r.low]
            return StockPage(tuple(rows), found.more)
        statement = _select(store_id).order_by(Product.code).limit(limit + 1)
        if low_only:
            statement = statement.where(_low_in(store_id))
        if after is not None:
            statement = statement.where(Product.code > after)
        rows = [_row(r) for r in s.execute(statement)]
        return StockPage(tuple(rows[:limit]), len(rows) > limit)


def count_stock_rows(db: Database, store: str | None = None) -> tuple[int, int]:
    """(products tracked, of them low) in ``store`` (ALL: in any store)."""
    with db.reader() as uow:
        s = uow.session
        store_id = store_scope(s, store)
        here = true() if store_id is None else StockLevel.store_id == store_id
        products = func.count(func.distinct(StockLevel.product_id))
        tracked = s.scalar(select(products).where(StockLevel.tracked.is_(True), here)) or 0
        low = s.scalar(select(products).where(low_condition(), here)) or 0
        return int(tracked), int(low)


def _find(s: Session, code: str, store_id: int | None) -> tuple[int, StockRow]:
    found = s.execute(_select(store_id).where(Product.code == str(code or "").strip())).first()
    if found is None:
        raise NotFoundError("product_not_found", key=code)
    return int(found[0]), _row(found)


def product_movements(db: Database, code: str, limit: int = MOVEMENTS_SHOWN,
                      store: str | None = None) -> ProductMovements:
    """A product's stock in ``store`` and its latest movements there (ALL: in every
    store), newest first."""
    with db.reader() as uow:
        s = uow.session
        store_id = store_scope(s, store)
        pid, row = _find(s, code, store_id)
        local = local_clock(s)
        stores = {int(i): str(c) for i, c in s.execute(select(Store.id, Store.code))}
        where = [StockEntry.product_id == pid]
        if store_id is not None:
            where.append(StockEntry.store_id == store_id)
        found = s.execute(
            select(StockEntry.created_at, StockEntry.kind, StockEntry.delta,
                   StockEntry.on_hand_after, StockEntry.note,
                   func.coalesce(Staff.display_name, ""),
                   func.coalesce(Refund.refund_no, Sale.sale_no, ""),
                   StockEntry.store_id, StockEntry.peer_store_id)
            .outerjoin(Staff, Staff.id == StockEntry.staff_id)
            .outerjoin(Sale, Sale.id == StockEntry.sale_id)
            .outerjoin(Refund, Refund.id == StockEntry.refund_id)
            .where(*where)
            .order_by(StockEntry.id.desc()).limit(limit + 1)).all()
        moves = tuple(Movement(local(at), StockKind(kind), int(d), int(after), str(note),
                               str(staff), str(doc), stores.get(int(st), ""),
                               "" if peer is None else stores.get(int(peer), ""))
                      for at, kind, d, after, note, staff, doc, st, peer in found[:limit])
        return ProductMovements(row, moves, len(found) > limit)


@dataclass(frozen=True)
class StockStores:
    """What the stock page offers: the stores (code, name) of the chain, oldest first,
    this till's store, and whether the actor may look at any store and the sum of all
    (staff of every store: the owner, head office) or only at this till's."""

    stores: tuple[tuple[str, str], ...]
    here: str
    pick: bool


def stock_stores(db: Database, actor: Actor) -> StockStores:
    with db.reader() as uow:
        s = uow.session
        own = s.scalar(select(Staff.store_id).where(Staff.id == actor.staff_id))
        stores = tuple((str(c), str(n)) for c, n in s.execute(
            select(Store.code, Store.name).where(Store.active.is_(True)).order_by(Store.id)))
        return StockStores(stores, current_store(s)[1], own is None)
