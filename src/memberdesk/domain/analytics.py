"""Member analytics (会员分析): the one home of every definition, as issue 13 pins them.

As of a business date ``D`` with a window of ``W`` days (``analytics.window_days``,
default 365), counting only sales whose business date is in ``(D - W, D]``:

* **M** (net spend) = each sale's payable minus what was refunded from it by ``D``;
  **F** = the number of sales with a net spend > 0; **R** = days from the last such
  sale's business date to ``D``. Members with F = 0 get no scores.
* **R, F, M scores 1-5**: the members with scores are ranked on each measure, rank 1
  the worst (the largest R, the smallest F, the smallest M); members tied on a
  measure are ranked by member id (the lower id the lower rank), so results are
  deterministic; score = ceil(5 x rank / n).
* **RFM segment** (the common eight): R, F and M are each "high" when their score is
  at least the mean of that score over the scored members.
* **Grade**: A = F score >= 4 and M score >= 4; B = F >= 3 and M >= 3, not A;
  C = M >= 3 and F <= 2; D = the rest and the unscored.
* **Lifecycle** (settings, defaults): new = registered within 30 days (``D`` minus the
  registration date <= 30) and no more than one sale; active = R <= 30; 近期流失 =
  30 < R <= 60; 中期流失 = 60 < R <= 90; 休眠 = R > 90 or no sale at all.
* **Churn warning** (流失预警), for members with at least 3 visit days (business dates
  with a sale of net spend > 0) up to ``D``: the days since the last visit day exceed
  max(k x the median gap between visit days, 14), k = 2.5 (setting
  ``analytics.churn_gap_percent`` = 250); or the visit days in the last 30 days
  ``(D - 30, D]`` are below half the average monthly visit days (the count / 6) over
  the 180 days before that ``(D - 210, D - 30]``, for members with >= 6 visit days
  there. The reason is said in words in both languages (:func:`churn_reason_text`).

Plain Python: the services compute the measures with SQL aggregates and call these
functions; the tests pin them on small hand-made histories.
"""

from __future__ import annotations

import enum
import itertools
import math
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction
from typing import Self


@dataclass(frozen=True)
class AnalyticsSettings:
    """The tunable parts of the definitions (the ``analytics.*`` settings)."""

    window_days: int = 365
    new_days: int = 30
    active_days: int = 30
    lapsed_recent_days: int = 60
    lapsed_mid_days: int = 90
    churn_gap_percent: int = 250  # k = 2.5
    churn_min_days: int = 14
    churn_recent_days: int = 30
    churn_before_days: int = 180
    churn_min_visits_before: int = 6
    churn_min_visit_days: int = 3


DEFAULTS = AnalyticsSettings()


# -- R, F, M ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SaleFact:
    """One sale of a member: its business date, payable and what was refunded from it
    by the as-of date (fen)."""

    member_id: int
    business_date: date
    payable_fen: int
    refunded_fen: int = 0

    @property
    def net_fen(self) -> int:
        return self.payable_fen - self.refunded_fen


@dataclass(frozen=True)
class Rfm:
    member_id: int
    r_days: int
    f: int
    m_fen: int


def window_start(as_of: date, window_days: int) -> date:
    """The first business date inside the window ``(D - W, D]``."""
    return as_of - timedelta(days=window_days - 1)


def rfm_of(sales: Iterable[SaleFact], as_of: date, window_days: int = 365) -> dict[int, Rfm]:
    """R, F, M per member from the sales (a reference for the SQL the refresh runs).

    ``refunded_fen`` must already count only refunds made by ``as_of``. Sales outside
    the window and sales with a net spend <= 0 count neither in F nor in R; M is the
    net spend of the sales in the window. Members with F = 0 are left out."""
    first = window_start(as_of, window_days)
    m: dict[int, int] = {}
    f: dict[int, int] = {}
    last: dict[int, date] = {}
    for s in sales:
        if not first <= s.business_date <= as_of:
            continue
        m[s.member_id] = m.get(s.member_id, 0) + s.net_fen
        if s.net_fen > 0:
            f[s.member_id] = f.get(s.member_id, 0) + 1
            if s.member_id not in last or s.business_date > last[s.member_id]:
                last[s.member_id] = s.business_date
    return {mid: Rfm(mid, (as_of - last[mid]).days, f[mid], m[mid]) for mid in sorted(f)}


# -- scores ----------------------------------------------------------------------------


