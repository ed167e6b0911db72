"""Ctrl+Q with a shift still open asks once before the application ends.

Quitting loses nothing (every sale is saved as it is made) and the shift stays open:
whoever logs in next on this till carries on with it, or closes it with F5. The
cashier who pressed Ctrl+Q by habit at the end of the day is told so and may stay to
close the shift now. Enter (and Esc) stay; quitting takes the other button.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
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


def confirm_quit(parent: QWidget | None, shift_no: str | None) -> bool:
    """True: quit (no shift open, or the cashier chose to)."""
    if not shift_no:
        return True
    box, leave = quit_box(parent, shift_no)
    box.exec()
    if box.clickedButton() is not leave:
        return False
    log.info("quit with shift %s still open", shift_no)
    return True
