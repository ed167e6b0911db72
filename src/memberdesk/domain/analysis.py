"""The 分析 page's own rules (issue 13, section 2), beside ``domain/analytics.py``
(which defines R, F, M, segments, grades, lifecycle and the churn warning):

* **Age band** on the as-of date D: under 20, 20-29, 30-39, 40-49, 50-59, 60 and over,
  unknown (no birthday). The SQL in ``services/analytics/report.py`` counts members in
  these bands; :func:`age_on` and :func:`age_band` are the reference it is tested
  against.
* **Repurchase rate** (复购率) = members with F >= 2 / members with F >= 1 (F over the
  analytics window, as in ``member_scores``).
* **Average ticket** (客单价) = the scored members' total M / their total F (net spend
  per visit), rounded half up to the fen.
* **Value at risk** of a member with a churn warning = their M (net spend over the
  window): the churn list is ranked by it, ties by member id.
* **Category preference** by segment: the net amount of the sale lines of the last
  :data:`PREFERENCE_DAYS` days (D - 30, D], before refunds, per segment and category.

Plain Python: no SQLAlchemy, no Qt.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

# (lowest age, highest age or None); the codes are what the reports say in words.
AGE_BANDS: tuple[tuple[str, int, int | None], ...] = (
    ("<20", 0, 19), ("20-29", 20, 29), ("30-39", 30, 39), ("40-49", 40, 49),
    ("50-59", 50, 59), ("60+", 60, None),
)
AGE_UNKNOWN = "unknown"
PREFERENCE_DAYS = 30
TOP_CATEGORIES = 5  # category columns of the preference table; the rest are "other"
CHURN_ROWS = 50
TOP_MEMBERS = 20
MONTHS = 12  # growth and liabilities: the 12 months ending with D's month


def age_on(birthday: date, day: date) -> int:
    """Whole years from ``birthday`` to ``day``."""
    return day.year - birthday.year - ((day.month, day.day) < (birthday.month, birthday.day))


def age_band(birthday: date | None, day: date) -> str:
    if birthday is None:
        return AGE_UNKNOWN
    age = age_on(birthday, day)
    for code, low, high in AGE_BANDS:
        if age >= low and (high is None or age <= high):
            return code
    return AGE_BANDS[0][0]  # a birthday after D: counted with the youngest


def repurchase_rate(buyers: int, repeaters: int) -> Fraction | None:
    """Members with F >= 2 over members with F >= 1 (None without buyers)."""
    return Fraction(repeaters, buyers) if buyers else None


def average_ticket_fen(spend_fen: int, visits: int) -> int:
    """Net spend per visit in fen, rounded half up (0 without visits)."""
    if visits <= 0:
        return 0
    q, r = divmod(spend_fen, visits)
    return q + (1 if 2 * r >= visits else 0)


def months_back(day: date, count: int = MONTHS) -> list[str]:
    """The ``count`` months ending with ``day``'s month, oldest first ("YYYY-MM")."""
    y, m = day.year, day.month
    out = []
    for _ in range(count):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y - 1, 12) if m == 1 else (y, m - 1)
    return out[::-1]
