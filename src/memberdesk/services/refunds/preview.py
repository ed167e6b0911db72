"""What a sale refund would give back, before it is made: the refund dialog shows it
per tender while the cashier picks the lines (issue 11).

The same steps as :func:`.sales.refund_sale`, read only: the lines picked (and a
满赠 gift that comes back with them), their value and how it goes back through the
tenders (:func:`.split.split_refund`), the points paid that come back, the points
earned that are taken back, and the coupons given back when the whole sale is
refunded (``checkout.restore_coupons_on_refund``; a part refund keeps them spent,
and the preview says so), and the earned points the member has already spent: with
"deduct" their value comes off the money (:func:`.split.deduct_spent`), without it
the refund is refused, and the preview says that too.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from memberdesk.db import Database
from memberdesk.models import Member, Sale, SaleLine, Tender
from memberdesk.models.enums import TenderKind
from memberdesk.money import Money
from memberdesk.services.campaigns import gifts
from memberdesk.services.refund_core.steps import points_value, refunded_so_far, spent_shortfall
from memberdesk.services.refunds.sales import (
    RefundLineRequest,
    coupons_come_back,
    lines_taken,
    pick_lines,
    sale_coupons,
    tenders_left,
)
from memberdesk.services.refunds.split import deduct_spent, split_refund
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import NotFoundError
from memberdesk.services.shared.permissions import Permission, require
from memberdesk.services.shared.policy import Policy
from memberdesk.services.shop.stores import check_store_reach

ZERO = Money(0)


@dataclass(frozen=True)
class RefundPreview:
    sale_no: str
    amount: Money  # back to the customer, all tenders (after any deduction)
    tenders: tuple[tuple[TenderKind, Money], ...]  # per tender, in the sale's order
    points_returned: int  # the points the sale was paid with, given back
    points_taken_back: int  # the points the lines earned, taken back
    coupons_restored: tuple[str, ...]  # the coupons' names, usable again
    whole: bool  # nothing of the sale is left after it
    coupons_kept: tuple[str, ...] = ()  # the sale's coupons this refund does not give back
    points_spent: int = 0  # of the earned points, those the member has already spent
    spent_value: Money = ZERO  # what they are worth (owed by the member)
    deducted: Money = ZERO  # taken off the money back ("deduct" ticked)
    deduct: bool = False  # the request's "deduct the value of points already spent"

    @property
    def refused_for_spent_points(self) -> bool:
        """Without "deduct", the refund refuses earned points already spent."""
        return self.points_spent > 0 and not self.deduct


def preview_sale_refund(db: Database, actor: Actor, sale_no: str,
                        lines: tuple[RefundLineRequest, ...] | None = None,
                        deduct_spent_points: bool = False) -> RefundPreview:
    """What :func:`.sales.refund_sale` would give back for ``lines`` of ``sale_no``
    (None: all that is not refunded yet) with ``deduct_spent_points`` as the refund
    request would carry it. Any cashier may look (the refund itself needs the
    permission); a choice the refund would refuse raises its error."""
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
        names = tuple(sd.description for sd in sale_coupons(s, sale.id))
        back = coupons_come_back(whole, Policy.load(s))
        member = s.get(Member, sale.member_id) if sale.member_id is not None else None
        earned_back = split.earned_back if member is not None else 0
        parts = split.by_kind()
        spent, owed, deducted = 0, Money(0), 0
        if earned_back and member is not None:
            # the refund gives the paid points back first, then takes the earned ones
            spent = spent_shortfall(earned_back, member.points_balance + split.points_returned)
            owed = points_value(spent, s)
            if deduct_spent_points and owed:
                deducted = deduct_spent(parts, owed.fen)
        money = tuple((k, Money(parts[k])) for k, _v in split.parts if parts[k] > 0)
        return RefundPreview(
            sale.sale_no, Money(sum(v.fen for _k, v in money)), money, split.points_returned,
            earned_back - spent, names if back else (), whole, () if back else names, spent,
            owed, Money(deducted), deduct_spent_points)
