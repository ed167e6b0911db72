"""Each event's message (issue 14 §3): balance changes at checkout, recharge and refund,
tier changes (at checkout and by hand), the test message; consent withdrawn while a
promotional message waits."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from memberdesk.models import Member, Notification, NotifyStatus
from memberdesk.models.enums import TenderKind
from memberdesk.services.jobs.runner import run_jobs
from memberdesk.services.loyalty.tiers import change_member_tier
from memberdesk.services.notifications.admin import send_test
from memberdesk.services.notifications.sender import send_due
from memberdesk.services.shared.errors import ValidationError
from tests.checkout_support.kit import World

from .conftest import ShopClock, configure, consent
from .fake_sms import FakeSms


def _rows(w: World) -> list[tuple[str, int | None, str, NotifyStatus]]:
    with w.db.reader() as r:
        return [(e, m, json.dumps(json.loads(p), ensure_ascii=False), s)
                for e, m, p, s in r.session.execute(
                    select(Notification.event, Notification.member_id, Notification.params,
                           Notification.status).order_by(Notification.id))]


def test_stored_value_spent_and_refunded_each_write_one_message(
        world: World, aliyun: FakeSms) -> None:
    w = world
    configure(w, aliyun, "balance")
    w.recharge("alice", "100")
    sale = w.sell([("WASH", 1)], [(TenderKind.STORED_VALUE, "30")], member="alice")
    w.sell([("WASH", 1)], [(TenderKind.CASH, "30")], member="alice")  # no stored value: none
    w.refund(sale.sale_no)
    assert send_due(w.db).sent == 3
    amounts = [json.loads(r.params["TemplateParam"]) for r in aliyun.received]
    assert [(a["amount"], a["balance"]) for a in amounts] == [
        ("+¥100.00", "¥100.00"), ("-¥30.00", "¥70.00"), ("+¥30.00", "¥100.00")]
    assert all(r.signed for r in aliyun.received)


def test_a_tier_change_at_checkout_and_by_hand_each_write_one_message(
        world: World, aliyun: FakeSms) -> None:
    w = world
    configure(w, aliyun, "tier")
    w.sell([("WASH", 34)], [(TenderKind.CASH, "1020")], member="alice")  # ¥1,020: silver
    w.sell([("WASH", 1)], [(TenderKind.CASH, "30")], member="alice")  # still silver: none
    change_member_tier(w.db, w.manager, w.member("carol").member_no, w.tiers["gold"],
                       reason="老客户")
    send_due(w.db)
    tiers = [json.loads(r.params["TemplateParam"])["tier"] for r in aliyun.received]
    phones = [r.params["PhoneNumbers"] for r in aliyun.received]
    assert (tiers, phones) == (["银卡会员", "金卡会员"], ["13800000001", "13800000003"])


def test_the_test_message_goes_through_the_settings_or_says_what_is_missing(
        world: World, aliyun: FakeSms) -> None:
    w = world
    with pytest.raises(ValidationError) as missing:
        send_test(w.db, w.owner, "13900001111")
    assert missing.value.message("en").startswith("Text messages cannot be sent yet: "
                                                  "no SMS provider chosen")
    configure(w, aliyun)  # no template code for the balance change yet
    with pytest.raises(ValidationError) as missing:
        send_test(w.db, w.owner, "13900001111")
    assert "no template code" in missing.value.message("en")
    configure(w, aliyun, "balance")
    with pytest.raises(ValidationError) as bad:
        send_test(w.db, w.owner, "12345")
    assert bad.value.code == "invalid_phone"
    assert send_test(w.db, w.owner, "139 0000 1111").status is NotifyStatus.SENT
    assert [r.params["PhoneNumbers"] for r in aliyun.signed] == ["13900001111"]
    aliyun.answer = "error:isv.MOBILE_NUMBER_ILLEGAL"
    with pytest.raises(ValidationError) as refused:
        send_test(w.db, w.owner, "13900001111")
    assert "isv.MOBILE_NUMBER_ILLEGAL" in refused.value.message("zh_CN")


def test_consent_withdrawn_while_waiting_drops_the_greeting(
        world: World, shop_clock: ShopClock, aliyun: FakeSms) -> None:
    w = world
    configure(w, aliyun, "birthday", birthday__points=10)
    consent(w, "alice")
    with w.db.uow() as uow:
        uow.session.execute(update(Member).where(Member.id == w.members["alice"])
                            .values(birthday=(shop_clock.day + timedelta(days=1))
                                    .replace(year=1991)))
        uow.commit()
    shop_clock.advance(hours=14.5)  # 00:30 the next day: written, waiting for 08:00
    run_jobs(w.db)
    assert _rows(w)[0][3] is NotifyStatus.PENDING
    with w.db.uow() as uow:  # she replied R
        uow.session.execute(update(Member).where(Member.id == w.members["alice"])
                            .values(marketing_consent=False))
        uow.commit()
    shop_clock.advance(hours=8)
    assert send_due(w.db).dropped == 1
    assert _rows(w)[0][3] is NotifyStatus.DROPPED and aliyun.received == []


def _statements(w: World, **settings: object) -> tuple[int, int]:
    from typing import Any

    from sqlalchemy import event

    w.set_settings(**settings)
    sent: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        sent.append(statement.lstrip().upper())

    event.listen(w.db.engine, "before_cursor_execute", record)
    try:
        w.sell([("WASH", 1)], [(TenderKind.STORED_VALUE, "30")], member="alice")
    finally:
        event.remove(w.db.engine, "before_cursor_execute", record)
    return (sum(s.startswith("SELECT") for s in sent),
            sum(s.startswith(("INSERT", "UPDATE", "DELETE")) for s in sent))


def test_the_balance_message_costs_a_checkout_one_read_and_one_write(world: World) -> None:
    w = world
    w.recharge("alice", "100")
    off = _statements(w)
    on = _statements(w, notify__balance__on=True)
    assert (on[0] - off[0], on[1] - off[1]) == (1, 1)
