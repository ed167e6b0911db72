"""A transfer of stock between two stores of a chain (调拨): one use case, one
transaction. The sending store's stock goes down (never below zero, whatever
``stock.allow_negative`` says of sales: goods not on the shelf cannot be sent), the
receiving store's goes up (its first transfer in starts tracking the product there),
two entries name each other's store, and one audit row records both.

Who may: the owner, or a manager of the sending store (``MANAGE_CATALOG`` and the
sending store within their reach; a manager of the receiving store cannot pull goods
out of another store).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.models import StockKind, StockLevel
from memberdesk.services.shared import audit, clock
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import ValidationError
from memberdesk.services.shared.permissions import Permission, require
from memberdesk.services.shared.requests import clean_text
from memberdesk.services.shop.stores import acting_store, find_store

from .ledger import (
    ADD_ENTRIES,
    MOVE,
    NOTE_MAX,
    TAKE,
    StockInfo,
    check_qty,
    entry,
    info_of,
    level_of,
    product_by_code,
)


@dataclass(frozen=True)
class Transfer:
    """The product's stock in both stores after the transfer."""

    sent: StockInfo  # the sending store's
    received: StockInfo  # the receiving store's
    qty: int


def _move(s: Session, level: StockLevel, delta: int) -> int | None:
    """The level's guarded move (a take never below zero); None: not enough."""
    params = {"pid": level.product_id, "store": level.store_id, "delta": delta}
    found = s.connection().execute(TAKE if delta < 0 else MOVE, params).scalar()
    return None if found is None else int(found)


def transfer_stock(db: Database, actor: Actor, code: str, qty: int, to_store: str, *,
                   from_store: str | None = None, note: str = "") -> Transfer:
    """Send ``qty`` of product ``code`` from ``from_store`` (None: this till's store)
    to ``to_store`` (调拨)."""
    qty = check_qty(qty, allow_zero=False, field=("调拨数量", "quantity transferred"))
    note = clean_text(note, NOTE_MAX)
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_CATALOG)
        src_id, src_code = acting_store(s, actor, from_store)  # the sender's staff only
        dst_id, dst_code = find_store(s, to_store)
        if dst_id == src_id:
            raise ValidationError("stock_transfer_same_store", store=src_code)
        p = product_by_code(s, code)
        out = level_of(s, p, src_id, start=False)
        if not out.tracked:
            raise ValidationError("stock_not_tracked", product=p.name)
        into = level_of(s, p, dst_id, start=True)
        started = not into.tracked
        into.tracked = True
        s.flush()
        before = (out.on_hand, into.on_hand)
        # the two rows in store-id order: two opposite transfers never lock crosswise
        moves = sorted([(out, -qty), (into, qty)], key=lambda m: m[0].store_id)
        after = {lvl.store_id: _move(s, lvl, delta) for lvl, delta in moves}
        if after[src_id] is None:
            raise ValidationError("stock_transfer_short", product=p.name, store=src_code,
                                  on_hand=before[0], qty=qty, unit=p.unit)
        at = clock.now()
        s.connection().execute(ADD_ENTRIES, [
            entry(p.id, src_id, StockKind.TRANSFER_OUT, -qty, int(after[src_id] or 0), at,
                  actor.staff_id, peer_store_id=dst_id, note=note),
            entry(p.id, dst_id, StockKind.TRANSFER_IN, qty, int(after[dst_id] or 0), at,
                  actor.staff_id, peer_store_id=src_id, note=note)])
        s.refresh(out)
        s.refresh(into)
        audit.record(s, action="stock.transfer", staff_id=actor.staff_id, entity="product",
                     entity_id=p.code, detail={
                         "from": src_code, "to": dst_code, "qty": qty, "note": note,
                         "from_on_hand": [before[0], out.on_hand],
                         "to_on_hand": [before[1], into.on_hand], "started": started})
        result = Transfer(info_of(p, out, src_code), info_of(p, into, dst_code), qty)
        uow.commit()
    return result
