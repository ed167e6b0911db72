"""Two processes sell the last units of one product at the same time on a real file,
with selling below zero forbidden: together they sell exactly what was on hand,
never one more, and the stock ledger still adds up. Stock is per store: another
store of the chain holds the same product, and its stock does not move.

This module is also the child process:
``python -m tests.integration.checkout.test_co_stock_race DB STAFF_ID GO_FILE``
tries TRIES_EACH sales of one COLA; prints a JSON line {"sold": n, "refused": m}.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

from memberdesk.services.backup.integrity import check_database
from memberdesk.services.shop.stores import add_store
from memberdesk.services.stock.ledger import receive_stock, stock_of
from tests.checkout_support.kit import World, db_address
from tests.checkout_support.worker import open_db

ROOT = Path(__file__).resolve().parents[3]
ON_HAND = 200
TRIES_EACH = 150  # 300 tries for 200 units: both tills sell, and some are refused


def test_two_tills_selling_the_last_units(world: World, tmp_path: Path) -> None:
    world.set_settings(stock__allow_negative=False)
    receive_stock(world.db, world.owner, "COLA", ON_HAND)
    add_store(world.db, world.owner, "B2", "人民路店")
    receive_stock(world.db, world.owner, "COLA", 50, store="B2")
    path = db_address(world.db)
    go = tmp_path / "go"
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.integration.checkout.test_co_stock_race", path,
             str(actor.staff_id), str(go)],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        )
        for actor in (world.cashier, world.manager)
    ]
    time.sleep(1.0)  # both processes imported and waiting
    go.touch()
    sold, refused = [], 0
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        result = json.loads(out.strip().splitlines()[-1])
        sold.append(result["sold"])
        refused += result["refused"]
    assert all(n > 0 for n in sold), sold  # both really sold
    assert sum(sold) == ON_HAND and refused == 2 * TRIES_EACH - ON_HAND, (sold, refused)
    assert stock_of(world.db, "COLA").on_hand == 0
    assert stock_of(world.db, "COLA", "B2").on_hand == 50  # the other store's stays
    assert check_database(world.db) == []


def _sell(path: str, staff_id: int, go: str) -> None:
    from memberdesk.models.enums import Role, TenderKind
    from memberdesk.money import Money
    from memberdesk.services.checkout.cart import CartLine, CartRequest
    from memberdesk.services.checkout.sale import CheckoutRequest, checkout
    from memberdesk.services.pricing.tenders import TenderRequest
    from memberdesk.services.shared.context import Actor
    from memberdesk.services.shared.errors import UserError

    db = open_db(path)
    actor = Actor(staff_id, "w", "w", Role.CASHIER)
    while not Path(go).exists():
        time.sleep(0.005)
    sold = refused = 0
    for _ in range(TRIES_EACH):
        request = CheckoutRequest(uuid.uuid4().hex, CartRequest(
            (CartLine(product="COLA", qty=1),), None),
            (TenderRequest(TenderKind.CASH, Money(350)),))
        try:
            checkout(db, actor, request)
        except UserError as exc:
            if exc.code != "stock_short":
                raise
            refused += 1
        else:
            sold += 1
    db.close()
    print(json.dumps({"sold": sold, "refused": refused}), flush=True)


if __name__ == "__main__":
    _sell(sys.argv[1], int(sys.argv[2]), sys.argv[3])
