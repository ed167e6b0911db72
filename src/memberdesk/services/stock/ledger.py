"""Light inventory (库存): goods received, stock counts, the low-stock threshold, and
the sale and refund movements checkout and refunds post in their own transactions.

Stock is per store (网络版): every change of a product's stock in a store is an entry
of that store in the append-only stock ledger (``stock_entries``) and, in the same
transaction, a guarded update of the store's cached ``stock_levels.on_hand``. A sale
takes stock from its till's store, a refund returns it to the sale's store, a gift
leaves the till's store; goods received, counts, thresholds and tracking are per store
(``store``: a store's code, None this till's store; staff of one store act only in
theirs). A transfer between stores (调拨) is :mod:`.transfer`. A shop of one store
sees what it saw before stores. A product is tracked in a store from its first count
there (an opening entry) or its first goods received there; services (``is_service``: a car wash, a
haircut) never are, and the owner may stop tracking a product (loose vegetables)
— its sales then move nothing. Whether a sale may take a tracked product below
zero is the setting ``stock.allow_negative`` (default yes: the shelf is the truth
and the cashier must be able to sell; such sales are listed in the stock report).

Writes need ``MANAGE_CATALOG`` (manager, owner) and are audited; quantities are
whole units (see :mod:`memberdesk.domain.stock`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.domain.stock import MAX_QTY, is_low
from memberdesk.models import Product, Sale, StockEntry, StockKind, StockLevel
from memberdesk.services.shared import audit, clock
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.driver import run, run_many, send_later
from memberdesk.services.shared.errors import NotFoundError, ValidationError
from memberdesk.services.shared.permissions import Permission, require
from memberdesk.services.shared.requests import clean_text
from memberdesk.services.shared.tables import connection, table
from memberdesk.services.shared.this_store import current_store
from memberdesk.services.shop.stores import acting_store, find_store

ALLOW_NEGATIVE = "stock.allow_negative"
NOTE_MAX = 200

_LEVELS, _ENTRIES, _PRODUCTS = table(StockLevel), table(StockEntry), table(Product)
_TRACKED = select(_LEVELS.c.product_id, _LEVELS.c.on_hand).where(
    _LEVELS.c.product_id.in_(bindparam("ids", expanding=True)),
    _LEVELS.c.store_id == bindparam("store"), _LEVELS.c.tracked.is_(True))
MOVE = (update(_LEVELS)
         .where(_LEVELS.c.product_id == bindparam("pid"), _LEVELS.c.store_id == bindparam("store"))
         .values(on_hand=_LEVELS.c.on_hand + bindparam("delta"))
         .returning(_LEVELS.c.on_hand))
# The guarded form when stock may not go below zero: no row updated = not enough.
TAKE = (update(_LEVELS)
         .where(_LEVELS.c.product_id == bindparam("pid"), _LEVELS.c.store_id == bindparam("store"),
                _LEVELS.c.on_hand + bindparam("delta") >= 0)
         .values(on_hand=_LEVELS.c.on_hand + bindparam("delta"))
         .returning(_LEVELS.c.on_hand))
ADD_ENTRIES = insert(_ENTRIES)
_SALE_STORE = select(table(Sale).c.store_id).where(table(Sale).c.id == bindparam("sale_id"))


@dataclass(frozen=True)
class StockInfo:
    """A product's stock in a store after a change (or as read)."""

    code: str
    name: str
    unit: str
    tracked: bool
    on_hand: int
    low_at: int | None
    store: str = ""  # the store's code

    @property
    def low(self) -> bool:
        return self.tracked and is_low(self.on_hand, self.low_at)


# -- posting (inside another use case's transaction) -------------------------------------
def entry(pid: int, store_id: int, kind: StockKind, delta: int, after: int, at: datetime,
          staff_id: int | None, *, sale_id: int | None = None, refund_id: int | None = None,
          peer_store_id: int | None = None, note: str = "") -> dict[str, object]:
    """A stock entry's row for :data:`ADD_ENTRIES`."""
    return {"product_id": pid, "store_id": store_id, "kind": kind, "delta": delta,
            "on_hand_after": after, "sale_id": sale_id, "refund_id": refund_id,
            "peer_store_id": peer_store_id, "staff_id": staff_id,
            "note": note[:NOTE_MAX], "created_at": at}


def _per_product(lines: Iterable[tuple[int | None, int]]) -> dict[int, int]:
    qty: dict[int, int] = defaultdict(int)
    for pid, q in lines:
        if pid is not None and q:
            qty[pid] += q
    return qty


def _short(s: Session, pid: int, on_hand: int, qty: int) -> ValidationError:
    name, unit = s.execute(select(Product.name, Product.unit).where(Product.id == pid)).one()
    return ValidationError("stock_short", product=name, on_hand=on_hand, qty=qty, unit=unit)


