"""The audit log as a lazy Qt model: the pages fetched so far (200 rows each, newest
first, keyset on time and row number) and the next one asked for when the view scrolls
near the end (``canFetchMore``/``fetchMore``), so a million rows never load at
once. A new filter replaces the rows. Reads run on the worker
(:class:`..tasks.TaskRunner`); the GUI thread never touches the database."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    Qt,
)

from memberdesk.services.audit.view import (
    AuditFilter,
    AuditRow,
    Cursor,
    action_name,
    entity_name,
    list_audit,
)
from memberdesk.services.shared.errors import UserError
from memberdesk.ui.common import fmt
from memberdesk.ui.shell.i18n import QT_TRANSLATE_NOOP
from memberdesk.ui.shell.tasks import TaskRunner

from ..dialogs.base import current_language
from .paged_model import Index, PagedModel

COLUMNS = (
    QT_TRANSLATE_NOOP("AuditModel", "No."), QT_TRANSLATE_NOOP("AuditModel", "Time"),
    QT_TRANSLATE_NOOP("AuditModel", "Action"), QT_TRANSLATE_NOOP("AuditModel", "Staff"),
    QT_TRANSLATE_NOOP("AuditModel", "Approved by"), QT_TRANSLATE_NOOP("AuditModel", "Object"),
)  # fmt: skip


def _tr(text: str) -> str:
    return QCoreApplication.translate("AuditModel", text)


class AuditModel(PagedModel[AuditRow]):
    COLUMNS = COLUMNS
    CONTEXT = "AuditModel"

    def __init__(self, runner: TaskRunner, actor: Any,
                 on_loaded: Callable[[], None] | None = None,
                 on_error: Callable[[UserError], None] | None = None) -> None:
        super().__init__(runner, on_loaded, on_error)
        self.actor = actor
        self.filter = AuditFilter()

    def reload(self, flt: AuditFilter | None = None) -> None:
        """The newest rows of ``flt`` (default: the filter shown now)."""
        if flt is not None:
            self.filter = flt
        self._restart()

    def _request(self, cursor: Cursor | None, on_done: Callable[[Any], None],
                 on_error: Callable[[UserError], None]) -> None:
        self.runner.call(list_audit, self.actor, self.filter, before=cursor, on_done=on_done,
                         on_user_error=on_error)

    def _cursor(self, last: AuditRow) -> Cursor:
        return last.cursor

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        r = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            lang = current_language()
            target = f"{entity_name(r.entity, lang)} {r.entity_id}".strip()
            return (str(r.id), fmt.local_text(r.at, seconds=True), action_name(r.action, lang),
                    r.staff, r.approver, target)[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
