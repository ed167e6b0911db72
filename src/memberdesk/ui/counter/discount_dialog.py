"""The counter's manual discount (F11): a line discount, an order discount or a new
price for the selected line.

F11 opens it on the selected line's discount (or the order's, with no line);
Shift+F11 on the order discount, Ctrl+F11 on the selected line's price. Inside,
F1/F2/F3 switch between the three. The field takes an amount (5 or 5.50) or a
percent (10%) for a discount, a unit price for a price override; empty or 0
removes it. Enter applies, Esc goes back. The typed text is read by
:func:`memberdesk.domain.discounts.parse_discount`, the rule pricing uses. Whether
a manager must approve is decided by the pricing service afterwards (the caps per
role are settings), not here.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from memberdesk.domain.discounts import DiscountTextError, ManualDiscount, parse_discount
from memberdesk.money import Money, MoneyError
from memberdesk.ui.common import fmt
from memberdesk.ui.shell.i18n import Retranslating, add_language_key

MODES = ("line", "order", "override")
MODE_KEYS = {Qt.Key.Key_F1: "line", Qt.Key.Key_F2: "order", Qt.Key.Key_F3: "override"}
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


@dataclass(frozen=True)
class DiscountChoice:
    mode: str  # one of MODES
    discount: ManualDiscount | None = None  # line or order: None removes it
    price: Money | None = None  # override: the new unit price, None removes it


class DiscountDialog(Retranslating, QDialog):
    chosen = Signal(object)  # DiscountChoice

    def __init__(self, mode: str, line_name: str | None, line_price: Money | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        add_language_key(self)
        self.setObjectName("discountDialog")
        self.setModal(True)
        self.line_name = line_name
        self.line_price = line_price
        self.heading = QLabel()
        self.heading.setObjectName("dialogHeading")
        self.buttons = {m: QRadioButton() for m in MODES}
        modes = QHBoxLayout()
        for m, button in self.buttons.items():
            button.setObjectName(f"{m}DiscountMode")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.toggled.connect(lambda on, m=m: self._mode_changed(m) if on else None)
            button.setEnabled(m == "order" or line_name is not None)
            modes.addWidget(button)
        modes.addStretch(1)
        self.target = QLabel()
        self.target.setObjectName("discountTarget")
        self.target.setWordWrap(True)
        self.field = QLineEdit()
        self.field.setObjectName("discountField")
        self.field.setMaxLength(12)
        self.hint = QLabel()
        self.hint.setObjectName("discountHint")
        self.hint.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("dialogError")
        self.error.setWordWrap(True)
        self.apply_button = QPushButton()
        self.apply_button.setObjectName("primaryButton")
        self.back_button = QPushButton()
        for b in (self.apply_button, self.back_button):
            b.setAutoDefault(False)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.apply_button.clicked.connect(self.apply)
        self.back_button.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.apply_button)
        row.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addLayout(modes)
        layout.addWidget(self.target)
        layout.addWidget(self.field)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addLayout(row)
        self.setMinimumWidth(560)
        self.mode = ""
        self.buttons[mode if self.buttons[mode].isEnabled() else "order"].setChecked(True)
        self.retranslate()
        self.field.setFocus()

    def _mode_changed(self, mode: str) -> None:
        self.mode = mode
        self.error.clear()
        self.retranslate()
        self.field.setFocus()
        self.field.selectAll()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        mode = MODE_KEYS.get(Qt.Key(event.key()))
        if mode is not None and self.buttons[mode].isEnabled():
            self.buttons[mode].setChecked(True)
        elif event.key() in ENTER_KEYS:
            self.apply()
        else:
            super().keyPressEvent(event)  # Esc: back

    def apply(self) -> None:
        text = self.field.text()
        try:
            if self.mode == "override":
                price = Money.parse(text) if text.strip() else None
                self.chosen.emit(DiscountChoice("override", price=price))
            else:
                self.chosen.emit(DiscountChoice(self.mode, discount=parse_discount(text)))
        except (DiscountTextError, MoneyError):
            self.error.setText(
                self.tr("Type a new price, like 8.50.") if self.mode == "override"
                else self.tr("Type an amount (5 or 5.50) or a percent (10%)."))
            self.field.selectAll()
            return
        self.accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Discount"))
        self.heading.setText(self.tr("Discount or new price"))
        self.buttons["line"].setText(self.tr("Item discount (F1)"))
        self.buttons["order"].setText(self.tr("Order discount (F2)"))
        self.buttons["override"].setText(self.tr("New price (F3)"))
        if self.mode == "order" or self.line_name is None:
            self.target.setText(self.tr("The whole order"))
        else:
            self.target.setText(self.tr("{item}, price {price}").format(
                item=self.line_name, price=fmt.money(self.line_price or Money(0))))
        self.field.setPlaceholderText(
            self.tr("New unit price") if self.mode == "override" else self.tr("5.00 or 10%"))
        self.hint.setText(
            self.tr("Empty removes the new price. Above your limit a manager approves.")
            if self.mode == "override"
            else self.tr("Empty or 0 removes it. Above your limit a manager approves."))
        self.apply_button.setText(self.tr("Apply (Enter)"))
        self.back_button.setText(self.tr("Back (Esc)"))
