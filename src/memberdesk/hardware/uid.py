"""Card UID normalisation: one canonical form whatever the reader or the person typed.

The canonical UID is upper-case hex without separators, 4, 7, 8 or 10 bytes long
(ISO 14443 single/double/triple size UIDs; 8 bytes for ISO 15693 tags), for example
``04A1B2C3``. PC/SC readers deliver the bytes (``FF CA 00 00 00``) and need only
:func:`canonical_uid`. Keyboard-wedge readers and people deliver text that may be
hex with separators, lower case, ``0x``-prefixed, full-width (a Chinese IME), or the
4-byte UID printed as a 10-digit decimal number, often little-endian;
:func:`uid_candidates` lists every UID such text may denote, most likely first, so a
lookup can try them in order.

Pure functions, no I/O.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "UID_BYTE_LENGTHS",
    "InvalidUidError",
    "canonical_uid",
    "is_canonical_uid",
    "uid_candidates",
    "uid_from_bytes",
]

UID_BYTE_LENGTHS: frozenset[int] = frozenset({4, 7, 8, 10})
"""Accepted UID sizes in bytes."""

_HEX_DIGITS = frozenset("0123456789ABCDEF")
_SEPARATORS = " :-\t"
_SEPARATOR_RUN = re.compile(r"[ :\-\t]+")
_MAX_INPUT = 64  # longer input is not a card UID; refuse early and cheaply


class InvalidUidError(ValueError):
    """The text is not a card UID in hex notation."""


def _normalise_text(text: str) -> str:
    # NFKC turns full-width digits, letters and colons from an IME into ASCII.
    text = unicodedata.normalize("NFKC", text)
    return text.strip().strip("\x00\r\n")


def _hex_body(text: str) -> str | None:
    """Upper-case hex digits of one UID written in hex, or None if it is not hex."""
    if text[:2] in ("0x", "0X"):
        text = text[2:]
    if not text:
        return None
    if any(sep in text for sep in _SEPARATORS):
        if text[0] in _SEPARATORS or text[-1] in _SEPARATORS:
            return None
        groups = _SEPARATOR_RUN.split(text)
        if all(len(g) <= 2 for g in groups):
            # "4:a1:b2:c3" (a dropped leading zero per byte) is still one byte per group.
            groups = [g.zfill(2) for g in groups]
        elif any(len(g) % 2 for g in groups):
            return None  # "12 345 678" is not bytes
        text = "".join(groups)
    body = text.upper()
    if not body or not set(body) <= _HEX_DIGITS:
        return None
    return body


def _valid_uid_hex(body: str) -> bool:
    return len(body) % 2 == 0 and len(body) // 2 in UID_BYTE_LENGTHS


def _reverse_bytes(body: str) -> str:
    return "".join(body[i : i + 2] for i in range(len(body) - 2, -2, -2))


def is_canonical_uid(value: str) -> bool:
    """True if ``value`` is already a canonical UID (upper-case hex, valid length)."""
    return (
        isinstance(value, str)
        and bool(value)
        and set(value) <= _HEX_DIGITS
        and _valid_uid_hex(value)
    )


def canonical_uid(raw: str) -> str:
    """Normalise one UID written in hex to canonical upper-case hex without separators.

    Accepts spaces, colons or dashes between bytes, lower case, a ``0x`` prefix and
    full-width characters. Raises :class:`InvalidUidError` (a ``ValueError``) when the
    text is not hex or not 4, 7, 8 or 10 bytes long. Decimal wedge output is not
    interpreted here: use :func:`uid_candidates` for text of unknown form.
    """
    if not isinstance(raw, str):
        raise InvalidUidError(f"card UID must be text, not {type(raw).__name__}")
    text = _normalise_text(raw)
    if len(text) > _MAX_INPUT:
        raise InvalidUidError("card UID is too long")
    body = _hex_body(text)
    if body is None:
        raise InvalidUidError(f"not a hexadecimal card UID: {raw!r}")
    if not _valid_uid_hex(body):
        raise InvalidUidError(
            f"card UID must be 4, 7, 8 or 10 bytes, got {len(body) / 2:g} bytes: {raw!r}"
        )
    return body


def uid_from_bytes(data: bytes | bytearray | list[int]) -> str:
    """Canonical UID from the bytes a PC/SC reader returned (without the status word)."""
    raw = bytes(data)
    if len(raw) not in UID_BYTE_LENGTHS:
        raise InvalidUidError(f"card UID must be 4, 7, 8 or 10 bytes, got {len(raw)} bytes")
    return raw.hex().upper()


def uid_candidates(text: str) -> list[str]:
    """Every canonical UID that ``text`` may denote, most likely first.

    * the text read as hex (separators, case, ``0x`` and full width tolerated);
    * if the text is 8-10 decimal digits and fits in 32 bits (the way cheap
      keyboard-wedge readers print a 4-byte UID), the big-endian 4-byte UID of that
      number and its byte-reversed (little-endian) form;
    * the byte-reversed form of the hex reading.

    Duplicates are removed. Garbage gives an empty list; nothing is raised.
    """
    if not isinstance(text, str):
        return []
    cleaned = _normalise_text(text)
    if not cleaned or len(cleaned) > _MAX_INPUT:
        return []

    found: list[str] = []

    def add(candidate: str) -> None:
        if _valid_uid_hex(candidate) and candidate not in found:
            found.append(candidate)

    body = _hex_body(cleaned)
    hex_reading = body if body is not None and _valid_uid_hex(body) else None
    if hex_reading is not None:
        add(hex_reading)

    if cleaned.isascii() and cleaned.isdigit() and 8 <= len(cleaned) <= 10:
        value = int(cleaned)
        if value < 1 << 32:
            big_endian = value.to_bytes(4, "big").hex().upper()
            add(big_endian)
            add(_reverse_bytes(big_endian))

    if hex_reading is not None:
        add(_reverse_bytes(hex_reading))

    return found
