"""Worker-side jobs of the back office: reports opened, shown, exported; the day
closed; backups made; files checked and restored. Only service calls; they run
on a task runner's worker, never on the GUI thread.

A report is a :class:`ReportSpec`: how to open it (a context manager, since the
big reports stream their rows from a read transaction that stays open while
they are exported), how to turn it into the exportable ``Document`` and what to
call the files. On screen a report is a :class:`ScreenDocument`: the same
document with its cells formatted and at most :data:`SCREEN_ROWS` rows a table.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from memberdesk.reports.document import ColumnKind, Document, format_cell
from memberdesk.services.backup.create import (
    BackupResult,
    BackupStatus,
    backup_status,
    create_backup,
)
from memberdesk.services.backup.listing import BackupFile, list_backup_files
from memberdesk.services.backup.loss import RestoreLoss, restore_loss
from memberdesk.services.backup.restore import RestoreResult, check_restorable, restore_backup
from memberdesk.services.checkout import history as sales_history
from memberdesk.services.closing.day_close import (
    DayCloseResult,
    check_day_close,
    close_day,
    day_report,
)
from memberdesk.services.reporting import (
    count_card_report,
    coupon_report,
    liability,
    points_report,
    sales_detail,
    shift_report,
    statement,
)
from memberdesk.services.reporting.documents import day_document
from memberdesk.services.reporting.export import export_document
from memberdesk.services.reporting.words import ZH_CN, pick, picker
from memberdesk.services.shared import clock
from memberdesk.services.shop.setup import shop_info

from .long_jobs import Progress

SCREEN_ROWS = 200
NUMERIC = (ColumnKind.MONEY, ColumnKind.INT)


@dataclass(frozen=True)
class ScreenTable:
    title: str
    headers: tuple[str, ...]
    numeric: tuple[bool, ...]
    rows: tuple[tuple[str, ...], ...]
    more: bool  # rows were left off the screen (the export has them all)
    totals: tuple[str, ...] | None


@dataclass(frozen=True)
class ScreenDocument:
    title: str
    shop_name: str
    period: str
    summary: tuple[tuple[str, str], ...]
    tables: tuple[ScreenTable, ...]
    note: str


def on_screen(doc: Document, limit: int = SCREEN_ROWS) -> ScreenDocument:
    tables = []
    for t in doc.tables:
        rows: list[tuple[str, ...]] = []
        more = False
        for row in t.rows():
            if len(rows) == limit:
                more = True
                break
            rows.append(tuple(format_cell(v) for v in row))
        tables.append(ScreenTable(
            t.title, tuple(c.title for c in t.columns), tuple(c.kind in NUMERIC for c in t.columns),
            tuple(rows), more, tuple(format_cell(v) for v in t.totals) if t.totals else None,
        ))
    return ScreenDocument(doc.title, doc.shop_name, doc.period,
                          tuple((k, format_cell(v)) for k, v in doc.summary), tuple(tables), doc.note)


@dataclass(frozen=True)
class ReportSpec:
    open: Callable[[Any, Any], AbstractContextManager[Any]]  # (db, actor) -> report
    document: Callable[[Any, str], Document]  # (report, shop name) -> Document
    stem: Callable[[Any], str]  # the exported files' name, without extension
    rows: Callable[[Any], int] = lambda _rep: 0  # table rows, for the progress (0: unknown)


@dataclass(frozen=True)
class Shown:
    report: Any  # the report DTO (a streamed one's rows are closed by now)
    screen: ScreenDocument
    stem: str
    pdf: Path | None = None  # where printing to a file goes by default


def show(db: Any, actor: Any, spec: ReportSpec) -> Shown:
    """The report for the screen, and the PDF a print to a file would write: the
    shop's exports folder, named as the export (report name and date)."""
    name = shop_info(db).name
    with spec.open(db, actor) as rep:
        stem = spec.stem(rep)
        exports: Path = db.paths.exports
        exports.mkdir(parents=True, exist_ok=True)
        return Shown(rep, on_screen(spec.document(rep, name)), stem, exports / f"{stem}.pdf")


