"""The 备份与恢复 page's list of every backup found (the shop's folder and the second
destination), newest first: when it was made, its size, whether it was verified,
what made it and where it is. Enter (or a double click) restores the chosen one.

Times show seconds (two copies before a restore and its undo are made the same
minute), and a copy made before a restore says which backup that restore brought
back. The folder is cut in its middle when the width runs short (its end, the
folder's own name, stays), the whole path in the tool tip: no sideways scroll."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from memberdesk.services.backup.listing import SECOND, BackupFile
from memberdesk.ui.common import fmt
from memberdesk.ui.common.column_fit import CELL_PADDING, fit_columns
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


KIND, WHERE = 3, 4  # the columns of what made a backup and of its folder


def short_where(text: str, fits: Callable[[str], bool]) -> str:
    """``text`` ("this computer: /a/b/data/backups") as whole as ``fits`` allows: else
    its label with the folder's last parts ("this computer: …/data/backups", then
    "…/backups"), else the label alone ("this computer"; the tool tip has the path);
    "" when not even that fits (the caller cuts it in the middle then)."""
    if fits(text):
        return text
    label, sep, folder = text.partition(": ") if ": " in text else text.partition("：")
    parts = [p for p in re.split(r"[/\\]", folder) if p]
    slash = "\\" if "\\" in folder and "/" not in folder else "/"
    for keep in (2, 1):
        if len(parts) > keep:
            short = f"{label}{sep}…{slash}{slash.join(parts[-keep:])}"
            if fits(short):
                return short
    return label if sep and fits(label) else ""


class MiddleElide(QStyledItemDelegate):
    """A folder cut in its middle ("this computer: …/data/backups"), not at its end."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        metrics = opt.fontMetrics
        room = opt.rect.width() - CELL_PADDING
        short = short_where(opt.text, lambda t: metrics.horizontalAdvance(t) <= room)
        if short:
            opt.text = short
        opt.textElideMode = Qt.TextElideMode.ElideMiddle
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)


def restored_when(f: BackupFile) -> str:
    """When the backup a pre-restore copy was taken before restoring was made, as short
    as it is unambiguous beside the copy's own time: ``23:05:10`` the same day,
    ``12-04 23:05:10`` the same year, else the whole date."""
    assert f.restoring_made_at is not None
    when = fmt.datetime_text(f.restoring_made_at, seconds=True)
    own = fmt.datetime_text(f.created_at)
    if when[:10] == own[:10]:
        return when[11:]
    return when[5:] if when[:4] == own[:4] else when


def kind_text(f: BackupFile) -> str:
    """What made the backup; a pre-restore copy names, on a second line, the backup it
    was taken before restoring (by when that one was made)."""
    if f.kind == "pre-restore" and f.restoring_made_at is not None:
        return QCoreApplication.translate(
            "BackupList", "before restoring\nthe {when} backup").format(
            when=restored_when(f))
    if f.kind in KINDS:
        return QCoreApplication.translate("BackupList", KINDS[f.kind])
    return f.kind


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

    def counted(self, removed: tuple[str, ...]) -> str:
        """How many were removed, their names left to the tooltip (a line that fits)."""
        if not removed:
            return ""
        return self.tr("Removed %n older backup(s) by retention (point here for the "
                       "names).", "", len(removed))


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
        fit_columns(self, elastic=(WHERE,))  # the folder gives way (whole in the tool tip)
        self.setItemDelegateForColumn(WHERE, MiddleElide(self))
        self.setWordWrap(False)  # a folder is cut in its middle, not wrapped
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
            cells = (fmt.datetime_text(f.created_at, seconds=True), size_text(f.size),
                     self.tr("verified") if f.verified else self.tr("not verified"),
                     kind_text(f), where)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 1:
                    item.setTextAlignment(RIGHT)
                if col == WHERE:
                    item.setToolTip(str(f.path))
                if col == KIND and f.restoring:
                    item.setToolTip(f"{text}\n{f.restoring}")
                self.setItem(i, col, item)
        self.resizeRowsToContents()  # a copy before a restore: two lines

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([
            self.tr("Made"), self.tr("Size"), self.tr("State"), self.tr("Type"),
            self.tr("Where")])
        self._render()
