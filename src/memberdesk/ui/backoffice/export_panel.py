"""Export the report on screen to Excel and PDF, in the background, with a
progress bar and a Cancel button (an export is written under a temporary name,
so cancelling leaves nothing half-written); print it.

Files go to the shop's ``exports`` folder unless another folder is chosen (a
USB stick, say). Ctrl+E exports, Ctrl+P prints.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from memberdesk.services.shared.errors import UserError
from memberdesk.ui.shell.i18n import Retranslating

from ..dialogs.base import ERROR, OK, current_language, push_button, restyle
from . import jobs
from .long_jobs import JobBar, LongJobs, Progress
from .preview import ReportPreview

SHORTCUTS = ("Ctrl+E", "Ctrl+P")


class _KeepShortcuts(QObject):
    """A text field takes Ctrl+E for itself (end of line, on Linux), so the
    export shortcut did nothing while the cursor was in a date or a member number.
    Filtered fields leave these keys to the shortcuts."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride:
            key = cast(QKeyEvent, event)
            if QKeySequence(key.keyCombination()).toString() in SHORTCUTS:
                return True  # not accepted by the field: the shortcut fires
        return False


class ExportPanel(Retranslating, QWidget):
    exported = Signal(list)  # the files written
    export_failed = Signal(object)  # UserError

    def __init__(self, long_jobs: LongJobs, actor: Any, preview: ReportPreview,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportPanel")
        self.long_jobs = long_jobs
        self.actor = actor
        self.preview = preview
        self.spec: jobs.ReportSpec | None = None
        self.folder: Path | None = None  # None: the shop's exports folder
        self.progress: Progress | None = None
        self.written: list[Path] = []
        self._status: tuple[str, Any] = ("", None)  # (kind, payload), re-rendered on a language change

        self.xlsx = QCheckBox()
        self.xlsx.setChecked(True)
        self.pdf = QCheckBox()
        self.pdf.setChecked(True)
        self.export_button = push_button(self.export, primary=True)
        self.print_button = push_button(self.print_report)
        self.folder_button = push_button(self.choose_folder)
        self.cancel_button = push_button(self.cancel)
        self.bar = JobBar()
        self.bar.setObjectName("exportProgress")
        self.status = QLabel()
        self.status.setObjectName("dialogMessage")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._row = row = QHBoxLayout()
        row.setSpacing(10)
        for w in (self.export_button, self.print_button, self.folder_button):
            row.addWidget(w)
        row.addStretch(1)
        self._formats = formats = QHBoxLayout()
        formats.setSpacing(16)
        formats.addWidget(self.xlsx)
        formats.addWidget(self.pdf)
        formats.addStretch(1)
        formats.addWidget(self.bar, 4)
        formats.addWidget(self.cancel_button)
        self._layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(row)
        layout.addLayout(formats)
        layout.addWidget(self.status)
        self._keeper = _KeepShortcuts(self)
        for key, slot in zip(SHORTCUTS, (self.export, self.print_report), strict=True):
            action = QAction(self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
        self.set_spec(None)
        self.retranslate()

    def stack_buttons(self) -> QWidget:
        """For a page short of height (the day close): the panel becomes one row, the
        formats and, beside them, where the files go; Export, Print and Choose folder
        stand in the column returned, for the page to put beside its figures, or (not
        :meth:`set_stacked`) head the row."""
        self.buttons_column = column = QWidget()
        column.setObjectName("exportButtons")
        self._stack = QVBoxLayout(column)
        self._stack.setContentsMargins(0, 0, 0, 0)
        self._stack.setSpacing(10)
        self._stack.addStretch(1)
        for w in (self.export_button, self.print_button, self.folder_button):
            self._row.removeWidget(w)
        self._layout.removeItem(self._row)
        self._formats.takeAt(2)  # (the stretch after PDF): the status takes it
        self._formats.insertWidget(2, self.status, 1)
        self.stacked = False
        self.set_stacked(True)
        return column

    def set_stacked(self, stacked: bool) -> None:
        """The buttons in their column (:meth:`stack_buttons`) or at the row's head."""
        self.stacked = stacked
        for i, w in enumerate((self.export_button, self.print_button, self.folder_button)):
            (self._formats if stacked else self._stack).removeWidget(w)
            (self._stack if stacked else self._formats).insertWidget(i, w)
        self.buttons_column.setVisible(stacked)

    def row_width(self) -> int:
        """The width the formats' row needs with the buttons at its head (not
        :meth:`set_stacked`): the buttons, the two formats, their spacing and the status
        at its narrowest."""
        widgets = (self.export_button, self.print_button, self.folder_button, self.xlsx,
                   self.pdf)
        return (sum(w.sizeHint().width() for w in widgets) + self.status.minimumSizeHint().width()
                + self._formats.spacing() * len(widgets))

    def buttons_width(self) -> int:
        """The width of the buttons' column."""
        return max(w.sizeHint().width()
                   for w in (self.export_button, self.print_button, self.folder_button))

    def keep_shortcuts_in(self, page: QWidget) -> None:
        """Ctrl+E and Ctrl+P work in every text and date field of ``page`` too."""
        for field in page.findChildren(QLineEdit) + page.findChildren(QAbstractSpinBox):
            field.installEventFilter(self._keeper)

    # -- state -----------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.progress is not None

    def set_spec(self, spec: jobs.ReportSpec | None) -> None:
        """The report now on screen (None: nothing to export)."""
        self.spec = spec
        self._update()

    def _update(self) -> None:
        ready = self.spec is not None and not self.running
        self.export_button.setEnabled(ready)
        self.print_button.setEnabled(ready and self.preview.has_document)
        self.folder_button.setEnabled(not self.running)
        self.bar.setVisible(self.running)
        self.cancel_button.setVisible(self.running)

    def _say(self, kind: str, payload: Any = None) -> None:
        self._status = (kind, payload)
        self._render_status()

    # -- exporting ---------------------------------------------------------------------------
    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export to which folder?"))
        if folder:
            self.folder = Path(folder)
            self._render_status()

    def export(self) -> None:
        if self.spec is None or self.running:
            return
        if not (self.xlsx.isChecked() or self.pdf.isChecked()):
            self._say("pick")
            return
        def finish() -> None:  # after the result, a user error or a bug
            if isValid(self) and self.progress is progress:
                self._finish()

        progress = self.long_jobs.call_with_progress(
            jobs.export, self.actor, self.spec, self.folder, self.xlsx.isChecked(),
            self.pdf.isChecked(), on_done=self._done, on_user_error=self._failed,
            on_finally=finish,
        )
        self.progress = progress
        self.bar.follow(progress)
        self._say("running")
        self._update()

    def cancel(self) -> None:
        if self.progress is not None:
            self.progress.cancel()
            self._say("cancelling")

    def _finish(self) -> None:
        self.progress = None
        self._update()

    def _done(self, written: list[Path]) -> None:
        if not isValid(self):
            return
        self._finish()
        self.written = written
        self._say("done", written)
        self.exported.emit(written)

    def _failed(self, error: UserError) -> None:
        if not isValid(self):
            return
        self._finish()
        self._say("error", error)
        self.export_failed.emit(error)

    # -- printing ----------------------------------------------------------------------------
    def print_report(self) -> None:
        if self.preview.has_document and not self.running:
            self.preview.print_with_dialog(self.folder)

    # -- texts ----------------------------------------------------------------------------------
    def _render_status(self) -> None:
        kind, payload = self._status
        payload = cast(Any, payload)
        tone = ""
        if kind == "pick":
            text, tone = self.tr("Tick Excel, PDF or both."), ERROR
        elif kind == "running":
            text = self.tr("Exporting… you can keep working at the counter.")
        elif kind == "cancelling":
            text = self.tr("Cancelling…")
        elif kind == "done":
            text, tone = self.tr("Written: {files}").format(
                files="\n".join(str(p) for p in payload)), OK
        elif kind == "error":
            text, tone = payload.message(current_language()), ERROR
        else:
            where = str(self.folder) if self.folder else self.tr("the shop's exports folder")
            text = self.tr("Files go to {folder}.").format(folder=where)
        self.status.setText(text)
        self.status.setProperty("tone", tone)
        restyle(self.status)

    def retranslate(self) -> None:
        self.xlsx.setText(self.tr("E&xcel"))
        self.pdf.setText(self.tr("P&DF"))
        self.export_button.setText(self.tr("Export (Ctrl+E)"))
        self.print_button.setText(self.tr("Print… (Ctrl+P)"))
        self.folder_button.setText(self.tr("Choose folder…"))
        self.cancel_button.setText(self.tr("Cancel export"))
        self._render_status()
