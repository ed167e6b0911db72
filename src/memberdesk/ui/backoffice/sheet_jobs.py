"""What a back-office page with Excel import and export shares (会员, 商品): one
long job at a time on the long-job worker with its progress bar and Cancel, the
file dialogs that start in the shop's exports folder, and the list of rows an
import refused. The page lays out :attr:`SheetJobs.bar`,
:attr:`SheetJobs.cancel_button` and :attr:`SheetJobs.problems` where it likes and
hears :attr:`SheetJobs.changed` to update its buttons."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QPlainTextEdit
from shiboken6 import isValid

from memberdesk.services.shared.errors import UserError
from memberdesk.services.sheets.importer import RowProblem

from ..dialogs.base import current_language, push_button
from .long_jobs import JobBar, LongJobs, Progress

XLSX_FILTER = "Excel (*.xlsx)"


def exports_folder(db: Any) -> Path:
    """The shop's exports folder (worker side), where files are offered to go."""
    folder: Path = db.paths.exports
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class SheetJobs(QObject):
    changed = Signal()  # a job started or ended: the page updates its buttons

    def __init__(self, page: Any, long_jobs: LongJobs, bar_name: str) -> None:
        super().__init__(page)
        self.page = page  # a Page: say(), show_error(), fetch()
        self.long_jobs = long_jobs
        self.progress: Progress | None = None
        self.folder: Path | None = None
        self.bar = JobBar()
        self.bar.setObjectName(bar_name)
        self.cancel_button = push_button(self.cancel)
        self.problems = QPlainTextEdit()
        self.problems.setObjectName("importProblems")
        self.problems.setReadOnly(True)

    @property
    def running(self) -> bool:
        return self.progress is not None

    def update_state(self) -> None:
        self.bar.setVisible(self.running)
        self.cancel_button.setVisible(self.running)
        self.problems.setVisible(bool(self.problems.toPlainText()))

    def start(self, job: Callable[..., Any], *args: Any, on_done: Callable[[Any], None],
              text: Callable[[], str]) -> None:  # fmt: skip
        """``job(db, *args, progress)`` on the long-job worker; ``text`` said meanwhile."""
        page = self.page

        def done(result: Any) -> None:
            if isValid(page):
                on_done(result)

        def failed(error: UserError) -> None:
            if isValid(page):
                page.show_error(error)

        def finish() -> None:  # after the result, a user error or a bug
            if isValid(self) and self.progress is progress:
                self.progress = None
                self.changed.emit()

        progress = self.long_jobs.call_with_progress(job, *args, on_done=done,
                                                     on_user_error=failed, on_finally=finish)
        self.progress = progress
        self.bar.follow(progress)
        page.say(text)
        self.changed.emit()

    def cancel(self) -> None:
        if self.progress is not None:
            self.progress.cancel()
            self.page.say(lambda: self.tr("Cancelling…"))

    def fetch_folder(self) -> None:
        if self.folder is None:
            self.page.fetch(exports_folder, on_done=lambda folder: setattr(self, "folder", folder))

    def save_name(self, title: str, name: str) -> Path | None:
        start = str(self.folder / name) if self.folder is not None else name
        path, _filter = QFileDialog.getSaveFileName(self.page, title, start, XLSX_FILTER)
        if not path:
            return None
        return Path(path if path.lower().endswith(".xlsx") else path + ".xlsx")

    def open_name(self, title: str) -> Path | None:
        path, _filter = QFileDialog.getOpenFileName(self.page, title, str(Path.home()),
                                                    XLSX_FILTER)  # fmt: skip
        return Path(path) if path else None

    # -- an import: a check (dry run) first, then the import --------------------------------
    def check(self, job: Callable[..., Any], actor: Any, path: Path,
              on_done: Callable[[Any], None]) -> None:  # fmt: skip
        """``job(db, actor, path, dry_run, lang, progress)`` as a dry run: nothing is
        written except the error workbook."""
        self.problems.clear()
        self.update_state()
        self.start(job, actor, path, True, current_language(), on_done=on_done,
                   text=lambda: self.tr("Checking {file}…").format(file=path.name))

    def show_problems(self, result: Any) -> None:
        """The rows an import (or its check) refused, with their reasons."""
        problems: Sequence[RowProblem] = result.problems
        lang = current_language()
        lines = [self.tr("Row {row}: {problem}").format(row=p.row, problem=p.text(lang))
                 for p in problems]
        if result.failed > len(problems):
            lines.append(self.tr("… and more: see the error workbook."))
        self.problems.setPlainText("\n".join(lines))
        self.update_state()

    def summary(self, result: Any) -> str:
        """An import's (or check's) summary and where its error workbook is."""
        text: str = result.summary(current_language())
        if result.error_report is not None:
            text += "\n" + self.tr("The rows with problems, each with its reason, are in "
                                   "{path}: correct them there and import that file.").format(
                path=result.error_report)
        return text

    def retranslate(self) -> None:
        self.cancel_button.setText(self.tr("Cancel"))

