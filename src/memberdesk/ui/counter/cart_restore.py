"""Esc that emptied the cart is taken back with Ctrl+Z (issue 11, a fifth blind trial:
a cashier closing a dialog with Esc pressed three times lost the member and then a
cart of 3 items, ¥101.70, without a word and without a way back).

Esc on the counter clears the typing, then the member, then the cart
(``CounterController.escape``). The cart's Esc no longer throws it away: the banner
says what went ("购物车已清空：3 件商品（¥101.70）。按 Ctrl+Z 恢复。") and Ctrl+Z brings
the lines back, with the order discount and a manager's approval as they were, priced
again for the member on screen now. Asking first would stop every Esc (a question on
the way of the key a cashier presses most); an undo keeps Esc quick and loses nothing.

What can be restored is kept while the cart stays empty: an item rung up, a sale
paid, a log-out (:meth:`CartRestore.forget`) drop it. The lookup, product and amount
fields would take Ctrl+Z as their own undo; while a cart can come back it is the
cart's (an event filter on the fields)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget

from memberdesk.ui.shell.i18n import QT_TRANSLATE_NOOP
from memberdesk.ui.shell.quit_guard import unpaid_cart

if TYPE_CHECKING:
    from memberdesk.ui.counter.banner import MessageBanner
    from memberdesk.ui.counter.cart_controller import CartController

CONTEXT = "CartRestore"
CLEARED = QT_TRANSLATE_NOOP(
    "CartRestore", "Cart cleared: %n item(s) ({amount}). Press Ctrl+Z to bring it back.")
RESTORED = QT_TRANSLATE_NOOP("CartRestore", "The cart is back: %n item(s).")
UNDO_KEYS = (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)


def _t(text: str, count: int) -> str:
    return QCoreApplication.translate(CONTEXT, text, "", count)


class CartRestore(QObject):
    def __init__(self, cart: CartController, banner: MessageBanner,
                 fields: tuple[QWidget, ...], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cart = cart
        self.banner = banner
        self.kept: tuple[list[Any], Any, int | None] | None = None
        for field in fields:
            field.installEventFilter(self)
        cart.changed.connect(self._cart_changed)

    def clear(self) -> None:
        """Esc on a cart with items: emptied, kept to come back with Ctrl+Z."""
        unpaid = unpaid_cart(self.cart)
        if unpaid is None:
            return
        cart = self.cart
        kept = (list(cart.model.items), cart.order_discount, cart.approval_id)
        cart.clear()
        self.kept = kept
        count, amount = unpaid
        self.banner.show_notice(lambda: _t(CLEARED, count).format(amount=amount))

    def restore(self) -> bool:
        """Ctrl+Z: the cart Esc emptied, back (False: nothing to bring back)."""
        if self.kept is None or not self.cart.is_empty:
            return False
        items, order_discount, approval_id = self.kept
        self.kept = None
        self.cart.restore(items, order_discount, approval_id)
        count = self.cart.model.item_count
        self.banner.show_notice(lambda: _t(RESTORED, count))
        return True

    def forget(self) -> None:
        """Nothing to bring back any more (the session ended)."""
        self.kept = None

    def _cart_changed(self) -> None:
        if not self.cart.is_empty:
            self.kept = None  # a new sale began: the old cart is gone for good

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() in UNDO_KEYS and self.kept is not None
                and isinstance(event, QKeyEvent) and event.matches(QKeySequence.StandardKey.Undo)):
            event.accept()  # the shortcut is the cart's, not the field's own undo
            if event.type() == QEvent.Type.KeyPress:
                self.restore()
            return True
        return False
