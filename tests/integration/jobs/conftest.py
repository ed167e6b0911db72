"""A shop on a clock the test moves: 10:00 in Beijing on :data:`DAY`, then any day."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta

import pytest

from memberdesk.domain import shoptime
from tests.checkout_support.kit import World, build_world

DAY = date(2026, 3, 10)


class ShopClock:
    def __init__(self) -> None:
        self.day = DAY

    def __call__(self) -> datetime:
        return datetime.combine(self.day, time(2, 0), tzinfo=UTC)  # 10:00 at +08:00

    def advance(self, days: int) -> None:
        self.day += timedelta(days=days)


@pytest.fixture
def shop_clock() -> Iterator[ShopClock]:
    c = ShopClock()
    with shoptime.frozen(c):
        yield c


@pytest.fixture
def world(db, staff, shop_clock: ShopClock) -> World:  # type: ignore[no-untyped-def]
    return build_world(db, staff)
