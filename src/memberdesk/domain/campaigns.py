"""Campaign rules (pure): who is held out of a campaign.

A campaign keeps a random share of its segment (the hold-out, default 10%) that gets
nothing, so its result is measured against a control. The draw is deterministic from
the seed stored with the campaign: the same member is held out on every run and
rerun, and anyone can recompute it."""

from __future__ import annotations

import hashlib

DEFAULT_HOLDOUT_PERMILLE = 100
MAX_HOLDOUT_PERMILLE = 900


def held_out(seed: str, member_id: int, share_permille: int) -> bool:
    """Whether ``member_id`` is in the hold-out of the campaign with ``seed``: the
    first 8 bytes of SHA-256("seed:member_id") modulo 1000, below the share."""
    digest = hashlib.sha256(f"{seed}:{member_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big") % 1000 < share_permille


def rate_permille(part: int, whole: int) -> int | None:
    """``part`` of ``whole`` in permille, rounded half up; None when ``whole`` is 0."""
    if whole <= 0:
        return None
    return (part * 2000 + whole) // (2 * whole)
