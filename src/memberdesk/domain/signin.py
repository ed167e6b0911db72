"""Sign-in (签到) rules: the streak of consecutive business days and the points a
sign-in gives. Plain Python: the service (``services/loyalty/signin.py``) and the counter share
them."""

from __future__ import annotations

from datetime import date, timedelta


def streak_after(last_day: date | None, last_streak: int, today: date) -> int:
    """The streak of consecutive business days with today's sign-in: one more than the
    last one when it was yesterday, else 1 (a missed day starts again)."""
    if last_day is not None and last_day == today - timedelta(days=1):
        return last_streak + 1
    return 1


def signin_points(base: int, streak: int, every: int, bonus: int) -> tuple[int, int]:
    """(points, streak bonus) for a sign-in on day ``streak`` of a streak: ``base``
    every day, and ``bonus`` more on every ``every``-th consecutive day (0 = no bonus)."""
    extra = bonus if every > 0 and bonus > 0 and streak % every == 0 else 0
    return max(base, 0), extra
