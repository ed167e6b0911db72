"""Which records a day close covers.

Every record belongs to exactly one day close: the first close made after the
record exists whose business date is on or after the record's business date.
A close stores the highest id of each table at the moment it was made (its
watermarks); the next close takes the records past those watermarks, plus the
ones it skipped last time because their business date was later (a sale rung up
after midnight, before a late close). So closing twice never counts anything
twice, and a correction made after a close lands in the next day's report.

Each store closes its own days (网络版): a close takes its store's sales, and the
refunds and recharges made in its store's shifts, past that store's previous close.
The chain's ledgers (stored value, points, coupons, members, count cards) are the
chain's: a store's close shows their moves since that store's previous close.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select, true
from sqlalchemy.orm import InstrumentedAttribute, Session

from memberdesk.models import (
    CountCardEntry,
    CouponEvent,
    DayClose,
    Member,
    PointsEntry,
    Recharge,
    Refund,
    Sale,
    Shift,
    StoredValueEntry,
    TierChange,
)


@dataclass(frozen=True)
class Watermarks:
    sale: int = 0
    refund: int = 0
    recharge: int = 0
    sv_entry: int = 0
    points_entry: int = 0
    coupon_event: int = 0
    member: int = 0
    count_card_entry: int = 0  # closes sealed before count cards read back 0
    tier_change: int = 0  # likewise before tier changes were in the close

    def to_dict(self) -> dict[str, int]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Watermarks:
        return cls(**{k: int(v) for k, v in data.items() if k in cls.__dataclass_fields__})


@dataclass(frozen=True)
class Window:
    business_date: date
    previous_date: date | None
    previous: Watermarks
    current: Watermarks
    since: datetime | None  # when the previous close was made
    until: datetime
    store_id: int | None = None  # None: every store (a report over the chain)

    def dated(
        self, id_col: InstrumentedAttribute[int], date_col: InstrumentedAttribute[date],
        previous_id: int, current_id: int,
    ) -> ColumnElement[bool]:
        """Records with a business date: new since the last close, or skipped by it."""
        new_or_skipped = (
            id_col > previous_id
            if self.previous_date is None
            else or_(id_col > previous_id, date_col > self.previous_date)
        )
        return and_(id_col <= current_id, date_col <= self.business_date, new_or_skipped)

    def _in_store(self, cond: ColumnElement[bool],
                  shift_col: InstrumentedAttribute[int]) -> ColumnElement[bool]:
        """``cond`` and, for one store, made in one of its shifts."""
        if self.store_id is None:
            return cond
        return and_(cond, shift_col.in_(select(Shift.id).where(Shift.store_id == self.store_id)))

    def sales(self) -> ColumnElement[bool]:
        cond = self.dated(Sale.id, Sale.business_date, self.previous.sale, self.current.sale)
        return cond if self.store_id is None else and_(cond, Sale.store_id == self.store_id)

    def refunds(self) -> ColumnElement[bool]:
        return self._in_store(self.dated(
            Refund.id, Refund.business_date, self.previous.refund, self.current.refund
        ), Refund.shift_id)

    def recharges(self) -> ColumnElement[bool]:
        return self._in_store(self.dated(
            Recharge.id, Recharge.business_date, self.previous.recharge, self.current.recharge
        ), Recharge.shift_id)

    def shifts(self) -> ColumnElement[bool]:
        """The shifts of the window's store (every shift for the chain)."""
        return true() if self.store_id is None else Shift.store_id == self.store_id

    @staticmethod
    def between(col: InstrumentedAttribute[int], lo: int, hi: int) -> ColumnElement[bool]:
        return and_(col > lo, col <= hi)


def current_watermarks(s: Session) -> Watermarks:
    def top(col: InstrumentedAttribute[int]) -> int:
        return int(s.scalar(select(func.max(col))) or 0)

    return Watermarks(
        sale=top(Sale.id),
        refund=top(Refund.id),
        recharge=top(Recharge.id),
        sv_entry=top(StoredValueEntry.id),
        points_entry=top(PointsEntry.id),
        coupon_event=top(CouponEvent.id),
        member=top(Member.id),
        count_card_entry=top(CountCardEntry.id),
        tier_change=top(TierChange.id),
    )


def last_close(s: Session, store_id: int) -> DayClose | None:
    """The newest close of ``store_id``."""
    return s.scalars(select(DayClose).where(DayClose.store_id == store_id)
                     .order_by(DayClose.close_no.desc()).limit(1)).first()


def window_for(s: Session, store_id: int, business_date: date, until: datetime) -> Window:
    """What ``store_id``'s close of ``business_date`` made at ``until`` covers."""
    prev = last_close(s, store_id)
    previous = (
        Watermarks.from_dict(json.loads(prev.report_json)["watermarks"]) if prev else Watermarks()
    )
    return Window(
        business_date=business_date,
        previous_date=prev.business_date if prev else None,
        previous=previous,
        current=current_watermarks(s),
        since=prev.closed_at if prev else None,
        until=until,
        store_id=store_id,
    )
