"""The audit log exported (审计日志_<date>.xlsx): the rows a filter of the owner's
audit view matches (:mod:`.audit_view`), newest first, streamed a batch at a time;
the export itself is audited. Only the owner holds ``VIEW_AUDIT``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.domain import shoptime
from memberdesk.models import AuditEntry
from memberdesk.reports.document import Column, ColumnKind, Document, ExportError, Table
from memberdesk.reports.xlsx import write_xlsx
from memberdesk.services.audit.view import (
    AuditFilter,
    Cursor,
    action_name,
    audit_rows,
    detail_lines,
    entity_name,
    filter_where,
    in_language,
    page_query,
    staff_names,
)
from memberdesk.services.shared import audit, clock
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import UserError
from memberdesk.services.shared.permissions import Permission, require

EXPORT_BATCH = 2000


# -- the export -----------------------------------------------------------------------------
@dataclass(frozen=True)
class AuditExport:
    path: Path
    rows: int


def _filter_text(s: Session, f: AuditFilter, lang: str) -> str:
    parts = []
    if f.action:
        parts.append(action_name(f.action, lang))
    if f.staff_id is not None:
        parts.append(staff_names(s).get(f.staff_id, str(f.staff_id)))
    if f.start or f.end:
        lo = f.start.isoformat() if f.start else "…"
        hi = f.end.isoformat() if f.end else "…"
        parts.append(f"{lo} – {hi}")
    return " / ".join(parts) or in_language(("全部", "all"), lang)


def _lines_text(detail: str, lang: str) -> str:
    out = []
    for line in detail_lines(detail, lang):
        head = f"{line.field}: " if line.field else ""
        out.append(f"{head}{line.old} → {line.new}" if line.changed else f"{head}{line.new}")
    return "; ".join(out)


def _write(doc: Document, path: Path, progress: Callable[[int, int], bool] | None,
           total: int) -> None:
    def step(done: int) -> bool:
        return True if progress is None else progress(done, max(total, done))

    try:
        write_xlsx(doc, path, step if progress is not None else None)
    except ExportError as exc:
        if exc.code == "disk_full":
            raise UserError("disk_full", path=exc.path) from exc
        if exc.code == "cancelled":
            raise UserError("export_cancelled") from exc
        raise UserError("path_not_writable", path=exc.path, problem=exc.detail) from exc


def export_audit(db: Database, actor: Actor, flt: AuditFilter, folder: Path, lang: str,
                 progress: Callable[[int, int], bool] | None = None) -> AuditExport:
    """The rows matching ``flt``, newest first, to ``folder/审计日志_<today>.xlsx``
    (streamed a batch at a time; written under a temporary name). The export is
    audited (``audit.export``) once the file is in place."""
    en = lang.startswith("en")
    with db.reader() as uow:
        s = uow.session
        require(s, actor, Permission.VIEW_AUDIT)
        total = int(s.scalar(select(func.count()).select_from(AuditEntry)
                             .where(filter_where(s, flt))) or 0)
        today = clock.today(s)
        period = _filter_text(s, flt, lang)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / (f"audit-log_{today.isoformat()}.xlsx" if en
                         else f"审计日志_{today.isoformat()}.xlsx")

        def rows() -> Iterator[tuple[Any, ...]]:
            before: Cursor | None = None
            while True:
                batch = list(audit_rows(s, s.execute(page_query(s, flt, before, EXPORT_BATCH))))
                for r in batch:
                    yield (r.id, r.at, action_name(r.action, lang), r.staff, r.approver,
                           entity_name(r.entity, lang), r.entity_id,
                           _lines_text(r.detail, lang))
                if len(batch) < EXPORT_BATCH:
                    return
                before = batch[-1].cursor

        def t(zh: str, en_text: str) -> str:
            return en_text if en else zh

        doc = Document(
            t("审计日志", "Audit log"), "", period, shoptime.local_time(clock.now(),
                                                                    clock.offset_minutes(s)),
            ((t("记录数", "Rows"), total),),
            (Table(t("审计日志", "Audit log"), (
                Column(t("序号", "Row"), ColumnKind.INT, 9),
                Column(t("时间", "Time"), ColumnKind.DATETIME),
                Column(t("操作", "Action"), width=16),
                Column(t("员工", "Staff"), width=10),
                Column(t("授权人", "Approved by"), width=10),
                Column(t("对象", "Object"), width=10),
                Column(t("编号", "Key"), width=16),
                Column(t("详情", "Detail"), width=60)), rows),),
            lang="en" if en else "zh_CN",
        )
        _write(doc, path, progress, total)
    with db.uow() as w:
        require(w.session, actor, Permission.VIEW_AUDIT)
        audit.record(w.session, action="audit.export", staff_id=actor.staff_id, entity="file",
                     entity_id=path.name[:40],
                     detail={"rows": total, "filter": period})
        w.commit()
    return AuditExport(path, total)
