"""The notification outbox and SMS (issue 14, sections 3 and 4): messages written with
the business change, delivered once through a provider that checks the signature."""

from __future__ import annotations

import json
from datetime import date, timedelta

from sqlalchemy import select, update

from memberdesk.models import AuditEntry, Member, Notification, NotifyStatus
from memberdesk.services.jobs.runner import run_jobs
from memberdesk.services.members.closing import anonymise_member
from memberdesk.services.notifications.admin import resend
from memberdesk.services.notifications.outbox import enqueue
from memberdesk.services.notifications.sender import send_due
from tests.checkout_support.kit import World

from .conftest import ShopClock, configure, consent
from .fake_sms import FakeSms


def _messages(w: World) -> list[Notification]:
    with w.db.reader() as r:
        rows = list(r.session.scalars(select(Notification).order_by(Notification.id)))
        for m in rows:
            r.session.expunge(m)
    return rows


def _born_today(w: World, key: str, day: date) -> None:
    with w.db.uow() as uow:
        uow.session.execute(update(Member).where(Member.id == w.members[key])
                            .values(birthday=day.replace(year=1990)))
        uow.commit()


def test_recharge_birthday_and_expiry_reminder_each_send_one_signed_request(
        world: World, shop_clock: ShopClock, aliyun: FakeSms) -> None:
    w = world
    configure(w, aliyun, "balance", "birthday", "expiry", birthday__points=100)
    consent(w, "alice")
    _born_today(w, "alice", shop_clock.day)
    w.give_points("alice", 500, days=7)  # expires in 7 days: the "7" reminder is due today
    w.recharge("alice", "100")
    run_jobs(w.db)
    assert [r.signed for r in aliyun.received] == [True, True, True]
    by_code = {r.params["TemplateCode"]: r.params for r in aliyun.received}
    assert set(by_code) == {"SMS_BALANCE", "SMS_BIRTHDAY", "SMS_EXPIRY"}
    assert {p["PhoneNumbers"] for p in by_code.values()} == {"13800000001"}
    assert json.loads(by_code["SMS_EXPIRY"]["TemplateParam"]) == {
        "name": "张三", "shop": "测试便利店",
        "points": "500", "date": (shop_clock.day + timedelta(days=7)).isoformat()}
    assert json.loads(by_code["SMS_BALANCE"]["TemplateParam"])["amount"] == "+¥100.00"
    assert all(p["SignName"] == "小店" and p["Version"] == "2017-05-25"
               for p in by_code.values())
    sent = _messages(w)
    assert [m.status for m in sent] == [NotifyStatus.SENT] * 3
    birthday = next(m for m in sent if m.event == "birthday")
    assert birthday.promotional and birthday.body.endswith("拒收请回复R")
    # The jobs again, the sender again, the next day: nothing is sent twice.
    assert run_jobs(w.db).runs == ()
    assert send_due(w.db).sent == 0
    shop_clock.advance(days=1)
    run_jobs(w.db)
    assert len(aliyun.received) == 3 and len(_messages(w)) == 3


def test_tencent_signs_with_tc3_and_gets_the_parameters_in_template_order(
        world: World, tencent: FakeSms) -> None:
    w = world
    configure(w, tencent, "balance", notify__balance__text="{balance}：{name} {amount}")
    w.recharge("bob", "50")
    counts = send_due(w.db)
    assert counts.sent == 1 and [r.signed for r in tencent.received] == [True]
    body = tencent.received[0].params
    assert body["PhoneNumberSet"] == ["+8613800000002"] and body["SmsSdkAppId"] == "1400000001"
    assert body["TemplateId"] == "SMS_BALANCE"
    assert body["TemplateParamSet"] == ["¥50.00", "李四", "+¥50.00"]
    assert _messages(w)[0].provider_ref == "SN1"


def test_running_the_sender_twice_sends_once_and_a_rolled_back_sale_writes_nothing(
        world: World, aliyun: FakeSms) -> None:
    w = world
    configure(w, aliyun, "balance")
    w.recharge("carol", "30")
    first, second = send_due(w.db), send_due(w.db)
    assert (first.sent, second.sent) == (1, 0) and len(aliyun.received) == 1


