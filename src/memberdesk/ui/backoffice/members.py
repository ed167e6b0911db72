"""会员 — the members page: two tabs. 会员列表 (:mod:`.member_list_panel`): the
member list for a million members, searched, filtered and sorted, each member's
page (:mod:`.member_dialog`) a key away. 导入导出: bring a member list over from
Excel and take it out again.

Import in three steps, the way a shop owner moving from another system does it:
save the template, fill it in, *check* the file (a dry run: what would be
created, what is already registered, every row with a problem, and the error
workbook beside the file), then import it. Importing the same file again adds
nothing twice. Export writes every member to one workbook (phones masked unless
the role may see them). All of it runs on the long-job worker with a progress
bar and Cancel. A cancelled export writes nothing; an import cancelled while it
reads the file writes nothing, and one cancelled while it writes stops after the
batch in hand and says how many members it wrote (importing the file again
carries on: registered phones are skipped).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from memberdesk.services.analytics.after_import import import_and_score
from memberdesk.services.loyalty.tiers import list_tiers
from memberdesk.services.members.export import ExportResult, export_members
from memberdesk.services.members.import_result import ImportProgress, ImportResult
from memberdesk.services.members.sheet import write_template
from memberdesk.ui.common import fmt
from memberdesk.ui.shell.tasks import TaskRunner

from ..dialogs.base import ERROR, OK, current_language, push_button
from .long_jobs import LongJobs, Progress
from .member_dialog import MemberDialog
from .member_list_panel import MemberListPanel
from .page import Page
from .sheet_jobs import SheetJobs


# -- worker side -------------------------------------------------------------------------
def save_template(path: Path, lang: str) -> Path:
    return write_template(path, lang)


def run_import(db: Any, actor: Any, path: Path, dry_run: bool, lang: str,
               progress: Progress) -> ImportResult:
    def step(p: ImportProgress) -> None:
        progress.step(p.rows_done, p.rows_total or 0)

    return import_and_score(db, actor, path, dry_run=dry_run, lang=lang, progress=step,
                            cancel=lambda: progress.cancelled)


def run_export(db: Any, actor: Any, path: Path, lang: str, progress: Progress) -> ExportResult:
    def step(done: int, total: int) -> None:
        progress.step(done, total)

    return export_members(db, actor, path, lang=lang, progress=step,
                            cancel=lambda: progress.cancelled)


# -- the page ----------------------------------------------------------------------------
class MembersPage(Page):
    def __init__(self, runner: TaskRunner, long_jobs: LongJobs, actor: Any,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, actor, "membersPage", parent)
        self.long_jobs = long_jobs
        self.jobs = SheetJobs(self, long_jobs, "memberJobProgress")
        self.jobs.changed.connect(self.update_state)
        self.checked: ImportResult | None = None  # the last dry run, ready to import
        self.imported: ImportResult | None = None
        self.exported: ExportResult | None = None
        self.import_intro = QLabel()
        self.import_intro.setWordWrap(True)
        self.template_button = push_button(self.choose_template_file)
        self.check_button = push_button(self.choose_import_file)
        self.import_button = push_button(self.import_checked, primary=True)
        self.export_intro = QLabel()
        self.export_intro.setWordWrap(True)
        self.export_button = push_button(self.choose_export_file)
        self.bar, self.cancel_button = self.jobs.bar, self.jobs.cancel_button
        self.problems = self.jobs.problems
        self._busy_buttons += [self.template_button, self.check_button, self.import_button,
                               self.export_button]
        steps = QHBoxLayout()
        steps.setSpacing(10)
        for w in (self.template_button, self.check_button, self.import_button):
            steps.addWidget(w)
        steps.addStretch(1)
        running = QHBoxLayout()
        running.addWidget(self.bar, 1)
        running.addWidget(self.cancel_button)
        export_row = QHBoxLayout()
        export_row.addWidget(self.export_button)
        export_row.addStretch(1)
        self.files = QWidget()
        files = QVBoxLayout(self.files)
        files.setContentsMargins(0, 8, 0, 0)
        files.addWidget(self.import_intro)
        files.addLayout(steps)
        files.addWidget(self.problems, 1)
        files.addSpacing(12)
        files.addWidget(self.export_intro)
        files.addLayout(export_row)
        files.addLayout(running)
        files.addStretch(1)  # takes the room while the problems list is hidden
        self.list = MemberListPanel(runner, actor, say_error=self._list_error,
                                    open_member=self.open_member)
        self.member_dialog: MemberDialog | None = None
        self._listed = False
        self.tabs = QTabWidget()
        self.tabs.setObjectName("memberTabs")
        self.tabs.addTab(self.list, "")
        self.tabs.addTab(self.files, "")
        self.tabs.currentChanged.connect(lambda _i: self._tab_changed())
        # the filters' button at the tabs' right, in the room they leave: the search
        # box keeps its width for its hint at 1024
        self.tabs.setCornerWidget(self.list.filters_button, Qt.Corner.TopRightCorner)
        self.list.filters_button.setStyleSheet("QPushButton { min-height: 0; padding: 2px 14px; }")
        self.tabs.tabBar().ensurePolished()
        self.list.filters_button.setFixedHeight(self.tabs.tabBar().sizeHint().height() - 2)
        self.body.addWidget(self.tabs, 1)
        # the list's count beside the heading (as 商品 does): the list keeps a row more
        self.heading_row.addWidget(self.list.count_label)
        self.update_state()
        self.retranslate()

    # -- state -----------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.jobs.running

    @property
    def folder(self) -> Path | None:  # where files are offered to go: the shop's exports
        return self.jobs.folder

    def update_state(self) -> None:
        idle = not self.running
        for button in (self.template_button, self.check_button, self.export_button):
            button.setEnabled(idle)
        self.import_button.setEnabled(idle and self.checked is not None
                                      and self.checked.created > 0)
        self.jobs.update_state()

    def cancel(self) -> None:
        self.jobs.cancel()

    def activated(self) -> None:
        self.jobs.fetch_folder()
        if not self._listed:
            self._listed = True
            self.fetch(list_tiers, on_done=self.list.show_tiers)
            self.list.model.reload()
        if self.tabs.currentWidget() is self.list:
            self.list.search.setFocus()

    # -- the list and a member's page ----------------------------------------------------------
    def _tab_changed(self) -> None:
        self.clear_message()
        self.retranslate()
        self.list.filters_button.setVisible(self.tabs.currentWidget() is self.list)
        self.list.count_label.setVisible(self.tabs.currentWidget() is self.list)
        if self.tabs.currentWidget() is self.list:
            self.list.search.setFocus()

    def _list_error(self, text: str) -> None:
        self.say(lambda: text, ERROR)

    def open_member(self, member_no: str) -> MemberDialog:
        dialog = MemberDialog(self.runner, self.actor, member_no, self.window())
        dialog.changed.connect(self.list.apply)
        dialog.finished.connect(lambda _r: self.list.table.setFocus())
        self.member_dialog = dialog
        dialog.open()
        return dialog

    # -- the template -------------------------------------------------------------------------
    def choose_template_file(self) -> None:
        name = self.tr("member import template") + ".xlsx"
        path = self.jobs.save_name(self.tr("Save the import template as"), name)
        if path is not None:
            self.save_template_to(path)

    def save_template_to(self, path: Path) -> None:
        self.call(save_template, path, current_language(), with_database=False,
                  on_done=lambda written: self.say(lambda: self.tr(
                      "Template saved: {path}\nFill in one member per row, then check the "
                      "file.").format(path=written), OK))

    # -- import ----------------------------------------------------------------------------------
    def choose_import_file(self) -> None:
        path = self.jobs.open_name(self.tr("Import which member list?"))
        if path is not None:
            self.check_file(path)

    def check_file(self, path: Path) -> None:
        """The dry run: nothing is written except the error workbook."""
        if self.running:
            return
        self.checked = None
        self.jobs.check(run_import, self.actor, path, self._checked)

    def _checked(self, result: ImportResult) -> None:
        self.checked = result
        self.jobs.show_problems(result)
        if result.created:
            self.say(lambda: self._summary(result) + "\n" + self.tr(
                "Nothing is written yet: press \"Import\" to create these members."), OK)
        else:
            self.say(lambda: self._summary(result) + "\n" + self.tr(
                "There is nothing to import."), ERROR if result.failed else OK)

    def import_checked(self) -> None:
        result = self.checked
        if result is None or self.running:
            return
        self.imported = None
        self.jobs.start(run_import, self.actor, result.file, False, current_language(),
                        on_done=self._imported,
                        text=lambda: self.tr("Importing {file}… payments at the counter wait until "
                                         "it is done.").format(file=result.file.name))

    def _imported(self, result: ImportResult) -> None:
        self.imported = result
        self.checked = None
        self.jobs.show_problems(result)
        self.say(lambda: self._summary(result), OK)

    def _summary(self, result: ImportResult) -> str:
        return self.jobs.summary(result)

    # -- export ------------------------------------------------------------------------------------
    def choose_export_file(self) -> None:
        name = self.tr("members {day}").format(day=fmt.shop_today().isoformat()) + ".xlsx"
        path = self.jobs.save_name(self.tr("Export the members to"), name)
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> None:
        if self.running:
            return
        self.exported = None
        self.jobs.start(run_export, self.actor, path, current_language(),
                        on_done=self._exported,
                        text=lambda: self.tr("Exporting the members to {file}…").format(
                            file=path.name))

    def _exported(self, result: ExportResult) -> None:
        self.exported = result
        if result.phones_masked:
            self.say(lambda: self.tr("Exported %n member(s) to {path} (phone numbers "
                                     "masked).", "", result.rows).format(path=result.path), OK)
        else:
            self.say(lambda: self.tr("Exported %n member(s) to {path}.", "", result.rows).format(
                path=result.path), OK)

    # -- texts ---------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        if self.tabs.currentWidget() is self.files:
            self.heading.setText(self.tr("Members: import and export"))
        else:
            self.heading.setText(self.tr("Members"))
        self.tabs.setTabText(0, self.tr("Member &list"))
        self.tabs.setTabText(1, self.tr("&Import and export"))
        self.import_intro.setText(self.tr(
            "Members from Excel: save the template, fill in a member a row (card, opening "
            "stored value and points optional), check the file, import it. Phones already "
            "registered are skipped: a file imported twice adds nobody twice."))
        self.template_button.setText(self.tr("Save the template…"))
        self.check_button.setText(self.tr("Check a file…"))
        self.import_button.setText(self.tr("Import"))
        self.export_intro.setText(self.tr(
            "Export every member to one Excel workbook. Phone numbers are masked unless your "
            "role may see them."))
        self.export_button.setText(self.tr("Export all members…"))
        self.jobs.retranslate()
        super().retranslate()
