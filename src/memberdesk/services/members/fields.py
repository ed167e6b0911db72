"""Validating and normalising what people type about a member.

One function per field, each returning the clean value or raising a
:class:`ValidationError` whose message names the field in Chinese and English.
The counter, the edit form and the Excel import all go through these.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from memberdesk.domain import shoptime
from memberdesk.models.enums import Gender
from memberdesk.services.shared.errors import ValidationError
from memberdesk.services.shared.phones import normalise_phone
from memberdesk.services.shared.requests import strip_invisible

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MEMBER_NO_RE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z_-]*$")

NAME_MAX = 40
EMAIL_MAX = 100
ADDRESS_MAX = 200
NOTES_MAX = 2000
TAG_MAX = 20
TAGS_MAX = 200  # the joined tags column
MEMBER_NO_MAX = 20
EARLIEST_BIRTHDAY = date(1900, 1, 1)

# field -> (zh, en) for messages
FIELD_LABELS: dict[str, tuple[str, str]] = {
    "member_no": ("会员编号", "member number"),
    "name": ("姓名", "name"),
    "phone": ("手机号", "phone"),
    "gender": ("性别", "gender"),
    "birthday": ("生日", "birthday"),
    "email": ("邮箱", "email"),
    "address": ("地址", "address"),
    "tags": ("标签", "tags"),
    "notes": ("备注", "notes"),
    "marketing_consent": ("接受营销", "marketing consent"),
    "card_uid": ("卡号", "card number"),
    "tier": ("会员等级", "tier"),
    "opening_principal": ("储值本金", "opening principal"),
    "opening_bonus": ("储值赠送", "opening bonus"),
    "opening_points": ("积分", "opening points"),
}

_TAG_SPLIT_RE = re.compile(r"[,，;；、]+")


def field_error(code: str, field: str, **params: object) -> ValidationError:
    zh, en = FIELD_LABELS[field]
    return ValidationError(code, field=field, field_zh=zh, field_en=en, **params)


def _bad_char(ch: str, *, multiline: bool) -> bool:
    """Control characters and lone surrogates are refused; emoji, rare CJK (also in
    the private use area, where some shops' fonts keep rare name characters) and
    joiners inside emoji sequences are fine."""
    if multiline and ch in "\n\t":
        return False
    return unicodedata.category(ch) in ("Cc", "Cs")


def clean_text(
    value: str | None, field: str, max_len: int, *, required: bool = False, multiline: bool = False
) -> str:
    """Trimmed text without invisible characters (:func:`.requests.strip_invisible`);
    single-line fields also get their inner whitespace collapsed."""
    text = strip_invisible(value or "")
    if multiline:
        text = "\n".join(line.rstrip() for line in text.strip().splitlines())
    else:
        text = " ".join(text.split())
    if any(_bad_char(ch, multiline=multiline) for ch in text):
        raise field_error("field_bad_chars", field)
    if not text and required:
        raise field_error("field_required", field)
    if len(text) > max_len:
        raise field_error("field_text_too_long", field, max=max_len)
    return text


def clean_name(name: str) -> str:
    return clean_text(name, "name", NAME_MAX, required=True)


def clean_optional(value: str | None, field: str, max_len: int) -> str | None:
    text = clean_text(value, field, max_len)
    return text or None


def clean_email(value: str | None) -> str | None:
    text = clean_optional(value, "email", EMAIL_MAX)
    if text is not None and not EMAIL_RE.match(text):
        raise field_error("invalid_email", "email", text=text)
    return text


def clean_notes(value: str | None) -> str:
    return clean_text(value, "notes", NOTES_MAX, multiline=True)


def clean_tags(value: str | Sequence[str] | None) -> tuple[str, ...]:
    """Tags as a tuple; text is split on commas (also Chinese ones), semicolons and
    顿号. Duplicates drop, order stays."""
    parts = _TAG_SPLIT_RE.split(value) if isinstance(value, str) else list(value or ())
    tags: list[str] = []
    for part in parts:
        tag = clean_text(part, "tags", TAG_MAX)
        if tag and tag not in tags:
            if _TAG_SPLIT_RE.search(tag):
                raise field_error("field_bad_chars", "tags")
            tags.append(tag)
    if len(",".join(tags)) > TAGS_MAX:
        raise field_error("field_text_too_long", "tags", max=TAGS_MAX)
    return tuple(tags)


def join_tags(tags: Sequence[str]) -> str:
    return ",".join(tags)


def split_tags(stored: str) -> tuple[str, ...]:
    return tuple(t for t in stored.split(",") if t)


def check_birthday(value: date | None, today: date | None = None) -> date | None:
    if value is None:
        return None
    # A birthday may be today in the shop's zone. Without the shop's zone at hand, the
    # latest zone on Earth decides, so no real birthday is ever refused as "future".
    today = today or shoptime.shop_today(shoptime.LATEST_OFFSET_MINUTES)
    if not EARLIEST_BIRTHDAY <= value <= today:
        raise field_error("birthday_out_of_range", "birthday", text=value.isoformat())
    return value


def clean_member_no(value: str | None) -> str | None:
    text = clean_optional(value, "member_no", MEMBER_NO_MAX)
    if text is not None and not MEMBER_NO_RE.match(text):
        raise field_error("field_bad_chars", "member_no")
    return text


@dataclass(frozen=True)
class MemberInput:
    """A member's personal data, validated (what registration and import write)."""

    phone: str
    name: str
    gender: Gender = Gender.UNKNOWN
    birthday: date | None = None
    email: str | None = None
    address: str | None = None
    tags: tuple[str, ...] = ()
    notes: str = ""
    marketing_consent: bool = False
    member_no: str | None = None  # None: the next generated number
    tier_id: int | None = None  # None: the entry tier


def validate_member(
    *,
    phone: str,
    name: str,
    gender: Gender = Gender.UNKNOWN,
    birthday: date | None = None,
    email: str | None = None,
    address: str | None = None,
    tags: str | Sequence[str] = (),
    notes: str = "",
    marketing_consent: bool = False,
    member_no: str | None = None,
    tier_id: int | None = None,
) -> MemberInput:
    """Every field checked; raises the first problem."""
    return MemberInput(
        phone=normalise_phone(phone),
        name=clean_name(name),
        gender=Gender(gender),
        birthday=check_birthday(birthday),
        email=clean_email(email),
        address=clean_optional(address, "address", ADDRESS_MAX),
        tags=clean_tags(tags),
        notes=clean_notes(notes),
        marketing_consent=bool(marketing_consent),
        member_no=clean_member_no(member_no),
        tier_id=tier_id,
    )
