"""Correcting a campaign (issue 14), on both engines: before it starts every field may
change (one transaction, permission-checked, one audit row with before and after);
while it runs it may only be ended early; once over it is read only. What was given
(a coupon campaign's coupons and hold-out) never changes."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from memberdesk.domain import shoptime
from memberdesk.models import AuditEntry, Campaign, CampaignMember, Coupon, Member
from memberdesk.models.enums import CouponKind, CouponStatus
from memberdesk.services.campaigns.coupon_campaigns import (
    CampaignRequest,
    create_campaign,
    list_campaigns,
    run_campaign,
)
from memberdesk.services.campaigns.edit import edit_campaign, request_of
from memberdesk.services.campaigns.promotions import (
    MemberDayRequest,
    SpecialRequest,
    add_member_day,
    add_special,
    end_campaign,
)
from memberdesk.services.campaigns.segments import save_segment
from memberdesk.services.checkout.cart import CartLine, CartRequest, quote
from memberdesk.services.coupons.admin import CouponTemplateRequest, add_coupon_template
from memberdesk.services.members.filter import MemberFilter
from memberdesk.services.shared import clock
from memberdesk.services.shared.errors import UserError
from tests.checkout_support.kit import World, snapshot, yuan

DAY = date(2026, 3, 10)


def at(world: World, day: date, hour: int = 10) -> datetime:
    with world.db.reader() as uow:
        offset = clock.offset_minutes(uow.session)
    return shoptime.start_of_day(day, offset) + timedelta(hours=hour)


def code_of(e: pytest.ExceptionInfo[UserError]) -> str:
    return e.value.code


def edits(world: World, name: str) -> list[dict[str, object]]:
    with world.db.reader() as uow:
        return [json.loads(e.detail) for e in uow.session.scalars(select(AuditEntry).where(
            AuditEntry.action == "campaign.edit", AuditEntry.entity_id == name))]


@pytest.fixture
def shop(world: World) -> World:
    for code, name in (("BACK5", "回店满30减5"), ("BACK8", "回店满50减8")):
        add_coupon_template(world.db, world.owner, CouponTemplateRequest(
            code=code, name=name, kind=CouponKind.AMOUNT_OFF, value=yuan(code[4:]),
            min_spend=yuan("30"), valid_days=30))
    with shoptime.frozen(at(world, DAY, 8)):
        save_segment(world.db, world.manager, "全部", MemberFilter())
        save_segment(world.db, world.manager, "金卡", MemberFilter(tier_id=world.tiers["gold"]))
    return world


def test_a_coupon_campaign_is_corrected_before_its_run_then_only_ended(shop: World) -> None:
    w = shop
    with shoptime.frozen(at(w, DAY)):
        create_campaign(w.db, w.manager, CampaignRequest("回店礼", "金卡", "BACK5", 100, 30))
        r = request_of(w.db, w.manager, "回店礼")
        assert r == CampaignRequest("回店礼", "金卡", "BACK5", 100, 30, DAY)
        row = edit_campaign(w.db, w.manager, "回店礼", replace(
            r, name="三月回店礼", segment="全部", template="BACK8", holdout_permille=0,
            days=14))
    assert (row.name, row.segment, row.template, row.holdout_permille) == (
        "三月回店礼", "全部", "回店满50减8", 0)
    assert (row.first_day, row.last_day) == (DAY, DAY + timedelta(days=13))
    (detail,) = edits(w, "三月回店礼")
    assert detail["before"] == {"segment_id": 2, "template_id": 1, "holdout_permille": 100,
                                "last_day": "2026-04-08", "name": "回店礼"}
    assert detail["after"]["name"] == "三月回店礼" and detail["after"]["template_id"] == 2
    with shoptime.frozen(at(w, DAY)):
        run = run_campaign(w.db, w.manager, "三月回店礼")
    assert (run.issued, run.held_out) == (3, 0)
    before = snapshot(w.db)
    with shoptime.frozen(at(w, DAY + timedelta(days=1))):
        with pytest.raises(UserError) as e:
            edit_campaign(w.db, w.manager, "三月回店礼", replace(
                request_of(w.db, w.manager, "三月回店礼"), holdout_permille=500))
        assert code_of(e) == "campaign_started"
        assert snapshot(w.db) == before
        ended = end_campaign(w.db, w.manager, "三月回店礼")
    assert ended.ended and ended.last_day == DAY + timedelta(days=1) and ended.reached == 3
    with w.db.reader() as uow:  # what was given stays as given
        s = uow.session
        assert s.scalar(select(func.count()).select_from(Coupon).where(
            Coupon.status == CouponStatus.ISSUED)) == 3
        assert s.scalar(select(func.count()).select_from(CampaignMember)) == 3
    with shoptime.frozen(at(w, DAY + timedelta(days=2))):
        for fn, code in ((lambda: run_campaign(w.db, w.manager, "三月回店礼"),
                          "promo_already_ended"),
                         (lambda: end_campaign(w.db, w.manager, "三月回店礼"),
                          "promo_already_ended"),
                         (lambda: edit_campaign(w.db, w.manager, "三月回店礼", replace(
                             request_of(w.db, w.manager, "三月回店礼"), name="X")),
                          "campaign_over")):
            with pytest.raises(UserError) as e:
                fn()
            assert code_of(e) == code
    assert [c.ended for c in list_campaigns(w.db, w.manager)] == [True]


def test_a_special_price_changes_before_it_opens_and_the_counter_follows(shop: World) -> None:
    w = shop
    tomorrow = datetime.combine(DAY + timedelta(days=1), datetime.min.time())
    with shoptime.frozen(at(w, DAY)):
        add_special(w.db, w.manager, SpecialRequest(
            "可乐特价", "COLA", yuan("2.50"), tomorrow, tomorrow + timedelta(hours=12)))
        r = request_of(w.db, w.manager, "可乐特价")
        assert r == SpecialRequest("可乐特价", "COLA", yuan("2.50"), tomorrow,
                                   tomorrow + timedelta(hours=12))
        for bad, code in ((replace(r, price=yuan("9")), "promo_price_not_lower"),
                          (replace(r, product="NOPE"), "product_not_found"),
                          (replace(r, segment="没有"), "segment_not_found"),
                          (replace(r, ends=r.starts), "promo_bad_window")):
            before = snapshot(w.db)
            with pytest.raises(UserError) as e:
                edit_campaign(w.db, w.manager, "可乐特价", bad)
            assert code_of(e) == code and snapshot(w.db) == before
        with pytest.raises(UserError) as e:
            edit_campaign(w.db, w.cashier, "可乐特价", r)
        assert code_of(e) == "permission_denied"
        with pytest.raises(UserError) as e:
            edit_campaign(w.db, w.manager, "可乐特价", MemberDayRequest("可乐特价", weekday=1,
                                                                    discount_permille=900))
        assert code_of(e) == "campaign_edit_kind"
        row = edit_campaign(w.db, w.manager, "可乐特价", replace(
            r, price=yuan("2.00"), segment="金卡", starts=tomorrow + timedelta(hours=8)))
    assert (row.segment, row.reached, row.held_out) == ("金卡", 1, 0)
    cart = CartRequest((CartLine(product="COLA", qty=2),), w.members["alice"])
    gold = replace(cart, member_id=w.members["bob"])
    with shoptime.frozen(at(w, DAY + timedelta(days=1), 9)):
        assert quote(w.db, w.cashier, cart).payable == yuan("7.00")  # not in the segment
        assert quote(w.db, w.cashier, gold).payable == yuan("4.00")
        with pytest.raises(UserError) as e:  # open now: only ending is left
            edit_campaign(w.db, w.manager, "可乐特价", replace(r, price=yuan("1.00")))
        assert code_of(e) == "campaign_started"


def test_a_member_days_segment_is_saved_again_by_an_edit_before_the_start(
        shop: World) -> None:
    w = shop
    with shoptime.frozen(at(w, DAY)):
        row = add_member_day(w.db, w.manager, MemberDayRequest(
            "周三会员日", weekday=2, discount_permille=900, holdout_permille=0,
            first_day=DAY + timedelta(days=1), segment="金卡"))
        assert (row.reached, row.held_out) == (1, 0)
        with w.db.uow() as uow:  # carol turns gold before the start
            uow.session.get_one(Member, w.members["carol"]).tier_id = w.tiers["gold"]
            uow.commit()
        row = edit_campaign(w.db, w.manager, "周三会员日",
                            request_of(w.db, w.manager, "周三会员日"))
    assert row.reached == 2  # the audience taken again at the save
    with w.db.reader() as uow:
        c = uow.session.scalars(select(Campaign).where(Campaign.name == "周三会员日")).one()
        assert c.first_day == DAY + timedelta(days=1)
