"""Money: an exact integer number of fen (分).

Every amount in MemberDesk is built through :class:`Money`. Yuan strings are only
parsed (:meth:`Money.parse`) and formatted (:meth:`Money.yuan`) at the edges, and
rounding is always explicit. :func:`allocate` spreads an amount over weights by the
largest-remainder method, so the parts always add up to the whole to the fen.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum
from functools import total_ordering
from typing import Final

FEN_PER_YUAN: Final = 100
# Largest amount a person or a file may give anywhere (parsed text, an amount in a
# request): 100 million yuan. Keeps typos like an extra row of zeros out.
MAX_FEN: Final = 100_000_000 * FEN_PER_YUAN
# Largest value a Money may hold: sums of accepted amounts (a split payment, a
# balance plus a recharge, a report's totals over a million members) may pass
# MAX_FEN and must still be compared and shown, so the door refuses them with a
# clear message instead of a bare MoneyError. 10^15 fen stays far below SQLite's
# 64-bit limit and below 2^53 (exact in JSON readers that use doubles).
LIMIT_FEN: Final = 10**15

_YUAN_RE = re.compile(r"^(?P<sign>[-+]?)(?P<int>[0-9]+)?(?:\.(?P<frac>[0-9]*))?$", re.ASCII)
# Longer texts are refused before any conversion (int() of thousands of digits is
# slow and raises a bare ValueError past Python's digit limit).
_MAX_TEXT = 40
_FULL_WIDTH = str.maketrans(
    {**{chr(0xFF10 + i): str(i) for i in range(10)}, "\uff0e": ".", "\uff0d": "-", "\uff0b": "+"}
)


def ascii_digits(text: str) -> str | None:
    """``text`` with full-width digits ０-９ and the full-width point, minus and plus
    made ASCII (what a Chinese input method types); ``None`` when any other
    non-ASCII digit remains (Arabic-Indic ٣, Devanagari ३, superscript ², circled
    ①, ...): those are refused rather than read silently as numbers.

    This is the NFKC folding for digits only, decided on purpose: full NFKC would
    also turn ² into 2 and ① into 1, which nobody types as an amount."""
    folded = text.translate(_FULL_WIDTH)
    if any(not ch.isascii() and (ch.isdigit() or ch.isnumeric()) for ch in folded):
        return None
    return folded


def display_fen(fen: int) -> str:
    """``"¥1,234.50"`` for any integer number of fen (even one no Money may hold)."""
    sign = "-" if fen < 0 else ""
    whole, frac = divmod(abs(fen), FEN_PER_YUAN)
    return f"{sign}¥{whole:,}.{frac:02d}"


class MoneyError(ValueError):
    """A yuan string or amount that is not acceptable money."""

    def __init__(self, code: str, text: str) -> None:
        self.code = code
        self.text = text
        super().__init__(f"{code}: {text!r}")


class Rounding(StrEnum):
    """How to bring an amount to a coarser unit (抹零 and percentage discounts)."""

    DOWN = "down"  # towards zero: the customer never pays more
    HALF_UP = "half_up"  # 四舍五入


@total_ordering
@dataclass(frozen=True, slots=True)
class Money:
    """An amount of RMB as an integer number of fen."""

    fen: int

    def __post_init__(self) -> None:
        if type(self.fen) is not int:  # bool and float are both refused
            raise TypeError(f"Money needs an int number of fen, got {type(self.fen).__name__}")
        if abs(self.fen) > LIMIT_FEN:
            raise MoneyError("too_large", str(self.fen))

    # -- construction ---------------------------------------------------------
    @classmethod
    def zero(cls) -> Money:
        return cls(0)

    @classmethod
    def of_yuan(cls, yuan: int) -> Money:
        return cls(yuan * FEN_PER_YUAN)

    @classmethod
    def parse(cls, text: str, *, allow_negative: bool = False) -> Money:
        """Parse a yuan string typed by a person or read from a file.

        Accepts ``"12"``, ``"12.5"``, ``"12.50"``, ``"¥1,234.56"``, ``" 0.01 "``, and
        full-width digits ``"１２．５０"`` (made ASCII, see :func:`ascii_digits`).
        Refuses more than two decimals (no silent rounding), letters, empty text,
        digits of other scripts (``foreign_digits``), more than :data:`MAX_FEN`
        (``too_large``, however many digits are typed).
        """
        if len(text) > _MAX_TEXT:
            raise MoneyError("too_large" if text.strip().isdigit() else "not_a_number", text[:_MAX_TEXT])
        folded = ascii_digits(text)
        if folded is None:
            raise MoneyError("foreign_digits", text)
        cleaned = folded.strip().replace(",", "").replace("，", "")
        for symbol in ("¥", "￥", "元", "RMB"):
            cleaned = cleaned.replace(symbol, "")
        cleaned = cleaned.strip()
        m = _YUAN_RE.match(cleaned)
        if not m or (m.group("int") is None and not m.group("frac")):
            raise MoneyError("not_a_number", text)
        frac = m.group("frac") or ""
        if len(frac) > 2:
            raise MoneyError("too_many_decimals", text)
        fen = int(m.group("int") or "0") * FEN_PER_YUAN + int((frac + "00")[:2])
        if m.group("sign") == "-":
            if not allow_negative:
                raise MoneyError("negative", text)
            fen = -fen
        if fen > MAX_FEN or fen < -MAX_FEN:
            raise MoneyError("too_large", text)
        return cls(fen)

    # -- formatting -----------------------------------------------------------
    def yuan(self) -> str:
        """``"1234.50"``: plain yuan with two decimals (files, receipts)."""
        sign = "-" if self.fen < 0 else ""
        whole, frac = divmod(abs(self.fen), FEN_PER_YUAN)
        return f"{sign}{whole}.{frac:02d}"

    def display(self) -> str:
        """``"¥1,234.50"``: for people (the UI uses QLocale instead)."""
        return display_fen(self.fen)

    def to_decimal(self) -> Decimal:
        """Exact decimal yuan, for exporters (never a float)."""
        return Decimal(self.fen).scaleb(-2)

    def __str__(self) -> str:
        return self.display()

    # -- arithmetic -----------------------------------------------------------
    def __add__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        return Money(self.fen + other.fen)

    def __sub__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        return Money(self.fen - other.fen)

    def __neg__(self) -> Money:
        return Money(-self.fen)

    def __mul__(self, qty: int) -> Money:
        if type(qty) is not int:
            return NotImplemented
        return Money(self.fen * qty)

    __rmul__ = __mul__

    def __lt__(self, other: Money) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        return self.fen < other.fen

    def __bool__(self) -> bool:
        return self.fen != 0

    @property
    def is_negative(self) -> bool:
        return self.fen < 0

    def percent(self, permille: int, rounding: Rounding = Rounding.DOWN) -> Money:
        """This amount times ``permille``/1000 (e.g. 880 for 88折), rounded explicitly."""
        exact = Decimal(self.fen) * Decimal(permille) / Decimal(1000)
        mode = ROUND_DOWN if rounding is Rounding.DOWN else ROUND_HALF_UP
        return Money(int(exact.quantize(Decimal(1), rounding=mode)))

    def round_to(self, unit_fen: int, rounding: Rounding = Rounding.DOWN) -> Money:
        """Round to a multiple of ``unit_fen`` (10 = 角, 100 = 元) — 抹零."""
        if unit_fen <= 0:
            raise ValueError("unit must be positive")
        q, r = divmod(abs(self.fen), unit_fen)
        if rounding is Rounding.HALF_UP and r * 2 >= unit_fen:
            q += 1
        result = q * unit_fen
        return Money(-result if self.fen < 0 else result)


def sum_money(amounts: Sequence[Money] | list[Money]) -> Money:
    return Money(sum(a.fen for a in amounts))


def allocate(total: Money, weights: Sequence[int]) -> list[Money]:
    """Split ``total`` over ``weights`` by largest remainder.

    The parts always sum to ``total`` exactly. Parts have the sign of ``total``;
    weights must be non-negative and not all zero (all-zero weights split evenly).
    Ties in the remainder go to the earlier weight, so the result is deterministic.
    """
    if not weights:
        raise ValueError("allocate needs at least one weight")
    if any(w < 0 for w in weights):
        raise ValueError("weights must be non-negative")
    ws = list(weights) if sum(weights) > 0 else [1] * len(weights)
    wsum = sum(ws)
    sign = -1 if total.fen < 0 else 1
    amount = abs(total.fen)
    base = [amount * w // wsum for w in ws]
    remainders = [amount * w % wsum for w in ws]
    short = amount - sum(base)
    order = sorted(range(len(ws)), key=lambda i: (-remainders[i], i))
    for i in order[:short]:
        base[i] += 1
    return [Money(sign * b) for b in base]


def parse_yuan_decimal(value: Decimal) -> Money:
    """Exact Decimal yuan (from a spreadsheet cell) to Money; refuses sub-fen."""
    try:
        fen = value * FEN_PER_YUAN
        if fen != fen.to_integral_value():
            raise MoneyError("too_many_decimals", str(value))
        return Money(int(fen))
    except InvalidOperation as exc:
        raise MoneyError("not_a_number", str(value)) from exc
