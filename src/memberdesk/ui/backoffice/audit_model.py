"""The audit log as a lazy Qt model: the pages fetched so far (200 rows each, newest
first, keyset on time and row number) and the next one asked for when the view scrolls
near the end (``canFetchMore``/``fetchMore``), so a million rows never load at
once. A new filter replaces the rows. Reads run on the worker
(:class:`..tasks.TaskRunner`); the GUI thread never touches the database."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from memberdesk.services.audit_view import (
    AuditFilter,
    AuditPage,
    AuditRow,
    Cursor,
    action_name,
    entity_name,
    list_audit,
)
from memberdesk.services.errors import UserError

from ..dialogs.base import current_language
from ..i18n import QT_TRANSLATE_NOOP
from ..tasks import TaskRunner

Index = QModelIndex | QPersistentModelIndex
COLUMNS = (
    QT_TRANSLATE_NOOP("AuditModel", "No."), QT_TRANSLATE_NOOP("AuditModel", "Time"),
    QT_TRANSLATE_NOOP("AuditModel", "Action"), QT_TRANSLATE_NOOP("AuditModel", "Staff"),
    QT_TRANSLATE_NOOP("AuditModel", "Approved by"), QT_TRANSLATE_NOOP("AuditModel", "Object"),
)  # fmt: skip


def _tr(text: str) -> str:
    return QCoreApplication.translate("AuditModel", text)


class AuditModel(QAbstractTableModel):
    def __init__(self, runner: TaskRunner, actor: Any,
                 on_loaded: Callable[[], None] | None = None,
                 on_error: Callable[[UserError], None] | None = None) -> None:
        super().__init__()
        self.runner = runner
        self.actor = actor
        self.rows: list[AuditRow] = []
        self.filter = AuditFilter()
        self.more = False
        self.loading = False
        self._generation = 0  # a page for an older filter is dropped
        self._on_loaded = on_loaded
        self._on_error = on_error

    # -- loading ----------------------------------------------------------------------------
    def reload(self, flt: AuditFilter | None = None) -> None:
        """The newest rows of ``flt`` (default: the filter shown now)."""
        self._generation += 1
        if flt is not None:
            self.filter = flt
        self.loading = True
        self._ask(self._generation, before=None)

    def _ask(self, generation: int, before: Cursor | None) -> None:
        def done(page: AuditPage) -> None:
            self._arrived(generation, page, before is None)

        def failed(error: UserError) -> None:
            if generation == self._generation:
                self.loading = False
                if self._on_error is not None:
                    self._on_error(error)

        self.runner.call(list_audit, self.actor, self.filter, before=before, on_done=done,
                         on_user_error=failed)

    def _arrived(self, generation: int, page: AuditPage, first: bool) -> None:
        if generation != self._generation:
            return
        self.loading = False
        if first:
            self.beginResetModel()
            self.rows = list(page.rows)
            self.endResetModel()
        elif page.rows:
            start = len(self.rows)
            self.beginInsertRows(QModelIndex(), start, start + len(page.rows) - 1)
            self.rows += page.rows
            self.endInsertRows()
        self.more = page.more
        if self._on_loaded is not None:
            self._on_loaded()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self.more and not self.loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent) and self.rows:
            self.loading = True
            self._ask(self._generation, before=self.rows[-1].cursor)

    # -- the table ------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        r = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            lang = current_language()
            target = f"{entity_name(r.entity, lang)} {r.entity_id}".strip()
            return (str(r.id), r.at.strftime("%Y-%m-%d %H:%M:%S"), action_name(r.action, lang),
                    r.staff, r.approver, target)[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def row(self, i: int) -> AuditRow | None:
        return self.rows[i] if 0 <= i < len(self.rows) else None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self.rows) - 1, len(COLUMNS) - 1))
