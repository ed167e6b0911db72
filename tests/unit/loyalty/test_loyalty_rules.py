"""Loyalty rules the owner edits (issue 11, item 3): tiers, recharge offers, coupon
templates, issuing a coupon to a member, and the points expiry policy. Each bad
request is one clear message in both languages and saves nothing; only the owner
changes rules (a manager issues coupons); every change is audited with its values."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from memberdesk.domain.points import expires_on
from memberdesk.models import AuditEntry, PointsEntry, PointsLot
from memberdesk.models.enums import CouponKind, CouponScope, PointsKind, TenderKind
from memberdesk.money import Money
from memberdesk.services.coupons.admin import (
    CouponTemplateRequest,
    add_coupon_template,
    issue_coupon,
    list_coupon_templates,
    parse_hours,
    set_coupon_template_active,
)
from memberdesk.services.coupons.core import member_coupons
from memberdesk.services.loyalty.tiers import list_tiers
from memberdesk.services.loyalty.tiers_admin import (
    TierDraft,
    add_tier,
    edit_tier,
    list_tier_rows,
    set_tier_active,
)
from memberdesk.services.shared import settings
from memberdesk.services.shared.errors import PermissionDenied, UserError
from memberdesk.services.stored_value.offers_admin import (
    RechargeOfferRequest,
    add_recharge_offer,
    end_recharge_offer,
    list_recharge_offers,
)
from tests.checkout_support.kit import World, build_world, snapshot, yuan


@pytest.fixture
def world(db, staff) -> World:  # type: ignore[no-untyped-def]
    return build_world(db, staff)


def refused(w: World, fn: Any, *args: Any, **kw: Any) -> UserError:
    """The service refuses, and nothing at all was written."""
    before = snapshot(w.db)
    with pytest.raises(UserError) as info:
        fn(*args, **kw)
    assert snapshot(w.db) == before
    assert info.value.message("en") and info.value.message("zh_CN")
    return info.value


def last_audit(w: World) -> tuple[str, dict[str, Any]]:
    with w.db.reader() as uow:
        row = uow.session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert row is not None
        return row.action, json.loads(row.detail)


# -- tiers ---------------------------------------------------------------------------------

def test_add_and_edit_a_tier_audited_with_old_and_new(world: World) -> None:
    w = world
    row = add_tier(w.db, w.owner, TierDraft("vip", "VIP会员", 5, yuan("50000"), 880, 3000))
    assert (row.name, row.discount_permille, row.points_multiplier_permille, row.members) == (
        "VIP会员", 880, 3000, 0)
    assert [t.code for t in list_tiers(w.db)][-1] == "vip"  # the products page's columns
    assert last_audit(w)[0] == "tier.create"
    edited = edit_tier(w.db, w.owner, "vip", discount_permille=850, name="黑卡会员")
    assert (edited.name, edited.discount_permille) == ("黑卡会员", 850)
    action, detail = last_audit(w)
    assert action == "tier.edit"
    assert detail == {"discount_permille": [880, 850], "name": ["VIP会员", "黑卡会员"]}
    assert edit_tier(w.db, w.owner, "黑卡会员", rank=6).rank == 6  # found by name too


@pytest.mark.parametrize(("changes", "en"), [
    ({"discount_permille": -50}, "A tier's discount is the share paid, 1%–100% (100% = full "
                                 "price, 95% = 5% off), not -5%"),
    ({"discount_permille": 0}, "A tier's discount is the share paid, 1%–100% (100% = full "
                               "price, 95% = 5% off), not 0%"),
    ({"discount_permille": 1200}, "A tier's discount is the share paid, 1%–100% (100% = full "
                                  "price, 95% = 5% off), not 120%"),
    ({"points_multiplier_permille": 50_000}, "The points multiplier must be 0–10×, not 50×"),
    ({"rank": 2}, "Order 2 is already 银卡会员's: pick another number"),
    ({"name": "金卡会员"}, "There is already a tier called 金卡会员"),
    ({"code": "gold"}, "The tier code gold already belongs to 金卡会员"),
    ({"upgrade_threshold": yuan("100")}, "VIP's upgrade threshold of ¥100.00 is below the "
     "¥20,000.00 of 钻石会员, a lower tier: a higher tier cannot be easier to reach"),
    ({"name": ""}, "tier name is required"),
])
def test_absurd_tiers_are_refused(world: World, changes: dict[str, Any], en: str) -> None:
    base = {"code": "vip", "name": "VIP", "rank": 5, "upgrade_threshold": yuan("50000")}
    err = refused(world, add_tier, world.db, world.owner, TierDraft(**{**base, **changes}))
    assert err.message("en") == en


def test_a_tier_held_by_members_cannot_be_deactivated(world: World) -> None:
    w = world
    err = refused(w, set_tier_active, w.db, w.owner, "gold", False)  # bob is gold
    assert err.message() == "还有 1 位会员属于“金卡会员”，不能停用：请先把他们调到其他等级"
    assert err.message("en") == ("1 members still hold 金卡会员, so it cannot be deactivated: "
                                 "move them to another tier first")
    row = set_tier_active(w.db, w.owner, "diamond", False)  # nobody holds it
    assert not row.active
    assert "diamond" not in [t.code for t in list_tiers(w.db)]  # gone from the products page
    assert last_audit(w) == ("tier.deactivate", {"active": [True, False]})
    assert [r.code for r in list_tier_rows(w.db)][-1] == "diamond"  # still listed, inactive
    assert set_tier_active(w.db, w.owner, "diamond", True).active


def test_a_tier_with_its_own_recharge_offer_cannot_be_deactivated(world: World) -> None:
    w = world
    add_recharge_offer(w.db, w.owner, RechargeOfferRequest("钻石充1000送300", yuan("1000"),
                                                           yuan("300"), tier="diamond"))
    err = refused(w, set_tier_active, w.db, w.owner, "diamond", False)
    assert err.code == "tier_in_rules"


def test_only_the_owner_changes_tiers(world: World) -> None:
    w = world
    err = refused(w, edit_tier, w.db, w.manager, "gold", discount_permille=900)
    assert isinstance(err, PermissionDenied)
    assert err.message() == "仅老板可以修改会员规则（等级、充值活动、优惠券）"


# -- recharge offers ------------------------------------------------------------------------

def offer(**kw: Any) -> RechargeOfferRequest:
    base: dict[str, Any] = {"name": "充100送20", "threshold": yuan("100"), "bonus": yuan("20")}
    return RechargeOfferRequest(**{**base, **kw})


def test_an_offer_is_added_used_by_a_recharge_and_ended(world: World) -> None:
    w = world
    add_coupon_template(w.db, w.owner, CouponTemplateRequest(
        "WELCOME5", "新客5元券", CouponKind.AMOUNT_OFF, value=yuan("5"), min_spend=yuan("20"),
        valid_days=30))
    row = add_recharge_offer(w.db, w.owner, offer(bonus_points=50, coupon="WELCOME5"))
    assert (row.state, row.coupon_name, row.tier_code) == ("running", "新客5元券", "")
    action, detail = last_audit(w)
    assert action == "recharge_rule.create" and detail["bonus"] == 2000
    result = w.recharge("alice", "100")
    assert (result.bonus, result.bonus_points, len(result.coupon_codes)) == (yuan("20"), 50, 1)
    ended = end_recharge_offer(w.db, w.owner, row.id)
    assert ended.state == "ended"
    assert [r.state for r in list_recharge_offers(w.db)] == ["ended"]
    assert w.recharge("alice", "100").bonus == Money(0)  # the till no longer gives it
    err = refused(w, end_recharge_offer, w.db, w.owner, row.id)
    assert err.code == "rule_already_ended"


def test_overlapping_offers_for_the_same_threshold_and_tier_are_refused(world: World) -> None:
    w = world
    today = w.today()
    add_recharge_offer(w.db, w.owner, offer(first_day=today, last_day=today + timedelta(days=30)))
    err = refused(w, add_recharge_offer, w.db, w.owner, offer(
        name="国庆充100送30", bonus=yuan("30"), first_day=today + timedelta(days=10)))
    assert err.message("en").startswith(
        f"It overlaps the recharge offer 充100送20 ({today.isoformat()} to "
        f"{(today + timedelta(days=30)).isoformat()}): two offers for the same threshold of "
        "¥100.00 and the same tier cannot run at the same time")
    assert "不能同时有效" in err.message()
    # After it: fine. Another tier, or another threshold: fine.
    add_recharge_offer(w.db, w.owner, offer(name="后续", first_day=today + timedelta(days=31)))
    add_recharge_offer(w.db, w.owner, offer(name="金卡", tier="gold"))
    add_recharge_offer(w.db, w.owner, offer(name="充200", threshold=yuan("200")))
    assert len(list_recharge_offers(w.db)) == 4


@pytest.mark.parametrize(("kw", "code"), [
    ({"bonus": yuan("120")}, "rule_bonus_above_threshold"),
    ({"bonus": Money(0)}, "rule_nothing_given"),
    ({"bonus": Money(-100)}, "invalid_amount"),
    ({"threshold": Money(0)}, "invalid_amount"),
    ({"threshold": yuan("6000"), "bonus": yuan("100")}, "rule_threshold_over_cap"),
    ({"bonus_points": -5}, "rule_points_range"),
    ({"name": " "}, "required_field"),
    ({"tier": "platinum"}, "tier_not_found"),
    ({"coupon": "NOPE"}, "template_not_found"),
    ({"first_day": date(2030, 5, 2), "last_day": date(2030, 5, 1)}, "rule_dates_reversed"),
    ({"last_day": date(2020, 1, 1)}, "rule_ends_in_past"),
])
def test_absurd_offers_are_refused(world: World, kw: dict[str, Any], code: str) -> None:
    err = refused(world, add_recharge_offer, world.db, world.owner, offer(**kw))
    assert err.code == code


def test_a_bonus_as_large_as_the_threshold_is_allowed(world: World) -> None:
    """充100送100 is the most an owner gives; 送120 is refused above (a zero too many)."""
    w = world
    err = refused(w, add_recharge_offer, w.db, w.owner, offer(bonus=yuan("120")))
    assert err.message() == ("赠送金额 ¥120.00 超过了充值门槛 ¥100.00：最多充多少送多少"
                             "（多半是多打了一个零）")
    assert add_recharge_offer(w.db, w.owner, offer(bonus=yuan("100"))).bonus == yuan("100")


def test_a_manager_reads_offers_but_cannot_add_them(world: World) -> None:
    err = refused(world, add_recharge_offer, world.db, world.manager, offer())
    assert err.code == "permission_owner_only"
    assert list_recharge_offers(world.db) == []


# -- coupon templates and issuing -------------------------------------------------------------

def test_templates_with_every_condition(world: World) -> None:
    w = world
    today = w.today()
    row = add_coupon_template(w.db, w.owner, CouponTemplateRequest(
        "drinks8", "饮料8折券", CouponKind.PERCENT_OFF, percent_paid=800,
        max_discount=yuan("10"), min_spend=yuan("10"), categories=("drinks",),
        first_day=today, last_day=today + timedelta(days=60), valid_days=7,
        hours="14:00-17:00", stackable=True, per_member_limit=2, total_limit=100))
    assert (row.code, row.scope, row.targets, row.hours, row.percent_paid) == (
        "DRINKS8", CouponScope.CATEGORY, ("饮料",), "14:00-17:00", 800)
    assert (row.first_day, row.last_day) == (today, today + timedelta(days=60))
    cola = add_coupon_template(w.db, w.owner, CouponTemplateRequest(
        "COLA1", "可乐1元券", CouponKind.FIXED_PRICE_ITEM, value=yuan("1"), products=("COLA",)))
    assert (cola.scope, cola.targets) == (CouponScope.PRODUCT, ("可口可乐 330ml",))
    assert [t.code for t in list_coupon_templates(w.db)] == ["COLA1", "DRINKS8"]
    action, detail = last_audit(w)
    assert action == "coupon_template.create" and detail["targets"] == ["可口可乐 330ml"]


@pytest.mark.parametrize(("kw", "en"), [
    ({"kind": CouponKind.PERCENT_OFF, "percent_paid": 0},
     "A percent coupon's share paid must be 1%–99% (80% = 20% off), not 0%"),
    ({"kind": CouponKind.PERCENT_OFF, "percent_paid": 1200},
     "A percent coupon's share paid must be 1%–99% (80% = 20% off), not 120%"),
    ({"kind": CouponKind.PERCENT_OFF, "percent_paid": 1000},
     "A percent coupon's share paid must be 1%–99% (80% = 20% off), not 100%"),
    ({"value": Money(-500)}, "The amount -5.00 is not valid: must not be negative"),
    ({"value": Money(0)}, "the amount off is required"),
    ({"value": yuan("60"), "min_spend": yuan("50")},
     "¥60.00 off a spend of ¥50.00 is more than the spend: check the amounts"),
    ({"hours": "25:00-26:00"},
     "The hours 25:00-26:00 are not valid: write HH:MM-HH:MM, e.g. 14:00-17:00"),
    ({"valid_days": 0}, "Days valid must be 1–3650"),
    ({"per_member_limit": 0}, "Uses per member must be a whole number 1–1000000"),
    ({"categories": ("nothing",)}, "No category nothing"),
    ({"kind": CouponKind.FIXED_PRICE_ITEM, "value": yuan("1")}, "Choose the products this "
     "coupon is for"),
    ({"code": "有 空格"}, "The coupon code may only contain letters, digits and - _ . / "
     "(no spaces)"),
])
def test_absurd_templates_are_refused(world: World, kw: dict[str, Any], en: str) -> None:
    base: dict[str, Any] = {"code": "T1", "name": "测试券", "kind": CouponKind.AMOUNT_OFF,
                            "value": yuan("5")}
    err = refused(world, add_coupon_template, world.db, world.owner,
                  CouponTemplateRequest(**{**base, **kw}))
    assert err.message("en") == en


def test_issue_a_coupon_to_a_member_by_phone_and_use_it(world: World) -> None:
    w = world
    add_coupon_template(w.db, w.owner, CouponTemplateRequest(
        "OFF5", "满20减5", CouponKind.AMOUNT_OFF, value=yuan("5"), min_spend=yuan("20"),
        valid_days=30))
    issued = issue_coupon(w.db, w.manager, "OFF5", "13800000001")  # a manager may issue
    assert (issued.member_name, issued.template_name, len(issued.codes)) == ("张三", "满20减5", 1)
    assert [c.code for c in member_coupons(w.db, w.members["alice"])] == list(issued.codes)
    action, detail = last_audit(w)
    assert action == "coupon.issue" and detail["member"] == w.member("alice").member_no
    sale = w.sell([("CHIPS", 3)], [(TenderKind.CASH, "21.40")], member="alice",
                  coupons=issued.codes)
    assert sale.payable == yuan("21.40")  # 26.40 - 5
    # Not an exact member: refused with the way to say who.
    err = refused(w, issue_coupon, w.db, w.owner, "OFF5", "张")
    assert err.message("en").startswith("Type the member's whole phone number")
    assert refused(w, issue_coupon, w.db, w.owner, "OFF5", "13900000000").code == (
        "member_not_found")
    assert refused(w, issue_coupon, w.db, w.cashier, "OFF5", "13800000001").code == (
        "permission_denied")


def test_a_cashier_issues_a_coupon_with_a_managers_approval(world: World) -> None:
    from memberdesk.services.shared.permissions import Permission
    from memberdesk.services.staff.approvals import grant_approval

    w = world
    add_coupon_template(w.db, w.owner, CouponTemplateRequest(
        "OFF5", "满20减5", CouponKind.AMOUNT_OFF, value=yuan("5"), min_spend=yuan("20")))
    grant = grant_approval(w.db, w.cashier, approver_username="manager",
                           approver_password="manager-pass",
                           permission=Permission.MANAGE_PROMOTIONS, reason="老顾客")
    issued = issue_coupon(w.db, w.cashier, "OFF5", "13800000001", approval_id=grant.approval_id)
    assert [c.code for c in member_coupons(w.db, w.members["alice"])] == list(issued.codes)
    with w.db.reader() as uow:
        row = uow.session.scalars(select(AuditEntry).where(AuditEntry.action == "coupon.issue")).one()
        assert (row.staff_id, row.approver_id) == (w.cashier.staff_id, w.manager.staff_id)
    # the approval counted once
    assert refused(w, issue_coupon, w.db, w.cashier, "OFF5", "13800000001",
                   approval_id=grant.approval_id).code == "approval_invalid"


def test_a_deactivated_template_is_not_issued_and_its_coupons_not_taken(world: World) -> None:
    w = world
    add_coupon_template(w.db, w.owner, CouponTemplateRequest(
        "OFF5", "满20减5", CouponKind.AMOUNT_OFF, value=yuan("5"), min_spend=yuan("20")))
    issued = issue_coupon(w.db, w.owner, "OFF5", "13800000001")
    add_recharge_offer(w.db, w.owner, offer(coupon="OFF5"))
    assert refused(w, set_coupon_template_active, w.db, w.owner, "OFF5", False).code == (
        "template_in_rules")
    end_recharge_offer(w.db, w.owner, list_recharge_offers(w.db)[0].id)
    assert not set_coupon_template_active(w.db, w.owner, "OFF5", False).active
    err = refused(w, issue_coupon, w.db, w.owner, "满20减5", "13800000001")
    assert err.message("en") == "The coupon 满20减5 is deactivated and cannot be issued"
    with pytest.raises(UserError) as used:
        w.sell([("CHIPS", 3)], [(TenderKind.CASH, "21.40")], member="alice",
               coupons=issued.codes)
    assert used.value.code == "coupon_void"


def test_parse_hours() -> None:
    assert parse_hours("") is None
    assert parse_hours("14:00-17:00") == (840, 1020)
    assert parse_hours("22:00-02:00") == (1320, 120)  # past midnight
    assert parse_hours("08:00-24:00") == (480, 0)


# -- points: the expiry policy -----------------------------------------------------------------

def test_expiry_policies() -> None:
    assert expires_on(date(2027, 2, 10), 365, "month_end") == date(2027, 2, 28)
    assert expires_on(date(2028, 2, 10), 365, "month_end") == date(2028, 2, 29)
    assert expires_on(date(2027, 12, 31), 365, "month_end") == date(2027, 12, 31)
    assert expires_on(date(2027, 6, 1), 365, "year_end") == date(2027, 12, 31)
    assert expires_on(date(2027, 6, 1), 365, "never") is None
    assert expires_on(date(2027, 6, 1), 30, "days") == date(2027, 7, 1)
    with pytest.raises(ValueError):
        expires_on(date(2027, 6, 1), 30, "sometimes")


def earn_lots(w: World) -> list[tuple[int, date | None]]:
    with w.db.reader() as uow:
        return [(lot.points, lot.expires_on) for lot in uow.session.scalars(
            select(PointsLot).join(PointsEntry, PointsEntry.id == PointsLot.entry_id).where(
                PointsEntry.member_id == w.members["alice"], PointsEntry.kind == PointsKind.EARN)
            .order_by(PointsLot.id))]


def test_checkout_earns_by_the_policy_and_old_lots_keep_their_dates(world: World) -> None:
    w = world
    today = w.today()
    w.sell([("CHIPS", 1)], [(TenderKind.CASH, "8.80")], member="alice")  # 365 days
    w.set_settings(points__expiry_policy="year_end", points__earn_per_yuan=2)
    w.sell([("CHIPS", 1)], [(TenderKind.CASH, "8.80")], member="alice")
    w.set_settings(points__expiry_policy="never")
    w.sell([("CHIPS", 1)], [(TenderKind.CASH, "8.80")], member="alice")
    assert earn_lots(w) == [(8, today + timedelta(days=365)),  # unchanged by the new policy
                            (17, date(today.year, 12, 31)),  # 2 a yuan: the setting is read
                            (17, None)]


def test_recharge_bonus_points_follow_the_policy(world: World) -> None:
    w = world
    w.set_settings(points__expiry_policy="month_end")
    add_recharge_offer(w.db, w.owner, offer(bonus=Money(0), bonus_points=100))
    w.recharge("alice", "100")
    with w.db.reader() as uow:
        lot = uow.session.scalars(select(PointsLot).join(
            PointsEntry, PointsEntry.id == PointsLot.entry_id).where(
            PointsEntry.kind == PointsKind.BONUS)).one()
        assert lot.expires_on == expires_on(w.today(), 0, "month_end")
        assert settings.get_str(uow.session, "points.expiry_policy") == "month_end"


def test_the_expiry_policy_setting_is_checked(world: World) -> None:
    from memberdesk.services.shared.settings import change_settings

    with pytest.raises(UserError) as err:
        change_settings(world.db, world.owner, {"points.expiry_policy": "weekly"})
    assert "Points expire" in err.value.message("en")
    change_settings(world.db, world.owner, {"points.expiry_policy": "year_end"})
