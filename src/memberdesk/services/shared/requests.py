"""Checks shared by every request: idempotency ids, payload hashes, amounts, text."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import fields, is_dataclass
from enum import Enum
from typing import Any

from memberdesk.money import MAX_FEN, Money, MoneyError
from memberdesk.services.shared.errors import MONEY_PROBLEMS, Localized, ValidationError

_CLIENT_ID_RE = re.compile(r"^[A-Za-z0-9_.:\-]{8,64}$")


def check_client_id(client_id: object) -> str:
    """A client-generated idempotency key: 8–64 letters, digits or ``_.:-`` (a UUID fits)."""
    if not isinstance(client_id, str) or not _CLIENT_ID_RE.match(client_id):
        raise ValidationError("invalid_client_id")
    return client_id


_PLAIN = frozenset({str, int, bool, float, type(None)})


_FIELD_NAMES: dict[type, tuple[str, ...] | None] = {}


def _field_names(cls: type) -> tuple[str, ...] | None:
    """The fields of a dataclass type, in order (None for any other type); cached."""
    if cls not in _FIELD_NAMES:
        _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls)) if is_dataclass(cls) else None
    return _FIELD_NAMES[cls]


def _canonical(value: Any) -> Any:
    if type(value) in _PLAIN:
        return value
    if isinstance(value, Money):
        return {"fen": value.fen}
    if isinstance(value, Enum):
        return value.value
    names = _field_names(type(value))
    if names is not None:
        return {name: _canonical(getattr(value, name)) for name in names}
    if isinstance(value, tuple | list):
        return [_canonical(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _canonical(v) for k, v in value.items()}
    return value


def payload_hash(payload: Any) -> str:
    """SHA-256 of a canonical JSON of a request (dataclasses, Money, enums)."""
    text = json.dumps(
        _canonical(payload), sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parse_amount(text: str, field: str = "金额") -> Money:
    """Yuan text typed at the counter -> Money, or a clear :class:`ValidationError`
    (whatever the text: thousands of digits, digits of another script, ...). Full-width
    digits are read as digits; see :meth:`Money.parse`."""
    try:
        return Money.parse(text)
    except MoneyError as exc:
        raise ValidationError(
            "invalid_amount", text=text[:20], problem=_problem(exc.code)
        ) from exc


def _problem(code: str) -> Localized:
    """The problem in the message's own language (a bare Chinese word in an English
    message was the old behaviour)."""
    return Localized(*MONEY_PROBLEMS.get(code, MONEY_PROBLEMS["not_a_number"]))


def check_amount(value: object, *, allow_zero: bool = False, limit: int = MAX_FEN) -> Money:
    """A Money the request carries: not another type, not negative, not zero (unless
    allowed), not absurd (over ``limit`` fen)."""
    if not isinstance(value, Money):
        raise ValidationError("invalid_amount", text=repr(value), problem=_problem("not_a_number"))
    if value.is_negative:
        raise ValidationError("invalid_amount", text=value.yuan(), problem=_problem("negative"))
    if not value and not allow_zero:
        raise ValidationError("invalid_amount", text=value.yuan(), problem=_problem("zero"))
    if value.fen > limit:
        raise ValidationError(
            "amount_too_large", amount=value.display(), max=Money(limit).display()
        )
    return value


_ZWJ = "\u200d"


def _emoji_like(ch: str) -> bool:
    return ord(ch) > 0x2000 and unicodedata.category(ch) in ("So", "Sk")


def _joins_emoji(text: str, i: int) -> bool:
    """Whether the zero-width joiner at ``text[i]`` sits inside an emoji sequence."""
    j = i - 1
    while j >= 0 and unicodedata.category(text[j]) == "Mn":  # U+FE0F and friends
        j -= 1
    return j >= 0 and i + 1 < len(text) and _emoji_like(text[j]) and _emoji_like(text[i + 1])


def strip_invisible(text: str) -> str:
    """``text`` without the invisible characters that make a receipt or a list lie
    about what it says: every format character (Unicode category Cf), that is the
    right-to-left and other bidi overrides, embeddings and isolates (U+202A–U+202E,
    U+2066–U+2069), the direction marks (U+200E/F, U+061C), zero-width spaces and
    joiners (U+200B–U+200D, U+2060), the byte-order mark (U+FEFF), soft hyphens and
    tag characters. The zero-width joiner stays only inside an emoji sequence (👨‍👩‍👧).

    The one home of this rule: every text a person types (member, staff, shop,
    product, category, coupon and rule names, notes, tags, reasons, settings) passes
    through it at the service's door, via :func:`clean_text` here or
    :func:`.member_fields.clean_text`. Decision: strip rather than refuse; nothing
    a person means to say is lost, and an import of a pasted list is not failed for
    a character nobody can see."""
    if text.isascii():
        return text
    return "".join(
        ch for i, ch in enumerate(text)
        if unicodedata.category(ch) != "Cf" or (ch == _ZWJ and _joins_emoji(text, i))
    )


def clean_text(value: object, max_len: int) -> str:
    """Person-typed single-line text: invisible characters (:func:`strip_invisible`)
    and control characters gone, whitespace collapsed, at most ``max_len`` long."""
    if not isinstance(value, str):
        return ""
    text = strip_invisible(value)
    if not text.isprintable():  # control characters go first, so spaces then collapse
        text = "".join(ch for ch in text if ch.isspace() or unicodedata.category(ch) != "Cc")
    return " ".join(text.split())[:max_len]
