"""分析 — the member analysis page (issue 13, section 2): as of a business date, every
figure of the analysis report as a chart (drawn here with QPainter) beside its table,
the same Document the PDF and the workbook are written from; a refresh of the scores
on the long-job worker with its progress; export to Excel and PDF.

The chart widget is imported when the page first shows figures, not at start-up."""

from __future__ import annotations

from datetime import date
from typing import Any, cast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from memberdesk.services.shared.errors import UserError
from memberdesk.ui.common import fmt
from memberdesk.ui.shell.tasks import TaskRunner

from ..dialogs.base import current_language, push_button
from . import analysis_data
from .export_panel import ExportPanel
from .jobs import ScreenTable
from .long_jobs import JobBar, LongJobs, Progress
from .page import Page
from .preview import ReportPreview

MAX_TABLE_ROWS = 12  # taller tables scroll inside themselves
SIDE_COLUMNS = 3  # tables this narrow stand beside their chart


def screen_table(t: ScreenTable, name: str) -> QTableWidget:
    """A read-only table of a report table's formatted cells."""
    w = QTableWidget(len(t.rows), len(t.headers))
    w.setObjectName(name)
    w.setHorizontalHeaderLabels(list(t.headers))
    w.verticalHeader().setVisible(False)
    w.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    w.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    w.setWordWrap(False)
    for r, row in enumerate(t.rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem(value)
            if t.numeric[c]:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            w.setItem(r, c, item)
    header = w.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    w.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
    if len(t.rows) <= MAX_TABLE_ROWS:  # the whole table shows: no scroll bar of its own
        w.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    else:
        w.setMaximumHeight(header.sizeHint().height()
                           + MAX_TABLE_ROWS * w.verticalHeader().defaultSectionSize())
    w.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed
                    if len(t.rows) <= MAX_TABLE_ROWS else QSizePolicy.Policy.Preferred)
    return w


