"""The keys come back to the counter after every dialog (issue 11).

Shop PCs run the counter full screen without a window manager. There, when a dialog
goes away nothing makes the counter the active window again: X puts the keyboard on
the root window, Qt has no active window, and the counter's window shortcuts (F-keys,
F12) do nothing until the cashier clicks. :class:`DialogFocus` watches every dialog
opened over the counter (and the dialogs opened over those: an approval over a
refund); when one is hidden it activates the window under it (the dialog beneath, or
the counter) and, for the counter, gives the focus back to its input: the widget a
controller chose when the dialog closed (``MainWindow.focus_entry`` after a sale),
else the one that had it before, else the member lookup.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

if TYPE_CHECKING:
    from memberdesk.ui.counter.type_ahead import TypeAhead


class DialogFocus(QObject):
    def __init__(self, window: QWidget, fallback: Callable[[], QWidget],
                 type_ahead: TypeAhead | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.fallback = fallback  # the input when the window had none
        self.type_ahead = type_ahead  # holds the keys typed until the window takes them
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ChildPolished:  # (ChildAdded comes before it is a dialog)
            child = event.child()  # type: ignore[attr-defined]
            if isinstance(child, QDialog):
                child.installEventFilter(self)  # and the dialogs opened over it
        elif kind == QEvent.Type.Hide and isinstance(watched, QDialog) and watched.isWindow():
            under = watched.parentWidget()
            if under is not None:
                self._hand_back_keyboard(under.window())
                # After the slot that closed it: a controller may open the next
                # dialog (the receipt after the payment) or choose the field first.
                QTimer.singleShot(0, lambda: self._give_back(under.window()))
        return False

    def _hand_back_keyboard(self, under: QWidget) -> None:
        """At once, not after the slot: the window system gives the keyboard to the
        counter now, so the keys typed while the dialog goes away (the next phone after
        开班 + Enter) reach it instead of nobody; the type-ahead holds them until the
        counter's field has the focus (:meth:`_give_back`)."""
        if under is not self.window or not self.window.isVisible():
            return
        if self.type_ahead is not None:
            self.type_ahead.bridge()
        if QApplication.activeModalWidget() is None:
            self.window.activateWindow()

    def _give_back(self, under: QWidget) -> None:
        modal = QApplication.activeModalWidget()
        target = modal if modal is not None else under
        if not target.isVisible():
            return
        if target is not self.window:
            if QApplication.activeWindow() is not target:
                target.activateWindow()
            return
        if QApplication.activeWindow() is not self.window:
            self.window.activateWindow()
        focus = QApplication.focusWidget()
        if focus is None or focus.window() is not self.window:
            field = self.window.focusWidget()
            if field is None or not field.isVisible() or not field.isEnabled():
                field = self.fallback()
            field.setFocus()
