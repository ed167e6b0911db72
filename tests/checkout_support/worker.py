"""Child processes for the concurrency and crash tests. DB is a shop file's path or a
PostgreSQL URL.

    python -m tests.checkout_support.worker spend DB STAFF_ID MEMBER_ID N FEN GO_FILE
        N checkouts of FEN each, paid from the member's stored value; prints a JSON
        line {"ok": fen_spent, "sales": n_ok, "refused": n_refused} at the end.
    python -m tests.checkout_support.worker chaos DB CASHIER_ID MANAGER_ID SEED
        checkouts, recharges and refunds forever (until killed); prints "ready" first
        and "+" after each commit.
"""

from __future__ import annotations

import json
import random
import sys
import time
import uuid
from pathlib import Path

from sqlalchemy import text

from memberdesk.db import Database
from memberdesk.models.enums import Role, TenderKind
from memberdesk.money import Money
from memberdesk.services.checkout.cart import CartLine, CartRequest
from memberdesk.services.checkout.sale import CheckoutRequest, checkout
from memberdesk.services.pricing.tenders import TenderRequest
from memberdesk.services.refunds.sales import RefundLineRequest, SaleRefundRequest, refund_sale
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import UserError
from memberdesk.services.stored_value.recharge import RechargeRequest, recharge


def open_db(address: str) -> Database:
    """A shop file's path, or a PostgreSQL URL (the network edition)."""
    if "://" in address:
        from memberdesk.paths import resolve_data_dir

        return Database.of_url(address, resolve_data_dir().root)
    return Database.of_file(Path(address))


def spend(path: str, staff_id: int, member_id: int, n: int, fen: int, go: str) -> None:
    db = open_db(path)
    actor = Actor(staff_id, "w", "w", Role.CASHIER)
    while not Path(go).exists():
        time.sleep(0.005)
    ok = sales = refused = 0
    for _ in range(n):
        req = CheckoutRequest(uuid.uuid4().hex, CartRequest(
            (CartLine(amount=Money(fen), description="race"),), member_id),
            (TenderRequest(TenderKind.STORED_VALUE, Money(fen)),))
        try:
            checkout(db, actor, req)
        except UserError as exc:
            if exc.code != "insufficient_stored_value":
                raise
            refused += 1
        else:
            ok += fen
            sales += 1
    print(json.dumps({"ok": ok, "sales": sales, "refused": refused}), flush=True)


def _earlier_sales(db: Database) -> list[tuple[str, int]]:
    """The sales earlier children committed (number, lines), newest 50."""
    with db.reader() as r:
        rows = r.session.connection().execute(text(
            "SELECT s.sale_no, count(l.id) FROM sales s JOIN sale_lines l ON l.sale_id = s.id"
            " GROUP BY s.id, s.sale_no ORDER BY s.id DESC LIMIT 50")).all()
    return [(str(no), int(n)) for no, n in rows]


def chaos(path: str, cashier_id: int, manager_id: int, seed: int) -> None:
    db = open_db(path)
    rnd = random.Random(seed)
    cashier = Actor(cashier_id, "c", "c", Role.CASHIER)
    manager = Actor(manager_id, "m", "m", Role.MANAGER)
    members = [1, 2, 3]
    sales = _earlier_sales(db)  # a short-lived child may refund from its first step
    print("ready", flush=True)
    while True:
        op = rnd.random()
        try:
            if op < 0.2:
                recharge(db, cashier, RechargeRequest(
                    uuid.uuid4().hex, rnd.choice(members), Money(rnd.randint(100, 5000)),
                    TenderKind.CASH))
            elif op < 0.35 and sales:
                sale_no, n_lines = rnd.choice(sales)
                lines = None if rnd.random() < 0.5 else (RefundLineRequest(rnd.randint(1, n_lines), 1),)
                refund_sale(db, manager, SaleRefundRequest(
                    uuid.uuid4().hex, sale_no, "测试", lines, deduct_spent_points=True))
            else:
                member = rnd.choice([None, *members])
                lines = tuple(CartLine(product=rnd.choice(["COLA", "BEER", "CHIPS"]),
                                       qty=rnd.randint(1, 3)) for _ in range(rnd.randint(1, 3)))
                cart = CartRequest(lines, member)
                total = sum(ln.qty for ln in lines) * 1000  # at most 10 yuan an item
                tenders: list[TenderRequest] = []
                if member is not None and rnd.random() < 0.5:
                    tenders.append(TenderRequest(TenderKind.STORED_VALUE, Money(rnd.randint(1, 300))))
                tenders.append(TenderRequest(TenderKind.CASH, Money(total)))
                r = checkout(db, cashier, CheckoutRequest(uuid.uuid4().hex, cart, tuple(tenders)))
                sales.append((r.sale_no, len(lines)))
        except UserError:
            continue
        print("+", flush=True)


def main(argv: list[str]) -> None:
    cmd, path, *rest = argv
    if cmd == "spend":
        spend(path, int(rest[0]), int(rest[1]), int(rest[2]), int(rest[3]), rest[4])
    elif cmd == "chaos":
        chaos(path, int(rest[0]), int(rest[1]), int(rest[2]))
    else:
        raise SystemExit(f"unknown command {cmd}")


if __name__ == "__main__":
    main(sys.argv[1:])
