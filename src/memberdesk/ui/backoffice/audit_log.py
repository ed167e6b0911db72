"""审计's audit log tab (the owner's; :mod:`.audit` holds the tabs): a lazy list (:mod:`.audit_model`, newest first, 200 rows a
page) filtered by action, staff member and the shop's dates (any change applies
at once); the picked row's detail in words (old → new); Ctrl+K checks the whole
hash chain on the long-job worker with a progress bar (a million rows take a
while; the window stays usable, Esc-free Cancel stops it); Ctrl+E exports the
filtered rows to Excel in the shop's exports folder."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QTableView,
    QTextBrowser,
    QWidget,
)
from shiboken6 import isValid

from memberdesk.services.audit.export import AuditExport, export_audit
from memberdesk.services.audit.view import (
    AuditChoices,
    ChainVerdict,
    action_name,
    audit_choices,
    detail_lines,
    parse_filter,
    verify_audit_chain,
)
from memberdesk.services.shared.errors import UserError
from memberdesk.ui.common import fmt
from memberdesk.ui.common.column_fit import fit_columns
from memberdesk.ui.common.widgets import PickerBox
from memberdesk.ui.shell.tasks import TaskRunner

from ..dialogs.base import ERROR, OK, current_language, push_button, restyle
from .audit_model import AuditModel
from .long_jobs import JobBar, LongJobs, Progress
from .page import Page


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def _date_edit(name: str) -> QDateEdit:
    edit = QDateEdit(fmt.shop_qdate())
    edit.setObjectName(name)
    edit.setDisplayFormat(fmt.DATE_FORMAT)
    edit.setFixedWidth(edit.fontMetrics().horizontalAdvance("2026-12-31") + 34)
    return edit


def _picker(name: str) -> PickerBox:
    """A filter's picker that may be narrower than its longest entry (the page must
    fit a 1024-wide screen)."""
    box = PickerBox()
    box.setObjectName(name)
    box.setSizeAdjustPolicy(PickerBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(3)
    return box


def _check_chain(db: Any, actor: Any, progress: Progress) -> ChainVerdict:
    return verify_audit_chain(db, actor, progress.step)


def _export(db: Any, actor: Any, flt: Any, lang: str, progress: Progress) -> AuditExport:
    return export_audit(db, actor, flt, db.paths.exports, lang, progress.step)


class AuditLog(Page):
    """The audit log tab (owner)."""

    def __init__(self, runner: TaskRunner, long_jobs: LongJobs, actor: Any,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, actor, "auditLog", parent)
        self.heading.hide()
        self.long_jobs = long_jobs
        self.choices: AuditChoices | None = None
        self.verdict: ChainVerdict | None = None
        self.job: Progress | None = None
        self.job_kind = ""
        self.action = _picker("auditAction")
        self.staff = _picker("auditStaff")
        self.dated = QCheckBox()
        self.dated.setObjectName("auditDated")
        self.start = _date_edit("auditStart")
        self.end = _date_edit("auditEnd")
        self.count_label = QLabel()
        self.labels = [QLabel(), QLabel()]
        self.labels[0].setBuddy(self.action)
        self.labels[1].setBuddy(self.staff)
        self.apply_timer = QTimer(self)
        self.apply_timer.setSingleShot(True)
        self.apply_timer.setInterval(250)
        self.apply_timer.timeout.connect(self.apply_filter)
        for combo in (self.action, self.staff):
            combo.currentIndexChanged.connect(lambda _i: self._filter_changed())
        self.dated.toggled.connect(lambda _on: self._filter_changed())
        for edit in (self.start, self.end):
            edit.dateChanged.connect(lambda _d: self._filter_changed())
        filters = QHBoxLayout()  # who and what; below it, when (fits a 1024-wide screen)
        filters.setSpacing(6)
        filters.addWidget(self.labels[0])
        filters.addWidget(self.action, 3)
        filters.addWidget(self.labels[1])
        filters.addWidget(self.staff, 2)
        dates = QHBoxLayout()
        dates.setSpacing(6)
        dates.addWidget(self.dated)
        dates.addWidget(self.start)
        dates.addWidget(self.end)
        dates.addStretch(1)
        self.model = AuditModel(runner, actor, on_loaded=self._loaded, on_error=self.show_error)
        self.table = QTableView()
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        # the action, the approver and the object give way (elided, whole in the tool tip)
        fit_columns(self.table, elastic=(2, 4, 5), samples={
            0: "99999", 1: "2026-12-31 23:59:59", 2: "shift opened", 3: "欧阳小明"})
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _p: self._pick(cur.row()))
        self.detail = QTextBrowser()
        self.detail.setObjectName("auditDetail")
        self.detail.setMaximumHeight(104)
        self.detail.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.check_button = push_button(self.check_chain)
        self.check_button.setObjectName("auditCheck")
        self.export_button = push_button(self.export)
        self.cancel_button = push_button(self.cancel_job)
        self.bar = JobBar()
        self.bar.setObjectName("auditProgress")
        self.chain_label = QLabel()
        self.chain_label.setObjectName("dialogMessage")  # its tones (ok, error) from the theme
        self.chain_label.setWordWrap(True)
        self.chain_label.setMinimumWidth(160)  # wraps rather than widening the window
        self.chain_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        jobs_row = QHBoxLayout()
        jobs_row.setSpacing(8)
        jobs_row.addWidget(self.check_button)
        jobs_row.addWidget(self.export_button)
        jobs_row.addWidget(self.bar, 1)
        jobs_row.addWidget(self.cancel_button)
        jobs_row.addWidget(self.chain_label, 2)
        self.count_label.setWordWrap(True)
        dates.addWidget(self.count_label)  # beside the dates: the list keeps a row more
        self.body.addLayout(filters)
        self.body.addLayout(dates)
        self.body.addWidget(self.table, 1)
        self.body.addWidget(self.detail)
        self.body.addLayout(jobs_row)
        for key, slot in (("Ctrl+K", self.check_chain), ("Ctrl+E", self.export)):
            action = QAction(self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
        self._loaded_once = False
        self._filling = False
        self.start.setEnabled(False)  # until Dates is ticked
        self.end.setEnabled(False)
        self.update_state()
        self.retranslate()

    # -- loading ---------------------------------------------------------------------------
    def activated(self) -> None:
        if not self._loaded_once:
            self._loaded_once = True
            self.fetch(audit_choices, self.actor, on_done=self._show_choices)
            self.model.reload()
        self.table.setFocus()

    def _show_choices(self, choices: AuditChoices) -> None:
        self.choices = choices
        self._filling = True
        keep_action, keep_staff = self.action.currentData(), self.staff.currentData()
        self.action.clear()
        self.action.addItem("", "")
        for a in choices.actions:
            self.action.addItem(action_name(a, current_language()), a)
        self.staff.clear()
        self.staff.addItem("", None)
        for staff_id, name in choices.staff:
            self.staff.addItem(name, staff_id)
        self.action.setCurrentIndex(max(0, self.action.findData(keep_action)))
        self.staff.setCurrentIndex(max(0, self.staff.findData(keep_staff)))
        if not self._loaded_once or self.start.date() == self.end.date():
            self.end.setDate(_qdate(choices.today))
            self.start.setDate(_qdate(choices.today).addDays(-6))
        self._filling = False
        self._render_choices()

    def _filter_changed(self) -> None:
        self.start.setEnabled(self.dated.isChecked())
        self.end.setEnabled(self.dated.isChecked())
        if not self._filling:
            self.apply_timer.start()

    def _filter(self) -> Any:
        start = end = None
        if self.dated.isChecked():
            start, end = _day(self.start.date()), _day(self.end.date())
        return parse_filter(self.action.currentData() or "", self.staff.currentData(),
                            start, end)

    def apply_filter(self) -> None:
        self.apply_timer.stop()
        try:
            flt = self._filter()
        except UserError as exc:
            self.show_error(exc)
            return
        self.clear_message()
        self.detail.clear()
        self.model.reload(flt)

    def _loaded(self) -> None:
        self._render_count()
        if self.model.rows and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    # -- the picked row --------------------------------------------------------------------
    def _pick(self, row: int) -> None:
        found = self.model.row(row)
        if found is None:
            self.detail.clear()
            return
        lang = current_language()
        row_text = self.tr("Row {no}").format(no=found.id)
        head = (f"<p><b>{row_text}</b> · {_esc(action_name(found.action, lang))} · "
                f"{fmt.local_text(found.at, seconds=True)}</p>")
        lines = detail_lines(found.detail, lang)
        if not lines:
            nothing = self.tr("No details recorded.")
            self.detail.setHtml(f"{head}<p>{nothing}</p>")
            return
        cells = []
        for line in lines:
            value = (f"{_esc(line.old)} → <b>{_esc(line.new)}</b>" if line.changed
                     else _esc(line.new))
            cells.append(f"<tr><td style='padding-right:14px;color:#5a6270'>{_esc(line.field)}"
                         f"</td><td>{value}</td></tr>")
        self.detail.setHtml(head + "<table>" + "".join(cells) + "</table>")

    # -- the chain and the export -------------------------------------------------------------
    def check_chain(self) -> None:
        if self.job is not None:
            return
        self.verdict = None
        self._start_job("check", _check_chain, self.actor)
        self._render_chain()

    def export(self) -> None:
        if self.job is not None:
            return
        try:
            flt = self._filter()
        except UserError as exc:
            self.show_error(exc)
            return
        self._start_job("export", _export, self.actor, flt, current_language())
        self.say(lambda: self.tr("Exporting… you can keep working."))

    def _start_job(self, kind: str, job: Any, *args: Any) -> None:
        def finish() -> None:
            if isValid(self) and self.job is progress:
                self.job = None
                self.job_kind = ""
                self.update_state()
                self._render_chain()

        def done(result: Any) -> None:
            if isValid(self):
                self._job_done(kind, result)

        def failed(error: UserError) -> None:
            if isValid(self):
                self.show_error(error)

        progress = self.long_jobs.call_with_progress(job, *args, on_done=done,
                                                     on_user_error=failed, on_finally=finish)
        self.job = progress
        self.job_kind = kind
        self.bar.follow(progress)
        self.update_state()

    def _job_done(self, kind: str, result: Any) -> None:
        if kind == "check":
            self.verdict = result
            self._render_chain()
            return
        written: AuditExport = result
        self.say(lambda: self.tr("%Ln row(s) written to {path}", "", written.rows).format(
            path=str(written.path)), OK)
        self.model.reload()  # the export is in the log now

    def cancel_job(self) -> None:
        if self.job is not None:
            self.job.cancel()

    # -- state and texts ---------------------------------------------------------------------
    def update_state(self) -> None:
        running = self.job is not None
        # the bar and Stop take the buttons' place (the row must fit a 1024 screen)
        self.check_button.setVisible(not running)
        self.export_button.setVisible(not running)
        self.bar.setVisible(running)
        self.cancel_button.setVisible(running)

    def _render_chain(self) -> None:
        if self.job is not None and self.job_kind == "check":
            text, tone = self.tr("Checking the audit chain… you can keep working."), ""
        elif self.verdict is None:
            text, tone = self.tr("Ctrl+K checks that no row was altered or deleted."), ""
        else:
            lang = current_language()
            text = self.verdict.summary(lang)
            extra = [f.message(lang) for f in self.verdict.findings if f.kind == "key_missing"]
            text = "\n".join([text, *extra])
            tone = OK if self.verdict.intact else ERROR
        self.chain_label.setText(text)
        self.chain_label.setProperty("tone", tone)
        restyle(self.chain_label)

    def _render_choices(self) -> None:
        if self.action.count():
            self.action.setItemText(0, self.tr("All actions"))
        if self.staff.count():
            self.staff.setItemText(0, self.tr("All staff"))
        if self.choices is not None:
            lang = current_language()
            for i, a in enumerate(self.choices.actions, start=1):
                if i < self.action.count():
                    self.action.setItemText(i, action_name(a, lang))

    def _render_count(self) -> None:
        shown = len(self.model.rows)
        if not shown:
            text = self.tr("No rows match.")
        elif self.model.more:
            text = self.tr("Newest %Ln row(s) shown; scroll for more.", "", shown)
        else:
            text = self.tr("%Ln row(s).", "", shown)
        self.count_label.setText(text)

    def retranslate(self) -> None:
        self.labels[0].setText(self.tr("&Action"))
        self.labels[1].setText(self.tr("S&taff"))
        self.dated.setText(self.tr("&Dates"))
        self.check_button.setText(self.tr("Check the chain (Ctrl+K)"))
        self.export_button.setText(self.tr("Export to Excel (Ctrl+E)"))
        self.cancel_button.setText(self.tr("Stop"))
        self.model.retranslate()
        self._render_choices()
        self._render_count()
        self._render_chain()
        self._pick(self.table.currentIndex().row())
        super().retranslate()


def _esc(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("\n", "<br>"))
