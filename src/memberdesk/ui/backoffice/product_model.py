"""The product list as a lazy Qt model: it holds the pages fetched so far (200
products each, by code) and asks for the next one when the view scrolls near the
end (``canFetchMore``/``fetchMore``), so 100,000 products never load at once. A
search replaces the rows with its matches. The reads run on the worker
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

from memberdesk.services.catalog_admin import ProductPage, ProductRow, list_products

from ..i18n import QT_TRANSLATE_NOOP
from ..tasks import TaskRunner

Index = QModelIndex | QPersistentModelIndex
COLUMNS = (
    QT_TRANSLATE_NOOP("ProductModel", "Code"), QT_TRANSLATE_NOOP("ProductModel", "Barcode"),
    QT_TRANSLATE_NOOP("ProductModel", "Name"), QT_TRANSLATE_NOOP("ProductModel", "Unit"),
    QT_TRANSLATE_NOOP("ProductModel", "Price"), QT_TRANSLATE_NOOP("ProductModel", "Category"),
    QT_TRANSLATE_NOOP("ProductModel", "State"),
)  # fmt: skip
ON_SALE = QT_TRANSLATE_NOOP("ProductModel", "On sale")
STOPPED = QT_TRANSLATE_NOOP("ProductModel", "Stopped")


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProductModel", text)


class ProductModel(QAbstractTableModel):
    def __init__(self, runner: TaskRunner, on_loaded: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.runner = runner
        self.rows: list[ProductRow] = []
        self.more = False
        self.search = ""
        self.loading = False
        self._generation = 0  # a page for an older list or search is dropped
        self._on_loaded = on_loaded

    # -- loading ----------------------------------------------------------------------------
    def reload(self, search: str = "") -> None:
        """The first page of the list (or the matches of ``search``)."""
        self._generation += 1
        self.search = search.strip()
        self.loading = True
        self._ask(self._generation, after=None)

    def _ask(self, generation: int, after: str | None) -> None:
        def done(page: ProductPage) -> None:
            self._arrived(generation, page, after is None)

        def failed(_error: Any) -> None:
            if generation == self._generation:
                self.loading = False

        self.runner.call(list_products, after=after, search=self.search, on_done=done,
                         on_user_error=failed)

    def _arrived(self, generation: int, page: ProductPage, first: bool) -> None:
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
        self.more = page.more and not self.search
        if self._on_loaded is not None:
            self._on_loaded()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self.more and not self.loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent) and self.rows:
            self.loading = True
            self._ask(self._generation, after=self.rows[-1].product.code)

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
        row = self.rows[index.row()]
        p = row.product
        if role == Qt.ItemDataRole.DisplayRole:
            return (p.code, p.barcode or "", p.name, p.unit, p.price.yuan(), row.category,
                    _tr(ON_SALE if p.active else STOPPED))[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and not p.active:
            from PySide6.QtGui import QColor

            return QColor("#8a8f98")
        return None

    def row(self, i: int) -> ProductRow | None:
        return self.rows[i] if 0 <= i < len(self.rows) else None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(COLUMNS) - 1))
