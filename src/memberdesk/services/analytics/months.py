"""The points and stored-value liabilities of the 分析 figures without summing every
ledger entry each day: a closed month's sum (by the shop's local month of
``created_at``) never changes once it is over (the ledgers are append-only and an
entry's ``created_at`` is when it was written), so it is kept in ``liability_months``;
each build sums only the entries of the months not kept yet
(``ix_points_entries_created_at``, ``ix_stored_value_entries_created_at``).

A month is kept once it ended :data:`MARGIN` before the day asked for (a transaction
still open across a month's end has long committed by then). The marker row (kind
``"c"``) says up to which month the kept rows go; kept rows cut with another time-zone
offset are thrown away and summed again. A date before the marker's month is summed
from the entries as before (:func:`month_sums` says None).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Connection, delete, select, text
from sqlalchemy.orm import Session

from memberdesk.models import LiabilityMonth
from memberdesk.services.shared import clock
from memberdesk.services.shared.tables import connection, insert_many, table

MARGIN = timedelta(days=2)
_MONTHS = table(LiabilityMonth)
_MARK = "c"

# Per kind and local month, the entries' sum in [:since, :until).
_SUMS = """
SELECT 'p', {month} AS month, SUM(delta)
FROM points_entries WHERE created_at >= {since} AND created_at < {until} GROUP BY {month}
UNION ALL
SELECT 's', {month} AS month, SUM(principal_delta + bonus_delta)
FROM stored_value_entries WHERE created_at >= {since} AND created_at < {until}
GROUP BY {month}
"""
_WORDS = {
    "sqlite": {"month": "strftime('%Y-%m', created_at, :shift)", "since": ":since",
               "until": ":until"},
    "postgresql": {"month": "to_char(created_at + CAST(:shift AS interval), 'YYYY-MM')",
                   "since": "CAST(:since AS timestamp)", "until": "CAST(:until AS timestamp)"},
}


def _utc_text(at: datetime) -> str:
    """An aware time as SQLite keeps ``created_at`` (naive UTC)."""
    return at.astimezone(UTC).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")


def _month_start(month: str, offset: timedelta) -> datetime:
    """The UTC instant the shop's local month ``month`` ("YYYY-MM") begins."""
    y, m = int(month[:4]), int(month[5:7])
    return datetime.combine(date(y, m, 1), time(), tzinfo=UTC) - offset


def _month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def _sums(conn: Connection, offset_minutes: int, since: datetime,
          until: datetime) -> dict[tuple[str, str], int]:
    words = _WORDS["postgresql" if conn.dialect.name == "postgresql" else "sqlite"]
    rows = conn.execute(text(_SUMS.format(**words)), {
        "shift": f"{offset_minutes:+d} minutes", "since": _utc_text(since),
        "until": _utc_text(until)})
    return {(str(k), str(m)): int(v or 0) for k, m, v in rows}


def _end_of(as_of: date, offset: timedelta) -> datetime:
    return datetime.combine(as_of + timedelta(days=1), time(), tzinfo=UTC) - offset


@dataclass(frozen=True)
class ClosedMonths:
    """The sums of the months newly closed (:func:`closed_months`), to be kept by
    :func:`save_months`: read before the write lock is taken."""

    marker: tuple[str, int] | None  # the marker row read (month, shift_minutes)
    reset: bool  # the kept rows were cut with another offset: thrown away
    minutes: int
    cut: str
    sums: dict[tuple[str, str], int]


def _marker(conn: Connection) -> tuple[str, int] | None:
    row = conn.execute(select(_MONTHS.c.month, _MONTHS.c.shift_minutes).where(
        _MONTHS.c.kind == _MARK)).first()
    return None if row is None else (str(row[0]), int(row[1]))


def closed_months(session: Session, as_of: date) -> ClosedMonths | None:
    """The sums of the months that ended :data:`MARGIN` before the end of ``as_of``
    (or before now, if earlier: a shop brought forward still writes entries at today's
    time) and are not kept yet; None when there are none. Only reads: on a shop's
    first refresh that is every ledger entry, which a write transaction would have
    held the counter's lock for."""
    conn = connection(session)
    minutes = clock.offset_minutes(session)
    offset = clock.local_offset(session)
    end = min(_end_of(as_of, offset), clock.now())
    cut = _month_of((end + offset - MARGIN).astimezone(UTC).date())
    marker = _marker(conn)
    reset = marker is not None and marker[1] != minutes
    start = marker[0] if marker is not None and not reset else None
    if start is not None and start >= cut:
        return None
    since = _month_start(start, offset) if start else datetime(1970, 1, 1, tzinfo=UTC)
    return ClosedMonths(marker, reset, minutes, cut,
                        _sums(conn, minutes, since, _month_start(cut, offset)))


def save_months(session: Session, plan: ClosedMonths) -> None:
    """Keep ``plan``'s sums (inside the caller's write unit of work): a few rows. Left
    alone when the marker moved since it was read (another refresh kept them)."""
    conn = connection(session)
    if _marker(conn) != plan.marker:
        return
    if plan.reset:
        conn.execute(delete(_MONTHS))
    insert_many(conn, _MONTHS, [
        {"kind": k, "month": m, "shift_minutes": plan.minutes, "amount": v}
        for (k, m), v in sorted(plan.sums.items())])
    conn.execute(delete(_MONTHS).where(_MONTHS.c.kind == _MARK))
    conn.execute(_MONTHS.insert(), {"kind": _MARK, "month": plan.cut,
                                    "shift_minutes": plan.minutes, "amount": 0})


def month_sums(session: Session, as_of: date) -> dict[tuple[str, str], int] | None:
    """Per (kind, local month) the sum of the entries written by the end of ``as_of``:
    the kept months and the entries since; None when none are kept or ``as_of`` is
    before the kept months' end (the caller sums every entry)."""
    conn = connection(session)
    minutes = clock.offset_minutes(session)
    offset = clock.local_offset(session)
    marker = conn.execute(select(_MONTHS.c.month, _MONTHS.c.shift_minutes).where(
        _MONTHS.c.kind == _MARK)).first()
    if marker is None or int(marker[1]) != minutes:
        return None
    since = _month_start(str(marker[0]), offset)
    until = _end_of(as_of, offset)
    if until < since:
        return None
    out: dict[tuple[str, str], Any] = {
        (str(k), str(m)): int(v) for k, m, v in conn.execute(
            select(_MONTHS.c.kind, _MONTHS.c.month, _MONTHS.c.amount).where(
                _MONTHS.c.kind != _MARK))}
    for key, v in _sums(conn, minutes, since, until).items():
        out[key] = out.get(key, 0) + v
    return out
