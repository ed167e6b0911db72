"""Tier rules (等级升降) and the birthday date (pure: no database, no Qt).

One home for the rule the daily tier evaluation and the checkout both apply.

* **Spend** is a member's net spend over the window: the payable of their sales whose
  business date lies within the last ``tiers.window_days`` days (today included), less
  what was refunded of those sales. Recharges are not spend; a sale paid from stored
  value or with points counts once, as the sale.
* **Upgrade** at once (in the checkout that crosses a threshold, or at the daily
  evaluation): to the highest tier whose ``upgrade_threshold`` the spend reaches.
  Exactly at the threshold qualifies; one fen below does not.
* **Review (保级)**: a tier is held for one window from the day the member reached
  or renewed it (or registered). When that term ends, the daily evaluation renews it
  if the spend reaches the tier's keep threshold (``tiers.keep_percent`` of its
  upgrade threshold), else moves the member down to the highest tier whose keep
  threshold the spend still reaches. Downgrades happen only at the daily evaluation,
  never in a checkout or a refund. The lowest tier is never reviewed.
* **Refunds** count against spend. The evaluation of the day after a refund looks at
  the member again: if their spend is now below their tier's keep threshold they move
  down at once (so a sale bought for the upgrade and refunded does not keep the tier
  for a year); otherwise nothing changes (it is not a renewal).
* **Lock**: a member whose ``tier_locked_until`` is today or later is never moved.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from memberdesk.money import Money


class TierReason(StrEnum):
    UPGRADE = "upgrade"
    DOWNGRADE = "downgrade"
    RENEW = "renew"  # the review kept the tier: a new term begins
    MANUAL = "manual"


@dataclass(frozen=True)
class TierStep:
    """A tier as the rule sees it."""

    id: int
    rank: int
    threshold: Money  # upgrade_threshold


@dataclass(frozen=True)
class TierMove:
    from_id: int
    to_id: int
    reason: TierReason


def window_start(day: date, window_days: int) -> date:
    """The first business date of the ``window_days``-day window ending on ``day``."""
    return day - timedelta(days=max(1, window_days) - 1)


def review_due(since: date, window_days: int, day: date) -> bool:
    """Whether a tier reached (or renewed, or given at registration) on ``since`` has
    come to the end of its term on ``day``."""
    return day >= since + timedelta(days=window_days)


def is_locked(locked_until: date | None, day: date) -> bool:
    return locked_until is not None and locked_until >= day


def keep_threshold(tier: TierStep, keep_percent: int) -> Money:
    """What keeps ``tier`` at its review: ``keep_percent`` % of its upgrade threshold
    (rounded down to the fen)."""
    return Money(tier.threshold.fen * keep_percent // 100)


def _ordered(tiers: Sequence[TierStep]) -> list[TierStep]:
    if not tiers:
        raise ValueError("no tiers")
    return sorted(tiers, key=lambda t: t.rank)


def qualified(tiers: Sequence[TierStep], spend: Money) -> TierStep:
    """The highest tier whose upgrade threshold ``spend`` reaches (the lowest tier if none)."""
    ordered = _ordered(tiers)
    best = ordered[0]
    for t in ordered:
        if spend >= t.threshold:
            best = t
    return best


def upgrade(tiers: Sequence[TierStep], current_id: int, spend: Money) -> TierMove | None:
    """The upgrade ``spend`` earns a member now on tier ``current_id``, or None."""
    current = next((t for t in tiers if t.id == current_id), None)
    target = qualified(tiers, spend)
    if current is not None and target.rank <= current.rank:
        return None
    return TierMove(current_id, target.id, TierReason.UPGRADE)


def evaluate(
    tiers: Sequence[TierStep],
    current_id: int,
    spend: Money,
    *,
    keep_percent: int,
    due: bool,
    locked: bool,
    refunded: bool = False,
) -> TierMove | None:
    """The daily evaluation of one member: an upgrade whenever the spend earns one; at
    the end of the term (``due``) a renewal or a downgrade; after a refund
    (``refunded``) a downgrade if the spend fell below the keep threshold; nothing while
    ``locked``."""
    if locked:
        return None
    up = upgrade(tiers, current_id, spend)
    if up is not None or not (due or refunded):
        return up
    ordered = _ordered(tiers)
    current = next(t for t in ordered if t.id == current_id)
    if current.rank == ordered[0].rank:
        return None  # the lowest tier needs no keeping
    if spend >= keep_threshold(current, keep_percent):
        return TierMove(current_id, current_id, TierReason.RENEW) if due else None
    below = [t for t in ordered if t.rank < current.rank]
    target = below[0]
    for t in below:
        if spend >= keep_threshold(t, keep_percent):
            target = t
    return TierMove(current_id, target.id, TierReason.DOWNGRADE)


# -- birthdays -------------------------------------------------------------------------


class BirthdayMode(StrEnum):
    DAY = "day"  # on the birthday itself
    MONTH = "month"  # any day of the birthday month (the first the job runs for)


def birthday_in(birthday: date, year: int) -> date:
    """The member's birthday in ``year``: 29 February falls on 28 February in a year
    that has no 29 February."""
    if birthday.month == 2 and birthday.day == 29 and not calendar.isleap(year):
        return date(year, 2, 28)
    return birthday.replace(year=year)


def birthday_due(birthday: date, day: date, mode: BirthdayMode) -> bool:
    """Whether business date ``day`` is a day the member's birthday gift is due on
    (the job gives it once a year: in month mode any day of the month, so a member who
    registers mid-month still gets it)."""
    if mode is BirthdayMode.MONTH:
        return birthday.month == day.month
    return birthday_in(birthday, day.year) == day


def month_days(day: date, mode: BirthdayMode) -> tuple[tuple[int, int], ...]:
    """The (month, day-of-month) birthdays due on ``day`` in day mode: the date itself,
    and on 28 February of a common year also 29 February. (Month mode: every day of
    ``day``'s month, so this returns ``((month, 0),)``: 0 = any day.)"""
    if mode is BirthdayMode.MONTH:
        return ((day.month, 0),)
    dates = [(day.month, day.day)]
    if day.month == 2 and day.day == 28 and not calendar.isleap(day.year):
        dates.append((2, 29))
    return tuple(dates)


def birthday_multiplier(tier_permille: int, birthday: date | None, day: date,
                        mode: BirthdayMode, birthday_permille: int) -> int:
    """The points multiplier (‰) a sale on ``day`` earns with: the tier's, times
    ``birthday.points_multiplier_permille`` on the member's birthday (or in the birthday
    month, by ``birthday.mode``; 29 February birthdays on 28 February in common years)."""
    if birthday is None or birthday_permille == 1000 or not birthday_due(birthday, day, mode):
        return tier_permille
    return tier_permille * birthday_permille // 1000
