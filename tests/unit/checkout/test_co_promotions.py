"""Member days (会员日) and special prices (限时特价) at the counter and in checkout:
the window's quote is what checkout charges, shop-time windows across midnight,
tiers, the hold-out, stacking with member prices, manual discounts and coupons,
the points multiplier, the receipt's campaign name, refunds, ending a campaign."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select, update

from memberdesk.domain import shoptime
from memberdesk.domain.campaigns import held_out
from memberdesk.domain.discounts import ManualDiscount
from memberdesk.models import AuditEntry, Campaign, SaleDiscount
from memberdesk.models.enums import CouponKind, DiscountKind, TenderKind
from memberdesk.services.backup.integrity import check_database
from memberdesk.services.campaigns.promotions import (
    MemberDayRequest,
    SpecialRequest,
    add_member_day,
    add_special,
    end_campaign,
)
from memberdesk.services.checkout.cart import CartLine, CartRequest, quote
from memberdesk.services.coupons.core import (
    CouponTemplateDraft,
    create_coupon_template,
    issue_coupons,
)
from memberdesk.services.pricing.prices import PriceBreakdown
from memberdesk.services.shared import clock
from memberdesk.services.shared.errors import UserError
from tests.checkout_support.kit import World, yuan

DAY = date(2026, 3, 9)  # a Monday


def at(world: World, day: date, hour: int, minute: int = 0) -> datetime:
    """The UTC instant of the shop's local ``day`` at ``hour:minute``."""
    with world.db.reader() as uow:
        offset = clock.offset_minutes(uow.session)
    return shoptime.start_of_day(day, offset) + timedelta(hours=hour, minutes=minute)


def q(world: World, when: datetime, lines: list[tuple[str, int]], member: str | None = None,
      coupons: tuple[str, ...] = (), order: ManualDiscount | None = None) -> PriceBreakdown:
    cart = CartRequest(tuple(CartLine(product=c, qty=n) for c, n in lines),
                       world.members[member] if member else None, coupons, order)
    with shoptime.frozen(when):
        return quote(world.db, world.cashier, cart)


def kinds(bd: PriceBreakdown) -> dict[DiscountKind, tuple[str, int]]:
    return {d.kind: (d.label, d.amount.fen) for d in bd.discounts}


def special(world: World, name: str = "夜场可乐", price: str = "2.00", start: int = 22,
            hours: int = 4, **kw: object) -> None:
    starts = datetime.combine(DAY, datetime.min.time()) + timedelta(hours=start)
    with shoptime.frozen(at(world, DAY, 9)):
        add_special(world.db, world.owner, SpecialRequest(
            name, "COLA", yuan(price), starts, starts + timedelta(hours=hours), **kw))  # type: ignore[arg-type]


def member_day(world: World, name: str = "周一会员日", **kw: object) -> None:
    kw.setdefault("weekday", 0)
    kw.setdefault("discount_permille", 900)
    kw.setdefault("multiplier_permille", 2000)
    kw.setdefault("holdout_permille", 0)
    with shoptime.frozen(at(world, DAY, 9)):
        add_member_day(world.db, world.owner, MemberDayRequest(name, **kw))  # type: ignore[arg-type]


def test_a_special_price_window_across_midnight_in_shop_time(world: World) -> None:
    special(world)  # 22:00 Monday to 02:00 Tuesday, shop time
    assert not q(world, at(world, DAY, 21, 59), [("COLA", 1)]).discounts
    for when in (at(world, DAY, 22), at(world, DAY + timedelta(days=1), 1, 59)):
        bd = q(world, when, [("COLA", 2)])
        assert kinds(bd) == {DiscountKind.SPECIAL: ("夜场可乐", 300)} and bd.payable == yuan("4.00")
    assert not q(world, at(world, DAY + timedelta(days=1), 2), [("COLA", 1)]).discounts


def test_checkout_charges_what_the_counter_showed_and_the_receipt_names_the_campaign(
        world: World) -> None:
    special(world, start=8, hours=12)
    when = at(world, DAY, 10)
    shown = q(world, when, [("COLA", 2), ("BEER", 1)])
    with shoptime.frozen(when):
        r = world.sell([("COLA", 2), ("BEER", 1)], [(TenderKind.CASH, "20")])
    assert r.payable == shown.payable == yuan("10.00")
    assert ("夜场可乐", yuan("3.00")) in [(d.label, d.amount) for d in r.receipt.discounts]
    with world.db.reader() as uow:
        row = uow.session.execute(select(
            SaleDiscount.kind, SaleDiscount.campaign_id, SaleDiscount.amount).where(
            SaleDiscount.sale_id == r.sale_id)).one()
        cid = uow.session.scalar(select(Campaign.id).where(Campaign.name == "夜场可乐"))
    assert tuple(row) == (DiscountKind.SPECIAL, cid, yuan("3.00"))


