"""The product list as a lazy Qt model: it holds the pages fetched so far (200
products each, by code) and asks for the next one when the view scrolls near the
end (``canFetchMore``/``fetchMore``), so 100,000 products never load at once. A
search replaces the rows with its matches. The reads run on the worker
(:class:`..tasks.TaskRunner`); the GUI thread never touches the database."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    Qt,
)

from memberdesk.services.catalog.admin import ProductRow, list_products
from memberdesk.ui.shell.i18n import QT_TRANSLATE_NOOP
from memberdesk.ui.shell.tasks import TaskRunner

from .paged_model import Index, PagedModel

COLUMNS = (
    QT_TRANSLATE_NOOP("ProductModel", "Code"), QT_TRANSLATE_NOOP("ProductModel", "Barcode"),
    QT_TRANSLATE_NOOP("ProductModel", "Name"), QT_TRANSLATE_NOOP("ProductModel", "Unit"),
    QT_TRANSLATE_NOOP("ProductModel", "Price"), QT_TRANSLATE_NOOP("ProductModel", "Cost"),
    QT_TRANSLATE_NOOP("ProductModel", "Category"),
    QT_TRANSLATE_NOOP("ProductModel", "State"),
)  # fmt: skip
ON_SALE = QT_TRANSLATE_NOOP("ProductModel", "On sale")
STOPPED = QT_TRANSLATE_NOOP("ProductModel", "Stopped")


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProductModel", text)


class ProductModel(PagedModel[ProductRow]):
    COLUMNS = COLUMNS
    CONTEXT = "ProductModel"

    def __init__(self, runner: TaskRunner, on_loaded: Callable[[], None] | None = None) -> None:
        super().__init__(runner, on_loaded)
        self.search = ""

    def reload(self, search: str = "") -> None:
        """The first page of the list (or the matches of ``search``)."""
        self.search = search.strip()
        self._restart()

    def _request(self, cursor: Any, on_done: Callable[[Any], None],
                 on_error: Callable[[Any], None]) -> None:
        self.runner.call(list_products, after=cursor, search=self.search, on_done=on_done,
                         on_user_error=on_error)

    def _cursor(self, last: ProductRow) -> Any:
        return last.product.code

    def _more_after(self, page: Any) -> bool:
        return bool(page.more) and not self.search  # a search shows its matches at once

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        p = row.product
        if role == Qt.ItemDataRole.DisplayRole:
            return (p.code, p.barcode or "", p.name, p.unit, p.price.yuan(),
                    p.cost.yuan() if p.cost is not None else "", row.category,
                    _tr(ON_SALE if p.active else STOPPED))[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (4, 5):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and not p.active:
            from PySide6.QtGui import QColor

            return QColor("#8a8f98")
        return None
