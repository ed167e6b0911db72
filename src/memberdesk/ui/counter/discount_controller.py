"""The discount keys of the counter and the manager's approval they may need.

F11 (on the key bar) opens :class:`~.discount_dialog.DiscountDialog` on the selected
line's discount, Shift+F11 on the order discount, Ctrl+F11 on the selected line's
price. The choice goes into the cart (:meth:`CartController.set_discounts`) and is
priced by the service like any change; when the quote says the manual discounts
are over this cashier's cap (``PriceBreakdown.approval_needed``), the approval
dialog opens at once (a manager types their user name and password), and again
at F12 if it was closed without one. The approval id goes with the checkout,
which checks it, consumes it and names the approver in the audit row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog

from memberdesk.ui.common import fmt
from memberdesk.ui.counter.discount_dialog import DiscountChoice, DiscountDialog
from memberdesk.ui.counter.keys import DISCOUNTS

if TYPE_CHECKING:
    from memberdesk.ui.counter.cart_controller import CartController
    from memberdesk.ui.counter.main_window import MainWindow
    from memberdesk.ui.counter.state import CounterState
    from memberdesk.ui.shell.tasks import TaskRunner

CONTEXT = "DiscountKeys"
KEYS = DISCOUNTS  # the key map: :mod:`memberdesk.ui.counter.keys`


class DiscountController(QObject):
    def __init__(self, window: MainWindow, runner: TaskRunner, state: CounterState,
                 cart: CartController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window, self.runner, self.state, self.cart = window, runner, state, cart
        self.dialog: DiscountDialog | None = None
        self.approval: QDialog | None = None
        self._ask_after_quote = False
        self.actions: dict[str, QAction] = {}
        for mode, key, _text in KEYS:
            action = QAction(window)
            action.setObjectName(f"{mode}DiscountAction")
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(lambda _checked=False, m=mode: self.open(m))
            window.addAction(action)
            self.actions[mode] = action
        window.sale_keys.append(self.actions["line"])  # one button, by F12; Shift/Ctrl: no button
        cart.changed.connect(self._cart_changed)
        window.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        for mode, _key, text in KEYS:
            self.actions[mode].setText(QCoreApplication.translate(CONTEXT, text))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    # -- the dialog ------------------------------------------------------------------------
    def open(self, mode: str) -> None:
        if self.state.actor is None or self.dialog is not None or self.cart.is_empty:
            return
        row = self.cart.selected_row()
        item = self.cart.items[row] if row >= 0 else None
        name = None if item is None else (item.name or QCoreApplication.translate(
            "CartModel", "Plain amount"))
        dialog = DiscountDialog(mode, name, item.unit_price if item else None, self.window)
        dialog.chosen.connect(lambda choice: self._chosen(choice, row))
        dialog.finished.connect(lambda _code: self._closed(dialog))
        self.dialog = dialog
        dialog.open()

    def _closed(self, dialog: DiscountDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
        if self.approval is None:
            self.window.focus_entry()

    def _chosen(self, choice: DiscountChoice, row: int) -> None:
        items = list(self.cart.items)
        order = self.cart.order_discount
        if choice.mode == "order":
            order = choice.discount
        elif 0 <= row < len(items):
            if choice.mode == "override":
                items[row] = replace(items[row], override=choice.price)
            else:
                items[row] = replace(items[row], discount=choice.discount)
        self._ask_after_quote = True
        self.cart.set_discounts(items, order)

    # -- the approval ----------------------------------------------------------------------
    def _cart_changed(self) -> None:
        bd = self.cart.breakdown
        if not self._ask_after_quote or bd is None:
            return
        self._ask_after_quote = False
        if bd.approval_needed and self.cart.approval_id is None:
            self.ask_approval(None)

    def ask_approval(self, then: Callable[[], None] | None) -> None:
        """A manager approves the cart's manual discounts; then ``then()`` (the payment)."""
        from memberdesk.services.shared.permissions import Permission
        from memberdesk.ui.dialogs.approval import ApprovalDialog

        bd, actor = self.cart.breakdown, self.state.actor
        if bd is None or not bd.approval_needed or actor is None or self.approval is not None:
            return
        reason = QCoreApplication.translate("DiscountKeys", "Manual discount {amount}").format(
            amount=fmt.money(bd.manual))
        permission = Permission(bd.approval_needed)
        dialog = ApprovalDialog(self.runner, actor, permission, reason, self.window, action=(
            "price_change" if permission == Permission.PRICE_OVERRIDE else "discount"))

        def granted(grant: Any) -> None:
            self.cart.approval_id = grant.approval_id
            if then is not None:
                then()

        dialog.approved.connect(granted)
        dialog.finished.connect(lambda _code: self._approval_closed(dialog))
        self.approval = dialog
        dialog.open()

    def _approval_closed(self, dialog: QDialog) -> None:
        if self.approval is dialog:
            self.approval = None
        dialog.deleteLater()
        if self.dialog is None:
            self.window.focus_entry()
