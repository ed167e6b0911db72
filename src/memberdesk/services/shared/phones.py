"""Mainland mobile numbers: the one rule for what a phone is, and how one is masked (138****5678)."""

from __future__ import annotations

import re
import unicodedata

from memberdesk.services.shared.errors import ValidationError

# Mainland China mobile numbers: 11 digits, 1 then 3-9.
# ASCII digits only: NFKC (in normalise_phone) folds full-width ones; Arabic-Indic or
# other scripts' digits are refused, not stored as a "phone".
PHONE_RE = re.compile(r"^1[3-9][0-9]{9}$", re.ASCII)


def normalise_phone(text: str) -> str:
    digits = re.sub(r"[\s\-()]", "", unicodedata.normalize("NFKC", text or "").strip())
    if digits.startswith("+86"):
        digits = digits[3:]
    elif digits.startswith("0086"):
        digits = digits[4:]
    if not PHONE_RE.match(digits):
        raise ValidationError("invalid_phone", phone=(text or "").strip()[:40])
    return digits


def is_phone(text: str) -> bool:
    """``text`` is a mainland mobile number by :func:`normalise_phone`'s rule."""
    try:
        normalise_phone(text)
    except ValidationError:
        return False
    return True


def mask_phone(phone: str | None) -> str:
    if not phone:
        return ""
    return phone[:3] + "****" + phone[-4:] if len(phone) >= 7 else "****"
