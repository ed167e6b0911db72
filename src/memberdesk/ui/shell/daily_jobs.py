"""The daily jobs at the till: on the long-job worker (the GUI thread never touches
the database), soon after the shop opens, every few minutes after that (a new
business date begins while the till runs) and after the day close. Nothing is
done when nothing is due (one read); a due date runs in short batches beside the
counter's sales (see :mod:`memberdesk.services.jobs.runner`). A failure is logged and told
once in the banner; the next check tries again."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Signal

from memberdesk.services.shared.errors import UserError
from memberdesk.ui.backoffice.long_jobs import LongJobs
from memberdesk.ui.shell.periodic_check import PeriodicCheck

log = logging.getLogger(__name__)

FIRST_CHECK_MS = 5 * 1000


def run_due_jobs(db: Any) -> Any:
    """The RunResult of the jobs due up to the shop's today (never a later date), run
    in a child process when any is due (:mod:`memberdesk.services.jobs.child`: the
    counter's interpreter is not shared with minutes of Python); then the text
    messages due (between the daily runs: a retry, 08:00, back online)."""
    from memberdesk.services.jobs.child import run_in_child
    from memberdesk.services.jobs.runner import RunResult, jobs_status, run_jobs
    from memberdesk.services.notifications.sender import send_due

    status = jobs_status(db)  # one read: most checks find nothing due
    if any(job.due_days for job in status.jobs):
        result = run_in_child(db, run_jobs)
    else:
        result = RunResult(status.today, ())
    send_due(db)
    return result


class DailyJobsScheduler(PeriodicCheck):
    jobs_ran = Signal(object)  # RunResult, when something was due
    jobs_failed = Signal(object)  # UserError

    name = "daily jobs"
    first_check_ms = FIRST_CHECK_MS

    @staticmethod
    def job(db: Any) -> Any:
        return run_due_jobs(db)

    def done(self, result: Any) -> None:
        if result is not None and result.runs:
            log.info("daily jobs ran for %d date(s) up to %s", len(result.runs), result.until)
            self.jobs_ran.emit(result)

    def failed(self, error: UserError) -> None:
        self.jobs_failed.emit(error)


def _logged(error: UserError) -> None:
    log.warning("daily jobs after the day close failed: %s", error.message("en"))


def run_after(long_jobs: LongJobs, on_done: Any = None, on_user_error: Any = None) -> None:
    """Run what is due now on the long-job worker (also after the day close)."""
    long_jobs.call(run_due_jobs, on_done=on_done or (lambda _r: None),
                   on_user_error=on_user_error or _logged)
