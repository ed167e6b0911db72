"""The notification outbox (短信通知): :func:`enqueue` writes a member's message in the
caller's transaction, so the message exists exactly when the business change does
(a rolled-back recharge leaves no message), and its ``dedupe_key`` (unique) makes the
same event write it once however often the code runs.

What is written: the owner's template for the event (``notify.<event>.text``, or the
default in the shop's language) with its placeholders filled, and for a promotional
event the unsubscribe text. Nothing is written when the event is switched off
(``notify.<event>.on``), for an anonymised or deactivated member, or twice. A
promotional message to a member without marketing consent, or to a phone that asked
for no more (:mod:`.notify_unsubscribe`), is logged ``dropped``; a phone that is not a
mainland mobile is logged ``failed`` with the reason. A
promotional message enqueued outside 08:00–21:00 shop time waits for 08:00.

The sender (:mod:`.notify_sender`) delivers what is due.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from memberdesk.domain import notify
from memberdesk.models import Member, Notification, NotifyStatus, Shop, SmsUnsubscribe, Tier
from memberdesk.models.enums import MemberStatus
from memberdesk.services.shared import clock
from memberdesk.services.shared.errors import ValidationError
from memberdesk.services.shared.ledger import StoredValuePosting
from memberdesk.services.shared.phones import normalise_phone
from memberdesk.services.shared.policy import Policy
from memberdesk.services.shared.tables import connection, insert_many, table

_MEMBERS, _TIERS, _SHOP, _OUTBOX = table(Member), table(Tier), table(Shop), table(Notification)
_OPTED_OUT = table(SmsUnsubscribe)
_RECIPIENTS = (
    select(_MEMBERS.c.id, _MEMBERS.c.name, _MEMBERS.c.phone, _MEMBERS.c.marketing_consent,
           _MEMBERS.c.status, _TIERS.c.name,
           select(_SHOP.c.name).where(_SHOP.c.id == 1).scalar_subquery(),
           select(_OPTED_OUT.c.phone).where(_OPTED_OUT.c.phone == _MEMBERS.c.phone)
           .exists())
    .select_from(_MEMBERS.outerjoin(_TIERS, _TIERS.c.id == _MEMBERS.c.tier_id))
)
_RECIPIENT = _RECIPIENTS.where(_MEMBERS.c.id == bindparam("member_id"))
@dataclass(frozen=True)
class Recipient:
    name: str
    phone: str | None
    consent: bool
    status: MemberStatus
    tier: str
    shop: str
    unsubscribed: bool = False  # the phone asked for no more promotional messages


def _as_recipient(row: Any) -> Recipient:
    _id, name, phone, consent, status, tier, shop, opted_out = row
    return Recipient(name, phone, bool(consent), MemberStatus(status), tier or "", shop or "",
                     bool(opted_out))


def _recipient(session: Session, member_id: int) -> Recipient | None:
    row = connection(session).execute(_RECIPIENT, {"member_id": member_id}).first()
    return None if row is None else _as_recipient(row)


def recipients(session: Session, member_ids: list[int]) -> dict[int, Recipient]:
    """The recipients of many members in one statement (a campaign's batch)."""
    rows = connection(session).execute(_RECIPIENTS.where(_MEMBERS.c.id.in_(member_ids)))
    return {int(r[0]): _as_recipient(r) for r in rows}


def template_for(policy: Policy, event: str) -> str:
    """The owner's text for ``event``, or the default in the shop's language."""
    return policy.text(f"notify.{event}.text") or notify.default_template(
        event, policy.text("shop.language"))


def mainland_mobile(phone: str | None) -> str | None:
    """``phone`` as 11 digits when it is a mainland China mobile (the members' own
    rule), else None."""
    try:
        return normalise_phone(phone or "")
    except ValidationError:
        return None


def due_at(policy: Policy, promotional: bool, at: datetime) -> datetime:
    """When a message written at ``at`` may first go out: now, or for a promotional
    one outside the allowed hours the shop's next 08:00."""
    local = policy.local_time(at)
    if not promotional or notify.promo_allowed(local):
        return at
    start = notify.next_promo_start(local)
    return at + (start - local)


@dataclass(frozen=True)
class Draft:
    """What the messages of one event written at one moment share: the template, its
    placeholders and when they may go out (worked out once for a campaign's chunk)."""

    text: str
    names: list[str]
    next_at: datetime

    @classmethod
    def of(cls, policy: Policy, event: str, at: datetime) -> Draft:
        text = template_for(policy, event)
        return cls(text, notify.placeholders_in(text),
                   due_at(policy, notify.EVENTS[event].promotional, at))


def message(
    policy: Policy,
    event: str,
    member_id: int,
    who: Recipient | None,
    params: dict[str, Any],
    dedupe_key: str,
    at: datetime,
    draft: Draft | None = None,
) -> dict[str, Any] | None:
    """The outbox row of ``event`` for the member (see :func:`enqueue`), or None when
    nothing is to be written: the event is off, the member anonymised or deactivated."""
    spec = notify.EVENTS[event]
    if not policy.bool(f"notify.{event}.on"):
        return None
    if who is None or who.status is not MemberStatus.ACTIVE:
        return None
    draft = draft or Draft.of(policy, event, at)
    text, names = draft.text, draft.names
    values = {"name": who.name, "tier": who.tier, "shop": who.shop,
              **{k: str(v) for k, v in params.items()}}
    phone = mainland_mobile(who.phone)
    status, reason = NotifyStatus.PENDING, ""
    if spec.promotional and not who.consent:
        status, reason = NotifyStatus.DROPPED, "no_consent"
    elif spec.promotional and who.unsubscribed:
        status, reason = NotifyStatus.DROPPED, "unsubscribed"
    elif phone is None:
        status, reason = NotifyStatus.FAILED, "not_mainland_mobile"
    return {
        "event": event, "member_id": member_id, "phone": phone or (who.phone or "")[:20],
        "body": notify.render(text, values, promotional=spec.promotional),
        "params": json.dumps([[n, values.get(n, "")] for n in names], ensure_ascii=False),
        "promotional": spec.promotional, "status": status, "reason": reason,
        "dedupe_key": dedupe_key[:80], "attempts": 0,
        "next_at": draft.next_at, "created_at": at, "sent_at": None,
        "provider": "", "provider_ref": ""}


def write(session: Session, rows: list[dict[str, Any]]) -> int:
    """Write outbox rows (from :func:`message`) in the caller's transaction, in one
    statement; a dedupe key already written is skipped. Returns the rows written."""
    return insert_many(connection(session), _OUTBOX, rows, unless_taken="dedupe_key")


def enqueue_new(session: Session, event: str, member_id: int, params: dict[str, Any],
                dedupe_key: str, policy: Policy) -> bool:
    """:func:`enqueue`, saying whether a message was written now (not before)."""
    if not policy.bool(f"notify.{event}.on"):
        return False
    row = message(policy, event, member_id, _recipient(session, member_id), params,
                  dedupe_key, clock.now())
    return row is not None and write(session, [row]) == 1


def enqueue(
    session: Session,
    event: str,
    member_id: int,
    params: dict[str, Any],
    dedupe_key: str,
    *,
    policy: Policy | None = None,
) -> NotifyStatus | None:
    """Write the message of ``event`` for the member in the caller's transaction.
    ``params`` fill the template's placeholders ({name}, {tier} and {shop} come from
    the member and the shop). Returns the status written, or None when nothing was
    written (the event is off, the member is anonymised or deactivated). A second
    call with the same ``dedupe_key`` writes nothing (and returns the status it
    would have written)."""
    policy = policy or Policy.load(session)
    if not policy.bool(f"notify.{event}.on"):
        return None
    row = message(policy, event, member_id, _recipient(session, member_id), params,
                  dedupe_key, clock.now())
    if row is None:
        return None
    write(session, [row])
    return NotifyStatus(row["status"])


def forget_member(session: Session, member_id: int) -> None:
    """An anonymised member: their messages lose phone, text and values, and those
    still waiting are dropped (in the anonymisation's transaction)."""
    conn = connection(session)
    conn.execute(update(_OUTBOX).where(
        _OUTBOX.c.member_id == member_id, _OUTBOX.c.status == NotifyStatus.PENDING,
    ).values(status=NotifyStatus.DROPPED, reason="anonymised"))
    conn.execute(update(_OUTBOX).where(_OUTBOX.c.member_id == member_id)
                 .values(phone="", body="", params="[]"))


def balance_changed(session: Session, posting: StoredValuePosting,
                    policy: Policy | None = None) -> NotifyStatus | None:
    """The balance-change message of one stored-value entry (checkout, recharge,
    refund): the change and the balance after, once per entry."""
    delta = posting.principal_delta + posting.bonus_delta
    after = posting.principal_after + posting.bonus_after
    amount = ("+" if delta.fen > 0 else "") + delta.display()
    return enqueue(session, "balance", posting.member_id,
                   {"amount": amount, "balance": after.display()},
                   f"sv:{posting.id}", policy=policy)
