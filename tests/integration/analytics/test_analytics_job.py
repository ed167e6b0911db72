"""The analytics refresh as a daily job: today's scores written by the runner; a
catch-up of several days refreshes only the last one (the scores' date moves; a row
whose figures only aged keeps its own date, R counted on from it)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from memberdesk.models import MemberScore
from memberdesk.models.enums import TenderKind
from memberdesk.services.analytics.aggregates import scores_date
from memberdesk.services.analytics.member import days_later
from memberdesk.services.jobs.runner import run_jobs
from tests.checkout_support.kit import World

from .conftest import DAY, ShopClock


def _as_of(w: World) -> set[object]:
    """The scores' date (``analytics_state``), and that every row is of it or before."""
    with w.db.reader() as r:
        day = scores_date(r.session)
        assert all(on <= day for on in r.session.scalars(select(MemberScore.as_of)))
        return {day}


def test_the_daily_jobs_refresh_the_scores_for_today_only(
    world: World, shop_clock: ShopClock
) -> None:
    w = world
    w.sell([("BEER", 1)], [(TenderKind.CASH, "6.00")], member="alice")
    runs = [r for r in run_jobs(w.db).runs if r.job == "analytics_refresh"]
    recs = {"recommend_members": 0, "recommend_rows": 0, "recommend_pairs": 0}
    assert [(r.business_date, r.counts) for r in runs] == [
        (DAY, {"members": 3, "scored": 1, "churn": 0, **recs})]
    assert _as_of(w) == {DAY}
    shop_clock.advance(5)
    runs = [r for r in run_jobs(w.db).runs if r.job == "analytics_refresh"]
    assert [r.counts for r in runs] == [{"skipped": 1}] * 4 + [
        {"members": 3, "scored": 1, "churn": 0, **recs}]
    assert _as_of(w) == {DAY + timedelta(days=5)}
    with w.db.reader() as r:
        alice = r.session.get(MemberScore, w.members["alice"])
        assert alice is not None and alice.lifecycle == "new"
        # one sale on DAY: only aged since, so the row was not written again
        assert (alice.as_of, alice.r_days) == (DAY, 0)
        assert alice.r_days + days_later(alice.as_of, scores_date(r.session)) == 5
