"""What the refund dialog shows of the sale (or recharge) being refunded: its
lines with the quantity to refund, what was paid and how, the member, and, for a
sale, how the money would go back per tender before the refund is confirmed (the
service's own split: :func:`memberdesk.services.refunds.preview.preview_sale_refund`)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from memberdesk.money import Money
from memberdesk.services.pricing.tenders import TENDER_LABELS
from memberdesk.services.receipts.data import ReceiptData
from memberdesk.services.refunds.sales import RefundLineRequest
from memberdesk.services.stored_value.recharge_refund_plan import RechargeRefundPlan
from memberdesk.ui.common import fmt
from memberdesk.ui.common.widgets import NumberBox
from memberdesk.ui.shell.i18n import Retranslating

from .labels import tender_name

if TYPE_CHECKING:
    from memberdesk.services.refunds.preview import RefundPreview

# Receipts store the Chinese name of a payment method; show it in the UI's language.
_KIND_OF_LABEL = {zh: kind for kind, (zh, _en) in TENDER_LABELS.items()}


def tender_text(label: str) -> str:
    kind = _KIND_OF_LABEL.get(label)
    return tender_name(kind) if kind is not None else label


VISIBLE_ROWS = 2  # whole lines always shown; more as the screen allows (fits 1024x768)
# The lines' columns: "refunded" is what earlier refunds took back of the line, so the
# cashier sees why a quantity offers less than was sold (the second blind trial).
ITEM, SOLD, AMOUNT, REFUNDED, QTY = range(5)


class RefundView(Retranslating, QWidget):
    """Receipt lines in order (line 1 is the receipt's first line); "whole sale"
    refunds whatever is not refunded yet, else the quantities typed per line."""

    wanted_changed = Signal()  # "whole sale" or a quantity changed: preview again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.receipt: ReceiptData | None = None
        self.made_at: datetime | None = None
        self.printed_elsewhen = False
        self.preview: RefundPreview | RechargeRefundPlan | None = None
        self.split = QLabel()
        self.split.setObjectName("refundPreview")
        self.split.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setObjectName("refundSummary")
        self.summary.setWordWrap(True)
        self.whole = QCheckBox()
        self.whole.setObjectName("refundWhole")
        self.whole.setChecked(True)
        self.whole.toggled.connect(self._whole_toggled)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("refundLines")
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Nothing in the table itself takes keys: Tab goes from one quantity to the next.
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ITEM, QHeaderView.ResizeMode.Stretch)
        for col in (SOLD, AMOUNT, REFUNDED, QTY):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.spins: list[QSpinBox] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.whole)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.split)
        self.retranslate()
        self.show_receipt(None)

    def show_receipt(self, receipt: ReceiptData | None,
                     left: tuple[int, ...] | None = None,
                     refunded: tuple[int, ...] | None = None, *,
                     made_at: datetime | None = None, printed_elsewhen: bool = False) -> None:
        """``left``: each line's quantity not refunded yet (None: all of it);
        ``refunded``: each line's quantity refunded already (None: nothing). Both are
        the sale's own figures (:func:`memberdesk.services.checkout.history.sale_for_refund`),
        the ones the refund checks. ``made_at``: when it was made, in the shop's time
        zone now, as the list of recent sales shows it; ``printed_elsewhen``: the
        receipt printed another time (under the zone before a change), said beside it."""
        self.receipt = receipt
        self.made_at = made_at
        self.printed_elsewhen = printed_elsewhen
        lines = receipt.lines if receipt is not None and receipt.kind == "sale" else ()
        # a sale refunded in part before: the cashier picks what comes back this time
        # (ticked, "whole sale" took all the rest on Enter, as if the sale were new);
        # any other sale starts ticked
        self.whole.blockSignals(True)
        self.whole.setChecked(not (refunded is not None and any(refunded)))
        self.whole.blockSignals(False)
        self.table.setRowCount(len(lines))
        self.spins = []
        for row, line in enumerate(lines):
            self.table.setItem(row, ITEM, QTableWidgetItem(line.description))
            back = refunded[row] if refunded is not None and row < len(refunded) else 0
            for col, text in ((SOLD, fmt.number(line.qty)), (AMOUNT, fmt.money(line.net)),
                              (REFUNDED, fmt.number(back))):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
            can = left[row] if left is not None and row < len(left) else line.qty
            spin = NumberBox()
            spin.setRange(0, can)  # a line refunded before offers only what is left
            spin.setValue(can if self.whole.isChecked() else 0)  # unticked: the cashier picks
            spin.setEnabled(not self.whole.isChecked() and can > 0)
            spin.valueChanged.connect(lambda _n: self.wanted_changed.emit())
            self.table.setCellWidget(row, QTY, spin)
            self.spins.append(spin)
        if self.spins:
            self._fit_spins(self.spins[0])
        self.whole.setVisible(bool(lines))
        self.table.setVisible(bool(lines))
        self.show_preview(None)
        self._render_summary()

    def first_to_pick(self) -> QSpinBox | None:
        """The first quantity to type when "whole sale" is unticked, else None."""
        if self.whole.isChecked():
            return None
        return next((spin for spin in self.spins if spin.isEnabled()), None)

    def _fit_spins(self, spin: QSpinBox) -> None:
        """Rows as tall as the quantity boxes, their column as wide (the boxes were
        cut in half), and never less than two whole lines (it scrolls for more)."""
        hint = spin.sizeHint()
        self.table.verticalHeader().setDefaultSectionSize(hint.height())
        for row in range(self.table.rowCount()):
            self.table.setRowHeight(row, hint.height())
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QTY, QHeaderView.ResizeMode.Fixed)
        item = self.table.horizontalHeaderItem(QTY)
        heading = header.fontMetrics().horizontalAdvance(item.text() if item is not None else "")
        header.resizeSection(QTY, max(hint.width() + 24, heading + 40))
        shown = min(self.table.rowCount(), VISIBLE_ROWS)
        self.table.setMinimumHeight(header.sizeHint().height() + shown * hint.height()
                                    + 2 * self.table.frameWidth() + 2)

    def _whole_toggled(self, whole: bool) -> None:
        """Unticked: every quantity goes to 0 and the cashier sets what comes back (a
        part refund is a few items; the quantities left as sold would refund the whole
        sale again on Enter). Ticked: each shows what the whole refund takes."""
        for spin in self.spins:
            spin.blockSignals(True)
            spin.setValue(spin.maximum() if whole else 0)
            spin.blockSignals(False)
            spin.setEnabled(not whole and spin.maximum() > 0)
        if not whole:
            first = self.first_to_pick()
            if first is not None:
                first.setFocus()
                first.selectAll()
        self.wanted_changed.emit()

    def show_preview(self, preview: RefundPreview | RechargeRefundPlan | None) -> None:
        """How the money goes back (None: nothing to show yet)."""
        self.preview = preview
        self._render_preview()

    def _render_preview(self) -> None:
        p = self.preview
        picking = (self.receipt is not None and bool(self.spins)
                   and not self.whole.isChecked() and self.wanted() == ())
        self.split.setVisible(p is not None or picking)
        if p is None:
            self.split.setText(self.tr("Set how many of each item come back.") if picking else "")
            return
        if isinstance(p, RechargeRefundPlan):
            self.split.setText(self._recharge_text(p))
            return
        sale = p
        parts = []
        for kind, amount in sale.tenders:
            part = f"{tender_name(kind)} {fmt.money(amount)}"
            if kind.value == "points" and sale.points_returned:
                part += self.tr(" ({points} points back)").format(
                    points=fmt.number(sale.points_returned))
            parts.append(part)
        lines = [self.tr("Money back {amount}: {parts}.").format(
            amount=fmt.money(sale.amount), parts=" · ".join(parts) or "—")]
        if sale.coupons_restored:
            lines.append(self.tr("Coupons usable again: {names}.").format(
                names="、".join(sale.coupons_restored)))
        if sale.coupons_kept:
            lines.append(self.tr("Coupon not given back (used on this sale): {names}.").format(
                names="、".join(sale.coupons_kept)))
        if sale.points_taken_back:
            lines.append(self.tr("Points this sale earned, taken back: {points}.").format(
                points=fmt.number(sale.points_taken_back)))
        lines += self._spent_lines(sale.points_spent, sale.spent_value, sale.deducted,
                                   sale.refused_for_spent_points)
        self.split.setText(fmt.sentences(*lines))  # one paragraph: it fits 1024x768

    def _recharge_text(self, p: RechargeRefundPlan) -> str:
        lines = [self.tr("Money back {amount}: {parts}.").format(
            amount=fmt.money(p.paid_back),
            parts=f"{tender_name(p.tender)} {fmt.money(p.paid_back)}" if p.paid_back else "—")]
        if p.forfeit:
            lines.append(self.tr("Bonus balance forfeited: {amount}.").format(
                amount=fmt.money(p.forfeit)))
        if p.bonus_points - p.points_spent > 0:
            lines.append(self.tr("Bonus points taken back: {points}.").format(
                points=fmt.number(p.bonus_points - p.points_spent)))
        lines += self._spent_lines(p.points_spent, p.spent_value, p.deducted,
                                   p.refused_for_spent_points)
        if p.coupons_voided:
            lines.append(self.tr("Unused bonus coupons voided: {count}.").format(
                count=fmt.number(p.coupons_voided)))
        return fmt.sentences(*lines)

    def _spent_lines(self, points: int, value: Money, deducted: Money, refused: bool) -> list[str]:
        """The points the member already spent: their value deducted, or the refusal."""
        if not points:
            return []
        if refused:
            return [self.tr("The member has already spent {points} of these points (worth "
                            "{value}): tick the deduction below, or the refund is refused.")
                    .format(points=fmt.number(points), value=fmt.money(value))]
        return [self.tr("Deducted for {points} points already spent: -{amount}.").format(
            points=fmt.number(points), amount=fmt.money(deducted))]

    def wanted(self) -> tuple[RefundLineRequest, ...] | None:
        """None: the whole sale (what is left of it), or a recharge; else the lines typed."""
        if self.whole.isChecked() or self.receipt is None or self.receipt.kind != "sale":
            return None
        return tuple(
            RefundLineRequest(line_no, spin.value())
            for line_no, spin in enumerate(self.spins, start=1)
            if spin.value() > 0
        )

    def _when(self, r: ReceiptData) -> str:
        """When the document was made, in the shop's time zone now (as the list of
        recent sales shows it); the receipt's own time beside it when the zone changed
        after it was printed (a reprint copies the receipt)."""
        if self.made_at is None:
            return r.issued_at
        when = fmt.local_text(self.made_at)
        if not self.printed_elsewhen:
            return when
        return self.tr("{when} (the receipt says {printed}: printed before the time zone "
                       "was changed)").format(when=when, printed=r.issued_at[:16])

    def _render_summary(self) -> None:
        r = self.receipt
        if r is None:
            self.summary.setText(self.tr("Type or scan the receipt number, or pick a sale or recharge."))
            return
        paid = "  ".join(f"{tender_text(t.label)} {fmt.money(t.amount)}" for t in r.tenders) or "—"
        head = (
            self.tr("Sale {number} of {when}, cashier {cashier}")
            if r.kind == "sale"
            else self.tr("Recharge {number} of {when}, cashier {cashier}")
        ).format(number=r.number, when=self._when(r), cashier=r.cashier)
        lines = [head, self.tr("Total {total}; paid: {paid}").format(
            total=fmt.money(r.total), paid=paid)]
        if r.member_no:  # on the totals' line: the preview below needs the room (1024x768)
            lines[-1] += "    " + self.tr("Member {name} ({member_no})").format(
                name=r.member_name, member_no=r.member_no)
        if r.kind == "recharge":
            lines.append(self.tr("A recharge refund pays back what is left of its principal; "
                                 "its bonus is forfeited."))
        self.summary.setText("\n".join(lines))

    def retranslate(self) -> None:
        self.whole.setText(self.tr("&Whole sale (everything not refunded yet)"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Item"), self.tr("Sold"), self.tr("Amount"), self.tr("Refunded"),
             self.tr("Refund qty")]
        )
        self._render_summary()
        self._render_preview()
