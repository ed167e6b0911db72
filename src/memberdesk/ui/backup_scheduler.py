"""The scheduled backup: every few minutes, on the long-job worker, ask the
backup service whether a backup is due (the ``backup.interval_hours`` setting,
24 h by default, counted from the last good backup of any kind) and make one
when it is. The counter keeps selling meanwhile (SQLite's online backup API
reads beside the writes). A failure (a full disk, say) is reported once in the
banner and tried again at the next check; the status bar's backup age shows
the rest."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from shiboken6 import isValid

from memberdesk.services.errors import UserError

from .backoffice.long_jobs import LongJobs

log = logging.getLogger(__name__)

CHECK_EVERY_MS = 10 * 60 * 1000
FIRST_CHECK_MS = 60 * 1000  # not while the shop is still opening


def backup_if_due(db: Any) -> Any:
    """The BackupResult of the backup made, or None when none was due."""
    from memberdesk.services.backup import backup_due, create_backup

    if not backup_due(db):
        return None
    return create_backup(db, None, kind="scheduled")


class BackupScheduler(QObject):
    backup_made = Signal(object)  # BackupResult
    backup_failed = Signal(object)  # UserError

    def __init__(self, long_jobs: LongJobs, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.long_jobs = long_jobs
        self._failed_before = False
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)
        # The jobs runner belongs to the main window, which may go first (a closed
        # window, a test's teardown): no check may reach a deleted runner.
        long_jobs.destroyed.connect(self.stop)

    def start(self, first_check_ms: int = FIRST_CHECK_MS) -> None:
        """Check after ``first_check_ms``, then every :data:`CHECK_EVERY_MS`."""
        if not self.timer.isActive():
            self.timer.start()
            QTimer.singleShot(first_check_ms, self, self._first_check)

    def stop(self) -> None:
        self.timer.stop()

    def _first_check(self) -> None:
        if self.timer.isActive():  # not stopped meanwhile
            self.check()

    def check(self) -> None:
        if not isValid(self.long_jobs):
            self.stop()
            return
        if self.long_jobs.busy or self.long_jobs.held:  # an export, a backup, a restore
            return
        self.long_jobs.call(backup_if_due, on_done=self._done, on_user_error=self._failed)

    def _done(self, result: Any) -> None:
        self._failed_before = False
        if result is not None:
            log.info("scheduled backup written: %s", result.path)
            self.backup_made.emit(result)

    def _failed(self, error: UserError) -> None:
        log.warning("scheduled backup failed: %s", error.message("en"))
        if not self._failed_before:
            self._failed_before = True
            self.backup_failed.emit(UserError("scheduled_backup_failed", problem=error))
