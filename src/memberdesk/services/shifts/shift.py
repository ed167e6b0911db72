"""Shifts (交班): open with a float, cash in/out, close with counted amounts.

Expected amounts per payment method come from the shift's sales, recharges and
refunds; the cashier's count is recorded as it is, with the variance beside it
(a count never has to match). With ``shift.blind_close`` a cashier counts without
seeing what is expected; a manager sees both when verifying.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.models import (
    Recharge,
    Refund,
    RefundTender,
    Sale,
    Shift,
    ShiftCashMove,
    ShiftCount,
    Staff,
    Tender,
)
from memberdesk.models.enums import CashMoveKind, Role, ShiftStatus, TenderKind
from memberdesk.money import Money
from memberdesk.services.pricing.tenders import EXTERNAL_KINDS, named
from memberdesk.services.shared import audit, clock, settings
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import Localized, NotFoundError, ValidationError
from memberdesk.services.shared.permissions import Permission, require, role_has
from memberdesk.services.shared.requests import check_amount, clean_text
from memberdesk.services.shared.this_store import current_store_id
from memberdesk.services.shop.stores import check_store_reach

COUNTED_KINDS = (*sorted(EXTERNAL_KINDS, key=list(TenderKind).index), TenderKind.COUPON)


@dataclass(frozen=True)
class ShiftAmount:
    kind: TenderKind
    expected: Money | None  # None: hidden (blind close)
    counted: Money | None  # None: not closed yet
    variance: Money | None  # counted - expected


@dataclass(frozen=True)
class ShiftSummary:
    id: int
    shift_no: str
    staff_id: int
    staff_name: str
    status: ShiftStatus
    blind: bool
    opened_at: datetime
    closed_at: datetime | None
    opening_float: Money
    sales_count: int
    sales_total: Money
    refunds_total: Money
    recharges_total: Money
    cash_in: Money
    cash_out: Money
    amounts: tuple[ShiftAmount, ...]
    note: str


def open_shift_in(s: Session, staff_id: int) -> Shift:
    """The staff member's open shift; a cashier cannot take payments without one."""
    shift = s.scalar(
        select(Shift).where(Shift.staff_id == staff_id, Shift.status == ShiftStatus.OPEN)
    )
    if shift is None:
        raise ValidationError("no_open_shift")
    return shift


@dataclass(frozen=True)
class _Totals:
    expected: dict[TenderKind, Money]
    count: int
    sales: Money
    refunds: Money
    recharges: Money
    cash_in: Money
    cash_out: Money


def _fen(value: object) -> int:
    """A SUM over a money column comes back as Money (or None, or a bare int)."""
    if isinstance(value, Money):
        return value.fen
    return int(value) if isinstance(value, int) else 0


def _sum_by_kind(s: Session, stmt: Select[TenderKind, Money]) -> dict[TenderKind, int]:
    return {kind: _fen(amount) for kind, amount in s.execute(stmt)}


@dataclass(frozen=True)
class TenderFlows:
    """What a shift took and paid out, per payment method (zero kinds left out)."""

    sales: dict[TenderKind, Money]
    recharges: dict[TenderKind, Money]
    refunds: dict[TenderKind, Money]


def _flows(s: Session, shift: Shift) -> tuple[dict[TenderKind, int], ...]:
    sold = _sum_by_kind(s, select(Tender.kind, func.sum(Tender.amount))
                        .join(Sale, Sale.id == Tender.sale_id)
                        .where(Sale.shift_id == shift.id).group_by(Tender.kind))
    recharged = _sum_by_kind(s, select(Recharge.tender_kind, func.sum(Recharge.amount))
                             .where(Recharge.shift_id == shift.id)
                             .group_by(Recharge.tender_kind))
    refunded = _sum_by_kind(s, select(RefundTender.kind, func.sum(RefundTender.amount))
                            .join(Refund, Refund.id == RefundTender.refund_id)
                            .where(Refund.shift_id == shift.id).group_by(RefundTender.kind))
    return sold, recharged, refunded


