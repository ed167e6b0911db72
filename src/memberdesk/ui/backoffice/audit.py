"""审计 — the owner's audit log, the shift checks and the system log, as tabs
(Ctrl+Tab moves between them). A manager sees only the shift checks: the audit
log and the system log are how the owner checks everyone, managers included.
The tabs: :mod:`.audit_log`, :mod:`.audit_shifts`, :mod:`.audit_syslog`."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QTabWidget, QWidget

from memberdesk.ui.shell.tasks import TaskRunner

from .audit_log import AuditLog
from .audit_shifts import ShiftChecks
from .audit_syslog import SystemLog
from .long_jobs import LongJobs
from .page import Page


class AuditPage(Page):
    """审计: tabs for the owner (audit log, shift checks, system log); the shift
    checks alone for a manager."""

    def __init__(self, runner: TaskRunner, long_jobs: LongJobs, actor: Any, *, owner: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, actor, "auditPage", parent)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("auditTabs")
        self.log: AuditLog | None = None
        self.system_log: SystemLog | None = None
        self.shifts = ShiftChecks(runner, actor)
        if owner:
            self.log = AuditLog(runner, long_jobs, actor)
            self.tabs.addTab(self.log, "")
        self.tabs.addTab(self.shifts, "")
        if owner:
            self.system_log = SystemLog(runner, actor)
            self.tabs.addTab(self.system_log, "")
        self.tabs.currentChanged.connect(lambda _i: self.activated())
        self.body.addWidget(self.tabs, 1)
        self.retranslate()

    def tab(self, key: str) -> Page:
        page = {"log": self.log, "shifts": self.shifts, "system": self.system_log}[key]
        assert page is not None
        return page

    def show_tab(self, key: str) -> Page:
        page = self.tab(key)
        self.tabs.setCurrentWidget(page)
        return page

    def activated(self) -> None:
        page = self.tabs.currentWidget()
        if isinstance(page, Page):
            page.activated()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Audit"))
        names = {self.log: self.tr("Audit &log"), self.shifts: self.tr("&Shift checks"),
                 self.system_log: self.tr("S&ystem log")}
        for i in range(self.tabs.count()):
            self.tabs.setTabText(i, names[self.tabs.widget(i)])  # type: ignore[index]
        super().retranslate()
