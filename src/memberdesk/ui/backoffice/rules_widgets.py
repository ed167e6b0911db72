"""The 规则 page's parts (:mod:`.rules`): small widget makers, the spin box of
thousandths, and :class:`RulesBase` — what the page's tabs share (the rules shown,
the reload, dates typed and shown). The tabs are mixins on it
(:mod:`.rules_tiers`, :mod:`.rules_coupons`), the page puts them together."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QWidget,
)

from memberdesk.models.enums import CouponKind
from memberdesk.money import Money
from memberdesk.services.loyalty.tiers_admin import TierRow
from memberdesk.services.stored_value.offers_admin import (
    LoyaltyRules,
    loyalty_rules,
)
from memberdesk.ui.common.column_fit import fit_columns
from memberdesk.ui.common.widgets import NumberBox, PickerBox
from memberdesk.ui.shell.i18n import QT_TRANSLATE_NOOP

from ..dialogs.base import ERROR
from .page import Page

ZERO = Money(0)
KIND_NAMES = {
    CouponKind.AMOUNT_OFF: QT_TRANSLATE_NOOP("RulesPage", "Amount off"),
    CouponKind.PERCENT_OFF: QT_TRANSLATE_NOOP("RulesPage", "Percent off"),
    CouponKind.FIXED_PRICE_ITEM: QT_TRANSLATE_NOOP("RulesPage", "Item at a fixed price"),
}
STATE_NAMES = {
    "running": QT_TRANSLATE_NOOP("RulesPage", "Running"),
    "scheduled": QT_TRANSLATE_NOOP("RulesPage", "Scheduled"),
    "ended": QT_TRANSLATE_NOOP("RulesPage", "Ended"),
}


def make_table(columns: int, name: str, *, elastic: tuple[int, ...] = (),
               numeric: tuple[int, ...] = ()) -> QTableWidget:
    """A list of rules: its columns share the width (the ``elastic`` ones, names and
    words, give way first: :mod:`memberdesk.ui.common.column_fit`); the ``numeric``
    ones (amounts, counts) are right-aligned."""
    table = QTableWidget(0, columns)
    table.setObjectName(name)
    table.verticalHeader().setVisible(False)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.setProperty("numericColumns", list(numeric))
    fit_columns(table, elastic=elastic)
    return table


def fill_table(table: QTableWidget, rows: list[list[str]]) -> None:
    numeric = set(table.property("numericColumns") or ())
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if c in numeric:
                item.setTextAlignment(right)
            table.setItem(r, c, item)


def form_grid(pairs: list[tuple[QLabel, QWidget]], per_row: int, *,
          above: bool = False) -> QGridLayout:
    """A form of ``per_row`` fields a row, each label beside its field (or above it:
    narrower, for a form of many fields)."""
    grid = QGridLayout()
    grid.setHorizontalSpacing(10)
    grid.setVerticalSpacing(2 if above else 6)
    for i, (label, field) in enumerate(pairs):
        label.setBuddy(field)
        row, col = divmod(i, per_row)
        if above:
            grid.addWidget(label, row * 2, col)
            grid.addWidget(field, row * 2 + 1, col)
        else:
            grid.addWidget(label, row, col * 2)
            grid.addWidget(field, row, col * 2 + 1)
    for col in range(per_row):
        grid.setColumnStretch(col if above else col * 2 + 1, 1)
    return grid


def heading_label() -> QLabel:
    label = QLabel()
    label.setObjectName("sectionHeading")
    label.setWordWrap(True)  # never what sets the page's width
    return label


def picker_box() -> PickerBox:
    picker = PickerBox()  # as wide as the form gives, not as its longest item
    picker.setSizeAdjustPolicy(PickerBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    picker.setMinimumContentsLength(3)
    return picker


def line_edit(max_len: int, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setMaxLength(max_len)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    return edit


def count_box(lo: int, hi: int) -> QSpinBox:
    box = NumberBox()
    box.setRange(lo, hi)
    return box


class ScaledSpinBox(NumberBox):
    """A whole number in thousandths (or tenths) shown as a decimal: 950‰ as "95%",
    1500‰ as "1.5×". A spin box of whole numbers, so it looks like the others and no
    float is ever stored."""

    def __init__(self, scale: int, lo: int, hi: int, suffix: str) -> None:
        super().__init__()
        self.scale = scale
        self.setRange(lo, hi)
        self.setSuffix(suffix)
        self.setSingleStep(max(1, scale // 10))

    def textFromValue(self, value: int) -> str:
        whole, part = divmod(value, self.scale)
        digits = len(str(self.scale)) - 1
        return f"{whole}.{part:0{digits}d}".rstrip("0").rstrip(".") if part else str(whole)

    def valueFromText(self, text: str) -> int:
        from decimal import Decimal, InvalidOperation

        try:
            number = Decimal(text.removesuffix(self.suffix()).strip() or "0")
        except InvalidOperation:
            return self.value()
        return int((number * self.scale).to_integral_value())

    def validate(self, text: str, pos: int) -> QValidator.State:  # type: ignore[override]
        body = text.removesuffix(self.suffix()).strip()
        whole, _, part = body.partition(".")
        digits = len(str(self.scale)) - 1
        if not all(p.isdigit() or p == "" for p in (whole, part)) or len(part) > digits:
            return QValidator.State.Invalid
        if not whole and not part:
            return QValidator.State.Intermediate
        return QValidator.State.Acceptable


def selected_row(table: QTableWidget) -> int | None:
    rows = table.selectionModel().selectedRows()
    return rows[0].row() if rows else None


class RulesBase(Page):
    """What the rules page's tabs share; :class:`.rules.RulesPage` is the page."""

    tiers_changed = Signal()  # the products page's member-price fields follow
    open_settings = Signal()  # the points rules live on the settings page
    may_edit: bool
    rules: LoyaltyRules | None
    editing_tier: TierRow | None
    tabs: QTabWidget

    def refresh(self, then: Callable[[], None] | None = None) -> None:
        def shown(rules: LoyaltyRules) -> None:
            self._show(rules)
            if then is not None:
                then()

        self.call(loyalty_rules, on_done=shown)

    def _show(self, rules: LoyaltyRules) -> None:
        raise NotImplementedError  # the page shows every tab's part

    def _dates(self, first: date | None, last: date | None) -> str:
        if first is None and last is None:
            return self.tr("no end")
        return f"{first.isoformat() if first else '…'} – {last.isoformat() if last else '…'}"

    def _read_date(self, edit: QLineEdit) -> tuple[bool, date | None]:
        text = edit.text().strip()
        if not text:
            return True, None
        try:
            return True, date.fromisoformat(text)
        except ValueError:
            self.say(lambda: self.tr("{text} is not a date: write it as 2026-12-31.")
                     .format(text=text), ERROR)
            edit.setFocus()
            edit.selectAll()
            return False, None
