"""Promotions limited to a saved segment (issue 14) and a 满赠 gift out of stock, on both
engines: the segment's members are saved with the campaign (hold-out drawn then) and
the counter's quote and checkout admit exactly them; a member who joins the segment
after the start is not in; the report compares the saved groups. A gift whose product
is out of stock (negative stock not allowed) does not refuse the sale: it goes through
without that gift (or with the next gift reached) and the quote says why."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select, update

from memberdesk.domain import shoptime
from memberdesk.domain.campaigns import held_out
from memberdesk.models import Campaign, CampaignAudience, Member, SaleLine
from memberdesk.models.enums import TenderKind
from memberdesk.services.campaigns.audience import take
from memberdesk.services.campaigns.gifts import GiftRequest, add_gift
from memberdesk.services.campaigns.promotions import (
    MemberDayRequest,
    SpecialRequest,
    add_member_day,
    add_special,
)
from memberdesk.services.campaigns.segments import save_segment
from memberdesk.services.checkout.cart import CartLine, CartRequest, quote
from memberdesk.services.members.filter import MemberFilter
from memberdesk.services.pricing.prices import PriceBreakdown
from memberdesk.services.reporting.campaign_report import campaign_report
from memberdesk.services.shared import clock
from memberdesk.services.shared.errors import UserError
from memberdesk.services.stock.ledger import receive_stock
from tests.checkout_support.kit import World, yuan

DAY = date(2026, 3, 10)  # a Tuesday


def at(world: World, hour: int, day: date = DAY) -> datetime:
    with world.db.reader() as uow:
        offset = clock.offset_minutes(uow.session)
    return shoptime.start_of_day(day, offset) + timedelta(hours=hour)


def tag(world: World, key: str, tags: str) -> None:
    with world.db.uow() as uow:
        uow.session.execute(update(Member).where(Member.id == world.members[key])
                            .values(tags=tags))
        uow.commit()


def q(world: World, lines: list[tuple[str, int]], member: str | None = None,
      hour: int = 10) -> PriceBreakdown:
    cart = CartRequest(tuple(CartLine(product=c, qty=n) for c, n in lines),
                       world.members[member] if member else None)
    with shoptime.frozen(at(world, hour)):
        return quote(world.db, world.cashier, cart)


def gifts_of(bd: PriceBreakdown) -> list[tuple[str, int]]:
    return [(ln.code, ln.qty) for ln in bd.lines if ln.gift_campaign_id is not None]


@pytest.fixture
def regulars(world: World) -> World:
    """A segment 常客 (tag 常客): alice and carol; bob (gold) is not in it."""
    tag(world, "alice", "常客")
    tag(world, "carol", "常客,夜班")
    with shoptime.frozen(at(world, 7)):
        save_segment(world.db, world.manager, "常客", MemberFilter(tag="常客"))
    return world


def test_a_special_price_for_a_segment_quote_and_checkout_agree(regulars: World) -> None:
    w = regulars
    with shoptime.frozen(at(w, 7)):
        row = add_special(w.db, w.manager, SpecialRequest(
            "常客可乐", "COLA", yuan("2.00"), datetime.combine(DAY, datetime.min.time()),
            datetime.combine(DAY + timedelta(days=1), datetime.min.time()),
            segment="常客"))
    assert (row.segment, row.reached, row.held_out) == ("常客", 2, 0)
    assert q(w, [("COLA", 2)], "alice").payable == yuan("4.00")
    assert q(w, [("COLA", 2)], "bob").payable == yuan("6.00")  # gold's member price
    assert q(w, [("COLA", 2)]).payable == yuan("7.00")  # a walk-in: not in any segment
    shown = q(w, [("COLA", 2)], "carol")
    with shoptime.frozen(at(w, 10)):
        sold = w.sell([("COLA", 2)], [(TenderKind.CASH, "4.00")], member="carol")
        walk_in = w.sell([("COLA", 2)], [(TenderKind.CASH, "7.00")])
    assert sold.payable == shown.payable == yuan("4.00")
    assert walk_in.payable == yuan("7.00")
    # bob joins the segment after the start: the saved audience is what counts
    tag(w, "bob", "常客")
    assert q(w, [("COLA", 2)], "bob").payable == yuan("6.00")


def test_the_hold_out_is_drawn_when_the_audience_is_saved(regulars: World) -> None:
    w = regulars
    alice, carol = w.members["alice"], w.members["carol"]
    with shoptime.frozen(at(w, 7)):
        add_member_day(w.db, w.manager, MemberDayRequest(
            "常客日", weekday=DAY.weekday(), discount_permille=800, holdout_permille=500,
            segment="常客"))
    seed = next(f"s{i}" for i in range(1000)
                if held_out(f"s{i}", alice, 500) and not held_out(f"s{i}", carol, 500))
    with w.db.uow() as uow:
        s = uow.session
        c = s.scalars(select(Campaign).where(Campaign.name == "常客日")).one()
        c.seed = seed
        take(s, c)  # what a save before the start does: the draw on the new seed
        uow.commit()
    with w.db.reader() as uow:
        rows = {int(m): bool(h) for m, h in uow.session.execute(
            select(CampaignAudience.member_id, CampaignAudience.held_out))}
    assert rows == {alice: True, carol: False}
    assert q(w, [("BEER", 5)], "alice").payable == yuan("30.00")  # held out
    assert q(w, [("BEER", 5)], "carol").payable == yuan("24.00")  # 80%
    with shoptime.frozen(at(w, 10)):
        w.sell([("BEER", 5)], [(TenderKind.CASH, "24.00")], member="carol")
        w.sell([("BEER", 5)], [(TenderKind.CASH, "30.00")], member="alice")
    rep = campaign_report(w.db, w.manager, "常客日")
    assert (rep.reached.members, rep.held_out.members) == (1, 1)
    assert (rep.reached.sales, rep.held_out.sales) == (yuan("24.00"), yuan("30.00"))


def test_a_gift_for_a_segment_needs_a_member_of_it(regulars: World) -> None:
    w = regulars
    starts = datetime.combine(DAY, datetime.min.time())
    with shoptime.frozen(at(w, 7)):
        add_gift(w.db, w.manager, GiftRequest("常客满20送可乐", "COLA", yuan("20"), starts,
                                              starts + timedelta(days=1), holdout_permille=0,
                                              segment="常客"))
    assert gifts_of(q(w, [("BEER", 4)], "alice")) == [("COLA", 1)]
    assert gifts_of(q(w, [("BEER", 4)], "bob")) == []
    assert gifts_of(q(w, [("BEER", 4)])) == []


def test_an_out_of_stock_gift_does_not_refuse_the_sale(world: World) -> None:
    w = world
    w.set_settings(stock__allow_negative=False)
    receive_stock(w.db, w.manager, "BEER", 20)
    receive_stock(w.db, w.manager, "COLA", 1)  # one can of the gift left
    starts = datetime.combine(DAY, datetime.min.time())
    with shoptime.frozen(at(w, 7)):
        add_gift(w.db, w.manager, GiftRequest("满20送两罐可乐", "COLA", yuan("20"), starts,
                                              starts + timedelta(days=1), qty=2,
                                              holdout_permille=0))
    bd = q(w, [("BEER", 4)])
    assert gifts_of(bd) == []
    assert (bd.gift_short_campaign, bd.gift_short_product) == ("满20送两罐可乐", "可口可乐 330ml")
    msg = UserError("gift_out_of_stock", campaign=bd.gift_short_campaign,
                    product=bd.gift_short_product)
    assert "库存不足" in msg.message("zh_CN") and "out of stock" in msg.message("en")
    with shoptime.frozen(at(w, 10)):
        r = w.sell([("BEER", 4)], [(TenderKind.CASH, "24.00")])
    assert r.payable == bd.payable == yuan("24.00")
    with w.db.reader() as uow:
        gift_lines = uow.session.scalar(select(SaleLine.id).where(
            SaleLine.sale_id == r.sale_id, SaleLine.gift_campaign_id.is_not(None)))
    assert gift_lines is None
    # a lower threshold whose gift is on the shelf is the one the cart gets
    receive_stock(w.db, w.manager, "CHIPS", 3)
    with shoptime.frozen(at(w, 7)):
        add_gift(w.db, w.manager, GiftRequest("满10送薯片", "CHIPS", yuan("10"), starts,
                                              starts + timedelta(days=1), holdout_permille=0))
    bd = q(w, [("BEER", 4)])
    assert gifts_of(bd) == [("CHIPS", 1)] and bd.gift_short_product == "可口可乐 330ml"
    # the cart's own cans count: one can sold leaves none for the gift of the last can
    receive_stock(w.db, w.manager, "COLA", 1)  # two on hand: the gift of two fits...
    assert gifts_of(q(w, [("BEER", 4)])) == [("COLA", 2)]
    assert gifts_of(q(w, [("BEER", 4), ("COLA", 1)])) == [("CHIPS", 1)]  # ...not with one sold
    w.set_settings(stock__allow_negative=True)  # the shelf is the truth: the gift is given
    assert gifts_of(q(w, [("BEER", 4), ("COLA", 1)])) == [("COLA", 2)]
