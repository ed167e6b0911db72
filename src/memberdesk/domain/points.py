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

from datetime import date, timedelta

from memberdesk.money import Money


def points_for_value(value: Money, points_per_yuan: int) -> int:
    """Points needed to pay ``value``, rounded up (the last point covers the odd fen)."""
    return -(-value.fen * points_per_yuan // 100)


def value_of_points(points: int, points_per_yuan: int) -> Money:
    """What ``points`` can pay, rounded down to the fen."""
    return Money(points * 100 // points_per_yuan)


def expires_on(earned_on: date, validity_days: int) -> date | None:
    """The day a points lot earned (or given) on the business date ``earned_on`` expires:
    ``validity_days`` later (the ``points.validity_days`` setting); ``None`` when
    the setting is 0 (points never expire)."""
    return earned_on + timedelta(days=validity_days) if validity_days else None
