"""What the stock page's buttons do (库存): receive goods, count them, set the
low-stock level, stop tracking, and send the picked product to another store (调拨).
The page (``stock.StockPage``) is this class with its list, form and movements."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from memberdesk.domain.stock import MAX_QTY, parse_quantity
from memberdesk.services.stock.ledger import (
    StockInfo,
    count_stock,
    receive_stock,
    set_low_stock,
    stop_tracking,
)
from memberdesk.services.stock.transfer import Transfer, transfer_stock
from memberdesk.services.stock.views import (
    MOVEMENTS_SHOWN,
    ProductMovements,
    StockRow,
    count_stock_rows,
    product_movements,
)

from ..dialogs.base import ERROR, OK
from .page import Page
from .stock_model import StockModel
from .stock_stores import TransferRow


class StockActions(Page):
    """The stock page's actions; the page supplies the widgets and the reloads."""

    picked: StockRow | None
    store: str | None
    model: StockModel
    transfer: TransferRow
    receive_qty: QLineEdit
    count_qty: QLineEdit
    low_at: QLineEdit
    note: QLineEdit
    reason: QLineEdit

    def _counted(self, counts: tuple[int, int]) -> None:
        raise NotImplementedError

    def _show_movements(self, moves: ProductMovements) -> None:
        raise NotImplementedError

    def update_state(self) -> None:
        raise NotImplementedError

    # -- actions ------------------------------------------------------------------------------
    def _qty(self, edit: QLineEdit, allow_zero: bool) -> int | None:
        qty = parse_quantity(edit.text(), allow_zero=allow_zero)
        if qty is None:
            low = 0 if allow_zero else 1
            self.say(lambda: self.tr("Type a whole number from {low} to {high}.").format(
                low=low, high=f"{MAX_QTY:,}"), ERROR)
            edit.setFocus()
            edit.selectAll()
        return qty

    def receive(self) -> None:
        if self.picked is None:
            return
        qty = self._qty(self.receive_qty, False)
        if qty is not None:
            self.call(receive_stock, self.actor, self.picked.code, qty, self.note.text(),
                      store=self.store, on_done=lambda info: self._changed(info, "receive", qty))

    def count(self) -> None:
        if self.picked is None:
            return
        qty = self._qty(self.count_qty, True)
        if qty is None:
            return
        if not self.reason.text().strip():
            self.say(lambda: self.tr("Type the reason for the count, e.g. month-end count."),
                     ERROR)
            self.reason.setFocus()
            return
        before = self.picked.on_hand if self.picked.tracked else None
        self.call(count_stock, self.actor, self.picked.code, qty, self.reason.text(),
                  store=self.store, on_done=lambda info: self._changed(
                      info, "count", None if before is None else info.on_hand - before))

    def save_low(self) -> None:
        if self.picked is None:
            return
        low: int | None = None
        if self.low_at.text().strip():
            low = self._qty(self.low_at, True)
            if low is None:
                return
        self.call(set_low_stock, self.actor, self.picked.code, low, store=self.store,
                  on_done=lambda info: self._changed(info, "low", None))

    def untrack(self) -> None:
        if self.picked is not None:
            self.call(stop_tracking, self.actor, self.picked.code, store=self.store,
                      on_done=lambda info: self._changed(info, "untrack", None))

    def send(self) -> None:
        """调拨: the quantity of the picked product to the store chosen."""
        to = str(self.transfer.to.currentData() or "")
        qty = None if self.picked is None or not to else self._qty(self.transfer.qty, False)
        if qty is not None and self.picked is not None:
            self.call(transfer_stock, self.actor, self.picked.code, qty, to,
                      from_store=self.store, on_done=self._sent)

    def _sent(self, moved: Transfer) -> None:
        self.transfer.qty.clear()
        self._changed(moved.sent, "transfer", moved.qty)
        self.say(lambda: self.tr("{name}: {qty} sent to {store}; {on_hand} left here.").format(
            name=moved.sent.name, qty=moved.qty, store=moved.received.store,
            on_hand=moved.sent.on_hand), OK)

    def _changed(self, info: StockInfo, what: str, number: int | None) -> None:
        row = self.model.changed(info)
        if self.picked is not None and self.picked.code == info.code:
            picked = self.model.row(row)
            if picked is not None:
                self.picked = picked
        if what == "receive":
            self.receive_qty.clear()
            self.note.clear()
            self.receive_qty.setFocus()
            self.say(lambda: self.tr("{name}: {qty} received, {on_hand} on hand.").format(
                name=info.name, qty=number, on_hand=info.on_hand), OK)
        elif what == "count":
            self.count_qty.clear()
            self.reason.clear()
            self.count_qty.setFocus()
            if number is None:
                self.say(lambda: self.tr("{name}: tracked from now on, {on_hand} on hand.")
                         .format(name=info.name, on_hand=info.on_hand), OK)
            else:
                self.say(lambda: self.tr("{name}: counted {on_hand}, difference {diff}.").format(
                    name=info.name, on_hand=info.on_hand, diff=f"{number:+d}"), OK)
        elif what == "low":
            self.say(lambda: (self.tr("{name}: no low-stock level.") if info.low_at is None
                              else self.tr("{name}: low at {low} or less.")).format(
                name=info.name, low=info.low_at), OK)
        elif what == "untrack":
            self.say(lambda: self.tr("{name} is no longer tracked; its sales move no stock.")
                     .format(name=info.name), OK)
        self.fetch(count_stock_rows, self.store, on_done=self._counted)
        self.fetch(product_movements, info.code, MOVEMENTS_SHOWN, self.store,
                   on_done=self._show_movements)
        self.update_state()

