"""备份与恢复 — back up now (shows the verified file), how old the last good backup
is (a warning when it is more than a day old or the second destination, a USB
drive say, is missing), every backup found in the backup folder and the second
destination (newest first: when, size, verified or not, what made it, where), and
restore (owner only): choose one in the list (Enter) or pick any file, it is
verified first, the owner confirms with their password, then the app switches to it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QWidget

from memberdesk.services.backup.create import BackupStatus
from memberdesk.services.backup.loss import RestoreLoss
from memberdesk.services.backup.restore import RestoreResult
from memberdesk.ui.common import fmt
from memberdesk.ui.shell.backup_scheduler import backups_seen
from memberdesk.ui.shell.restored_notice import restored_text
from memberdesk.ui.shell.tasks import TaskRunner

from ..dialogs.base import ERROR, OK, push_button, restyle
from . import jobs
from .backup_list import BackupList, RetentionWords, removed_text, size_text
from .long_jobs import LongJobs
from .page import Page
from .restore_confirm import RestoreConfirm


class BackupPage(Page):
    backed_up = Signal(object)  # BackupResult
    status_changed = Signal(object)  # BackupStatus
    restored = Signal(object)  # RestoreResult

    def __init__(self, runner: TaskRunner, long_jobs: LongJobs, actor: Any, *, may_restore: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, actor, "backupPage", parent)
        self.long_jobs = long_jobs
        self.may_restore = may_restore
        self.state: jobs.BackupState | None = None
        self.restore_file: Path | None = None
        self.restored_result: RestoreResult | None = None
        self.confirm: RestoreConfirm | None = None
        self.status_label = QLabel()
        self.status_label.setObjectName("backupStatus")
        self.status_label.setWordWrap(True)
        self.warning = QLabel()
        self.warning.setObjectName("backupWarning")
        self.warning.setWordWrap(True)
        self.backup_button = push_button(self.back_up_now, primary=True)
        self.restore_intro = QLabel()
        self.restore_intro.setWordWrap(True)
        self.list_label = QLabel()
        self.list = BackupList()
        self.list.chosen_for_restore.connect(lambda f: self.restore_from(f.path))
        self.list_label.setBuddy(self.list)
        self.restore_chosen_button = push_button(self.restore_chosen, primary=True)
        self.restore_chosen_button.setObjectName("restoreChosenButton")
        self.restore_button = push_button(self.choose_restore_file)
        self._busy_buttons += [self.backup_button, self.restore_button,
                               self.restore_chosen_button]
        # the state on one line beside the button, the whole path in its tool tip: the
        # list keeps 4 rows and more at 1024x768 (issue 11)
        row = QHBoxLayout()
        row.addWidget(self.status_label, 1)
        row.addWidget(self.backup_button, 0, Qt.AlignmentFlag.AlignTop)
        restore_row = QHBoxLayout()
        restore_row.addWidget(self.restore_chosen_button)
        restore_row.addWidget(self.restore_button)
        restore_row.addStretch(1)
        self.body.addLayout(row)
        self.body.addWidget(self.warning)
        self.body.addSpacing(4)
        self.body.addWidget(self.list_label)
        self.body.addWidget(self.list, 1)
        self.body.addWidget(self.restore_intro)
        self.body.addLayout(restore_row)
        self.restore_button.setVisible(may_restore)
        self.restore_chosen_button.setVisible(may_restore)
        self.retranslate()

    def activated(self) -> None:
        backups_seen().seen.emit()  # the counter's note of removed backups has been read
        if not self.busy:
            self.refresh()
        self.list.setFocus()  # Enter restores the chosen backup without a click first

    def refresh(self) -> None:
        self.call(jobs.status, on_done=self._status)

    def _status(self, state: jobs.BackupState) -> None:
        self.state = state
        self.list.show_files(state.files)
        self.retranslate()
        self.status_changed.emit(state.status)

    # -- backing up ------------------------------------------------------------------------
    def back_up_now(self) -> None:
        if self.busy or self.long_jobs.busy:
            return
        self.say(lambda: self.tr("Backing up and verifying the copy…"))
        self._set_busy(True)
        self.long_jobs.call(jobs.back_up, self.actor, on_done=self._backed_up,
                            on_user_error=self._backup_failed)

    def _backed_up(self, state: jobs.BackupState) -> None:
        self._set_busy(False)
        self.state = state
        made = state.made
        self.list.show_files(state.files, select=made.path if made is not None else None)
        if made is not None:
            removed = made.removed
            # two lines at most whatever the names, so the list keeps its rows at
            # 1024x768: when (to the second: three backups in a row read alike when
            # the file's name was cut in its middle, a blind trial) and how big, the
            # removed backups counted; the whole path and every name in the tooltip
            when = fmt.datetime_text(made.created_at, seconds=True)
            self.say(lambda: "\n".join(t for t in (
                self.tr("Backed up and verified: {when}, {size}").format(
                    when=when, size=size_text(made.size)),
                RetentionWords().counted(removed)) if t), OK)
            self.message.setToolTip("\n".join(t for t in (
                str(made.path), removed_text(removed)) if t))
            self.backed_up.emit(made)
        self.retranslate()
        self.status_changed.emit(state.status)

    def _backup_failed(self, error: Any) -> None:
        self._set_busy(False)
        self.show_error(error)

    # -- restoring ---------------------------------------------------------------------------
    def restore_chosen(self) -> None:
        """The backup chosen in the list (Enter there does the same)."""
        chosen = self.list.chosen()
        if chosen is None:
            self.say(lambda: self.tr("Choose a backup in the list first."), ERROR)
            self.list.setFocus()
            return
        self.restore_from(chosen.path)

    def choose_restore_file(self) -> None:
        start = str(self.state.status.last_good_path.parent) if self.state and self.state.status.last_good_path else ""
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Restore which backup?"), start,
            self.tr("MemberDesk databases (*.sqlite3 *.db);;All files (*)"))
        if path:
            self.restore_from(Path(path))

    def restore_from(self, path: Path) -> None:
        """Verify ``path``, then ask the owner's password, then restore."""
        if not self.may_restore or self.busy:
            return
        if self.long_jobs.busy:
            self.say(lambda: self.tr("Wait until the export or backup finishes."), ERROR)
            return
        self.restore_file = path
        self.say(lambda: self.tr("Checking {file}…").format(file=path.name))
        self.call(jobs.restore_preview, self.actor, path, on_done=self._checked)

    def _checked(self, loss: RestoreLoss) -> None:
        path = loss.source
        self.say(lambda: self.tr("{file} is a good backup. Read what the restore takes back, then "
                                 "confirm with your password.").format(file=path.name), OK)
        self.confirm = RestoreConfirm(self.runner, self.actor, loss, self)
        self.confirm.approved.connect(lambda _grant: self._restore(path))
        self.confirm.open()

    def _restore(self, path: Path) -> None:
        if self.long_jobs.busy:  # a scheduled backup began while the password was typed
            self.say(lambda: self.tr("Wait until the export or backup finishes."), ERROR)
            return
        self.say(lambda: self.tr("Restoring {file}…").format(file=path.name))
        self.long_jobs.hold(True)  # no scheduled backup of a file being swapped
        self.call(jobs.restore, self.actor, path, on_done=self._restored,
                  on_finally=lambda: self.long_jobs.hold(False))

    def _restored(self, result: RestoreResult) -> None:
        self.restored_result = result
        self.say(lambda: restored_text(result), OK)
        self.restored.emit(result)

    # -- texts ----------------------------------------------------------------------------------
    def _status_text(self) -> tuple[str, str]:
        if self.state is None:
            return self.tr("Reading the backup state…"), ""
        s: BackupStatus = self.state.status
        if s.last_good_at is None:
            text = self.tr("There is no good backup yet.")
        else:
            text = self.tr("Last good backup: {when}").format(
                when=fmt.datetime_text(s.last_good_at))
        if s.second_destination:
            text += "\n" + self.tr("Second copy to: {folder}").format(folder=s.second_destination)
        warnings = []
        if s.last_good_at is None:
            warnings.append(self.tr("Nothing is backed up yet: back up now."))
        elif s.stale:
            warnings.append(self.tr("The last good backup is more than a day old: back up now."))
        if not s.second_destination_ok:
            warnings.append(self.tr("The second backup destination {folder} is missing: plug in "
                                    "the USB drive.").format(folder=s.second_destination))
        return text, "\n".join(warnings)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Backup and restore"))
        text, warning = self._status_text()
        self.status_label.setText(text)
        last = self.state.status.last_good_path if self.state else None
        self.status_label.setToolTip(str(last) if last else "")
        self.warning.setText(warning)
        self.warning.setVisible(bool(warning))
        self.warning.setProperty("tone", ERROR)
        restyle(self.warning)
        self.backup_button.setText(self.tr("Back up now"))
        count = len(self.state.files) if self.state else 0
        self.list_label.setText(self.tr("&Backups found: {count} (newest first)").format(
            count=count))
        self.restore_chosen_button.setText(self.tr("Restore the chosen backup (Enter)"))
        self.restore_intro.setText(
            self.tr("Restore replaces all current data with a backup. The file is checked first "
                    "and the current data is backed up before it is replaced.")
            if self.may_restore else self.tr("Only the owner can restore a backup."))
        self.restore_button.setText(self.tr("Restore from another file…"))
        super().retranslate()
