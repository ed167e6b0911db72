"""Light inventory (库存): goods received, stock counts, the low-stock threshold, and
the sale and refund movements checkout and refunds post in their own transactions.

Every change of a product's stock is an entry in the append-only stock ledger
(``stock_entries``) and, in the same transaction, a guarded update of the cached
``stock_levels.on_hand``. A product is tracked from its first count (an opening
entry) or its first goods received; services (``is_service``: a car wash, a
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
from memberdesk.models import Product, StockEntry, StockKind, StockLevel
from memberdesk.services.shared import audit, clock
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.driver import run, run_many
from memberdesk.services.shared.errors import NotFoundError, ValidationError
from memberdesk.services.shared.permissions import Permission, require
from memberdesk.services.shared.requests import clean_text
from memberdesk.services.shared.tables import connection, table

ALLOW_NEGATIVE = "stock.allow_negative"
NOTE_MAX = 200

_LEVELS, _ENTRIES, _PRODUCTS = table(StockLevel), table(StockEntry), table(Product)
_TRACKED = select(_LEVELS.c.product_id, _LEVELS.c.on_hand).where(
    _LEVELS.c.product_id.in_(bindparam("ids", expanding=True)), _LEVELS.c.tracked.is_(True))
_MOVE = (update(_LEVELS)
         .where(_LEVELS.c.product_id == bindparam("pid"))
         .values(on_hand=_LEVELS.c.on_hand + bindparam("delta"))
         .returning(_LEVELS.c.on_hand))
# The guarded form when stock may not go below zero: no row updated = not enough.
_TAKE = (update(_LEVELS)
         .where(_LEVELS.c.product_id == bindparam("pid"),
                _LEVELS.c.on_hand + bindparam("delta") >= 0)
         .values(on_hand=_LEVELS.c.on_hand + bindparam("delta"))
         .returning(_LEVELS.c.on_hand))
_ADD_ENTRIES = insert(_ENTRIES)


@dataclass(frozen=True)
class StockInfo:
    """A product's stock after a change (or as read)."""

    code: str
    name: str
    unit: str
    tracked: bool
    on_hand: int
    low_at: int | None

    @property
    def low(self) -> bool:
        return self.tracked and is_low(self.on_hand, self.low_at)


# -- posting (inside another use case's transaction) -------------------------------------
def _entry(pid: int, kind: StockKind, delta: int, after: int, at: datetime, staff_id: int | None,
           *, sale_id: int | None = None, refund_id: int | None = None,
           note: str = "") -> dict[str, object]:
    return {"product_id": pid, "kind": kind, "delta": delta, "on_hand_after": after,
            "sale_id": sale_id, "refund_id": refund_id, "staff_id": staff_id,
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
              allow_negative: bool, staff_id: int | None, at: datetime, note: str = "") -> None:
    """A SALE entry per tracked product of the sale's ``(product_id, qty)`` lines;
    refuses (the caller's transaction rolls back) when stock may not go below zero
    and a product has too little. Untracked products and plain amounts move nothing."""
    wanted = _per_product(lines)
    if not wanted:
        return
    conn = connection(s)
    tracked = {int(pid): int(on_hand) for pid, on_hand in run(
        conn, _TRACKED, {"ids": sorted(wanted)})}
    if not tracked:
        return
    rows = []
    for pid in sorted(tracked):  # a fixed order: two tills never lock in opposite orders
        qty = wanted[pid]
        after = run(conn, _MOVE if allow_negative else _TAKE,
                    {"pid": pid, "delta": -qty}).scalar()
        if after is None:
            raise _short(s, pid, tracked[pid], qty)
        rows.append(_entry(pid, StockKind.SALE, -qty, int(after), at, staff_id,
                           sale_id=sale_id, note=note))
    run_many(conn, _ADD_ENTRIES, rows)


def post_refund(s: Session, refund_id: int, sale_id: int,
                lines: Iterable[tuple[int | None, int]], *, staff_id: int | None,
                at: datetime, note: str = "") -> None:
    """A REFUND entry per tracked product of the refunded ``(product_id, qty)``
    lines: the goods are back on the shelf (a count corrects a broken one)."""
    back = _per_product(lines)
    if not back:
        return
    conn = connection(s)
    tracked = [int(pid) for pid, _ in conn.execute(_TRACKED, {"ids": sorted(back)})]
    rows = []
    for pid in sorted(tracked):
        after = conn.execute(_MOVE, {"pid": pid, "delta": back[pid]}).scalar_one()
        rows.append(_entry(pid, StockKind.REFUND, back[pid], int(after), at, staff_id,
                           sale_id=sale_id, refund_id=refund_id, note=note))
    if rows:
        run_many(conn, _ADD_ENTRIES, rows)


def post_gift(s: Session, pid: int, delta: int, *, staff_id: int | None, at: datetime,
              note: str) -> int | None:
    """A GIFT entry for a points-mall redemption (``delta`` < 0) or its reversal
    (``delta`` > 0) of a tracked product. A gift is never handed over below zero
    (whatever ``stock.allow_negative`` says of sales): None when the product is not
    tracked or has too little, and nothing is written; else the quantity on hand after."""
    conn = connection(s)
    found = conn.execute(_TRACKED, {"ids": [pid]}).first()
    if found is None:
        return None
    after = conn.execute(_TAKE if delta < 0 else _MOVE, {"pid": pid, "delta": delta}).scalar()
    if after is None:
        return None
    conn.execute(_ADD_ENTRIES, [_entry(pid, StockKind.GIFT, delta, int(after), at, staff_id,
                                       note=note)])
    return int(after)