def _reporter(progress: Progress, total: int) -> Callable[[int], bool]:
    """The exporters' progress callback, passing on at most ~50 steps a second.
    ``total`` is the report's own count of rows; small side tables may add a few."""
    last = [0.0]

    def report(done: int) -> bool:
        now = time.monotonic()
        if now - last[0] >= 0.02 or done >= total:
            last[0] = now
            return progress.step(done, max(total, done))
        return not progress.cancelled

    return report


def export(db: Any, actor: Any, spec: ReportSpec, folder: Path | None, xlsx: bool, pdf: bool,
           progress: Progress) -> list[Path]:
    """Write the report to ``folder`` (default: the shop's exports folder)."""
    name = shop_info(db).name
    if folder is None:
        folder = db.paths.exports
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with spec.open(db, actor) as rep:
        doc = spec.document(rep, name)
        stem = spec.stem(rep)
        rows = spec.rows(rep)
        kinds = [k for k, wanted in (("xlsx", xlsx), ("pdf", pdf)) if wanted]
        for i, kind in enumerate(kinds):
            base = i * rows
            total = rows * len(kinds)
            path = folder / f"{stem}.{kind}"
            step = _reporter(progress, total)

            def offset(n: int, base: int = base, step: Callable[[int], bool] = step) -> bool:
                return step(base + n)

            written += export_document(
                doc,
                xlsx=path if kind == "xlsx" else None,
                pdf=path if kind == "pdf" else None,
                progress=offset,
            )
    return written


def static_rows(doc: Document) -> int:
    return sum(sum(1 for _ in t.rows()) for t in doc.tables)


# -- the reports -----------------------------------------------------------------------
def day_spec(day: date, lang: str = ZH_CN) -> ReportSpec:
    """The day report; ``lang`` is the language of its words and file names (the
    screen's: the GUI thread reads it and passes it here, the services never ask Qt)."""
    t = picker(lang)

    def stem(rep: Any) -> str:
        day_text = rep.business_date.isoformat()
        return (t(f"日结_第{rep.close_no}号_{day_text}", f"day-close_{rep.close_no}_{day_text}")
                if rep.close_no else t(f"日结预览_{day_text}", f"day-preview_{day_text}"))

    return ReportSpec(
        open=lambda db, actor: nullcontext(day_report(db, actor, day)),
        document=lambda rep, shop: day_document(rep, shop, clock.now(), lang),
        stem=stem,
        rows=lambda rep: static_rows(day_document(rep, "", clock.now(), lang)),
    )


def business_today(db: Any) -> date:
    """Today in the shop's time zone (a setting), as the services count days."""
    return sales_history.business_today(db)


def close(db: Any, actor: Any, day: date) -> DayCloseResult:
    return close_day(db, actor, day)


def check_close(db: Any, actor: Any, day: date) -> bool:
    return check_day_close(db, actor, day)


def shift_spec(shift_no: str, lang: str = ZH_CN) -> ReportSpec:
    return ReportSpec(
        open=lambda db, actor: nullcontext(shift_report.shift_report(db, actor, shift_no)),
        document=lambda rep, shop: shift_report.shift_document(rep, shop, rep.generated_at,
                                                               lang),
        stem=lambda rep: pick(lang, "交班报表", "shift") + f"_{rep.summary.shift_no}",
    )


def liability_spec(as_of: date | None, lang: str = ZH_CN) -> ReportSpec:
    return ReportSpec(
        open=lambda db, actor: nullcontext(liability.liability_report(db, actor, as_of)),
        document=lambda rep, shop: liability.liability_document(rep, shop, rep.generated_at,
                                                                lang),
        stem=lambda rep: pick(lang, "储值负债", "liability")
        + f"_{(rep.as_of or rep.generated_at.date()).isoformat()}",
        rows=lambda rep: len(rep.rows),
    )


