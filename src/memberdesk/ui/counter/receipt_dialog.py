"""After the payment: the change to hand over, the member's new balances and the
points earned, and the receipt as it prints (58 or 80 mm), with Print. The same
dialog shows the slip of a recharge or a refund (what was paid in or given back
instead of the change): anything with a ``receipt`` (``ReceiptData``) and the
member's ``sv_balance`` and ``points_balance`` after it.

Enter or Esc closes it and the counter is ready for the next customer. P (or
Ctrl+P) prints, again if need be. Opened with ``open()``; a view only — the
controller does the printing on the task runner and reports with
:meth:`ReceiptDialog.set_print_state`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QAction, QFont, QFontDatabase, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from memberdesk.ui.common import fmt, icons
from memberdesk.ui.counter.earn_text import earned_text
from memberdesk.ui.dialogs.refund_result import RefundHeadline
from memberdesk.ui.shell.i18n import Retranslating, add_language_key, normalise

# Monospaced fonts whose Chinese characters are exactly two columns wide, as on
# the receipt printer (the layout counts them so).
RECEIPT_FONTS = ("Noto Sans Mono CJK SC", "WenQuanYi Zen Hei Mono", "NSimSun", "SimSun")
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape)


def receipt_font() -> QFont:
    families = set(QFontDatabase.families())
    family = next((f for f in RECEIPT_FONTS if f in families), None)
    font = QFont(family) if family else QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSize(11)
    return font


class ReceiptDialog(Retranslating, QDialog):
    print_requested = Signal(str)  # the receipt text

    def __init__(
        self, result: Any, paper_mm: int, parent: QWidget | None = None
    ) -> None:
        """``result``: a CheckoutResult, RechargeResult or RefundResult."""
        super().__init__(parent)
        add_language_key(self)
        self.setObjectName("receiptDialog")
        self.setModal(True)
        self.sale = result
        self.kind: str = result.receipt.kind  # sale, recharge, refund, recharge_refund
        self.paper_mm = paper_mm
        self._print_state = ""  # "", "printing", "printed", "failed", "none"

        self.heading = QLabel()
        self.heading.setObjectName("dialogHeading")
        self.heading.setWordWrap(True)  # "Redemption slip (兑) · D20261203-0002" at 1024
        self.change_caption = QLabel()
        self.change_value = QLabel()
        self.change_value.setObjectName("changeDue")
        self.sv_caption, self.sv_value = QLabel(), QLabel()
        self.points_caption, self.points_value = QLabel(), QLabel()
        self.earned_caption, self.earned_value = QLabel(), QLabel()
        for value in (self.sv_value, self.points_value, self.earned_value):
            value.setProperty("figureValue", True)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        figures = QGridLayout()
        figures.setHorizontalSpacing(16)
        figures.addWidget(self.change_caption, 0, 0)
        figures.addWidget(self.change_value, 0, 1)
        figures.addWidget(self.sv_caption, 1, 0)
        figures.addWidget(self.sv_value, 1, 1)
        figures.addWidget(self.points_caption, 2, 0)
        figures.addWidget(self.points_value, 2, 1)
        figures.addWidget(self.earned_caption, 3, 0)
        figures.addWidget(self.earned_value, 3, 1)
        self.earned_why = QLabel()  # why: "Points +12 (¥12.00 × 1 per yuan × 1.5, for Gold)"
        self.earned_why.setObjectName("earnedWhy")
        self.earned_why.setWordWrap(True)
        figures.addWidget(self.earned_why, 4, 0, 1, 2)
        figures.setColumnStretch(1, 1)

        self.preview = QPlainTextEdit()
        self.preview.setObjectName("receiptPreview")
        self.preview.setReadOnly(True)
        self.preview.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.preview.setFont(receipt_font())
        self.preview.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        columns = 32 if paper_mm < 80 else 48
        width = self.preview.fontMetrics().horizontalAdvance("0" * (columns + 4))
        self.preview.setMinimumWidth(width + 24)

        self.print_status = QLabel()
        self.print_status.setObjectName("printStatus")
        self.print_status.setWordWrap(True)
        self.print_button = QPushButton()
        self.print_button.setIcon(icons.icon("printer"))
        self.print_button.setAutoDefault(False)
        self.print_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.print_button.clicked.connect(self.request_print)
        self.done_button = QPushButton()
        self.done_button.setObjectName("primaryButton")
        self.done_button.setAutoDefault(False)
        self.done_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.done_button.clicked.connect(self.accept)
        self.print_action = QAction(self)
        self.print_action.setShortcuts([QKeySequence("P"), QKeySequence("Ctrl+P")])
        self.print_action.triggered.connect(self.request_print)
        self.addAction(self.print_action)

        # A refund: the cash to hand back on top in large type, where the rest went
        # (issue 11: it was small print under the total).
        self.refund_headline = RefundHeadline()
        if self.kind in ("refund", "recharge_refund"):
            self.refund_headline.show_result(result)
        side = QVBoxLayout()
        side.addWidget(self.heading)
        side.addWidget(self.refund_headline)
        side.addLayout(figures)
        side.addStretch(1)
        side.addWidget(self.print_status)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        buttons.addWidget(self.done_button)
        side.addLayout(buttons)
        body = QHBoxLayout(self)
        body.setContentsMargins(24, 18, 24, 18)
        body.setSpacing(20)
        body.addLayout(side, 1)
        body.addWidget(self.preview)
        self.setMinimumSize(760, 540)
        self.retranslate()

    # -- printing --------------------------------------------------------------------------
    def receipt_text(self) -> str:
        from memberdesk.services.receipts.text import render_text

        return render_text(self.sale.receipt, self.paper_mm, normalise(QLocale().name()))

    def request_print(self) -> None:
        if self._print_state != "printing":
            self.print_requested.emit(self.receipt_text())

    def set_print_state(self, state: str, detail: str = "") -> None:
        self._print_state = state
        self._print_detail = detail
        self._render_print_state()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in ENTER_KEYS:
            self.accept()
            return
        if event.key() == Qt.Key.Key_P and not event.modifiers():
            self.request_print()  # P reaching the dialog itself (its shortcut needs it active)
            return
        super().keyPressEvent(event)

    # -- texts ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        r = self.sale
        number = r.receipt.number
        if self.kind == "sale":
            self.setWindowTitle(self.tr("Paid"))
            self.heading.setText(self.tr("Paid · sale {sale_no}").format(sale_no=number))
            self.change_caption.setText(self.tr("Change"))
            self.change_value.setText(fmt.money(r.change))
        elif self.kind == "recharge":
            self.setWindowTitle(self.tr("Recharged"))
            self.heading.setText(self.tr("Recharge slip · {number}").format(number=number))
            self.change_caption.setText(self.tr("Paid in"))
            self.change_value.setText(fmt.money(r.receipt.total))
        elif self.kind == "redeem":
            self.setWindowTitle(self.tr("Gift redeemed"))
            self.heading.setText(self.tr("Redemption slip (兑) · {number}").format(number=number))
            self.change_caption.setText(self.tr("Points used"))
            self.change_value.setText(fmt.number(r.receipt.points_used))
        elif self.kind.startswith("count_card"):
            self.setWindowTitle(self.tr("Count card used"))
            self.heading.setText(self.tr("Count card slip · {number}").format(number=number))
            caption = (self.tr("{service}: uses taken") if self.kind == "count_card_use"
                       else self.tr("{service}: uses given back"))
            self.change_caption.setText(caption.format(service=r.service))
            self.change_value.setText(fmt.number(r.uses))
        else:
            self.setWindowTitle(self.tr("Refunded"))
            self.heading.setText(self.tr("Refund slip · {number}").format(number=number))
            self.change_caption.setText(self.tr("Given back"))
            self.change_value.setText(fmt.money(r.receipt.total))
            for widget in (self.change_caption, self.change_value):
                widget.hide()  # the headline says it, split by where it goes
        member = r.sv_balance is not None or r.points_balance is not None
        self.sv_caption.setText(self.tr("Stored value now"))
        self.sv_value.setText(fmt.money(r.sv_balance) if r.sv_balance is not None else "—")
        self.points_caption.setText(self.tr("Points now"))
        self.points_value.setText(fmt.number(r.points_balance) if r.points_balance is not None else "—")
        self.earned_caption.setText(self.tr("Points earned"))
        earned = getattr(r, "points_earned", 0)
        self.earned_value.setText(f"+{fmt.number(earned)}")
        for widget in (self.sv_caption, self.sv_value, self.points_caption, self.points_value):
            widget.setVisible(member)
        for widget in (self.earned_caption, self.earned_value):
            widget.setVisible(member and self.kind == "sale")
        why = earned_text(earned, getattr(r, "earn_why", None)) if self.kind == "sale" else ""
        self.earned_why.setText(why)
        self.earned_why.setVisible(member and bool(why))
        self.print_button.setText(self.tr("Print (P)"))
        self.done_button.setText(self.tr("Done (Enter)"))
        self.preview.setPlainText(self.receipt_text())
        self._render_print_state()

    def _render_print_state(self) -> None:
        texts = {
            "": "",
            "printing": self.tr("Printing…"),
            "printed": self.tr("Receipt printed."),
            "none": self.tr("No receipt printer is set up: the receipt is shown here only."),
            "failed": self.tr("Printing failed: {detail}"),
        }
        detail = getattr(self, "_print_detail", "")
        self.print_status.setText(texts.get(self._print_state, "").format(detail=detail))
