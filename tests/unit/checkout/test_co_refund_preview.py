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
from memberdesk.services.stored_value.recharge import (
    RechargeRefundRequest,
    RechargeRuleDraft,
    create_recharge_rule,
    refund_recharge,
)
from memberdesk.services.stored_value.recharge_refund_plan import (
    preview_recharge_refund,
    recent_recharges,
)
from tests.checkout_support.kit import World, cid, yuan


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
        # a part refund keeps the coupon spent (however little is left of the purchase)
        assert preview.coupons_kept == (() if lines is None else ("满20减5",))
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


def test_a_part_refund_below_the_coupons_threshold_keeps_the_coupon(world: World) -> None:
    """满20减5 on ¥24.00 of goods; one of the two lines back leaves less than ¥20:
    the split takes no threshold back (each line carries its share of the ¥5), and
    the coupon stays spent; the preview says so, the refund does so."""
    template = create_coupon_template(world.db, world.owner, CouponTemplateDraft(
        "C5", "满20减5", CouponKind.AMOUNT_OFF, yuan("5"), min_spend=yuan("20")))
    [coupon] = issue_coupons(world.db, world.owner, template, world.members["alice"])
    sale = world.sell([("CHIPS", 2), ("COLA", 2)], [(TenderKind.CASH, "19.60")],
                      member="alice", coupons=(coupon.code,))
    preview = preview_sale_refund(world.db, world.cashier, sale.sale_no,
                                  (RefundLineRequest(1, 2),))
    assert preview.coupons_kept == ("满20减5",) and preview.coupons_restored == ()
    refund = world.refund(sale.sale_no, lines=((1, 2),))
    assert refund.coupons_restored == () and preview.amount == refund.amount


def test_spent_earned_points_in_the_preview_are_what_the_refund_deducts(world: World) -> None:
    world.set_settings(points__redeem_min_points=0, points__redeem_max_percent=100)
    sale = world.sell([("WASH", 2)], [(TenderKind.CASH, "60")], member="alice")
    world.sell([("COLA", 1)], [(TenderKind.POINTS, "1"), (TenderKind.CASH, "2.50")], member="alice")
    plain = preview_sale_refund(world.db, world.cashier, sale.sale_no)
    assert (plain.points_spent, plain.spent_value, plain.deducted) == (98, yuan("0.98"), Money(0))
    assert plain.refused_for_spent_points and plain.amount == yuan("60")
    with pytest.raises(UserError) as refused:  # what the preview warned of
        world.refund(sale.sale_no)
    assert refused.value.code == "points_already_spent"
    assert refused.value.params["points"] == plain.points_spent
    preview = preview_sale_refund(world.db, world.cashier, sale.sale_no, None, True)
    assert not preview.refused_for_spent_points
    refund = world.refund(sale.sale_no, deduct_spent_points=True)
    assert (preview.deducted, preview.amount) == (yuan("0.98"), yuan("59.02"))
    assert preview.amount == refund.amount
    assert [(label(k), a) for k, a in preview.tenders] == [(t.label, t.amount) for t in refund.tenders]
    assert preview.points_taken_back == refund.points_taken_back == 22


def test_recharges_are_listed_and_their_refund_previewed(world: World) -> None:
    tid = create_coupon_template(world.db, world.owner, CouponTemplateDraft(
        "RC5", "充值赠券", CouponKind.AMOUNT_OFF, value=yuan("5"), valid_days=30))
    create_recharge_rule(world.db, world.owner, RechargeRuleDraft(
        "充200送30", yuan("200"), yuan("30"), bonus_points=200, coupon_template_id=tid))
    world.set_settings(points__redeem_min_points=0, points__redeem_max_percent=100)
    world.recharge("alice", "50")
    big = world.recharge("bob", "200", kind=TenderKind.WECHAT)
    # ¥45 from stored value (the bonus first), 150 of the 200 bonus points spent
    world.sell([("CIG", 1)], [(TenderKind.STORED_VALUE, "43.50"), (TenderKind.POINTS, "1.50")],
               member="bob")
    listed = recent_recharges(world.db, world.cashier)
    assert len(listed) == 2 and listed[0].recharge_no == big.recharge_no
    assert (listed[0].member_no, listed[0].amount, listed[0].bonus) == (
        world.member("bob").member_no, yuan("200"), yuan("30"))
    assert [r.recharge_no for r in recent_recharges(world.db, world.cashier,
                                                     world.members["bob"])] == [big.recharge_no]
    before = world.balances("bob")
    plain = preview_recharge_refund(world.db, world.cashier, big.recharge_no)
    assert world.balances("bob") == before  # a look writes nothing
    assert plain.refused_for_spent_points
    with pytest.raises(UserError) as refused:
        refund_recharge(world.db, world.manager, RechargeRefundRequest(cid(), big.recharge_no, "退卡"))
    assert refused.value.params["points"] == plain.points_spent
    plan = preview_recharge_refund(world.db, world.cashier, big.recharge_no, True)
    r = refund_recharge(world.db, world.manager, RechargeRefundRequest(
        cid(), big.recharge_no, "退卡", deduct_spent_points=True))
    assert (plan.principal, plan.forfeit, plan.coupons_voided) == (yuan("186.50"), Money(0), 1)
    assert plan.deducted == plan.spent_value and plan.spent_value.fen > 0
    assert plan.paid_back == r.amount and r.points_taken_back == plan.bonus_points - plan.points_spent
    assert recent_recharges(world.db, world.cashier, world.members["bob"])[0].refunded
    with pytest.raises(UserError) as done:  # the refund's own error
        preview_recharge_refund(world.db, world.cashier, big.recharge_no)
    assert done.value.code == "recharge_already_refunded"
