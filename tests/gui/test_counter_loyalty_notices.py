"""A tier change and a birthday gift (issue 12, items 3 and 4) on the member card at
lookup, beside the points reminder: the upgrade the checkout made, the gift the daily
job gave; nothing for a member with no such news. On a frozen shop clock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import update

from memberdesk.domain import shoptime
from memberdesk.models import Member
from memberdesk.models.enums import TenderKind
from memberdesk.services.checkout.cart import CartLine
from memberdesk.services.jobs.runner import run_jobs
from tests.checkout_support.kit import yuan

from .counter_support import Till, make_till

NOON = datetime(2026, 12, 24, 4, 0, tzinfo=UTC)  # 12:00 on 24 Dec in the shop (+08:00)


@pytest.fixture
def till(qtbot, ui, db, staff) -> Iterator[Till]:  # type: ignore[no-untyped-def]
    with shoptime.frozen(NOON):
        yield make_till(qtbot, ui, db, staff)


def test_the_card_shows_an_upgrade_and_a_birthday_gift(till: Till) -> None:
    w = till.world
    w.set_settings(birthday__points=200)
    with w.db.uow() as uow:
        uow.session.execute(update(Member).where(Member.id == w.members["alice"])
                            .values(birthday=date(1990, 12, 24)))
        uow.commit()
    w.sell([CartLine(amount=yuan("1000.00"), qty=1)], [(TenderKind.CASH, "1000.00")],
           member="alice")  # up to silver at once
    run_jobs(w.db)  # today's jobs: alice's birthday gift

    till.find("13800000002")  # bob: no news
    card = till.main.member_panel.card
    assert not card.tier_news[0].isVisible() and not card.gift[0].isVisible()

    till.find("13800000001")
    assert card.tier_news[0].isVisible() and card.gift[0].isVisible()
    assert card.tier_news[1].text() == "12月24日 升级为银卡会员"
    assert card.gift[1].text() == "12月24日 已送生日礼：200 积分"
    assert card.tier.text() == "银卡会员"
