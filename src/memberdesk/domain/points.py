"""Points: what they are worth, what a value costs in points, when a lot expires.

The redemption rate is ``points_per_yuan`` (this many points pay one yuan). Both
conversions round against the points, never against the money, so the two agree:

* :func:`points_for_value` rounds **up**: paying ``value`` takes whole points, and a
  bill with odd fen can always be paid in full (the last point covers the odd fen);
* :func:`value_of_points` rounds **down**: ``points`` are worth the most money they
  could pay at the counter, never a fen more.

So ``value_of_points(points_for_value(v)) >= v`` and ``points_for_value`` is the least
number with that property. A refund that must charge for points already spent
charges :func:`value_of_points` of them (what they could have paid), never more: the
customer is not charged a rounding fen the counter would not have given them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from memberdesk.money import Money


def points_for_value(value: Money, points_per_yuan: int) -> int:
    """Points needed to pay ``value``, rounded up (the last point covers the odd fen)."""
    return -(-value.fen * points_per_yuan // 100)


def value_of_points(points: int, points_per_yuan: int) -> Money:
    """What ``points`` can pay, rounded down to the fen."""
    return Money(points * 100 // points_per_yuan)


EXPIRY_POLICIES = ("days", "month_end", "year_end", "never")


def expires_on(earned_on: date, validity_days: int, policy: str = "days") -> date | None:
    """The day a points lot earned (or given) on the business date ``earned_on`` expires,
    by the ``points.expiry_policy`` setting:

    * ``days``: ``validity_days`` later (the ``points.validity_days`` setting; 0 means
      never, as before the policy existed);
    * ``month_end``: the last day of the month it was earned in (月底清零);
    * ``year_end``: 31 December of the year it was earned in (年底清零);
    * ``never``: ``None``.

    A lot's date is fixed when it is earned: a later change of policy never moves it."""
    if policy == "never":
        return None
    if policy == "month_end":
        first_of_next = (earned_on.replace(day=28) + timedelta(days=4)).replace(day=1)
        return first_of_next - timedelta(days=1)
    if policy == "year_end":
        return date(earned_on.year, 12, 31)
    if policy != "days":
        raise ValueError(f"unknown points expiry policy {policy!r}")
    return earned_on + timedelta(days=validity_days) if validity_days else None


# -- expiry reminders ----------------------------------------------------------------
# A lot with ``expires_on = D`` can be spent on D and is written off by the daily job
# of D + 1 (``expires_on < today``). "Expiring soon" and reminders count from there.


def expiry_horizon(today: date, days: int) -> date:
    """The last date of "within ``days`` days, today included" (the card's and the
    points report's "expiring soon" window, ``points.expiring_soon_days``)."""
    return today + timedelta(days=max(days, 1) - 1)


def parse_reminder_days(text: str) -> tuple[int, ...]:
    """``"7,3"`` -> ``(7, 3)``: the days before expiry a member is reminded, largest
    first, no repeats. Raises ValueError on anything else (the setting's check)."""
    parts = [p.strip() for p in str(text).replace("，", ",").split(",") if p.strip()]
    days = sorted({int(p) for p in parts}, reverse=True)
    if not days or any(d < 0 or d > 365 for d in days):
        raise ValueError("reminder days must be whole numbers from 0 to 365")
    return tuple(days)


def reminder_setting_problem(value: object) -> str | None:
    """The ``points.reminder_days`` setting's check."""
    try:
        if not isinstance(value, str):
            raise ValueError
        parse_reminder_days(value)
    except ValueError:
        return "must be days before expiry, like 7,3 (whole numbers from 0 to 365)"
    return None


@dataclass(frozen=True)
class ExpiryNotice:
    """``points`` of a member's points expire on ``expires_on`` (the soonest date)."""

    points: int
    expires_on: date


def expiry_notice(
    lots: Iterable[tuple[int, date | None]], today: date, reminder_days: Sequence[int]
) -> ExpiryNotice | None:
    """The reminder to show (card, receipt, list): the points of the soonest expiry
    date that falls within the largest reminder window (``expires_on - today <=
    max(reminder_days)``), or None. ``lots`` are (remaining, expires_on) of usable
    lots; lots already past their date (``expires_on < today``) are ignored."""
    if not reminder_days:
        return None
    lots = list(lots)
    last = today + timedelta(days=max(reminder_days))
    dates = [d for r, d in lots if r > 0 and d is not None and today <= d <= last]
    if not dates:
        return None
    first = min(dates)
    return ExpiryNotice(sum(r for r, d in lots if d == first and r > 0), first)


def reminder_due(expires_on: date, today: date, reminder_days: Sequence[int]) -> bool:
    """Whether ``today`` is one of the reminder days before ``expires_on`` (for the
    notifications a later release sends: exactly N days before)."""
    return (expires_on - today).days in reminder_days


MAX_EARN_PER_YUAN = 100


def earn_rate(category_path: Sequence[int], overrides: Mapping[int, int],
              shop_rate: int | None) -> int | None:
    """Points per yuan a product earns: its category's own rate (``overrides``, by
    category id), else the nearest parent category's (``category_path`` is the
    product's category first, then its ancestors), else the shop's rate."""
    for category_id in category_path:
        if category_id in overrides:
            return overrides[category_id]
    return shop_rate