def test_an_error_code_fails_the_message_and_a_limit_retries_with_backoff(
        world: World, shop_clock: ShopClock, aliyun: FakeSms) -> None:
    w = world
    configure(w, aliyun, "balance")
    aliyun.answer = "error:isv.MOBILE_NUMBER_ILLEGAL"
    w.recharge("alice", "10")
    assert send_due(w.db).failed == 1
    failed = _messages(w)[0]
    assert failed.status is NotifyStatus.FAILED
    assert failed.reason.startswith("isv.MOBILE_NUMBER_ILLEGAL")
    aliyun.answer = "error:isv.BUSINESS_LIMIT_CONTROL"
    w.recharge("bob", "10")
    assert send_due(w.db).waiting == 1
    waiting = _messages(w)[1]
    assert (waiting.status, waiting.attempts) == (NotifyStatus.PENDING, 1)
    assert send_due(w.db).waiting == 0  # not due before its backoff
    aliyun.answer = "ok"
    shop_clock.advance(hours=0.05)  # three minutes later: the 1-minute backoff is over
    assert send_due(w.db).sent == 1
    assert len(aliyun.received) == 3


def test_a_timeout_is_unknown_never_resent_until_a_manager_resends_it(
        world: World, aliyun: FakeSms, short_timeout: float) -> None:
    w = world
    configure(w, aliyun, "balance")
    aliyun.answer, aliyun.delay = "timeout", short_timeout * 4
    w.recharge("alice", "10")
    counts = send_due(w.db)
    assert (counts.unknown, counts.stopped) == (1, "unknown")
    message = _messages(w)[0]
    assert message.status is NotifyStatus.UNKNOWN and "timeout" in message.reason
    aliyun.answer = "ok"
    assert send_due(w.db).sent == 0 and len(aliyun.received) == 1  # never blindly again
    resend(w.db, w.manager, message.id)
    assert send_due(w.db).sent == 1 and len(aliyun.received) == 2
    with w.db.reader() as r:
        actions = r.session.scalars(select(AuditEntry.action)).all()
    assert "notify.resend" in actions


def test_an_html_answer_is_unknown(world: World, aliyun: FakeSms) -> None:
    w = world
    configure(w, aliyun, "balance")
    aliyun.answer = "html"
    w.recharge("alice", "10")
    assert send_due(w.db).unknown == 1
    message = _messages(w)[0]
    assert message.status is NotifyStatus.UNKNOWN and "HTTP 502" in message.reason


def test_a_wrong_secret_is_refused_by_the_provider_and_the_messages_wait(
        world: World, shop_clock: ShopClock, aliyun: FakeSms, tencent: FakeSms) -> None:
    w = world
    configure(w, aliyun, "balance", sms__access_key_secret="not-the-secret")
    w.recharge("alice", "10")
    w.recharge("bob", "10")
    counts = send_due(w.db)
    assert (counts.sent, counts.stopped) == (0, "config")
    assert len(aliyun.received) == 1 and not aliyun.received[0].signed  # the run stopped
    assert [m.status for m in _messages(w)] == [NotifyStatus.PENDING] * 2
    assert _messages(w)[0].reason.startswith("SignatureDoesNotMatch")
    configure(w, tencent, "balance", sms__access_key_secret="not-the-secret")
    shop_clock.advance(hours=1)
    assert send_due(w.db).stopped == "config"
    assert tencent.received[0].params and not tencent.received[0].signed
    assert any(m.reason.startswith("AuthFailure.SignatureFailure") for m in _messages(w))
    configure(w, tencent, "balance")
    shop_clock.advance(hours=1)
    assert send_due(w.db).sent == 2


def test_no_connection_keeps_messages_waiting_with_their_tries(
        world: World, aliyun: FakeSms) -> None:
    w = world
    configure(w, aliyun, "balance", sms__endpoint="http://127.0.0.1:9")  # nothing listens
    w.recharge("alice", "10")
    counts = send_due(w.db)
    assert counts.stopped == "offline"
    message = _messages(w)[0]
    assert (message.status, message.attempts) == (NotifyStatus.PENDING, 0)


def test_a_phone_that_is_not_a_mainland_mobile_is_logged_failed_and_never_sent(
        world: World, aliyun: FakeSms) -> None:
    w = world
    configure(w, aliyun, "balance")
    with w.db.uow() as uow:
        uow.session.execute(update(Member).where(Member.id == w.members["alice"])
                            .values(phone="85291234567"))
        uow.commit()
    w.recharge("alice", "10")
    message = _messages(w)[0]
    assert (message.status, message.reason) == (NotifyStatus.FAILED, "not_mainland_mobile")
    send_due(w.db)
    assert aliyun.received == []


