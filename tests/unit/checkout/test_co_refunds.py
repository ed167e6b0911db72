"""Refunds by line and in parts, stored value back as it was spent, coupons,
manager approval; recharges with bonus rules and their refund."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from memberdesk.models import AuditEntry, Coupon, Staff
from memberdesk.models.enums import CouponKind, CouponStatus, SaleStatus, TenderKind
from memberdesk.money import Money
from memberdesk.services.backup.integrity import check_database
from memberdesk.services.coupons.core import (
    CouponTemplateDraft,
    create_coupon_template,
    issue_coupons,
)
from memberdesk.services.receipts.text import render_text
from memberdesk.services.shared.errors import UserError
from memberdesk.services.shared.permissions import Permission
from memberdesk.services.staff import approvals
from memberdesk.services.stored_value.recharge import (
    RechargeRefundRequest,
    RechargeRuleDraft,
    create_recharge_rule,
    refund_recharge,
)
from tests.checkout_support.kit import World, cid, yuan


def test_refund_in_parts_returns_exactly_what_was_paid(world: World) -> None:
    world.set_settings(stored_value__spend_order="proportional")
    world.recharge("alice", "100")
    with world.db.uow() as uow:  # give alice some bonus balance too
        from memberdesk.models.enums import StoredValueKind
        from memberdesk.services.shared.ledger import Refs, post_stored_value

        post_stored_value(uow.session, world.members["alice"], StoredValueKind.ADJUSTMENT,
                          Money(0), yuan("30"), Refs(staff_id=world.owner.staff_id))
        uow.commit()
    world.give_points("alice", 1000)
    sale = world.sell([("COLA", 3), ("CHIPS", 2), ("BEER", 1)],
                      [(TenderKind.STORED_VALUE, "13.33"), (TenderKind.POINTS, "5"),
                       (TenderKind.CASH, "20")], member="alice")
    after_sale = world.balances("alice")
    parts = [world.refund(sale.sale_no, lines=((1, 1),)),
             world.refund(sale.sale_no, lines=((2, 1), (1, 1))),
             world.refund(sale.sale_no)]
    assert sum(p.amount.fen for p in parts) == sale.payable.fen
    assert sum(p.points_returned for p in parts) == sale.points_redeemed
    assert sum(p.points_taken_back for p in parts) == sale.points_earned
    by_kind: dict[str, int] = {}
    for p in parts:
        for t in p.tenders:
            by_kind[t.label] = by_kind.get(t.label, 0) + t.amount.fen
    assert by_kind == {"储值": 1333, "积分抵现": 500, "现金": sale.payable.fen - 1833}
    assert world.balances("alice") == (yuan("100"), yuan("30"), 1000)
    assert after_sale != world.balances("alice")
    assert check_database(world.db) == []


def test_cashier_refund_needs_a_one_time_manager_approval(world: World) -> None:
    sale = world.sell([("BEER", 2)], [(TenderKind.CASH, "12")])
    grant = approvals.grant_approval(world.db, world.cashier, approver_username="manager",
                                     approver_password="manager-pass", permission=Permission.REFUND,
                                     reason="顾客退货")
    r = world.refund(sale.sale_no, lines=((1, 1),), actor=world.cashier,
                     approval_id=grant.approval_id)
    assert r.amount == yuan("6")
    # the receipt names the manager who approved it (the approver the refund records)
    with world.db.reader() as uow:
        name = uow.session.get(Staff, world.manager.staff_id).display_name  # type: ignore[union-attr]
    assert f"审批：{name}" in r.receipt.notes
    assert f"Approved by: {name}" in render_text(r.receipt, 58, "en").splitlines()
    own = world.refund(sale.sale_no, lines=((1, 1),))  # the manager's own: nobody approved
    assert not [n for n in own.receipt.notes if n.startswith("审批")]
    with pytest.raises(UserError) as err:  # the approval was used up
        world.refund(sale.sale_no, actor=world.cashier, approval_id=grant.approval_id)
    assert err.value.code == "approval_invalid"
    with world.db.reader() as uow:
        row = uow.session.scalar(select(AuditEntry).where(AuditEntry.action == "sale.refund"))
        assert row is not None and row.approver_id == world.manager.staff_id
        assert "顾客退货" in row.detail


def test_refund_replay_returns_the_first_result(world: World) -> None:
    sale = world.sell([("BEER", 2)], [(TenderKind.CASH, "12")], member="alice")
    key = cid()
    first = world.refund(sale.sale_no, lines=((1, 1),), client_id=key)
    again = world.refund(sale.sale_no, lines=((1, 1),), client_id=key)
    assert again.replayed and again.refund_no == first.refund_no and again.amount == first.amount
    with pytest.raises(UserError) as err:
        world.refund(sale.sale_no, lines=((1, 2),), client_id=key)
    assert err.value.code == "client_id_reused"


def test_coupon_is_restored_only_when_the_setting_says_so(world: World) -> None:
    tid = create_coupon_template(world.db, world.owner, CouponTemplateDraft(
        "P8", "8折券", CouponKind.PERCENT_OFF, percent_permille=800))
    keep, give = (issue_coupons(world.db, world.owner, tid, world.members["alice"], 2))
    s1 = world.sell([("WASH", 1)], [(TenderKind.CASH, "24")], member="alice", coupons=(keep.code,))
    world.refund(s1.sale_no, lines=((1, 1),))
    world.set_settings(checkout__restore_coupons_on_refund=False)
    s2 = world.sell([("WASH", 1)], [(TenderKind.CASH, "24")], member="alice", coupons=(give.code,))
    world.refund(s2.sale_no)
    with world.db.reader() as uow:
        status = {c.code: c.status for c in uow.session.scalars(select(Coupon))}
    assert status == {keep.code: CouponStatus.ISSUED, give.code: CouponStatus.USED}
    assert check_database(world.db) == []


def test_spent_earned_points_block_a_refund_or_are_deducted(world: World) -> None:
    world.set_settings(points__redeem_min_points=0, points__redeem_max_percent=100)
    sale = world.sell([("WASH", 2)], [(TenderKind.CASH, "60")], member="alice")
    assert sale.points_earned == 120  # 60 yuan x product ratio 2
    # spends 100 of them, earns 2 on the cash part
    world.sell([("COLA", 1)], [(TenderKind.POINTS, "1"), (TenderKind.CASH, "2.50")], member="alice")
    with pytest.raises(UserError) as err:
        world.refund(sale.sale_no)
    assert err.value.code == "points_already_spent" and err.value.params["points"] == 98
    r = world.refund(sale.sale_no, deduct_spent_points=True)
    assert r.points_taken_back == 22 and r.amount == yuan("59.02")  # 98 points = 0.98 kept
    assert world.balances("alice")[2] == 0
    assert check_database(world.db) == []


def test_recharge_bonus_rules_and_refund_returns_principal_only(world: World) -> None:
    tid = create_coupon_template(world.db, world.owner, CouponTemplateDraft(
        "RC5", "充值赠券", CouponKind.AMOUNT_OFF, value=yuan("5"), valid_days=30))
    create_recharge_rule(world.db, world.owner, RechargeRuleDraft("充100送10", yuan("100"), yuan("10")))
    create_recharge_rule(world.db, world.owner, RechargeRuleDraft(
        "充200送30", yuan("200"), yuan("30"), bonus_points=200, coupon_template_id=tid))
    small = world.recharge("alice", "150")
    assert (small.bonus, small.bonus_points, small.coupon_codes) == (yuan("10"), 0, ())
    big = world.recharge("bob", "200", kind=TenderKind.WECHAT, reference="WX123")
    assert (big.bonus, big.bonus_points, len(big.coupon_codes)) == (yuan("30"), 200, 1)
    assert big.sv_balance == yuan("230") and big.points_balance == 200
    world.sell([("CIG", 1)], [(TenderKind.STORED_VALUE, "45")], member="bob")  # bonus first
    assert world.balances("bob")[:2] == (yuan("185"), Money(0))
    r = refund_recharge(world.db, world.manager, RechargeRefundRequest(
        cid(), big.recharge_no, "顾客不想要了"))
    assert r.amount == yuan("185")  # what is left of the principal; the bonus is gone
    assert world.balances("bob") == (Money(0), Money(0), 0)
    assert [t.label for t in r.tenders] == ["微信支付"]
    with world.db.reader() as uow:
        coupon = uow.session.scalar(select(Coupon).where(Coupon.code == big.coupon_codes[0]))
        assert coupon is not None and coupon.status is CouponStatus.VOID
    with pytest.raises(UserError) as err:
        refund_recharge(world.db, world.manager, RechargeRefundRequest(cid(), big.recharge_no, "再退"))
    assert err.value.code == "recharge_already_refunded"
    assert check_database(world.db) == []


def test_whole_refund_marks_sale_and_partial_marks_partial(world: World) -> None:
    sale = world.sell([("COLA", 2), ("BEER", 1)], [(TenderKind.BANK_CARD, "13")])
    world.refund(sale.sale_no, lines=((2, 1),))
    from memberdesk.models import Sale

    with world.db.reader() as uow:
        assert uow.session.get(Sale, sale.sale_id).status is SaleStatus.PARTIALLY_REFUNDED  # type: ignore[union-attr]
    world.refund(sale.sale_no)
    with world.db.reader() as uow:
        assert uow.session.get(Sale, sale.sale_id).status is SaleStatus.REFUNDED  # type: ignore[union-attr]
