"""库存 — light inventory for the owner and managers. The list (:mod:`.stock_model`,
lazy, by code) shows every product's stock; Find searches as on the products page;
"Low stock only" narrows it to the low-stock list. Pick a product, then: receive
goods (quantity, Enter, an optional note, Enter), count it (the quantity on the
shelf, Enter, the reason, Enter: the difference is posted), or set its low-stock
level (Enter). A product is tracked from its first receipt or count; services are
never tracked; "Stop tracking" for goods the shop does not count. Its latest
movements are shown below. Ctrl+E exports the stock report (Excel and PDF) to the
shop's exports folder. In a chain (网络版) the page shows the till's store; the owner
may pick another store or all of them (read-only), and a transfer row sends the
picked product to another store (:mod:`.stock_stores`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from memberdesk.services.shared.errors import UserError
from memberdesk.services.shop.stores import ALL_STORES
from memberdesk.services.stock.views import (
    MOVEMENTS_SHOWN,
    ProductMovements,
    StockRow,
    StockStores,
    count_stock_rows,
    product_movements,
    stock_stores,
)
from memberdesk.ui.common.column_fit import fit_columns
from memberdesk.ui.shell.tasks import TaskRunner

from ..dialogs.base import OK, current_language, push_button
from .export_panel import _KeepShortcuts as KeepShortcuts
from .long_jobs import LongJobs
from .stock_actions import StockActions
from .stock_model import StockModel
from .stock_stores import MovementsTable, StoreBar, TransferRow, export_stock


class StockPage(StockActions):
    def __init__(self, runner: TaskRunner, long_jobs: LongJobs, actor: Any,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, actor, "stockPage", parent)
        self.long_jobs = long_jobs
        self.picked: StockRow | None = None
        self.counts: tuple[int, int] | None = None
        self.exporting = False
        self.store: str | None = None  # the store shown (None: the till's, until known)
        self.stores: StockStores | None = None
        self.store_bar = StoreBar()
        self.store_bar.changed.connect(self._store_picked)
        self.transfer = TransferRow(self)
        self.transfer.button.clicked.connect(self.send)
        self.search = QLineEdit()
        self.search.setObjectName("stockSearch")
        self.search.setClearButtonEnabled(True)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(250)
        self.search_timer.timeout.connect(self._search)
        self.search.textChanged.connect(lambda _t: self.search_timer.start())
        self.low_only = QCheckBox()
        self.low_only.toggled.connect(lambda _on: self._search())
        self.count_label = QLabel()
        self.model = StockModel(runner, on_loaded=self._loaded)
        self.table = QTableView()
        self.table.setObjectName("stockTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # the titles over short values (On hand, Low at) give way before the names
        self.fit = fit_columns(self.table, elastic=(1,), title_floor=60)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _p: self._pick(cur.row()))
        self.search_label = QLabel()
        self.search_label.setBuddy(self.search)
        self.export_button = push_button(self.export)
        top = QHBoxLayout()
        top.addWidget(self.search_label)
        top.addWidget(self.search, 1)
        top.addWidget(self.low_only)
        top.addWidget(self.export_button)
        # the picked product: its stock and movements beside the list
        self.form_heading = QLabel()
        self.form_heading.setObjectName("sectionHeading")
        self.form_heading.setWordWrap(True)
        self.moves = MovementsTable()
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(self.count_label)
        left.addWidget(self.table, 1)
        right.addWidget(self.form_heading)
        right.addWidget(self.moves, 1)
        middle = QHBoxLayout()
        middle.setSpacing(14)
        middle.addLayout(left, 2)  # the list: its names whole at 1024 (the movements'
        middle.addLayout(right, 1)  # kind and note elide, their tool tips say them whole)
        # receive, count, low-stock level
        self.receive_qty, self.count_qty, self.low_at = QLineEdit(), QLineEdit(), QLineEdit()
        self.note, self.reason = QLineEdit(), QLineEdit()
        for edit in (self.receive_qty, self.count_qty, self.low_at):
            edit.setMaxLength(12)
            edit.setMaximumWidth(120)
        self.note.setMaxLength(200)
        self.reason.setMaxLength(200)
        self.receive_qty.setObjectName("receiveQty")
        self.count_qty.setObjectName("countQty")
        self.low_at.setObjectName("lowAt")
        self.labels = [QLabel() for _ in range(5)]
        self.receive_button = push_button(self.receive, primary=True)
        self.count_button = push_button(self.count)
        self.low_button = push_button(self.save_low)
        self.untrack_button = push_button(self.untrack)
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        rows = ((self.labels[0], self.receive_qty, self.labels[1], self.note, self.receive_button),
                (self.labels[2], self.count_qty, self.labels[3], self.reason, self.count_button))
        for r, (ql, qty, tl, text, button) in enumerate(rows):
            ql.setBuddy(qty)
            tl.setBuddy(text)
            for c, w in enumerate((ql, qty, tl, text, button)):
                grid.addWidget(w, r, c)
        self.labels[4].setBuddy(self.low_at)
        grid.addWidget(self.labels[4], 2, 0)
        grid.addWidget(self.low_at, 2, 1)
        low_row = QHBoxLayout()
        low_row.addWidget(self.low_button)
        low_row.addStretch(1)
        low_row.addWidget(self.untrack_button)
        grid.addLayout(low_row, 2, 2, 1, 3)
        for c, w in enumerate(self.transfer.widgets):
            grid.addWidget(w, 3, c)
            w.setVisible(False)
        grid.setColumnStretch(3, 1)
        self._busy_buttons += [self.receive_button, self.count_button, self.low_button,
                               self.untrack_button, self.transfer.button]
        heading_row, outer = QHBoxLayout(), self.layout()  # the store beside the heading
        assert isinstance(outer, QVBoxLayout)
        outer.removeWidget(self.heading)
        heading_row.addWidget(self.heading)
        heading_row.addSpacing(24)
        heading_row.addWidget(self.store_bar, 1)
        outer.insertLayout(0, heading_row)
        self.body.addLayout(top)
        self.body.addLayout(middle, 1)
        self.body.addLayout(grid)
        shortcut = QShortcut(QKeySequence("Ctrl+E"), self)
        shortcut.activated.connect(self.export)
        self._keeper = KeepShortcuts(self)  # Ctrl+E exports from a text field too
        for edit in (self.search, self.receive_qty, self.note, self.count_qty, self.reason,
                     self.low_at, self.transfer.qty):
            edit.installEventFilter(self._keeper)
        self._loaded_once = False
        self._movements: ProductMovements | None = None
        self.update_state()
        self.retranslate()

    # -- loading ---------------------------------------------------------------------------
    def activated(self) -> None:
        if not self._loaded_once:
            self._loaded_once = True
            self.fetch(stock_stores, self.actor, on_done=self._stores_loaded)
            self._search()
        self.search.setFocus()

    def _search(self) -> None:
        self.search_timer.stop()
        self.model.reload(self.search.text(), self.low_only.isChecked(), self.store)
        self.fetch(count_stock_rows, self.store, on_done=self._counted)

    def _stores_loaded(self, stores: StockStores) -> None:
        self.stores = stores
        self.store_bar.set_stores(stores)
        self._store_picked(self.store_bar.code() or stores.here, reload=False)

    def _store_picked(self, code: str, *, reload: bool = True) -> None:
        self.store = code
        if self.stores is not None:
            self.transfer.set_stores(self.stores, code)
        if reload:
            self.picked, self._movements = None, None
            self._render_movements()
            self._search()
        self.update_state()

    def _counted(self, counts: tuple[int, int]) -> None:
        self.counts = counts
        self._render_count()

    def _loaded(self) -> None:
        self._render_count()
        if self.picked is not None:
            for i, row in enumerate(self.model.rows):
                if row.code == self.picked.code:
                    self.table.selectRow(i)
                    break

    def _pick(self, row: int) -> None:
        found = self.model.row(row)
        if found is None:
            return
        if self.picked is None or self.picked.code != found.code:
            for edit in (self.receive_qty, self.note, self.count_qty, self.reason):
                edit.clear()
            self.low_at.setText("" if found.low_at is None else str(found.low_at))
            self.clear_message()
        self.picked = found
        self.update_state()
        self.fetch(product_movements, found.code, MOVEMENTS_SHOWN, self.store,
                   on_done=self._show_movements)

    def _show_movements(self, moves: ProductMovements) -> None:
        if self.picked is None or moves.row.code != self.picked.code:
            return
        self._movements = moves
        self._render_movements()

    def export(self) -> None:
        if self.exporting:
            return
        self.exporting = True
        self.update_state()
        self.say(lambda: self.tr("Exporting the stock report…"))
        self.long_jobs.call_with_progress(
            export_stock, self.actor, self.low_only.isChecked(), current_language(),
            self.store, on_done=self._exported, on_user_error=self._export_failed,
            on_finally=self._export_over)

    def _exported(self, written: list[Path]) -> None:
        self.say(lambda: self.tr("Written: {files}").format(
            files="\n".join(str(p) for p in written)), OK)

    def _export_failed(self, error: UserError) -> None:
        self.show_error(error)

    def _export_over(self) -> None:
        self.exporting = False
        self.update_state()

    def enter_pressed(self) -> None:
        """Enter: in Find, search now; in a quantity, on to its note or reason; in the
        note, receive; in the reason, count; in the low-stock level, save it."""
        focus = self.focusWidget()
        if focus is self.search:
            self._search()
        elif focus is self.receive_qty:
            self.note.setFocus()
        elif focus is self.note:
            self.receive()
        elif focus is self.count_qty:
            self.reason.setFocus()
        elif focus is self.reason:
            self.count()
        elif focus is self.low_at:
            self.save_low()
        elif focus is self.transfer.qty:
            self.send()
        elif focus is self.table and self.picked is not None:
            self.receive_qty.setFocus()

    # -- state and texts ---------------------------------------------------------------------
    def update_state(self) -> None:
        p = self.picked
        usable = (p is not None and not p.is_service and not self.busy
                  and self.store != ALL_STORES)  # the sum of every store: read-only
        for w in (self.receive_qty, self.note, self.count_qty, self.reason, self.low_at,
                  self.receive_button, self.count_button, self.low_button):
            w.setEnabled(usable)
        self.untrack_button.setEnabled(usable and p is not None and p.tracked)
        for part in self.transfer.widgets:
            part.setEnabled(usable and p is not None and p.tracked and self.transfer.to.count() > 0)
        self.export_button.setEnabled(not self.exporting)
        self._render_form()

    def _render_form(self) -> None:
        p = self.picked
        if p is None:
            self.form_heading.setText(self.tr("Pick a product in the list"))
        elif p.is_service:
            self.form_heading.setText(self.tr("{name} ({code}) is a service: no stock")
                                      .format(name=p.name, code=p.code))
        elif not p.tracked:
            self.form_heading.setText(self.tr("{name} ({code}): not tracked — receive goods "
                                              "or count it to start").format(name=p.name,
                                                                             code=p.code))
        else:
            self.form_heading.setText(self.tr("{name} ({code}): {on_hand} {unit} on hand")
                                      .format(name=p.name, code=p.code, on_hand=p.on_hand,
                                              unit=p.unit))

    def _render_count(self) -> None:
        shown = len(self.model.rows)
        if self.model.search:
            text = self.tr("{count} found").format(count=shown) if shown else self.tr(
                "Nothing found")
        elif self.model.more:
            text = self.tr("{count} shown, scroll for more").format(count=shown)
        else:
            text = self.tr("%n product(s)", "", shown)
        if self.counts is not None:
            text += self.tr("; {tracked} tracked, {low} low").format(
                tracked=self.counts[0], low=self.counts[1])
        self.count_label.setText(text)

    def _render_movements(self) -> None:
        moves = self._movements.movements if self._movements is not None else ()
        self.moves.show_moves(moves, every=self.store == ALL_STORES)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Stock"))
        self.search_label.setText(self.tr("&Find"))
        self.search.setPlaceholderText(self.tr("code or name"))
        self.search.setToolTip(self.tr("code, barcode, name or pinyin initials"))
        self.low_only.setText(self.tr("&Low stock only"))
        for label, text in zip(self.labels, (
                self.tr("&Receive"), self.tr("N&ote"), self.tr("&Counted"), self.tr("Re&ason"),
                self.tr("Lo&w at")), strict=True):
            label.setText(text)
        self.receive_qty.setPlaceholderText(self.tr("quantity"))
        self.note.setPlaceholderText(self.tr("supplier, delivery note"))
        self.note.setToolTip(self.tr("supplier, delivery note (optional)"))
        self.count_qty.setPlaceholderText(self.tr("counted"))
        self.reason.setPlaceholderText(self.tr("e.g. month-end count"))
        self.reason.setToolTip(self.tr("e.g. month-end count, broken, expired"))
        self.low_at.setPlaceholderText(self.tr("none"))
        self.receive_button.setText(self.tr("Receive goods"))
        self.count_button.setText(self.tr("Post count"))
        self.low_button.setText(self.tr("Save low-stock level"))
        self.untrack_button.setText(self.tr("Stop tracking"))
        self.export_button.setText(self.tr("Export stock report (Ctrl+E)"))
        self.model.retranslate()
        self.fit.schedule()  # the titles in this language
        self.transfer.retranslate()
        self._render_form()
        self._render_count()
        self._render_movements()
        super().retranslate()