def test_no_consent_no_promotional_message(
        world: World, shop_clock: ShopClock, aliyun: FakeSms) -> None:
    w = world
    configure(w, aliyun, "birthday", birthday__points=100)
    _born_today(w, "bob", shop_clock.day)  # bob never agreed to promotions
    _born_today(w, "alice", shop_clock.day)
    consent(w, "alice")
    run_jobs(w.db)
    by_member = {m.member_id: m for m in _messages(w)}
    assert by_member[w.members["bob"]].status is NotifyStatus.DROPPED
    assert by_member[w.members["bob"]].reason == "no_consent"
    assert by_member[w.members["alice"]].status is NotifyStatus.SENT
    assert [r.params["PhoneNumbers"] for r in aliyun.received] == ["13800000001"]


def test_promotional_messages_wait_for_eight_in_the_morning(
        world: World, shop_clock: ShopClock, aliyun: FakeSms) -> None:
    w = world
    configure(w, aliyun, "birthday", "balance", birthday__points=100)
    consent(w, "alice")
    _born_today(w, "alice", shop_clock.day + timedelta(days=1))
    shop_clock.advance(hours=12.5)  # 22:30: the balance notice goes, the greeting waits
    shop_clock.advance(hours=2)  # 00:30 the next day: the birthday job runs
    run_jobs(w.db)
    w.recharge("alice", "5")
    assert send_due(w.db).sent == 1
    assert [r.params["TemplateCode"] for r in aliyun.received] == ["SMS_BALANCE"]
    shop_clock.advance(hours=7.4)  # 07:54
    assert send_due(w.db).sent == 0
    shop_clock.advance(hours=0.2)  # 08:06
    assert send_due(w.db).sent == 1
    assert aliyun.received[-1].params["TemplateCode"] == "SMS_BIRTHDAY"


def test_an_anonymised_members_waiting_messages_are_dropped(
        world: World, aliyun: FakeSms) -> None:
    w = world
    configure(w, aliyun, "balance")
    with w.db.uow() as uow:  # a message waiting (no stored value: she may be anonymised)
        enqueue(uow.session, "balance", w.members["carol"], {"amount": "-¥1.00"}, "sv:test")
        uow.commit()
    anonymise_member(w.db, w.owner, w.member("carol").member_no, reason="本人申请注销")
    message = _messages(w)[0]
    assert (message.status, message.reason, message.phone, message.body) == (
        NotifyStatus.DROPPED, "anonymised", "", "")
    send_due(w.db)
    assert aliyun.received == []


def test_done_means_one_signed_request_each_never_twice_consent_and_anonymised(
        world: World, shop_clock: ShopClock, aliyun: FakeSms) -> None:
    """Issue 14's proof in one run: with ``sms.endpoint`` at the local server that
    checks signatures, a birthday, a points-expiry reminder and a recharge each make
    exactly one correctly signed request; the jobs twice send nothing twice; a member
    without marketing consent gets no greeting; a member anonymised while a greeting
    waits for 08:00 is dropped."""
    w = world
    configure(w, aliyun, "balance", "birthday", "expiry", birthday__points=100)
    consent(w, "alice", "carol")  # bob has not agreed
    for key in ("alice", "bob", "carol"):
        _born_today(w, key, shop_clock.day)
    shop_clock.hour = 7.0  # before 08:00: the greetings wait, the notices go
    w.give_points("alice", 500, days=7)
    w.recharge("alice", "100")
    run_jobs(w.db)
    assert sorted(r.params["TemplateCode"] for r in aliyun.received) == [
        "SMS_BALANCE", "SMS_EXPIRY"]
    anonymise_member(w.db, w.owner, w.member("carol").member_no, reason="本人申请注销")
    shop_clock.advance(hours=1.5)  # 08:30
    assert send_due(w.db).sent == 1
    run_jobs(w.db)
    assert send_due(w.db).sent == 0
    shop_clock.advance(days=1)
    run_jobs(w.db)
    assert send_due(w.db).sent == 0
    assert all(r.signed for r in aliyun.received) and len(aliyun.received) == 3
    assert sorted((r.params["TemplateCode"], r.params["PhoneNumbers"])
                  for r in aliyun.received) == [
        ("SMS_BALANCE", "13800000001"), ("SMS_BIRTHDAY", "13800000001"),
        ("SMS_EXPIRY", "13800000001")]
    by_member = {(m.member_id, m.event): (m.status, m.reason) for m in _messages(w)}
    assert by_member == {
        (w.members["alice"], "balance"): (NotifyStatus.SENT, ""),
        (w.members["alice"], "expiry"): (NotifyStatus.SENT, ""),
        (w.members["alice"], "birthday"): (NotifyStatus.SENT, ""),
        (w.members["bob"], "birthday"): (NotifyStatus.DROPPED, "no_consent"),
        (w.members["carol"], "birthday"): (NotifyStatus.DROPPED, "anonymised")}
