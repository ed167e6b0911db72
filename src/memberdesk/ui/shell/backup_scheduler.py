"""The scheduled backup: every few minutes, on the long-job worker, ask the
backup service whether a backup is due (the ``backup.interval_hours`` setting,
24 h by default, counted from the last good backup of any kind) and make one
when it is. The counter keeps selling meanwhile (SQLite's online backup API
reads beside the writes). A failure (a full disk, say) is reported once in the
banner and tried again at the next check; the status bar's backup age shows
the rest. A backup whose retention rule removed older backups says which, in the
banner (green, as good news is): the owner must not find them gone unannounced, so
the notice stays until it is dismissed or the Backups page is opened
(:func:`backups_seen`), not 12 s only (issue 11)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal

from memberdesk.services.shared.errors import UserError
from memberdesk.ui.shell.periodic_check import PeriodicCheck

log = logging.getLogger(__name__)

FIRST_CHECK_MS = 60 * 1000  # not while the shop is still opening


def backup_if_due(db: Any) -> Any:
    """The BackupResult of the backup made, or None when none was due."""
    from memberdesk.services.backup.create import backup_due, create_backup

    if not backup_due(db):
        return None
    return create_backup(db, None, kind="scheduled")


class SchedulerWords(QObject):
    """The scheduler's words (a QObject: lupdate takes plural forms only from ``self.tr``)."""

    def removed(self, removed: tuple[str, ...]) -> str:
        return self.tr("Scheduled backup done; removed %n older backup(s) by the retention "
                       "rule: {files}.", "", len(removed)).format(files=", ".join(removed))


def removed_notice(result: Any) -> str:
    """What a scheduled backup's rotation removed, by file name; "" if nothing."""
    removed = tuple(getattr(result, "removed", ()) or ())
    return SchedulerWords().removed(removed) if removed else ""


class BackupsSeen(QObject):
    """The Backups page came on screen: every backup kept is in sight there."""

    seen = Signal()


_seen: list[BackupsSeen] = []


def backups_seen() -> BackupsSeen:
    """The application's one :class:`BackupsSeen` (the Backups page emits its signal)."""
    if not _seen:
        _seen.append(BackupsSeen())
    return _seen[0]


class BackupScheduler(PeriodicCheck):
    backup_made = Signal(object)  # BackupResult
    backup_failed = Signal(object)  # UserError
    removed_backups = Signal(object)  # BackupResult whose rotation removed older backups

    name = "scheduled backup"
    first_check_ms = FIRST_CHECK_MS

    def waits(self) -> bool:
        return self.long_jobs.busy or self.long_jobs.held  # an export, a backup, a restore

    @staticmethod
    def job(db: Any) -> Any:
        return backup_if_due(db)

    def done(self, result: Any) -> None:
        if result is not None:
            log.info("scheduled backup written: %s", result.path)
            self.backup_made.emit(result)
            if result.removed:
                self.removed_backups.emit(result)

    def show_in(self, banner: Any) -> None:
        """``banner`` (the counter's) says a failed backup and what a rotation removed;
        the removal stays until dismissed or the Backups page is opened."""
        self.backup_failed.connect(banner.show_user_error)
        self._banner = banner
        self._notice: Callable[[], str] | None = None
        self.removed_backups.connect(self._show_removed)
        backups_seen().seen.connect(self._removed_seen)  # gone with this scheduler

    def _show_removed(self, result: Any) -> None:
        self._notice = lambda: removed_notice(result)
        self._banner.show_notice(self._notice, stays=True)

    def _removed_seen(self) -> None:
        if self._notice is not None and shiboken6.isValid(self._banner):  # (a window gone)
            self._banner.clear_notice(self._notice)
        self._notice = None

    def failed(self, error: UserError) -> None:
        self.backup_failed.emit(UserError("scheduled_backup_failed", problem=error))
