"""What a till asks of the server, in the counter's rhythm (a card lookup, then a
checkout, 30 times), read from the server's own statement log on the throw-away
cluster of ``make bench``. Unlike wall times these do not move with the load of the
machine:

    pg_lookup_server_statements      what the server executes for a card lookup (the
                                     pool's ping, BEGIN READ ONLY, statements, COMMIT):
                                     each one a round trip
    pg_checkout_server_statements    the same for a checkout (an executemany's rows each
                                     count, though psycopg sends them in one pipeline)
    pg_checkout_parses_after_lookup  statements the server parses and plans again in a
                                     checkout that follows a lookup (0: all prepared)
    pg_checkout_server_ms            the server's time in a checkout's statements, the
                                     COMMIT (the disk's flush) apart
    pg_checkout_commit_ms            the COMMIT

    bash scripts/with-postgres.sh .venv/bin/python -m tests.bench bench_pg_trips
"""

from __future__ import annotations

import itertools
import statistics
import tempfile
import time
from pathlib import Path

import psycopg
from sqlalchemy.engine import make_url

from memberdesk.db import Database
from memberdesk.paths import DataPaths
from memberdesk.services.checkout.sale import checkout
from memberdesk.services.members.lookup import lookup
from tests.pg_engine import PgDatabases, pg_url

from .bench_checkout import _request, _setup

ROUNDS = 30


def _figures(log: str) -> tuple[int, int, float, float]:
    lines = [ln for ln in log.splitlines() if "duration:" in ln]
    ms = [float(ln.split("duration: ")[1].split(" ms")[0]) for ln in lines]
    trips = sum(1 for ln in lines if " execute " in ln or "statement:" in ln)
    # BEGIN is parsed when it rides in a pipeline (issue 15): no plan, not counted
    parses = sum(1 for ln in lines if " parse " in ln and ": BEGIN" not in ln)
    commit = sum(m for ln, m in zip(lines, ms, strict=True) if "statement: COMMIT" in ln)
    return trips, parses, sum(ms) - commit, commit


def main() -> None:
    url = pg_url()
    if url is None:
        print("# bench_pg_trips: no MEMBERDESK_TEST_PG_URL (run through scripts/with-postgres.sh)")
        return
    u = make_url(url)
    host = str(u.query["host"])
    dbs = PgDatabases(url)
    address = dbs.fresh()
    admin = psycopg.connect(dbname=u.database, user=u.username, host=host, autocommit=True)
    log = Path(host) / "server.log"  # scripts/with-postgres.sh's
    lookups: list[tuple[int, int, float, float]] = []
    checkouts: list[tuple[int, int, float, float]] = []
    try:
        with tempfile.TemporaryDirectory(prefix="md-bench-trips-") as tmp:
            db = Database.open(DataPaths(Path(tmp) / "pg").ensure(), address)
            try:
                owner, member_id, codes = _setup(db)
                for code in codes[:10]:  # warm: the statements prepared
                    lookup(db, owner, "M000001")
                    checkout(db, owner, _request(member_id, code))
                admin.execute("ALTER SYSTEM SET log_min_duration_statement = 0")
                admin.execute("SELECT pg_reload_conf()")
                time.sleep(0.5)
                marks = []
                for code in codes[10:10 + ROUNDS]:
                    a = log.stat().st_size
                    lookup(db, owner, "M000001")
                    b = log.stat().st_size
                    checkout(db, owner, _request(member_id, code))
                    marks.append((a, b))
                time.sleep(0.5)
                marks.append((log.stat().st_size, 0))
            finally:
                admin.execute("ALTER SYSTEM RESET log_min_duration_statement")
                admin.execute("SELECT pg_reload_conf()")
                db.close()
        text = log.read_bytes()
        for (a, b), (c, _) in itertools.pairwise(marks):
            lookups.append(_figures(text[a:b].decode()))
            checkouts.append(_figures(text[b:c].decode().split("ALTER SYSTEM")[0]))
    finally:
        admin.close()
        dbs.drop(address)
        dbs.close()

    def med(rows: list[tuple[int, int, float, float]], i: int) -> float:
        return float(statistics.median(r[i] for r in rows))

    print(f"pg_lookup_server_statements: {med(lookups, 0):.0f}")
    print(f"pg_checkout_server_statements: {med(checkouts, 0):.0f}")
    print(f"pg_checkout_parses_after_lookup: {med(checkouts, 1):.0f}")
    print(f"pg_checkout_server_ms: {med(checkouts, 2):.2f} ms")
    print(f"pg_checkout_commit_ms: {med(checkouts, 3):.2f} ms")


if __name__ == "__main__":
    main()