def tender_flows_in(s: Session, shift: Shift) -> TenderFlows:
    """Sales, recharges and refunds of ``shift`` by payment method (for reports)."""
    sold, recharged, refunded = _flows(s, shift)

    def money(d: dict[TenderKind, int]) -> dict[TenderKind, Money]:
        return {k: Money(d[k]) for k in TenderKind if d.get(k)}

    return TenderFlows(money(sold), money(recharged), money(refunded))


def _expected(s: Session, shift: Shift) -> _Totals:
    exp: dict[TenderKind, int] = dict.fromkeys(TenderKind, 0)
    sold, recharged, refunded = _flows(s, shift)
    for kind in TenderKind:
        exp[kind] = sold.get(kind, 0) + recharged.get(kind, 0) - refunded.get(kind, 0)
    moves: dict[CashMoveKind, int] = dict.fromkeys(CashMoveKind, 0)
    for move_kind, amount in s.execute(
        select(ShiftCashMove.kind, func.sum(ShiftCashMove.amount))
        .where(ShiftCashMove.shift_id == shift.id).group_by(ShiftCashMove.kind)
    ):
        moves[move_kind] = _fen(amount)
    exp[TenderKind.CASH] += shift.opening_float.fen + moves[CashMoveKind.CASH_IN]
    exp[TenderKind.CASH] -= moves[CashMoveKind.CASH_OUT]
    count, sales = s.execute(
        select(func.count(), func.sum(Sale.payable)).where(Sale.shift_id == shift.id)
    ).one()
    refunds = s.scalar(select(func.sum(Refund.amount)).where(Refund.shift_id == shift.id))
    recharges = s.scalar(select(func.sum(Recharge.amount)).where(Recharge.shift_id == shift.id))
    return _Totals(
        {k: Money(v) for k, v in exp.items()}, int(count), Money(_fen(sales)),
        Money(_fen(refunds)), Money(_fen(recharges)),
        Money(moves[CashMoveKind.CASH_IN]), Money(moves[CashMoveKind.CASH_OUT]),
    )


def _summary(s: Session, shift: Shift, actor: Actor) -> ShiftSummary:
    t = _expected(s, shift)
    viewer = s.get(Staff, actor.staff_id)
    hide = shift.blind and not (viewer is not None and role_has(viewer.role, Permission.VERIFY_SHIFT))
    counts = {c.tender_kind: c for c in s.scalars(
        select(ShiftCount).where(ShiftCount.shift_id == shift.id))}
    amounts = []
    for kind in COUNTED_KINDS:
        c = counts.get(kind)
        amounts.append(ShiftAmount(
            kind,
            None if hide else (c.expected if c else t.expected[kind]),
            c.counted if c else None,
            None if hide or c is None else c.variance,
        ))
    staff = s.get(Staff, shift.staff_id)
    return ShiftSummary(
        shift.id, shift.shift_no, shift.staff_id, staff.display_name if staff else "",
        shift.status, shift.blind, shift.opened_at, shift.closed_at, shift.opening_float,
        t.count, t.sales, t.refunds, t.recharges, t.cash_in, t.cash_out, tuple(amounts),
        shift.note,
    )


def summary_in(s: Session, shift: Shift, actor: Actor) -> ShiftSummary:
    """The summary of ``shift`` as ``actor`` may see it, inside the caller's unit of work."""
    return _summary(s, shift, actor)


