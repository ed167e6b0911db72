"""Bugs end here: the traceback goes to the rotating log, the user sees a dialog.

:class:`CrashHandler` replaces ``sys.excepthook`` and ``threading.excepthook``
(the task runner also sends worker failures to ``sys.excepthook``). It may be
called on any thread; the dialog is always shown on the GUI thread, one at a
time, and a failure of the dialog itself is only logged: it never recurses.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from memberdesk.ui.shell.i18n import Retranslating

log = logging.getLogger("memberdesk.crash")

CRASH_EXIT_CODE = 70  # EX_SOFTWARE


class CrashDialog(Retranslating, QDialog):
    """What went wrong, where the log is, and a button to copy the details."""

    quit_requested = Signal()

    def __init__(self, details: str, log_file: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setModal(True)
        self.details = details
        self.log_file = log_file
        self.heading = QLabel()
        self.heading.setObjectName("crashHeading")
        self.heading.setWordWrap(True)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_view = QPlainTextEdit(details)
        self.details_view.setReadOnly(True)
        self.details_view.setObjectName("crashDetails")
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self.copy_details)
        self.continue_button = QPushButton()
        self.continue_button.setDefault(True)
        self.continue_button.clicked.connect(self.accept)
        self.quit_button = QPushButton()
        self.quit_button.clicked.connect(self._quit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.continue_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        layout.addWidget(self.details_view, 1)
        layout.addLayout(buttons)
        self.resize(760, 520)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("MemberDesk: unexpected error"))
        self.heading.setText(self.tr("Sorry, MemberDesk ran into an unexpected problem."))
        self.explanation.setText(
            self.tr(
                "Every sale and top-up is saved whole or not at all, so finished work is safe. "
                "The details were written to the log file:\n{path}\n"
                "Please send this file to your support contact."
            ).format(path=self.log_file)
        )
        self.copy_button.setText(self.tr("Copy details"))
        self.continue_button.setText(self.tr("Continue"))
        self.quit_button.setText(self.tr("Quit MemberDesk"))

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(f"{self.details}\nlog: {self.log_file}\n")
        self.copy_button.setText(self.tr("Copied"))

    def _quit(self) -> None:
        self.quit_requested.emit()
        self.reject()


class CrashHandler(QObject):
    """Install with :meth:`install`; undo with :meth:`uninstall`."""

    shown = Signal(object)  # CrashDialog, when it opens (for tests)
    _show_requested = Signal(str)

    def __init__(self, log_file: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_file = log_file
        self._showing = False
        self._previous: tuple[Any, Any] | None = None
        self.count = 0
        # Always queued: the dialog opens from the event loop, never inside the
        # hook, and hooks called on other threads reach the GUI thread.
        self._show_requested.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        if self._previous is None:
            self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None

    # -- hooks (any thread) -------------------------------------------------------
    def excepthook(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        self.handle(exc_type, exc, tb, threading.current_thread().name)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit or args.exc_value is None:
            return
        name = args.thread.name if args.thread is not None else "?"
        self.handle(args.exc_type, args.exc_value, args.exc_traceback, name)

    def handle(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
        thread_name: str,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        try:
            details = "".join(traceback.format_exception(exc_type, exc, tb))
            log.critical("unhandled exception on thread %s\n%s", thread_name, details.rstrip())
            self.count += 1
            if QApplication.instance() is None:
                sys.__excepthook__(exc_type, exc, tb)
                return
            self._show_requested.emit(details)
        except Exception:
            # The last resort must not raise: print both and carry on.
            sys.__excepthook__(exc_type, exc, tb)
            traceback.print_exc()

    # -- the dialog (GUI thread) ---------------------------------------------------
    def _show(self, details: str) -> None:
        if self._showing:
            log.error("another unexpected error while the crash dialog is open (logged above)")
            return
        self._showing = True
        try:
            dialog = CrashDialog(details, self.log_file, QApplication.activeWindow())
            dialog.quit_requested.connect(self._quit)
            self.shown.emit(dialog)
            dialog.exec()
            dialog.deleteLater()
        except Exception:
            log.exception("the crash dialog itself failed")
        finally:
            self._showing = False

    @staticmethod
    def _quit() -> None:
        QCoreApplication.exit(CRASH_EXIT_CODE)
