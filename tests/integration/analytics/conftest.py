"""A shop on a clock the test moves (10:00 in Beijing on :data:`DAY`, then any day),
and a small history: alice every 7 days then away, bob once, carol never."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta

import pytest

from memberdesk.domain import shoptime
from memberdesk.models.enums import TenderKind
from memberdesk.money import Money
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


def sell(w: World, clock: ShopClock, day: int, member: str, code: str = "BEER",
          qty: int = 1) -> str:
    clock.day = DAY + timedelta(days=day)
    price = {"BEER": 600, "CHIPS": 880, "WASH": 3000}[code] * qty
    return w.sell([(code, qty)], [(TenderKind.CASH, Money(price).yuan())], member=member).sale_no


@pytest.fixture
def history(world: World, shop_clock: ShopClock) -> World:
    w = world
    for day in (0, 7, 14):  # alice: every 7 days
        sell(w, shop_clock, day, "alice", "CHIPS", 2)
    sale = sell(w, shop_clock, 20, "alice", "WASH")  # refunded whole on day 21
    shop_clock.day = DAY + timedelta(days=21)
    w.refund(sale)
    part = sell(w, shop_clock, 30, "bob", "BEER", 3)  # bob: one sale, a line refunded in part
    shop_clock.day = DAY + timedelta(days=31)
    w.refund(part, lines=((1, 1),))
    shop_clock.day = DAY + timedelta(days=40)
    return w




def cli_env(w: World, lang: str) -> dict[str, str]:
    """The environment of a ``memberdesk`` subprocess on the test's shop: its language,
    and on PostgreSQL the server's URL (the data folder holds no database then)."""
    env = {**os.environ, "MEMBERDESK_LANG": lang}
    if w.db.engine.dialect.name == "postgresql":
        env["MEMBERDESK_DB_URL"] = w.db.engine.url.render_as_string(hide_password=False)
    return env
