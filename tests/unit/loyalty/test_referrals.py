"""Referral and the new-member coupon (issue 12 item 4): the referrer chosen at
registration; both rewarded (points, coupons) in the referee's first qualifying
checkout; taken back in the refund that leaves it below the minimum; the new-member
coupon issued on registration; ``db check`` after."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from memberdesk.models import Coupon, CouponTemplate, PointsEntry, Referral
from memberdesk.models.enums import CouponKind, CouponStatus, PointsKind, TenderKind
from memberdesk.services.backup.integrity import check_database
from memberdesk.services.coupons.core import CouponTemplateDraft, create_coupon_template
from memberdesk.services.loyalty.enrol import register_member
from memberdesk.services.receipts.text import render_text
from memberdesk.services.shared.errors import UserError
from tests.checkout_support.kit import World, build_world, yuan


@pytest.fixture
def world(db, staff) -> World:  # type: ignore[no-untyped-def]
    w = build_world(db, staff)
    for code in ("NEW", "REF"):
        create_coupon_template(db, w.owner, CouponTemplateDraft(
            code, f"{code}券", CouponKind.AMOUNT_OFF, value=yuan("5"), min_spend=yuan("50")))
    w.set_settings(referral__min_spend_fen=1000, referral__referrer_points=100,
                   referral__member_points=50, referral__referrer_coupon="REF",
                   new_member__coupon="NEW")
    return w


def newcomer(world: World) -> str:
    """Register 赵六, referred by alice; the new member's key in ``world.members``."""
    referrer = world.member("alice").member_no
    s = register_member(world.db, world.cashier, phone="13900009999", name="赵六",
                        referrer_no=referrer)
    world.members["zhao"] = s.id
    return "zhao"


def coupons_of(world: World, key: str) -> list[tuple[str, CouponStatus]]:
    with world.db.reader() as uow:
        return [(code, status) for code, status in uow.session.execute(
            select(CouponTemplate.code, Coupon.status)
            .join(CouponTemplate, CouponTemplate.id == Coupon.template_id)
            .where(Coupon.member_id == world.members[key]).order_by(Coupon.id))]


def test_registration_records_the_referrer_and_gives_the_new_member_coupon(world: World) -> None:
    key = newcomer(world)
    assert coupons_of(world, key) == [("NEW", CouponStatus.ISSUED)]
    with world.db.reader() as uow:
        r = uow.session.scalars(select(Referral)).one()
        assert (r.member_id, r.referrer_id, r.sale_id) == (
            world.members[key], world.members["alice"], None)
    with pytest.raises(UserError) as err:
        register_member(world.db, world.cashier, phone="13900008888", name="钱七",
                        referrer_no="M999999")
    assert err.value.code == "referrer_not_found"


def test_first_qualifying_purchase_rewards_both_once_and_a_refund_takes_it_back(
        world: World) -> None:
    key = newcomer(world)
    small = world.sell([("COLA", 1)], [(TenderKind.CASH, "10")], member=key)  # 3.50 < 10.00
    assert world.balances(key)[2] == small.points_earned and world.balances("alice")[2] == 0
    sale = world.sell([("CHIPS", 2)], [(TenderKind.CASH, "20")], member=key)  # 17.60
    assert world.balances(key)[2] == small.points_earned + sale.points_earned + 50
    assert world.balances("alice")[2] == 100
    assert ("REF", CouponStatus.ISSUED) in coupons_of(world, "alice")
    assert "推荐奖励 50 积分" in render_text(sale.receipt, 80)
    assert "Referral reward: 50 points" in render_text(sale.receipt, 80, "en")
    again = world.sell([("CHIPS", 2)], [(TenderKind.CASH, "20")], member=key)
    assert world.balances("alice")[2] == 100  # once only
    assert "推荐奖励" not in render_text(again.receipt, 80)

    world.refund(sale.sale_no, ((1, 1),))  # 8.80 left: under the ¥10 minimum
    assert world.balances("alice")[2] == 0
    assert coupons_of(world, "alice") == [("REF", CouponStatus.VOID)]
    with world.db.reader() as uow:
        s = uow.session
        backs = s.scalars(select(PointsEntry).where(
            PointsEntry.kind == PointsKind.EARN_REVERSAL, PointsEntry.note == "推荐奖励")).all()
        assert sorted(e.delta for e in backs) == [-100, -50]
        r = s.scalars(select(Referral)).one()
        assert r.refund_id is not None and r.taken_back_at is not None
    world.refund(sale.sale_no)  # the rest: nothing more to take back
    assert world.balances("alice")[2] == 0
    assert check_database(world.db) == []


def test_a_partial_refund_that_still_qualifies_keeps_the_reward(world: World) -> None:
    key = newcomer(world)
    sale = world.sell([("CHIPS", 3)], [(TenderKind.CASH, "30")], member=key)  # 26.40
    world.refund(sale.sale_no, ((1, 1),))  # 17.60 left
    assert world.balances("alice")[2] == 100
