"""The two halves of closing a shift: counting (what is in the drawer, per payment
method; expected amounts shown unless the close is blind) and the outcome
(counted, expected and the difference, as far as this staff member may see)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from memberdesk.models.enums import TenderKind
from memberdesk.money import Money
from memberdesk.services.shifts.shift import COUNTED_KINDS, ShiftSummary
from memberdesk.ui.common import fmt
from memberdesk.ui.shell.i18n import Retranslating

from .base import AmountEdit, restyle
from .labels import tender_name


def variance_text(variance: Money) -> str:
    """"+¥1.00" over, "-¥2.00" short, "¥0.00" exact."""
    sign = "+" if variance.fen > 0 else ""
    return sign + fmt.money(variance)


def set_tone(label: QLabel, variance: Money | None) -> None:
    tone = "" if variance is None or not variance else ("over" if variance.fen > 0 else "short")
    label.setProperty("variance", tone)
    restyle(label)


class ShiftCountView(Retranslating, QWidget):
    """One row per payment method: expected (or hidden) and the counted field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary: ShiftSummary | None = None
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(18)
        self.grid.setVerticalSpacing(8)
        self.head_kind, self.head_expected, self.head_counted = QLabel(), QLabel(), QLabel()
        for col, head in enumerate((self.head_kind, self.head_expected, self.head_counted)):
            head.setProperty("columnHead", True)
            if col:
                head.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.grid.addWidget(head, 0, col)
        self.kind_labels: dict[TenderKind, QLabel] = {}
        self.expected_labels: dict[TenderKind, QLabel] = {}
        self.fields: dict[TenderKind, AmountEdit] = {}
        for row, kind in enumerate(COUNTED_KINDS, start=1):
            name, expected, field = QLabel(), QLabel(), AmountEdit()
            field.setObjectName(f"count_{kind.value}")
            expected.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            name.setBuddy(field)
            self.grid.addWidget(name, row, 0)
            self.grid.addWidget(expected, row, 1)
            self.grid.addWidget(field, row, 2)
            self.kind_labels[kind], self.expected_labels[kind], self.fields[kind] = name, expected, field
        self.note = QLineEdit()
        self.note.setObjectName("shiftNote")
        self.note.setMaxLength(200)
        self.note_label = QLabel()
        self.note_label.setBuddy(self.note)
        self.grid.addWidget(self.note_label, len(COUNTED_KINDS) + 1, 0)
        self.grid.addWidget(self.note, len(COUNTED_KINDS) + 1, 1, 1, 2)
        self.grid.setColumnStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.intro)
        layout.addLayout(self.grid)
        layout.addStretch(1)
        self.retranslate()

    @property
    def cash(self) -> AmountEdit:
        return self.fields[TenderKind.CASH]

    @property
    def blind(self) -> bool:
        return self.summary is not None and any(a.expected is None for a in self.summary.amounts)

    def set_summary(self, summary: ShiftSummary) -> None:
        self.summary = summary
        for field in self.fields.values():
            field.clear()
        self.note.clear()
        self.retranslate()

    def counted(self, read: Callable[[AmountEdit], Money | None]) -> dict[TenderKind, Money] | None:
        """The amounts typed (cash always; others only when typed), or None when
        ``read`` refused one (it has said why)."""
        out: dict[TenderKind, Money] = {}
        for kind, field in self.fields.items():
            if kind is not TenderKind.CASH and not field.text().strip():
                continue
            amount = read(field)
            if amount is None:
                return None
            out[kind] = amount
        return out

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr("Count the drawer without looking at the expected amounts (blind close). "
                    "Cash must be counted; leave a method empty when it was checked against "
                    "its statement.")
            if self.blind else
            self.tr("Count the drawer. Cash must be counted; leave a method empty to take "
                    "the expected amount.")
        )
        self.head_kind.setText(self.tr("Method"))
        self.head_expected.setText(self.tr("Expected"))
        self.head_counted.setText(self.tr("Counted"))
        expected = {a.kind: a.expected for a in self.summary.amounts} if self.summary else {}
        for kind in COUNTED_KINDS:
            self.kind_labels[kind].setText(tender_name(kind))
            value = expected.get(kind)
            self.expected_labels[kind].setText(self.tr("hidden") if value is None else fmt.money(value))
            self.fields[kind].setPlaceholderText(
                "0.00" if kind is TenderKind.CASH else self.tr("as expected")
            )
        self.note_label.setText(self.tr("&Note"))


class ShiftResultView(Retranslating, QWidget):
    """The closed shift: counted, expected and the difference per method."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary: ShiftSummary | None = None
        self.headline = QLabel()
        self.headline.setObjectName("shiftVarianceHeadline")
        self.headline.setWordWrap(True)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(24)
        self.grid.setVerticalSpacing(6)
        self.variance_labels: dict[TenderKind, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.headline)
        layout.addLayout(self.grid)
        layout.addStretch(1)

    def set_summary(self, summary: ShiftSummary) -> None:
        self.summary = summary
        self.retranslate()

    def cash_variance(self) -> Money | None:
        if self.summary is None:
            return None
        return next((a.variance for a in self.summary.amounts if a.kind is TenderKind.CASH), None)

    def retranslate(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.variance_labels = {}
        s = self.summary
        if s is None:
            self.headline.clear()
            return
        hidden = any(a.variance is None for a in s.amounts)
        cash = self.cash_variance()
        if hidden:
            self.headline.setText(self.tr("Shift {number} is closed. This was a blind close: "
                                          "the manager sees the difference.").format(number=s.shift_no))
        elif cash:
            text = (self.tr("Shift {number} is closed. Cash is {amount} short.") if cash.fen < 0
                    else self.tr("Shift {number} is closed. Cash is {amount} over."))
            self.headline.setText(text.format(number=s.shift_no, amount=fmt.money(Money(abs(cash.fen)))))
        else:
            self.headline.setText(self.tr("Shift {number} is closed. Cash is exact.").format(
                number=s.shift_no))
        set_tone(self.headline, None if hidden else cash)
        # The same order as while counting: expected, then counted, then the difference.
        heads = ((self.tr("Method"), self.tr("Counted")) if hidden else
                 (self.tr("Method"), self.tr("Expected"), self.tr("Counted"), self.tr("Difference")))
        for col, text in enumerate(heads):
            head = QLabel(text)
            head.setProperty("columnHead", True)
            if col:
                head.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.grid.addWidget(head, 0, col)
        for row, a in enumerate(s.amounts, start=1):
            counted = fmt.money(a.counted) if a.counted is not None else "—"
            cells = [tender_name(a.kind), counted] if hidden else [
                tender_name(a.kind),
                fmt.money(a.expected) if a.expected is not None else "—",
                counted,
                variance_text(a.variance) if a.variance is not None else "—",
            ]
            for col, text in enumerate(cells):
                label = QLabel(text)
                if col:
                    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.grid.addWidget(label, row, col)
                if col == 3:
                    set_tone(label, a.variance)
                    self.variance_labels[a.kind] = label
