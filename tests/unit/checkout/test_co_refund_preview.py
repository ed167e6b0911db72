"""The refund dialog's preview (issue 11): what a sale refund would give back per
tender, from the same split rule the refund applies; it equals the refund made next,
part by part, to the fen and point, and writes nothing."""

from __future__ import annotations

import pytest

from memberdesk.models.enums import CouponKind, TenderKind
from memberdesk.money import Money
from memberdesk.services.coupons.core import (
    CouponTemplateDraft,
    create_coupon_template,
    issue_coupons,
)
from memberdesk.services.pricing.tenders import label
from memberdesk.services.refunds.preview import preview_sale_refund
from memberdesk.services.refunds.sales import RefundLineRequest
from memberdesk.services.refunds.split import LineTaken, TenderLeft, split_refund
from memberdesk.services.shared.errors import UserError
from tests.checkout_support.kit import World, yuan


def test_the_preview_is_what_each_part_of_the_refund_gives_back(world: World) -> None:
    world.recharge("alice", "100")
    world.give_points("alice", 1000)
    template = create_coupon_template(world.db, world.owner, CouponTemplateDraft(
        "C5", "满20减5", CouponKind.AMOUNT_OFF, yuan("5"), min_spend=yuan("20")))
    [coupon] = issue_coupons(world.db, world.owner, template, world.members["alice"])
    sale = world.sell([("COLA", 3), ("CHIPS", 2), ("BEER", 1)],
                      [(TenderKind.STORED_VALUE, "13.33"), (TenderKind.POINTS, "5"),
                       (TenderKind.CASH, "20")], member="alice", coupons=(coupon.code,))
    for lines in (((1, 1),), ((2, 1), (1, 1)), None):
        wanted = None if lines is None else tuple(RefundLineRequest(n, q) for n, q in lines)
        before = world.balances("alice")
        preview = preview_sale_refund(world.db, world.cashier, sale.sale_no, wanted)
        assert world.balances("alice") == before  # a look writes nothing
        refund = world.refund(sale.sale_no, lines=lines)
        assert preview.amount == refund.amount
        assert [(label(k), a) for k, a in preview.tenders] == [
            (t.label, t.amount) for t in refund.tenders]
        assert preview.points_returned == refund.points_returned
        assert preview.points_taken_back == refund.points_taken_back
        assert preview.coupons_restored == refund.coupons_restored
        assert preview.whole == (lines is None)
    assert refund.coupons_restored == ("满20减5",)  # given back with the last part
    with pytest.raises(UserError) as refused:  # nothing left: the refund's own error
        preview_sale_refund(world.db, world.cashier, sale.sale_no)
    assert refused.value.code == "already_refunded"


def test_the_split_rule_in_plain_values() -> None:
    """¥10.00 of a ¥30.00 sale paid ¥20.00 cash and ¥10.00 points (1,000 points):
    a third of each, the points' share of the points."""
    line = LineTaken(net=3000, qty=3, done=0, more=1, points_earned=30)
    split = split_refund([line], [TenderLeft(TenderKind.CASH, 2000),
                                  TenderLeft(TenderKind.POINTS, 1000, 1000)])
    assert (split.value, split.earned_back) == (1000, 10)
    assert split.parts == ((TenderKind.CASH, 667), (TenderKind.POINTS, 333))
    assert split.points_returned == 333
    assert sum(v for _k, v in split.parts) == 1000 and Money(split.value) == yuan("10")
