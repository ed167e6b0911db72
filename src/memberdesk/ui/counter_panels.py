"""The counter's regions, empty until issue 5 fills them: the member on the left,
the cart in the middle, the totals with the amount due on the right.

Each panel is a titled frame. They show an honest empty state, never sample data.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from memberdesk.money import Money

from . import fmt
from .i18n import Retranslating


class Panel(Retranslating, QFrame):
    """A titled region of the counter."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setProperty("panel", True)
        self.title = QLabel()
        self.title.setProperty("panelTitle", True)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(16, 12, 16, 16)
        self.body.setSpacing(8)
        self.body.addWidget(self.title)


class MemberPanel(Panel):
    """Who is buying. Issue 5 replaces the empty state with the member card
    (name, tier, balances, points, grade) after a lookup."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("memberPanel", parent)
        self.empty_state = QLabel()
        self.empty_state.setObjectName("emptyState")
        self.empty_state.setWordWrap(True)
        self.empty_state.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.body.addWidget(self.empty_state)
        self.body.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Member"))
        self.empty_state.setText(
            self.tr("No member selected.\nSwipe a card or search in the box above.")
        )


class CartPanel(Panel):
    """The sale's lines. The table starts with an empty model holding only the
    column headers; issue 5 installs its cart model with :meth:`set_model`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("cartPanel", parent)
        self._headers = QStandardItemModel(0, 4, self)
        self.table = QTableView()
        self.table.setObjectName("cartTable")
        self.table.setModel(self._headers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.body.addWidget(self.table, 1)
        self.retranslate()

    def set_model(self, model: QAbstractItemModel) -> None:
        self.table.setModel(model)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Cart"))
        labels = [self.tr("Item"), self.tr("Qty"), self.tr("Price"), self.tr("Amount")]
        self._headers.setHorizontalHeaderLabels(labels)


class AmountLabel(QLabel):
    """The big amount due. Its size comes from the stylesheet (#amountDue); when
    an amount is too wide for the panel the font steps down until it fits."""

    MIN_POINT_SIZE = 14.0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._base_size: float | None = None
        # The panel decides the width; the text adapts to it, not the other way.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if self._base_size is None:
            self.ensurePolished()
            self._base_size = self.font().pointSizeF()
        size = self._base_size
        font = QFont(self.font())
        font.setPointSizeF(size)
        room = self.contentsRect().width()
        while size > self.MIN_POINT_SIZE and QFontMetrics(font).horizontalAdvance(self.text()) > room:
            size -= 2
            font.setPointSizeF(size)
        if size != self.font().pointSizeF():
            self.setStyleSheet("" if size == self._base_size else f"font-size: {size:g}pt;")


class TotalsPanel(Panel):
    """What the customer pays. :meth:`set_totals` is the whole interface."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("totalsPanel", parent)
        self._items = 0
        self._subtotal = Money.zero()
        self._discount = Money.zero()
        self._due = Money.zero()
        self.items_caption = QLabel()
        self.subtotal_caption = QLabel()
        self.discount_caption = QLabel()
        self.items_value = self._value_label()
        self.subtotal_value = self._value_label()
        self.discount_value = self._value_label()
        rows = QFormLayout()
        rows.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        rows.setHorizontalSpacing(12)
        rows.addRow(self.items_caption, self.items_value)
        rows.addRow(self.subtotal_caption, self.subtotal_value)
        rows.addRow(self.discount_caption, self.discount_value)
        self.body.addLayout(rows)
        self.body.addStretch(1)
        self.due_caption = QLabel()
        self.due_caption.setObjectName("amountDueCaption")
        self.due_value = AmountLabel()
        self.due_value.setObjectName("amountDue")
        self.due_value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.body.addWidget(self.due_caption)
        self.body.addWidget(self.due_value)
        self.retranslate()

    @staticmethod
    def _value_label() -> QLabel:
        label = QLabel()
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        label.setProperty("totalsValue", True)
        return label

    def set_totals(self, items: int, subtotal: Money, discount: Money, due: Money) -> None:
        self._items, self._subtotal, self._discount, self._due = items, subtotal, discount, due
        self._render_values()

    def _render_values(self) -> None:
        self.items_value.setText(fmt.number(self._items))
        self.subtotal_value.setText(fmt.money(self._subtotal))
        self.discount_value.setText(fmt.money(self._discount))
        self.due_value.setText(fmt.money(self._due))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Totals"))
        self.items_caption.setText(self.tr("Items"))
        self.subtotal_caption.setText(self.tr("Subtotal"))
        self.discount_caption.setText(self.tr("Discount"))
        self.due_caption.setText(self.tr("Amount due"))
        self._render_values()  # the locale changes with the language
