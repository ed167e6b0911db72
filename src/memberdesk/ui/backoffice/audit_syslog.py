"""审计 → 系统日志: the newest records of the app's rotating log file
(``<data dir>/logs/memberdesk.log``), newest first, by level; F5 reads it again;
a button opens the log folder in the file manager (to send it to support)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QFontDatabase, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QWidget

from memberdesk.services.shop.system_log import LogTail, read_system_log
from memberdesk.ui.common.widgets import PickerBox
from memberdesk.ui.shell.tasks import TaskRunner

from ..dialogs.base import ERROR, push_button
from .page import Page

LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


class SystemLog(Page):
    def __init__(self, runner: TaskRunner, actor: Any, parent: QWidget | None = None) -> None:
        super().__init__(runner, actor, "systemLog", parent)
        self.heading.hide()
        self.tail: LogTail | None = None
        self.level = PickerBox()
        self.level.setObjectName("logLevel")
        for level in LEVELS:
            self.level.addItem("", level)
        self.level.setCurrentIndex(1)
        self.level.currentIndexChanged.connect(lambda _i: self.refresh())
        self.level_label = QLabel()
        self.level_label.setBuddy(self.level)
        self.refresh_button = push_button(self.refresh)
        self.folder_button = push_button(self.open_folder)
        self.folder_label = QLabel()
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top = QHBoxLayout()
        top.addWidget(self.level_label)
        top.addWidget(self.level, 1)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.folder_button)
        self.text = QPlainTextEdit()
        self.text.setObjectName("systemLogText")
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(max(mono.pointSizeF(), self.font().pointSizeF() * 0.85))
        self.text.setFont(mono)
        self.body.addLayout(top)
        self.body.addWidget(self.text, 1)
        self.body.addWidget(self.folder_label)
        action = QAction(self)
        action.setShortcut(QKeySequence("F5"))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(self.refresh)
        self.addAction(action)
        self.retranslate()

    def activated(self) -> None:
        self.refresh()
        self.level.setFocus()

    def refresh(self) -> None:
        self.call(read_system_log, self.actor, self.level.currentData() or "INFO",
                  on_done=self._show)

    def _show(self, tail: LogTail) -> None:
        self.tail = tail
        lines = []
        for r in tail.records:
            lines.append(f"{r.at[:19]}  {r.level:<8} {r.source}  {r.text}")
        self.text.setPlainText("\n".join(lines))
        self.text.moveCursor(self.text.textCursor().MoveOperation.Start)
        self._render_folder()

    def open_folder(self) -> None:
        if self.tail is None:
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.tail.folder))):
            self.say(lambda: self.tr("The folder could not be opened: {folder}").format(
                folder=str(self.tail.folder if self.tail else "")), ERROR)

    def _render_folder(self) -> None:
        if self.tail is None:
            self.folder_label.setText("")
            return
        shown = len(self.tail.records)
        if not shown:
            text = self.tr("Nothing at this level. The log is in {folder}")
        elif self.tail.more:
            text = self.tr("The newest %n record(s); older ones are in {folder}", "", shown)
        else:
            text = self.tr("%n record(s), from {folder}", "", shown)
        self.folder_label.setText(text.format(folder=str(self.tail.folder)))

    def retranslate(self) -> None:
        self.level_label.setText(self.tr("&Level"))
        for i, name in enumerate((self.tr("Everything"), self.tr("Information and above"),
                                  self.tr("Warnings and errors"), self.tr("Errors only"))):
            self.level.setItemText(i, name)
        self.refresh_button.setText(self.tr("Read again (F5)"))
        self.folder_button.setText(self.tr("Open the log folder"))
        self._render_folder()
        super().retranslate()