def test_special_against_the_member_price_the_lowest_wins_and_they_never_stack(
        world: World) -> None:
    # bob is gold: COLA's member price is 3.00 (list 3.50)
    special(world, "特价3.20", "3.20", start=8, hours=12)
    bd = q(world, at(world, DAY, 10), [("COLA", 1)], member="bob")
    assert kinds(bd) == {DiscountKind.MEMBER_PRICE: ("会员价", 50)}
    special(world, "特价2.50", "2.50", start=8, hours=12)
    bd = q(world, at(world, DAY, 10), [("COLA", 1)], member="bob")
    assert kinds(bd) == {DiscountKind.SPECIAL: ("特价2.50", 100)} and bd.payable == yuan("2.50")


def test_members_only_and_tier_limited_specials(world: World) -> None:
    special(world, "会员特价", members_only=True, start=8, hours=12)
    special(world, "金卡特价", "1.50", tiers=("gold",), start=8, hours=12)
    when = at(world, DAY, 10)
    assert not q(world, when, [("COLA", 1)]).discounts  # a walk-in
    assert kinds(q(world, when, [("COLA", 1)], member="alice")) == {
        DiscountKind.SPECIAL: ("会员特价", 150)}  # normal tier: not the gold one
    assert kinds(q(world, when, [("COLA", 1)], member="bob")) == {
        DiscountKind.SPECIAL: ("金卡特价", 200)}


def test_a_manual_discount_and_a_coupon_apply_on_top_of_the_special_price(world: World) -> None:
    special(world, start=8, hours=12)  # COLA 2.00
    with shoptime.frozen(at(world, DAY, 9)):
        template = create_coupon_template(world.db, world.owner, CouponTemplateDraft(
            "M1", "满5减1", CouponKind.AMOUNT_OFF, value=yuan("1"), min_spend=yuan("5")))
        code = issue_coupons(world.db, world.owner, template, world.members["alice"])[0].code
    bd = q(world, at(world, DAY, 10), [("COLA", 3)], member="alice", coupons=(code,),
           order=ManualDiscount(amount=yuan("0.50")))
    got = kinds(bd)
    assert got[DiscountKind.SPECIAL][1] == 450 and got[DiscountKind.MANUAL][1] == 50
    assert got[DiscountKind.COUPON][1] == 100
    assert bd.payable == yuan("4.50")  # 6.00 - 0.50 - 1.00


def test_member_day_discount_and_points_multiplier_on_its_weekday_only(world: World) -> None:
    member_day(world)  # Mondays: members pay 90%, double points
    with shoptime.frozen(at(world, DAY, 10)):
        r = world.sell([("BEER", 2)], [(TenderKind.CASH, "20")], member="alice")
    assert r.payable == yuan("10.80")
    assert ("周一会员日", yuan("1.20")) in [(d.label, d.amount) for d in r.receipt.discounts]
    assert r.points_earned == 21  # 10.80 x 1 point a yuan x 2, rounded down
    tuesday = at(world, DAY + timedelta(days=1), 10)
    assert not q(world, tuesday, [("BEER", 2)], member="alice").discounts
    assert not q(world, at(world, DAY, 10), [("BEER", 2)]).discounts  # a walk-in


def test_member_day_multiplies_the_tier_multiplier_and_the_lower_price_wins(
        world: World) -> None:
    member_day(world, discount_permille=980)  # 98% for members; gold pays 95% anyway
    with shoptime.frozen(at(world, DAY, 10)):
        r = world.sell([("BEER", 2)], [(TenderKind.CASH, "20")], member="bob")
    assert r.payable == yuan("11.40")  # gold's 95% wins over the member day's 98%
    assert r.points_earned == 34  # 11.40 x gold 1.5 x member day 2 = 34.2


