"""The back office's member list at 1,000,000 members: the first page (100 rows) and
filtered pages, median and p95, and the ratio to raw sqlite3 running the same page
queries.

``python -m tests.bench member_list``. The shop is the lookup benchmark's million
members with varied tiers, balances, points, last visits, birthdays and tags
(``tests/bench/member_list_data.py``, built once under ``build/bench/``; no ANALYZE,
as in a real shop). Every figure goes through the service
(:func:`memberdesk.services.members.listing.list_members`: its read-only unit of work,
the role check, the tier names, the phone masking). The raw figure replays on a
plain sqlite3 connection exactly the page SELECTs the service sent (captured from
the engine), nothing else.
"""

from __future__ import annotations

import sqlite3
import statistics
from datetime import date
from typing import Any

from sqlalchemy import event

from memberdesk.db import Database, make_engine
from memberdesk.money import Money
from memberdesk.services.members.listing import MemberFilter, MemberSort, list_members
from memberdesk.services.staff.accounts import login

from .member_list_data import build_list_shop, list_cache_path
from .stats import percentile, report, time_ms

REPEAT = 100


def _cases(db: Database, actor: Any) -> dict[str, dict[str, Any]]:
    deep = list_members(db, actor, sort=MemberSort.STORED_VALUE,
                        filters=MemberFilter(stored_value_above=Money(0)))
    assert deep.after is not None
    # a cursor half-way through the long tie of members with no stored value
    tie = list_members(db, actor, sort=MemberSort.STORED_VALUE).after
    assert tie is not None
    from memberdesk.services.members.listing import Cursor

    return {
        "member_list_first_page": {},
        "member_list_first_page_by_last_visit": {"sort": MemberSort.LAST_VISIT},
        "member_list_first_page_by_stored_value": {"sort": MemberSort.STORED_VALUE},
        "member_list_page_in_a_500k_tie": {"sort": MemberSort.STORED_VALUE,
                                           "after": Cursor(0, 500_001)},
        "member_list_filtered_tier_and_birthday_month": {
            "filters": MemberFilter(tier_id=2, birthday_month=5)},
        "member_list_filtered_tag": {"filters": MemberFilter(tag="VIP")},
        "member_list_filtered_balance_above_1500_by_balance": {
            "sort": MemberSort.STORED_VALUE,
            "filters": MemberFilter(stored_value_above=Money(150_000))},
        "member_list_filtered_not_visited_since_by_last_visit": {
            "sort": MemberSort.LAST_VISIT,
            "filters": MemberFilter(visited_before=date(2025, 6, 1))},
        "member_list_filtered_visited_from_by_member_no": {
            "filters": MemberFilter(visited_from=date(2026, 11, 1))},
    }


def main() -> None:
    path = list_cache_path()
    if not path.exists():
        print(f"# building {path} (once)", flush=True)
        build_list_shop(path)
    db = Database(make_engine(path))
    actor = login(db, "owner", "owner-pass")
    raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    captured: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, params: Any, _ctx: Any,
                _many: bool) -> None:
        if "FROM members" in statement and "ORDER BY" in statement:
            captured.append((statement, params))

    for name, kwargs in _cases(db, actor).items():
        page = list_members(db, actor, **kwargs)
        assert len(page.rows) == 100, f"{name}: {len(page.rows)} rows"
        samples = time_ms(lambda kw=kwargs: list_members(db, actor, **kw), repeat=REPEAT,
                          warmup=5)
        p50, _p95 = report(name, samples)
        captured.clear()
        event.listen(db.engine, "before_cursor_execute", capture)
        list_members(db, actor, **kwargs)
        event.remove(db.engine, "before_cursor_execute", capture)
        statements = list(captured)

        def replay(st: list[tuple[str, Any]] = statements) -> None:
            for sql, params in st:
                raw.execute(sql, params).fetchall()

        raw_samples = time_ms(replay, repeat=REPEAT, warmup=5)
        raw_p50 = statistics.median(raw_samples)
        print(f"{name}_raw_p50_ms: {raw_p50:.3f} ms")
        print(f"{name}_raw_p95_ms: {percentile(raw_samples, 95):.3f} ms")
        print(f"{name}_ratio_vs_raw: {p50 / raw_p50:.1f} x")
        print(f"{name}_queries: {len(statements)} statements")
    print(f"members: {raw.execute('SELECT COUNT(*) FROM members').fetchone()[0]} rows")
    raw.close()
    db.close()


if __name__ == "__main__":
    main()