# -- the owner's use cases ---------------------------------------------------------------
def _product(s: Session, code: str) -> Product:
    p = s.scalar(select(Product).where(Product.code == str(code or "").strip()))
    if p is None:
        raise NotFoundError("product_not_found", key=code)
    return p


def _level(s: Session, p: Product, *, start: bool) -> StockLevel:
    """The product's level row; with ``start``, created (untracked, 0) when missing."""
    if p.is_service:
        raise ValidationError("stock_service", product=p.name)
    level = s.get(StockLevel, p.id)
    if level is None:
        if not start:
            raise ValidationError("stock_not_tracked", product=p.name)
        level = StockLevel(product_id=p.id, tracked=False, on_hand=0, low_at=None)
        s.add(level)
        s.flush()
    return level


def _info(p: Product, level: StockLevel | None) -> StockInfo:
    if level is None:
        return StockInfo(p.code, p.name, p.unit, False, 0, None)
    return StockInfo(p.code, p.name, p.unit, level.tracked, level.on_hand, level.low_at)


def _check_qty(qty: object, *, allow_zero: bool, field: tuple[str, str]) -> int:
    low = 0 if allow_zero else 1
    if type(qty) is not int or not low <= qty <= MAX_QTY:
        raise ValidationError("stock_bad_quantity", field=field[0], field_en=field[1],
                              text=str(qty), min=low, max=f"{MAX_QTY:,}")
    return qty


def _post(s: Session, level: StockLevel, kind: StockKind, delta: int, staff_id: int,
          note: str) -> int:
    s.flush()
    conn = s.connection()
    after = int(conn.execute(_MOVE, {"pid": level.product_id, "delta": delta}).scalar_one())
    conn.execute(_ADD_ENTRIES, [_entry(level.product_id, kind, delta, after, clock.now(),
                                       staff_id, note=note)])
    s.refresh(level)
    return after


def receive_stock(db: Database, actor: Actor, code: str, qty: int, note: str = "") -> StockInfo:
    """Goods received (入库): ``qty`` more on hand. The first receipt of a product not
    tracked yet starts tracking it. ``note``: the supplier, a delivery note number."""
    qty = _check_qty(qty, allow_zero=False, field=("入库数量", "quantity received"))
    note = clean_text(note, NOTE_MAX)
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_CATALOG)
        p = _product(s, code)
        level = _level(s, p, start=True)
        started = not level.tracked
        level.tracked = True
        before = level.on_hand
        after = _post(s, level, StockKind.RECEIVE, qty, actor.staff_id, note)
        audit.record(s, action="stock.receive", staff_id=actor.staff_id, entity="product",
                     entity_id=p.code, detail={"qty": qty, "on_hand": [before, after],
                                               "note": note, "started": started})
        info = _info(p, level)
        uow.commit()
    return info


def count_stock(db: Database, actor: Actor, code: str, counted: int, reason: str) -> StockInfo:
    """A stock count (盘点): ``counted`` is what is on the shelf; the difference from
    the book is posted as a COUNT entry with the reason (also when there is none, as
    the record that the count was made). Counting a product not tracked yet starts
    tracking it with an OPENING entry."""
    counted = _check_qty(counted, allow_zero=True, field=("盘点数量", "counted quantity"))
    reason = clean_text(reason, NOTE_MAX)
    if not reason:
        raise ValidationError("stock_count_reason")
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_CATALOG)
        p = _product(s, code)
        level = _level(s, p, start=True)
        kind = StockKind.COUNT if level.tracked else StockKind.OPENING
        level.tracked = True
        before = level.on_hand
        _post(s, level, kind, counted - before, actor.staff_id, reason)
        audit.record(s, action="stock.count", staff_id=actor.staff_id, entity="product",
                     entity_id=p.code, detail={"on_hand": [before, counted],
                                               "difference": counted - before,
                                               "reason": reason, "kind": kind.value})
        info = _info(p, level)
        uow.commit()
    return info


def set_low_stock(db: Database, actor: Actor, code: str, low_at: int | None) -> StockInfo:
    """The low-stock threshold (at or below it the product is on the low-stock list);
    None removes it."""
    if low_at is not None:
        low_at = _check_qty(low_at, allow_zero=True, field=("库存预警数量", "low-stock level"))
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_CATALOG)
        p = _product(s, code)
        level = _level(s, p, start=True)
        old = level.low_at
        level.low_at = low_at
        audit.record(s, action="stock.threshold", staff_id=actor.staff_id, entity="product",
                     entity_id=p.code, detail={"low_at": [old, low_at]})
        info = _info(p, level)
        uow.commit()
    return info


def stop_tracking(db: Database, actor: Actor, code: str) -> StockInfo:
    """Stop tracking a product's stock (不管库存): its sales move nothing from now on;
    its ledger stays. A later count starts tracking again from what is counted."""
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_CATALOG)
        p = _product(s, code)
        level = _level(s, p, start=False)
        if not level.tracked:
            raise ValidationError("stock_not_tracked", product=p.name)
        level.tracked = False
        audit.record(s, action="stock.untrack", staff_id=actor.staff_id, entity="product",
                     entity_id=p.code, detail={"on_hand": level.on_hand})
        info = _info(p, level)
        uow.commit()
    return info


def stock_of(db: Database, code: str) -> StockInfo:
    with db.reader() as uow:
        p = _product(uow.session, code)
        return _info(p, uow.session.get(StockLevel, p.id))
