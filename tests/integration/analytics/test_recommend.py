"""Recommendations at the counter (issue 13, item 3), on both engines: the refresh's
SQL over real sales and refunds agrees with the rules of domain/recommend.py (a line
refunded whole does not count, a line refunded in part does; due exactly at the median
gap, not a day before), the pairs' lift counts only the baskets left after refunds, the
counter's reads hide a product bought after the refresh and the cart's own products,
the setting turns it all off, the daily job writes them, and
``memberdesk analytics recommendations`` prints what the counter shows."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta

from sqlalchemy import select

from memberdesk.models import MemberRecommendation, ProductPair
from memberdesk.models.enums import TenderKind
from memberdesk.services.analytics.recommend_read import (
    cart_suggestions,
    counter_suggestions,
    member_suggestions,
)
from memberdesk.services.analytics.recommend_refresh import refresh_recommendations
from memberdesk.services.jobs.runner import run_jobs
from tests.checkout_support.kit import World

from .conftest import DAY, ShopClock, cli_env


def buy(w: World, clock: ShopClock, day: int, codes: list[tuple[str, int]],
        member: str | None = None) -> str:
    clock.day = DAY + timedelta(days=day)
    return w.sell(codes, [(TenderKind.CASH, "200")], member=member).sale_no


def shop(w: World, clock: ShopClock) -> World:
    """alice: chips and cola together every 7 days (days 0, 7, 14); bob: beer and
    cigarettes on days 1 and 3, beer on day 5 refunded whole, cigarettes on day 8;
    carol: two washes on day 6 (one refunded), one on days 2 and 4; walk-ins."""
    for day in (0, 7, 14):
        buy(w, clock, day, [("CHIPS", 1), ("COLA", 2)], "alice")
    for day in (1, 3):
        buy(w, clock, day, [("BEER", 1), ("CIG", 1)], "bob")
    beer = buy(w, clock, 5, [("BEER", 2)], "bob")
    clock.day = DAY + timedelta(days=6)
    w.refund(beer)
    buy(w, clock, 8, [("CIG", 1)], "bob")
    for day in (2, 4):
        buy(w, clock, day, [("WASH", 1)], "carol")
    wash = buy(w, clock, 6, [("WASH", 2)], "carol")
    clock.day = DAY + timedelta(days=7)
    w.refund(wash, lines=((1, 1),))
    buy(w, clock, 9, [("BEER", 1)])
    buy(w, clock, 9, [("CIG", 1)])
    return w


def rows(w: World) -> dict[str, list[tuple[str, int, int]]]:
    codes = {p.id: code for code, p in w.products.items()}
    names = {v: k for k, v in w.members.items()}
    out: dict[str, list[tuple[str, int, int]]] = {}
    with w.db.reader() as r:
        for m in r.session.scalars(select(MemberRecommendation)
                                   .order_by(MemberRecommendation.member_id,
                                             MemberRecommendation.rank)):
            out.setdefault(names[m.member_id], []).append(
                (codes[m.product_id], m.days_bought, m.gap_x2))
    return out


def pairs(w: World) -> set[tuple[str, str, int, int]]:
    codes = {p.id: code for code, p in w.products.items()}
    with w.db.reader() as r:
        return {(codes[p.product_id], codes[p.other_id], p.together, p.lift_permille)
                for p in r.session.scalars(select(ProductPair))}


def test_due_products_and_pairs_from_real_sales_net_of_refunds(
        world: World, shop_clock: ShopClock) -> None:
    w = shop(world, shop_clock)
    # day 20: alice's chips and cola 6 days since, her gap 7: not due yet.
    res = refresh_recommendations(w.db, DAY + timedelta(days=20))
    assert rows(w) == {"bob": [("CIG", 3, 7)], "carol": [("WASH", 3, 4)]}
    assert (res.members, res.rows) == (2, 2)
    # day 21: exactly at the gap: due (cola first: the same ratio and days, lower id).
    refresh_recommendations(w.db, DAY + timedelta(days=21))
    got = rows(w)
    assert got["alice"] == [("COLA", 3, 14), ("CHIPS", 3, 14)]
    # bob's beer: days 1 and 3 (day 5 refunded whole): not regular. His cigarettes:
    # days 1, 3, 8, gaps 2 and 5: 3.5 (x2 = 7); carol's wash refunded in part counts.
    assert got["bob"] == [("CIG", 3, 7)] and got["carol"] == [("WASH", 3, 4)]
    # 11 baskets (bob's refunded beer is none); chips and cola in 3, together in 3:
    # lift 3 x 11 / (3 x 3) = 3.667. Beer and cigarettes together twice: below 3.
    assert pairs(w) == {("CHIPS", "COLA", 3, 3666), ("COLA", "CHIPS", 3, 3666)}


def test_the_counter_reads_them_and_hides_what_was_bought_since(
        world: World, shop_clock: ShopClock) -> None:
    w = shop(world, shop_clock)
    refresh_recommendations(w.db, DAY + timedelta(days=21))
    shop_clock.day = DAY + timedelta(days=23)
    alice = w.members["alice"]
    with w.db.reader() as r:
        due = member_suggestions(r.session, alice)
    assert [d.code for d in due] == ["COLA", "CHIPS"]
    on = DAY + timedelta(days=23)
    assert due[0].text(on) == "可口可乐 330ml（约 7 天买一次，已 9 天）"
    assert due[1].text(on, "en") == "乐事薯片 原味 70g (every ~7 days; last 9 days ago)"
    assert [s.code for s in cart_suggestions(w.db, [w.products["CHIPS"].id])] == ["COLA"]
    assert cart_suggestions(w.db, [w.products["CHIPS"].id, w.products["COLA"].id]) == ()
    assert cart_suggestions(w.db, []) == ()
    # what the counter shows with chips in the cart: cola due, cola bought with chips
    shown = counter_suggestions(w.db, w.cashier, w.member("alice").member_no, ["CHIPS"])
    assert [d.code for d in shown.due] == ["COLA"] and [t.code for t in shown.together] == [
        "COLA"]
    buy(w, shop_clock, 23, [("COLA", 1)], "alice")  # after the refresh
    with w.db.reader() as r:
        assert [d.code for d in member_suggestions(r.session, alice)] == ["CHIPS"]
        assert member_suggestions(r.session, w.members["bob"])[0].code == "CIG"


def test_the_setting_turns_them_off(world: World, shop_clock: ShopClock) -> None:
    w = shop(world, shop_clock)
    refresh_recommendations(w.db, DAY + timedelta(days=21))
    w.set_settings(analytics__recommendations=False)
    with w.db.reader() as r:
        assert member_suggestions(r.session, w.members["alice"]) == ()
    assert cart_suggestions(w.db, [w.products["CHIPS"].id]) == ()
    res = refresh_recommendations(w.db, DAY + timedelta(days=22))
    assert res.off and res.as_dict() == {"off": 1}
    assert not counter_suggestions(w.db, w.cashier, w.member("alice").member_no).on


def test_the_daily_job_writes_them_in_batches(world: World, shop_clock: ShopClock) -> None:
    w = shop(world, shop_clock)
    shop_clock.day = DAY + timedelta(days=21)
    runs = [r for r in run_jobs(w.db).runs if r.job == "analytics_refresh"]
    assert runs[-1].counts["recommend_members"] == 3
    assert runs[-1].counts["recommend_pairs"] == 2
    assert set(rows(w)) == {"alice", "bob", "carol"}
    # one member a batch: the rows of members without a due product go too
    refresh_recommendations(w.db, DAY + timedelta(days=20), batch=1)
    assert set(rows(w)) == {"bob", "carol"}
    steps: list[tuple[int, int]] = []
    refresh_recommendations(w.db, DAY + timedelta(days=21), batch=1,
                            step=lambda d, t: steps.append((d, t)) is None and d < 2)
    assert steps == [(1, 3), (2, 3)]  # stopped after the second batch
    assert set(rows(w)) == {"alice", "bob", "carol"}


def test_the_command_prints_what_the_counter_shows(world: World, shop_clock: ShopClock) -> None:
    w = shop(world, shop_clock)
    refresh_recommendations(w.db, DAY + timedelta(days=21))
    assert w.db.paths is not None
    member_no = w.member("alice").member_no

    def run(*args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
        assert w.db.paths is not None
        return subprocess.run(
            [sys.executable, "-m", "memberdesk.cli", "analytics", "recommendations", *args,
             "--data-dir", str(w.db.paths.root), "--user", "cashier"],
            input="cashier-pass\n", capture_output=True, text=True, timeout=120,
            env=cli_env(w, lang))

    r = run(member_no, "--cart", "CHIPS")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0] == f"{member_no} 张三"
    # the subprocess runs at the real clock: the days since are counted to its today
    assert lines[1].startswith("Due: 可口可乐 330ml (every ~7 days; last ")
    assert "乐事薯片" not in lines[1]  # in the cart
    assert lines[2] == "Often bought with the cart: 可口可乐 330ml"
    zh = run(member_no, lang="zh_CN")
    assert zh.stdout.splitlines()[1].startswith("推荐：可口可乐 330ml（约 7 天买一次，已 ")
    carol = run(w.member("carol").member_no, "--cart", "WASH")
    assert carol.stdout.splitlines()[1:] == ["no suggestions"]
    bad = run("M404404")
    assert bad.returncode == 1 and bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr
