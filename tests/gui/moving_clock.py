"""A shop clock the test moves a day at a time (10:00 at +08:00 on ``clock.day``), for
tests that trade over weeks: ``with moving_clock(start) as clock: clock.day += ...``."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time

from memberdesk.domain import shoptime


class MovingClock:
    def __init__(self, start: date) -> None:
        self.day = start

    def __call__(self) -> datetime:
        return datetime.combine(self.day, time(2, 0), tzinfo=UTC)  # 10:00 at +08:00


@contextmanager
def moving_clock(start: date) -> Iterator[MovingClock]:
    c = MovingClock(start)
    with shoptime.frozen(c):
        yield c