def open_shift(
    db: Database,
    actor: Actor,
    opening_float: Money,
    *,
    action: str = "shift.open",
    detail: dict[str, object] | None = None,
) -> ShiftSummary:
    """Open ``actor``'s shift at this store's tills. ``action`` and ``detail``: the audit
    row's, for a shift opened on the cashier's behalf (the offline sales' sending)."""
    check_amount(opening_float, allow_zero=True)
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.SELL)
        check_store_reach(s, actor, current_store_id(s))  # staff of one store: its tills
        existing = s.scalar(select(Shift).where(Shift.staff_id == actor.staff_id,
                                                Shift.status == ShiftStatus.OPEN))
        if existing is not None:
            raise ValidationError("shift_already_open", shift_no=existing.shift_no)
        at = clock.now()
        shift = Shift(
            shift_no=clock.next_number(s, Shift.shift_no, "B", clock.business_date(s, at), 3),
            staff_id=actor.staff_id, store_id=current_store_id(s), opening_float=opening_float,
            blind=settings.get_bool(s, "shift.blind_close"), opened_at=at,
        )
        s.add(shift)
        s.flush()
        audit.record(s, action=action, staff_id=actor.staff_id, entity="shift",
                     entity_id=shift.shift_no, detail={"float": opening_float.fen, **(detail or {})})
        result = _summary(s, shift, actor)
        uow.commit()
    return result


def cash_move(
    db: Database, actor: Actor, kind: CashMoveKind, amount: Money, reason: str
) -> ShiftSummary:
    """Cash put into (备用金) or taken out of (取款) the drawer outside a sale."""
    check_amount(amount)
    reason = clean_text(reason, 200)
    if not reason:
        raise ValidationError("reason_required")
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.SELL)
        shift = open_shift_in(s, actor.staff_id)
        s.add(ShiftCashMove(shift_id=shift.id, kind=kind, amount=amount, reason=reason,
                            staff_id=actor.staff_id))
        audit.record(s, action=f"shift.{kind.value}", staff_id=actor.staff_id, entity="shift",
                     entity_id=shift.shift_no, detail={"amount": amount.fen, "reason": reason})
        s.flush()
        result = _summary(s, shift, actor)
        uow.commit()
    return result


def current_shift(db: Database, actor: Actor) -> ShiftSummary | None:
    with db.reader() as uow:
        s = uow.session
        shift = s.scalar(select(Shift).where(Shift.staff_id == actor.staff_id,
                                             Shift.status == ShiftStatus.OPEN))
        return None if shift is None else _summary(s, shift, actor)


def shift_summary(db: Database, actor: Actor, shift_id: int) -> ShiftSummary:
    with db.reader() as uow:
        s = uow.session
        shift = s.get(Shift, shift_id)
        if shift is None:
            raise NotFoundError("shift_not_found", key=shift_id)
        if shift.staff_id != actor.staff_id:
            require(s, actor, Permission.VERIFY_SHIFT)
        return _summary(s, shift, actor)


def _check_counted(counted: Mapping[TenderKind, Money]) -> None:
    """Cash must be counted; only the counted methods, each a valid amount."""
    if TenderKind.CASH not in counted:
        raise ValidationError("count_required", kind=named(TenderKind.CASH))
    for kind, amount in counted.items():
        if kind not in COUNTED_KINDS:
            raise ValidationError("tender_not_allowed", kind=named(kind),
                                  what=Localized("交班清点", "the shift count"))
        check_amount(amount, allow_zero=True)


def _close(s: Session, actor: Actor, shift: Shift, counted: Mapping[TenderKind, Money],
           note: str) -> dict[str, dict[str, int]]:
    """Record the counts (a method not given counts as expected) with their variance and
    close ``shift`` by ``actor``; the counted/expected per method, for the audit row."""
    expected = _expected(s, shift).expected
    detail: dict[str, dict[str, int]] = {}
    for kind in COUNTED_KINDS:
        exp = expected[kind]
        got = counted.get(kind, exp)
        s.add(ShiftCount(shift_id=shift.id, tender_kind=kind, expected=exp, counted=got,
                         variance=got - exp))
        detail[kind.value] = {"expected": exp.fen, "counted": got.fen}
    shift.status = ShiftStatus.CLOSED
    shift.closed_at = clock.now()
    shift.closed_by_id = actor.staff_id
    shift.note = clean_text(note, 200)
    return detail


