"""One row per way to pay in the payment dialog, and the arithmetic of a split.

A :class:`TenderRow` is a touch button naming the method and its key (F1 stored
value … F6 Alipay), an amount field and a note (what is available, the points it
takes, the change). :func:`split_totals` adds up what has been entered.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget

from memberdesk.domain.points import points_for_value
from memberdesk.domain.tenders import split_problem as split_rule
from memberdesk.money import Money
from memberdesk.services.shared.errors import UserError, ValidationError
from memberdesk.ui.common import fmt, icons
from memberdesk.ui.common.money_input import MoneyEdit
from memberdesk.ui.counter import keys
from memberdesk.ui.counter.discount_labels import tender_label

if TYPE_CHECKING:
    from memberdesk.services.pricing.prices import PointsQuote

TENDERS = keys.TENDERS  # the key map: :mod:`memberdesk.ui.counter.keys`
MEMBER_ONLY = frozenset({"stored_value", "points"})


FIELD_SAMPLE = "888,888.88"  # the widest amount a field needs to show whole


class TenderNote(QLabel):
    """The note beside a field, wrapped, and never shorter than its text needs at its
    width: a grid row sized by the label's usual hint kept two lines where the points
    reason needs three, and cut its last words (issue 11, 1024x768 in English)."""

    def __init__(self) -> None:
        super().__init__()
        self.setProperty("tenderNote", True)
        self.setWordWrap(True)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        if not self.text() or self.width() <= 0:
            return hint
        return QSize(hint.width(), max(hint.height(), self.heightForWidth(self.width())))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.text() and (self.heightForWidth(event.size().width())
                            != self.heightForWidth(event.oldSize().width())):
            self.updateGeometry()  # the row takes the height the new width needs


class TenderRow(QObject):
    """The widgets of one payment method, placed on row ``row`` of ``grid``."""

    activated = Signal(str)  # kind: the key or the button was pressed
    edited = Signal(str)  # kind: the cashier typed in the field

    def __init__(
        self, kind: str, key: str, grid: QGridLayout, row: int, host: QWidget
    ) -> None:
        super().__init__(host)
        self.kind = kind
        self.key = key
        self.cap: Money | None = None  # the most this method can pay (balance, points cap)
        self.filled_in = False  # the amount is the dialog's (F-key, opening), not typed
        self.button = QPushButton()
        self.button.setObjectName(f"tender_{kind}")
        self.button.setProperty("tenderButton", True)
        self.button.setIcon(icons.icon("stored_value" if kind == "stored_value" else kind))
        self.button.setIconSize(QSize(22, 22))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.setAutoDefault(False)
        self.button.clicked.connect(lambda: self.activated.emit(kind))
        self.field = MoneyEdit()
        self.field.setObjectName(f"amount_{kind}")
        self.field.textEdited.connect(self._typed)
        # as wide as an amount needs: the notes beside get the rest of the width
        self.field.setMaximumWidth(self.field.fontMetrics().horizontalAdvance(FIELD_SAMPLE) + 40)
        self.note = TenderNote()
        self.action = QAction(host)
        self.action.setShortcut(QKeySequence(key))
        self.action.triggered.connect(lambda: self.activated.emit(kind))
        host.addAction(self.action)
        grid.addWidget(self.button, row, 0)
        grid.addWidget(self.field, row, 1)
        grid.addWidget(self.note, row, 2)

    def _typed(self, _text: str) -> None:
        self.filled_in = False
        self.edited.emit(self.kind)

    def retranslate(self) -> None:
        self.button.setText(f"{self.key}  {tender_label(self.kind)}")

    @property
    def amount(self) -> Money:
        return self.field.amount() or Money(0)

    @property
    def typed_badly(self) -> bool:
        """Text that is not an amount (only "." for instance)."""
        return bool(self.field.text().strip()) and self.field.amount() is None

    def set_enabled(self, enabled: bool) -> None:
        for widget in (self.button, self.field):
            widget.setEnabled(enabled)
        self.action.setEnabled(enabled)

    def clear(self) -> None:
        self.field.clear()
        self.filled_in = False

    def fill(self, amount: Money) -> None:
        """Put ``amount`` (capped by :attr:`cap`) in the field, selected for retyping."""
        if self.cap is not None:
            amount = min(amount, self.cap)
        self.field.set_amount(amount if amount.fen > 0 else None)
        self.filled_in = True
        self.field.setFocus()
        self.field.selectAll()


def give_way(rows: dict[str, TenderRow], auto: str, row: TenderRow, payable: Money) -> None:
    """A method key (``row``) pressed while ``auto``'s row holds the amount filled in
    as the dialog opened. Cash filled in stands for "nothing chosen yet": it gives way
    whole. "All from stored value" is the member's money, and F2 (points, capped) adds
    to it: the points pay what they can and stored value keeps the rest (issue 11: F2
    emptied it, F1 filled it again); a method that pays it all (F3–F6: cash, card,
    WeChat, Alipay instead) leaves it nothing."""
    filled = rows[auto]
    if auto != "stored_value":
        filled.clear()
        return
    if not row.field.text():
        row.fill(split_totals(payable, [r for r in rows.values()
                                        if r is not row and r is not filled]).remaining)
    stored_value_keeps_the_rest(rows, payable)


def stored_value_keeps_the_rest(rows: dict[str, TenderRow], payable: Money) -> None:
    """Stored value the dialog filled in (not typed by the cashier) pays what the other
    methods leave, as far as the balance allows: less when points are added (F2, or a
    larger amount typed), more when the points are lowered or removed (the blind
    trial: lowering the points left the order unpaid by the difference); and when a
    coupon ticked or unticked changes ``payable``. An amount the cashier typed is
    theirs: it is not changed."""
    sv = rows["stored_value"]
    if not sv.filled_in:
        return
    rest = split_totals(payable, [r for r in rows.values() if r is not sv]).remaining
    if sv.cap is not None:
        rest = min(rest, sv.cap)
    sv.field.set_amount(rest if rest.fen > 0 else None)


@dataclass(frozen=True)
class SplitTotals:
    payable: Money
    non_cash: Money
    cash: Money

    @property
    def paid(self) -> Money:
        return self.non_cash + self.cash

    @property
    def remaining(self) -> Money:
        """Still to pay (zero once covered)."""
        return max(self.payable - self.paid, Money(0))

    @property
    def change(self) -> Money:
        return max(self.paid - self.payable, Money(0))

    @property
    def covered(self) -> bool:
        return self.paid >= self.payable


def split_totals(payable: Money, rows: list[TenderRow]) -> SplitTotals:
    non_cash = Money(sum(r.amount.fen for r in rows if r.kind != "cash"))
    cash = Money(sum(r.amount.fen for r in rows if r.kind == "cash"))
    return SplitTotals(payable, non_cash, cash)


def split_problem(payable: Money, rows: list[TenderRow]) -> UserError | None:
    """What the checkout service would refuse in this split, said before asking it
    (in the service's own words where it has them): a field that is not an amount, a
    method over what it can pay, then the split rule the service itself applies
    (:func:`memberdesk.domain.tenders.split_problem`)."""
    from memberdesk.ui.counter.errors import CounterError

    if any(r.typed_badly for r in rows):
        return CounterError("not_an_amount")
    totals = split_totals(payable, rows)
    for row in rows:
        if row.cap is None or row.amount <= row.cap:
            continue
        if row.kind == "stored_value":
            return ValidationError(
                "insufficient_stored_value", needed=row.amount.display(), available=row.cap.display()
            )
        return ValidationError("points_over_cap", max=row.cap.display())
    problem = split_rule(payable, totals.non_cash, totals.cash)
    return None if problem is None else ValidationError(problem.code, **problem.params())


def spend_order_text(order: str) -> str:
    """Which part of the stored value a payment takes first: the shop's
    ``stored_value.spend_order``, the order ``ledger.split_stored_value_spend`` takes."""
    translate = QCoreApplication.translate
    if order == "principal_first":
        return translate("PaymentDialog", "principal first, then bonus")
    if order == "proportional":
        return translate("PaymentDialog", "principal and bonus in proportion")
    return translate("PaymentDialog", "bonus first, then principal")


def render_notes(
    rows: dict[str, TenderRow], payable: Money, walk_in: bool, points: PointsQuote | None,
    spend_order: str = "bonus_first",
) -> None:
    """Beside each method: what is available (stored value: which part goes first),
    the points it takes, the change."""
    if walk_in:
        for kind in MEMBER_ONLY:
            rows[kind].note.setText(QCoreApplication.translate("PaymentDialog", "members only"))
    else:
        sv = rows["stored_value"]
        sv.note.setText(
            QCoreApplication.translate("PaymentDialog", "available {amount} ({order})").format(
                amount=fmt.money(sv.cap or Money(0)), order=spend_order_text(spend_order)
            )
        )
        rows["points"].note.setText(_points_note(rows["points"], points))
    cash = rows["cash"]
    others = split_totals(payable, [r for r in rows.values() if r is not cash])
    change = cash.amount - others.remaining
    cash.note.setText(
        QCoreApplication.translate("PaymentDialog", "change {amount}").format(
            amount=fmt.money(change)
        )
        if cash.amount.fen and change.fen > 0
        else ""
    )


def points_unusable_text(quote: PointsQuote | None) -> str:
    """Why points cannot pay this sale, as the pricing service decided it
    (``PointsQuote.unusable``)."""
    translate = QCoreApplication.translate
    why = quote.unusable if quote is not None else ""
    if quote is None or not why:
        return translate("PaymentDialog", "not usable for this sale")
    if why == "rule_off":
        reason = translate("PaymentDialog", "the shop's rule lets points pay nothing")
    elif why == "no_points":
        reason = translate("PaymentDialog", "the member has no points")
    elif why == "below_minimum":
        reason = translate("PaymentDialog", "{balance} points, at least {minimum} are needed")
    elif why == "nothing_to_pay":
        reason = translate("PaymentDialog", "nothing left to pay")
    elif why == "sale_too_small":
        reason = translate("PaymentDialog", "{percent}% of this sale is less than {minimum} points")
    else:
        return translate("PaymentDialog", "not usable for this sale")
    reason = reason.format(balance=fmt.number(quote.balance), percent=quote.max_percent,
                           minimum=fmt.number(quote.min_points))
    return translate("PaymentDialog", "not usable for this sale: {why}").format(why=reason)


def _points_note(row: TenderRow, quote: PointsQuote | None) -> str:
    if quote is None or quote.max_value.fen == 0:
        return points_unusable_text(quote)
    if row.amount.fen:
        return QCoreApplication.translate("PaymentDialog", "uses {points} points").format(
            points=fmt.number(points_for_value(row.amount, quote.points_per_yuan))
        )
    return QCoreApplication.translate("PaymentDialog", "up to {amount} ({points} points)").format(
        amount=fmt.money(quote.max_value), points=fmt.number(quote.max_points)
    )
