"""The one clock. Every "now" in MemberDesk is :func:`utc_now`; every "today" is the
shop's business date, :func:`business_date` of that instant in the shop's time zone
(the ``shop.timezone_offset_minutes`` setting), never the computer's.

Nothing else in ``src/`` reads the wall clock for business purposes (a test scans
for ``date.today()``, ``datetime.now()``, ``QDate.currentDate()`` and their kin).
Tests and the demo move this clock with :func:`frozen` (or by monkeypatching
``services.shared.clock.now``, which reads it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta

LATEST_OFFSET_MINUTES = 14 * 60  # UTC+14, where a date begins first

_sources: list[Callable[[], datetime]] = []


def utc_now() -> datetime:
    """Now, as an aware UTC datetime (the frozen instant inside :func:`frozen`)."""
    if _sources:
        return _sources[-1]().astimezone(UTC)
    return datetime.now(UTC)


@contextmanager
def frozen(at: datetime | Callable[[], datetime]) -> Iterator[None]:
    """Within the block, :func:`utc_now` is ``at`` (an aware instant, or a function
    returning one, for a clock that moves)."""
    if isinstance(at, datetime):
        if at.tzinfo is None:
            raise ValueError("frozen() needs an aware datetime")
        moment = at
        _sources.append(lambda: moment)
    else:
        _sources.append(at)
    try:
        yield
    finally:
        _sources.pop()


def offset(minutes: int) -> timedelta:
    return timedelta(minutes=minutes)


def local_time(at: datetime, offset_minutes: int) -> datetime:
    """``at`` (aware; naive values are UTC, as stored) as the shop's wall-clock time (naive)."""
    aware = at if at.tzinfo is not None else at.replace(tzinfo=UTC)
    return (aware.astimezone(UTC) + offset(offset_minutes)).replace(tzinfo=None)


def utc_of_local(local: datetime, offset_minutes: int) -> datetime:
    """The UTC instant (aware) of the shop's wall-clock time ``local`` (naive)."""
    return (local - offset(offset_minutes)).replace(tzinfo=UTC)


def business_date(at: datetime, offset_minutes: int) -> date:
    """The shop's date at the instant ``at``."""
    return local_time(at, offset_minutes).date()


def shop_today(offset_minutes: int) -> date:
    """Today, in the shop's time zone."""
    return business_date(utc_now(), offset_minutes)


def start_of_day(day: date, offset_minutes: int) -> datetime:
    """The aware UTC instant at which the shop's ``day`` begins."""
    return datetime.combine(day, datetime.min.time(), tzinfo=UTC) - offset(offset_minutes)


def age_seconds(at: datetime) -> float:
    """Seconds since ``at`` (naive values are UTC), never negative."""
    aware = at if at.tzinfo is not None else at.replace(tzinfo=UTC)
    return max(0.0, (utc_now() - aware).total_seconds())


def shop_time(at: datetime, offset: timedelta) -> datetime:
    """``at`` as the shop's naive wall-clock time, ``offset`` ahead of UTC.

    The one conversion every report goes through. An aware time is converted; a
    naive one is taken as already local and returned as it is, so converting twice
    is harmless."""
    if at.tzinfo is None:
        return at
    return (at.astimezone(UTC) + offset).replace(tzinfo=None)
