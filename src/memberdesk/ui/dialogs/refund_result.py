"""The top of a refund's result (issue 11: the cash to hand back was small print
under the total): in large bold type, the cash to hand back to the customer, or
that nothing goes back in cash; under it, where the rest of the money went
(stored value back on the card, points back, WeChat/Alipay/bank card to pay back
by hand). The refund dialog and the refund slip show it the same way."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from memberdesk.money import Money
from memberdesk.ui.common import fmt
from memberdesk.ui.shell.i18n import Retranslating

from .labels import tender_name

# Tender kinds by their values (TenderKind is a StrEnum): the slip that shows this is
# loaded with the window, before the models (tests/gui/test_run.py).
CASH, STORED_VALUE, POINTS = "cash", "stored_value", "points"
BY_HAND = ("wechat", "alipay", "bank_card", "other")


def money_back(result: Any) -> list[tuple[str | None, Any]]:
    """(kind, amount) of each tender of a RefundResult (None: a label not known)."""
    from memberdesk.services.pricing.tenders import TENDER_LABELS

    kind_of = {zh: str(kind) for kind, (zh, _en) in TENDER_LABELS.items()}
    return [(kind_of.get(t.label), t.amount) for t in result.tenders]


class RefundHeadline(Retranslating, QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: Any = None
        self.cash = QLabel()
        self.cash.setObjectName("refundHeadline")
        self.cash.setWordWrap(True)
        self.where = QLabel()
        self.where.setObjectName("refundWhere")
        self.where.setWordWrap(True)
        self.cash.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.cash)
        layout.addWidget(self.where)
        self.hide()

    def show_result(self, result: Any) -> None:
        """``result``: a RefundResult (None: nothing shown)."""
        self.result = result
        self.setVisible(result is not None)
        self.retranslate()

    def retranslate(self) -> None:
        r = self.result
        if r is None:
            return
        parts = money_back(r)
        cash = Money(sum(a.fen for k, a in parts if k == CASH))
        self.cash.setText(self.tr("Cash to hand back {amount}").format(amount=fmt.money(cash))
                          if cash else self.tr("Nothing to hand back in cash"))
        lines = []
        for kind, amount in parts:
            if kind == CASH:
                continue
            if kind == STORED_VALUE:
                lines.append(self.tr("{amount} back to the stored value on the card").format(
                    amount=fmt.money(amount)))
            elif kind == POINTS:
                lines.append(self.tr("{points} points back to the member ({amount})").format(
                    points=fmt.number(r.points_returned), amount=fmt.money(amount)))
            elif kind in BY_HAND:
                lines.append(self.tr("{tender} {amount}: pay it back there by hand").format(
                    tender=tender_name(kind), amount=fmt.money(amount)))
            else:
                name = tender_name(kind) if kind is not None else ""
                lines.append(f"{name} {fmt.money(amount)}".strip())
        if not parts:
            lines.append(self.tr("No money goes back."))
        self.where.setText("\n".join(lines))
        self.where.setVisible(bool(lines))
