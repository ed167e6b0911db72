"""满赠 (spend at least X, get a gift) at the counter, in checkout, in refunds and in the
campaign report, on both engines: the counter's quote shows the gift line checkout
writes (zero price, stock taken, no points, 赠品 on the receipt), after every
discount, by tier and members only, never for a held-out member, one gift a sale; a
refund takes the gift back with the sale or when it leaves the sale below the
threshold."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select, update

from memberdesk.domain import shoptime
from memberdesk.domain.campaigns import held_out
from memberdesk.models import AuditEntry, Campaign, SaleLine, StockEntry, StockKind
from memberdesk.models.enums import CouponKind, TenderKind
from memberdesk.services.backup.integrity import check_database
from memberdesk.services.campaigns.gifts import GiftRequest, add_gift
from memberdesk.services.campaigns.promotions import end_campaign
from memberdesk.services.checkout.cart import CartLine, CartRequest, quote
from memberdesk.services.coupons.core import (
    CouponTemplateDraft,
    create_coupon_template,
    issue_coupons,
)
from memberdesk.services.pricing.prices import PriceBreakdown
from memberdesk.services.receipts.text import render_text
from memberdesk.services.reporting.campaign_report import campaign_document, campaign_report
from memberdesk.services.shared import clock
from memberdesk.services.shared.errors import UserError
from memberdesk.services.stock.ledger import receive_stock
from tests.checkout_support.kit import World, yuan

DAY = date(2026, 3, 9)


def at(world: World, day: date, hour: int, minute: int = 0) -> datetime:
    with world.db.reader() as uow:
        offset = clock.offset_minutes(uow.session)
    return shoptime.start_of_day(day, offset) + timedelta(hours=hour, minutes=minute)


def gift(world: World, name: str = "满20送可乐", min_spend: str = "20", product: str = "COLA",
         qty: int = 1, start: int = 8, hours: int = 12, **kw: object) -> None:
    kw.setdefault("holdout_permille", 0)
    starts = datetime.combine(DAY, datetime.min.time()) + timedelta(hours=start)
    with shoptime.frozen(at(world, DAY, 7)):
        add_gift(world.db, world.owner, GiftRequest(
            name, product, yuan(min_spend), starts, starts + timedelta(hours=hours), qty,
            **kw))  # type: ignore[arg-type]


def q(world: World, lines: list[tuple[str, int]], member: str | None = None,
      coupons: tuple[str, ...] = (), hour: int = 10) -> PriceBreakdown:
    cart = CartRequest(tuple(CartLine(product=c, qty=n) for c, n in lines),
                       world.members[member] if member else None, coupons)
    with shoptime.frozen(at(world, DAY, hour)):
        return quote(world.db, world.cashier, cart)


def gifts_of(bd: PriceBreakdown) -> list[tuple[str, int, int]]:
    return [(ln.code, ln.qty, ln.net.fen) for ln in bd.lines if ln.gift_campaign_id is not None]


def test_the_gift_line_comes_at_the_threshold_and_goes_below_it(world: World) -> None:
    gift(world, qty=2)
    assert gifts_of(q(world, [("BEER", 3)])) == []  # 18.00
    bd = q(world, [("BEER", 3), ("COLA", 1)])  # 21.50
    assert gifts_of(bd) == [("COLA", 2, 0)]
    assert bd.payable == yuan("21.50") and bd.gross == yuan("21.50")
    assert gifts_of(q(world, [("CHIPS", 2), ("CHIPS", 1)])) == [("COLA", 2, 0)]
    assert gifts_of(q(world, [("BEER", 3)], hour=21)) == []  # the window has closed


def test_the_threshold_is_after_discounts_a_coupon_can_take_the_cart_below_it(
        world: World) -> None:
    gift(world)
    with shoptime.frozen(at(world, DAY, 9)):
        template = create_coupon_template(world.db, world.owner, CouponTemplateDraft(
            "M2", "立减2元", CouponKind.AMOUNT_OFF, value=yuan("2")))
        code = issue_coupons(world.db, world.owner, template, world.members["alice"])[0].code
    cart = [("BEER", 2), ("CHIPS", 1)]  # 20.80
    assert gifts_of(q(world, cart, member="alice")) == [("COLA", 1, 0)]
    assert gifts_of(q(world, cart, member="alice", coupons=(code,))) == []  # 18.80


def test_checkout_writes_the_gift_line_takes_stock_and_earns_no_points(world: World) -> None:
    gift(world)
    receive_stock(world.db, world.manager, "COLA", 10)
    shown = q(world, [("BEER", 4)], member="alice")
    with shoptime.frozen(at(world, DAY, 10)):
        r = world.sell([("BEER", 4)], [(TenderKind.CASH, "30")], member="alice")
    assert r.payable == shown.payable == yuan("24.00")
    assert r.points_earned == 24  # 24.00 at a point a yuan: the gift earns nothing
    with world.db.reader() as uow:
        s = uow.session
        lines = s.execute(select(SaleLine.line_no, SaleLine.unit_price, SaleLine.net_amount,
                                 SaleLine.points_earned, SaleLine.gift_campaign_id)
                          .where(SaleLine.sale_id == r.sale_id).order_by(SaleLine.line_no)).all()
        cid = s.scalar(select(Campaign.id).where(Campaign.name == "满20送可乐"))
        moves = s.execute(select(StockEntry.kind, StockEntry.delta, StockEntry.on_hand_after)
                          .where(StockEntry.sale_id == r.sale_id)).all()
    assert [tuple(x) for x in lines] == [(1, yuan("6.00"), yuan("24.00"), 24, None),
                                         (2, yuan("0.00"), yuan("0.00"), 0, cid)]
    assert [tuple(x) for x in moves] == [(StockKind.SALE, -1, 9)]
    gift_line = r.receipt.lines[-1]
    assert gift_line.gift and gift_line.net == yuan("0.00") and not r.receipt.lines[0].gift
    assert "【赠品】可口可乐 330ml" in render_text(r.receipt)
    assert "[Gift] 可口可乐 330ml" in render_text(r.receipt, lang="en")
    assert check_database(world.db) == []


def test_tiers_members_only_and_one_gift_a_sale_the_highest_threshold(world: World) -> None:
    gift(world, "金卡满20送薯片", product="CHIPS", tiers=("gold",))
    gift(world, "会员满30送啤酒", "30", product="BEER", members_only=True)
    cart = [("CIG", 1)]  # 45.00, not discountable
    assert gifts_of(q(world, cart)) == []  # a walk-in: members only / gold only
    assert gifts_of(q(world, cart, member="alice")) == [("BEER", 1, 0)]
    assert gifts_of(q(world, cart, member="bob")) == [("BEER", 1, 0)]  # 30 beats 20
    assert gifts_of(q(world, [("BEER", 4)], member="bob")) == [("CHIPS", 1, 0)]  # 22.80 gold


def test_a_held_out_member_gets_no_gift(world: World) -> None:
    gift(world, holdout_permille=500)
    alice, bob = world.members["alice"], world.members["bob"]
    seed = next(f"s{i}" for i in range(1000)
                if held_out(f"s{i}", alice, 500) and not held_out(f"s{i}", bob, 500))
    with world.db.uow() as uow:
        uow.session.execute(update(Campaign).values(seed=seed))
        uow.commit()
    assert gifts_of(q(world, [("CIG", 1)], member="alice")) == []
    assert gifts_of(q(world, [("CIG", 1)], member="bob")) == [("COLA", 1, 0)]
    assert gifts_of(q(world, [("CIG", 1)])) == [("COLA", 1, 0)]  # a walk-in is never held out


def test_a_whole_refund_returns_the_gift_to_stock(world: World) -> None:
    gift(world)
    receive_stock(world.db, world.manager, "COLA", 5)
    with shoptime.frozen(at(world, DAY, 10)):
        r = world.sell([("BEER", 4)], [(TenderKind.CASH, "30")], member="alice")
        refund = world.refund(r.sale_no)
    assert refund.amount == yuan("24.00")
    assert [ln.description for ln in refund.receipt.lines] == ["青岛啤酒 500ml", "可口可乐 330ml"]
    with world.db.reader() as uow:
        on_hand = uow.session.scalar(select(StockEntry.on_hand_after).order_by(
            StockEntry.id.desc()).limit(1))
    assert on_hand == 5
    assert check_database(world.db) == []


def test_a_partial_refund_below_the_threshold_takes_the_gift_back(world: World) -> None:
    gift(world)
    with shoptime.frozen(at(world, DAY, 10)):
        r = world.sell([("BEER", 3), ("CHIPS", 1)], [(TenderKind.CASH, "30")])  # 26.80
        kept = world.refund(r.sale_no, ((2, 1),))  # CHIPS back: 18.00 kept < 20
        assert [ln.description for ln in kept.receipt.lines] == [
            "乐事薯片 原味 70g", "可口可乐 330ml"]
        assert "赠品退回：可口可乐 330ml ×1（满20送可乐）" in kept.receipt.notes
        assert "Gift returned: 可口可乐 330ml x1\n (满20送可乐)" in render_text(
            kept.receipt, lang="en")  # wrapped at 58 mm
    with world.db.reader() as uow:
        refunded = uow.session.scalar(select(SaleLine.refunded_qty).where(
            SaleLine.sale_id == r.sale_id, SaleLine.gift_campaign_id.is_not(None)))
    assert refunded == 1
    assert check_database(world.db) == []


def test_a_partial_refund_that_keeps_the_threshold_keeps_the_gift(world: World) -> None:
    gift(world)
    with shoptime.frozen(at(world, DAY, 10)):
        r = world.sell([("BEER", 4), ("COLA", 1)], [(TenderKind.CASH, "30")])  # 27.50
        refund = world.refund(r.sale_no, ((2, 1),))  # COLA back: 24.00 kept
        assert [ln.description for ln in refund.receipt.lines] == ["可口可乐 330ml"]
        assert not [n for n in refund.receipt.notes if n.startswith("赠品")]
        later = world.refund(r.sale_no, ((1, 1),))  # a beer more: 18.00 kept
    assert [ln.description for ln in later.receipt.lines] == ["青岛啤酒 500ml", "可口可乐 330ml"]
    assert later.amount == yuan("6.00")


def test_the_report_counts_gifts_and_reached_against_held_out(world: World) -> None:
    gift(world, holdout_permille=0)
    with shoptime.frozen(at(world, DAY, 10)):
        a = world.sell([("BEER", 4)], [(TenderKind.CASH, "30")], member="alice")
        world.sell([("BEER", 4)], [(TenderKind.CASH, "30")], member="bob")
        world.sell([("BEER", 1)], [(TenderKind.CASH, "30")], member="carol")  # below
        world.refund(a.sale_no)
        rep = campaign_report(world.db, world.owner, "满20送可乐")
    assert (rep.kind, rep.participants, rep.participant_sales) == ("gift", 2, 2)
    assert (rep.gifts_given, rep.gifts_returned) == (2, 1)
    assert rep.reached.members == 3 and rep.held_out.members == 0
    assert rep.reached.sales == yuan("28.80")  # bob 22.80 (gold) + carol 6 (alice refunded)
    doc = campaign_document(rep, "店", rep.generated_at, "en")
    summary = dict(doc.summary)
    assert summary["Kind"] == "Gift with purchase"
    assert summary["Gifts given"] == 2 and summary["Gifts given back"] == 1


def test_ending_stops_the_gift_creating_is_audited_and_checked(world: World) -> None:
    gift(world)
    with shoptime.frozen(at(world, DAY, 10)):
        end_campaign(world.db, world.manager, "满20送可乐")
    assert gifts_of(q(world, [("CIG", 1)])) == []
    with world.db.reader() as uow:
        actions = list(uow.session.scalars(select(AuditEntry.action).where(
            AuditEntry.entity_id == "满20送可乐")))
    assert actions == ["campaign.gift", "campaign.gift"]
    for kw, code in (({"min_spend": "0"}, "gift_bad_min_spend"),
                     ({"qty": 0}, "gift_bad_qty"), ({"qty": 100}, "gift_bad_qty"),
                     ({"hours": 0}, "promo_bad_window"),
                     ({"product": "NOPE"}, "product_not_found"),
                     ({"name": "满20送可乐"}, "campaign_exists")):
        kw.setdefault("name", "另一个")
        with pytest.raises(UserError) as e:
            gift(world, **kw)  # type: ignore[arg-type]
        assert e.value.code == code, kw
    with pytest.raises(UserError) as e, shoptime.frozen(at(world, DAY, 9)):
        add_gift(world.db, world.cashier, GiftRequest(
            "x", "COLA", yuan("10"), datetime(2026, 3, 9, 8), datetime(2026, 3, 9, 20)))
    assert e.value.kind == "permission"
