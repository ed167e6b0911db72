"""Member lookup at 1,000,000 members: p50/p95 per kind, and the ratio to raw sqlite3.

``python -m tests.bench lookup`` (or ``python -m tests.bench.bench_lookup``). The first
run builds a shop with 1,000,000 members, each with a card, under ``build/bench/``
(a few minutes: schema by alembic, the shop and staff through the services, the
members and their search keys bulk-inserted with the application's own pinyin
code); later runs reuse it. ``MEMBERDESK_BENCH_MEMBERS`` makes a smaller one.

Every lookup goes through the service (:func:`memberdesk.services.members.lookup.lookup`):
its read-only unit of work, the staff role check and the phone masking included.
The raw figure runs the same indexed SQL on a plain sqlite3 connection.
"""

from __future__ import annotations

import os
import random
import sqlite3
import statistics
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from memberdesk.db import Database, make_engine
from memberdesk.db.migrate import head_revision, open_database
from memberdesk.hardware.uid import uid_candidates
from memberdesk.models.enums import Role
from memberdesk.services.members.lookup import LookupOutcome, lookup
from memberdesk.services.members.search_keys import name_keys
from memberdesk.services.shared.context import Actor
from memberdesk.services.shop.setup import init_shop
from memberdesk.services.staff.accounts import create_staff, login

from .stats import percentile, report, time_ms

ROOT = Path(__file__).resolve().parents[2]
MEMBERS = int(os.environ.get("MEMBERDESK_BENCH_MEMBERS", "1000000"))
SAMPLES = 2000
GENERATOR = "v1"  # bump when the generated data changes

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏"
    "魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚"
    "邵万钱严覃武戴莫孔向汤单"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛")
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国文辉玉萍红鹏飞宇浩然子轩梓涵一诺欣怡"
    "晨阳雨涵思远嘉豪俊杰佳琪梦瑶雅婷志强海燕春梅秋菊冬雪晓东小龙天佑浩宇博文睿泽若曦紫萱诗涵"
    "振华德胜永福金凤银花翠兰淑珍美玲丹丹婷婷佳佳乐乐安然"
)
PHONE_PREFIXES = ("130", "131", "132", "135", "136", "137", "138", "139", "150", "151",
                  "152", "158", "159", "166", "177", "180", "186", "187", "188", "199")  # fmt: skip


def cache_path() -> Path:
    return ROOT / "build" / "bench" / f"lookup-{MEMBERS}-{GENERATOR}-{head_revision()}.sqlite3"


def _name(rng: random.Random) -> str:
    surname = rng.choice(SURNAMES) if rng.random() < 0.995 else rng.choice(COMPOUND_SURNAMES)
    given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.7 else "")
    return surname + given


def _phone(i: int) -> str:
    # i -> a distinct 8-digit tail per prefix (multiplication by a unit mod 10^8)
    prefix = PHONE_PREFIXES[i % len(PHONE_PREFIXES)]
    return f"{prefix}{(i // len(PHONE_PREFIXES) * 7_654_321 + 12_345) % 100_000_000:08d}"


def _uid(i: int) -> str:
    return f"{(i * 2_654_435_761 + 0x04A1B2C3) % (1 << 32):08X}"  # a bijection on 32 bits


def _rows(n: int, tier_id: int, now: str) -> Iterator[tuple[tuple[object, ...], set[str]]]:
    """(members row, search keys) for members 1..n, reproducibly."""
    rng = random.Random(20261124)
    for i in range(1, n + 1):
        name = _name(rng)
        keys = name_keys(name)
        phone = _phone(i)
        member = (i, f"M{i:06d}", phone, phone[-4:], name, keys.pinyin, keys.initials,
                  "male" if i % 2 else "female", "", "", 0, "active", tier_id, 0, 0, 0, 0,
                  0, 0, now, now)  # fmt: skip
        yield member, set(keys.extra)


