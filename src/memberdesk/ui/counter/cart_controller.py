"""Ringing up the sale: items scanned or typed, plain amounts, quantities.

The product field takes a barcode scanner's burst, or typed text + Enter: the
exact code or barcode goes straight in, a name, pinyin initials or a part of them
open the product pick list (:func:`memberdesk.services.catalog.search.search_products`
on the task runner); the
amount field a plain amount + Enter (a line without a product: many shops ring
up amounts only). A plain amount above the shop's confirmation line, or one
that is also a product code, waits for the cashier's decision
(:class:`~.plain_amount.PlainAmountDialog`). ``+``/``-`` change the quantity of the selected line and Del
removes it (when the field they are pressed in is empty); Up/Down move the
selection. After every change the pricing service re-prices the cart on the task
runner (:func:`memberdesk.services.checkout.cart.quote`): member prices, tier discount,
rounding. A change the service refuses is undone and the reason shown.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit

from memberdesk.domain.discounts import ManualDiscount
from memberdesk.money import Money
from memberdesk.services.shared.errors import NotFoundError, UserError
from memberdesk.ui.counter.cart_model import COLUMNS, CartItem, CartModel
from memberdesk.ui.counter.errors import CounterError
from memberdesk.ui.counter.pick_list import ProductPickDialog
from memberdesk.ui.counter.plain_amount import PlainAmountDialog
from memberdesk.ui.counter.wedge import WedgeDetector
from memberdesk.ui.counter.work_names import job

if TYPE_CHECKING:
    from memberdesk.services.catalog.products import ProductInfo
    from memberdesk.services.catalog.search import ProductSearch
    from memberdesk.services.pricing.prices import PriceBreakdown
    from memberdesk.ui.counter.main_window import MainWindow
    from memberdesk.ui.counter.state import CounterState
    from memberdesk.ui.shell.tasks import TaskRunner

MAX_QTY = 9999
DISCOUNT_COLUMN = COLUMNS.index("discount")
PLUS_KEYS = (Qt.Key.Key_Plus,)
MINUS_KEYS = (Qt.Key.Key_Minus,)


class CartController(QObject):
    changed = Signal()  # the items or their prices changed
    scan_requested = Signal(str)  # a wedge burst in the product field: product or card

    def __init__(
        self, window: MainWindow, runner: TaskRunner, state: CounterState, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.window = window
        self.runner = runner
        self.state = state
        self.model = CartModel(self)
        self.breakdown: PriceBreakdown | None = None
        # Plain amounts above this need a confirming key (checkout.plain_amount_confirm_fen).
        self.confirm_above = Money(50_000)
        self.plain_dialog: PlainAmountDialog | None = None
        self.pick_dialog: ProductPickDialog | None = None
        self._checking_amount = False
        self._undo_order: ManualDiscount | None = None  # the order discount an undo restores
        self._generation = 0
        self._sale_id = ""
        # The manual order discount, and a manager's approval of the manual discounts
        # (cleared whenever they change: an approval is for what the manager saw).
        self.order_discount: ManualDiscount | None = None
        self.approval_id: int | None = None
        panel = window.cart_panel
        panel.set_model(self.model)
        panel.table.setColumnHidden(DISCOUNT_COLUMN, True)
        self.product_field: QLineEdit = panel.product_field
        self.amount_field = panel.amount_field
        self.wedge = WedgeDetector(self.product_field)
        self.wedge.scanned.connect(self.scan_requested)
        # A card or a barcode arriving in the amount field is never an amount.
        self.amount_wedge = WedgeDetector(self.amount_field)
        self.amount_wedge.scanned.connect(self.scan_requested)
        self.product_field.returnPressed.connect(self._product_entered)
        self.amount_field.returnPressed.connect(self._amount_entered)
        panel.plus_button.clicked.connect(lambda: self.change_qty(1))
        panel.minus_button.clicked.connect(lambda: self.change_qty(-1))
        panel.remove_button.clicked.connect(self.remove_selected)
        for field in (window.lookup, self.product_field, self.amount_field):
            field.installEventFilter(self)
        state.member_changed.connect(lambda _member: self.requote())

    # -- the sale ---------------------------------------------------------------------------
    @property
    def items(self) -> tuple[CartItem, ...]:
        return tuple(self.model.items)

    @property
    def is_empty(self) -> bool:
        return not self.model.items

    @property
    def sale_id(self) -> str:
        """The checkout's client id: one per sale, kept across payment retries."""
        if not self._sale_id:
            self._sale_id = uuid.uuid4().hex
        return self._sale_id

    @property
    def priced(self) -> bool:
        """The breakdown on screen is the service's price of the cart as it is."""
        return self.breakdown is not None or self.is_empty

    def clear(self) -> None:
        """A new sale: no lines, a new client id."""
        self._sale_id = ""
        self.order_discount, self.approval_id = None, None
        self.product_field.clear()
        self.amount_field.clear()
        self._apply([], None, undo=False)

    def restore(self, items: list[CartItem], order_discount: ManualDiscount | None,
                approval_id: int | None) -> None:
        """A cart Esc emptied, back as it was (ui/counter/cart_restore.py), priced again."""
        self.order_discount, self.approval_id = order_discount, approval_id
        self._apply(list(items), 0, undo=False)

    # -- adding ------------------------------------------------------------------------------
    def add_product(self, product: ProductInfo) -> None:
        items = list(self.model.items)
        for row, item in enumerate(items):
            if item.product_id == product.id:
                items[row] = replace(item, qty=min(item.qty + 1, MAX_QTY))
                self._apply(items, row)
                return
        items.append(CartItem(product.id, product.code, product.name, product.price))
        self._apply(items, len(items) - 1)

    def add_amount(self, amount: Money) -> None:
        items = [*self.model.items, CartItem(None, "", "", amount)]
        self._apply(items, len(items) - 1)

    def _product_entered(self) -> None:
        code = self.product_field.text().strip()
        actor = self.state.actor
        if not code or actor is None:
            return
        self.product_field.clear()
        self.runner.call(job("search_products"), code, on_done=self._products_found,
                         on_user_error=self._refused)

    def _products_found(self, found: ProductSearch) -> None:
        if found.exact and found.products:
            self.add_product(found.products[0])
        elif not found.products:
            self.window.banner.show_user_error(NotFoundError("product_not_found", key=found.query))
        elif self.pick_dialog is None:
            dialog = ProductPickDialog(found, self.window)
            dialog.picked.connect(self.add_product)
            dialog.finished.connect(lambda _code: self._pick_closed(dialog))
            self.pick_dialog = dialog
            dialog.open()

    def _pick_closed(self, dialog: ProductPickDialog) -> None:
        if self.pick_dialog is dialog:
            self.pick_dialog = None
        dialog.deleteLater()
        self.window.focus_field(self.product_field)

    def _amount_entered(self) -> None:
        text = self.amount_field.text().strip()
        if not text or self._checking_amount or self.plain_dialog is not None:
            return
        amount = self.amount_field.amount()
        if amount is None or amount.fen <= 0:
            self.window.banner.show_user_error(CounterError("not_an_amount"))
            self.amount_field.selectAll()
            return
        # Is the number a product's code? (The worker asks; the text waits in the field.)
        self._checking_amount = True
        self.runner.call(
            job("product_with_code"), text,
            on_done=lambda product: self._amount_checked(text, amount, product),
            on_user_error=self._refused,
            on_finally=self._amount_check_done,
        )

    def _amount_check_done(self) -> None:
        self._checking_amount = False

    def _amount_checked(self, text: str, amount: Money, product: ProductInfo | None) -> None:
        if self.amount_field.text().strip() != text:
            return  # the cashier changed it meanwhile: their next Enter decides
        if product is None and amount <= self.confirm_above:
            self.amount_field.clear()
            self.add_amount(amount)
            return
        dialog = PlainAmountDialog(text, amount, self.confirm_above, product, self.window)
        dialog.take_amount.connect(self._plain_amount_taken)
        dialog.take_product.connect(self._plain_amount_was_a_product)
        dialog.finished.connect(lambda code: self._plain_dialog_closed(dialog, code))
        self.plain_dialog = dialog
        dialog.open()

    def _plain_amount_taken(self, amount: Money) -> None:
        self.amount_field.clear()
        self.add_amount(amount)

    def _plain_amount_was_a_product(self, product: ProductInfo) -> None:
        self.amount_field.clear()
        self.add_product(product)

    def _plain_dialog_closed(self, dialog: PlainAmountDialog, code: int) -> None:
        if self.plain_dialog is dialog:
            self.plain_dialog = None
        dialog.deleteLater()
        if code == PlainAmountDialog.DialogCode.Accepted and dialog.took_product:
            self.window.focus_field(self.product_field)
        else:
            self.window.focus_field(self.amount_field)
            self.amount_field.selectAll()

    # -- the selected line ----------------------------------------------------------------------
    def selected_row(self) -> int:
        """The cashier's line selected (-1: none, or a gift line, which is not theirs)."""
        rows = self.window.cart_panel.table.selectionModel().selectedRows()
        return rows[0].row() if rows and rows[0].row() < len(self.model.items) else -1

    def select(self, row: int) -> None:
        table = self.window.cart_panel.table
        if 0 <= row < self.model.rowCount():
            table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            table.scrollTo(self.model.index(row, 0))

    def change_qty(self, delta: int) -> None:
        row = self.selected_row()
        if row < 0:
            if self.model.items:
                self.window.banner.show_user_error(CounterError("no_line_selected"))
            return
        qty = self.model.items[row].qty + delta
        if qty < 1:
            self.remove_selected()
        elif qty <= MAX_QTY:
            self._apply(self.model.with_qty(row, qty), row)

    def remove_selected(self) -> None:
        row = self.selected_row()
        if row < 0:
            return
        items = list(self.model.items)
        del items[row]
        self._apply(items, min(row, len(items) - 1))

    # -- keys in the counter's fields ---------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QLineEdit):
            return False
        assert isinstance(event, QKeyEvent)
        key = event.key()
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.model.items:
            row = self.selected_row()
            step = -1 if key == Qt.Key.Key_Up else 1
            self.select(max(0, min(len(self.model.items) - 1, row + step)))
            return True
        if watched.text():
            return False  # in a field with text these keys edit the text
        if key in PLUS_KEYS:
            self.change_qty(1)
            return True
        if key in MINUS_KEYS:
            self.change_qty(-1)
            return True
        if key == Qt.Key.Key_Delete:
            self.remove_selected()
            return True
        return False

    # -- pricing ---------------------------------------------------------------------------------
    def _apply(self, items: list[CartItem], select_row: int | None, *, undo: bool = True) -> None:
        before = list(self.model.items)
        self._undo_order = self.order_discount
        self.model.set_items(items)
        if select_row is not None:
            self.select(select_row)
        self.requote(before if undo else None)

    def requote(self, undo: list[CartItem] | None = None) -> None:
        self._generation += 1
        generation = self._generation
        self.breakdown = None
        actor = self.state.actor
        if not self.model.items or actor is None:
            self.changed.emit()
            return
        member = self.state.member
        member_id = getattr(member, "id", None)
        self.changed.emit()
        self.runner.call(
            job("quote"), actor, self.items, member_id, (), self.order_discount,
            on_done=lambda bd: self._quoted(generation, bd),
            on_user_error=lambda error: self._quote_refused(generation, error, undo),
        )

    def _quoted(self, generation: int, breakdown: PriceBreakdown) -> None:
        if generation != self._generation:
            return  # the cart changed meanwhile; a newer quote is on its way
        self.breakdown = breakdown
        self.model.set_priced(breakdown.lines, breakdown.tier_name)
        # The discount column only when a line has one: the item names get the room.
        self.window.cart_panel.table.setColumnHidden(
            DISCOUNT_COLUMN, not any(line.discount for line in breakdown.lines)
        )
        if breakdown.gift_short_product:  # 满赠 reached, its gift out of stock: say why
            self.window.banner.show_user_error(UserError(
                "gift_out_of_stock", campaign=breakdown.gift_short_campaign,
                product=breakdown.gift_short_product))
        self.changed.emit()

    def set_discounts(self, items: list[CartItem], order: ManualDiscount | None) -> None:
        """New manual discounts or prices (the discount key): the approval is for the old ones."""
        before, before_order = list(self.model.items), self.order_discount
        self.order_discount, self.approval_id = order, None
        row = self.selected_row()
        self.model.set_items(items)
        self.select(row)
        self._undo_order = before_order
        self.requote(before)

    def _quote_refused(self, generation: int, error: UserError, undo: list[CartItem] | None) -> None:
        if generation != self._generation:
            return
        self.window.banner.show_user_error(error)
        if undo is not None:
            self.order_discount = self._undo_order
            row = self.selected_row()
            self.model.set_items(undo)
            self.select(min(row, len(undo) - 1))
            self.requote()
        else:
            self.changed.emit()

    def _refused(self, error: UserError) -> None:
        self.window.banner.show_user_error(error)
