"""A member's page: the file, the ledgers and purchases in pages (items included),
and the manager's corrections: stored value, points, tier with a lock. Each
correction is a ledger entry (or the tier), audited with its reason, refused to a
cashier, and leaves ``db check`` clean."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from memberdesk.models import AuditEntry, PointsEntry, StoredValueEntry
from memberdesk.models.enums import PointsKind, StoredValueKind, TenderKind
from memberdesk.money import Money
from memberdesk.services.backup.integrity import check_database
from memberdesk.services.loyalty.tiers import change_member_tier
from memberdesk.services.members.admin import (
    adjust_points,
    adjust_stored_value,
    member_file,
    points_lines,
    purchases,
    stored_value_lines,
)
from memberdesk.services.members.closing import anonymise_member
from memberdesk.services.shared.errors import (
    ConflictError,
    PermissionDenied,
    ValidationError,
)
from tests.checkout_support.kit import World


def _audit(world: World, action: str) -> list[dict[str, object]]:
    with world.db.reader() as uow:
        return [json.loads(a.detail) | {"staff": a.staff_id, "member": a.entity_id}
                for a in uow.session.scalars(select(AuditEntry).where(AuditEntry.action == action))]


def _no(world: World, key: str) -> str:
    return world.member(key).member_no


def test_adjust_stored_value_is_a_ledger_entry_audited_with_its_reason(world: World) -> None:
    no = _no(world, "alice")
    done = adjust_stored_value(world.db, world.manager, no, Money(5000), bonus=False,
                               reason="充值时少记了 50 元")
    assert done.stored_value == Money(5000)
    done = adjust_stored_value(world.db, world.manager, no, Money(-1000), bonus=False,
                               reason="多记")
    assert done.stored_value == Money(4000)
    adjust_stored_value(world.db, world.owner, no, Money(300), bonus=True, reason="生日礼")
    assert world.balances("alice") == (Money(4000), Money(300), 0)
    with world.db.reader() as uow:
        entries = [(e.kind, e.principal_delta.fen, e.bonus_delta.fen, e.note, e.staff_id)
                   for e in uow.session.scalars(select(StoredValueEntry).order_by(StoredValueEntry.id))]
    assert entries == [
        (StoredValueKind.ADJUSTMENT, 5000, 0, "充值时少记了 50 元", world.manager.staff_id),
        (StoredValueKind.ADJUSTMENT, -1000, 0, "多记", world.manager.staff_id),
        (StoredValueKind.ADJUSTMENT, 0, 300, "生日礼", world.owner.staff_id),
    ]
    rows = _audit(world, "member.adjust_stored_value")
    assert [(r["amount"], r["part"], r["reason"], r["member"]) for r in rows] == [
        (5000, "principal", "充值时少记了 50 元", no), (-1000, "principal", "多记", no),
        (300, "bonus", "生日礼", no)]
    page = stored_value_lines(world.db, world.manager, world.members["alice"], limit=2)
    assert [ln.balance_after for ln in page.lines] == [Money(4300), Money(4000)]
    assert page.lines[0].staff == "王老板" and page.before is not None
    older = stored_value_lines(world.db, world.manager, world.members["alice"],
                               before=page.before, limit=2)
    assert [ln.principal_delta for ln in older.lines] == [Money(5000)] and older.before is None
    assert check_database(world.db) == []


def test_stored_value_adjustments_refused(world: World) -> None:
    no = _no(world, "alice")
    with pytest.raises(PermissionDenied):
        adjust_stored_value(world.db, world.cashier, no, Money(100), bonus=False, reason="x")
    with pytest.raises(ValidationError) as err:
        adjust_stored_value(world.db, world.manager, no, Money(100), bonus=False, reason="  ")
    assert err.value.message("zh_CN") == "请填写原因"
    with pytest.raises(ValidationError):
        adjust_stored_value(world.db, world.manager, no, Money(0), bonus=False, reason="x")
    with pytest.raises(ValidationError):
        adjust_stored_value(world.db, world.manager, no, Money(10_000_000), bonus=False,
                            reason="x")
    with pytest.raises(ValidationError) as err:  # never below zero
        adjust_stored_value(world.db, world.manager, no, Money(-1), bonus=False, reason="x")
    assert "余额不足" in err.value.message("zh_CN") or "不足" in err.value.message("zh_CN")
    assert world.balances("alice") == (Money(0), Money(0), 0)
    assert _audit(world, "member.adjust_stored_value") == []


def test_adjust_points_gives_a_lot_and_takes_from_usable_lots(world: World) -> None:
    no = _no(world, "bob")
    world.give_points("bob", 100, days=30)
    done = adjust_points(world.db, world.manager, no, 50, reason="活动补发")
    assert done.points == 150
    done = adjust_points(world.db, world.manager, no, -120, reason="误发")
    assert done.points == 30
    with pytest.raises(ValidationError):
        adjust_points(world.db, world.manager, no, -31, reason="太多")
    with pytest.raises(PermissionDenied):
        adjust_points(world.db, world.cashier, no, 10, reason="x")
    with world.db.reader() as uow:
        kinds = [(e.kind, e.delta, e.note) for e in uow.session.scalars(
            select(PointsEntry).order_by(PointsEntry.id))]
    assert kinds[1:] == [(PointsKind.ADJUSTMENT, 50, "活动补发"),
                         (PointsKind.ADJUSTMENT, -120, "误发")]
    assert [r["points"] for r in _audit(world, "member.adjust_points")] == [50, -120]
    page = points_lines(world.db, world.manager, world.members["bob"])
    assert [ln.delta for ln in page.lines] == [-120, 50, 100] and page.before is None
    assert check_database(world.db) == []


def test_change_tier_with_a_lock_and_its_history(world: World) -> None:
    no = _no(world, "alice")
    today = world.today()
    f = change_member_tier(world.db, world.manager, no, world.tiers["gold"], reason="老顾客",
                           locked_until=today + timedelta(days=90))
    assert f.tier_code == "gold" and f.tier_locked_until == today + timedelta(days=90)
    change_member_tier(world.db, world.owner, no, world.tiers["normal"], reason="到期")
    f = member_file(world.db, world.manager, no)
    assert f.tier_code == "normal" and f.tier_locked_until is None
    assert [(h.to_name, h.reason, h.staff) for h in f.tier_history] == [
        (f.detail.tier_name, "到期", "王老板"), (f.tier_history[1].to_name, "老顾客", "李店长")]
    assert f.tier_history[1].locked_until == today + timedelta(days=90)
    with pytest.raises(ConflictError):  # nothing to change
        change_member_tier(world.db, world.manager, no, world.tiers["normal"], reason="x")
    with pytest.raises(ValidationError) as err:
        change_member_tier(world.db, world.manager, no, world.tiers["gold"], reason="x",
                           locked_until=today)
    assert err.value.message("en").startswith("The lock date")
    with pytest.raises(PermissionDenied):
        change_member_tier(world.db, world.cashier, no, world.tiers["gold"], reason="x")
    assert len(_audit(world, "member.tier")) == 2


def test_the_file_has_purchases_with_items_and_coupons(world: World) -> None:
    first = world.sell([("COLA", 2), ("CHIPS", 1)], [(TenderKind.CASH, "20")], member="alice")
    second = world.sell([("BEER", 1)], [(TenderKind.CASH, "6")], member="alice")
    world.sell([("BEER", 1)], [(TenderKind.CASH, "6")], member="bob")
    page = purchases(world.db, world.manager, world.members["alice"], limit=1)
    assert [p.sale_no for p in page.lines] == [second.sale_no]
    assert [(i.description, i.qty) for i in page.lines[0].lines] == [("青岛啤酒 500ml", 1)]
    older = purchases(world.db, world.manager, world.members["alice"], before=page.before)
    assert [p.sale_no for p in older.lines] == [first.sale_no] and older.before is None
    assert [(i.description, i.qty) for i in older.lines[0].lines] == [
        ("可口可乐 330ml", 2), ("乐事薯片 原味 70g", 1)]
    f = member_file(world.db, world.manager, _no(world, "alice"))
    assert f.detail.name == "张三" and f.coupons == () and not f.has_payment_password


def test_anonymised_members_cannot_be_corrected(world: World) -> None:
    no = _no(world, "carol")
    anonymise_member(world.db, world.owner, no, reason="顾客要求")
    with pytest.raises(ConflictError):
        adjust_points(world.db, world.manager, no, 5, reason="x")
    with pytest.raises(ConflictError):
        adjust_stored_value(world.db, world.manager, no, Money(5), bonus=True, reason="x")
