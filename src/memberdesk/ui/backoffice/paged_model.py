"""A list read page by page on the worker, as a lazy Qt table model: it holds the
pages fetched so far and asks for the next one when the view scrolls near the end
(``canFetchMore``/``fetchMore``), so 100,000 products or a million audit rows never
load at once. ``reload`` starts again (a new search or filter); a page that arrives
for an older list is dropped. The GUI thread never touches the database.

A subclass names its columns (``COLUMNS``, translated in its ``CONTEXT``), asks the
service for a page (``_request``), says where the next page starts (``_cursor``)
and shows a row (``data``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from memberdesk.services.shared.errors import UserError
from memberdesk.ui.shell.tasks import TaskRunner

Index = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")


class PagedModel(QAbstractTableModel, Generic[Row]):
    COLUMNS: tuple[str, ...] = ()
    CONTEXT = ""

    def __init__(self, runner: TaskRunner, on_loaded: Callable[[], None] | None = None,
                 on_error: Callable[[UserError], None] | None = None) -> None:
        super().__init__()
        self.runner = runner
        self.rows: list[Row] = []
        self.more = False
        self.loading = False
        self._generation = 0  # a page for an older list, search or filter is dropped
        self._on_loaded = on_loaded
        self._on_error = on_error

    # -- what a subclass says ---------------------------------------------------------------
    def _request(self, cursor: Any, on_done: Callable[[Any], None],
                 on_error: Callable[[UserError], None]) -> None:
        """Ask the service for the page after ``cursor`` (None: the first)."""
        raise NotImplementedError

    def _cursor(self, last: Row) -> Any:
        """Where the page after ``last`` starts."""
        raise NotImplementedError

    def _more_after(self, page: Any) -> bool:
        return bool(page.more)

    def tr_column(self, text: str) -> str:
        return QCoreApplication.translate(self.CONTEXT, text)

    # -- loading ----------------------------------------------------------------------------
    def _restart(self) -> None:
        """The first page again (after the search or filter changed)."""
        self._generation += 1
        self.loading = True
        self._ask(self._generation, None)

    def _ask(self, generation: int, cursor: Any) -> None:
        def done(page: Any) -> None:
            self._arrived(generation, page, cursor is None)

        def failed(error: UserError) -> None:
            if generation == self._generation:
                self.loading = False
                if self._on_error is not None:
                    self._on_error(error)

        self._request(cursor, done, failed)

    def _arrived(self, generation: int, page: Any, first: bool) -> None:
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
        self.more = self._more_after(page)
        if self._on_loaded is not None:
            self._on_loaded()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self.more and not self.loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent) and self.rows:
            self.loading = True
            self._ask(self._generation, self._cursor(self.rows[-1]))

    # -- the table ------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr_column(self.COLUMNS[section])
        return None

    def row(self, i: int) -> Row | None:
        return self.rows[i] if 0 <= i < len(self.rows) else None

    def retranslate(self) -> None:
        last = len(self.COLUMNS) - 1
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, last)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, last))
