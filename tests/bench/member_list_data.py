"""The member-list benchmark's shop: the lookup benchmark's 1,000,000 members (names,
phones, cards) with varied list columns: tiers, stored value, points, last visits,
birthdays and tags, so filters and sorts have real selectivity and real ties (most
members hold no stored value: one long tie at 0)."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from memberdesk.db.migrate import head_revision

from .bench_lookup import MEMBERS, ROOT, build

GENERATOR = "v1"


def list_cache_path() -> Path:
    return ROOT / "build" / "bench" / f"member-list-{MEMBERS}-{GENERATOR}-{head_revision()}.sqlite3"


def build_list_shop(path: Path) -> None:
    tmp = path.with_name(path.name + ".base")
    if not tmp.exists():
        build(tmp)
    started = time.perf_counter()
    raw = sqlite3.connect(tmp)
    raw.execute("PRAGMA synchronous = OFF")
    raw.execute("PRAGMA cache_size = -262144")
    tiers = [r[0] for r in raw.execute("SELECT id FROM tiers ORDER BY rank")]
    # Deterministic spreads from the id (a multiplicative hash mod primes).
    raw.execute(
        "UPDATE members SET "
        f"tier_id = CASE WHEN id % 10 < 7 THEN {tiers[0]} WHEN id % 10 < 9 THEN {tiers[1 % len(tiers)]}"
        f" ELSE {tiers[-1]} END, "
        "sv_principal = CASE WHEN id % 4 = 0 THEN (id * 7919) % 200000 ELSE 0 END, "
        "sv_bonus = CASE WHEN id % 8 = 0 THEN (id * 104729) % 5000 ELSE 0 END, "
        "points_balance = (id * 15485863) % 3000, "
        "last_visit_at = CASE WHEN id % 5 = 0 THEN NULL ELSE "
        "datetime('2026-12-01 12:00:00', '-' || ((id * 2654435761) % 730) || ' days', "
        "'-' || ((id * 40503) % 36000) || ' seconds') END, "
        "birthday = date('1950-01-01', '+' || ((id * 69069) % 20000) || ' days'), "
        "tags = CASE WHEN id % 50 = 0 THEN 'VIP,常客' WHEN id % 7 = 0 THEN '常客' ELSE '' END, "
        "visit_count = (id * 31) % 60"
    )
    raw.commit()
    # No ANALYZE: the application never runs it, so the planner works without statistics.
    raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw.close()
    tmp.replace(path)
    print(f"# varied the list columns in {time.perf_counter() - started:.0f} s", flush=True)


if __name__ == "__main__":
    p = list_cache_path()
    if not p.exists():
        build_list_shop(p)
    print(p)
