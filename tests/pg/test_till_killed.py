"""kill -9 of a till in the middle of its checkouts, on the server (issue 15, proofs):
each time, the sale the till was making is either there or not at all, and the
till's retry with the same client id (after its restart) books it exactly once;
afterwards db check passes, nothing is half-written and the member's balance is exact."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

from sqlalchemy import text

from memberdesk.services.backup.integrity import check_database
from memberdesk.services.checkout.sale import checkout
from memberdesk.services.loyalty.tiers import set_member_tier
from tests.checkout_support.kit import World, db_address, yuan
from tests.integration.checkout.test_co_crash import HALF_WRITTEN
from tests.pg.till_worker import PRICE, cashier, sale

ROOT = Path(__file__).resolve().parents[2]
KILLS = 6


def _count(world: World, client_id: str) -> int:
    with world.db.reader() as uow:
        return int(uow.session.execute(text("SELECT count(*) FROM sales WHERE client_id = :c"),
                                       {"c": client_id}).scalar_one())


def test_a_till_killed_mid_checkout_retries_its_sale_once(pg_world: World) -> None:
    world = pg_world
    world.recharge("alice", "1000")
    # the tier stays: hundreds of sales would move her up, and a tier discount would
    # change the price of the sale the test sends again (fixed at ¥3.50)
    set_member_tier(world.db, world.owner, world.member("alice").member_no, "normal",
                    reason="kill -9 test", locked_until=world.today() + timedelta(days=3650))
    start = world.member("alice").sv_principal
    alice = world.members["alice"]
    rnd = random.Random(20261203)
    in_flight = 0
    recharged = yuan("1000")
    for k in range(KILLS):
        # a round can sell a few hundred ¥3.50 sales: keep ¥2,000 at least (cap ¥5,000)
        if world.member("alice").sv_principal < yuan("2000"):
            world.recharge("alice", "2000")
            recharged += yuan("2000")
        proc = subprocess.Popen(
            [sys.executable, "-m", "tests.pg.till_worker", db_address(world.db),
             str(world.cashier.staff_id), str(alice), f"till-{k:02d}"],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        )
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read() if proc.stderr else ""
        seen = ""
        while not seen.startswith("+ "):  # its first sale is through: it is warm
            seen = proc.stdout.readline()
            assert seen, proc.stderr.read() if proc.stderr else ""
        time.sleep(rnd.uniform(0.05, 0.6))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        out = seen + proc.stdout.read()  # the rest, the part readline buffered included
        proc.stdout.close()
        if proc.stderr is not None:
            proc.stderr.close()
        started = [ln[2:] for ln in out.splitlines() if ln.startswith("? ")]
        done = {ln[2:] for ln in out.splitlines() if ln.startswith("+ ")}
        assert len(done) >= 1, out  # the till really was selling
        last = started[-1]
        existed = _count(world, last)
        assert existed in (0, 1)  # all or nothing
        if last not in done:
            in_flight += 1
        # the till, restarted, sends the sale it was making again
        retried = checkout(world.db, cashier(world.cashier.staff_id), sale(last, alice))
        assert _count(world, last) == 1
        assert retried.replayed == bool(existed)
        for cid in done:
            assert _count(world, cid) == 1
    assert in_flight >= 1  # at least one kill came in the middle of a checkout
    with world.db.reader() as uow:
        conn = uow.session.connection()
        for what, sql in HALF_WRITTEN.items():
            assert list(conn.execute(text(sql))) == [], what
        sales = int(conn.execute(text(
            "SELECT count(*) FROM sales WHERE member_id = :m"), {"m": alice}).scalar_one())
    assert world.member("alice").sv_principal == start - PRICE * sales + recharged - yuan("1000")
    assert start == yuan("1000")
    assert world.member("alice").tier_id == world.tiers["normal"]
    assert check_database(world.db) == []
