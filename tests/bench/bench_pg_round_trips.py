"""Round trips and the till's CPU time of the bench checkout on PostgreSQL (issue 15),
figures that the load of a shared machine moves less than wall times:

    pg_checkout_round_trips     times a checkout waits for the server: statements sent
                                on their own, pipelines (queued writes with the statement
                                that carries them), BEGIN, COMMIT and the pool's ping
    pg_checkout_cpu_p50_ms      the till's own CPU time in a checkout (process time)
    pg_checkout_wall_p50_ms     for reference; noisy on a loaded machine

Counted by wrapping psycopg's cursor ``execute``, its pipelines' exit and its own
commands (``_exec_command``: BEGIN, COMMIT), so it follows psycopg 3.3's internals;
without them it prints a note.

    bash scripts/with-postgres.sh .venv/bin/python -m tests.bench bench_pg_round_trips
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import psycopg
from psycopg import _connection_base

from memberdesk.db import Database
from memberdesk.paths import DataPaths
from memberdesk.services.checkout.sale import checkout
from tests.pg_engine import PgDatabases, pg_url

from .bench_checkout import RUNS, WARMUP, _request, _setup

TRIPS = [0]


def _count_trips() -> None:
    execute, exit_pipeline = psycopg.Cursor.execute, psycopg.Pipeline.__exit__
    command = _connection_base.BaseConnection._exec_command

    def counted_execute(self: Any, *a: Any, **k: Any) -> Any:
        if self._conn._pipeline is None:
            TRIPS[0] += 1
        return execute(self, *a, **k)

    def counted_command(self: Any, *a: Any, **k: Any) -> Any:
        if self._pipeline is None:
            TRIPS[0] += 1
        return command(self, *a, **k)

    def counted_exit(self: Any, *a: Any) -> Any:
        if self.level == 1:
            TRIPS[0] += 1
        return exit_pipeline(self, *a)

    psycopg.Cursor.execute = counted_execute  # type: ignore[method-assign]
    _connection_base.BaseConnection._exec_command = counted_command  # type: ignore[method-assign]
    psycopg.Pipeline.__exit__ = counted_exit  # type: ignore[method-assign]


def main() -> None:
    url = pg_url()
    if url is None:
        print("# bench_pg_round_trips: no MEMBERDESK_TEST_PG_URL (run through "
              "scripts/with-postgres.sh)")
        return
    if not hasattr(_connection_base.BaseConnection, "_exec_command"):
        print("# bench_pg_round_trips: this psycopg has no _exec_command; not counted")
        return
    _count_trips()
    dbs = PgDatabases(url)
    address = dbs.fresh()
    cpu: list[float] = []
    wall: list[float] = []
    try:
        with tempfile.TemporaryDirectory(prefix="md-bench-rt-") as tmp:
            db = Database.open(DataPaths(Path(tmp) / "pg").ensure(), address)
            try:
                owner, member_id, codes = _setup(db)
                for i, code in enumerate(codes):
                    if i == WARMUP:
                        TRIPS[0] = 0
                    c0, t0 = time.process_time(), time.perf_counter()
                    checkout(db, owner, _request(member_id, code))
                    if i >= WARMUP:
                        cpu.append((time.process_time() - c0) * 1000)
                        wall.append((time.perf_counter() - t0) * 1000)
            finally:
                db.close()
    finally:
        dbs.drop(address)
        dbs.close()
    print(f"pg_checkout_round_trips: {TRIPS[0] / RUNS:.1f}")
    print(f"pg_checkout_cpu_p50_ms: {statistics.median(cpu):.2f} ms")
    print(f"pg_checkout_wall_p50_ms: {statistics.median(wall):.2f} ms")


if __name__ == "__main__":
    main()
