"""Segments: each filter field's SQL (one home, shared with the member list), the
count, saving as JSON, deleting, the export (masked for a cashier with an approval,
audited), permissions and bad input."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook
from sqlalchemy import select, update

from memberdesk.db import Database
from memberdesk.models import AuditEntry, Member, MemberScore
from memberdesk.models.enums import MemberStatus, TenderKind
from memberdesk.money import Money
from memberdesk.services.campaigns.segments import (
    count_members,
    delete_segment,
    export_segment,
    list_segments,
    save_segment,
    segment_filter,
)
from memberdesk.services.members.filter import MemberFilter, from_json, to_json
from memberdesk.services.members.listing import list_members
from memberdesk.services.shared.errors import ConflictError, PermissionDenied, ValidationError
from memberdesk.services.shared.permissions import Permission
from memberdesk.services.staff.approvals import grant_approval
from tests.checkout_support.kit import World

from .conftest import DAY, ShopClock, add_members


def _set(db: Database, member_id: int, **values: object) -> None:
    with db.uow() as uow:
        uow.session.execute(update(Member).where(Member.id == member_id).values(**values))
        uow.commit()


def _score(db: Database, member_id: int, grade: str, segment: str | None, lifecycle: str,
           churn: str | None = None) -> None:
    with db.uow() as uow:
        uow.session.add(MemberScore(member_id=member_id, as_of=DAY, grade=grade, segment=segment,
                                    lifecycle=lifecycle, churn_kind=churn))
        uow.commit()


def _ids(w: World, f: MemberFilter) -> set[int]:
    """The member list's answer for ``f``: the same filter SQL as the count."""
    page = list_members(w.db, w.manager, filters=f, limit=500)
    assert page.after is None
    return {r.id for r in page.rows}


def _check(w: World, f: MemberFilter, expected: set[int]) -> None:
    assert _ids(w, f) == expected
    assert count_members(w.db, w.manager, f) == len(expected)


def test_visits_and_spend_in_the_window_net_of_refunds(world: World, shop_clock: ShopClock
                                                       ) -> None:
    w = world
    shop_clock.go(-100)  # outside a 90-day window
    w.sell([("WASH", 2)], [(TenderKind.CASH, "60.00")], member="carol")
    shop_clock.go(-10)
    w.sell([("WASH", 1)], [(TenderKind.CASH, "30.00")], member="alice")
    refunded = w.sell([("WASH", 1)], [(TenderKind.CASH, "30.00")], member="bob").sale_no
    shop_clock.go(-5)
    w.sell([("BEER", 1)], [(TenderKind.CASH, "6.00")], member="alice")
    w.refund(refunded)
    shop_clock.go(0)
    alice, bob, carol = (w.members[k] for k in ("alice", "bob", "carol"))
    _check(w, MemberFilter(visits_min=2), {alice})
    _check(w, MemberFilter(visits_min=1), {alice, bob})
    _check(w, MemberFilter(spend_min=Money(3000)), {alice})  # bob's 30 was refunded
    _check(w, MemberFilter(visits_min=1, window_days=120), {alice, bob, carol})
    _check(w, MemberFilter(spend_min=Money(6000), window_days=120), {carol})
    with pytest.raises(ValidationError):
        count_members(w.db, w.manager, MemberFilter(visits_min=1, window_days=0))


def test_registration_balance_and_points_expiring(world: World, shop_clock: ShopClock) -> None:
    w = world
    alice, bob, carol = (w.members[k] for k in ("alice", "bob", "carol"))
    _set(w.db, alice, created_at=datetime(2026, 5, 1, 16, 0, tzinfo=UTC))  # 2 May 00:00 +8
    _set(w.db, bob, created_at=datetime(2026, 5, 1, 15, 59, tzinfo=UTC))  # 1 May 23:59 +8
    _set(w.db, carol, created_at=datetime(2026, 4, 1, tzinfo=UTC))
    _check(w, MemberFilter(registered_from=date(2026, 5, 2)), {alice})
    _check(w, MemberFilter(registered_from=date(2026, 5, 1),
                           registered_before=date(2026, 5, 2)), {bob})
    _set(w.db, alice, sv_principal=Money(5000))
    _set(w.db, bob, sv_principal=Money(2000), sv_bonus=Money(1000))
    _check(w, MemberFilter(stored_value_above=Money(0), stored_value_max=Money(3000)), {bob})
    _check(w, MemberFilter(stored_value_above=Money(3000)), {alice})
    w.give_points("alice", 100, days=6)
    w.give_points("bob", 100, days=7)
    w.give_points("carol", 100, days=None)
    # within 7 days, today included: up to DAY + 6
    _check(w, MemberFilter(points_expiring_days=7), {alice})
    _check(w, MemberFilter(points_expiring_days=8), {alice, bob})


