"""A line edit for yuan amounts: digits and at most two decimals, nothing else.

Letters (or a second decimal point, or a third decimal) never reach the field:
the validator refuses the key, so a wrong key cannot become a wrong amount.
"""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QLineEdit, QWidget

from memberdesk.money import Money, MoneyError

AMOUNT_PATTERN = r"^\d{0,8}(\.\d{0,2})?$"


class MoneyEdit(QLineEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setValidator(QRegularExpressionValidator(QRegularExpression(AMOUNT_PATTERN), self))
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setProperty("moneyInput", True)

    def amount(self) -> Money | None:
        """The amount typed, or None when the field is empty or holds only "." ."""
        text = self.text().strip()
        if not text:
            return None
        try:
            return Money.parse(text)
        except MoneyError:
            return None

    def set_amount(self, amount: Money | None) -> None:
        self.setText("" if amount is None else amount.yuan())
