"""The outbox's count-card and dormancy events and unsubscribes (issue 14, section 3):
a count card low after a use, a count card expiring in N days (the daily count-card
job), a member newly 休眠 (the analytics refresh, once per dormancy); a phone marked
unsubscribed (the member's details, the CLI, a provider's reply report) gets no more
promotional messages, written or waiting."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from memberdesk.cli import main
from memberdesk.models import AuditEntry, Member, MemberCountCard, Notification, NotifyStatus
from memberdesk.models.enums import TenderKind
from memberdesk.services.analytics.refresh import refresh_scores
from memberdesk.services.count_cards.templates import TemplateDraft, add_template
from memberdesk.services.count_cards.use import UseRequest, member_cards, use_card
from memberdesk.services.members.details import get_member
from memberdesk.services.members.profiles import edit_member
from memberdesk.services.notifications.events import remind_cards_expiring
from memberdesk.services.notifications.outbox import enqueue
from memberdesk.services.notifications.sender import send_due
from memberdesk.services.notifications.unsubscribe import import_replies, unsubscribe
from memberdesk.services.shared.errors import PermissionDenied, ValidationError
from tests.checkout_support.kit import World, yuan

from .conftest import ShopClock, configure, consent
from .fake_sms import FakeSms


def _messages(w: World, event: str | None = None) -> list[tuple[str, str, NotifyStatus, str,
                                                               str, str]]:
    """(event, phone, status, reason, body, dedupe key) in order of writing."""
    with w.db.reader() as r:
        q = select(Notification.event, Notification.phone, Notification.status,
                   Notification.reason, Notification.body, Notification.dedupe_key)
        if event:
            q = q.where(Notification.event == event)
        return [tuple(row) for row in r.session.execute(q.order_by(Notification.id))]  # type: ignore[misc]


def _wash_card(w: World, member: str = "alice", uses: int = 3, days: int = 30) -> tuple[int, int]:
    add_template(w.db, w.owner, TemplateDraft(code="WASH3", name="洗车3次卡", price=yuan("80"),
                                              items=(("WASH", uses),), validity_days=days))
    w.sell([("WASH3", 1)], [(TenderKind.CASH, "80")], member=member)
    (card,) = member_cards(w.db, w.cashier, w.members[member])
    return card.card_id, card.services[0].balance_id


def test_a_use_that_leaves_few_uses_writes_one_card_low_message_per_level(
        world: World, aliyun: FakeSms) -> None:
    w = world
    configure(w, aliyun, "card_low", notify__card_low__uses=1)
    card, balance = _wash_card(w)
    use_card(w.db, w.cashier, UseRequest(card, balance))  # 2 left: above the threshold
    assert _messages(w, "card_low") == []
    use_card(w.db, w.cashier, UseRequest(card, balance))  # 1 left
    use_card(w.db, w.cashier, UseRequest(card, balance))  # 0 left
    low = _messages(w, "card_low")
    assert [(m[1], m[2], m[5]) for m in low] == [
        ("13800000001", NotifyStatus.PENDING, f"card_low:{balance}:1"),
        ("13800000001", NotifyStatus.PENDING, f"card_low:{balance}:0")]
    assert low[0][4] == "张三您好，您在测试便利店的洗车3次卡仅剩 1 次。"
    assert send_due(w.db).sent == 2
    assert json.loads(aliyun.signed[0].params["TemplateParam"])["uses"] == "1"


def test_a_card_expiring_in_n_days_is_reminded_once_by_the_daily_job(
        world: World, shop_clock: ShopClock, aliyun: FakeSms) -> None:
    w = world
    configure(w, aliyun, "card_expiry", notify__card_expiry__days=5)
    card, _balance = _wash_card(w, days=10)
    with w.db.reader() as r:
        ends = r.session.get_one(MemberCountCard, card).expires_on
    assert ends is not None
    assert remind_cards_expiring(w.db, ends - timedelta(days=6)) == (0, False)  # not yet
    assert remind_cards_expiring(w.db, ends - timedelta(days=5)) == (1, False)
    assert remind_cards_expiring(w.db, ends - timedelta(days=5)) == (0, False)  # once
    (m,) = _messages(w, "card_expiry")
    assert m[5] == f"card_expiry:{card}:{ends.isoformat()}" and m[2] is NotifyStatus.PENDING
    assert f"还有 3 次，将于 {ends.isoformat()} 到期" in m[4]
    # From the daily jobs: the count-card job says how many reminders it wrote.
    from memberdesk.services.jobs.runner import run_jobs

    shop_clock.day = ends - timedelta(days=5)
    runs = run_jobs(w.db).runs
    assert [r.counts.get("reminders") for r in runs if r.job == "count_card_expiry"][-1] == 0
    assert len(_messages(w, "card_expiry")) == 1


def test_a_member_who_becomes_dormant_gets_one_wake_up_message_per_dormancy(
        world: World, shop_clock: ShopClock, aliyun: FakeSms) -> None:
    w = world
    configure(w, aliyun, "dormant")
    consent(w, "alice")
    w.sell([("CHIPS", 1)], [(TenderKind.CASH, "8.80")], member="alice")
    w.sell([("CHIPS", 1)], [(TenderKind.CASH, "8.80")], member="bob")
    day = shop_clock.day
    refresh_scores(w.db, day)  # all new or active: nothing
    assert _messages(w, "dormant") == []
    refresh_scores(w.db, day + timedelta(days=120))  # 120 days since the sale: 休眠
    woken = {m[1]: m for m in _messages(w, "dormant")}
    assert woken["13800000001"][2] is NotifyStatus.PENDING
    assert woken["13800000001"][4].endswith("拒收请回复R")
    assert woken["13800000001"][5] == f"dormant:{w.members['alice']}:{day.isoformat()}"
    assert (woken["13800000002"][2], woken["13800000002"][3]) == (
        NotifyStatus.DROPPED, "no_consent")
    count = len(_messages(w, "dormant"))
    refresh_scores(w.db, day + timedelta(days=121))  # still dormant: nothing more
    assert len(_messages(w, "dormant")) == count


def test_an_unsubscribed_phone_gets_no_promotional_message_written_or_waiting(
        world: World, shop_clock: ShopClock, aliyun: FakeSms) -> None:
    w = world
    configure(w, aliyun, "birthday", "balance")
    consent(w, "alice", "bob")
    with w.db.uow() as uow:  # a greeting waiting for bob
        enqueue(uow.session, "birthday", w.members["bob"], {}, "birthday:test")
        uow.commit()
    alice_no = w.member("alice").member_no
    detail = edit_member(w.db, w.cashier, alice_no, sms_unsubscribed=True)
    assert detail.sms_unsubscribed and get_member(w.db, w.cashier, alice_no).sms_unsubscribed
    assert unsubscribe(w.db, w.manager, ["+86 138-0000-0002"]).added == 1
    with w.db.uow() as uow:
        enqueue(uow.session, "birthday", w.members["alice"], {}, "birthday:alice")
        uow.commit()
    w.recharge("alice", "10")  # a service notice still goes
    counts = send_due(w.db)
    assert (counts.sent, counts.dropped) == (1, 1)
    assert [(m[0], m[2], m[3]) for m in _messages(w)] == [
        ("birthday", NotifyStatus.DROPPED, "unsubscribed"),  # bob's, dropped when due
        ("birthday", NotifyStatus.DROPPED, "unsubscribed"),  # alice's, dropped when written
        ("balance", NotifyStatus.SENT, "")]
    assert [r.params["TemplateCode"] for r in aliyun.signed] == ["SMS_BALANCE"]
    # Unticked in the member's details: promotional messages go again.
    assert not edit_member(w.db, w.cashier, alice_no, sms_unsubscribed=False).sms_unsubscribed
    with w.db.uow() as uow:
        assert enqueue(uow.session, "birthday", w.members["alice"], {},
                       "birthday:again") is NotifyStatus.PENDING
        uow.commit()
    with w.db.reader() as r:
        audit = [(a.action, json.loads(a.detail or "{}")) for a in r.session.scalars(
            select(AuditEntry).where(AuditEntry.action.in_(
                ["member.edit", "notify.unsubscribe"])).order_by(AuditEntry.id))]
    assert [(a, d.get("changed", d.get("phones"))) for a, d in audit] == [
        ("member.edit", {"sms_unsubscribed": True}), ("notify.unsubscribe", ["138****0002"]),
        ("member.edit", {"sms_unsubscribed": False})]
    with pytest.raises(ValidationError):
        unsubscribe(w.db, w.manager, ["12345"])
    with pytest.raises(PermissionDenied):
        unsubscribe(w.db, w.cashier, ["13800000003"])


def _report(path: Path, rows: list[tuple[str, str]]) -> Path:
    if path.suffix == ".csv":
        buf = io.StringIO()
        csv.writer(buf).writerows(rows)
        path.write_bytes(buf.getvalue().encode("gb18030"))
    else:
        wb = Workbook()
        ws = wb.active
        assert ws is not None
        for row in rows:
            ws.append(list(row))
        wb.save(path)
    return path


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_reply_report_unsubscribes_who_replied_r_td_or_tuiding(
        world: World, tmp_path: Path, suffix: str) -> None:
    w = world
    path = _report(tmp_path / f"replies{suffix}", [
        ("手机号码", "回复内容"), ("8613800000001", " r "), ("13800000002", "好的，谢谢"),
        ("13800000003", "退订"), ("13900000009", "TD"), ("12345", "R"),
        ("13800000001", "R")])
    result = import_replies(w.db, w.manager, path)
    assert (result.rows, result.added, result.already, result.bad, result.other_replies) == (
        6, 3, 0, ("12345",), 1)  # alice twice: once
    assert get_member(w.db, w.manager, w.member("alice").member_no).sms_unsubscribed
    assert not get_member(w.db, w.manager, w.member("bob").member_no).sms_unsubscribed
    again = import_replies(w.db, w.manager, path)
    assert (again.added, again.already) == (0, 3)
    with w.db.reader() as r:
        rows = list(r.session.scalars(select(AuditEntry.detail).where(
            AuditEntry.action == "notify.import_replies")))
    assert len(rows) == 2 and json.loads(rows[0])["file"] == path.name


def cli(w: World, action: str, *more: str) -> list[str]:
    assert w.db.paths is not None
    return ["notifications", action, "--data-dir", str(w.db.paths.root), *more]


def test_the_unsubscribe_and_import_replies_commands(
        world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    w = world
    monkeypatch.setenv("MEMBERDESK_LANG", "en")
    monkeypatch.setattr("sys.stdin", io.StringIO("manager-pass\n"))
    assert main(cli(w, "unsubscribe", "13800000002", "0000", "--user", "manager")) == 0
    assert capsys.readouterr().out.splitlines() == [
        "unsubscribed 1, already unsubscribed 0", "not a mainland mobile: 0000"]
    monkeypatch.setattr("sys.stdin", io.StringIO("manager-pass\n"))
    assert main(cli(w, "unsubscribe", "0000", "--user", "manager")) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["memberdesk: No mainland China mobile to unsubscribe: 0000"]
    path = _report(tmp_path / "r.csv", [("13800000003", "R")])
    monkeypatch.setattr("sys.stdin", io.StringIO("manager-pass\n"))
    assert main(cli(w, "import-replies", str(path), "--user", "manager")) == 0
    assert capsys.readouterr().out.splitlines() == [
        "1 rows read, 0 other replies", "unsubscribed 1, already unsubscribed 0"]
    monkeypatch.setattr("sys.stdin", io.StringIO("manager-pass\n"))
    assert main(cli(w, "import-replies", str(tmp_path / "nope.pdf"), "--user", "manager")) == 1
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    with w.db.reader() as r:
        member = r.session.scalar(select(Member).where(Member.phone == "13800000003"))
        assert member is not None
        assert get_member(w.db, w.manager, member.member_no).sms_unsubscribed
