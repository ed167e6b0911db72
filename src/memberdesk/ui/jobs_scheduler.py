"""The daily jobs at the till: on the long-job worker (the GUI thread never touches
the database), soon after the shop opens, every few minutes after that (a new
business date begins while the till runs) and after the day close. Nothing is
done when nothing is due (one read); a due date runs in short batches beside the
counter's sales (see :mod:`memberdesk.services.jobs`). A failure is logged and told
once in the banner; the next check tries again."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from shiboken6 import isValid

from memberdesk.services.errors import UserError

from .backoffice.long_jobs import LongJobs

log = logging.getLogger(__name__)

CHECK_EVERY_MS = 10 * 60 * 1000
FIRST_CHECK_MS = 5 * 1000


def run_due_jobs(db: Any) -> Any:
    """The RunResult of the jobs due up to the shop's today (never a later date)."""
    from memberdesk.services.jobs import run_jobs

    return run_jobs(db)


class DailyJobsScheduler(QObject):
    jobs_ran = Signal(object)  # RunResult, when something was due
    jobs_failed = Signal(object)  # UserError

    def __init__(self, long_jobs: LongJobs, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.long_jobs = long_jobs
        self._failed_before = False
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)
        long_jobs.destroyed.connect(self.stop)

    def start(self, first_check_ms: int = FIRST_CHECK_MS) -> None:
        if not self.timer.isActive():
            self.timer.start()
            QTimer.singleShot(first_check_ms, self, self._first_check)

    def stop(self) -> None:
        self.timer.stop()

    def _first_check(self) -> None:
        if self.timer.isActive():
            self.check()

    def check(self) -> None:
        if not isValid(self.long_jobs):
            self.stop()
            return
        if self.long_jobs.held:  # a restore under way
            return
        run_after(self.long_jobs, self._done, self._failed)

    def _done(self, result: Any) -> None:
        self._failed_before = False
        if result is not None and result.runs:
            log.info("daily jobs ran for %d date(s) up to %s", len(result.runs), result.until)
            self.jobs_ran.emit(result)

    def _failed(self, error: UserError) -> None:
        log.warning("daily jobs failed: %s", error.message("en"))
        if not self._failed_before:
            self._failed_before = True
            self.jobs_failed.emit(error)


def _logged(error: UserError) -> None:
    log.warning("daily jobs after the day close failed: %s", error.message("en"))


def run_after(long_jobs: LongJobs, on_done: Any = None, on_user_error: Any = None) -> None:
    """Run what is due now on the long-job worker (also after the day close)."""
    long_jobs.call(run_due_jobs, on_done=on_done or (lambda _r: None),
                   on_user_error=on_user_error or _logged)
