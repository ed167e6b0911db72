"""``memberdesk analytics members --xlsx FILE [--as-of DATE]``: one row per member with,
in this order, member number, R (days), F, M (yuan), R score, F score, M score, segment,
grade, lifecycle, churn warning (yes/no), churn reason, P(alive) and expected purchases
in 30 days (issue 13, item 4).

The figures are computed as of the date exactly as the refresh computes them
(:func:`analytics_refresh.compute`, read-only: an export for a past date never
overwrites the counter's scores). Member data leaves the shop, so the export needs the
member-export permission (导出会员资料: managers and owners, or a cashier with a
manager's one-time approval) and is audited, as the member export is. The columns hold
no phone and no name, so there is nothing further to mask for any role: the member
number is what the counter shows every cashier.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from sqlalchemy import bindparam, select

from memberdesk.db import Database
from memberdesk.domain.analytics import Grade, Lifecycle, Segment, churn_reason_text
from memberdesk.models import Member
from memberdesk.money import Money
from memberdesk.reports.document import ExportError, atomic_output
from memberdesk.reports.xlsx import abandon_workbook, save_workbook
from memberdesk.services.analytics.member import warning_of
from memberdesk.services.analytics.refresh import Computed, check_as_of, compute
from memberdesk.services.members.sheet import safe_row, sheet_write_error
from memberdesk.services.shared import audit, clock
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.permissions import Permission, may, require
from memberdesk.services.shared.tables import table

PAGE = 2000

# (zh, en), in the order.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("会员编号", "Member no."),
    ("R（天）", "R (days)"),
    ("F（次）", "F"),
    ("M（元）", "M (yuan)"),
    ("R 分", "R score"),
    ("F 分", "F score"),
    ("M 分", "M score"),
    ("RFM 分群", "Segment"),
    ("等级", "Grade"),
    ("生命周期", "Lifecycle"),
    ("流失预警", "Churn warning"),
    ("预警原因", "Churn reason"),
    ("存活概率", "P(alive)"),
    ("30 天预计消费次数", "Expected purchases in 30 days"),
)
SHEET = ("会员分析", "Member analytics")

_MEMBERS = table(Member)


@dataclass(frozen=True)
class AnalyticsExport:
    path: Path
    rows: int
    as_of: date


def _row(member_no: str, v: dict[str, Any], en: bool) -> list[object]:
    lang = "en" if en else "zh_CN"
    w = warning_of(v["churn_kind"], v["churn_days_since"], v["churn_gap_x2"],
                   v["churn_recent"], v["churn_before"])
    seg = Segment.of(v["segment"]).label(lang) if v["segment"] else ""
    alive, expected = v["p_alive"], v["expected_30d"]
    return [
        member_no, v["r_days"], v["f"], v["m"] if isinstance(v["m"], Money) else Money(v["m"]),
        v["r_score"], v["f_score"], v["m_score"], seg,
        Grade.of(v["grade"]).code, Lifecycle.of(v["lifecycle"]).label(lang),
        ("yes" if en else "是") if w else ("no" if en else "否"),
        churn_reason_text(w, lang) if w else "",
        None if alive is None else round(alive, 4),
        None if expected is None else round(expected, 3),
    ]


def _rows(db: Database, c: Computed, en: bool) -> Iterator[list[object]]:
    page_q = (select(_MEMBERS.c.id, _MEMBERS.c.created_at, _MEMBERS.c.member_no)
              .where(_MEMBERS.c.id > bindparam("after")).order_by(_MEMBERS.c.id)
              .limit(bindparam("batch")))
    at = clock.now()
    with db.reader() as r:
        conn = r.session.connection()
        after = 0
        while page := list(conn.execute(page_q, {"after": after, "batch": PAGE})):
            values = c.rows([(mid, created) for mid, created, _ in page], at)
            for (_, _, member_no), v in zip(page, values, strict=True):
                yield _row(member_no, v, en)
            after = page[-1][0]


def export_member_analytics(db: Database, actor: Actor, path: Path | str,
                            as_of: date | None = None, *, lang: str = "zh_CN",
                            approval_id: int | None = None) -> AnalyticsExport:
    """Write the member analytics workbook at ``path`` (as of ``as_of``, default the
    shop's today)."""
    path = Path(path)
    en = lang.startswith("en")
    with db.reader() as check:
        may(check.session, actor, Permission.EXPORT_MEMBERS, approval_id=approval_id)
        day = check_as_of(check.session, as_of)
    c = compute(db, day)
    rows = 0
    wb = Workbook(write_only=True)
    try:
        with atomic_output(path) as fh:
            ws = wb.create_sheet(SHEET[1] if en else SHEET[0])
            ws.append([en_ if en else zh for zh, en_ in COLUMNS])
            for values in _rows(db, c, en):
                ws.append(safe_row(ws, values))
                rows += 1
            save_workbook(wb, fh)
            fh.flush()
            os.fsync(fh.fileno())
            with db.uow() as uow:
                s = uow.session
                approver = require(s, actor, Permission.EXPORT_MEMBERS, approval_id=approval_id)
                audit.record(s, action="analytics.export", staff_id=actor.staff_id,
                             approver_id=approver, entity="file", entity_id=path.name[:40],
                             detail={"as_of": c.as_of.isoformat(), "rows": rows})
                uow.commit()
    except ExportError as exc:
        abandon_workbook(wb)
        raise sheet_write_error(exc, path) from exc
    except BaseException:
        abandon_workbook(wb)
        raise
    return AnalyticsExport(path, rows, c.as_of)