def post_sale(s: Session, sale_id: int, lines: Iterable[tuple[int | None, int]], *,
              store_id: int, allow_negative: bool, staff_id: int | None, at: datetime,
              note: str = "") -> None:
    """A SALE entry in ``store_id`` (the till's store) per product of the sale's
    ``(product_id, qty)`` lines tracked there;
    refuses (the caller's transaction rolls back) when stock may not go below zero
    and a product has too little. Untracked products and plain amounts move nothing."""
    wanted = _per_product(lines)
    if not wanted:
        return
    conn = connection(s)
    tracked = {int(pid): int(on_hand) for pid, on_hand in run(
        conn, _TRACKED, {"ids": sorted(wanted), "store": store_id})}
    if not tracked:
        return
    rows = []
    for pid in sorted(tracked):  # a fixed order: two tills never lock in opposite orders
        qty = wanted[pid]
        after = run(conn, MOVE if allow_negative else TAKE,
                    {"pid": pid, "store": store_id, "delta": -qty}).scalar()
        if after is None:
            raise _short(s, pid, tracked[pid], qty)
        rows.append(entry(pid, store_id, StockKind.SALE, -qty, int(after), at, staff_id,
                          sale_id=sale_id, note=note))
    send_later(conn, ADD_ENTRIES, rows)


def post_refund(s: Session, refund_id: int, sale_id: int,
                lines: Iterable[tuple[int | None, int]], *, staff_id: int | None,
                at: datetime, note: str = "") -> None:
    """A REFUND entry in the sale's store per product of the refunded ``(product_id,
    qty)`` lines tracked there: the goods are back on that store's shelf (a count
    corrects a broken one), whichever till takes the refund."""
    back = _per_product(lines)
    if not back:
        return
    conn = connection(s)
    store_id = conn.execute(_SALE_STORE, {"sale_id": sale_id}).scalar_one()
    tracked = [int(pid) for pid, _ in conn.execute(
        _TRACKED, {"ids": sorted(back), "store": store_id})]
    rows = []
    for pid in sorted(tracked):
        after = conn.execute(MOVE, {"pid": pid, "store": store_id,
                                     "delta": back[pid]}).scalar_one()
        rows.append(entry(pid, store_id, StockKind.REFUND, back[pid], int(after), at,
                          staff_id, sale_id=sale_id, refund_id=refund_id, note=note))
    if rows:
        run_many(conn, ADD_ENTRIES, rows)


def post_gift(s: Session, pid: int, delta: int, *, store_id: int, staff_id: int | None,
              at: datetime, note: str) -> int | None:
    """A GIFT entry in ``store_id`` for a points-mall redemption (``delta`` < 0) or its
    reversal (``delta`` > 0) of a product tracked there. A gift is never handed over below zero
    (whatever ``stock.allow_negative`` says of sales): None when the product is not
    tracked or has too little, and nothing is written; else the quantity on hand after."""
    conn = connection(s)
    found = conn.execute(_TRACKED, {"ids": [pid], "store": store_id}).first()
    if found is None:
        return None
    after = conn.execute(TAKE if delta < 0 else MOVE,
                         {"pid": pid, "store": store_id, "delta": delta}).scalar()
    if after is None:
        return None
    conn.execute(ADD_ENTRIES, [entry(pid, store_id, StockKind.GIFT, delta, int(after), at,
                                      staff_id, note=note)])
    return int(after)


# -- the owner's use cases ---------------------------------------------------------------
def product_by_code(s: Session, code: str) -> Product:
    p = s.scalar(select(Product).where(Product.code == str(code or "").strip()))
    if p is None:
        raise NotFoundError("product_not_found", key=code)
    return p


def level_of(s: Session, p: Product, store_id: int, *, start: bool) -> StockLevel:
    """The product's level row in the store; with ``start``, created (untracked, 0)
    when missing."""
    if p.is_service:
        raise ValidationError("stock_service", product=p.name)
    level = s.get(StockLevel, (p.id, store_id))
    if level is None:
        if not start:
            raise ValidationError("stock_not_tracked", product=p.name)
        level = StockLevel(product_id=p.id, store_id=store_id, tracked=False, on_hand=0,
                           low_at=None)
        s.add(level)
        s.flush()
    return level


def info_of(p: Product, level: StockLevel | None, store: str) -> StockInfo:
    if level is None:
        return StockInfo(p.code, p.name, p.unit, False, 0, None, store)
    return StockInfo(p.code, p.name, p.unit, level.tracked, level.on_hand, level.low_at, store)


def check_qty(qty: object, *, allow_zero: bool, field: tuple[str, str]) -> int:
    low = 0 if allow_zero else 1
    if type(qty) is not int or not low <= qty <= MAX_QTY:
        raise ValidationError("stock_bad_quantity", field=field[0], field_en=field[1],
                              text=str(qty), min=low, max=f"{MAX_QTY:,}")
    return qty


