"""Small widgets shared by several screens."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox


class PickerBox(QComboBox):
    """A combo box that paints a clear chevron itself (the stylesheet hides
    Qt's arrow, which is tiny once the box is styled). Enter moves on to the
    next field, as in a paper form."""

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