class AnalysisPage(Page):
    def __init__(self, runner: TaskRunner, long_jobs: LongJobs, actor: Any,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, actor, "analysisPage", parent)
        self.long_jobs = long_jobs
        self.loaded: analysis_data.AnalysisScreen | None = None
        self.loaded_lang = ""
        self.tables: list[QTableWidget] = []
        self.charts: list[QWidget] = []
        self.progress: Progress | None = None
        self.as_of = QDateEdit(fmt.shop_qdate())
        self.as_of.setObjectName("analysisAsOf")
        self.as_of.setDisplayFormat(fmt.DATE_FORMAT)
        self.as_of.setMaximumDate(fmt.shop_qdate())
        self.as_of_label = QLabel()
        self.as_of_label.setBuddy(self.as_of)
        self.show_button = push_button(self.show_figures, primary=True)
        self.refresh_button = push_button(self.refresh_scores)
        self._busy_buttons += [self.show_button, self.refresh_button]
        self.bar = JobBar()
        self.bar.setObjectName("analysisProgress")
        self.bar.setVisible(False)
        self.scores_note = QLabel()
        self.scores_note.setObjectName("analysisScores")
        self.scores_note.setWordWrap(True)
        top = QHBoxLayout()
        top.setSpacing(10)
        top.addWidget(self.as_of_label)
        top.addWidget(self.as_of)
        top.addWidget(self.show_button)
        top.addWidget(self.refresh_button)
        top.addWidget(self.bar, 1)
        top.addStretch(1)
        self.content = QWidget()
        self.sections = QVBoxLayout(self.content)
        self.sections.setContentsMargins(0, 0, 8, 0)
        self.sections.setSpacing(10)
        self.scroller = QScrollArea()
        self.scroller.setObjectName("analysisScroll")
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroller.setWidget(self.content)
        self.preview = ReportPreview()  # the export panel's; the page shows its own
        self.preview.setVisible(False)
        self.export_panel = ExportPanel(long_jobs, actor, self.preview)
        self.export_panel.print_button.setVisible(False)
        self.body.addLayout(top)
        self.body.addWidget(self.scores_note)
        self.body.addWidget(self.scroller, 1)
        self.body.addWidget(self.export_panel)
        self.export_panel.keep_shortcuts_in(self)
        self.retranslate()

    @property
    def day(self) -> date:
        return cast(date, self.as_of.date().toPython())

    def activated(self) -> None:
        if self.loaded is None and not self.busy:
            self.show_figures()

    def enter_pressed(self) -> None:
        self.show_figures()

    # -- figures ---------------------------------------------------------------------------
    def show_figures(self) -> None:
        if self.busy:
            return
        self.clear_message()
        lang = current_language()
        day = self.day
        self.call(analysis_data.load, self.actor, day, lang,
                  on_done=lambda s: self._shown(s, day, lang))

    def _shown(self, s: analysis_data.AnalysisScreen, day: date, lang: str) -> None:
        from .bar_chart import BarChart  # only now: the start-up never loads it

        self.loaded, self.loaded_lang = s, lang
        while self.sections.count():
            item = self.sections.takeAt(0)
            old = item.widget() if item is not None else None
            if old is not None:
                old.deleteLater()
        self.tables, self.charts = [], []
        pairs = list(s.screen.summary)
        if len(pairs) % 2:
            pairs.append(("", ""))
        half = len(pairs) // 2  # two label-value pairs a row: half the height
        summary = ScreenTable("", ("", "", "", ""), (False, True, False, True),
                              tuple((*a, *b) for a, b in zip(pairs[:half], pairs[half:],
                                                              strict=True)), False, None)
        head = screen_table(summary, "analysisSummary")
        head.horizontalHeader().setVisible(False)
        # the labels share what the values leave (elided, the whole label as a tool
        # tip): an English summary fits a 1024-pixel screen without a scroll bar
        for c in (0, 2):
            head.horizontalHeader().setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch)
            for r in range(head.rowCount()):
                cell = head.item(r, c)
                if cell is not None:
                    cell.setToolTip(cell.text())
        head.horizontalHeader().setStretchLastSection(False)
        head.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tables.append(head)
        self.sections.addWidget(head)
        for i, (t, chart) in enumerate(zip(s.screen.tables, s.charts, strict=True)):
            title = QLabel(t.title)
            title.setObjectName("sectionHeading")
            title.setWordWrap(True)
            self.sections.addWidget(title)
            table = screen_table(t, f"analysisTable{i}")
            self.tables.append(table)
            if chart is None:
                self.sections.addWidget(table)
                continue
            view = BarChart()
            view.setObjectName(f"analysisChart{i}")
            view.set_data(chart)
            self.charts.append(view)
            # a narrow table beside its chart; a wide one (category preference) below it
            row = QHBoxLayout() if len(t.headers) <= SIDE_COLUMNS else QVBoxLayout()
            row.setSpacing(12)
            row.addWidget(view, 1)
            if isinstance(row, QHBoxLayout):
                table.horizontalHeader().setStretchLastSection(False)  # as wide as its columns
                table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
                table.setSizePolicy(QSizePolicy.Policy.Fixed, table.sizePolicy().verticalPolicy())
                row.addWidget(table, 0, Qt.AlignmentFlag.AlignTop)
            else:
                row.addWidget(table)
            box = QWidget()
            box.setLayout(row)
            row.setContentsMargins(0, 0, 0, 0)
            self.sections.addWidget(box)
        note = QLabel(s.screen.note)
        note.setWordWrap(True)
        note.setObjectName("analysisNote")
        self.sections.addWidget(note)
        self.sections.addStretch(1)
        self.export_panel.set_spec(analysis_data.analysis_spec(day, lang))
        self._say_scores()

    def _say_scores(self) -> None:
        s = self.loaded
        if s is None:
            self.scores_note.setText("")
            return
        scored = s.report.scores_as_of
        if scored is None:
            text = self.tr("The scores have not been computed yet: press Refresh scores.")
        elif scored != s.report.as_of:
            text = self.tr("Segments, grades, lifecycle and the churn list are as of {scored}"
                           " (the last refresh); press Refresh scores to compute them as of"
                           " {day}.").format(scored=scored.isoformat(),
                                             day=s.report.as_of.isoformat())
        else:
            text = ""  # the summary says the date
        self.scores_note.setText(text)
        self.scores_note.setVisible(bool(text))

    # -- refresh ---------------------------------------------------------------------------
    def refresh_scores(self) -> None:
        if self.progress is not None or self.busy:
            return
        self.clear_message()

        def finish() -> None:
            if isValid(self) and self.progress is progress:
                self.progress = None
                self.bar.setVisible(False)
                self.refresh_button.setEnabled(True)

        progress = self.long_jobs.call_with_progress(
            analysis_data.refresh, self.actor, self.day, on_done=self._refreshed,
            on_user_error=self._refresh_failed, on_finally=finish)
        self.progress = progress
        self.bar.follow(progress)
        self.bar.setVisible(True)
        self.refresh_button.setEnabled(False)
        self.say(lambda: self.tr("Refreshing the scores… you can keep working at the counter."))

    def _refreshed(self, result: Any) -> None:
        if not isValid(self):
            return
        self.loaded = None
        self.show_figures()  # (clears the message line first)
        self.say(lambda: self.tr("Scores refreshed as of {day}: {members} members, {churn} "
                                 "churn warnings.").format(day=result.as_of.isoformat(),
                                                           members=result.members,
                                                           churn=result.churn))

    def _refresh_failed(self, error: UserError) -> None:
        if isValid(self):
            self.show_error(error)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Member analysis"))
        self.as_of_label.setText(self.tr("&As of"))
        self.show_button.setText(self.tr("Show (Enter)"))
        self.refresh_button.setText(self.tr("Refresh scores"))
        self._say_scores()
        if self.loaded is not None and self.loaded_lang != current_language():
            # the figures' words follow the screen's language: now, or when next shown
            if self.isVisible() and not self.busy:
                self.show_figures()
            else:
                self.loaded = None
        super().retranslate()
