"""Stock quantities: how a typed quantity is read, and what counts as low stock.

Quantities are whole units of the product's own unit (瓶, 包, 箱, 斤) — integers, like
the quantities on sale lines. A small shop sells packaged goods by the piece; goods
sold by weight are either not tracked or tracked in a whole unit such as 斤 or 份.
Never a float: a count of 0.1 + 0.2 bottles is not a thing a shelf holds.
"""

from __future__ import annotations

from memberdesk.money import ascii_digits

MAX_QTY = 1_000_000  # one movement or one count: more is a typo (an extra zero or two)


def parse_quantity(text: str, *, allow_zero: bool) -> int | None:
    """A typed whole quantity (full-width digits fine, thousands commas ignored):
    ``None`` when it is not a whole number from 0 (or 1) to :data:`MAX_QTY`."""
    folded = ascii_digits(str(text).strip())
    if folded is None:
        return None
    folded = folded.replace(",", "").replace("，", "").strip()
    if not folded.isdigit():
        return None
    qty = int(folded)
    return qty if (0 if allow_zero else 1) <= qty <= MAX_QTY else None


def is_low(on_hand: int, low_at: int | None) -> bool:
    """Below zero, or at or below the product's threshold (when it has one)."""
    return on_hand < 0 or (low_at is not None and on_hand <= low_at)
