"""Member analytics after a member import (issue 13: scores "refreshed ... after
import"): the imported members get their member_scores rows at once, as of the
scores already there, in batches; the others' rows do not move; the kept 分析 figures
count them. Before the first refresh nothing is written."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from memberdesk.models import Member, MemberScore
from memberdesk.services.analytics import after_import as analytics_import
from memberdesk.services.analytics.member import member_analytics
from memberdesk.services.analytics.refresh import refresh_scores
from memberdesk.services.analytics.report import analysis_report, build_report
from memberdesk.services.shared import pacing
from tests.checkout_support.kit import World
from tests.integration.members.sheets import row, write_sheet

from .conftest import DAY

AS_OF = DAY + timedelta(days=40)  # the history's today
NEW = [row(name="新会员一", phone="13700000001"), row(name="新会员二", phone="13700000002"),
       row(name="新会员三", phone="13700000003")]


def _scores(w: World) -> dict[int, tuple[Any, ...]]:
    with w.db.reader() as r:
        rows = r.session.execute(select(MemberScore)).scalars()
        return {s.member_id: (s.as_of, s.f, s.m, s.r_score, s.f_score, s.m_score, s.segment,
                              s.grade, s.lifecycle, s.churn_kind) for s in rows}


def _ids(w: World, phones: list[str]) -> list[int]:
    with w.db.reader() as r:
        return list(r.session.scalars(select(Member.id).where(Member.phone.in_(phones))
                                      .order_by(Member.id)))


def test_imported_members_are_scored_at_once(history: World, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    w = history
    refresh_scores(w.db)  # as of today, AS_OF
    before = _scores(w)
    monkeypatch.setattr(analytics_import, "BATCH_MEMBERS", 2)  # two batches for three
    monkeypatch.setattr(pacing, "PAUSE_S", 0.0)
    res = analytics_import.import_and_score(w.db, w.owner, write_sheet(tmp_path / "m.xlsx", NEW))
    assert res.created == 3
    after = _scores(w)
    new = _ids(w, ["13700000001", "13700000002", "13700000003"])
    assert {k: v for k, v in after.items() if k not in new} == before  # the others keep theirs
    for mid in new:  # no sale: unscored, D, new, no warning, as of the scores' date
        assert after[mid] == (AS_OF, 0, after[mid][2],
                              None, None, None, None, "D", "new", None)
        assert after[mid][2].fen == 0
    with w.db.reader() as r:
        card = member_analytics(r.session, new[0])
    assert card is not None and card.grade.code == "D" and card.lifecycle.code == "new"
    # the kept 分析 figures count them (and are what a fresh build says)
    rep = analysis_report(w.db, w.owner, AS_OF)
    with w.db.reader() as r:
        fresh = build_report(r.session, rep.as_of)
    assert rep.members == 6 and {g.key: g.members for g in rep.lifecycle}["new"] == 3
    assert rep == fresh


def test_nothing_is_written_before_the_first_refresh(history: World, tmp_path: Path) -> None:
    w = history
    assert analytics_import.import_and_score(w.db, w.owner, write_sheet(tmp_path / "m.xlsx", NEW)).created == 3
    assert _scores(w) == {}


def test_a_member_scored_meanwhile_keeps_their_row(history: World) -> None:
    w = history
    refresh_scores(w.db)
    before = _scores(w)
    assert analytics_import.score_imported(w.db, 0) == 0  # everyone has a row already
    assert _scores(w) == before
