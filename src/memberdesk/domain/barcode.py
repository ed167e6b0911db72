"""Barcodes on products: which are checked, and how.

The shop's rule (documented in the README): a barcode of 8, 12 or 13 digits is an
EAN-8, UPC-A or EAN-13 and its last digit must be the GS1 check digit — a wrong one
is almost always a typo or a misread, and a product saved under it would never be
found by the scanner. Anything else (an in-store code printed on a label, Code 128,
a 14-digit case code) is kept as a plain code: 1–32 letters, digits, ``-``, ``.``
or ``/``, no spaces. Full-width digits (１２３) are read as ASCII.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

BARCODE_MAX = 32
CHECKED_LENGTHS = {8: "EAN-8", 12: "UPC-A", 13: "EAN-13"}
_PLAIN_EXTRA = frozenset("-./")


def check_digit(body: str) -> int:
    """The GS1 check digit of ``body`` (the digits before it): weights 3,1,3,...
    from the right."""
    total = sum(int(c) * (3 if i % 2 == 0 else 1) for i, c in enumerate(reversed(body)))
    return (10 - total % 10) % 10


@dataclass(frozen=True)
class BarcodeProblem:
    """Why a barcode is refused: ``kind`` is "check_digit" (``expected`` is the
    right last digit), "chars" or "too_long"."""

    kind: str
    symbology: str = ""
    expected: int = 0


def normalise_barcode(text: str) -> str:
    """What was typed or scanned, as stored: NFKC (full-width digits), spaces gone."""
    return "".join(unicodedata.normalize("NFKC", text or "").split())


def barcode_problem(code: str) -> BarcodeProblem | None:
    """None when ``code`` (normalised) is acceptable, else what is wrong with it."""
    if len(code) > BARCODE_MAX:
        return BarcodeProblem("too_long")
    if not all(c.isascii() and (c.isalnum() or c in _PLAIN_EXTRA) for c in code):
        return BarcodeProblem("chars")
    if code.isdigit() and len(code) in CHECKED_LENGTHS:
        expected = check_digit(code[:-1])
        if int(code[-1]) != expected:
            return BarcodeProblem("check_digit", CHECKED_LENGTHS[len(code)], expected)
    return None


__all__ = ["BARCODE_MAX", "BarcodeProblem", "barcode_problem", "check_digit",
           "normalise_barcode"]
