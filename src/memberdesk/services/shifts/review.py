"""Shifts waiting for a manager's check (交班审核): every closed shift not yet
verified, oldest first, with the cash expected and counted and the difference;
optionally the recently verified ones too. Verifying is
:func:`memberdesk.services.shifts.shift.verify_shift`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import aliased

from memberdesk.db import Database
from memberdesk.domain import shoptime
from memberdesk.models import Shift, ShiftCount, Staff
from memberdesk.models.enums import ShiftStatus, TenderKind
from memberdesk.money import Money
from memberdesk.services.shared import clock
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.permissions import Permission, require
from memberdesk.services.shared.this_store import current_store_id
from memberdesk.services.shifts.shift import ShiftSummary, summary_in

LIMIT = 500


@dataclass(frozen=True)
class ShiftToVerify:
    id: int
    shift_no: str
    cashier: str
    opened_at: datetime  # the shop's wall-clock time
    closed_at: datetime
    cash_expected: Money
    cash_counted: Money
    cash_variance: Money  # counted - expected: negative is short
    other_variance: Money  # the other methods' differences, summed
    verified: bool
    verified_by: str  # "" until verified
    note: str


def shifts_to_verify(db: Database, actor: Actor, *, include_verified: bool = False,
                     limit: int = LIMIT) -> tuple[ShiftToVerify, ...]:
    """Closed shifts awaiting verification, oldest first; with ``include_verified``
    the newest verified ones follow (up to ``limit`` in all)."""
    with db.reader() as uow:
        s = uow.session
        require(s, actor, Permission.VERIFY_SHIFT)
        minutes = clock.offset_minutes(s)
        cashier, checker = aliased(Staff), aliased(Staff)
        statuses = [ShiftStatus.CLOSED] + ([ShiftStatus.VERIFIED] if include_verified else [])
        stmt = (
            select(Shift, cashier.display_name, checker.display_name)
            .join(cashier, cashier.id == Shift.staff_id)
            .outerjoin(checker, checker.id == Shift.verified_by_id)
            .where(Shift.status.in_(statuses))
        )
        waiting = list(s.execute(stmt.where(Shift.status == ShiftStatus.CLOSED)
                                 .order_by(Shift.closed_at, Shift.id).limit(limit)))
        done = [] if not include_verified else list(s.execute(
            stmt.where(Shift.status == ShiftStatus.VERIFIED)
            .order_by(Shift.closed_at.desc(), Shift.id.desc()).limit(max(0, limit - len(waiting)))))
        rows = waiting + done
        ids = [shift.id for shift, _c, _v in rows]
        counts: dict[int, list[ShiftCount]] = {}
        if ids:
            for c in s.scalars(select(ShiftCount).where(ShiftCount.shift_id.in_(ids))):
                counts.setdefault(c.shift_id, []).append(c)
        out = []
        for shift, cashier_name, checker_name in rows:
            mine = counts.get(shift.id, [])
            cash = next((c for c in mine if c.tender_kind is TenderKind.CASH), None)
            other = sum((c.variance.fen for c in mine if c.tender_kind is not TenderKind.CASH), 0)
            closed = shift.closed_at or shift.opened_at
            out.append(ShiftToVerify(
                shift.id, shift.shift_no, str(cashier_name or ""),
                shoptime.local_time(shift.opened_at, minutes),
                shoptime.local_time(closed, minutes),
                cash.expected if cash else Money(0), cash.counted if cash else Money(0),
                cash.variance if cash else Money(0), Money(other),
                shift.status is ShiftStatus.VERIFIED, str(checker_name or ""), shift.note,
            ))
        return tuple(out)


def open_shifts(db: Database, actor: Actor) -> tuple[ShiftSummary, ...]:
    """This store's shifts still open (oldest first), for the day close: a manager
    closes one left open with :func:`memberdesk.services.shifts.shift.close_shift_for`."""
    with db.reader() as uow:
        s = uow.session
        require(s, actor, Permission.CLOSE_DAY)
        rows = s.scalars(select(Shift).where(Shift.status == ShiftStatus.OPEN,
                                             Shift.store_id == current_store_id(s))
                         .order_by(Shift.opened_at, Shift.id).limit(LIMIT))
        return tuple(summary_in(s, shift, actor) for shift in rows)
