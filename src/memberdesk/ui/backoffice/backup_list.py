"""The 备份与恢复 page's list of every backup found (the shop's folder and the second
destination), newest first: when it was made, its size, whether it was verified,
what made it and where it is. Enter (or a double click) restores the chosen one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem, QWidget

from memberdesk.services.backup.listing import SECOND, BackupFile
from memberdesk.ui.common import fmt
from memberdesk.ui.common.column_fit import fit_columns
from memberdesk.ui.shell.i18n import QT_TRANSLATE_NOOP, Retranslating

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
KINDS = {
    "manual": QT_TRANSLATE_NOOP("BackupList", "by hand"),
    "cli": QT_TRANSLATE_NOOP("BackupList", "by hand"),
    "scheduled": QT_TRANSLATE_NOOP("BackupList", "scheduled"),
    "day-close": QT_TRANSLATE_NOOP("BackupList", "day close"),
    "pre-restore": QT_TRANSLATE_NOOP("BackupList", "before a restore"),
    "pre-upgrade": QT_TRANSLATE_NOOP("BackupList", "before an upgrade"),
}


def size_text(size: int) -> str:
    """``2.4 MB``, ``512 KB`` (decimal units, as a file manager shows them)."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:,.1f} MB"
    return f"{max(1, round(size / 1000)):,} KB"


class RetentionWords(QObject):
    """What a backup's rotation removed, for the Backups and Day close pages (a QObject:
    lupdate takes a count's plural forms only from ``self.tr``)."""

    def removed(self, removed: tuple[str, ...]) -> str:
        count = len(removed)
        if not count:
            return ""
        return self.tr("Removed %n older backup(s) by the retention rule: {files}.", "",
                       count).format(files=", ".join(removed))


def removed_text(removed: tuple[str, ...]) -> str:
    """The older backups a backup run removed, by file name; "" if none."""
    return RetentionWords().removed(removed)


class BackupList(Retranslating, QTableWidget):
    chosen_for_restore = Signal(object)  # BackupFile

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setObjectName("backupList")
        self.files: tuple[BackupFile, ...] = ()
        self.verticalHeader().setVisible(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        fit_columns(self, elastic=(4,))  # the folder gives way (whole in the tool tip)
        self.cellDoubleClicked.connect(lambda row, _col: self._restore(row))
        self.retranslate()

    def show_files(self, files: tuple[BackupFile, ...], select: Path | None = None) -> None:
        """Shown newest first; the row chosen before stays chosen, or ``select``."""
        keep = select if select is not None else getattr(self.chosen(), "path", None)
        self.files = files
        self._render()
        rows = [i for i, f in enumerate(files) if keep is not None and f.path == keep]
        if rows or files:
            self.selectRow(rows[0] if rows else 0)

    def chosen(self) -> BackupFile | None:
        row = self.currentRow()
        return self.files[row] if 0 <= row < len(self.files) else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.chosen() is not None:
            self._restore(self.currentRow())
            return
        super().keyPressEvent(event)

    def _restore(self, row: int) -> None:
        if 0 <= row < len(self.files):
            self.chosen_for_restore.emit(self.files[row])

    def _render(self) -> None:
        self.setRowCount(len(self.files))
        for i, f in enumerate(self.files):
            where = (self.tr("second copy: {folder}") if f.where == SECOND
                     else self.tr("this computer: {folder}")).format(folder=f.path.parent)
            kind = (QCoreApplication.translate("BackupList", KINDS[f.kind]) if f.kind in KINDS
                    else f.kind)
            cells = (fmt.datetime_text(f.created_at), size_text(f.size),
                     self.tr("verified") if f.verified else self.tr("not verified"), kind, where)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 1:
                    item.setTextAlignment(RIGHT)
                if col == 4:
                    item.setToolTip(str(f.path))
                self.setItem(i, col, item)

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([
            self.tr("Made"), self.tr("Size"), self.tr("State"), self.tr("Type"),
            self.tr("Where")])
        self._render()
