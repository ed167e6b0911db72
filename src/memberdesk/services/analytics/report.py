"""The 分析 page and ``memberdesk report analysis`` (issue 13, section 2): the figures
of the member analytics as of a business date, read-only, each one SQL aggregate.

What comes from ``member_scores`` (the refresh's rows, ``services/analytics/refresh``:
nothing is scored again here): counts and spend by RFM segment, the grade pyramid, the
lifecycle funnel, the churn list, repurchase rate, average ticket, top members, and the
segment of each member in the category preference. Those figures are as of the
refresh's date (``scores_as_of``); the page says so when it differs from the date
asked for. What comes from the ledgers and the members as of the date asked for:
member growth by month, tier, gender and age-band distribution, points and
stored-value liabilities at each month end. The page's rules (age bands, repurchase
rate, average ticket, value at risk, category preference) are in ``domain/analysis.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from fractions import Fraction
from typing import Any

from sqlalchemy import TextClause, text
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.domain import analysis
from memberdesk.domain.analytics import ChurnWarning
from memberdesk.money import Money
from memberdesk.services.analytics.aggregates import scores_date
from memberdesk.services.analytics.member import days_later, warning_of
from memberdesk.services.analytics.months import month_sums
from memberdesk.services.analytics.refresh import RefreshResult, Step, check_as_of, refresh_scores
from memberdesk.services.shared import clock
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.permissions import Permission, may, require
from memberdesk.services.shared.tables import connection


@dataclass(frozen=True)
class Group:
    """Members in a group (a segment code, grade, stage, tier name, gender, band)."""

    key: str
    members: int
    spend: Money = Money(0)  # noqa: RUF009 - Money is immutable


@dataclass(frozen=True)
class ChurnRow:
    member_no: str
    name: str
    value_at_risk: Money  # M
    warning: ChurnWarning
    last_visit: date
    p_alive: float | None


@dataclass(frozen=True)
class TopMember:
    member_no: str
    name: str
    m: Money
    f: int
    grade: str
    segment: str | None


@dataclass(frozen=True)
class Month:
    month: str  # YYYY-MM
    new_members: int
    members: int  # registered by the month's end (or by D in D's month)


@dataclass(frozen=True)
class Liability:
    month: str
    points: int  # points outstanding at the month's end (or D's end)
    stored_value: Money


@dataclass(frozen=True)
class Preference:
    segment: str | None  # None: members without a segment
    category: str  # a category name, "" for lines without one
    spend: Money


@dataclass(frozen=True)
class AnalysisReport:
    as_of: date
    scores_as_of: date | None  # None: never refreshed
    generated_at: datetime  # local time
    members: int
    segments: tuple[Group, ...]
    grades: tuple[Group, ...]
    lifecycle: tuple[Group, ...]
    churn: tuple[ChurnRow, ...]  # the first CHURN_ROWS, largest value at risk first
    churn_count: int
    buyers: int  # F >= 1
    repeaters: int  # F >= 2
    spend: Money  # the buyers' M
    visits: int  # the buyers' F
    growth: tuple[Month, ...]
    tiers: tuple[Group, ...]
    genders: tuple[Group, ...]
    ages: tuple[Group, ...]
    liabilities: tuple[Liability, ...]
    top: tuple[TopMember, ...]
    preferences: tuple[Preference, ...]

    @property
    def repurchase_rate(self) -> Fraction | None:
        return analysis.repurchase_rate(self.buyers, self.repeaters)

    @property
    def average_ticket(self) -> Money:
        return Money(analysis.average_ticket_fen(self.spend.fen, self.visits))


# -- the queries: one a figure -----------------------------------------------------------

# Segments, grades, stages, buyers, repeaters, the buyers' M and F, churn warnings and
# the scores' date: one pass over member_scores, grouped three ways at once.
_SCORES = text("""
SELECT segment, grade, lifecycle, COUNT(*), COALESCE(SUM(m), 0),
       SUM(CASE WHEN f >= 1 THEN 1 ELSE 0 END), SUM(CASE WHEN f >= 2 THEN 1 ELSE 0 END),
       COALESCE(SUM(CASE WHEN f >= 1 THEN m END), 0), COALESCE(SUM(f), 0),
       SUM(CASE WHEN churn_kind IS NOT NULL THEN 1 ELSE 0 END), MAX(as_of)
