"""The demo's members registered on earlier days (months back, spread, a few during the
traded weeks), each before their first sale or recharge; the same seed builds the
same shop; the member export shows those dates."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from python_calamine import CalamineWorkbook
from sqlalchemy import func, select

from memberdesk.db import Database
from memberdesk.db.migrate import open_database
from memberdesk.demo import SETUP_DAYS, build_demo
from memberdesk.models import Card, Member, Recharge, Sale
from memberdesk.paths import DataPaths
from memberdesk.services.backup.integrity import check_database
from memberdesk.services.members.export import export_members
from memberdesk.services.staff.accounts import login

TODAY = date(2026, 11, 24)
DAYS = 4


def _local(at):  # type: ignore[no-untyped-def]
    return (at + timedelta(hours=8)).date()


def _members(db: Database) -> list[tuple[str, str, str, object]]:
    with db.reader() as r:
        return [tuple(row) for row in r.session.execute(  # type: ignore[misc]
            select(Member.member_no, Member.name, Member.phone, Member.created_at)
            .order_by(Member.id))]


def test_members_join_before_they_trade(db: Database, tmp_path: Path) -> None:
    build_demo(db, members=40, days=DAYS, seed=7, today=TODAY)
    assert check_database(db) == []
    start = TODAY - timedelta(days=DAYS)
    with db.reader() as r:
        s = r.session
        joined = dict(s.execute(select(Member.id, Member.created_at)).all())
        first = {}
        for model in (Sale, Recharge):
            for member_id, at in s.execute(
                    select(model.member_id, func.min(model.created_at))
                    .where(model.member_id.is_not(None)).group_by(model.member_id)):
                first[member_id] = min(at, first.get(member_id, at))
        bound = dict(s.execute(select(Card.member_id, Card.bound_at)).all())
    assert first, "members trade in the demo"
    assert all(joined[m] < at for m, at in first.items())
    assert all(bound[m] == joined[m] for m in bound)  # the card was bound at registration
    days = sorted(_local(at) for at in joined.values())
    assert days == [_local(at) for _, _, _, at in _members(db)]  # in order of member number
    assert days[0] >= start - timedelta(days=SETUP_DAYS)
    assert days[0] < start - timedelta(days=60)  # some joined months back
    assert len(set(days)) >= 25  # spread over many days
    late = [d for d in days if d >= start]
    assert 1 <= len(late) <= 10 and all(d < TODAY for d in late)  # a few joined lately
    assert TODAY not in days

    owner = login(db, "owner", "owner123")
    out = tmp_path / "members.xlsx"
    export_members(db, owner, out)
    sheet = CalamineWorkbook.from_path(str(out)).get_sheet_by_index(0).to_python()
    col = sheet[0].index("注册日期")
    exported = sorted(row[col] for row in sheet[1:])
    assert exported == days


def test_same_seed_same_members(db: Database, tmp_path: Path) -> None:
    build_demo(db, members=20, days=2, seed=11, today=TODAY)
    other = Database.open(_empty_shop_paths(tmp_path))
    try:
        build_demo(other, members=20, days=2, seed=11, today=TODAY)
        assert _members(other) == _members(db)
    finally:
        other.close()


def _empty_shop_paths(tmp_path: Path) -> DataPaths:
    """A second empty, migrated shop database like the fixture's."""
    paths = DataPaths(tmp_path / "other").ensure()
    open_database(paths.database, paths.backups).dispose()
    return paths
