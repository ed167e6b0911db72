"""A shop on a clock the test moves (10:00 in Beijing unless told), its SMS settings
pointing at a local fake provider (:mod:`.fake_sms`)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlalchemy import update

from memberdesk.domain import shoptime
from memberdesk.models import Member
from memberdesk.services.notifications import sms_providers
from tests.checkout_support.kit import World, build_world

from .fake_sms import KEY_ID, SECRET, FakeSms, fake_sms

DAY = date(2026, 3, 10)


class ShopClock:
    """The shop's wall clock (Beijing, +08:00): ``day`` at ``hour``."""

    def __init__(self) -> None:
        self.day, self.hour = DAY, 10.0

    def __call__(self) -> datetime:
        local = datetime.combine(self.day, time(0), tzinfo=UTC) + timedelta(hours=self.hour)
        return local - timedelta(hours=8)

    def advance(self, days: int = 0, hours: float = 0) -> None:
        moment = datetime.combine(self.day, time(0)) + timedelta(days=days, hours=self.hour + hours)
        self.day, self.hour = moment.date(), moment.hour + moment.minute / 60


@pytest.fixture
def shop_clock() -> Iterator[ShopClock]:
    c = ShopClock()
    with shoptime.frozen(c):
        yield c


@pytest.fixture
def world(db, staff, shop_clock: ShopClock) -> World:  # type: ignore[no-untyped-def]
    return build_world(db, staff)


def configure(w: World, fake: FakeSms, *events: str, **more: object) -> None:
    values: dict[str, object] = {
        "sms__provider": fake.provider, "sms__endpoint": fake.url, "sms__access_key_id": KEY_ID,
        "sms__access_key_secret": SECRET, "sms__sign_name": "小店", "sms__app_id": "1400000001"}
    for event in events:
        values[f"notify__{event}__on"] = True
        values[f"notify__{event}__code"] = f"SMS_{event.upper()}"
    values.update(more)
    w.set_settings(**values)


def consent(w: World, *keys: str) -> None:
    with w.db.uow() as uow:
        uow.session.execute(update(Member).where(Member.id.in_([w.members[k] for k in keys]))
                            .values(marketing_consent=True))
        uow.commit()


@pytest.fixture
def aliyun() -> Iterator[FakeSms]:
    with fake_sms("aliyun") as fake:
        yield fake


@pytest.fixture
def tencent() -> Iterator[FakeSms]:
    with fake_sms("tencent") as fake:
        yield fake


@pytest.fixture
def short_timeout(monkeypatch: pytest.MonkeyPatch) -> float:
    monkeypatch.setattr(sms_providers, "TIMEOUT_S", 0.3)
    return 0.3
