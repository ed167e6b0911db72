"""The refund dialog's calls on the worker: the document by its number, the recent
sales and recharges it offers (the member's, or without a member the shop's), the
preview of what a refund would give back (the services' own rules), the refund."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from memberdesk.services.receipts.data import ReceiptData
from memberdesk.services.refund_core.steps import RefundResult
from memberdesk.services.stored_value.recharge import RechargeRefundRequest

HISTORY = 10  # the most recent sales and recharges offered (the member's, or the shop's)


@dataclass(frozen=True)
class Found:
    receipt: ReceiptData
    left: tuple[int, ...] | None  # a sale's quantities not refunded yet, line by line
    refunded: tuple[int, ...] | None = None  # and already refunded (the sale's own figures)
    made_at: datetime | None = None  # in the shop's time zone now (the list's time)
    printed_elsewhen: bool = False  # the receipt's time was printed under another zone


def fetch_receipt(db: Any, actor: Any, number: str) -> Found:
    from memberdesk.services.checkout.history import sale_for_refund
    from memberdesk.services.receipts.documents import stored_receipt

    stored = stored_receipt(db, actor, number)
    receipt = stored.receipt
    found = Found(receipt, None, None, stored.made_at, stored.printed_elsewhen)
    if receipt.kind != "sale":
        return found
    sale = sale_for_refund(db, actor, receipt.number)
    return replace(found, left=tuple(line.refundable_qty for line in sale.lines),
                   refunded=tuple(line.refunded_qty for line in sale.lines))


def refund_history(db: Any, actor: Any, member_id: int | None) -> list[Any]:
    """Worker: the latest sales (SaleSummary) and recharges (RechargeSummary) of the
    member (or, without one, of the shop), newest first, :data:`HISTORY` at most."""
    from memberdesk.services.checkout.history import recent_sales
    from memberdesk.services.stored_value.recharge_refund_plan import recent_recharges

    both: list[Any] = [*recent_sales(db, actor, member_id, limit=HISTORY),
            *recent_recharges(db, actor, member_id, limit=HISTORY)]
    both.sort(key=lambda doc: doc.created_at, reverse=True)
    return both[:HISTORY]


def preview_refund(db: Any, actor: Any, receipt: ReceiptData, wanted: Any, deduct: bool) -> Any:
    """Worker: what this refund would give back (RefundPreview or RechargeRefundPlan)."""
    if receipt.kind == "recharge":
        from memberdesk.services.stored_value.recharge_refund_plan import preview_recharge_refund

        return preview_recharge_refund(db, actor, receipt.number, deduct)
    from memberdesk.services.refunds.preview import preview_sale_refund

    return preview_sale_refund(db, actor, receipt.number, wanted, deduct)


def do_refund(db: Any, actor: Any, request: Any) -> RefundResult:
    from memberdesk.services.refunds.sales import refund_sale
    from memberdesk.services.stored_value.recharge import refund_recharge

    if isinstance(request, RechargeRefundRequest):
        return refund_recharge(db, actor, request)
    return refund_sale(db, actor, request)
