"""A page of the back office: a heading, a body, a message line, service calls."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from memberdesk.ui.shell.i18n import Retranslating
from memberdesk.ui.shell.tasks import TaskRunner

from ..dialogs.base import TaskCalls, message_label


class Page(Retranslating, TaskCalls, QWidget):
    def __init__(self, runner: TaskRunner, actor: Any, name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.runner = runner
        self.actor = actor
        self._busy_buttons = []
        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        self.body = QVBoxLayout()
        self.body.setSpacing(10)
        self.message = message_label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        # the heading's row: a page may add what it counts at its right
        self.heading_row = QHBoxLayout()
        self.heading_row.addWidget(self.heading, 1)
        layout.addLayout(self.heading_row)
        layout.addLayout(self.body, 1)
        layout.addWidget(self.message)

    def activated(self) -> None:
        """The page came on screen (load what it shows)."""

    def unsaved(self) -> bool:
        """Typing that leaving the page (another page, the window closed) would lose."""
        return False

    def leave(self, go: Callable[[], None]) -> None:
        """The page is left: ``go`` now, or (a page with unsaved typing) once it has
        asked and the typing is saved or dropped; never if the owner stays."""
        go()

    def retranslate(self) -> None:
        self._render_message()