def test_analytics_filters_and_the_member_list(world: World) -> None:
    w = world
    alice, bob, carol = (w.members[k] for k in ("alice", "bob", "carol"))
    _score(w.db, alice, "A", "important_value", "active")
    _score(w.db, bob, "C", "important_retain", "lapsed_mid", churn="gap")
    _score(w.db, carol, "D", None, "dormant")
    _check(w, MemberFilter(grade="A"), {alice})
    _check(w, MemberFilter(rfm_segment="important_retain"), {bob})
    _check(w, MemberFilter(lifecycle="dormant"), {carol})
    _check(w, MemberFilter(churn=True), {bob})
    _check(w, MemberFilter(churn=False), {alice, carol})
    _check(w, MemberFilter(grade="C", churn=True, tier_id=w.tiers["gold"]), {bob})
    for bad in (MemberFilter(grade="E"), MemberFilter(lifecycle="gone"),
                MemberFilter(rfm_segment="vip")):
        with pytest.raises(ValidationError):
            count_members(w.db, w.manager, bad)


def test_anonymised_members_are_never_counted(world: World) -> None:
    w = world
    _set(w.db, w.members["carol"], status=MemberStatus.ANONYMISED)
    assert count_members(w.db, w.manager, MemberFilter()) == 2


def test_a_filter_round_trips_through_json() -> None:
    f = MemberFilter(tier_id=3, tag="常客", birthday_month=2, registered_from=date(2026, 1, 1),
                     visited_before=date(2026, 4, 1), window_days=30, visits_min=2,
                     spend_min=Money(10000), stored_value_above=Money(0),
                     stored_value_max=Money(50000), points_expiring_days=14, grade="B",
                     rfm_segment="general_keep", lifecycle="lapsed_recent", churn=False,
                     status=MemberStatus.ACTIVE)
    assert from_json(to_json(f)) == f
    assert to_json(MemberFilter()) == "{}"
    assert from_json("{}") == MemberFilter()


def test_save_list_replace_and_delete(world: World) -> None:
    w = world
    save_segment(w.db, w.manager, " 金卡会员 ", MemberFilter(tier_id=w.tiers["gold"]))
    save_segment(w.db, w.manager, "常客", MemberFilter(visits_min=3))
    assert [s.name for s in list_segments(w.db, w.manager)] == ["常客", "金卡会员"]
    assert segment_filter(w.db, w.manager, "金卡会员") == MemberFilter(tier_id=w.tiers["gold"])
    save_segment(w.db, w.manager, "金卡会员", MemberFilter(tag="VIP"))
    assert segment_filter(w.db, w.manager, "金卡会员") == MemberFilter(tag="VIP")
    delete_segment(w.db, w.manager, "常客")
    assert [s.name for s in list_segments(w.db, w.manager)] == ["金卡会员"]
    with pytest.raises(ValidationError):
        save_segment(w.db, w.manager, "  ", MemberFilter())
    with pytest.raises(ValidationError):
        save_segment(w.db, w.manager, "x" * 41, MemberFilter())
    with pytest.raises(ValidationError):  # a filter that cannot run is not saved
        save_segment(w.db, w.manager, "坏", MemberFilter(grade="Z"))
    with pytest.raises(PermissionDenied):
        save_segment(w.db, w.cashier, "收银员", MemberFilter())
    with pytest.raises(PermissionDenied):
        count_members(w.db, w.cashier, MemberFilter())


def test_a_segment_used_by_a_campaign_cannot_be_deleted(world: World) -> None:
    from memberdesk.services.campaigns.coupon_campaigns import CampaignRequest, create_campaign

    w = world
    save_segment(w.db, w.manager, "全部", MemberFilter())
    create_campaign(w.db, w.manager, CampaignRequest("回店", "全部", "BACK5"))
    with pytest.raises(ConflictError):
        delete_segment(w.db, w.manager, "全部")


def _sheet(path: Path) -> list[list[object]]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()


def test_export_full_for_a_manager_masked_for_a_cashier_with_approval(
        world: World, tmp_path: Path) -> None:
    w = world
    extra = add_members(w, 5)
    save_segment(w.db, w.manager, "新客", MemberFilter(tier_id=w.tiers["normal"]))
    steps: list[tuple[int, int]] = []
    res = export_segment(w.db, w.manager, "新客", tmp_path / "a.xlsx",
                         progress=lambda d, t: steps.append((d, t)))
    rows = _sheet(res.path)
    assert rows[0][:3] == ["会员编号", "姓名", "手机号"]
    assert res.rows == len(rows) - 1 == 2 + len(extra)  # alice, carol and the five
    assert not res.phones_masked and "13800000001" in [r[2] for r in rows]
    with pytest.raises(PermissionDenied):
        export_segment(w.db, w.cashier, "新客", tmp_path / "b.xlsx")
    grant = grant_approval(w.db, w.cashier, approver_username="manager",
                           approver_password="manager-pass",
                           permission=Permission.EXPORT_MEMBERS, reason="活动名单")
    res = export_segment(w.db, w.cashier, "新客", tmp_path / "b.xlsx",
                         approval_id=grant.approval_id, lang="en")
    rows = _sheet(res.path)
    assert rows[0][:3] == ["Member no", "Name", "Phone"]
    assert res.phones_masked and all("****" in str(r[2]) for r in rows[1:])
    with w.db.reader() as uow:
        approvers = list(uow.session.scalars(select(AuditEntry.approver_id)
                                             .where(AuditEntry.action == "segment.export")))
    assert approvers == [None, w.manager.staff_id]
    with pytest.raises(PermissionDenied):  # the approval was used up
        export_segment(w.db, w.cashier, "新客", tmp_path / "c.xlsx",
                       approval_id=grant.approval_id)
    assert not (tmp_path / "c.xlsx").exists()

