"""`memberdesk demo` builds a realistic shop through the real services."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from memberdesk.db import Database
from memberdesk.models import Card, DayClose, Member, Recharge, Refund, Sale, Tier
from memberdesk.services.demo import DEMO_PASSWORDS, build_demo
from memberdesk.services.integrity import check_database
from memberdesk.services.staff import login
from tests.integration.test_cli import run


def test_demo_shop(db: Database) -> None:
    stats = build_demo(db, members=40, days=4, seed=7)
    assert stats.members == 40 and stats.days_closed == 4
    assert stats.sales > 40 and stats.cards > 10
    assert check_database(db) == []
    with db.reader() as r:
        s = r.session
        assert s.scalar(select(func.count()).select_from(Sale)) == stats.sales
        assert s.scalar(select(func.count()).select_from(Recharge)) == stats.recharges
        assert s.scalar(select(func.count()).select_from(Refund)) == stats.refunds
        assert s.scalar(select(func.count()).select_from(Card)) == stats.cards
        assert s.scalar(select(func.count()).select_from(DayClose)) == 4
        names = list(s.scalars(select(Member.name)))
        assert all("\u4e00" <= n[0] <= "\u9fff" for n in names)
        initials = s.scalars(select(Member.name_initials)).all()
        assert all(i and i.isascii() for i in initials)
        dates = s.scalars(select(func.distinct(Sale.business_date))).all()
        assert len(dates) == 4  # history spread over the simulated days
        tiers = s.scalars(select(func.distinct(Tier.code)).join(Member, Member.tier_id == Tier.id))
        assert len(list(tiers)) >= 2
    for user, password in DEMO_PASSWORDS.items():
        assert login(db, user, password).username == user


def test_demo_command_if_missing(tmp_path: Path) -> None:
    d = str(tmp_path / "demo")
    r = run("demo", "--data-dir", d, "--members", "15", "--days", "2")
    assert r.returncode == 0, r.stderr
    assert "演示店" in r.stdout and "owner123" in r.stdout
    r = run("demo", "--data-dir", d, "--if-missing")
    assert r.returncode == 0 and r.stdout == ""
    r = run("demo", "--data-dir", d)
    assert r.returncode == 1 and "空目录" in r.stderr
    assert run("db", "check", "--data-dir", d).returncode == 0
