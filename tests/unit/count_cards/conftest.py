"""A shop with a car-wash count card template, on a clock the test moves."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest

from memberdesk.domain import shoptime
from memberdesk.services.count_cards.templates import TemplateDraft, add_template
from tests.checkout_support.kit import World, build_world, yuan
from tests.integration.jobs.conftest import DAY, ShopClock

WASH10 = TemplateDraft(code="WASH10", name="洗车10次卡", price=yuan("250"),
                       items=(("WASH", 10),), validity_days=30,
                       tier_prices=(("gold", yuan("230")),))


@pytest.fixture
def shop_clock() -> Iterator[ShopClock]:
    c = ShopClock()
    with shoptime.frozen(c):
        yield c


@pytest.fixture
def world(db, staff, shop_clock: ShopClock) -> World:  # type: ignore[no-untyped-def]
    w = build_world(db, staff)
    add_template(w.db, w.owner, WASH10)
    return w


__all__ = ["DAY", "WASH10", "ShopClock", "timedelta"]