def _post(s: Session, level: StockLevel, kind: StockKind, delta: int, staff_id: int,
          note: str) -> int:
    s.flush()
    conn = s.connection()
    after = int(conn.execute(MOVE, {"pid": level.product_id, "store": level.store_id,
                                     "delta": delta}).scalar_one())
    conn.execute(ADD_ENTRIES, [entry(level.product_id, level.store_id, kind, delta, after,
                                      clock.now(), staff_id, note=note)])
    s.refresh(level)
    return after


def receive_stock(db: Database, actor: Actor, code: str, qty: int, note: str = "",
                  *, store: str | None = None) -> StockInfo:
    """Goods received (入库): ``qty`` more on hand. The first receipt of a product not
    tracked yet starts tracking it. ``note``: the supplier, a delivery note number."""
    qty = check_qty(qty, allow_zero=False, field=("入库数量", "quantity received"))
    note = clean_text(note, NOTE_MAX)
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_CATALOG)
        store_id, store_code = acting_store(s, actor, store)
        p = product_by_code(s, code)
        level = level_of(s, p, store_id, start=True)
        started = not level.tracked
        level.tracked = True
        before = level.on_hand
        after = _post(s, level, StockKind.RECEIVE, qty, actor.staff_id, note)
        audit.record(s, action="stock.receive", staff_id=actor.staff_id, entity="product",
                     entity_id=p.code, detail={"store": store_code, "qty": qty, "on_hand": [before, after],
                                               "note": note, "started": started})
        info = info_of(p, level, store_code)
        uow.commit()
    return info


def count_stock(db: Database, actor: Actor, code: str, counted: int, reason: str,
                *, store: str | None = None) -> StockInfo:
    """A stock count (盘点): ``counted`` is what is on the shelf; the difference from
    the book is posted as a COUNT entry with the reason (also when there is none, as
    the record that the count was made). Counting a product not tracked yet starts
    tracking it with an OPENING entry."""
    counted = check_qty(counted, allow_zero=True, field=("盘点数量", "counted quantity"))
    reason = clean_text(reason, NOTE_MAX)
    if not reason:
        raise ValidationError("stock_count_reason")
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_CATALOG)
        store_id, store_code = acting_store(s, actor, store)
        p = product_by_code(s, code)
        level = level_of(s, p, store_id, start=True)
        kind = StockKind.COUNT if level.tracked else StockKind.OPENING
        level.tracked = True
        before = level.on_hand
        _post(s, level, kind, counted - before, actor.staff_id, reason)
        audit.record(s, action="stock.count", staff_id=actor.staff_id, entity="product",
                     entity_id=p.code, detail={"store": store_code, "on_hand": [before, counted],
                                               "difference": counted - before,
                                               "reason": reason, "kind": kind.value})
        info = info_of(p, level, store_code)
        uow.commit()
    return info


def set_low_stock(db: Database, actor: Actor, code: str, low_at: int | None,
                  *, store: str | None = None) -> StockInfo:
    """The low-stock threshold (at or below it the product is on the low-stock list);
    None removes it."""
    if low_at is not None:
        low_at = check_qty(low_at, allow_zero=True, field=("库存预警数量", "low-stock level"))
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_CATALOG)
        store_id, store_code = acting_store(s, actor, store)
        p = product_by_code(s, code)
        level = level_of(s, p, store_id, start=True)
        old = level.low_at
        level.low_at = low_at
        audit.record(s, action="stock.threshold", staff_id=actor.staff_id, entity="product",
                     entity_id=p.code, detail={"store": store_code, "low_at": [old, low_at]})
        info = info_of(p, level, store_code)
        uow.commit()
    return info


def stop_tracking(db: Database, actor: Actor, code: str,
                  *, store: str | None = None) -> StockInfo:
    """Stop tracking a product's stock (不管库存): its sales move nothing from now on;
    its ledger stays. A later count starts tracking again from what is counted."""
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_CATALOG)
        store_id, store_code = acting_store(s, actor, store)
        p = product_by_code(s, code)
        level = level_of(s, p, store_id, start=False)
        if not level.tracked:
            raise ValidationError("stock_not_tracked", product=p.name)
        level.tracked = False
        audit.record(s, action="stock.untrack", staff_id=actor.staff_id, entity="product",
                     entity_id=p.code, detail={"store": store_code, "on_hand": level.on_hand})
        info = info_of(p, level, store_code)
        uow.commit()
    return info


def stock_of(db: Database, code: str, store: str | None = None) -> StockInfo:
    """A product's stock in ``store`` (None: this till's store)."""
    with db.reader() as uow:
        s = uow.session
        store_id, store_code = (find_store(s, store) if store and store.strip()
                                else current_store(s))
        p = product_by_code(s, code)
        return info_of(p, s.get(StockLevel, (p.id, store_id)), store_code)
