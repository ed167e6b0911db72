"""Worker-side jobs of the 分析 page: the report built once, as the screen shows it
(tables formatted by :func:`jobs.on_screen`, chart values by the exporters' own
``chart_number``), and the export spec, so window, PDF and workbook agree."""

from __future__ import annotations

from contextlib import nullcontext
from dataclasses import dataclass
from datetime import date
from typing import Any

from memberdesk.reports.document import ChartKind, Document, chart_number, format_cell
from memberdesk.services.analytics.refresh import RefreshResult
from memberdesk.services.analytics.report import (
    AnalysisReport,
    analysis_report,
    refresh_analysis,
)
from memberdesk.services.reporting.analysis_doc import analysis_document
from memberdesk.services.reporting.words import ZH_CN, pick
from memberdesk.services.shop.setup import shop_info

from .jobs import ReportSpec, ScreenDocument, on_screen, static_rows
from .long_jobs import Progress


@dataclass(frozen=True)
class ChartData:
    kind: ChartKind
    labels: tuple[str, ...]
    series: tuple[str, ...]  # the series' names (column titles)
    values: tuple[tuple[float, ...], ...]  # one tuple a series
    money: bool  # values are yuan


@dataclass(frozen=True)
class AnalysisScreen:
    report: AnalysisReport
    screen: ScreenDocument
    charts: tuple[ChartData | None, ...]  # one a table


def charts_of(doc: Document) -> tuple[ChartData | None, ...]:
    out: list[ChartData | None] = []
    for t in doc.tables:
        spec = t.chart
        if spec is None:
            out.append(None)
            continue
        rows = list(t.rows())
        out.append(ChartData(
            spec.kind, tuple(format_cell(r[spec.label]) for r in rows),
            tuple(t.columns[i].title for i in spec.values),
            tuple(tuple(chart_number(r[i]) for r in rows) for i in spec.values),
            t.columns[spec.values[0]].kind.value == "money"))
    return tuple(out)


def load(db: Any, actor: Any, as_of: date | None, lang: str) -> AnalysisScreen:
    rep = analysis_report(db, actor, as_of)
    doc = analysis_document(rep, shop_info(db).name, rep.generated_at, lang)
    return AnalysisScreen(rep, on_screen(doc), charts_of(doc))


def refresh(db: Any, actor: Any, as_of: date | None, progress: Progress) -> RefreshResult:
    """The refresh button's work, in a child process beside the counter
    (:mod:`memberdesk.services.jobs.child`)."""
    from memberdesk.services.jobs.child import run_in_child

    return run_in_child(db, refresh_analysis, actor, as_of, step=progress.step)


def analysis_spec(as_of: date | None, lang: str = ZH_CN) -> ReportSpec:
    return ReportSpec(
        open=lambda db, actor: nullcontext(analysis_report(db, actor, as_of)),
        document=lambda rep, shop: analysis_document(rep, shop, rep.generated_at, lang),
        stem=lambda rep: pick(lang, "会员分析", "analysis") + f"_{rep.as_of.isoformat()}",
        rows=lambda rep: static_rows(analysis_document(rep, "", rep.generated_at, lang)),
    )
