"""Two processes spend one member's stored value at the same time, hundreds of
times, on a real file: no overdraft, no lost update, the final balance exact."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from memberdesk.money import Money
from memberdesk.services.backup.integrity import check_database
from tests.checkout_support.kit import World, db_address

ROOT = Path(__file__).resolve().parents[3]
SPENDS_EACH = 250
FEN_EACH = 150  # 1.50 yuan


def test_two_processes_spending_one_balance(world: World, tmp_path: Path) -> None:
    world.recharge("alice", "500")  # 50000 fen: enough for 333 of the 500 attempts
    start = world.member("alice").sv_principal
    path = db_address(world.db)
    go = tmp_path / "go"
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.checkout_support.worker", "spend", path,
             str(actor.staff_id), str(world.members["alice"]), str(SPENDS_EACH), str(FEN_EACH),
             str(go)],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        )
        for actor in (world.cashier, world.manager)
    ]
    time.sleep(1.0)  # both processes imported and waiting
    go.touch()
    results = []
    for p in procs:
        out, err = p.communicate(timeout=50)
        assert p.returncode == 0, err
        results.append(json.loads(out.strip().splitlines()[-1]))
    spent = sum(r["ok"] for r in results)
    assert all(r["sales"] > 0 for r in results), results  # both really ran
    assert sum(r["sales"] + r["refused"] for r in results) == 2 * SPENDS_EACH
    assert sum(r["refused"] for r in results) > 0  # the balance really ran out
    end = world.member("alice")
    assert end.sv_principal == start - Money(spent)
    assert end.sv_principal.fen >= 0 and end.sv_principal.fen < FEN_EACH
    assert check_database(world.db) == []

