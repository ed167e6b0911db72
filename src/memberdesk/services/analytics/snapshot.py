"""The 分析 figures kept by the analytics refresh (``analysis_snapshots``): the
report as of a date, built by :func:`analytics_report.build_report` right after the
refresh wrote ``member_scores``, saved as JSON in one row, and read back by the page
and ``memberdesk report analysis`` with one primary-key read (at 100,000 members the
aggregates over the members, the ledgers and the sale lines take over a second; the
row a few milliseconds). There is at most one row, of the last refresh's date: the
refresh drops it before it rewrites the scores and keeps the new one after. The figures are the report's own, so the window, the PDF
and the workbook agree with what a fresh build said when the row was written; the
report's ``generated_at`` says when that was. A date without a row is built live."""

from __future__ import annotations

import json
from dataclasses import fields
from datetime import date, datetime
from fractions import Fraction
from typing import Any

from sqlalchemy import bindparam, delete, insert, select
from sqlalchemy.orm import Session

from memberdesk.domain.analytics import ChurnWarning
from memberdesk.models import AnalysisSnapshot
from memberdesk.money import Money
from memberdesk.services.analytics.report import (
    AnalysisReport,
    ChurnRow,
    Group,
    Liability,
    Month,
    Preference,
    TopMember,
)
from memberdesk.services.shared.tables import connection, table

_SNAPSHOTS = table(AnalysisSnapshot)
_ONE = select(_SNAPSHOTS.c.body).where(_SNAPSHOTS.c.as_of == bindparam("as_of"))
_ROWS: dict[str, type] = {"segments": Group, "grades": Group, "lifecycle": Group,
                          "tiers": Group, "genders": Group, "ages": Group,
                          "churn": ChurnRow, "growth": Month, "liabilities": Liability,
                          "top": TopMember, "preferences": Preference}
_DATES = {"as_of", "scores_as_of", "last_visit"}


def _plain(v: Any) -> Any:
    if isinstance(v, Money):
        return {"fen": v.fen}
    if isinstance(v, ChurnWarning):
        return {"kind": v.kind, "days_since": v.days_since,
                "gap": [v.usual_gap.numerator, v.usual_gap.denominator],
                "recent": v.recent_visits, "before": v.before_visits}
    if isinstance(v, datetime | date):
        return v.isoformat()
    if isinstance(v, tuple):
        return [_plain(x) for x in v]
    if hasattr(v, "__dataclass_fields__"):
        return {f.name: _plain(getattr(v, f.name)) for f in fields(v)}
    return v


def _value(name: str, v: Any) -> Any:
    if isinstance(v, dict) and "fen" in v:
        return Money(int(v["fen"]))
    if isinstance(v, dict) and "gap" in v:
        return ChurnWarning(v["kind"], v["days_since"], Fraction(*v["gap"]), v["recent"],
                            v["before"])
    if name in _DATES and v is not None:
        return date.fromisoformat(v)
    if name == "generated_at":
        return datetime.fromisoformat(v)
    return v


def _row(cls: type, d: dict[str, Any]) -> Any:
    return cls(**{k: _value(k, v) for k, v in d.items()})


def encode(rep: AnalysisReport) -> str:
    return json.dumps(_plain(rep), ensure_ascii=False, separators=(",", ":"))


def decode(body: str) -> AnalysisReport:
    values: dict[str, Any] = {
        k: tuple(_row(_ROWS[k], x) for x in v) if k in _ROWS else _value(k, v)
        for k, v in json.loads(body).items()}
    return AnalysisReport(**values)


def forget(session: Session) -> None:
    """Drop every kept report: they were built from ``member_scores`` rows that are
    about to change (the refresh calls this before it writes its first batch)."""
    connection(session).execute(delete(_SNAPSHOTS))


def save(session: Session, rep: AnalysisReport) -> None:
    """Keep ``rep`` as the figures of its date: the only row (the figures of other
    dates were built from other scores)."""
    conn = connection(session)
    conn.execute(delete(_SNAPSHOTS))
    conn.execute(insert(_SNAPSHOTS), {"as_of": rep.as_of, "body": encode(rep)})


def load(session: Session, as_of: date) -> AnalysisReport | None:
    """The kept figures of ``as_of`` (one primary-key read), or None."""
    body = connection(session).execute(_ONE, {"as_of": as_of}).scalar()
    return None if body is None else decode(str(body))
