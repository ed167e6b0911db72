"""The confirmation a plain amount (直接收款) needs before it joins the cart.

A plain amount is rung up at once unless it looks like a mistake:

* it is above the shop's confirmation line (``checkout.plain_amount_confirm_fen``,
  ¥500 by default): F1 takes it, Esc goes back to correct it;
* the number typed is also a product's code or barcode (a code typed into the
  amount field by habit): Enter adds that product (what the cashier almost always
  meant), F1 takes the number as yuan after all, Esc goes back.

Enter never confirms an amount: a habitual Enter can add the product the cashier
typed the code of, never a wrong sum of money. Opened with ``open()``
(window-modal, no nested event loop); the choice arrives as a signal.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from memberdesk.money import Money
from memberdesk.ui.common import fmt
from memberdesk.ui.shell.i18n import Retranslating, add_language_key

if TYPE_CHECKING:
    from memberdesk.services.catalog.products import ProductInfo

CONFIRM_KEY = Qt.Key.Key_F1
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class PlainAmountDialog(Retranslating, QDialog):
    take_amount = Signal(object)  # Money
    take_product = Signal(object)  # ProductInfo

    def __init__(
        self,
        text: str,
        amount: Money,
        limit: Money,
        product: ProductInfo | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        add_language_key(self)
        self.setObjectName("plainAmountDialog")
        self.setModal(True)
        self.text = text
        self.amount = amount
        self.limit = limit
        self.product = product
        self.over_limit = amount > limit
        self.took_product = False
        self.heading = QLabel()
        self.heading.setObjectName("dialogHeading")
        self.amount_label = QLabel()
        self.amount_label.setObjectName("plainAmount")
        self.amount_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reason_label = QLabel()
        self.reason_label.setObjectName("plainAmountReason")
        self.reason_label.setWordWrap(True)
        self.product_button = self._button(self._product, primary=True)
        self.product_button.setVisible(product is not None)
        self.amount_button = self._button(self._amount, primary=product is None)
        self.back_button = self._button(self.reject)
        buttons = QHBoxLayout()
        buttons.setSpacing(12)
        buttons.addStretch(1)
        for button in (self.product_button, self.amount_button, self.back_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(14)
        layout.addWidget(self.heading)
        layout.addWidget(self.amount_label)
        layout.addWidget(self.reason_label)
        layout.addLayout(buttons)
        self.setMinimumWidth(560)
        self.retranslate()

    def _button(self, slot: Callable[[], object], *, primary: bool = False) -> QPushButton:
        button = QPushButton()
        button.setAutoDefault(False)
        button.setDefault(False)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        if primary:
            button.setObjectName("primaryButton")
        button.clicked.connect(slot)
        return button

    def _amount(self) -> None:
        self.take_amount.emit(self.amount)
        self.accept()

    def _product(self) -> None:
        if self.product is not None:
            self.took_product = True
            self.take_product.emit(self.product)
            self.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == CONFIRM_KEY:
            self._amount()
        elif key in ENTER_KEYS:
            self._product()  # with no product: nothing (Enter never takes money)
        else:
            super().keyPressEvent(event)  # Esc: back to the amount

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Plain amount"))
        self.heading.setText(self.tr("Plain amount (no item): check it"))
        self.amount_label.setText(fmt.money(self.amount))
        reasons = []
        if self.product is not None:
            reasons.append(
                self.tr("{code} is a product code: {name} {price}.").format(
                    code=self.text, name=self.product.name, price=fmt.money(self.product.price)
                )
            )
        if self.over_limit:
            reasons.append(
                self.tr("Above the plain-amount limit of {limit}: check the amount.").format(
                    limit=fmt.money(self.limit)
                )
            )
        self.reason_label.setText("\n".join(reasons))
        self.product_button.setText(self.tr("Add the product (Enter)"))
        self.amount_button.setText(self.tr("Take {amount} (F1)").format(
            amount=fmt.money(self.amount)))
        self.back_button.setText(self.tr("Back to correct it (Esc)"))
