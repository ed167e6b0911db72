"""The sender of the notification outbox: :func:`send_due` delivers the messages whose
time has come, one by one, through the shop's SMS provider
(:mod:`.sms_providers`). Run by ``memberdesk notifications send``, by the daily jobs
and by the back office's long-job worker every few minutes.

Each message is claimed before its request goes out (``pending`` -> ``unknown``,
reason ``sending``, in its own short transaction; a second sender finds it taken),
then the answer is written: ``sent``; ``pending`` again with an exponential backoff
for a provider that asks to retry (``failed`` once the tries are used up);
``failed`` for a refusal; ``unknown`` after a timeout or an answer that is not the
provider's, never resent without a person (:func:`.notify_admin.resend`). A crash
between the two leaves ``unknown`` too. Nothing reached the provider (no network):
the message waits, its tries untouched. A wrong key, no connection or an unknown
answer stops the run: the next messages would meet the same.

Before sending, a message is checked again: a member anonymised or deactivated
since, or a promotional message whose member withdrew consent or whose phone asked
for no more (replied R, :mod:`.notify_unsubscribe`), is ``dropped``; a
promotional one outside 08:00–21:00 waits for 08:00; one older than three days is
dropped as stale.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.domain import notify
from memberdesk.models import Member, Notification, NotifyStatus, SmsUnsubscribe
from memberdesk.models.enums import MemberStatus
from memberdesk.services.notifications.outbox import due_at
from memberdesk.services.notifications.sms_providers import Outcome, SmsConfig, send_sms
from memberdesk.services.shared import clock
from memberdesk.services.shared.policy import Policy
from memberdesk.services.shared.tables import connection, table

log = logging.getLogger(__name__)
_OUTBOX, _MEMBERS, _OPTED_OUT = table(Notification), table(Member), table(SmsUnsubscribe)
TEST_EVENT = "test"
BATCH = 50  # messages looked at per run (the timer comes back for the rest)

Sender = Callable[[SmsConfig, str, str, list[tuple[str, str]], datetime], Outcome]


@dataclass
class SendCounts:
    sent: int = 0
    failed: int = 0
    unknown: int = 0
    waiting: int = 0  # put back to wait (a retry, 08:00, no network)
    dropped: int = 0
    stopped: str = ""  # why the run stopped early ("" = it did not)
    reasons: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, int]:
        return {"sent": self.sent, "failed": self.failed, "unknown": self.unknown,
                "waiting": self.waiting, "dropped": self.dropped}


@dataclass(frozen=True)
class _Due:
    id: int
    event: str
    member_id: int | None
    phone: str
    params: list[tuple[str, str]]
    promotional: bool
    attempts: int
    created_at: datetime


def _due(s: Session, now: datetime, limit: int, only: int | None) -> list[_Due]:
    query = select(_OUTBOX.c.id, _OUTBOX.c.event, _OUTBOX.c.member_id, _OUTBOX.c.phone,
                   _OUTBOX.c.params, _OUTBOX.c.promotional, _OUTBOX.c.attempts,
                   _OUTBOX.c.created_at).where(_OUTBOX.c.status == NotifyStatus.PENDING)
    query = (query.where(_OUTBOX.c.id == only) if only is not None
             else query.where(_OUTBOX.c.next_at <= now))
    rows = connection(s).execute(query.order_by(_OUTBOX.c.next_at, _OUTBOX.c.id).limit(limit))
    return [_Due(r[0], r[1], r[2], r[3], [(str(k), str(v)) for k, v in json.loads(r[4])],
                 bool(r[5]), int(r[6]), r[7]) for r in rows]


def _set(s: Session, message_id: int, **values: object) -> None:
    connection(s).execute(update(_OUTBOX).where(_OUTBOX.c.id == message_id).values(**values))


def _still_wanted(s: Session, m: _Due, policy: Policy, now: datetime) -> tuple[str, str] | None:
    """Why ``m`` must not go out now: ("dropped", reason) or ("wait", ""); None: send."""
    if now - _aware(m.created_at) > notify.KEEP_WAITING:
        return "dropped", "stale"
    if m.member_id is not None:
        row = connection(s).execute(select(_MEMBERS.c.status, _MEMBERS.c.marketing_consent)
                                    .where(_MEMBERS.c.id == m.member_id)).first()
        if row is None or MemberStatus(row[0]) is not MemberStatus.ACTIVE:
            return "dropped", "anonymised" if row is not None and MemberStatus(
                row[0]) is MemberStatus.ANONYMISED else "member_inactive"
        if m.promotional and not row[1]:
            return "dropped", "no_consent"
    if m.promotional and connection(s).execute(
            select(_OPTED_OUT.c.phone).where(_OPTED_OUT.c.phone == m.phone)).first():
        return "dropped", "unsubscribed"
    if m.promotional and due_at(policy, True, now) > now:
        return "wait", ""
    return None


def _aware(at: datetime) -> datetime:
    return at if at.tzinfo is not None else at.replace(tzinfo=UTC)


def _claim(db: Database, m: _Due, policy: Policy, counts: SendCounts,
           provider: str) -> bool:
    """Check ``m`` again and take it for sending (its own transaction)."""
    with db.uow() as uow:
        s = uow.session
        now = clock.now()
        verdict = _still_wanted(s, m, policy, now)
        if verdict is not None:
            kind, reason = verdict
            if kind == "dropped":
                _set(s, m.id, status=NotifyStatus.DROPPED, reason=reason, phone="")
                counts.dropped += 1
            else:
                _set(s, m.id, next_at=due_at(policy, True, now))
                counts.waiting += 1
            uow.commit()
            return False
        taken = connection(s).execute(update(_OUTBOX).where(
            _OUTBOX.c.id == m.id, _OUTBOX.c.status == NotifyStatus.PENDING,
            _OUTBOX.c.attempts == m.attempts,
        ).values(status=NotifyStatus.UNKNOWN, reason="sending", attempts=m.attempts + 1,
                 provider=provider)).rowcount
        uow.commit()
    return bool(taken)


def _record(db: Database, m: _Due, outcome: Outcome, counts: SendCounts) -> None:
    tries = m.attempts + 1
    with db.uow() as uow:
        s = uow.session
        now = clock.now()
        if outcome.kind == "sent":
            _set(s, m.id, status=NotifyStatus.SENT, reason="", sent_at=now,
                 provider_ref=outcome.ref)
            counts.sent += 1
        elif outcome.kind == "unknown":
            _set(s, m.id, status=NotifyStatus.UNKNOWN, reason=outcome.reason)
            counts.unknown += 1
        elif outcome.kind == "failed" or tries >= notify.MAX_ATTEMPTS:
            _set(s, m.id, status=NotifyStatus.FAILED, reason=outcome.reason)
            counts.failed += 1
        else:  # retry, config (a wrong key), offline (nothing was sent: the try is not spent)
            spent = tries if outcome.kind != "offline" else m.attempts
            _set(s, m.id, status=NotifyStatus.PENDING, reason=outcome.reason, attempts=spent,
                 next_at=now + notify.retry_delay(max(1, spent)))
            counts.waiting += 1
        uow.commit()
    if outcome.reason:
        counts.reasons.append(outcome.reason)


def template_code(policy: Policy, event: str) -> str:
    """The provider's template of ``event`` (a test message uses the balance change's)."""
    return policy.text(f"notify.{'balance' if event == TEST_EVENT else event}.code").strip()


def send_due(db: Database, *, limit: int = BATCH, only: int | None = None,
             sender: Sender | None = None) -> SendCounts:
    """Deliver what is due now (at most ``limit`` messages; ``only``: that one message,
    due or not). See the module docstring."""
    counts = SendCounts()
    with db.reader() as r:
        s = r.session
        policy = Policy.load(s)
        config = SmsConfig.from_settings(policy.values)
        due = _due(s, clock.now(), limit, only)
    problem = config.problem()
    if problem is not None:
        counts.stopped = problem
        return counts
    send = sender or send_sms
    for m in due:
        code = template_code(policy, m.event)
        if not code:
            counts.stopped = f"no_template_code:{m.event}"
            continue
        if not _claim(db, m, policy, counts, config.provider):
            continue
        outcome = send(config, m.phone, code, m.params, clock.now())
        _record(db, m, outcome, counts)
        if outcome.kind in ("config", "offline", "unknown"):
            counts.stopped = outcome.kind
            break
    if counts.stopped or any(counts.as_dict().values()):
        # The system log: counts and the provider's codes, never a key or a phone.
        log.info("sms %s: %s%s", config.provider, counts.as_dict(),
                 f"; stopped: {counts.stopped} ({counts.reasons[-1] if counts.reasons else ''})"
                 if counts.stopped else "")
    return counts
