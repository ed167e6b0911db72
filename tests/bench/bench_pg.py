"""The network edition on a local PostgreSQL 15 (the throw-away cluster of
``make bench``, scripts/with-postgres.sh): the checkout of bench_checkout (3 lines,
member price, tier discount, a coupon, points and a split stored-value + cash tender)
and a card lookup among MEMBERS members, each through the services.

    pg_checkout_p95_ms            a checkout's commit, 95th percentile
    pg_lookup_card_p95_ms         a card lookup, 95th percentile
    pg_checkout_ratio_vs_sqlite   median checkout on PostgreSQL / on the SQLite file
                                  (the same run, the same process)
    pg_checkout_cpu_p50_ms        the till's own CPU time in a checkout (process time):
                                  what is left when the server and the disk are free
    pg_checkout_statements        statements a checkout sends (writes and locks whose
                                  answer nothing reads go with the next statement:
                                  bench_pg_round_trips counts the round trips)

Needs MEMBERDESK_TEST_PG_URL (make bench sets it); without it prints a note only.

    bash scripts/with-postgres.sh .venv/bin/python -m tests.bench bench_pg
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import event, select

from memberdesk.db import Database
from memberdesk.models import Card, Member, Tier
from memberdesk.models.enums import Role
from memberdesk.paths import DataPaths
from memberdesk.services.checkout.sale import checkout
from memberdesk.services.members.lookup import LookupOutcome, lookup
from memberdesk.services.shared.context import Actor
from tests.pg_engine import PgDatabases, pg_url

from .bench_checkout import RUNS, WARMUP, _pct, _request, _setup
from .stats import percentile

MEMBERS = 20_000
LOOKUPS = 2_000


CPU_MS: list[float] = []
SENT = [0]


def _checkouts(db: Database) -> list[float]:
    owner, member_id, codes = _setup(db)
    ms: list[float] = []
    CPU_MS.clear()

    def count(*_: object) -> None:
        SENT[0] += 1

    event.listen(db.engine, "before_cursor_execute", count)
    for i, code in enumerate(codes):
        req = _request(member_id, code)
        if i == WARMUP:
            SENT[0] = 0
        c0, t0 = time.process_time(), time.perf_counter()
        checkout(db, owner, req)
        if i >= WARMUP:
            ms.append((time.perf_counter() - t0) * 1000)
            CPU_MS.append((time.process_time() - c0) * 1000)
    event.remove(db.engine, "before_cursor_execute", count)
    assert len(ms) == RUNS
    return ms


def _uid(i: int) -> str:
    return f"{(i * 2_654_435_761 + 0x04A1B2C3) % (1 << 32):08X}"


def _card_lookups(db: Database, owner: Actor) -> list[float]:
    with db.uow() as uow:
        s = uow.session
        tier_id = s.scalar(select(Tier.id).order_by(Tier.id).limit(1))
        members = [Member(member_no=f"N{i:07d}", phone=f"137{i:08d}", phone_last4=f"{i:08d}"[-4:],
                          name=f"会员{i}", tier_id=tier_id) for i in range(1, MEMBERS + 1)]
        s.add_all(members)
        s.flush()
        s.add_all(Card(uid=_uid(i), member_id=m.id) for i, m in enumerate(members, 1))
        uow.commit()
    cashier = Actor(owner.staff_id, owner.username, owner.display_name, Role.OWNER)
    uids = [_uid((i * 7919) % MEMBERS + 1) for i in range(LOOKUPS + 50)]
    ms: list[float] = []
    for k, uid in enumerate(uids):
        t0 = time.perf_counter()
        found = lookup(db, cashier, uid)
        if k >= 50:
            ms.append((time.perf_counter() - t0) * 1000)
        assert found.outcome is LookupOutcome.MEMBER, (uid, found.outcome)
    return ms


def main() -> None:
    url = pg_url()
    if url is None:
        print("# bench_pg: no MEMBERDESK_TEST_PG_URL (run through scripts/with-postgres.sh)")
        return
    dbs = PgDatabases(url)
    try:
        with tempfile.TemporaryDirectory(prefix="md-bench-pg-") as tmp:
            sqlite_db = Database.open(DataPaths(Path(tmp) / "sqlite").ensure())
            try:
                sqlite_ms = _checkouts(sqlite_db)
            finally:
                sqlite_db.close()
            pg_address = dbs.fresh()
            pg_db = Database.open(DataPaths(Path(tmp) / "pg").ensure(), pg_address)
            try:
                pg_ms = _checkouts(pg_db)
                from memberdesk.services.staff.accounts import login

                lookup_ms = _card_lookups(pg_db, login(pg_db, "owner", "owner-pass"))
            finally:
                pg_db.close()
                dbs.drop(pg_address)
    finally:
        dbs.close()
    print(f"pg_checkout_p50_ms: {statistics.median(pg_ms):.2f} ms")
    print(f"pg_checkout_p95_ms: {_pct(pg_ms, 0.95):.2f} ms")
    print(f"pg_lookup_card_p50_ms: {statistics.median(lookup_ms):.3f} ms")
    print(f"pg_lookup_card_p95_ms: {percentile(lookup_ms, 95):.3f} ms")
    print(f"pg_checkout_cpu_p50_ms: {statistics.median(CPU_MS):.2f} ms")
    print(f"pg_checkout_statements: {SENT[0] / RUNS:.1f}")
    print(f"sqlite_checkout_p50_ms: {statistics.median(sqlite_ms):.2f} ms (same run)")
    print(f"pg_checkout_ratio_vs_sqlite: "
          f"{statistics.median(pg_ms) / statistics.median(sqlite_ms):.2f} x (medians)")


if __name__ == "__main__":
    main()
