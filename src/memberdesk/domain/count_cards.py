"""Count-card rules (计次卡) shared by the counter, the services and the reports."""

from __future__ import annotations

from datetime import date, timedelta

REFUND_RULES = ("pro_rata", "none")


def card_expires_on(sold_on: date, validity_days: int | None, valid_until: date | None) -> date | None:
    """The last business date a card sold on ``sold_on`` can be used: ``validity_days``
    later (like a points lot), or the template's fixed ``valid_until``, whichever comes
    first; None: never. The daily job of the next day expires what is left."""
    ends = [d for d in (
        sold_on + timedelta(days=validity_days) if validity_days else None, valid_until,
    ) if d is not None]
    return min(ends) if ends else None


def is_expired(expires_on: date | None, today: date) -> bool:
    """Usable through ``expires_on``: expired from the day after."""
    return expires_on is not None and expires_on < today


def unused_value(price_paid_fen: int, remaining: int, total: int) -> int:
    """What the unused uses of a card are worth (fen, rounded down): the pro-rata refund
    and the deferred value (递延收入) of outstanding uses."""
    if total <= 0 or remaining <= 0:
        return 0
    return price_paid_fen * min(remaining, total) // total


def parse_pairs(text: str) -> list[tuple[str, str]] | None:
    """``"WASH×10, CHIPS=2"`` (also ``x``, ``*``, ``:``; commas, 、 or spaces between
    pairs) -> ``[("WASH", "10"), ("CHIPS", "2")]``; None when a pair lacks either side.
    The back office's services and tier-price fields."""
    out: list[tuple[str, str]] = []
    normal = text.replace("，", ",").replace("、", ",").replace("；", ",").replace(";", ",")
    for part in normal.split(","):
        part = part.strip()
        if not part:
            continue
        for sep in ("=", "×", "*", "：", ":", "x", "X"):
            code, found, value = part.rpartition(sep)
            if found and code.strip() and value.strip():
                out.append((code.strip(), value.strip()))
                break
        else:
            return None
    return out
