"""Checkout commit benchmark: 3 lines (member price, tier discount), a coupon,
points and a split stored-value + cash tender, at synchronous=FULL on a real file.

The raw figure replays, with plain sqlite3, exactly the INSERT/UPDATE statements
(same SQL, same parameters) each checkout wrote, one transaction per checkout
(BEGIN IMMEDIATE ... COMMIT), on a copy of the database taken before the run: the
same writes without the ORM, the reads and the business rules.

    .venv/bin/python -m tests.bench.bench_checkout
"""

from __future__ import annotations

import shutil
import sqlite3
import statistics
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import event, update

from memberdesk.db import Database
from memberdesk.models import Member, Tier
from memberdesk.models.enums import CouponKind, PointsKind, TenderKind
from memberdesk.money import Money
from memberdesk.paths import DataPaths
from memberdesk.services.catalog import products as catalog
from memberdesk.services.checkout.cart import CartLine, CartRequest
from memberdesk.services.checkout.sale import CheckoutRequest, checkout
from memberdesk.services.coupons.core import (
    CouponTemplateDraft,
    create_coupon_template,
    issue_coupons,
)
from memberdesk.services.pricing.tenders import TenderRequest
from memberdesk.services.shared.ledger import Refs, credit_points
from memberdesk.services.shifts import shift as shifts
from memberdesk.services.shop.setup import init_shop
from memberdesk.services.stored_value.recharge import RechargeRequest, recharge

WARMUP = 20
RUNS = 300
WRITES = ("INSERT", "UPDATE", "DELETE")
BARCODES = ("6900000000007", "6900000000014", "6900000000021")  # valid EAN-13 check digits


def _setup(db: Database) -> tuple[Any, int, list[str]]:
    owner = init_shop(db, shop_name="基准店", owner_username="owner", owner_display_name="老板",
                      owner_password="owner-pass")
    with db.uow() as uow:
        s = uow.session
        gold = s.query(Tier).filter_by(code="gold").one()
        m = Member(member_no="M000001", phone="13900000001", phone_last4="0001", name="基准",
                   tier_id=gold.id)
        s.add(m)
        s.flush()
        member_id, gold_id = m.id, gold.id
        credit_points(s, member_id, PointsKind.OPENING, 10_000_000, None, Refs())
        uow.commit()
    for i, (price, member_price) in enumerate((("3.50", "3.00"), ("8.80", None), ("12.00", None))):
        p = catalog.create_product(db, owner, catalog.ProductDraft(
            code=f"P{i}", name=f"商品{i}", price=Money.parse(price), barcode=BARCODES[i]))
        if member_price:
            catalog.set_member_price(db, owner, p.id, gold_id, Money.parse(member_price))
    shifts.open_shift(db, owner, Money.parse("200"))
    recharge(db, owner, RechargeRequest(uuid.uuid4().hex, member_id, Money.parse("4000"),
                                        TenderKind.CASH))
    template = create_coupon_template(db, owner, CouponTemplateDraft(
        "B5", "满10减1", CouponKind.AMOUNT_OFF, value=Money.parse("1"), min_spend=Money.parse("10")))
    codes = [c.code for c in issue_coupons(db, owner, template, member_id, WARMUP + RUNS)]
    with db.uow() as uow:  # keep the points lot cache realistic: one lot
        uow.session.execute(update(Member).where(Member.id == member_id).values(visit_count=0))
        uow.commit()
    return owner, member_id, codes


def _request(member_id: int, code: str) -> CheckoutRequest:
    cart = CartRequest((CartLine(product="P0", qty=2), CartLine(product=BARCODES[1]),
                        CartLine(product="P2", qty=1)), member_id, (code,))
    # payable: 6.00 + 8.36 + 11.40 - 1.00 = 24.76
    tenders = (TenderRequest(TenderKind.POINTS, Money(500)),
               TenderRequest(TenderKind.STORED_VALUE, Money(1000)),
               TenderRequest(TenderKind.CASH, Money(1000)))
    return CheckoutRequest(uuid.uuid4().hex, cart, tenders)


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="md-bench-") as tmp:
        paths = DataPaths(Path(tmp) / "data").ensure()
        db = Database.open(paths)
        owner, member_id, codes = _setup(db)
        db.close()  # checkpoint, then copy: the raw replay starts from the same state
        raw_path = Path(tmp) / "raw.sqlite3"
        shutil.copyfile(paths.database, raw_path)
        db = Database.open(paths)

        captured: list[list[tuple[str, Any, bool]]] = []
        sent = [0]  # reads and writes

        def capture(conn: Any, cursor: Any, statement: str, params: Any, context: Any,
                    executemany: bool) -> None:
            verb = statement.lstrip().upper()
            sent[0] += not verb.startswith("BEGIN")
            if verb.startswith(WRITES):
                captured[-1].append((statement, params, executemany))

        event.listen(db.engine, "before_cursor_execute", capture)
        orm_ms: list[float] = []
        cpu_ms: list[float] = []  # the process's CPU time: what a busy machine moves least
        for i, code in enumerate(codes):
            captured.append([])
            if i == WARMUP:
                sent[0] = 0
            req = _request(member_id, code)
            c0, t0 = time.process_time(), time.perf_counter()
            checkout(db, owner, req)
            if i >= WARMUP:
                orm_ms.append((time.perf_counter() - t0) * 1000)
                cpu_ms.append((time.process_time() - c0) * 1000)
        event.remove(db.engine, "before_cursor_execute", capture)
        db.close()

        conn = sqlite3.connect(raw_path, isolation_level=None)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        raw_ms: list[float] = []
        for i, writes in enumerate(captured):
            t0 = time.perf_counter()
            conn.execute("BEGIN IMMEDIATE")
            for sql, params, _many in writes:
                if params and isinstance(params[0], tuple | list):
                    conn.executemany(sql, [tuple(p) for p in params])
                else:
                    conn.execute(sql, tuple(params)).fetchall()
            conn.execute("COMMIT")
            if i >= WARMUP:
                raw_ms.append((time.perf_counter() - t0) * 1000)
        conn.close()

    p50, p95 = statistics.median(orm_ms), _pct(orm_ms, 0.95)
    raw50, raw95 = statistics.median(raw_ms), _pct(raw_ms, 0.95)
    print(f"checkout_p50_ms: {p50:.2f} ms")
    print(f"checkout_p95_ms: {p95:.2f} ms")
    print(f"checkout_raw_p50_ms: {raw50:.2f} ms")
    print(f"checkout_raw_p95_ms: {raw95:.2f} ms")
    print(f"checkout_ratio_vs_raw: {p50 / raw50:.2f} x")
    print(f"checkout_cpu_p50_ms: {statistics.median(cpu_ms):.2f} ms (process time)")
    print(f"checkout_writes: {sum(len(w) for w in captured[WARMUP:]) / RUNS:.1f} statements")
    print(f"checkout_statements: {sent[0] / RUNS:.1f} (reads and writes)")


if __name__ == "__main__":
    main()
