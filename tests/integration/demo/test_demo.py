"""`memberdesk demo` builds a realistic shop through the real services."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from memberdesk.db import Database
from memberdesk.demo import DEMO_PASSWORDS, build_demo
from memberdesk.models import Card, DayClose, Member, Recharge, Refund, Sale, Tier
from memberdesk.services.backup.integrity import check_database
from memberdesk.services.staff.accounts import login
from tests.integration.cli.test_cli import run


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


@pytest.mark.slow
def test_the_demo_has_regulars_whose_visits_really_stopped(db: Database) -> None:
    """The default demo (200 members, three weeks of trading): the churn warning names
    members who came every other day and then stopped (their last sale over two weeks
    ago), and the scores are refreshed already, so the member card shows it at once.
    (A smaller demo has too few: its random sales visit every member again.)"""
    from datetime import timedelta

    from memberdesk.domain.analytics import churn_reason_text
    from memberdesk.models import MemberScore
    from memberdesk.services.analytics.member import member_analytics

    today = date(2026, 12, 3)
    build_demo(db, today=today)
    with db.reader() as r:
        s = r.session
        flagged = list(s.scalars(select(MemberScore.member_id).where(
            MemberScore.churn_kind.is_not(None))))
        assert flagged, "the demo's churn list is empty"
        for member_id in flagged:
            last = s.scalar(select(func.max(Sale.business_date))
                            .where(Sale.member_id == member_id))
            assert last is not None and last <= today - timedelta(days=15)
        a = member_analytics(s, flagged[0])
        assert a is not None and a.as_of == today and a.churn is not None
        assert churn_reason_text(a.churn) == "平时约 2 天来一次，已 17 天未来"
    # the 分析 page's churn list names the same members, the largest value at risk first
    from datetime import UTC, datetime, time

    from memberdesk.domain import shoptime
    from memberdesk.services.analytics.report import analysis_report

    owner = login(db, "owner", DEMO_PASSWORDS["owner"])
    with shoptime.frozen(datetime.combine(today, time(4, 0), tzinfo=UTC)):  # noon in Beijing
        rep = analysis_report(db, owner)
    with db.reader() as r:
        numbers = set(r.session.scalars(select(Member.member_no).where(
            Member.id.in_(flagged))))
    assert rep.as_of == today and rep.churn_count == len(flagged)
    assert {c.member_no for c in rep.churn} == numbers
    assert all(c.last_visit <= today - timedelta(days=15) for c in rep.churn)
    risk = [c.value_at_risk for c in rep.churn]
    assert risk == sorted(risk, reverse=True)
    # the counter's suggestions (issue 13, item 3): households due for their pair, and
    # their pairs the strongest companions
    from memberdesk.demo_households import HOUSEHOLD_BASKETS
    from memberdesk.models import MemberRecommendation, Product, ProductPair
    from memberdesk.services.analytics.recommend_read import counter_suggestions

    with db.reader() as r:
        s = r.session
        due = list(s.scalars(select(MemberRecommendation.member_id).distinct()))
        codes = {i: c for i, c in s.execute(select(Product.id, Product.code))}
        first = {(codes[p.product_id], codes[p.other_id])
                 for p in s.scalars(select(ProductPair).where(ProductPair.rank == 1))}
        member_no = s.scalar(select(Member.member_no).where(Member.id == due[0]))
    assert len(due) >= 3
    assert any(pair in first or pair[::-1] in first for pair in HOUSEHOLD_BASKETS)
    with shoptime.frozen(datetime.combine(today, time(4, 0), tzinfo=UTC)):
        shown = counter_suggestions(db, owner, str(member_no))
    assert shown.due and "天买一次" in shown.due[0].text(today)
