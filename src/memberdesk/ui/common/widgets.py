"""Small widgets shared by several screens."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import (
    QAction,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QWheelEvent,
)
from PySide6.QtWidgets import QComboBox, QSpinBox, QStyle, QStyleOptionComboBox, QWidget


def key_action(widget: QWidget, key: str, slot: Callable[[], object],
               context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut) -> QAction:
    """A shortcut of ``widget`` calling ``slot``: while its window is active, or (with
    ``WidgetWithChildrenShortcut``) while the focus is in ``widget``."""
    action = QAction(widget)
    action.setShortcut(QKeySequence(key))
    action.setShortcutContext(context)
    action.triggered.connect(slot)
    widget.addAction(action)
    return action


def wheel_only_when_focused(box: QWidget, event: QWheelEvent) -> bool:
    """Whether ``box`` (a choice or a number) takes the wheel: only while it is being
    edited (it has the focus, from a click or Tab). Scrolling a page past it moves the
    page: a trial scrolling 设置 turned 界面语言 to English without a click."""
    if box.hasFocus():
        return True
    event.ignore()  # to the page under it
    return False


class PickerBox(QComboBox):
    """A combo box that paints a clear chevron itself (the stylesheet hides
    Qt's arrow, which is tiny once the box is styled). Enter moves on to the
    next field, as in a paper form. The wheel turns it only when it has the focus
    (:func:`wheel_only_when_focused`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the wheel does not focus it

    def wheelEvent(self, event: QWheelEvent) -> None:
        if wheel_only_when_focused(self, event):
            super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.focusNextChild()
            return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        rect = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxArrow, self
        )
        if rect.width() <= 0:
            return
        half = min(rect.width(), rect.height()) / 6
        centre = QPointF(rect.center())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        role = QPalette.ColorRole.Text if self.isEnabled() else QPalette.ColorRole.PlaceholderText
        pen = QPen(self.palette().color(role), 2.2)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.drawPolyline(
            [
                QPointF(centre.x() - half, centre.y() - half / 2),
                QPointF(centre.x(), centre.y() + half / 2),
                QPointF(centre.x() + half, centre.y() - half / 2),
            ]
        )


class NumberBox(QSpinBox):
    """A whole-number field whose wheel turns it only when it has the focus
    (:func:`wheel_only_when_focused`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if wheel_only_when_focused(self, event):
            super().wheelEvent(event)
