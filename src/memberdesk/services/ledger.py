"""Posting to the stored-value and points ledgers.

The only code that changes a member's cached balances. Each posting appends a
ledger row and moves the cache with a guarded UPDATE in the same transaction
(``... WHERE balance + delta >= 0``, rowcount checked), so a balance can never go
negative even if two processes race (they cannot: BEGIN IMMEDIATE serialises
writers; the guard is the second lock on the door).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import case, select, update
from sqlalchemy.orm import Session

from memberdesk.models import Member, PointsEntry, PointsLot, PointsLotMove, StoredValueEntry
from memberdesk.models.enums import PointsKind, StoredValueKind
from memberdesk.money import Money, allocate

from .errors import NotFoundError, ValidationError


@dataclass(frozen=True)
class Refs:
    """What a ledger entry belongs to."""

    staff_id: int | None = None
    sale_id: int | None = None
    recharge_id: int | None = None
    refund_id: int | None = None
    note: str = ""


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
) -> StoredValueEntry:
    """Append one stored-value entry and move the member's cached balances."""
    if not principal_delta and not bonus_delta:
        raise ValueError("a stored-value entry must move something")
    result = session.execute(
        update(Member)
        .where(
            Member.id == member_id,
            Member.sv_principal + principal_delta >= Money(0),
            Member.sv_bonus + bonus_delta >= Money(0),
        )
        .values(
            sv_principal=Member.sv_principal + principal_delta,
            sv_bonus=Member.sv_bonus + bonus_delta,
        )
        .returning(Member.sv_principal, Member.sv_bonus)
        .execution_options(synchronize_session=False)
    ).first()
    if result is None:
        member = session.get(Member, member_id)
        if member is None:
            raise NotFoundError("member_not_found", key=member_id)
        session.refresh(member)
        raise ValidationError(
            "insufficient_stored_value",
            needed=(-(principal_delta + bonus_delta)).display(),
            available=(member.sv_principal + member.sv_bonus).display(),
        )
    principal_after, bonus_after = result
    entry = StoredValueEntry(
        member_id=member_id,
        kind=kind,
        principal_delta=principal_delta,
        bonus_delta=bonus_delta,
        principal_after=principal_after,
        bonus_after=bonus_after,
        sale_id=refs.sale_id,
        recharge_id=refs.recharge_id,
        refund_id=refs.refund_id,
        staff_id=refs.staff_id,
        note=refs.note[:200],
    )
    session.add(entry)
    _expire_member(session, member_id)
    session.flush()
    return entry


def _expire_member(session: Session, member_id: int) -> None:
    member = session.get(Member, member_id)
    if member is not None:
        session.expire(member, ["sv_principal", "sv_bonus", "points_balance"])


def _move_points_cache(session: Session, member_id: int, delta: int) -> int | None:
    row = session.execute(
        update(Member)
        .where(Member.id == member_id, Member.points_balance + delta >= 0)
        .values(points_balance=Member.points_balance + delta)
        .returning(Member.points_balance)
        .execution_options(synchronize_session=False)
    ).first()
    _expire_member(session, member_id)
    return None if row is None else int(row[0])


def _points_entry(
    session: Session, member_id: int, kind: PointsKind, delta: int, after: int, refs: Refs
) -> PointsEntry:
    entry = PointsEntry(
        member_id=member_id,
        kind=kind,
        delta=delta,
        balance_after=after,
        sale_id=refs.sale_id,
        recharge_id=refs.recharge_id,
        refund_id=refs.refund_id,
        staff_id=refs.staff_id,
        note=refs.note[:200],
    )
    session.add(entry)
    session.flush()
    return entry


def credit_points(
    session: Session,
    member_id: int,
    kind: PointsKind,
    points: int,
    expires_on: date | None,
    refs: Refs,
) -> PointsEntry:
    """Add ``points`` as a new lot expiring on ``expires_on`` (None = never)."""
    if points <= 0:
        raise ValueError("credit_points needs a positive number of points")
    after = _move_points_cache(session, member_id, points)
    if after is None:
        raise NotFoundError("member_not_found", key=member_id)
    entry = _points_entry(session, member_id, kind, points, after, refs)
    session.add(
        PointsLot(
            member_id=member_id,
            entry_id=entry.id,
            points=points,
            remaining=points,
            expires_on=expires_on,
        )
    )
    session.flush()
    return entry


def usable_lots(session: Session, member_id: int, today: date) -> list[PointsLot]:
    """Lots with points left and not expired, soonest-expiring first (never-expiring last)."""
    return list(
        session.scalars(
            select(PointsLot)
            .where(
                PointsLot.member_id == member_id,
                PointsLot.remaining > 0,
                (PointsLot.expires_on.is_(None)) | (PointsLot.expires_on >= today),
            )
            .order_by(
                case((PointsLot.expires_on.is_(None), 1), else_=0),
                PointsLot.expires_on,
                PointsLot.id,
            )
        )
    )


