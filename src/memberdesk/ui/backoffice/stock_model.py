"""The stock list as a lazy Qt model, like :mod:`.product_model`: pages of 200
products by code fetched as the view scrolls (100,000 products never load at once),
or the matches of a search, optionally only the low ones. A receipt or a count
changes its row in place. The reads run on the worker; the GUI thread never
touches the database."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    Qt,
)
from PySide6.QtGui import QColor

from memberdesk.services.stock.ledger import StockInfo
from memberdesk.services.stock.views import StockRow, list_stock
from memberdesk.ui.shell.i18n import QT_TRANSLATE_NOOP
from memberdesk.ui.shell.tasks import TaskRunner

from .paged_model import Index, PagedModel

COLUMNS = (
    QT_TRANSLATE_NOOP("StockModel", "Code"), QT_TRANSLATE_NOOP("StockModel", "Name"),
    QT_TRANSLATE_NOOP("StockModel", "On hand"), QT_TRANSLATE_NOOP("StockModel", "Low at"),
    QT_TRANSLATE_NOOP("StockModel", "State"),
)  # fmt: skip
NUMERIC = (2, 3)
LOW = QT_TRANSLATE_NOOP("StockModel", "Low")
BELOW_ZERO = QT_TRANSLATE_NOOP("StockModel", "Below zero")
NOT_TRACKED = QT_TRANSLATE_NOOP("StockModel", "Not tracked")
SERVICE = QT_TRANSLATE_NOOP("StockModel", "Service")
LOW_COLOUR, MUTED = QColor("#b3261e"), QColor("#8a8f98")


def _tr(text: str) -> str:
    return QCoreApplication.translate("StockModel", text)


def state_text(row: StockRow) -> str:
    if row.is_service:
        return _tr(SERVICE)
    if not row.tracked:
        return _tr(NOT_TRACKED)
    if row.on_hand is not None and row.on_hand < 0:
        return _tr(BELOW_ZERO)
    return _tr(LOW) if row.low else ""


class StockModel(PagedModel[StockRow]):
    COLUMNS = COLUMNS
    CONTEXT = "StockModel"

    def __init__(self, runner: TaskRunner, on_loaded: Callable[[], None] | None = None) -> None:
        super().__init__(runner, on_loaded)
        self.search = ""
        self.low_only = False
        self.store: str | None = None  # a store's code, ALL, None: the till's

    def reload(self, search: str = "", low_only: bool = False, store: str | None = None) -> None:
        self.search = search.strip()
        self.low_only = low_only
        self.store = store
        self._restart()

    def _request(self, cursor: Any, on_done: Callable[[Any], None],
                 on_error: Callable[[Any], None]) -> None:
        self.runner.call(list_stock, after=cursor, search=self.search, low_only=self.low_only,
                         store=self.store, on_done=on_done, on_user_error=on_error)

    def _cursor(self, last: StockRow) -> Any:
        return last.code

    def _more_after(self, page: Any) -> bool:
        return bool(page.more) and not self.search  # a search shows its matches at once

    def changed(self, info: StockInfo) -> int:
        """Show a product's new stock in its row (no reload: it may be on page 40);
        its row number, or -1 when it is not in the list."""
        for i, row in enumerate(self.rows):
            if row.code == info.code:
                self.rows[i] = dataclasses.replace(row, tracked=info.tracked,
                                                   on_hand=info.on_hand, low_at=info.low_at)
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(COLUMNS) - 1))
                return i
        return -1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            on_hand = ("" if row.on_hand is None or row.is_service
                       else f"{row.on_hand:,} {row.unit}")
            low_at = "" if row.low_at is None else f"{row.low_at:,}"
            return (row.code, row.name, on_hand, low_at, state_text(row))[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.low:
                return LOW_COLOUR
            if not row.tracked or not row.active:
                return MUTED
        return None
