"""``memberdesk jobs run`` / ``jobs status`` (in-process, on the frozen shop clock):
today's jobs need no login; ``--until`` past today is refused in one line unless
``--bring-forward`` with a manager's or owner's password."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest

from memberdesk.cli import main
from tests.checkout_support.kit import World

from .conftest import DAY, ShopClock


def jobs(w: World, *args: str) -> list[str]:
    assert w.db.paths is not None
    return ["jobs", *args[:1], "--data-dir", str(w.db.paths.root), *args[1:]]


def test_jobs_run_and_status(
    world: World, shop_clock: ShopClock, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    w = world
    monkeypatch.setenv("MEMBERDESK_LANG", "en")
    w.give_points("alice", 100, days=1)
    assert main(jobs(w, "status")) == 0
    assert capsys.readouterr().out.splitlines() == [
        "shop today 2026-03-10", "  points expiry: never run; 1 day(s) due",
        "  tier evaluation: never run; 1 day(s) due",
        "  birthday gifts: never run; 1 day(s) due",
        "  count card expiry: never run; 1 day(s) due",
        "  member analytics: never run; 1 day(s) due",
        "  text messages: never run; 1 day(s) due"]
    assert main(jobs(w, "run")) == 0
    shop_clock.advance(2)
    assert main(jobs(w, "run")) == 0
    out = capsys.readouterr().out.splitlines()
    tiers = "tier evaluation: down=0, members=0, renewed=0, up=0"
    gifts = "birthday gifts: coupons=0, members=0, points=0"
    sms = "dropped=0, failed=0, reminders=0, sent=0, unknown=0, waiting=0"
    cards = "count card expiry: cards=0, reminders=0, uses=0"
    assert out == [
        "2026-03-10 points expiry: lots=0, members=0, points=0",
        f"2026-03-10 {tiers}",
        f"2026-03-10 {gifts}",
        f"2026-03-10 {cards}",
        "2026-03-10 member analytics: churn=0, members=3, recommend_members=0, "
        "recommend_pairs=0, recommend_rows=0, scored=0",
        f"2026-03-10 text messages: {sms}",
        "daily jobs done up to 2026-03-10",
        "2026-03-11 points expiry: lots=0, members=0, points=0",
        f"2026-03-11 {tiers}",
        f"2026-03-11 {gifts}",
        f"2026-03-11 {cards}",
        "2026-03-11 member analytics: skipped=1",  # a catch-up refreshes the last day only
        "2026-03-11 text messages: reminders=0",  # a past day: its reminders, no sending
        "2026-03-12 points expiry: lots=1, members=1, points=100",
        f"2026-03-12 {tiers}",
        f"2026-03-12 {gifts}",
        f"2026-03-12 {cards}",
        "2026-03-12 member analytics: churn=0, members=3, recommend_members=0, "
        "recommend_pairs=0, recommend_rows=0, scored=0",
        f"2026-03-12 text messages: {sms}",
        "daily jobs done up to 2026-03-12",
    ]
    assert w.balances("alice")[2] == 0
    assert main(jobs(w, "run")) == 0
    assert capsys.readouterr().out == "nothing due (done up to 2026-03-12)\n"
    assert main(jobs(w, "status")) == 0
    assert capsys.readouterr().out.splitlines()[1] == (
        "  points expiry: 2026-03-12 (lots=1, members=1, points=100); 0 day(s) due")


def test_until_after_today_needs_bring_forward_and_a_manager(
    world: World, shop_clock: ShopClock, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    w = world
    monkeypatch.setenv("MEMBERDESK_LANG", "zh_CN")
    w.give_points("alice", 100, days=1)
    later = (DAY + timedelta(days=3)).isoformat()
    assert main(jobs(w, "run", "--until", later)) == 1
    err = capsys.readouterr().err
    assert err.startswith("memberdesk: 2026-03-13 晚于门店今天（2026-03-10）")
    assert err.count("\n") == 1 and "Traceback" not in err
    assert w.balances("alice")[2] == 100
    monkeypatch.setattr("sys.stdin", io.StringIO("cashier-pass\n"))
    code = main(jobs(w, "run", "--until", later, "--bring-forward", "--user", "cashier"))
    assert code == 1 and w.balances("alice")[2] == 100
    capsys.readouterr()
    monkeypatch.setattr("sys.stdin", io.StringIO("owner-pass\n"))
    assert main(jobs(w, "run", "--until", later, "--bring-forward", "--user", "owner")) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "每日任务已运行至 2026-03-13"
    assert w.balances("alice")[2] == 0
