"""Parts of the stock page (:mod:`.stock`). In a chain of stores (网络版): the store
whose stock is shown (the till's; staff of every store may pick any store or 全部门店,
the sum of all, read-only) and the transfer row (调拨: a quantity of the picked product
to another store); a shop of one store shows neither. The picked product's movements
(a transfer names the other store; 全部门店 names each movement's store), and the
stock report's export (worker side)."""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from memberdesk.reports.document import format_cell
from memberdesk.services.reporting.common import PDF_MAX_ROWS
from memberdesk.services.reporting.stock_report import kind_word, stock_document, stock_report
from memberdesk.services.reporting.words import pick
from memberdesk.services.shop.stores import ALL_STORES
from memberdesk.services.stock.views import Movement, StockStores
from memberdesk.ui.common import fmt
from memberdesk.ui.common.column_fit import LEAST, fit_columns
from memberdesk.ui.shell.i18n import Retranslating

from ..dialogs.base import current_language, push_button
from . import jobs
from .long_jobs import Progress


def export_stock(db: Any, actor: Any, low_only: bool, lang: str, store: str | None,
                 progress: Progress) -> list[Path]:
    """Worker side: the stock report of ``store`` to the shop's exports folder, Excel
    always, the PDF too unless it would be too long to be of use."""
    rep = stock_report(db, actor, low_only=low_only, store=store)
    rows = len(rep.lines) + len(rep.below_zero)
    where = "" if not rep.store else "_" + ("ALL" if rep.store == ALL_STORES
                                            else rep.store.split(" ")[0])
    spec = jobs.ReportSpec(
        open=lambda _db, _actor: nullcontext(rep),
        document=lambda r, shop: stock_document(r, shop, r.generated_at, lang),
        stem=lambda r: (pick(lang, "低库存", "low-stock") if low_only
                        else pick(lang, "库存报表", "stock")) + where + "_"
        + fmt.date_text(r.generated_at),
        rows=lambda _r: rows,
    )
    return jobs.export(db, actor, spec, None, True, rows <= PDF_MAX_ROWS, progress)


class MovementsTable(QTableWidget):
    """A product's latest movements, newest first (at most 200 rows), in four
    columns sharing the pane's width (:mod:`memberdesk.ui.common.column_fit`; no
    sideways scrolling beside the stock list at 1024 pixels): the time (the newest
    day's by the clock, older ones by the date), the kind, the change and what was on
    hand after it, the note or document. The kind and the note give way (elided);
    each cell's tooltip has it whole, with who did it."""

    COLUMNS = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, self.COLUMNS, parent)
        self.setObjectName("stockMovements")
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWordWrap(False)
        fit_columns(self, elastic=(1, 3), elastic_floor=LEAST)  # a narrow pane at 1024

    def show_moves(self, moves: tuple[Movement, ...], *, every: bool) -> None:
        """Show ``moves``; ``every``: of every store (each names its store)."""
        heads = (self.tr("Time"), self.tr("Kind"), self.tr("Change"), self.tr("Note or document"))
        self.setHorizontalHeaderLabels(list(heads))
        self.setRowCount(len(moves))
        lang = current_language()
        today = max((m.at.date() for m in moves), default=None)
        for r, m in enumerate(moves):
            note = m.note if m.note or not m.document else m.document
            if m.peer:  # a transfer: where it went or came from
                note = ("→ " if m.delta < 0 else "← ") + m.peer + (" " + note if note else "")
            note = f"[{m.store}] {note}" if every else note
            when = m.at.strftime("%H:%M" if m.at.date() == today else "%m-%d")
            cells = (when, kind_word(m.kind, lang), f"{m.delta:+,} → {m.on_hand_after:,}", note)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                tip = format_cell(m.at) if c == 0 else text
                item.setToolTip(f"{tip}\n{m.staff}" if m.staff else tip)
                self.setItem(r, c, item)


class StoreBar(Retranslating, QWidget):
    """门店: which store's stock the page shows. Hidden in a shop of one store."""

    changed = Signal(str)  # a store's code, or ALL

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.combo = QComboBox()
        self.combo.setObjectName("stockStore")
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.label.setBuddy(self.combo)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.combo)
        row.addStretch(1)
        self.stores: StockStores | None = None
        self.combo.activated.connect(lambda _i: self.changed.emit(self.code()))
        self.setVisible(False)
        self.retranslate()

    def set_stores(self, stores: StockStores) -> None:
        self.stores = stores
        self._fill()
        self.setVisible(len(stores.stores) > 1)

    def code(self) -> str:
        return str(self.combo.currentData() or "")

    def _fill(self) -> None:
        s = self.stores
        if s is None:
            return
        current = self.code() or s.here
        self.combo.clear()
        for code, name in s.stores:
            if s.pick or code == s.here:
                self.combo.addItem(f"{code} {name}", code)
        if s.pick:
            self.combo.addItem(self.tr("All stores (read only)"), ALL_STORES)
        self.combo.setCurrentIndex(max(0, self.combo.findData(current)))
        self.combo.setEnabled(s.pick)

    def retranslate(self) -> None:
        self.label.setText(self.tr("&Store"))
        self._fill()


class TransferRow(QObject):
    """调拨: the quantity, the receiving store, the button (its parts sit in the
    page's grid: :attr:`widgets`; the page calls :meth:`retranslate`)."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.label, self.to_label = QLabel(), QLabel()
        self.qty = QLineEdit()
        self.qty.setObjectName("transferQty")
        self.qty.setMaxLength(12)
        self.qty.setMaximumWidth(120)
        self.to = QComboBox()
        self.to.setObjectName("transferTo")
        self.label.setBuddy(self.qty)
        self.to_label.setBuddy(self.to)
        self.button = push_button(lambda: None)
        self.widgets = (self.label, self.qty, self.to_label, self.to, self.button)
        self.retranslate()

    def set_stores(self, stores: StockStores, shown: str) -> None:
        """The stores goods may go to from ``shown`` (every other store)."""
        current = self.to.currentData()
        self.to.clear()
        for code, name in stores.stores:
            if code != shown:
                self.to.addItem(f"{code} {name}", code)
        self.to.setCurrentIndex(max(0, self.to.findData(current)))
        for w in self.widgets:
            w.setVisible(len(stores.stores) > 1)

    def retranslate(self) -> None:
        self.label.setText(self.tr("&Transfer"))
        self.to_label.setText(self.tr("to stor&e"))
        self.qty.setPlaceholderText(self.tr("quantity"))
        self.button.setText(self.tr("Send to store"))