def test_a_member_day_for_a_tier_leaves_the_other_tiers_out(world: World) -> None:
    member_day(world, tiers=("gold",), discount_permille=800)
    when = at(world, DAY, 10)
    assert not q(world, when, [("BEER", 1)], member="alice").discounts
    assert kinds(q(world, when, [("BEER", 1)], member="bob")) == {
        DiscountKind.MEMBER_DAY: ("周一会员日", 120)}


def test_a_held_out_member_gets_nothing(world: World) -> None:
    member_day(world, holdout_permille=500)
    alice, bob = world.members["alice"], world.members["bob"]
    seed = next(f"s{i}" for i in range(1000)
                if held_out(f"s{i}", alice, 500) and not held_out(f"s{i}", bob, 500))
    with world.db.uow() as uow:
        uow.session.execute(update(Campaign).values(seed=seed))
        uow.commit()
    when = at(world, DAY, 10)
    assert not q(world, when, [("CHIPS", 1)], member="alice").discounts
    assert DiscountKind.MEMBER_DAY in kinds(q(world, when, [("CHIPS", 1)], member="bob"))


def test_a_refund_reverses_the_special_price_and_the_member_day_exactly(world: World) -> None:
    special(world, start=8, hours=12)
    member_day(world)
    before = world.balances("alice")
    with shoptime.frozen(at(world, DAY, 10)):
        r = world.sell([("COLA", 2), ("BEER", 1)], [(TenderKind.CASH, "20")], member="alice")
        assert r.payable == yuan("9.40")  # COLA 2 x 2.00 special; BEER 6.00 at 90%
        refund = world.refund(r.sale_no)
    assert refund.amount == r.payable
    assert refund.points_taken_back == r.points_earned > 0
    assert world.balances("alice") == before
    assert check_database(world.db) == []


def test_ending_a_campaign_stops_it_at_once_and_is_audited(world: World) -> None:
    member_day(world)
    when = at(world, DAY, 10)
    assert q(world, when, [("BEER", 1)], member="alice").discounts
    with shoptime.frozen(when):
        end_campaign(world.db, world.manager, "周一会员日")
        with pytest.raises(UserError) as e:
            end_campaign(world.db, world.manager, "周一会员日")
    assert e.value.code == "promo_already_ended"
    assert not q(world, when, [("BEER", 1)], member="alice").discounts
    with world.db.reader() as uow:
        actions = list(uow.session.scalars(select(AuditEntry.action).where(
            AuditEntry.entity_id == "周一会员日")))
    assert actions == ["campaign.member_day", "campaign.member_day"]


@pytest.mark.parametrize(("kw", "code"), [
    ({"weekday": None}, "promo_day_needed"),
    ({"on_day": DAY}, "promo_day_needed"),  # and a weekday
    ({"discount_permille": 50}, "promo_bad_discount"),
    ({"multiplier_permille": 500}, "promo_bad_multiplier"),
    ({"discount_permille": 1000, "multiplier_permille": 1000}, "promo_gives_nothing"),
    ({"tiers": ("platinum",)}, "promo_tier_not_found"),
])
def test_member_day_bad_input(world: World, kw: dict[str, object], code: str) -> None:
    with pytest.raises(UserError) as e:
        member_day(world, **kw)
    assert e.value.code == code


def test_special_bad_input_and_a_cashier_may_not_create(world: World) -> None:
    for kw, code in (({"price": "3.50"}, "promo_price_not_lower"),
                     ({"hours": 0}, "promo_bad_window")):
        with pytest.raises(UserError) as e:
            special(world, **kw)  # type: ignore[arg-type]
        assert e.value.code == code
    with pytest.raises(UserError) as e, shoptime.frozen(at(world, DAY, 9)):
        add_member_day(world.db, world.cashier, MemberDayRequest(
            "x", weekday=0, discount_permille=900))
    assert e.value.kind == "permission"


def test_a_price_override_replaces_the_special_price_on_its_line(world: World) -> None:
    special(world, start=8, hours=12)  # COLA 2.00
    cart = CartRequest((CartLine(product="COLA", qty=1, override=yuan("3.00")),
                        CartLine(product="COLA", qty=1)))
    with shoptime.frozen(at(world, DAY, 10)):
        bd = quote(world.db, world.manager, cart)
    assert [(ln.discounts[0].kind, ln.net) for ln in bd.lines] == [
        (DiscountKind.MANUAL, yuan("3.00")), (DiscountKind.SPECIAL, yuan("2.00"))]
