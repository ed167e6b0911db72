"""The shop's clock: UTC now, the shop's local time and business date, and
human-friendly document numbers (S20261124-0001).

Every checkout-engine service reads the time through :func:`now`, so tests can
move the clock with ``monkeypatch.setattr(clock, "now", ...)``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from functools import cache

from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from memberdesk.domain import shoptime
from memberdesk.services.shared import settings
from memberdesk.services.shared.tables import connection


def now() -> datetime:
    """Now (aware UTC), from the one clock (:mod:`memberdesk.domain.shoptime`)."""
    return shoptime.utc_now()


@contextmanager
def simulated(at: datetime) -> Iterator[None]:
    """Run services as if it were ``at`` (the demo shop's history). Not for the till."""
    with shoptime.frozen(at):
        yield


def offset_minutes(session: Session) -> int:
    return settings.get_int(session, "shop.timezone_offset_minutes")


def local_offset(session: Session) -> timedelta:
    return shoptime.offset(offset_minutes(session))


def local_time(session: Session, at: datetime) -> datetime:
    """``at`` as the shop's wall-clock time (naive)."""
    return shoptime.local_time(at, offset_minutes(session))


def business_date(session: Session, at: datetime) -> date:
    return shoptime.business_date(at, offset_minutes(session))


def today(session: Session) -> date:
    """The shop's business date now."""
    return business_date(session, now())


def next_number(
    session: Session, column: InstrumentedAttribute[str], prefix: str, day: date, width: int = 4
) -> str:
    """The next number ``{prefix}{yyyymmdd}-{n}`` for ``day`` (on a server the store's
    code leads: ``MAIN-S20261203-0001``, :func:`~.this_store.number_prefix`), counted on the unique
    index of ``column`` (a range scan). Callers hold the write lock (BEGIN IMMEDIATE on
    SQLite, the stem's advisory lock on PostgreSQL), so two processes never draw the
    same number."""
    from memberdesk.services.shared.locks import lock_numbering
    from memberdesk.services.shared.this_store import number_prefix

    lo, hi = number_range(number_prefix(session, prefix), day)
    lock_numbering(session, lo)
    count = connection(session).scalar(count_between(column), {"lo": lo, "hi": hi})
    return number_after(lo, count or 0, width)


def number_range(prefix: str, day: date) -> tuple[str, str]:
    """``(lo, hi)``: the numbers of ``day`` are ``lo <= number < hi`` (``lo`` is the stem)."""
    stem = f"{prefix}{day:%Y%m%d}-"
    return stem, stem + "\uffff"


def number_after(stem: str, count: int, width: int = 4) -> str:
    """The number that follows ``count`` numbers drawn with ``stem``."""
    return f"{stem}{count + 1:0{width}d}"


@cache
def count_between(column: InstrumentedAttribute[str]) -> Select[int]:
    """``lo <= column < hi``, counted (bind parameters ``lo``, ``hi``); built once per column."""
    return select(func.count()).where(column >= bindparam("lo"), column < bindparam("hi"))


def local_clock(s: Session) -> Callable[[datetime], datetime]:
    """Aware UTC -> the shop's naive wall-clock time (what a report shows)."""
    offset = local_offset(s)
    return lambda at: shoptime.shop_time(at, offset)


def stored_utc_clock(s: Session) -> Callable[[datetime], datetime]:
    """A UTC time as stored (naive, read without its column type) -> the shop's naive
    wall-clock time: :func:`~memberdesk.domain.shoptime.shop_time` for streamed rows, without making each aware."""
    offset = local_offset(s)
    return lambda at: at + offset
