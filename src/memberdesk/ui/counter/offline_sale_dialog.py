"""The offline cash sale (网络版, the server lost): scan or type products, take cash.

The products and prices come from the till's copy of the catalogue; the lines are
priced by the same rules as a sale on the server (no member, no coupon: list prices,
which the heading and the price column say); a plain amount (直接收款) is typed into
its own field as at the counter, with the same confirmation above the shop's line or
when the number is also a product's code (:class:`~.plain_amount.PlainAmountDialog`);
the sale is
stored in the till's queue file before the dialog reports it (``sold``), and the
counter shows and prints its receipt, marked offline with a local number. Everything
here runs on the dialog's own worker: it never waits for the server.

Enter in the product field adds the product (again: one more); Enter in the amount
field adds the plain amount; Delete removes the selected line; Enter in the cash field
pays; Esc closes.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from memberdesk.money import Money
from memberdesk.services.shared.errors import UserError
from memberdesk.ui.common import fmt
from memberdesk.ui.common.money_input import MoneyEdit
from memberdesk.ui.counter.errors import CounterError
from memberdesk.ui.counter.offline_work import Line, exact_product, find, quote, sell
from memberdesk.ui.counter.plain_amount import PlainAmountDialog
from memberdesk.ui.dialogs.base import AmountEdit
from memberdesk.ui.shell.i18n import Retranslating, add_language_key, normalise
from memberdesk.ui.shell.tasks import TaskRunner


class OfflineSaleDialog(Retranslating, QDialog):
    sold = Signal(object)  # OfflineSaleResult

    def __init__(self, folder: Path, actor: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        add_language_key(self)
        self.setObjectName("offlineSaleDialog")
        self.setModal(True)
        self.folder = folder
        self.actor = actor
        self.runner = TaskRunner(parent=self)
        self.client_id = uuid.uuid4().hex  # kept for a retry of this sale
        # (LocalProduct, qty, None) or (None, 1, plain amount)
        self.lines: list[tuple[Any, int, Money | None]] = []
        self.plain_dialog: PlainAmountDialog | None = None
        self.payable: Any = None
        self.heading = QLabel()
        self.heading.setObjectName("dialogHeading")
        self.heading.setWordWrap(True)
        self.product_field = QLineEdit()
        self.product_field.setObjectName("offlineProductField")
        self.product_field.returnPressed.connect(self._add)
        self.table = QTableWidget(0, 4)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.amount_field = MoneyEdit()  # as the counter's plain-amount field
        self.amount_field.setObjectName("offlineAmountField")
        self.amount_field.returnPressed.connect(self._amount_entered)
        self.total_caption, self.total_value = QLabel(), QLabel()
        self.total_value.setObjectName("offlineTotal")
        self.cash_field = AmountEdit()
        self.cash_field.setObjectName("offlineCashField")
        self.cash_field.returnPressed.connect(self._pay)
        self.error = QLabel()
        self.error.setObjectName("dialogError")
        self.error.setWordWrap(True)
        self.pay_button = QPushButton()
        self.pay_button.setObjectName("primaryButton")
        self.pay_button.setAutoDefault(False)
        self.pay_button.clicked.connect(self._pay)
        self.close_button = QPushButton()
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        form = QFormLayout()
        self.product_caption, self.cash_caption = QLabel(), QLabel()
        self.amount_caption = QLabel()
        form.addRow(self.product_caption, self.product_field)
        form.addRow(self.amount_caption, self.amount_field)
        form.addRow(self.total_caption, self.total_value)
        form.addRow(self.cash_caption, self.cash_field)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.pay_button)
        column = QVBoxLayout(self)
        column.addWidget(self.heading)
        column.addWidget(self.table, 1)
        column.addLayout(form)
        column.addWidget(self.error)
        column.addLayout(buttons)
        self.resize(680, 640)
        self.retranslate()
        self.product_field.setFocus()

    # -- the cart -------------------------------------------------------------------------
    def _add(self) -> None:
        text = self.product_field.text().strip()
        if not text:
            self.cash_field.setFocus()
            return
        self.runner.run(find, self.folder, text, on_done=self._found, on_user_error=self.show_error)

    def _found(self, product: Any) -> None:
        self.product_field.clear()
        self.error.clear()
        before = list(self.lines)
        for i, (p, qty, _amount) in enumerate(self.lines):
            if p is not None and p.id == product.id:
                self.lines[i] = (p, qty + 1, None)
                break
        else:
            self.lines.append((product, 1, None))
        self._requote(before)

    def _amount_entered(self) -> None:
        """A plain amount: at once, unless it is above the shop's line or also a
        product's code (then the counter's confirmation decides)."""
        text = self.amount_field.text().strip()
        if not text or self.plain_dialog is not None:
            return
        amount = self.amount_field.amount()
        if amount is None or amount.fen <= 0:
            self.show_error(CounterError("not_an_amount"))
            self.amount_field.selectAll()
            return
        self.runner.run(
            exact_product,
            self.folder,
            text,
            on_done=lambda found: self._amount_checked(text, amount, *found),
            on_user_error=self.show_error,
        )

    def _amount_checked(self, text: str, amount: Money, product: Any, limit: int) -> None:
        if self.amount_field.text().strip() != text:
            return
        if product is None and amount.fen <= limit:
            self._add_amount(amount)
            return
        dialog = PlainAmountDialog(text, amount, Money(limit), product, self)
        dialog.take_amount.connect(self._add_amount)
        dialog.take_product.connect(self._amount_was_a_product)
        dialog.finished.connect(lambda _code: self._plain_closed(dialog))
        self.plain_dialog = dialog
        dialog.open()

    def _add_amount(self, amount: Money) -> None:
        self.amount_field.clear()
        self.error.clear()
        before = list(self.lines)
        self.lines.append((None, 1, amount))
        self._requote(before)

    def _amount_was_a_product(self, product: Any) -> None:
        self.amount_field.clear()
        self._found(product)

    def _plain_closed(self, dialog: PlainAmountDialog) -> None:
        if self.plain_dialog is dialog:
            self.plain_dialog = None
        dialog.deleteLater()
        self.amount_field.setFocus()

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.lines):
            del self.lines[row]
            self._requote()

    def _pairs(self) -> list[Line]:
        return [(p.id if p is not None else None, qty, amount) for p, qty, amount in self.lines]

    def _requote(self, before: list[tuple[Any, int, Money | None]] | None = None) -> None:
        """Price the cart again; a change the pricing refuses (a line above the shop's
        limit) is undone (``before``) and the reason shown."""
        if not self.lines:
            self.payable = None
            self._show_lines(None)
            return
        self.runner.run(
            quote,
            self.folder,
            self._pairs(),
            on_done=self._show_lines,
            on_user_error=lambda error: self._refused(error, before),
        )

    def _refused(
        self, error: UserError, before: list[tuple[Any, int, Money | None]] | None
    ) -> None:
        if before is not None:
            self.lines = before
            self._requote()
        self.show_error(error)

    def _show_lines(self, breakdown: Any) -> None:
        self.payable = breakdown.payable if breakdown is not None else None
        priced = breakdown.lines if breakdown is not None else ()
        self.table.setRowCount(len(priced))
        for row, line in enumerate(priced):
            cells = (
                self.tr("Plain amount") if line.product_id is None else line.description,
                fmt.number(line.qty),
                fmt.money(line.unit_price),
                fmt.money(line.net),
            )
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if col:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, col, item)
        self.retranslate()

    # -- paying ---------------------------------------------------------------------------
    def _pay(self) -> None:
        if not self.lines:
            self.product_field.setFocus()
            return
        cash = self.cash_field.amount_or_none()
        if cash is None and self.payable is not None:
            cash = self.payable  # the exact amount, as the counter's cash default
        if cash is None:
            return
        self.pay_button.setEnabled(False)
        self.runner.run(
            sell,
            self.folder,
            self.actor,
            self.client_id,
            self._pairs(),
            cash,
            on_done=self._sold,
            on_user_error=self.show_error,
            on_finally=lambda: self.pay_button.setEnabled(True),
        )

    def _sold(self, result: Any) -> None:
        self.sold.emit(result)
        self.accept()

    def show_error(self, error: UserError) -> None:
        self.error.setText(error.message(normalise(QLocale().name())))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete and not self.product_field.hasFocus():
            self.remove_selected()
            return
        super().keyPressEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Offline cash sale"))
        self.heading.setText(
            self.tr(
                "The server cannot be reached. Cash from walk-in customers only, at list "
                "prices (no member prices or promotions offline): the sale is kept on this "
                "till and sent to the server, in order, once it is back."
            )
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("Product"), self.tr("Qty"), self.tr("List price"), self.tr("Amount")]
        )
        self.product_caption.setText(self.tr("Barcode or code"))
        self.amount_caption.setText(self.tr("Plain amount ¥"))
        self.total_caption.setText(self.tr("To pay"))
        self.total_value.setText(fmt.money(self.payable) if self.payable is not None else "—")
        self.cash_caption.setText(self.tr("Cash received"))
        self.pay_button.setText(self.tr("Take cash (Enter)"))
        self.close_button.setText(self.tr("Cancel (Esc)"))
