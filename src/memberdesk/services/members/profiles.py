"""Members: register and edit (reading one member: ``details``; deactivating and
anonymising: ``closing``).

Audit rows only ever hold masked phones (138****5678).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any, Final

from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.models import Member
from memberdesk.models.enums import Gender
from memberdesk.services.members import search_keys as member_search
from memberdesk.services.members.details import (
    MemberDetail,
    detail_of,
    editable_member,
    may_unmask,
)
from memberdesk.services.members.fields import (
    ADDRESS_MAX,
    check_birthday,
    clean_email,
    clean_name,
    clean_notes,
    clean_optional,
    clean_tags,
    join_tags,
    validate_member,
)
from memberdesk.services.members.rows import (
    ensure_member_no_free,
    ensure_phone_free,
    insert_member_in,
    insert_members_in,
    member_by_no,
)
from memberdesk.services.notifications import (
    unsubscribe as notify_unsubscribe,
)
from memberdesk.services.shared import audit
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.permissions import Permission, require
from memberdesk.services.shared.phones import PHONE_RE, mask_phone, normalise_phone

__all__ = [
    "PHONE_RE",
    "UNSET",
    "add_member_in",
    "clean_name",
    "edit_member",
    "insert_member_in",
    "insert_members_in",
    "mask_phone",
    "member_by_no",
    "name_search_keys",
    "normalise_phone",
]


class _Unset:
    def __repr__(self) -> str:
        return "UNSET"


UNSET: Final = _Unset()
"""Default of :func:`edit_member` arguments: leave the field as it is."""


def name_search_keys(name: str) -> tuple[str, str]:
    """Full pinyin (no tones, no spaces) and initials of a name, lower case ASCII;
    polyphonic surnames read as surnames (单 -> shan)."""
    keys = member_search.name_keys(name)
    return keys.pinyin, keys.initials


# -- writing members ----------------------------------------------------------------


def add_member_in(
    session: Session,
    *,
    phone: str,
    name: str,
    gender: Gender = Gender.UNKNOWN,
    birthday: date | None = None,
    tier_id: int | None = None,
    marketing_consent: bool = False,
    notes: str = "",
    tags: str | Sequence[str] = (),
    email: str | None = None,
    address: str | None = None,
    member_no: str | None = None,
) -> Member:
    """Validate and insert one member in the caller's transaction (no permission
    check, no audit: the calling use case does those)."""
    data = validate_member(
        phone=phone,
        name=name,
        gender=gender,
        birthday=birthday,
        email=email,
        address=address,
        tags=tags,
        notes=notes,
        marketing_consent=marketing_consent,
        member_no=member_no,
        tier_id=tier_id,
    )
    ensure_phone_free(session, data.phone)
    if data.member_no:
        ensure_member_no_free(session, data.member_no)
    return insert_member_in(session, data)


# -- reading --------------------------------------------------------------------------


# -- use cases --------------------------------------------------------------------------


def edit_member(
    db: Database,
    actor: Actor,
    member_no: str,
    *,
    name: str | _Unset = UNSET,
    phone: str | _Unset = UNSET,
    gender: Gender | _Unset = UNSET,
    birthday: date | _Unset | None = UNSET,
    email: str | _Unset | None = UNSET,
    address: str | _Unset | None = UNSET,
    tags: str | Sequence[str] | _Unset = UNSET,
    notes: str | _Unset = UNSET,
    marketing_consent: bool | _Unset = UNSET,
    sms_unsubscribed: bool | _Unset = UNSET,
) -> MemberDetail:
    """Change a member's personal data; arguments left at UNSET stay as they are
    (``sms_unsubscribed``: the member's phone gets no more promotional messages).
    The audit row names the changed fields (and masked phones), not their values."""
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.EDIT_MEMBER)
        member = editable_member(s, member_no)
        changed: dict[str, Any] = {}
        if not isinstance(name, _Unset):
            new_name = clean_name(name)
            if new_name != member.name:
                keys = member_search.name_keys(new_name)
                member.name, member.name_pinyin, member.name_initials = (
                    new_name,
                    keys.pinyin,
                    keys.initials,
                )
                member_search.replace_keys(s, member.id, keys)
                changed["name"] = True
        if not isinstance(phone, _Unset):
            new_phone = normalise_phone(phone)
            if new_phone != member.phone:
                ensure_phone_free(s, new_phone, member.id)
                changed["phone"] = [mask_phone(member.phone), mask_phone(new_phone)]
                member.phone, member.phone_last4 = new_phone, new_phone[-4:]
        values: dict[str, Any] = {}
        if not isinstance(gender, _Unset):
            values["gender"] = Gender(gender)
        if not isinstance(birthday, _Unset):
            values["birthday"] = check_birthday(birthday)
        if not isinstance(email, _Unset):
            values["email"] = clean_email(email)
        if not isinstance(address, _Unset):
            values["address"] = clean_optional(address, "address", ADDRESS_MAX)
        if not isinstance(tags, _Unset):
            values["tags"] = join_tags(clean_tags(tags))
        if not isinstance(notes, _Unset):
            values["notes"] = clean_notes(notes)
        if not isinstance(marketing_consent, _Unset):
            values["marketing_consent"] = bool(marketing_consent)
        for field, value in values.items():
            if getattr(member, field) != value:
                setattr(member, field, value)
                changed[field] = True
        if not isinstance(sms_unsubscribed, _Unset) and notify_unsubscribe.mark_in(
                s, member.phone, bool(sms_unsubscribed), "staff"):
            changed["sms_unsubscribed"] = bool(sms_unsubscribed)
        if changed:
            s.flush()
            audit.record(
                s,
                action="member.edit",
                staff_id=actor.staff_id,
                entity="member",
                entity_id=member.member_no,
                detail={"changed": changed},
            )
        result = replace(detail_of(s, member, may_unmask(s, actor)),
                         sms_unsubscribed=notify_unsubscribe.unsubscribed_in(s, member.phone))
        uow.commit()
    return result


