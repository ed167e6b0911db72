"""Members: registration with validation, pinyin for search, masked phones."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from pypinyin import Style, lazy_pinyin
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.models import Member, Tier
from memberdesk.models.enums import Gender, MemberStatus
from memberdesk.money import Money

from . import audit
from .context import Actor
from .errors import ConflictError, ValidationError
from .permissions import Permission, require

# Mainland China mobile numbers: 11 digits, 1 then 3-9.
PHONE_RE = re.compile(r"^1[3-9]\d{9}$")
NAME_MAX = 40


@dataclass(frozen=True)
class MemberSummary:
    id: int
    member_no: str
    name: str
    phone_masked: str
    tier_name: str
    sv_principal: Money
    sv_bonus: Money
    points: int
    status: MemberStatus

    @property
    def stored_value(self) -> Money:
        return self.sv_principal + self.sv_bonus


def mask_phone(phone: str | None) -> str:
    if not phone:
        return ""
    return phone[:3] + "****" + phone[-4:] if len(phone) >= 7 else "****"


def normalise_phone(text: str) -> str:
    digits = re.sub(r"[\s\-()]", "", text.strip())
    if digits.startswith("+86"):
        digits = digits[3:]
    elif digits.startswith("0086"):
        digits = digits[4:]
    if not PHONE_RE.match(digits):
        raise ValidationError("invalid_phone", phone=text.strip())
    return digits


def name_search_keys(name: str) -> tuple[str, str]:
    """Full pinyin (no tones, no spaces) and initials of a name, lower case.
    Characters pypinyin does not know (latin letters, digits) are kept as they are."""
    syllables = [s for s in lazy_pinyin(name, style=Style.NORMAL, errors="default") if s.strip()]
    initials = [s for s in lazy_pinyin(name, style=Style.FIRST_LETTER, errors="default")]
    full = "".join(c for s in syllables for c in s.lower() if c.isalnum())
    inits = "".join(s[0].lower() for s in initials if s and s[0].isalnum())
    return full[:160], inits[:40]


def clean_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise ValidationError("required_field", field="姓名")
    if len(name) > NAME_MAX:
        raise ValidationError("field_too_long", field="姓名", max=NAME_MAX)
    if any(ord(ch) < 32 for ch in name):
        raise ValidationError("invalid_field", field="姓名", problem="包含控制字符")
    return name


def next_member_no(session: Session) -> str:
    """Member numbers count up: M000001, M000002, ..."""
    last = session.scalar(select(func.max(Member.id))) or 0
    candidate = last + 1
    while True:
        no = f"M{candidate:06d}"
        if session.scalar(select(Member.id).where(Member.member_no == no)) is None:
            return no
        candidate += 1


def default_tier_id(session: Session) -> int:
    tier_id = session.scalar(select(Tier.id).where(Tier.active.is_(True)).order_by(Tier.rank))
    if tier_id is None:
        raise ValidationError("not_initialised")
    return tier_id


def summary(session: Session, member: Member) -> MemberSummary:
    tier = session.get(Tier, member.tier_id)
    return MemberSummary(
        member.id,
        member.member_no,
        member.name,
        mask_phone(member.phone),
        tier.name if tier else "",
        member.sv_principal,
        member.sv_bonus,
        member.points_balance,
        member.status,
    )


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
    tags: str = "",
) -> Member:
    phone = normalise_phone(phone)
    name = clean_name(name)
    if birthday is not None and not date(1900, 1, 1) <= birthday <= date.today():
        raise ValidationError("invalid_field", field="生日", problem="日期不合理")
    existing = session.scalar(select(Member).where(Member.phone == phone))
    if existing is not None:
        raise ConflictError("phone_taken", phone=mask_phone(phone), member_no=existing.member_no)
    pinyin, initials = name_search_keys(name)
    member = Member(
        member_no=next_member_no(session),
        phone=phone,
        phone_last4=phone[-4:],
        name=name,
        name_pinyin=pinyin,
        name_initials=initials,
        gender=gender,
        birthday=birthday,
        tier_id=tier_id or default_tier_id(session),
        marketing_consent=marketing_consent,
        notes=notes[:2000],
        tags=tags[:200],
    )
    session.add(member)
    session.flush()
    return member


def register_member(
    db: Database,
    actor: Actor,
    *,
    phone: str,
    name: str,
    gender: Gender = Gender.UNKNOWN,
    birthday: date | None = None,
    marketing_consent: bool = False,
    notes: str = "",
) -> MemberSummary:
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.REGISTER_MEMBER)
        member = add_member_in(
            s,
            phone=phone,
            name=name,
            gender=gender,
            birthday=birthday,
            marketing_consent=marketing_consent,
            notes=notes,
        )
        audit.record(
            s,
            action="member.register",
            staff_id=actor.staff_id,
            entity="member",
            entity_id=member.member_no,
        )
        result = summary(s, member)
        uow.commit()
    return result
