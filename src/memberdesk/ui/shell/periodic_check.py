"""A check that runs on the long-job worker (the GUI thread never touches the
database): first soon after :meth:`PeriodicCheck.start`, then every few minutes.

It stops with the jobs runner it drives: that runner belongs to the main window,
which may go first (a closed window, a test's teardown), and no check may reach a
deleted runner. A failure is logged each time and told once until a check succeeds
again. The backup scheduler and the daily jobs are the two kinds."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, QTimer
from shiboken6 import isValid

from memberdesk.services.shared.errors import UserError
from memberdesk.ui.backoffice.long_jobs import LongJobs

log = logging.getLogger(__name__)

CHECK_EVERY_MS = 10 * 60 * 1000


class PeriodicCheck(QObject):
    name = "check"  # for the log
    first_check_ms = 60 * 1000

    def __init__(self, long_jobs: LongJobs, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.long_jobs = long_jobs
        self._failed_before = False
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)
        long_jobs.destroyed.connect(self.stop)

    def start(self, first_check_ms: int | None = None) -> None:
        """Check after ``first_check_ms`` (the kind's own delay by default), then
        every :data:`CHECK_EVERY_MS`."""
        if not self.timer.isActive():
            self.timer.start()
            delay = self.first_check_ms if first_check_ms is None else first_check_ms
            QTimer.singleShot(delay, self, self._first_check)

    def stop(self) -> None:
        self.timer.stop()

    def _first_check(self) -> None:
        if self.timer.isActive():  # not stopped meanwhile
            self.check()

    def check(self) -> None:
        if not isValid(self.long_jobs):
            self.stop()
            return
        if self.waits():
            return
        self.long_jobs.call(self.job, on_done=self._done, on_user_error=self._failed)

    # -- what a kind of check says ---------------------------------------------------
    def waits(self) -> bool:
        """Whether to skip this check (a restore under way, say)."""
        return self.long_jobs.held

    @staticmethod
    def job(db: Any) -> Any:
        raise NotImplementedError

    def done(self, result: Any) -> None:
        """The job's result, on the GUI thread."""

    def failed(self, error: UserError) -> None:
        """The first failure since the last success, on the GUI thread."""

    # -- mechanics --------------------------------------------------------------------
    def _done(self, result: Any) -> None:
        self._failed_before = False
        self.done(result)

    def _failed(self, error: UserError) -> None:
        log.warning("%s failed: %s", self.name, error.message("en"))
        if not self._failed_before:
            self._failed_before = True
            self.failed(error)
