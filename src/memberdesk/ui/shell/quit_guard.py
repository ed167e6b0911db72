"""Ctrl+Q with a shift still open asks once before the application ends; so does
closing the counter or the login window (the title bar's X, Alt+F4 where a window
manager turns it into a close): :class:`GuardedClose` turns that close into the same
``quit_requested`` as Ctrl+Q, so the rule has one home (``AppController.quit``).

Quitting loses nothing (every sale is saved as it is made) and the shift stays open:
whoever logs in next on this till carries on with it, or closes it with F5. The
cashier who pressed Ctrl+Q by habit at the end of the day is told so and may stay to
close the shift now. Enter (and Esc) stay; quitting takes the other button.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMessageBox, QWidget

from memberdesk.ui.shell.i18n import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)
CONTEXT = "QuitGuard"
TITLE = QT_TRANSLATE_NOOP("QuitGuard", "Shift {number} is still open")
TEXT = QT_TRANSLATE_NOOP(
    "QuitGuard",
    "Shift {number} has not been closed. If you quit now it stays open, and nothing is "
    "lost: next time, carry on with it or close it with F5 (count the cash).\n\n"
    "To close the shift now, stay and press F5.",
)
STAY = QT_TRANSLATE_NOOP("QuitGuard", "Stay (Enter)")
QUIT = QT_TRANSLATE_NOOP("QuitGuard", "Quit, shift stays open")


def _t(text: str, **params: str) -> str:
    return QCoreApplication.translate(CONTEXT, text).format(**params)


def quit_box(parent: QWidget | None, shift_no: str) -> tuple[QMessageBox, QWidget]:
    """The question, and its quit button (Enter and Esc choose to stay)."""
    box = QMessageBox(QMessageBox.Icon.Warning, _t(TITLE, number=shift_no),
                      _t(TEXT, number=shift_no), QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("quitWithOpenShift")
    stay = box.addButton(_t(STAY), QMessageBox.ButtonRole.RejectRole)
    leave = box.addButton(_t(QUIT), QMessageBox.ButtonRole.DestructiveRole)
    leave.setObjectName("quitAnyway")
    box.setDefaultButton(stay)
    box.setEscapeButton(stay)
    return box, leave


def confirm_quit(parent: QWidget | None, shift: Any) -> bool:
    """True: quit (no shift open, or the cashier chose to). ``shift``: the open shift
    (a ``ShiftSummary``), or None."""
    shift_no = getattr(shift, "shift_no", None)
    if not shift_no:
        return True
    box, leave = quit_box(parent, shift_no)
    box.exec()
    if box.clickedButton() is not leave:
        return False
    log.info("quit with shift %s still open", shift_no)
    return True


class GuardedClose:
    """Mixin for a top-level window with a ``quit_requested`` signal (list it before the
    Qt class): while ``close_guarded`` (the application's windows, from
    :func:`guard_closes`), closing it (the title bar's X, Alt+F4 through a window
    manager) is Ctrl+Q, asked like it; the window stays, and the application ends if
    the answer is to quit. Otherwise (windows built by tests, closed by their
    clean-up) a close closes as usual."""

    close_guarded = False

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.close_guarded:
            event.ignore()
            self.quit_requested.emit()  # type: ignore[attr-defined]
            return
        parent: Any = super()
        parent.closeEvent(event)


def guard_closes(*windows: GuardedClose, on: bool = True) -> None:
    """The application's windows ask before a close ends it (``run``), until it ends."""
    for window in windows:
        window.close_guarded = on
