"""The 消息 page's months and costs on both engines: a message sent late on 30
November (UTC) is December's in a shop at UTC+8 (services/notifications/admin._months)."""

from __future__ import annotations

from datetime import UTC, datetime

from memberdesk.db import Database
from memberdesk.models import Notification
from memberdesk.models.notify import NotifyStatus
from memberdesk.money import Money
from memberdesk.services.notifications.admin import message_log
from memberdesk.services.shared import settings
from memberdesk.services.shop.setup import init_shop


def test_the_months_are_the_shops_on_either_engine(db: Database) -> None:
    owner = init_shop(db, shop_name="店", owner_username="owner", owner_display_name="王",
                      owner_password="owner-pass")
    settings.change_settings(db, owner, {"sms.price_fen": 5})
    sent = (datetime(2026, 11, 30, 17, 0, tzinfo=UTC), datetime(2026, 11, 30, 15, 0, tzinfo=UTC),
            datetime(2026, 11, 30, 16, 30, tzinfo=UTC))
    with db.uow() as uow:
        for n, at in enumerate(sent):
            uow.session.add(Notification(event="recharge", phone="13800000000", body="x",
                                         status=NotifyStatus.SENT, dedupe_key=f"k{n}",
                                         next_at=at, created_at=at, sent_at=at))
        uow.commit()
    months = message_log(db, owner).months
    assert [(m.month, m.sent, m.cost) for m in months] == [
        ("2026-12", 2, Money(10)), ("2026-11", 1, Money(5))]