def close_shift(
    db: Database, actor: Actor, counted: Mapping[TenderKind, Money], note: str = ""
) -> ShiftSummary:
    """Close the actor's shift with what was counted. Cash must be counted; a method
    not given (say, WeChat, checked against the statement) counts as expected.
    Whatever the count, it is recorded with its variance."""
    _check_counted(counted)
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.SELL)
        shift = open_shift_in(s, actor.staff_id)
        detail = _close(s, actor, shift, counted, note)
        audit.record(s, action="shift.close", staff_id=actor.staff_id, entity="shift",
                     entity_id=shift.shift_no, detail=detail)
        s.flush()
        result = _summary(s, shift, actor)
        uow.commit()
    return result


def close_shift_for(
    db: Database, actor: Actor, shift_no: str, counted: Mapping[TenderKind, Money],
    note: str = "",
) -> ShiftSummary:
    """代交班: a manager or the owner (who may close the day) closes another staff
    member's open shift with what they counted, the same rules as :func:`close_shift`.
    The shift is closed by the manager; the audit row names both."""
    _check_counted(counted)
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.CLOSE_DAY)
        shift = s.scalar(select(Shift).where(Shift.shift_no == shift_no,
                                             Shift.status == ShiftStatus.OPEN))
        if shift is None:  # closed already, or no such number (typed at the command line)
            if s.scalar(select(Shift.id).where(Shift.shift_no == shift_no)) is None:
                raise NotFoundError("shift_not_found", key=shift_no)
            raise NotFoundError("open_shift_not_found", shift_no=shift_no)
        if shift.staff_id == actor.staff_id:
            raise ValidationError("shift_close_for_own", shift_no=shift_no)
        check_store_reach(s, actor, shift.store_id)
        detail = _close(s, actor, shift, counted, note)
        cashier = s.get(Staff, shift.staff_id)
        manager = s.get(Staff, actor.staff_id)
        audit.record(s, action="shift.close_for", staff_id=actor.staff_id, entity="shift",
                     entity_id=shift.shift_no,
                     detail={"cashier": cashier.display_name if cashier else "?",
                             "closed_by": manager.display_name if manager else "?",
                             **detail})
        s.flush()
        result = _summary(s, shift, actor)
        uow.commit()
    return result


def verify_shift(db: Database, actor: Actor, shift_id: int, note: str = "") -> ShiftSummary:
    """A manager or the owner checks a closed shift (the counts and variances stay as
    counted). A manager cannot verify their own shift (the owner may: nobody is above
    them); a shift is verified once. The audit row keeps what was verified."""
    note = clean_text(note, 200)
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.VERIFY_SHIFT)
        shift = s.get(Shift, shift_id)
        if shift is None:
            raise NotFoundError("shift_not_found", key=shift_id)
        if shift.status is ShiftStatus.VERIFIED:
            by = s.get(Staff, shift.verified_by_id) if shift.verified_by_id else None
            raise ValidationError("shift_already_verified", shift_no=shift.shift_no,
                                  name=by.display_name if by else "?")
        if shift.status is not ShiftStatus.CLOSED:
            raise ValidationError("shift_not_closed", shift_no=shift.shift_no)
        viewer = s.get(Staff, actor.staff_id)
        if shift.staff_id == actor.staff_id and (viewer is None or viewer.role is not Role.OWNER):
            raise ValidationError("shift_verify_own", shift_no=shift.shift_no)
        shift.status = ShiftStatus.VERIFIED
        shift.verified_by_id = actor.staff_id
        if note:
            shift.note = clean_text(f"{shift.note} {note}", 200)
        variances = {c.tender_kind.value: c.variance.fen for c in s.scalars(
            select(ShiftCount).where(ShiftCount.shift_id == shift.id)) if c.variance.fen}
        audit.record(s, action="shift.verify", staff_id=actor.staff_id, entity="shift",
                     entity_id=shift.shift_no,
                     detail={"variance": variances, **({"note": note} if note else {})})
        s.flush()
        result = _summary(s, shift, actor)
        uow.commit()
    return result
