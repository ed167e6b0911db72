"""The points mall (issue 12, item 6): gifts with a points price on the stock ledger,
redeeming at the counter (points and stock in one transaction, a receipt marked 兑),
refusals that write nothing, a manager's reversal, and ``db check`` after each."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from sqlalchemy import select, text

from memberdesk.models import AuditEntry, MallRedemption, PointsEntry, StockEntry, StockKind
from memberdesk.models.enums import PointsKind
from memberdesk.services.backup.integrity import check_database
from memberdesk.services.loyalty.mall import (
    RedeemRequest,
    list_gifts,
    redeem_gift,
    reverse_redemption,
    save_gift,
    set_gift_shelf,
)
from memberdesk.services.receipts.text import render_text, text_width
from memberdesk.services.shared.errors import PermissionDenied, UserError
from memberdesk.services.stock.ledger import receive_stock, stock_of
from tests.checkout_support.kit import World, build_world, snapshot


@pytest.fixture
def world(db, staff) -> World:  # type: ignore[no-untyped-def]
    w = build_world(db, staff)
    save_gift(db, w.owner, "CHIPS", 300)
    receive_stock(db, w.manager, "CHIPS", 2)
    return w


def redeem(world: World, member: str = "alice", qty: int = 1, code: str = "CHIPS",
           client_id: str | None = None) -> Any:
    return redeem_gift(world.db, world.cashier, RedeemRequest(
        client_id or uuid.uuid4().hex, world.members[member], code, qty))


def refused(fn: Any, *args: Any, **kw: Any) -> UserError:
    with pytest.raises(UserError) as info:
        fn(*args, **kw)
    return info.value


def test_redeem_with_exactly_enough_points_takes_points_and_stock_in_one_go(world: World) -> None:
    world.give_points("alice", 300)
    result = redeem(world)
    assert (result.points, result.points_balance, result.on_hand) == (300, 0, 1)
    assert world.balances("alice")[2] == 0
    assert stock_of(world.db, "CHIPS").on_hand == 1
    with world.db.reader() as uow:
        s = uow.session
        stock = s.scalars(select(StockEntry).where(StockEntry.kind == StockKind.GIFT)).all()
        assert [(e.delta, e.on_hand_after, e.note) for e in stock] == [
            (-1, 1, result.redemption_no)]
        points = s.scalars(select(PointsEntry).where(
            PointsEntry.kind == PointsKind.REDEEM)).all()
        assert [(e.delta, e.balance_after) for e in points] == [(-300, 0)]
        r = s.scalars(select(MallRedemption)).one()
        assert (r.qty, r.points, r.points_entry_id) == (1, 300, points[0].id)
        assert s.scalar(select(AuditEntry.action).where(
            AuditEntry.entity_id == result.redemption_no)) == "mall.redeem"
    text = render_text(result.receipt, 80)
    assert "【兑】积分兑换凭证" in text and "兑 乐事薯片 原味 70g\n" in text
    assert any(ln.startswith("  x 1") and ln.endswith("300 积分") for ln in text.splitlines())
    assert "使用积分" in text and "应付" not in text
    english = render_text(result.receipt, 80, "en")
    assert "[GIFT] POINTS REDEMPTION" in english and "Gift 乐事薯片 原味 70g\n" in english
    assert all(text_width(ln) <= 32 for ln in render_text(result.receipt, 58, "en").splitlines())
    assert check_database(world.db) == []


def test_one_point_short_is_refused_and_writes_nothing(world: World) -> None:
    world.give_points("alice", 599)
    before = snapshot(world.db)
    err = refused(redeem, world, qty=2)
    assert err.code == "mall_points_short"
    assert "要 600 积分，会员可用 599 积分（差 1）" in err.message("zh_CN")
    assert "needs 600 points" in err.message("en")
    assert snapshot(world.db) == before


def test_stock_zero_is_refused_even_when_sales_may_go_below_zero(world: World) -> None:
    world.give_points("alice", 5000)
    world.set_settings(stock__allow_negative=True)
    redeem(world, qty=2)
    assert stock_of(world.db, "CHIPS").on_hand == 0
    before = snapshot(world.db)
    err = refused(redeem, world)
    assert err.code == "mall_stock_short"
    assert "现有 0包" in err.message("zh_CN") or "现有 0" in err.message("zh_CN")
    assert snapshot(world.db) == before
    save_gift(world.db, world.owner, "BEER", 100)  # never received: no stock at all
    assert refused(redeem, world, code="BEER").code == "mall_not_tracked"


def test_off_the_shelf_and_services_and_a_replay(world: World) -> None:
    world.give_points("alice", 1000)
    set_gift_shelf(world.db, world.owner, "CHIPS", False)
    assert refused(redeem, world).code == "mall_off_shelf"
    assert list_gifts(world.db, on_shelf_only=True) == ()
    set_gift_shelf(world.db, world.owner, "CHIPS", True)
    assert [g.code for g in list_gifts(world.db, on_shelf_only=True)] == ["CHIPS"]
    assert refused(save_gift, world.db, world.owner, "COLA", 0).code == "mall_points_price"
    with pytest.raises(PermissionDenied):
        save_gift(world.db, world.cashier, "COLA", 100)
    first = redeem(world, client_id="mall-retry-1")
    again = redeem(world, client_id="mall-retry-1")
    assert again.replayed and again.redemption_no == first.redemption_no
    assert world.balances("alice")[2] == 700


def test_reversal_by_a_manager_gives_points_and_stock_back(world: World) -> None:
    world.give_points("alice", 200, days=10)
    world.give_points("alice", 400, days=100)
    result = redeem(world, qty=2)  # 600: the lot expiring first is emptied first
    assert world.balances("alice")[2] == 0
    with pytest.raises(PermissionDenied):
        reverse_redemption(world.db, world.cashier, result.redemption_no, "拿错了")
    assert refused(reverse_redemption, world.db, world.manager, result.redemption_no,
                   " ").code == "mall_reason_required"
    back = reverse_redemption(world.db, world.manager, result.redemption_no, "顾客不要了")
    assert (back.points, back.points_balance, back.on_hand) == (600, 600, 2)
    assert world.balances("alice")[2] == 600
    assert stock_of(world.db, "CHIPS").on_hand == 2
    assert "退回积分" in render_text(back.receipt, 58)
    assert refused(reverse_redemption, world.db, world.manager, result.redemption_no,
                   "again").code == "mall_already_reversed"
    with world.db.reader() as uow:
        s = uow.session
        assert s.scalar(select(AuditEntry.action).order_by(AuditEntry.id.desc())) == \
            "mall.reverse"
        gifts = [e.delta for e in s.scalars(select(StockEntry).where(
            StockEntry.kind == StockKind.GIFT).order_by(StockEntry.id))]
        assert gifts == [-2, 2]
    assert check_database(world.db) == []


def test_db_check_catches_a_redemption_without_its_points(world: World) -> None:
    world.give_points("alice", 300)
    result = redeem(world)
    assert check_database(world.db) == []
    with world.db.uow() as uow:
        uow.session.execute(text("UPDATE mall_redemptions SET points = 200 WHERE "
                                 "redemption_no = :n"), {"n": result.redemption_no})
        uow.commit()
    problems = check_database(world.db)
    assert [p.check for p in problems] == ["mall"], problems
