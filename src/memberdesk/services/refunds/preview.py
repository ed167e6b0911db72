"""What a sale refund would give back, before it is made: the refund dialog shows it
per tender while the cashier picks the lines (issue 11).

The same steps as :func:`.sales.refund_sale`, read only: the lines picked (and a
满赠 gift that comes back with them), their value and how it goes back through the
tenders (:func:`.split.split_refund`), the points paid that come back, the points
earned that are taken back, and the coupons given back when the whole sale is
refunded (``checkout.restore_coupons_on_refund``). Whether the member has already
spent the earned points is only known when the refund takes them back.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from memberdesk.db import Database
from memberdesk.models import Sale, SaleDiscount, SaleLine, Tender
from memberdesk.models.enums import TenderKind
from memberdesk.money import Money
from memberdesk.services.campaigns import gifts
from memberdesk.services.refund_core.steps import refunded_so_far
from memberdesk.services.refunds.sales import (
    RefundLineRequest,
    lines_taken,
    pick_lines,
    tenders_left,
)
from memberdesk.services.refunds.split import split_refund
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import NotFoundError
from memberdesk.services.shared.permissions import Permission, require
from memberdesk.services.shared.policy import Policy
from memberdesk.services.shop.stores import check_store_reach


@dataclass(frozen=True)
class RefundPreview:
    sale_no: str
    amount: Money  # back to the customer, all tenders
    tenders: tuple[tuple[TenderKind, Money], ...]  # per tender, in the sale's order
    points_returned: int  # the points the sale was paid with, given back
    points_taken_back: int  # the points the lines earned, taken back
    coupons_restored: tuple[str, ...]  # the coupons' names, usable again
    whole: bool  # nothing of the sale is left after it


def preview_sale_refund(db: Database, actor: Actor, sale_no: str,
                        lines: tuple[RefundLineRequest, ...] | None = None) -> RefundPreview:
    """What :func:`.sales.refund_sale` would give back for ``lines`` of ``sale_no``
    (None: all that is not refunded yet). Any cashier may look (the refund itself
    needs the permission); a choice the refund would refuse raises its error."""
    with db.reader() as uow:
        s = uow.session
        require(s, actor, Permission.SELL)
        sale = s.scalar(select(Sale).where(Sale.sale_no == str(sale_no).strip()))
        if sale is None:
            raise NotFoundError("sale_not_found", key=sale_no)
        check_store_reach(s, actor, sale.store_id)
        rows = list(s.scalars(select(SaleLine).where(SaleLine.sale_id == sale.id)
                              .order_by(SaleLine.line_no)))
        picked, _notes = gifts.gift_returns(s, rows, pick_lines(sale, rows, lines))
        tenders = list(s.scalars(select(Tender).where(Tender.sale_id == sale.id)))
        split = split_refund(lines_taken(picked), tenders_left(tenders, refunded_so_far(s, sale.id)))
        now = {ln.id: qty for ln, qty in picked}
        whole = all(ln.refunded_qty + now.get(ln.id, 0) == ln.qty for ln in rows)
        restored: tuple[str, ...] = ()
        if whole and Policy.load(s).bool("checkout.restore_coupons_on_refund"):
            restored = tuple(s.scalars(select(SaleDiscount.description).where(
                SaleDiscount.sale_id == sale.id, SaleDiscount.coupon_id.is_not(None))))
        return RefundPreview(
            sale.sale_no, Money(sum(v for _k, v in split.parts if v > 0)),
            tuple((k, Money(v)) for k, v in split.parts if v > 0), split.points_returned,
            split.earned_back if sale.member_id is not None else 0, restored, whole)
