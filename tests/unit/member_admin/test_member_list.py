"""The back office's member list: keyset pages in a stable order under ties, each
sort, the filters, the counter's search, anonymised members left out, permission."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import update

from memberdesk.db import Database
from memberdesk.models import Member
from memberdesk.models.enums import MemberStatus
from memberdesk.money import Money
from memberdesk.services.members.closing import anonymise_member
from memberdesk.services.members.listing import (
    MemberFilter,
    MemberListPage,
    MemberSort,
    list_members,
)
from memberdesk.services.members.search_keys import name_keys
from memberdesk.services.shared.errors import PermissionDenied, ValidationError
from tests.checkout_support.kit import World, add_member

NO_FILTER = MemberFilter()
NOON = datetime(2026, 11, 20, 4, 0, tzinfo=UTC)  # 12:00 in Beijing


def _set(db: Database, member_id: int, **values: object) -> None:
    with db.uow() as uow:
        uow.session.execute(update(Member).where(Member.id == member_id).values(**values))
        uow.commit()


@pytest.fixture
def many(world: World) -> World:
    """30 more members: stored value, points and last visits with many ties; some
    never visited; birthdays and tags spread."""
    for i in range(30):
        mid = add_member(world.db, f"139{i:04d}{i:04d}", f"会员{i:02d}", world.tiers["normal"])
        world.members[f"m{i}"] = mid
        _set(world.db, mid,
             sv_principal=Money((i % 3) * 1000),  # ties: 0, 10.00, 20.00
             points_balance=(i % 4) * 10,
             last_visit_at=None if i % 5 == 0 else NOON - timedelta(days=i % 3),
             birthday=date(1990, 1 + i % 12, 1),
             tags="VIP,常客" if i % 10 == 0 else ("常客" if i % 2 else ""),
             tier_id=world.tiers["gold"] if i % 6 == 0 else world.tiers["normal"])
    for mid in world.members.values():
        with world.db.reader() as uow:
            name = uow.session.get(Member, mid).name  # type: ignore[union-attr]
        keys = name_keys(name)
        _set(world.db, mid, name_pinyin=keys.pinyin, name_initials=keys.initials)
    return world


def _all_pages(world: World, sort: MemberSort, filters: MemberFilter = NO_FILTER,
               limit: int = 7) -> list[int]:
    ids: list[int] = []
    after = None
    for _ in range(100):
        page: MemberListPage = list_members(world.db, world.manager, sort=sort,
                                            filters=filters, after=after, limit=limit)
        ids += [r.id for r in page.rows]
        if page.after is None:
            return ids
        after = page.after
    raise AssertionError("paging did not end")


def _expected(world: World, sort: MemberSort, keep=lambda m: True) -> list[int]:  # type: ignore[no-untyped-def]
    with world.db.reader() as uow:
        members = [m for m in uow.session.query(Member).all()
                   if m.status is not MemberStatus.ANONYMISED and keep(m)]
        for m in members:
            uow.session.expunge(m)
    if sort is MemberSort.MEMBER_NO:
        return [m.id for m in sorted(members, key=lambda m: (m.member_no, m.id))]
    if sort is MemberSort.NAME:
        return [m.id for m in sorted(members, key=lambda m: (m.name_pinyin, m.id))]
    if sort is MemberSort.STORED_VALUE:
        return [m.id for m in sorted(members, key=lambda m: (-(m.sv_principal + m.sv_bonus).fen,
                                                             -m.id))]
    if sort is MemberSort.POINTS:
        return [m.id for m in sorted(members, key=lambda m: (-m.points_balance, -m.id))]
    seen = sorted((m for m in members if m.last_visit_at is not None),
                  key=lambda m: (m.last_visit_at, m.id), reverse=True)
    never = sorted((m for m in members if m.last_visit_at is None), key=lambda m: -m.id)
    return [m.id for m in seen + never]


@pytest.mark.parametrize("sort", list(MemberSort))
def test_every_sort_pages_through_everyone_once_in_a_stable_order(many: World,
                                                                  sort: MemberSort) -> None:
    got = _all_pages(many, sort)
    assert got == _expected(many, sort)
    assert len(got) == len(set(got)) == 33
    assert _all_pages(many, sort, limit=1) == got  # any page size, same order


def test_a_member_changed_between_pages_does_not_shift_the_pages(many: World) -> None:
    first = list_members(many.db, many.manager, sort=MemberSort.STORED_VALUE, limit=10)
    assert first.after is not None
    # a new member with the top balance arrives: already-seen rows do not come again
    mid = add_member(many.db, "13911112222", "新人", many.tiers["normal"])
    _set(many.db, mid, sv_principal=Money(999_999))
    rest = _all_pages_from(many, first)
    assert not {r.id for r in first.rows} & set(rest)
    assert len(first.rows) + len(rest) == 33


def _all_pages_from(world: World, page: MemberListPage) -> list[int]:
    ids: list[int] = []
    while page.after is not None:
        page = list_members(world.db, world.manager, sort=MemberSort.STORED_VALUE,
                            after=page.after, limit=10)
        ids += [r.id for r in page.rows]
    return ids


def test_filters(many: World) -> None:
    w = many
    def ids(**kw: object) -> list[int]:
        return _all_pages(w, MemberSort.MEMBER_NO, MemberFilter(**kw))  # type: ignore[arg-type]

    assert ids(tier_id=w.tiers["gold"]) == _expected(
        w, MemberSort.MEMBER_NO, lambda m: m.tier_id == w.tiers["gold"])
    assert ids(tag="VIP") == _expected(w, MemberSort.MEMBER_NO, lambda m: "VIP" in m.tags)
    assert len(ids(tag="VIP")) == 3
    assert ids(tag="常") == []  # a whole tag, not part of one
    assert ids(tag="%") == []  # no wildcards
    assert ids(birthday_month=3) == _expected(
        w, MemberSort.MEMBER_NO, lambda m: m.birthday is not None and m.birthday.month == 3)
    # the shop's days (UTC+8): NOON is 2026-11-20 in Beijing
    assert ids(visited_from=date(2026, 11, 20)) == _expected(
        w, MemberSort.MEMBER_NO, lambda m: m.last_visit_at is not None
        and m.last_visit_at >= datetime(2026, 11, 19, 16, 0, tzinfo=UTC))
    assert len(ids(visited_from=date(2026, 11, 20))) == 8
    assert ids(visited_before=date(2026, 11, 19)) == _expected(
        w, MemberSort.MEMBER_NO, lambda m: m.last_visit_at is not None
        and m.last_visit_at < datetime(2026, 11, 18, 16, 0, tzinfo=UTC))
    assert ids(stored_value_above=Money(1000)) == _expected(
        w, MemberSort.MEMBER_NO, lambda m: (m.sv_principal + m.sv_bonus).fen > 1000)
    both = ids(tier_id=w.tiers["gold"], stored_value_above=Money(0))
    assert both == _expected(w, MemberSort.MEMBER_NO, lambda m: m.tier_id == w.tiers["gold"]
                             and (m.sv_principal + m.sv_bonus).fen > 0)
    # a filter with a sort on the same column pages correctly too
    sv = _all_pages(w, MemberSort.STORED_VALUE, MemberFilter(stored_value_above=Money(0)))
    assert sv == _expected(w, MemberSort.STORED_VALUE, lambda m: (m.sv_principal).fen > 0)
    with pytest.raises(ValidationError) as err:
        ids(birthday_month=13)
    assert err.value.message("en") == "The birthday month must be 1 to 12"


def test_search_uses_the_counter_lookup_and_the_filters(many: World) -> None:
    w = many
    page = list_members(w.db, w.manager, search="0001")  # last 4 of 13800000001 and 13900000001
    assert page.searched and page.after is None
    assert {r.name for r in page.rows} == {"张三", "会员01"}
    assert list_members(w.db, w.manager, search="zs").rows[0].name == "张三"  # initials
    assert [r.name for r in list_members(w.db, w.manager, search="13800000002").rows] == ["李四"]
    assert [r.name for r in list_members(w.db, w.manager, search="huiyuan2").rows][:1] == ["会员20"]
    filtered = list_members(w.db, w.manager, search="0001",
                            filters=MemberFilter(tag="常客"))
    assert [r.name for r in filtered.rows] == ["会员01"]
    assert list_members(w.db, w.manager, search="nobody here").rows == ()


def test_rows_mask_phones_per_role_and_leave_anonymised_out(many: World) -> None:
    w = many
    rows = {r.name: r for r in list_members(w.db, w.manager, limit=100).rows}
    assert rows["张三"].phone == "13800000001"  # a manager may see phones
    assert rows["李四"].tier_name and rows["会员01"].stored_value == Money(1000)
    anonymise_member(w.db, w.owner, rows["王五"].member_no, reason="顾客要求")
    names = {r.name for r in list_members(w.db, w.manager, limit=100).rows}
    assert "王五" not in names and "已注销" not in names
    gone = list_members(w.db, w.manager, filters=MemberFilter(status=MemberStatus.ANONYMISED))
    assert [r.name for r in gone.rows] == ["已注销"]


def test_a_cashier_may_not_browse_every_member(world: World) -> None:
    with pytest.raises(PermissionDenied):
        list_members(world.db, world.cashier)
