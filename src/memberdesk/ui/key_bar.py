"""The bar of big function-key buttons along the bottom of the counter.

Each button mirrors a :class:`QAction` (text, shortcut, enabled state); the
action carries the shortcut, so the key works whether or not the bar is visible.
Issue 5 adds its counter actions with :meth:`KeyBar.add_action`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget


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
        self._layout.addStretch(1)
        self.buttons: list[KeyButton] = []
        self._left_count = 0

    def add_action(self, action: QAction, *, at_end: bool = False) -> KeyButton:
        """A button for ``action``: counter actions go left, session actions
        (lock, log out, quit) right, after the stretch (``at_end=True``)."""
        button = KeyButton(action, self)
        if at_end:
            self._layout.addWidget(button)
        else:
            self._layout.insertWidget(self._left_count, button)  # before the stretch
            self._left_count += 1
        self.buttons.append(button)
        return button