def debit_points(
    session: Session,
    member_id: int,
    kind: PointsKind,
    points: int,
    today: date,
    refs: Refs,
) -> tuple[PointsEntry, list[tuple[int, int]]]:
    """Take ``points`` from the soonest-expiring usable lots.

    Returns the entry and ``(lot_id, points_taken)`` per lot, which a refund needs
    to give the points back to the lots they came from."""
    if points <= 0:
        raise ValueError("debit_points needs a positive number of points")
    lots = usable_lots(session, member_id, today)
    available = sum(lot.remaining for lot in lots)
    if available < points:
        raise ValidationError("insufficient_points", needed=points, available=available)
    after = _move_points_cache(session, member_id, -points)
    if after is None:
        raise ValidationError("insufficient_points", needed=points, available=available)
    entry = _points_entry(session, member_id, kind, -points, after, refs)
    taken: list[tuple[int, int]] = []
    left = points
    for lot in lots:
        if left == 0:
            break
        take = min(lot.remaining, left)
        lot.remaining -= take
        session.add(PointsLotMove(entry_id=entry.id, lot_id=lot.id, delta=-take))
        taken.append((lot.id, take))
        left -= take
    session.flush()
    return entry, taken


def return_points_to_lots(
    session: Session,
    member_id: int,
    kind: PointsKind,
    lots_points: list[tuple[int, int]],
    refs: Refs,
) -> PointsEntry:
    """Give points back to the lots they were taken from (e.g. refunding a sale that
    was paid with points). A lot that has expired since keeps its expiry: the points
    come back as they were, and the next expiry run removes them."""
    total = sum(p for _, p in lots_points)
    if total <= 0:
        raise ValueError("nothing to return")
    after = _move_points_cache(session, member_id, total)
    if after is None:
        raise NotFoundError("member_not_found", key=member_id)
    entry = _points_entry(session, member_id, kind, total, after, refs)
    for lot_id, pts in lots_points:
        lot = session.get(PointsLot, lot_id)
        if lot is None or lot.member_id != member_id or lot.remaining + pts > lot.points:
            raise ValueError(f"cannot return {pts} points to lot {lot_id}")
        lot.remaining += pts
        session.add(PointsLotMove(entry_id=entry.id, lot_id=lot_id, delta=pts))
    session.flush()
    return entry


def take_back_points(
    session: Session,
    member_id: int,
    kind: PointsKind,
    points: int,
    source_entry_id: int,
    refs: Refs,
) -> tuple[PointsEntry | None, int]:
    """Take back points that were earned by ``source_entry_id`` (a refund).

    First from that entry's own lot, then from other usable lots. If the member has
    already spent them, takes what there is and returns the shortfall, which the
    caller must settle (for example by deducting its value from the refund)."""
    lot = session.scalar(select(PointsLot).where(PointsLot.entry_id == source_entry_id))
    member = session.get(Member, member_id)
    if member is None:
        raise NotFoundError("member_not_found", key=member_id)
    session.refresh(member)
    wanted = min(points, member.points_balance)
    shortfall = points - wanted
    if wanted == 0:
        return None, shortfall
    after = _move_points_cache(session, member_id, -wanted)
    if after is None:  # pragma: no cover - guarded by the refresh above
        raise ValidationError("insufficient_points", needed=wanted, available=0)
    entry = _points_entry(session, member_id, kind, -wanted, after, refs)
    left = wanted
    ordered: list[PointsLot] = []
    if lot is not None and lot.remaining > 0:
        ordered.append(lot)
    ordered += [
        x
        for x in session.scalars(
            select(PointsLot)
            .where(PointsLot.member_id == member_id, PointsLot.remaining > 0)
            .order_by(case((PointsLot.expires_on.is_(None), 1), else_=0), PointsLot.expires_on)
        )
        if lot is None or x.id != lot.id
    ]
    for x in ordered:
        if left == 0:
            break
        take = min(x.remaining, left)
        x.remaining -= take
        session.add(PointsLotMove(entry_id=entry.id, lot_id=x.id, delta=-take))
        left -= take
    session.flush()
    return entry, shortfall


def expire_points(session: Session, member_id: int, today: date, refs: Refs) -> int:
    """Expire every lot of ``member_id`` whose date has passed; returns points expired."""
    lots = list(
        session.scalars(
            select(PointsLot).where(
                PointsLot.member_id == member_id,
                PointsLot.remaining > 0,
                PointsLot.expires_on < today,
            )
        )
    )
    total = sum(lot.remaining for lot in lots)
    if total == 0:
        return 0
    after = _move_points_cache(session, member_id, -total)
    if after is None:
        raise ValueError("points cache out of step with lots")
    entry = _points_entry(session, member_id, PointsKind.EXPIRE, -total, after, refs)
    for lot in lots:
        session.add(PointsLotMove(entry_id=entry.id, lot_id=lot.id, delta=-lot.remaining))
        lot.remaining = 0
    session.flush()
    return total