def build(path: Path) -> None:
    """A migrated shop file with ``MEMBERS`` members and cards (bulk insert)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".building")
    for p in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        p.unlink(missing_ok=True)
    open_database(tmp, path.parent / "backups").dispose()
    db = Database(make_engine(tmp))
    owner = init_shop(db, shop_name="基准测试店", owner_username="owner",
                      owner_display_name="老板", owner_password="owner-pass")  # fmt: skip
    create_staff(db, owner, username="cashier", display_name="收银", role=Role.CASHIER,
                 password="cashier-pass")  # fmt: skip
    db.close()
    raw = sqlite3.connect(tmp)
    raw.execute("PRAGMA synchronous = OFF")
    raw.execute("PRAGMA cache_size = -262144")
    tier_id = raw.execute("SELECT id FROM tiers ORDER BY rank LIMIT 1").fetchone()[0]
    started = time.perf_counter()
    now = datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")
    members: list[tuple[object, ...]] = []
    keys: list[tuple[str, int]] = []
    cards: list[tuple[str, int, str]] = []

    def flush() -> None:
        raw.executemany(
            "INSERT INTO members (id, member_no, phone, phone_last4, name, name_pinyin, "
            "name_initials, gender, tags, notes, marketing_consent, status, tier_id, "
            "sv_principal, sv_bonus, points_balance, total_spent, visit_count, "
            "payment_password_failures, created_at, updated_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            members,
        )
        raw.executemany("INSERT INTO member_search_keys (key, member_id) VALUES (?, ?)", keys)
        raw.executemany(
            "INSERT INTO cards (uid, member_id, status, bound_at) VALUES (?, ?, 'active', ?)",
            cards,
        )
        members.clear()
        keys.clear()
        cards.clear()

    for i, (member, member_keys) in enumerate(_rows(MEMBERS, tier_id, now), start=1):
        members.append(member)
        keys.extend((k, i) for k in member_keys)
        cards.append((_uid(i), i, now))
        if len(members) >= 20_000:
            flush()
        if i % 100_000 == 0:
            print(f"# built {i} members in {time.perf_counter() - started:.0f} s", flush=True)
    flush()
    raw.commit()
    raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw.close()
    tmp.replace(path)


def _open() -> tuple[Database, Actor, sqlite3.Connection]:
    path = cache_path()
    if not path.exists():
        print(f"# building {MEMBERS} members in {path} (once)", flush=True)
        build(path)
    db = Database(make_engine(path))
    actor = login(db, "cashier", "cashier-pass")
    raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    return db, actor, raw


def _member(raw: sqlite3.Connection, member_id: int) -> tuple[str, str, str, str]:
    row = raw.execute(
        "SELECT member_no, phone, name, name_pinyin FROM members WHERE id = ?", (member_id,)
    ).fetchone()
    return (row[0], row[1], row[2], row[3])


RAW_HIT = (
    "SELECT m.id, m.member_no, m.name, m.phone, t.name, m.sv_principal, m.sv_bonus, "
    "m.points_balance, m.status FROM members m JOIN tiers t ON t.id = m.tier_id "
)


def _timed(fn: Callable[[str], object], texts: list[str]) -> list[float]:
    it = iter(texts * 2)
    return time_ms(lambda: fn(next(it)), repeat=len(texts) - 50, warmup=50)


def _raw_runner(
    raw: sqlite3.Connection, prepared: list[tuple[str, list[str]]]
) -> Callable[[], None]:
    it = iter(prepared * 2)

    def run() -> None:
        statement, params = next(it)
        raw.execute(statement, params).fetchall()

    return run


def main() -> None:
    db, actor, raw = _open()
    rng = random.Random(7)
    ids = rng.sample(range(1, raw.execute("SELECT MAX(id) FROM members").fetchone()[0] + 1),
                     SAMPLES)  # fmt: skip
    rows = [_member(raw, i) for i in ids]
    queries = {
        "lookup_card": [_uid(i) for i in ids],
        "lookup_member_no": [r[0] for r in rows],
        "lookup_phone": [r[1] for r in rows],
        "search_last4": [r[1][-4:] for r in rows],
        # half a full-name prefix (surname + first given character), half the given
        # name alone (a match in the middle of the name, through the search keys)
        "search_name": [r[2][:2] if k % 2 else r[2][-2:] for k, r in enumerate(rows)],
        # half pinyin initials, half the first syllables of the full pinyin
        "search_pinyin": [
            name_keys(r[2]).initials if k % 2 else r[3][: max(4, len(r[3]) - 3)]
            for k, r in enumerate(rows)
        ],
    }
    expected = {"lookup_card", "lookup_member_no", "lookup_phone"}
    for kind, texts in queries.items():
        misses = sum(
            (lookup(db, actor, t).outcome is not LookupOutcome.MEMBER)
            if kind in expected
            else (lookup(db, actor, t).outcome is not LookupOutcome.PICK)
            for t in texts[:200]
        )
        assert misses == 0, f"{kind}: {misses} of 200 lookups found nothing"

    def service(text: str) -> object:
        return lookup(db, actor, text)

    results: dict[str, tuple[float, float]] = {}
    for kind, texts in queries.items():
        results[kind] = report(kind, _timed(service, texts))

    raw_sql = {
        "lookup_card": (RAW_HIT + "JOIN cards c ON c.member_id = m.id WHERE c.uid IN ({})",
                        lambda t: uid_candidates(t)),
        "lookup_member_no": (RAW_HIT + "WHERE m.member_no IN ({})", lambda t: [t]),
        "lookup_phone": (RAW_HIT + "WHERE m.phone IN ({})", lambda t: [t]),
    }  # fmt: skip
    for kind, (sql, params_of) in raw_sql.items():
        prepared = [(sql.format(",".join("?" * len(p))), p) for p in map(params_of, queries[kind])]
        samples = time_ms(_raw_runner(raw, prepared), repeat=len(prepared) - 50, warmup=50)
        raw_p50 = statistics.median(samples)
        print(f"{kind}_raw_p50_ms: {raw_p50:.4f} ms")
        print(f"{kind}_raw_p95_ms: {percentile(samples, 95):.4f} ms")
        print(f"{kind}_ratio_vs_raw: {results[kind][0] / raw_p50:.1f} x")
    print(f"members: {raw.execute('SELECT COUNT(*) FROM members').fetchone()[0]} rows")
    raw.close()
    db.close()


if __name__ == "__main__":
    main()
