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
        self._through: str | None = None  # the next page's read runs on to this product
        self._read_through: set[str] = set()  # this list's reads that ran on to a product

    def reload(self, search: str = "") -> None:
        """The first page of the list (or the matches of ``search``)."""
        self.search = search.strip()
        self._read_through = set()
        self._restart()

    def fetch_through(self, code: str) -> bool:
        """The pages after those fetched, through the one with product ``code`` however
        far down the list (a product saved or wanted beyond them), in one read. False
        (nothing asked) when the list has no more, or has run on to ``code`` already:
        it is not in the list (its code changed meanwhile)."""
        if code in self._read_through or not self.canFetchMore() or not self.rows:
            return False
        self._read_through.add(code)
        self._through = code
        try:
            self.fetchMore()
        finally:
            self._through = None
        return True

    def _request(self, cursor: Any, on_done: Callable[[Any], None],
                 on_error: Callable[[Any], None]) -> None:
        self.runner.call(list_products, after=cursor, search=self.search, through=self._through,
                         on_done=on_done, on_user_error=on_error)

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
