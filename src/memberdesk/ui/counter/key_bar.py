"""The bar of big function-key buttons along the bottom of the counter.

Each button mirrors a :class:`QAction` (text, shortcut, enabled state); the
action carries the shortcut, so the key works whether or not the bar is visible.
Counter keys flow from the left and wrap to a second row on a narrow screen
(:class:`.flow_layout.FlowLayout`); the session keys (lock, log out, quit) stay
on the right. Below :data:`COMPACT_BELOW` pixels (a 1024 screen) the buttons are
smaller (``compact``, style.qss) so the keys take two rows, not three, and the
cart keeps room for its lines.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from memberdesk.ui.common.flow_layout import FlowLayout

COMPACT_BELOW = 1200  # the bar's width under which the buttons are made smaller


class KeyButton(QPushButton):
    def __init__(self, action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.action = action
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # focus stays in the lookup field
        self.setProperty("keyButton", True)
        self.clicked.connect(action.trigger)
        action.changed.connect(self.sync)
        self.sync()

    def sync(self) -> None:
        key = self.action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        text = self.action.text().replace("&", "")
        self.setText(f"{key}\n{text}" if key else text)  # two lines: narrow buttons
        self.setEnabled(self.action.isEnabled())
        self.setVisible(self.action.isVisible())


class KeyBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyBar")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(12, 8, 12, 8)
        self._layout.setSpacing(8)
        self.counter_keys = QWidget()
        self.counter_keys.setObjectName("counterKeys")
        self._flow = FlowLayout(self.counter_keys)
        self._layout.addWidget(self.counter_keys, 1)
        self._counter: list[KeyButton] = []
        self._session: list[KeyButton] = []
        self.compact = False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._set_compact(event.size().width() < COMPACT_BELOW)

    def _set_compact(self, compact: bool) -> None:
        if compact == self.compact:
            return
        self.compact = compact
        for button in self.buttons:
            self._style(button)
        self._flow.invalidate()
        self._layout.activate()  # the buttons at their new size now, not a turn later
        self.updateGeometry()

    def _style(self, button: KeyButton) -> None:
        button.setProperty("compact", self.compact)
        button.style().unpolish(button)
        button.style().polish(button)
        button.updateGeometry()

    @property
    def buttons(self) -> list[KeyButton]:
        """Every button, in the order they are on screen."""
        return self._counter + self._session

    def add_action(self, action: QAction, *, at_end: bool = False) -> KeyButton:
        """A button for ``action``: counter actions go left, session actions
        (lock, log out, quit) right (``at_end=True``)."""
        if at_end:
            button = KeyButton(action, self)
            self._layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            self._session.append(button)
        else:
            button = KeyButton(action, self.counter_keys)
            self._flow.insertWidget(len(self._counter), button)
            self._counter.append(button)
        if self.compact:
            self._style(button)
        return button
