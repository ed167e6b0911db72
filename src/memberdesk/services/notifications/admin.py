"""The back office's view of the outbox (消息): the message log with its status,
resending by hand (a manager, audited), the count and cost per month, a test
message, and the day's messages as a call list (xlsx) for a shop without SMS.

Phones in the log are masked unless the one asking may see full numbers; the call
list is for calling, so it needs ``UNMASK_PHONE`` as well and is audited.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.domain import notify, shoptime
from memberdesk.models import Member, Notification, NotifyStatus
from memberdesk.models.enums import MemberStatus
from memberdesk.money import Money
from memberdesk.reports.document import Column, ColumnKind, Document, Table
from memberdesk.reports.xlsx import write_xlsx
from memberdesk.services.notifications.outbox import mainland_mobile, template_for
from memberdesk.services.notifications.sender import TEST_EVENT, Sender, send_due
from memberdesk.services.notifications.sms_providers import SmsConfig
from memberdesk.services.shared import audit, clock
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import (
    ConflictError,
    Localized,
    NotFoundError,
    ValidationError,
)
from memberdesk.services.shared.messages.notify import REASON_WORDS, STATUS_WORDS, word
from memberdesk.services.shared.permissions import Permission, load_actor_staff, require, role_has
from memberdesk.services.shared.phones import mask_phone, normalise_phone
from memberdesk.services.shared.policy import Policy
from memberdesk.services.shared.tables import table

_OUTBOX, _MEMBERS = table(Notification), table(Member)
LOG_PAGE = 200


@dataclass(frozen=True)
class LogRow:
    id: int
    created_at: datetime  # the shop's wall-clock time
    event: str
    member_no: str
    name: str
    phone: str  # masked unless the reader may see full numbers
    status: NotifyStatus
    attempts: int
    reason: str  # a reason code or the provider's "Code: Message"
    body: str


@dataclass(frozen=True)
class MonthCost:
    month: str  # 2026-12 (the shop's month of sending)
    sent: int
    cost: Money


@dataclass(frozen=True)
class MessageLog:
    rows: tuple[LogRow, ...]  # newest first, at most LOG_PAGE
    counts: dict[str, int]  # status -> messages
    months: tuple[MonthCost, ...]  # newest first, the last 12 months with messages sent
    may_resend: bool
    provider: str  # sms.provider ("none": the call list is the way)


def _log_query(status: str | None, before: int | None) -> Any:
    q = (select(_OUTBOX.c.id, _OUTBOX.c.created_at, _OUTBOX.c.event, _MEMBERS.c.member_no,
                _MEMBERS.c.name, _OUTBOX.c.phone, _OUTBOX.c.status, _OUTBOX.c.attempts,
                _OUTBOX.c.reason, _OUTBOX.c.body)
         .select_from(_OUTBOX.outerjoin(_MEMBERS, _MEMBERS.c.id == _OUTBOX.c.member_id)))
    if status:
        q = q.where(_OUTBOX.c.status == status)
    if before is not None:
        q = q.where(_OUTBOX.c.id < before)
    return q.order_by(_OUTBOX.c.id.desc()).limit(LOG_PAGE)


def _months(s: Session, policy: Policy) -> tuple[MonthCost, ...]:
    offset = policy.int("shop.timezone_offset_minutes")
    # The shop's month of sending, in each engine's words (PostgreSQL has no strftime).
    if s.get_bind().dialect.name == "postgresql":
        month = func.to_char(_OUTBOX.c.sent_at + func.make_interval(0, 0, 0, 0, 0, offset),
                             "YYYY-MM")
    else:
        month = func.strftime("%Y-%m", func.datetime(_OUTBOX.c.sent_at, f"{offset:+d} minutes"))
    rows = s.execute(select(month, func.count()).where(_OUTBOX.c.status == NotifyStatus.SENT)
                     .group_by(month).order_by(month.desc()).limit(12))
    price = policy.int("sms.price_fen")
    return tuple(MonthCost(str(m), int(n), Money(price * int(n))) for m, n in rows)


def message_log(db: Database, actor: Actor, status: str | None = None,
                before: int | None = None) -> MessageLog:
    """The newest messages (``status``: only those; ``before``: older than that id),
    the count of each status and the months' counts and costs."""
    if status is not None and status not in STATUS_WORDS:
        raise ValidationError("invalid_field", field=Localized("状态", "status"),
                              problem=status)
    with db.reader() as r:
        s = r.session
        require(s, actor, Permission.MANAGE_MESSAGES)
        unmasked = role_has(load_actor_staff(s, actor).role, Permission.UNMASK_PHONE)
        policy = Policy.load(s)
        offset = policy.int("shop.timezone_offset_minutes")
        rows = tuple(
            LogRow(int(i), shoptime.local_time(at, offset), ev, no or "", name or "",
                   (phone if unmasked else mask_phone(phone)) or "", NotifyStatus(st),
                   int(n), reason, body)
            for i, at, ev, no, name, phone, st, n, reason, body in s.execute(
                _log_query(status, before)))
        counts = {str(st): int(n) for st, n in s.execute(
            select(_OUTBOX.c.status, func.count()).group_by(_OUTBOX.c.status))}
        months = _months(s, policy)
    return MessageLog(rows, counts, months, True, policy.text("sms.provider"))


