"""What the reports share: date ranges in the shop's time, streamed rows, small helpers.

A report over a range of local dates reads records whose business date (sales,
refunds, recharges) or local creation time (ledger entries, coupon events) falls
within it. Large reports stream their rows from a read-only unit of work that stays
open while the rows are exported: :func:`streaming_reader` and :class:`RowStream`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Generic, TypeVar

from sqlalchemy import ColumnElement, Select, and_, select, true
from sqlalchemy.orm import InstrumentedAttribute, Session

from memberdesk.db import Database
from memberdesk.models import Staff
from memberdesk.money import Money
from memberdesk.services.shared import clock
from memberdesk.services.shared.errors import ValidationError

T = TypeVar("T")
STREAM_BATCH = 2000  # rows fetched from SQLite at a time while streaming
MONEY_MEMO = 50_000  # distinct amounts :func:`money_reader` keeps
PDF_MAX_ROWS = 20_000  # about 500 pages: beyond that a PDF is no use, and slow to lay out


def as_money(value: object) -> Money:
    """A SUM over a money column: Money already, or a plain int/None (COALESCE/empty)."""
    if isinstance(value, Money):
        return value
    return Money(int(value) if isinstance(value, int) else 0)


@dataclass(frozen=True)
class DateRange:
    """Local dates, both ends included; ``None`` is open-ended."""

    start: date | None = None
    end: date | None = None

    def text(self, lang: str = "zh_CN") -> str:
        en = lang.lower().startswith("en")
        if self.start is None and self.end is None:
            return "all dates" if en else "全部"
        if self.start == self.end and self.start is not None:
            return self.start.isoformat()
        lo = self.start.isoformat() if self.start else ("opening" if en else "开业")
        hi = self.end.isoformat() if self.end else ("today" if en else "至今")
        return f"{lo} to {hi}" if en else f"{lo} 至 {hi}"


def check_range(start: date | None, end: date | None) -> DateRange:
    if start is not None and end is not None and start > end:
        raise ValidationError("reversed_range", start=start.isoformat(), end=end.isoformat())
    return DateRange(start, end)


def check_pdf_rows(rows: int) -> None:
    """Refuse, before anything is written, a PDF too long to be of use."""
    if rows > PDF_MAX_ROWS:
        raise ValidationError("pdf_too_long", rows=f"{rows:,}", max=f"{PDF_MAX_ROWS:,}")


def check_not_future(s: Session, day: date) -> None:
    if day > clock.business_date(s, clock.now()):
        raise ValidationError("date_in_future", date=day.isoformat())


def local_midnight_utc(s: Session, day: date) -> datetime:
    """The UTC instant at which local ``day`` begins."""
    return datetime.combine(day, time(), tzinfo=UTC) - clock.local_offset(s)


def created_between(
    s: Session, col: InstrumentedAttribute[datetime], rng: DateRange
) -> ColumnElement[bool]:
    """``col`` (a UTC creation time) within the local dates of ``rng``."""
    cond: list[ColumnElement[bool]] = []
    if rng.start is not None:
        cond.append(col >= local_midnight_utc(s, rng.start))
    if rng.end is not None:
        cond.append(col < local_midnight_utc(s, rng.end + timedelta(days=1)))
    return and_(true(), *cond)


def dated_between(col: InstrumentedAttribute[date], rng: DateRange) -> ColumnElement[bool]:
    """``col`` (a business date) within ``rng``."""
    cond: list[ColumnElement[bool]] = []
    if rng.start is not None:
        cond.append(col >= rng.start)
    if rng.end is not None:
        cond.append(col <= rng.end)
    return and_(true(), *cond)


TIME_FORMAT = "%Y-%m-%d %H:%M"  # how every report shows a time (the exporters' DATETIME too)


def time_text(at: datetime) -> str:
    """A shop-local time as a report prints it (convert with :func:`shop_time` first)."""
    return at.strftime(TIME_FORMAT)


def money_reader() -> Callable[[int], Money]:
    """Integer fen as read from a money column -> Money, one object per distinct amount.

    Streamed reports read their money columns as plain integers and convert them
    here: prices and discounts repeat, so a million rows build a few thousand Money
    values instead of millions (Money is immutable: sharing one is safe). The memo
    is emptied past :data:`MONEY_MEMO` amounts, so memory stays bounded."""
    memo: dict[int, Money] = {}

    def money(fen: int) -> Money:
        m = memo.get(fen)
        if m is None:
            if len(memo) >= MONEY_MEMO:
                memo.clear()
            m = memo[fen] = Money(fen)
        return m

    return money


def staff_names(s: Session) -> dict[int, str]:
    return {i: n for i, n in s.execute(select(Staff.id, Staff.display_name))}


class RowStream(Generic[T]):
    """Rows read on demand from a unit of work that is still open.

    Each call returns a fresh iterator (the workbook and the PDF each read once);
    calling it after the unit of work has closed is a bug and raises."""

    def __init__(self, produce: Callable[[], Iterator[T]], is_open: Callable[[], bool]) -> None:
        self._produce = produce
        self._is_open = is_open

    def __call__(self) -> Iterator[T]:
        if not self._is_open():
            raise RuntimeError("report rows read after their unit of work closed")
        return self._produce()


@dataclass
class Reading:
    session: Session
    open: bool = True

    def stream(self, produce: Callable[[], Iterator[T]]) -> RowStream[T]:
        return RowStream(produce, lambda: self.open)


@contextmanager
def streaming_reader(db: Database) -> Iterator[Reading]:
    """A read-only unit of work kept open for the life of a streamed report."""
    with db.reader() as uow:
        reading = Reading(uow.session)
        try:
            yield reading
        finally:
            reading.open = False


def plain_rows(s: Session, stmt: Select[*tuple[Any, ...]]) -> Iterator[Sequence[Any]]:
    """The rows of ``stmt`` as the driver gives them (no column types applied), read
    ``STREAM_BATCH`` at a time in the session's transaction.

    On SQLite the statement goes to the driver's own cursor (its values, dates and
    numbers of a checked range, written into the SQL): SQLAlchemy's result machinery
    cost more per row than SQLite's reading them. On PostgreSQL the rows come through
    SQLAlchemy's server-side cursor (``yield_per``), a batch at a time; psycopg already
    gives dates and times as such."""
    conn = s.connection()
    if conn.dialect.name == "sqlite":
        sql = str(stmt.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True}))
        driver = conn.connection.dbapi_connection
        assert driver is not None
        cursor = driver.cursor()
        cursor.arraysize = STREAM_BATCH
        try:
            cursor.execute(sql)
            while batch := cursor.fetchmany():
                yield from batch
        finally:
            cursor.close()
        return
    result = conn.execute(stmt.execution_options(yield_per=STREAM_BATCH))
    for part in result.partitions():
        yield from part


def day_reader() -> Callable[[date | str], date]:
    """A business date as the driver gives it (SQLite: text) -> date, once per day."""
    memo: dict[date | str, date] = {}

    def day(value: date | str) -> date:
        d = memo.get(value)
        if d is None:
            d = memo[value] = value if isinstance(value, date) else date.fromisoformat(value)
        return d

    return day


def stored_time(value: datetime | str) -> datetime:
    """A stored UTC time as the driver gives it (SQLite: text) -> naive datetime."""
    return value if isinstance(value, datetime) else datetime.fromisoformat(value)