def quintile_scores(goodness: Mapping[int, int]) -> dict[int, int]:
    """Score 1-5 per member from ``member_id -> goodness`` (larger is better): rank 1
    is the worst, ties go by member id (the lower id the lower rank), and the score is
    ceil(5 x rank / n)."""
    n = len(goodness)
    order = sorted(goodness, key=lambda mid: (goodness[mid], mid))
    return {mid: -(-5 * rank // n) for rank, mid in enumerate(order, start=1)}


@dataclass(frozen=True)
class Scores:
    r: int
    f: int
    m: int


def rfm_scores(rfms: Iterable[Rfm]) -> dict[int, Scores]:
    """R, F and M scores of every scored member (lower R is better)."""
    rows = [x for x in rfms if x.f > 0]
    r = quintile_scores({x.member_id: -x.r_days for x in rows})
    f = quintile_scores({x.member_id: x.f for x in rows})
    m = quintile_scores({x.member_id: x.m_fen for x in rows})
    return {x.member_id: Scores(r[x.member_id], f[x.member_id], m[x.member_id]) for x in rows}


@dataclass(frozen=True)
class ScoreMeans:
    """The mean of each score over the scored members, kept exact."""

    r: Fraction
    f: Fraction
    m: Fraction


def score_means(scores: Iterable[Scores]) -> ScoreMeans:
    rows = list(scores)
    if not rows:
        return ScoreMeans(Fraction(0), Fraction(0), Fraction(0))
    n = len(rows)
    return ScoreMeans(Fraction(sum(s.r for s in rows), n), Fraction(sum(s.f for s in rows), n),
                      Fraction(sum(s.m for s in rows), n))


# -- segment, grade, lifecycle: codes with their words ---------------------------------


class Labelled(enum.Enum):
    """An enum whose value is ``(code, zh, en)``; ``code`` is what the database keeps."""

    @property
    def code(self) -> str:
        return str(self.value[0])

    def label(self, lang: str = "zh_CN") -> str:
        return str(self.value[2] if lang.startswith("en") else self.value[1])

    @classmethod
    def of(cls, code: str) -> Self:
        for item in cls:
            if item.code == code:
                return item
        raise ValueError(code)


class Segment(Labelled):
    # (R high, F high, M high) -> segment
    IMPORTANT_VALUE = ("important_value", "重要价值", "Important value")
    IMPORTANT_DEVELOP = ("important_develop", "重要发展", "Important to develop")
    IMPORTANT_KEEP = ("important_keep", "重要保持", "Important to keep")
    IMPORTANT_RETAIN = ("important_retain", "重要挽留", "Important to win back")
    GENERAL_VALUE = ("general_value", "一般价值", "General value")
    GENERAL_DEVELOP = ("general_develop", "一般发展", "General to develop")
    GENERAL_KEEP = ("general_keep", "一般保持", "General to keep")
    GENERAL_RETAIN = ("general_retain", "一般挽留", "General to win back")


_SEGMENTS: dict[tuple[bool, bool, bool], Segment] = {
    (True, True, True): Segment.IMPORTANT_VALUE,
    (True, False, True): Segment.IMPORTANT_DEVELOP,
    (False, True, True): Segment.IMPORTANT_KEEP,
    (False, False, True): Segment.IMPORTANT_RETAIN,
    (True, True, False): Segment.GENERAL_VALUE,
    (True, False, False): Segment.GENERAL_DEVELOP,
    (False, True, False): Segment.GENERAL_KEEP,
    (False, False, False): Segment.GENERAL_RETAIN,
}


def segment(s: Scores, means: ScoreMeans) -> Segment:
    """The RFM segment: each of R, F, M is high when its score >= its mean."""
    return _SEGMENTS[(s.r >= means.r, s.f >= means.f, s.m >= means.m)]


class Grade(Labelled):
    A = ("A", "A 类", "A")
    B = ("B", "B 类", "B")
    C = ("C", "C 类", "C")
    D = ("D", "D 类", "D")


def grade(s: Scores | None) -> Grade:
    """A/B/C/D (二八法则); unscored members are D."""
    if s is None:
        return Grade.D
    if s.f >= 4 and s.m >= 4:
        return Grade.A
    if s.f >= 3 and s.m >= 3:
        return Grade.B
    if s.m >= 3 and s.f <= 2:
        return Grade.C
    return Grade.D


class Lifecycle(Labelled):
    NEW = ("new", "新会员", "New")
    ACTIVE = ("active", "活跃", "Active")
    LAPSED_RECENT = ("lapsed_recent", "近期流失", "Lapsing")
    LAPSED_MID = ("lapsed_mid", "中期流失", "Lapsed")
    DORMANT = ("dormant", "休眠", "Dormant")


def lifecycle(registered_on: date, sales: int, r_days: int | None, as_of: date,
              cfg: AnalyticsSettings = DEFAULTS) -> Lifecycle:
    """The member's stage. ``sales`` is F (sales with a net spend > 0 in the window),
    ``r_days`` is R (None: no such sale)."""
    if (as_of - registered_on).days <= cfg.new_days and sales <= 1:
        return Lifecycle.NEW
    if r_days is None or sales == 0:
        return Lifecycle.DORMANT
    if r_days <= cfg.active_days:
        return Lifecycle.ACTIVE
    if r_days <= cfg.lapsed_recent_days:
        return Lifecycle.LAPSED_RECENT
    if r_days <= cfg.lapsed_mid_days:
        return Lifecycle.LAPSED_MID
    return Lifecycle.DORMANT


# -- churn warning ---------------------------------------------------------------------


@dataclass(frozen=True)
class ChurnWarning:
    """Why a member is flagged. ``kind`` is ``"gap"`` (longer away than usual) or
    ``"frequency"`` (visits falling)."""

    kind: str
    days_since: int  # days since the last visit day
    usual_gap: Fraction  # the median gap between visit days
    recent_visits: int = 0  # visit days in the last 30 days
    before_visits: int = 0  # visit days in the 180 days before those

    @property
    def usual_gap_days(self) -> int:
        """The median gap rounded half up, as said to the cashier."""
        return gap_in_days(self.usual_gap)

    @property
    def monthly_before(self) -> Fraction:
        return Fraction(self.before_visits, 6)


def gap_in_days(gap: Fraction) -> int:
    """A median gap in whole days, rounded half up (7.5 -> 8), as said to the cashier."""
    return math.floor(gap + Fraction(1, 2))


def median_gap(visit_days: Sequence[date]) -> Fraction:
    """The median of the gaps (days) between consecutive distinct visit days."""
    days = sorted(set(visit_days))
    gaps = [(b - a).days for a, b in itertools.pairwise(days)]
    return Fraction(statistics.median(gaps)) if gaps else Fraction(0)


def churn_warning(visit_days: Iterable[date], as_of: date,
                  cfg: AnalyticsSettings = DEFAULTS) -> ChurnWarning | None:
    """The churn warning for a member from their visit days (dates with a sale of net
    spend > 0; days after ``as_of`` are ignored), or None."""
    days = sorted({d for d in visit_days if d <= as_of})
    if len(days) < cfg.churn_min_visit_days:
        return None
    since = (as_of - days[-1]).days
    gap = median_gap(days)
    recent_from = as_of - timedelta(days=cfg.churn_recent_days)  # exclusive
    before_from = recent_from - timedelta(days=cfg.churn_before_days)  # exclusive
    recent = sum(1 for d in days if d > recent_from)
    before = sum(1 for d in days if before_from < d <= recent_from)
    # R > max(k x gap, 14), with k = percent / 100, compared exactly.
    if since > cfg.churn_min_days and 100 * since > cfg.churn_gap_percent * gap:
        return ChurnWarning("gap", since, gap, recent, before)
    # recent < half of (before / months), months = 180 / 30.
    months = Fraction(cfg.churn_before_days, 30)
    if before >= cfg.churn_min_visits_before and recent < Fraction(before) / months / 2:
        return ChurnWarning("frequency", since, gap, recent, before)
    return None


def _number(x: Fraction) -> str:
    """A count said in words: whole numbers as they are, else one decimal."""
    if x.denominator == 1:
        return str(x.numerator)
    return f"{float(x):.1f}"


def churn_reason_text(w: ChurnWarning, lang: str = "zh_CN") -> str:
    """The reason in words, e.g. 平时约 7 天来一次，已 25 天未来."""
    en = lang.startswith("en")
    if w.kind == "gap":
        if en:
            return f"Usually every {w.usual_gap_days} days; not seen for {w.days_since} days"
        return f"平时约 {w.usual_gap_days} 天来一次，已 {w.days_since} 天未来"
    avg = _number(w.monthly_before)
    if en:
        return f"{w.recent_visits} visits in 30 days; before, about {avg} a month"
    return f"近 30 天来了 {w.recent_visits} 次，此前平均每月约 {avg} 次"


# -- one member's result ---------------------------------------------------------------


@dataclass(frozen=True)
class MemberFacts:
    """What the refresh knows of one member as of ``D``."""

    member_id: int
    registered_on: date
    rfm: Rfm | None  # None: F = 0
    visit_days: tuple[date, ...] = ()


@dataclass(frozen=True)
class MemberScore:
    member_id: int
    rfm: Rfm | None
    scores: Scores | None
    segment: Segment | None
    grade: Grade
    lifecycle: Lifecycle
    churn: ChurnWarning | None


def score_members(facts: Sequence[MemberFacts], as_of: date,
                  cfg: AnalyticsSettings = DEFAULTS) -> list[MemberScore]:
    """Every definition applied to every member (the scores need all of them)."""
    scores = rfm_scores(f.rfm for f in facts if f.rfm is not None)
    means = score_means(scores.values())
    out = []
    for f in facts:
        s = scores.get(f.member_id)
        r = f.rfm
        out.append(MemberScore(
            f.member_id, r, s, segment(s, means) if s else None, grade(s),
            lifecycle(f.registered_on, r.f if r else 0, r.r_days if r else None, as_of, cfg),
            churn_warning(f.visit_days, as_of, cfg)))
    return out
