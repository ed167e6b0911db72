"""How a payment may be split: the one rule the payment dialog checks as the cashier
types and ``services.pricing.tenders.plan_tenders`` enforces when the sale is committed.

Only cash may exceed what is due (the excess is the change), so everything but cash
together may not exceed it; all together must cover it; and the change must be less
than the cash handed over (no change paid out of a card payment).
"""

from __future__ import annotations

from dataclasses import dataclass

from memberdesk.money import Money


@dataclass(frozen=True)
class SplitProblem:
    """Why a split is refused: ``code`` is the message code (``services.shared.errors``)."""

    code: str  # "overpaid_non_cash" or "tenders_mismatch"
    payable: Money
    tendered: Money
    excess: Money  # non-cash beyond the payable amount ("overpaid_non_cash")

    def params(self) -> dict[str, str]:
        """The message's parameters, as it shows them."""
        if self.code == "overpaid_non_cash":
            return {"excess": self.excess.display()}
        return {"tendered": self.tendered.display(), "payable": self.payable.display()}


def split_problem(payable: Money, non_cash: Money, cash: Money) -> SplitProblem | None:
    """What is wrong with paying ``payable`` with ``non_cash`` (every method but cash,
    added up) and ``cash`` handed over; ``None`` when the split is acceptable."""
    total = non_cash + cash
    if non_cash > payable:
        return SplitProblem("overpaid_non_cash", payable, total, non_cash - payable)
    change = total - payable
    if total < payable or (change.fen and change >= cash):
        return SplitProblem("tenders_mismatch", payable, total, Money(0))
    return None
