"""A small shop on a frozen shop clock (10:00 in Beijing on :data:`DAY`), a coupon
template and helpers for segments and campaigns."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta

import pytest

from memberdesk.domain import shoptime
from memberdesk.models.enums import CouponKind
from memberdesk.services.coupons.admin import CouponTemplateRequest, add_coupon_template
from tests.checkout_support.kit import World, add_member, build_world, yuan

DAY = date(2026, 5, 12)  # a Tuesday


class ShopClock:
    def __init__(self) -> None:
        self.day = DAY

    def __call__(self) -> datetime:
        return datetime.combine(self.day, time(2, 0), tzinfo=UTC)  # 10:00 at +08:00

    def go(self, days: int) -> None:
        self.day = DAY + timedelta(days=days)


@pytest.fixture
def shop_clock() -> Iterator[ShopClock]:
    c = ShopClock()
    with shoptime.frozen(c):
        yield c


@pytest.fixture
def world(db, staff, shop_clock: ShopClock) -> World:  # type: ignore[no-untyped-def]
    w = build_world(db, staff)
    add_coupon_template(db, w.owner, CouponTemplateRequest(
        code="BACK5", name="回店满30减5", kind=CouponKind.AMOUNT_OFF, value=yuan("5"),
        min_spend=yuan("30"), valid_days=30))
    return w


def add_members(w: World, n: int, prefix: str = "137") -> list[int]:
    ids = []
    for i in range(n):
        mid = add_member(w.db, f"{prefix}{i + 100000:08d}", f"客{i:03d}", w.tiers["normal"])
        w.members[f"x{i}"] = mid
        ids.append(mid)
    return ids