FROM member_scores GROUP BY segment, grade, lifecycle
""")
_CHURN = text("""
SELECT mem.member_no, mem.name, s.m, s.churn_kind, s.churn_days_since, s.churn_gap_x2,
       s.churn_recent, s.churn_before, s.p_alive, s.as_of
FROM (SELECT * FROM member_scores WHERE churn_kind IS NOT NULL
      ORDER BY m DESC, member_id LIMIT :n) AS s
JOIN members AS mem ON mem.id = s.member_id ORDER BY s.m DESC, s.member_id
""")
_TOP = text("""
SELECT mem.member_no, mem.name, s.m, s.f, s.grade, s.segment
FROM (SELECT member_id, m, f, grade, segment FROM member_scores WHERE f >= 1
      ORDER BY m DESC, member_id LIMIT :n) AS s
JOIN members AS mem ON mem.id = s.member_id ORDER BY s.m DESC, s.member_id
""")
# Growth, tier, gender and age band: one pass over the members registered by D.
# The month and the age on D in each engine's words ({month}, {age}, {until}).
_MEMBER_GROUPS = """
SELECT month, tier_id, gender, CASE
    WHEN birthday IS NULL THEN 'unknown'
    WHEN age < 20 THEN '<20' WHEN age < 30 THEN '20-29' WHEN age < 40 THEN '30-39'
    WHEN age < 50 THEN '40-49' WHEN age < 60 THEN '50-59' ELSE '60+' END AS band,
    COUNT(*)
FROM (SELECT {month} AS month, tier_id, gender, birthday, {age} AS age
      FROM members WHERE created_at < {until}) AS m
