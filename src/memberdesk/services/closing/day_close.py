"""Closing the day (日结): a numbered, sealed report, then an automatic backup.

Each store closes its own days (the till's store, ``this_store.current_store``): two
stores close the same business date independently, each over its own sales, refunds,
recharges and shifts. Close numbers are one sequence over the chain, drawn under a
numbering lock on a server."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.models import DayClose, Shift, Staff
from memberdesk.models.enums import ShiftStatus
from memberdesk.services.reporting import codec
from memberdesk.services.reporting.day_report import DayReport, compute, in_shop_time
from memberdesk.services.reporting.window import last_close, window_for
from memberdesk.services.shared import audit, clock
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import ConflictError, Localized, UserError, ValidationError
from memberdesk.services.shared.locks import lock_numbering
from memberdesk.services.shared.permissions import Permission, require
from memberdesk.services.shared.this_store import current_store, current_store_id
from memberdesk.services.shop.stores import check_store_reach, report_store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DayCloseResult:
    report: DayReport
    replayed: bool  # True: the day was already closed; this is the sealed report
    backup_path: str | None
    backup_warning: str | None  # in the user's language, when the automatic backup failed
    backup_removed: tuple[str, ...] = ()  # older backups the automatic backup rotated away


def report_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def sealed(s: Session, dc: DayClose) -> DayReport:
    """The sealed report as stored (UTC), shown in the shop's time."""
    return in_shop_time(codec.loads(DayReport, dc.report_json), clock.local_offset(s))


def _check_date(s: Session, business_date: date) -> None:
    today = clock.business_date(s, clock.now())
    if business_date > today:
        raise ValidationError("date_in_future", date=business_date.isoformat())


def _folded_into(s: Session, store_id: int, business_date: date) -> DayClose | None:
    """The store's close that took in a day which was never closed itself."""
    return s.scalars(
        select(DayClose).where(DayClose.store_id == store_id,
                               DayClose.business_date > business_date)
        .order_by(DayClose.close_no).limit(1)
    ).first()


def _closed(s: Session, store_id: int, business_date: date) -> DayClose | None:
    return s.scalar(select(DayClose).where(DayClose.store_id == store_id,
                                           DayClose.business_date == business_date))


def report_for_day(s: Session, business_date: date, store_id: int | None = None) -> DayReport:
    """The sealed report of a closed day, or a preview of the next day to close, of
    ``store_id`` (None: this till's store)."""
    store = current_store_id(s) if store_id is None else store_id
    closed = _closed(s, store, business_date)
    if closed is not None:
        return sealed(s, closed)
    _check_date(s, business_date)
    later = _folded_into(s, store, business_date)
    if later is not None:
        raise ConflictError(
            "day_folded", date=business_date.isoformat(),
            close_date=later.business_date.isoformat(), close_no=later.close_no,
        )
    return in_shop_time(compute(s, window_for(s, store, business_date, clock.now())),
                        clock.local_offset(s))


def day_report(db: Database, actor: Actor, business_date: date,
               store: str | None = None) -> DayReport:
    """The day report of ``store`` (None: this till's store; a code: head office, or
    that store's own staff). Each store closes its own day: never ALL."""
    with db.reader() as uow:
        s = uow.session
        require(s, actor, Permission.VIEW_REPORTS)
        scope = report_store(s, actor, store)
        if scope.store_id is None:
            raise ValidationError("day_report_one_store")
        return report_for_day(s, business_date, scope.store_id)


def _refuse_close(s: Session, store: int, business_date: date) -> None:
    """Why ``business_date`` of ``store`` cannot be closed now (raised), the one home
    of these checks: :func:`check_day_close` asks them before the confirmation,
    :func:`close_day` again under its lock."""
    _check_date(s, business_date)
    prev = last_close(s, store)
    if prev is not None and business_date < prev.business_date:
        raise ConflictError(
            "day_folded", date=business_date.isoformat(),
            close_date=prev.business_date.isoformat(), close_no=prev.close_no,
        )
    open_shifts = list(s.execute(
        select(Shift.shift_no, Staff.display_name).join(Staff, Staff.id == Shift.staff_id)
        .where(Shift.status == ShiftStatus.OPEN, Shift.store_id == store)))
    if open_shifts:
        raise ConflictError("shifts_still_open", shifts=Localized(
            "、".join(f"{no}（{name}）" for no, name in open_shifts),
            ", ".join(f"{no} ({name})" for no, name in open_shifts)))


def check_day_close(db: Database, actor: Actor, business_date: date) -> bool:
    """Could ``business_date`` be closed now? Raises what :func:`close_day` would
    refuse with (shifts still open, a folded day, a date not begun), so the first press
    of 日结 says it, not only the confirming one. False: the day is closed already."""
    with db.reader() as uow:
        s = uow.session
        require(s, actor, Permission.CLOSE_DAY)
        store, _code = current_store(s)
        check_store_reach(s, actor, store)
        if _closed(s, store, business_date) is not None:
            return False
        _refuse_close(s, store, business_date)
        return True


def close_day(db: Database, actor: Actor, business_date: date) -> DayCloseResult:
    """Seal this till's store's ``business_date``. Closing a closed day returns its
    sealed report."""
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.CLOSE_DAY)
        store, store_code = current_store(s)
        check_store_reach(s, actor, store)
        lock_numbering(s, "day_close")  # one close at a time over the chain (a server)
        existing = _closed(s, store, business_date)
        if existing is not None:
            return DayCloseResult(sealed(s, existing), True, None, None)
        _refuse_close(s, store, business_date)
        close_no = int(s.scalar(select(func.max(DayClose.close_no))) or 0) + 1
        at = clock.now()
        report = compute(s, window_for(s, store, business_date, at), close_no=close_no)
        text = codec.dumps(report)  # UTC instants, as every sealed close stores them
        report = in_shop_time(report, clock.local_offset(s))
        audit.record(s, action="day.close", staff_id=actor.staff_id, entity="day_close",
                     entity_id=close_no, detail={"date": business_date.isoformat(),
                                                 "store": store_code,
                                                 "net": report.net.fen,
                                                 "hash": report_hash(text)})
        tip, seal = audit.seal_close(s, close_no, report_hash(text))  # the chain, sealed
        s.add(DayClose(
            close_no=close_no, business_date=business_date, store_id=store,
            staff_id=actor.staff_id,
            closed_at=at, last_sale_id=report.watermarks.sale,
            last_refund_id=report.watermarks.refund,
            last_recharge_id=report.watermarks.recharge,
            report_json=text, report_hash=report_hash(text), audit_tip=tip, seal=seal,
        ))
        uow.commit()
    backup_path, warning, removed = _backup_after_close(db)
    return DayCloseResult(report, False, backup_path, warning, removed)


def _backup_after_close(db: Database) -> tuple[str | None, str | None, tuple[str, ...]]:
    from memberdesk.services.backup.create import create_backup

    if db.paths is None:
        return None, None, ()
    try:
        result = create_backup(db, None, kind="day-close")
    except UserError as exc:
        log.error("automatic backup after day close failed: %s", exc.message("en"))
        return None, exc.message(), ()
    return str(result.path), None, result.removed
