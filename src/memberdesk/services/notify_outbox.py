"""The notification outbox (短信通知): :func:`enqueue` writes a member's message in the
caller's transaction, so the message exists exactly when the business change does
(a rolled-back recharge leaves no message), and its ``dedupe_key`` (unique) makes the
same event write it once however often the code runs.

What is written: the owner's template for the event (``notify.<event>.text``, or the
default in the shop's language) with its placeholders filled, and for a promotional
event the unsubscribe text. Nothing is written when the event is switched off
(``notify.<event>.on``), for an anonymised or deactivated member, or twice. A
promotional message to a member without marketing consent is logged ``dropped``; a
phone that is not a mainland mobile is logged ``failed`` with the reason. A
promotional message enqueued outside 08:00–21:00 shop time waits for 08:00.

The sender (:mod:`.notify_sender`) delivers what is due.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from memberdesk.domain import notify
from memberdesk.models import Member, Notification, NotifyStatus, Shop, Tier
from memberdesk.models.enums import MemberStatus

from . import clock
from .errors import ValidationError
from .ledger import StoredValuePosting
from .member_fields import normalise_phone
from .policy import Policy
from .tables import connection, table

_MEMBERS, _TIERS, _SHOP, _OUTBOX = table(Member), table(Tier), table(Shop), table(Notification)
_RECIPIENT = (
    select(_MEMBERS.c.name, _MEMBERS.c.phone, _MEMBERS.c.marketing_consent, _MEMBERS.c.status,
           _TIERS.c.name, select(_SHOP.c.name).where(_SHOP.c.id == 1).scalar_subquery())
    .select_from(_MEMBERS.outerjoin(_TIERS, _TIERS.c.id == _MEMBERS.c.tier_id))
    .where(_MEMBERS.c.id == bindparam("member_id"))
)
_ADD = insert(_OUTBOX).on_conflict_do_nothing(index_elements=["dedupe_key"])


@dataclass(frozen=True)
class Recipient:
    name: str
    phone: str | None
    consent: bool
    status: MemberStatus
    tier: str
    shop: str


def _recipient(session: Session, member_id: int) -> Recipient | None:
    row = connection(session).execute(_RECIPIENT, {"member_id": member_id}).first()
    if row is None:
        return None
    name, phone, consent, status, tier, shop = row
    return Recipient(name, phone, bool(consent), MemberStatus(status), tier or "", shop or "")


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
    spec = notify.EVENTS[event]
    policy = policy or Policy.load(session)
    if not policy.bool(f"notify.{event}.on"):
        return None
    who = _recipient(session, member_id)
    if who is None or who.status is not MemberStatus.ACTIVE:
        return None
    text = template_for(policy, event)
    values = {"name": who.name, "tier": who.tier, "shop": who.shop,
              **{k: str(v) for k, v in params.items()}}
    names = notify.placeholders_in(text)
    at = clock.now()
    phone = mainland_mobile(who.phone)
    status, reason = NotifyStatus.PENDING, ""
    if spec.promotional and not who.consent:
        status, reason = NotifyStatus.DROPPED, "no_consent"
    elif phone is None:
        status, reason = NotifyStatus.FAILED, "not_mainland_mobile"
    connection(session).execute(_ADD, {
        "event": event, "member_id": member_id, "phone": phone or (who.phone or "")[:20],
        "body": notify.render(text, values, promotional=spec.promotional),
        "params": json.dumps([[n, values.get(n, "")] for n in names], ensure_ascii=False),
        "promotional": spec.promotional, "status": status, "reason": reason,
        "dedupe_key": dedupe_key[:80], "attempts": 0,
        "next_at": due_at(policy, spec.promotional, at), "created_at": at, "sent_at": None,
        "provider": "", "provider_ref": ""})
    return status


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
