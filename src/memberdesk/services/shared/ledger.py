"""Posting to the stored-value and points ledgers.

The only code that changes a member's cached balances. Each posting appends a
ledger row and moves the cache with a guarded UPDATE in the same transaction
(``... WHERE balance + delta >= 0``, the returned row checked), so a balance can
never go negative even if two processes race (they cannot: BEGIN IMMEDIATE
serialises writers; the guard is the second lock on the door).

Every statement here is built once and run on the connection (see
:mod:`.tables`); a member or lot the session has loaded is kept in step.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, bindparam, case, func, insert, select, update
from sqlalchemy.orm import Session

from memberdesk.models import Member, PointsEntry, PointsLot, PointsLotMove, StoredValueEntry
from memberdesk.models.enums import PointsKind, StoredValueKind
from memberdesk.money import Money, allocate
from memberdesk.services.shared import clock
from memberdesk.services.shared.driver import run, send_later
from memberdesk.services.shared.errors import NotFoundError, ValidationError
from memberdesk.services.shared.tables import connection, sync, table

_MEMBERS = table(Member)
_SV_ENTRIES = table(StoredValueEntry)
_POINTS_ENTRIES = table(PointsEntry)
_LOTS = table(PointsLot)
_MOVES = table(PointsLotMove)

_MOVE_STORED_VALUE = (
    update(_MEMBERS)
    .where(
        _MEMBERS.c.id == bindparam("member_id"),
        _MEMBERS.c.sv_principal + bindparam("principal") >= Money(0),
        _MEMBERS.c.sv_bonus + bindparam("bonus") >= Money(0),
    )
    .values(
        sv_principal=_MEMBERS.c.sv_principal + bindparam("principal"),
        sv_bonus=_MEMBERS.c.sv_bonus + bindparam("bonus"),
    )
    .returning(_MEMBERS.c.sv_principal, _MEMBERS.c.sv_bonus)
)
_STORED_VALUE = select(_MEMBERS.c.sv_principal, _MEMBERS.c.sv_bonus).where(
    _MEMBERS.c.id == bindparam("member_id"))
_MOVE_POINTS = (
    update(_MEMBERS)
    .where(_MEMBERS.c.id == bindparam("member_id"),
           _MEMBERS.c.points_balance + bindparam("delta") >= 0)
    .values(points_balance=_MEMBERS.c.points_balance + bindparam("delta"))
    .returning(_MEMBERS.c.points_balance)
)
_POINTS_BALANCE = select(_MEMBERS.c.points_balance).where(_MEMBERS.c.id == bindparam("member_id"))
_ADD_SV_ENTRY = insert(_SV_ENTRIES).returning(_SV_ENTRIES.c.id)
_ADD_POINTS_ENTRY = insert(_POINTS_ENTRIES).returning(_POINTS_ENTRIES.c.id)
_ADD_LOT = insert(_LOTS)
_ADD_MOVES = insert(_MOVES)
_MOVE_LOT = (
    update(_LOTS)
    .where(_LOTS.c.id == bindparam("lot_id"))
    .values(remaining=_LOTS.c.remaining + bindparam("delta"))
)

# Lots are spent soonest-expiring first; never-expiring lots last.
_SOONEST_FIRST = (case((_LOTS.c.expires_on.is_(None), 1), else_=0), _LOTS.c.expires_on)
_MEMBER_LOTS_LEFT = (_LOTS.c.member_id == bindparam("member_id"), _LOTS.c.remaining > 0)
_NOT_EXPIRED = _LOTS.c.expires_on.is_(None) | (_LOTS.c.expires_on >= bindparam("today"))
_USABLE_LOTS = (
    select(_LOTS.c.id, _LOTS.c.remaining)
    .where(*_MEMBER_LOTS_LEFT, _NOT_EXPIRED).order_by(*_SOONEST_FIRST, _LOTS.c.id)
)
_USABLE_POINTS = select(func.sum(_LOTS.c.remaining)).where(*_MEMBER_LOTS_LEFT, _NOT_EXPIRED)
# The same sum as a column of a query on members (bind parameter ``today``).
USABLE_POINTS_OF_MEMBER = (
    select(func.coalesce(func.sum(_LOTS.c.remaining), 0))
    .where(_LOTS.c.member_id == _MEMBERS.c.id, _LOTS.c.remaining > 0, _NOT_EXPIRED)
    .scalar_subquery()
)
_LOTS_LEFT = select(_LOTS.c.id, _LOTS.c.remaining).where(*_MEMBER_LOTS_LEFT).order_by(*_SOONEST_FIRST)
_LOT_OF_ENTRY = select(_LOTS.c.id, _LOTS.c.remaining).where(_LOTS.c.entry_id == bindparam("entry_id"))
_LOTS_BY_ID = select(_LOTS.c.id, _LOTS.c.member_id, _LOTS.c.points, _LOTS.c.remaining).where(
    _LOTS.c.id.in_(bindparam("ids", expanding=True)))


@dataclass(frozen=True)
class Refs:
    """What a ledger entry belongs to."""

    staff_id: int | None = None
    sale_id: int | None = None
    recharge_id: int | None = None
    refund_id: int | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class StoredValuePosting:
    """The stored-value entry just appended (its row's values; not an ORM object:
    building a mapped instance nobody adds to the session costs ~25 µs)."""

    id: int
    member_id: int
    kind: StoredValueKind
    principal_delta: Money
    bonus_delta: Money
    principal_after: Money
    bonus_after: Money


@dataclass(frozen=True, slots=True)
class PointsPosting:
    """The points entry just appended (its row's values)."""

    id: int
    member_id: int
    kind: PointsKind
    delta: int
    balance_after: int


def ref_values(refs: Refs) -> dict[str, Any]:
    """A points or stored-value entry's reference columns (and its time)."""
    return {"sale_id": refs.sale_id, "recharge_id": refs.recharge_id,
            "refund_id": refs.refund_id, "staff_id": refs.staff_id,
            "note": refs.note[:200], "created_at": clock.now()}


def split_stored_value_spend(
    principal: Money, bonus: Money, amount: Money, order: str
) -> tuple[Money, Money]:
    """How much of ``amount`` comes from principal and from bonus, per the shop's
    spend order: ``bonus_first``, ``principal_first`` or ``proportional``.
    The caller has checked ``amount <= principal + bonus``."""
    if amount.fen < 0 or amount.fen > principal.fen + bonus.fen:
        raise ValueError("amount outside the available stored value")
    if order == "principal_first":
        p = Money(min(principal.fen, amount.fen))
        return p, amount - p
    if order == "proportional":
        p, b = allocate(amount, [principal.fen, bonus.fen])
        # Largest remainder may round one fen past a side that is nearly empty.
        if p.fen > principal.fen:
            p, b = principal, amount - principal
        elif b.fen > bonus.fen:
            p, b = amount - bonus, bonus
        return p, b
    b = Money(min(bonus.fen, amount.fen))
    return amount - b, b


def post_stored_value(
    session: Session,
    member_id: int,
    kind: StoredValueKind,
    principal_delta: Money,
    bonus_delta: Money,
    refs: Refs,
) -> StoredValuePosting:
    """Append one stored-value entry and move the member's cached balances."""
    if not principal_delta and not bonus_delta:
        raise ValueError("a stored-value entry must move something")
    conn = connection(session)
    after = run(conn, _MOVE_STORED_VALUE, {
        "member_id": member_id, "principal": principal_delta, "bonus": bonus_delta}).first()
    if after is None:
        raise _stored_value_refused(session, conn, member_id, principal_delta + bonus_delta)
    principal_after, bonus_after = after
    sync(session, Member, member_id, sv_principal=principal_after, sv_bonus=bonus_after)
    values = {"member_id": member_id, "kind": kind, "principal_delta": principal_delta,
              "bonus_delta": bonus_delta, "principal_after": principal_after,
              "bonus_after": bonus_after, **ref_values(refs)}
    entry_id = run(conn, _ADD_SV_ENTRY, values).scalar_one()
    return StoredValuePosting(entry_id, member_id, kind, principal_delta, bonus_delta,
                              principal_after, bonus_after)


def _stored_value_refused(
    session: Session, conn: Connection, member_id: int, delta: Money
) -> ValidationError | NotFoundError:
    now = run(conn, _STORED_VALUE, {"member_id": member_id}).first()
    if now is None:
        return NotFoundError("member_not_found", key=member_id)
    principal, bonus = now
    sync(session, Member, member_id, sv_principal=principal, sv_bonus=bonus)
    return ValidationError("insufficient_stored_value", needed=(-delta).display(),
                           available=(principal + bonus).display())


def _move_points_cache(session: Session, member_id: int, delta: int) -> int | None:
    row = run(connection(session), _MOVE_POINTS, {"member_id": member_id, "delta": delta}).first()
    if row is None:
        return None
    after = int(row[0])
    sync(session, Member, member_id, points_balance=after)
    return after


def _points_entry(
    session: Session, member_id: int, kind: PointsKind, delta: int, after: int, refs: Refs
) -> PointsPosting:
    values = {"member_id": member_id, "kind": kind, "delta": delta, "balance_after": after,
              **ref_values(refs)}
    entry_id = run(session.connection(), _ADD_POINTS_ENTRY, values).scalar_one()
    return PointsPosting(entry_id, member_id, kind, delta, after)


def _move_lots(session: Session, entry_id: int, moves: Sequence[tuple[int, int, int]]) -> None:
    """Move each ``(lot_id, remaining_before, delta)`` and record the moves."""
    if not moves:
        return
    conn = session.connection()
    send_later(conn, _MOVE_LOT, [{"lot_id": lot_id, "delta": delta}
                                 for lot_id, _, delta in moves])
    send_later(conn, _ADD_MOVES, [{"entry_id": entry_id, "lot_id": lot_id, "delta": delta}
                                  for lot_id, _, delta in moves])
    for lot_id, before, delta in moves:
        sync(session, PointsLot, lot_id, remaining=before + delta)


def _take_from_lots(
    session: Session, entry_id: int, lots: Sequence[Any], points: int
) -> list[tuple[int, int]]:
    """Take ``points`` from ``lots`` (rows of id, remaining) in their order."""
    taken: list[tuple[int, int]] = []
    moves: list[tuple[int, int, int]] = []
    left = points
    for lot_id, remaining in lots:
        if left == 0:
            break
        take = min(remaining, left)
        taken.append((lot_id, take))
        moves.append((lot_id, remaining, -take))
        left -= take
    _move_lots(session, entry_id, moves)
    return taken


def credit_points(
    session: Session,
    member_id: int,
    kind: PointsKind,
    points: int,
    expires_on: date | None,
    refs: Refs,
) -> PointsPosting:
    """Add ``points`` as a new lot expiring on ``expires_on`` (None = never)."""
    if points <= 0:
        raise ValueError("credit_points needs a positive number of points")
    after = _move_points_cache(session, member_id, points)
    if after is None:
        raise NotFoundError("member_not_found", key=member_id)
    entry = _points_entry(session, member_id, kind, points, after, refs)
    send_later(session.connection(), _ADD_LOT, [{
        "member_id": member_id, "entry_id": entry.id, "points": points, "remaining": points,
        "expires_on": expires_on}])
    return entry


def usable_lots(session: Session, member_id: int, today: date) -> list[PointsLot]:
    """Lots with points left and not expired, soonest-expiring first (never-expiring last)."""
    return list(session.scalars(
        select(PointsLot).where(*_MEMBER_LOTS_LEFT, _NOT_EXPIRED)
        .order_by(*_SOONEST_FIRST, _LOTS.c.id),
        {"member_id": member_id, "today": today},
    ))


def usable_points(session: Session, member_id: int, today: date) -> int:
    """Points in lots that have not expired (the balance may still hold expired ones
    until the expiry run)."""
    total = connection(session).scalar(_USABLE_POINTS, {"member_id": member_id, "today": today})
    return int(total or 0)


def debit_points(
    session: Session,
    member_id: int,
    kind: PointsKind,
    points: int,
    today: date,
    refs: Refs,
) -> tuple[PointsPosting, list[tuple[int, int]]]:
    """Take ``points`` from the soonest-expiring usable lots.

    Returns the entry and ``(lot_id, points_taken)`` per lot, which a refund needs
    to give the points back to the lots they came from."""
    if points <= 0:
        raise ValueError("debit_points needs a positive number of points")
    lots = run(connection(session), _USABLE_LOTS, {"member_id": member_id, "today": today}).all()
    available = sum(lot.remaining for lot in lots)
    if available < points:
        raise ValidationError("insufficient_points", needed=points, available=available)
    after = _move_points_cache(session, member_id, -points)
    if after is None:
        raise ValidationError("insufficient_points", needed=points, available=available)
    entry = _points_entry(session, member_id, kind, -points, after, refs)
    return entry, _take_from_lots(session, entry.id, lots, points)


def return_points_to_lots(
    session: Session,
    member_id: int,
    kind: PointsKind,
    lots_points: list[tuple[int, int]],
    refs: Refs,
) -> PointsPosting:
    """Give points back to the lots they were taken from (e.g. refunding a sale that
    was paid with points). A lot that has expired since keeps its expiry: the points
    come back as they were, and the next expiry run removes them."""
    total = sum(p for _, p in lots_points)
    if total <= 0:
        raise ValueError("nothing to return")
    found = {lot.id: lot for lot in run(connection(session), _LOTS_BY_ID, {"ids": [lot_id for lot_id, _ in lots_points]})}
    remaining = {lot_id: lot.remaining for lot_id, lot in found.items()}
    moves: list[tuple[int, int, int]] = []
    for lot_id, pts in lots_points:
        lot = found.get(lot_id)
        if lot is None or lot.member_id != member_id or remaining[lot_id] + pts > lot.points:
            raise ValueError(f"cannot return {pts} points to lot {lot_id}")
        moves.append((lot_id, remaining[lot_id], pts))
        remaining[lot_id] += pts
    after = _move_points_cache(session, member_id, total)
    if after is None:
        raise NotFoundError("member_not_found", key=member_id)
    entry = _points_entry(session, member_id, kind, total, after, refs)
    _move_lots(session, entry.id, moves)
    return entry


def take_back_points(
    session: Session,
    member_id: int,
    kind: PointsKind,
    points: int,
    source_entry_id: int,
    refs: Refs,
) -> tuple[PointsPosting | None, int]:
    """Take back points that were earned by ``source_entry_id`` (a refund).

    First from that entry's own lot, then from other usable lots. If the member has
    already spent them, takes what there is and returns the shortfall, which the
    caller must settle (for example by deducting its value from the refund)."""
    conn = connection(session)
    lot = run(conn, _LOT_OF_ENTRY, {"entry_id": source_entry_id}).first()
    balance = run(conn, _POINTS_BALANCE, {"member_id": member_id}).scalar()
    if balance is None:
        raise NotFoundError("member_not_found", key=member_id)
    wanted = min(points, balance)
    shortfall = points - wanted
    if wanted == 0:
        return None, shortfall
    after = _move_points_cache(session, member_id, -wanted)
    if after is None:  # pragma: no cover - guarded by the read above
        raise ValidationError("insufficient_points", needed=wanted, available=0)
    entry = _points_entry(session, member_id, kind, -wanted, after, refs)
    ordered = [lot] if lot is not None and lot.remaining > 0 else []
    ordered += [x for x in run(conn, _LOTS_LEFT, {"member_id": member_id})
                if lot is None or x.id != lot.id]
    _take_from_lots(session, entry.id, ordered, wanted)
    return entry, shortfall