GROUP BY month, tier_id, gender, band
"""
_WORDS = {
    "sqlite": {
        "month": "strftime('%Y-%m', created_at, :shift)",
        "age": "CAST(strftime('%Y', :day) AS INTEGER) - CAST(strftime('%Y', birthday) AS INTEGER)"
               " - (strftime('%m-%d', :day) < strftime('%m-%d', birthday))",
        "until": ":until",
    },
    "postgresql": {
        "month": "to_char(created_at + CAST(:shift AS interval), 'YYYY-MM')",
        "age": "CAST(date_part('year', age(CAST(:day AS date), birthday)) AS INTEGER)",
        "until": "CAST(:until AS timestamp)",
    },
}
# The same from ix_members_groups alone, each member's figures worked out once per
# distinct value in Python (a shop in a whole-hour time zone): members per registration
# hour (UTC), and per tier, gender and birthday.
_HOURS = {
    "sqlite": text("SELECT substr(created_at, 1, 13), COUNT(*) FROM members "
                   "WHERE created_at < :until GROUP BY 1"),
    "postgresql": text("SELECT to_char(date_trunc('hour', created_at), 'YYYY-MM-DD HH24'), "
                       "COUNT(*) FROM members WHERE created_at < CAST(:until AS timestamp) "
                       "GROUP BY 1"),
}
_PEOPLE = {
    d: text("SELECT tier_id, gender, birthday, COUNT(*) FROM members "
            f"WHERE created_at < {until} GROUP BY tier_id, gender, birthday")
    for d, until in (("sqlite", ":until"), ("postgresql", "CAST(:until AS timestamp)"))}


def _joined_months(conn: Any, until: str, minutes: int) -> list[tuple[str, int]]:
    """(local month, members registered) per registration hour, ``minutes`` a whole
    number of hours."""
    sql = _HOURS["postgresql" if conn.dialect.name == "postgresql" else "sqlite"]
    out = []
    for hour, n in conn.execute(sql, {"until": until}):
        at = datetime.strptime(str(hour), "%Y-%m-%d %H") + timedelta(minutes=minutes)
        out.append((f"{at.year:04d}-{at.month:02d}", int(n)))
    return out


_TIERS = text("SELECT id, name FROM tiers ORDER BY rank")
_LIABILITIES = """
SELECT 'p', {month} AS month, SUM(delta)
FROM points_entries WHERE created_at < {until} GROUP BY {month}
UNION ALL
SELECT 's', {month} AS month, SUM(principal_delta + bonus_delta)
FROM stored_value_entries WHERE created_at < {until} GROUP BY {month}
"""


def _in_words(sql: str, dialect: str) -> TextClause:
    """``sql`` with the month, age and time bound of ``dialect``."""
    return text(sql.format(**_WORDS["postgresql" if dialect == "postgresql" else "sqlite"]))
_PREFERENCES = text("""
SELECT sc.segment, COALESCE(c.name, ''), SUM(l.net_amount)
FROM sales AS s
JOIN sale_lines AS l ON l.sale_id = s.id
JOIN member_scores AS sc ON sc.member_id = s.member_id
LEFT JOIN products AS p ON p.id = l.product_id
LEFT JOIN categories AS c ON c.id = p.category_id
WHERE s.member_id IS NOT NULL AND s.business_date > :first AND s.business_date <= :day
GROUP BY sc.segment, c.name
""")


def _utc_text(at: datetime) -> str:
    """An aware time as SQLite keeps ``created_at`` (naive UTC)."""
    return at.astimezone(UTC).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")


def _date(v: Any) -> date:
    return v if isinstance(v, date) else date.fromisoformat(str(v))


def _cumulative(per_month: dict[str, int], months: list[str]) -> list[int]:
    """The running total at the end of each of ``months`` (all earlier months count)."""
    before = sum(v for k, v in per_month.items() if k < months[0])
    out = []
    for m in months:
        before += per_month.get(m, 0)
        out.append(before)
    return out


def _groups(counts: dict[str, list[int]]) -> tuple[Group, ...]:
    return tuple(Group(k, n, Money(m)) for k, (n, m) in sorted(counts.items()))


def build_report(session: Session, as_of: date) -> AnalysisReport:
    """Every figure as of ``as_of`` (no permission check: :func:`analysis_report`)."""
    conn = connection(session)
    shift = f"{clock.offset_minutes(session):+d} minutes"
    until = _utc_text(datetime.combine(as_of + timedelta(days=1), time(), tzinfo=UTC)
                      - clock.local_offset(session))
    months = analysis.months_back(as_of)
    segments: dict[str, list[int]] = {}
    grades: dict[str, list[int]] = {}
    stages: dict[str, list[int]] = {}
    buyers = repeaters = spend = visits = churn_count = 0
    latest: Any = None
    for seg, grade, stage, n, m, b, rep, bm, f, ch, on in conn.execute(_SCORES):
        for into, key in ((segments, seg or ""), (grades, grade), (stages, stage)):
            into.setdefault(str(key), [0, 0])
            into[str(key)][0] += int(n)
            into[str(key)][1] += int(m)
        buyers, repeaters, spend = buyers + int(b), repeaters + int(rep), spend + int(bm)
        visits, churn_count = visits + int(f), churn_count + int(ch)
        latest = on if latest is None or (on is not None and str(on) > str(latest)) else latest
    # the scores' date (a row's own as_of is when its figures last changed)
    scores_as_of = scores_date(session) or (_date(latest) if latest is not None else None)
    churn = tuple(
        ChurnRow(no, name, Money(int(m)), w, _date(on) - timedelta(days=since or 0), alive)
        for no, name, m, kind, since, gap2, recent, before, alive, on
        in conn.execute(_CHURN, {"n": analysis.CHURN_ROWS})
        if (w := warning_of(kind, since, gap2, recent, before,
                            days_later(_date(on), scores_as_of))) is not None)
    new: dict[str, int] = {}
    tiers: dict[int, int] = {}
    genders: dict[str, int] = {}
    ages: dict[str, int] = {}
    dialect = conn.dialect.name
    minutes = clock.offset_minutes(session)
    if minutes % 60 == 0:  # by the registration hour and by the person: few rows each
        for month, n in _joined_months(conn, until, minutes):
            new[month] = new.get(month, 0) + n
        people = _PEOPLE["postgresql" if dialect == "postgresql" else "sqlite"]
        for tier, gender, birthday, n in conn.execute(people, {"until": until}):
            band = analysis.age_band(None if birthday is None else _date(birthday), as_of)
            genders[str(gender)] = genders.get(str(gender), 0) + int(n)
            ages[band] = ages.get(band, 0) + int(n)
            tiers[int(tier)] = tiers.get(int(tier), 0) + int(n)
    else:
        for month, tier, gender, band, n in conn.execute(
                _in_words(_MEMBER_GROUPS, dialect),
                {"shift": shift, "until": until, "day": as_of.isoformat()}):
            new[str(month)] = new.get(str(month), 0) + int(n)
            genders[str(gender)] = genders.get(str(gender), 0) + int(n)
            ages[str(band)] = ages.get(str(band), 0) + int(n)
            tiers[int(tier)] = tiers.get(int(tier), 0) + int(n)
    totals = _cumulative(new, months)
    points: dict[str, int] = {}
    stored: dict[str, int] = {}
    kept = month_sums(session, as_of)  # the closed months kept, the open one summed
    for kind, month, amount in (
            ((k, m, v) for (k, m), v in kept.items()) if kept is not None
            else conn.execute(_in_words(_LIABILITIES, dialect),
                              {"shift": shift, "until": until})):
        (points if kind == "p" else stored)[str(month)] = int(amount or 0)
    first = as_of - timedelta(days=analysis.PREFERENCE_DAYS)
    return AnalysisReport(
        as_of=as_of, scores_as_of=scores_as_of,
        generated_at=(clock.now().astimezone(UTC) + clock.local_offset(session)).replace(
            tzinfo=None),
        members=totals[-1],
        segments=_groups(segments), grades=_groups(grades),
        lifecycle=_groups(stages),
        churn=churn, churn_count=churn_count,
        buyers=buyers, repeaters=repeaters, spend=Money(spend), visits=visits,
        growth=tuple(Month(m, new.get(m, 0), t) for m, t in zip(months, totals, strict=True)),
        tiers=tuple(Group(str(name), tiers.get(int(tid), 0))
                    for tid, name in conn.execute(_TIERS)),
        genders=tuple(Group(k, n) for k, n in sorted(genders.items())),
        ages=tuple(Group(k, n) for k, n in sorted(ages.items())),
        liabilities=tuple(Liability(m, p, Money(s)) for m, p, s in zip(
            months, _cumulative(points, months), _cumulative(stored, months), strict=True)),
        top=tuple(TopMember(no, name, Money(int(m)), int(f), g, seg) for no, name, m, f, g, seg
                  in conn.execute(_TOP, {"n": analysis.TOP_MEMBERS})),
        # in one order on both engines (GROUP BY returns rows in no set order)
        preferences=tuple(sorted(
            (Preference(seg, str(cat), Money(int(v))) for seg, cat, v
             in conn.execute(_PREFERENCES, {"first": first, "day": as_of})),
            key=lambda p: (p.segment is None, p.segment or "", p.category))),
    )


def analysis_report(db: Database, actor: Actor, as_of: date | None = None) -> AnalysisReport:
    """The 分析 figures as of ``as_of`` (default the shop's today; a later date is
    refused), for whoever may view reports: those the last refresh as of that date kept
    (``services/analytics/snapshot``), else built now."""
    with db.reader() as r:
        s = r.session
        require(s, actor, Permission.VIEW_REPORTS)
        day = check_as_of(s, as_of)
        from memberdesk.services.analytics.snapshot import (
            load,  # (it imports this module's figures)
        )

        return load(s, day) or build_report(s, day)


def refresh_analysis(db: Database, actor: Actor, as_of: date | None = None,
                     step: Step | None = None) -> RefreshResult:
    """The 分析 page's refresh button: the analytics refresh as of ``as_of`` with its
    progress (``step``), for whoever may view reports (as ``analytics refresh``)."""
    with db.reader() as r:
        may(r.session, actor, Permission.VIEW_REPORTS)
        day = check_as_of(r.session, as_of)
    return refresh_scores(db, day, step=step)