def resend(db: Database, actor: Actor, message_id: int) -> LogRow:
    """Put a failed or unknown message back in the queue, due now (a manager; audited).
    An unknown one may have reached the member: the manager decides."""
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_MESSAGES)
        m = s.get(Notification, message_id)
        if m is None:
            raise NotFoundError("notify_not_found", id=message_id)
        if m.status not in (NotifyStatus.FAILED, NotifyStatus.UNKNOWN):
            pair = STATUS_WORDS[m.status.value]
            raise ConflictError("notify_not_resendable", id=message_id,
                                status=Localized(*pair))
        if m.member_id is not None:
            member = s.get(Member, m.member_id)
            if member is None or member.status is not MemberStatus.ACTIVE:
                raise ConflictError("notify_member_gone", id=message_id)
            m.phone = mainland_mobile(member.phone) or m.phone
        before = m.status.value
        m.status, m.reason, m.attempts, m.next_at = (
            NotifyStatus.PENDING, "resend", 0, clock.now())
        audit.record(s, action="notify.resend", staff_id=actor.staff_id, entity="notification",
                     entity_id=message_id, detail={"status": before, "event": m.event})
        uow.commit()
        row = LogRow(m.id, m.created_at, m.event, "", "", mask_phone(m.phone), m.status,
                     m.attempts, m.reason, m.body)
    return row


@dataclass(frozen=True)
class TrialSend:
    status: NotifyStatus
    reason: str


def send_test(db: Database, actor: Actor, phone: str, *,
              sender: Sender | None = None) -> TrialSend:
    """Send the balance-change template with sample values to ``phone`` now (the
    owner, as one who changes the SMS settings; audited). The message is in the log
    like any other."""
    number = normalise_phone(phone)
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_SETTINGS)
        policy = Policy.load(s)
        problem = SmsConfig.from_settings(policy.values).problem()
        if problem is None and not policy.text("notify.balance.code").strip():
            problem = "no_template_code"
        if problem is not None:
            raise ValidationError("sms_not_ready", problem=Localized(*REASON_WORDS[problem]))
        text = template_for(policy, "balance")
        values = {"name": "测试" if not policy.text("shop.language").startswith("en")
                  else "Test", "amount": "+¥0.01", "balance": "¥0.01", "points": "0",
                  "date": clock.today(s).isoformat(), "tier": "", "shop": ""}
        names = notify.placeholders_in(text)
        at = clock.now()
        m = Notification(event=TEST_EVENT, member_id=None, phone=number,
                         body=notify.render(text, values, promotional=False),
                         params=json.dumps([[n, values.get(n, "")] for n in names],
                                           ensure_ascii=False),
                         promotional=False, status=NotifyStatus.PENDING, reason="",
                         dedupe_key=f"test:{uuid.uuid4().hex}", attempts=0, next_at=at,
                         created_at=at)
        s.add(m)
        s.flush()
        message_id = m.id
        audit.record(s, action="notify.test", staff_id=actor.staff_id, entity="notification",
                     entity_id=message_id, detail={"phone": mask_phone(number)})
        uow.commit()
    send_due(db, only=message_id, sender=sender)
    with db.reader() as r:
        done = r.session.get(Notification, message_id)
        assert done is not None
        result = TrialSend(done.status, done.reason)
    if result.status is not NotifyStatus.SENT:
        raise ValidationError("sms_test_failed", reason=word(REASON_WORDS, result.reason, "zh_CN")
                              if result.reason in REASON_WORDS else result.reason or "?")
    return result


def export_call_list(db: Database, actor: Actor, day: date, folder: Path, lang: str) -> Path:
    """The messages written on the shop's ``day`` (not those dropped) as a workbook to
    call or text by hand: time, member, full phone, text, status. Audited."""
    en = lang.startswith("en")

    def t(zh: str, en_text: str) -> str:
        return en_text if en else zh

    with db.reader() as r:
        s = r.session
        require(s, actor, Permission.MANAGE_MESSAGES)
        require(s, actor, Permission.UNMASK_PHONE)
        policy = Policy.load(s)
        offset = policy.int("shop.timezone_offset_minutes")
        start = shoptime.start_of_day(day, offset)
        q = (select(_OUTBOX.c.created_at, _MEMBERS.c.member_no, _MEMBERS.c.name,
                    _OUTBOX.c.phone, _OUTBOX.c.body, _OUTBOX.c.status)
             .select_from(_OUTBOX.outerjoin(_MEMBERS, _MEMBERS.c.id == _OUTBOX.c.member_id))
             .where(_OUTBOX.c.created_at >= start,
                    _OUTBOX.c.created_at < start + timedelta(days=1),
                    _OUTBOX.c.status != NotifyStatus.DROPPED, _OUTBOX.c.phone != "")
             .order_by(_OUTBOX.c.id))
        rows = [(shoptime.local_time(at, offset), no or "", name or "", phone, body,
                 word(STATUS_WORDS, st, lang)) for at, no, name, phone, body, st in s.execute(q)]
        doc = Document(
            t("电话清单", "Call list"), "", day.isoformat(),
            shoptime.local_time(clock.now(), offset), ((t("消息数", "Messages"), len(rows)),),
            (Table(t("电话清单", "Call list"), (
                Column(t("时间", "Time"), ColumnKind.DATETIME),
                Column(t("会员号", "Member"), width=12),
                Column(t("姓名", "Name"), width=10),
                Column(t("手机号", "Phone"), width=13),
                Column(t("内容", "Text"), width=60),
                Column(t("状态", "Status"), width=10)), lambda: iter(rows)),),
            lang="en" if en else "zh_CN")
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / (f"call-list_{day.isoformat()}.xlsx" if en
                         else f"电话清单_{day.isoformat()}.xlsx")
        write_xlsx(doc, path)
    with db.uow() as w:
        audit.record(w.session, action="notify.call_list", staff_id=actor.staff_id,
                     entity="file", entity_id=path.name[:40], detail={"rows": len(rows)})
        w.commit()
    return path
