"""The counter's regions: the member on the left, the cart in the middle (with the
fields where items are scanned and plain amounts typed), the totals with the
amount due on the right.

Each panel is a titled frame and a view only: controllers fill them in. They show
an honest empty state, never sample data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from memberdesk.money import Money
from memberdesk.ui.common import fmt
from memberdesk.ui.common.money_input import MoneyEdit
from memberdesk.ui.counter.member_card import MemberCard
from memberdesk.ui.counter.suggestion_bar import SuggestionBar
from memberdesk.ui.shell.i18n import Retranslating

if TYPE_CHECKING:
    from memberdesk.ui.counter.work import MemberView


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
    """Who is buying: the member card after a lookup, else the empty state."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("memberPanel", parent)
        self.empty_state = QLabel()
        self.empty_state.setObjectName("emptyState")
        self.empty_state.setWordWrap(True)
        self.empty_state.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.card = MemberCard()
        # The card's grade · lifecycle line sits at the right of the title row.
        self.body.removeWidget(self.title)
        heading = QHBoxLayout()
        heading.addWidget(self.title)
        heading.addStretch(1)
        heading.addWidget(self.card.analytics, 0, Qt.AlignmentFlag.AlignVCenter)
        self.body.insertLayout(0, heading)
        # On a small screen a long note scrolls instead of squeezing the lines together.
        self.card_scroll = QScrollArea()
        self.card_scroll.setObjectName("memberScroll")
        self.card_scroll.setWidget(self.card)
        self.card_scroll.setWidgetResizable(True)
        self.card_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.card_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.card_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.card_scroll.hide()
        self.body.addWidget(self.empty_state, 1)  # one of the two is shown, at the top
        self.body.addWidget(self.card_scroll, 1)
        self.retranslate()

    def set_view(self, view: MemberView | None) -> None:
        self.card.set_view(view)
        self.card_scroll.setVisible(view is not None)
        self.empty_state.setVisible(view is None)

    @property
    def view(self) -> MemberView | None:
        return self.card.view

    def retranslate(self) -> None:
        self.title.setText(self.tr("Member"))
        self.empty_state.setText(
            self.tr("No member selected.\nSwipe a card or search in the box above.")
        )


class CartPanel(Panel):
    """The sale's lines and where they are entered: a product field (scanner or
    typed code) and a plain-amount field, with touch buttons for the quantity."""

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
        self.table.setWordWrap(False)
        self.plus_button = self._tool_button("qtyPlus", "+")
        self.minus_button = self._tool_button("qtyMinus", "−")
        self.remove_button = self._tool_button("removeLine", "×")
        header = QHBoxLayout()
        header.setSpacing(8)
        self.body.removeWidget(self.title)
        header.addWidget(self.title, 1)
        for button in (self.plus_button, self.minus_button, self.remove_button):
            header.addWidget(button)
        self.body.insertLayout(0, header)
        self.body.addWidget(self.table, 1)
        self.suggestions = SuggestionBar()  # hidden until there is something to suggest
        self.body.addWidget(self.suggestions)

        self.product_field = QLineEdit()
        self.product_field.setObjectName("productField")
        self.product_field.setClearButtonEnabled(True)
        self.amount_field = MoneyEdit()
        self.amount_field.setObjectName("amountField")
        # Each field says what it takes, also once something is typed in it (a
        # placeholder would vanish): a number in the amount field is money.
        self.product_label = QLabel()
        self.product_label.setObjectName("productLabel")
        self.product_label.setBuddy(self.product_field)
        self.amount_label = QLabel()
        self.amount_label.setObjectName("amountLabel")
        self.amount_label.setBuddy(self.amount_field)
        # Labels above their fields, so at 1024 wide the labels take no room from the
        # fields; the scan field, typed in most, gets the larger share.
        entry = QGridLayout()
        entry.setHorizontalSpacing(12)
        entry.setVerticalSpacing(2)
        entry.addWidget(self.product_label, 0, 0)
        entry.addWidget(self.amount_label, 0, 1)
        entry.addWidget(self.product_field, 1, 0)
        entry.addWidget(self.amount_field, 1, 1)
        entry.setColumnStretch(0, 3)
        entry.setColumnStretch(1, 2)
        self.body.addLayout(entry)
        self.retranslate()

    @staticmethod
    def _tool_button(name: str, text: str) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setProperty("cartButton", True)
        button.setText(text)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the typing stays where it was
        return button

    def set_model(self, model: QAbstractItemModel) -> None:
        self.table.setModel(model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Qt's least section width (64 px here) made "Qty" as wide as "Price": the
        # item names lost that room at 1024 in English.
        header.setMinimumSectionSize(32)
        for col in range(1, model.columnCount()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
        for signal in (model.headerDataChanged, model.dataChanged, model.rowsInserted,
                       model.rowsRemoved, model.modelReset, model.layoutChanged):
            signal.connect(lambda *_a: self._fit_columns())
        self._fit_columns()

    def _fit_columns(self) -> None:
        """The number columns as wide as their widest cell or their heading,
        whichever is wider. (ResizeToContents measured the heading in the plain
        font, not the bold one it is drawn in, and not again after a language
        switch: English headings were cut to "rice", "ount".)"""
        model = self.table.model()
        if model is None:
            return
        header = self.table.horizontalHeader()
        font = QFont(header.font())
        font.setBold(True)
        metrics = QFontMetrics(font)
        for col in range(1, model.columnCount()):
            heading = str(model.headerData(col, Qt.Orientation.Horizontal,
                                           Qt.ItemDataRole.DisplayRole) or "")
            width = max(metrics.horizontalAdvance(heading) + HEADER_PADDING,
                        self.table.sizeHintForColumn(col))
            if header.sectionSize(col) != width and not header.isSectionHidden(col):
                header.resizeSection(col, width)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Cart"))
        labels = [self.tr("Item"), self.tr("Qty"), self.tr("Price"), self.tr("Amount")]
        self._headers.setHorizontalHeaderLabels(labels)
        self.product_label.setText(self.tr("Item"))
        self.amount_label.setText(self.tr("Plain amount ¥"))
        self.product_field.setPlaceholderText(self.tr("Scan, code or name"))
        self.product_field.setToolTip(
            self.tr("A barcode or code adds the item; a name, pinyin initials or a part "
                    "of them show a pick list"))
        self.amount_field.setPlaceholderText("0.00")
        self.plus_button.setToolTip(self.tr("One more of the selected line (+)"))
        self.minus_button.setToolTip(self.tr("One less of the selected line (-)"))
        self.remove_button.setToolTip(self.tr("Remove the selected line (Del)"))
        self._fit_columns()  # the headings and cells read differently now
        self.table.horizontalHeader().viewport().update()


HEADER_PADDING = 2 * 6 + 6  # the stylesheet's section padding (6px a side), and a little air


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
        self.discount_rows = QFormLayout()
        self.discount_rows.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.discount_rows.setHorizontalSpacing(12)
        self.discount_rows.setVerticalSpacing(2)
        self.body.addLayout(self.discount_rows)
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

    def set_discounts(self, rows: list[tuple[str, Money]]) -> None:
        """The discounts as the pricing service explained them (label, amount off)."""
        while self.discount_rows.rowCount():
            self.discount_rows.removeRow(0)
        for label, amount in rows:
            caption = QLabel(label)
            caption.setProperty("discountLine", True)
            caption.setWordWrap(True)
            value = QLabel(fmt.money(-amount))
            value.setProperty("discountLine", True)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            self.discount_rows.addRow(caption, value)

    @property
    def due(self) -> Money:
        return self._due

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
