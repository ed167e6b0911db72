"""``memberdesk jobs run --until`` as a real subprocess on a shop brought forward: the
tier evaluation and the birthday gifts run for each date, say what they did, and run
once. The child process runs on the shop's frozen day through the same time-machine
hook as the shifted-clock suite (tests/clockshift/sitecustomize.py), ticking from
10:00 in Beijing on :data:`DAY`."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import update

from memberdesk.models import Member
from tests.checkout_support.kit import World

from .conftest import DAY, ShopClock

CLOCKSHIFT = Path(__file__).resolve().parents[2] / "clockshift"


def _real_epoch() -> float:
    """The computer's real time: under the shifted-clock run this process's own clock
    is moved by the same hook, by MEMBERDESK_CLOCK_TARGET - MEMBERDESK_CLOCK_STARTED."""
    target = os.environ.get("MEMBERDESK_CLOCK_TARGET")
    started = os.environ.get("MEMBERDESK_CLOCK_STARTED")
    shift = datetime.fromisoformat(target).timestamp() - float(started) if target and started \
        else 0.0
    return time.time() - shift


def memberdesk(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ, "MEMBERDESK_LANG": "en",
        "MEMBERDESK_CLOCK_TARGET": f"{DAY.isoformat()}T02:00:00+00:00",
        "MEMBERDESK_CLOCK_STARTED": repr(_real_epoch()),
        "PYTHONPATH": os.pathsep.join(filter(None, (str(CLOCKSHIFT),
                                                    os.environ.get("PYTHONPATH")))),
    }
    return subprocess.run([sys.executable, "-m", "memberdesk.cli", *args], input=stdin,
                          capture_output=True, text=True, timeout=300, env=env)


def test_jobs_run_until_moves_tiers_and_gives_birthday_gifts_once(
    world: World, shop_clock: ShopClock
) -> None:
    w = world
    assert w.db.paths is not None
    data = str(w.db.paths.root)
    w.set_settings(tiers__window_days=30, birthday__points=100)
    with w.db.uow() as uow:  # bob is gold and spends nothing; alice's birthday is on the 12th
        uow.session.execute(update(Member).where(Member.id == w.members["alice"])
                            .values(birthday=date(1990, 3, 12)))
        uow.commit()
    until = (DAY + timedelta(days=35)).isoformat()
    r = memberdesk("jobs", "run", "--data-dir", data, "--until", until, "--bring-forward",
                   "--user", "owner", stdin="owner-pass\n")
    assert r.returncode == 0, r.stderr
    out = r.stdout.splitlines()
    assert len(out) == 36 * 6 + 1 and out[-1] == f"daily jobs done up to {until}"
    assert "2026-03-12 birthday gifts: coupons=0, members=1, points=100" in out
    assert "2026-04-09 tier evaluation: down=1, members=1, renewed=0, up=0" in out
    moved = [line for line in out if "tier evaluation" in line and "members=0" not in line]
    gifts = [line for line in out if "birthday gifts" in line and "members=0" not in line]
    assert len(moved) == 1 and len(gifts) == 1
    assert w.member("bob").tier_id == w.tiers["normal"]
    assert w.balances("alice")[2] == 100
    # Once: again up to the same date does nothing.
    r = memberdesk("jobs", "run", "--data-dir", data, "--until", until, "--bring-forward",
                   "--user", "owner", stdin="owner-pass\n")
    assert r.returncode == 0, r.stderr
    assert r.stdout == f"nothing due (done up to {until})\n"
    r = memberdesk("jobs", "status", "--data-dir", data)
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[1:] == [
        "  points expiry: 2026-04-14 (lots=0, members=0, points=0); 0 day(s) due",
        "  tier evaluation: 2026-04-14 (down=0, members=0, renewed=0, up=0); 0 day(s) due",
        "  birthday gifts: 2026-04-14 (coupons=0, members=0, points=0); 0 day(s) due",
        "  count card expiry: 2026-04-14 (cards=0, reminders=0, uses=0); 0 day(s) due",
        "  member analytics: 2026-04-14 (churn=0, members=3, recommend_members=0, "
        "recommend_pairs=0, recommend_rows=0, scored=0); 0 day(s) due",
        "  text messages: 2026-04-14 (dropped=0, failed=0, reminders=0, sent=0, unknown=0, "
        "waiting=0); 0 day(s) due",
    ]