def _span(start: date | None, end: date | None, lang: str = ZH_CN) -> str:
    lo = start.isoformat() if start else pick(lang, "开业", "opening")
    return f"{lo}_{end.isoformat() if end else pick(lang, '至今', 'today')}"


def points_spec(start: date | None, end: date | None, lang: str = ZH_CN) -> ReportSpec:
    return ReportSpec(
        open=lambda db, actor: points_report.points_report(db, actor, start, end),
        document=lambda rep, shop: points_report.points_document(rep, shop, rep.generated_at,
                                                                 lang),
        stem=lambda rep: pick(lang, "积分报表", "points") + f"_{_span(start, end, lang)}",
        rows=lambda rep: rep.members,
    )


def coupons_spec(start: date | None, end: date | None, lang: str = ZH_CN) -> ReportSpec:
    return ReportSpec(
        open=lambda db, actor: nullcontext(coupon_report.coupon_report(db, actor, start, end)),
        document=lambda rep, shop: coupon_report.coupon_document(rep, shop, rep.generated_at,
                                                                 lang),
        stem=lambda rep: pick(lang, "优惠券报表", "coupons") + f"_{_span(start, end, lang)}",
        rows=lambda rep: len(rep.rows),
    )


def count_cards_spec(start: date | None, end: date | None, lang: str = ZH_CN) -> ReportSpec:
    return ReportSpec(
        open=lambda db, actor: nullcontext(count_card_report.count_card_report(db, actor, start,
                                                                               end)),
        document=lambda rep, shop: count_card_report.count_card_document(
            rep, shop, rep.generated_at, lang),
        stem=lambda rep: pick(lang, "计次卡报表", "count_cards") + f"_{_span(start, end, lang)}",
        rows=lambda rep: len(rep.lines),
    )


def sales_spec(start: date, end: date, lang: str = ZH_CN, store: str | None = None
               ) -> ReportSpec:
    """``store``: None this till's store, a code, ALL every store."""
    return ReportSpec(
        open=lambda db, actor: sales_detail.sales_detail(db, actor, start, end, store),
        document=lambda rep, shop: sales_detail.sales_detail_document(rep, shop, rep.generated_at,
                                                                      lang),
        stem=lambda rep: pick(lang, "销售明细", "sales") + f"_{_span(start, end, lang)}"
        + (f"_{store}" if store else ""),
        rows=lambda rep: rep.line_count,
    )


def statement_spec(member_no: str, start: date | None, end: date | None,
                   lang: str = ZH_CN) -> ReportSpec:
    return ReportSpec(
        open=lambda db, actor: statement.member_statement(db, actor, member_no, start, end),
        document=lambda rep, shop: statement.statement_document(rep, shop, rep.generated_at,
                                                                lang),
        stem=lambda rep: pick(lang, "会员对账单", "statement")
        + f"_{rep.member_no}_{_span(start, end, lang)}",
        rows=lambda rep: rep.sv_count + rep.points_count,
    )


def my_shift_no(db: Any, actor: Any) -> str | None:
    from memberdesk.services.shifts.shift import current_shift

    summary = current_shift(db, actor)
    return summary.shift_no if summary is not None else None


# -- backups ---------------------------------------------------------------------------
@dataclass(frozen=True)
class BackupState:
    status: BackupStatus
    made: BackupResult | None = None
    files: tuple[BackupFile, ...] = ()  # every backup found, newest first


def status(db: Any) -> BackupState:
    return BackupState(backup_status(db), None, tuple(list_backup_files(db)))


def back_up(db: Any, actor: Any) -> BackupState:
    made = create_backup(db, actor)
    return BackupState(backup_status(db), made, tuple(list_backup_files(db)))


def restore_preview(db: Any, actor: Any, path: Path) -> RestoreLoss:
    """The quick look at ``path``, then what restoring it would take back."""
    check_restorable(path)
    return restore_loss(db, actor, path)


def restore(db: Any, actor: Any, path: Path) -> RestoreResult:
    return restore_backup(db, actor, path)
