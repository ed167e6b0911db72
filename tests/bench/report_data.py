"""Two years of trading for the report benchmarks, bulk-generated with raw sqlite3.

The shop, its staff, the kit's products and members and their open shifts are made
through the real services (so a checkout works on the file); the history — members,
products, shifts with counts, sales with lines, discounts and tenders, stored value
and points ledgers with lots, recharges, refunds and a sealed day close for every
day but the last — is inserted with ``executemany`` in one transaction. The ledgers
are consistent (cached balances equal their entries, tenders and lines add up to
payable), so ``db check`` and the backup's verification pass on the file.

Files are cached under ``build/bench/`` by size and schema revision.
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import json
import random
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from memberdesk.db import Database, make_engine
from memberdesk.db.migrate import head_revision, open_database
from memberdesk.models.enums import Role
from memberdesk.services.shop.setup import init_shop
from memberdesk.services.staff import accounts as staff_svc
from tests.checkout_support.kit import build_world

from .member_plan import Plan, bulk_members, member_plan
from .report_columns import COLUMNS

ROOT = Path(__file__).resolve().parents[2]
GENERATOR = "v2"  # bump when the generated data changes (v2: members join and drop out)
DAYS = 730
OFFSET = timedelta(hours=8)  # the shop's default time zone (UTC+8)
PASSWORDS = {"owner": "owner-pass", "manager": "manager-pass", "cashier": "cashier-pass"}
PRODUCTS = 2000
REPEAT_SHARE = 0.25  # of the lines, bought by regular buyers (``regulars``)
TENDER_MIX = (("cash", 35), ("wechat", 25), ("alipay", 20), ("bank_card", 10),
              ("stored_value", 10))  # fmt: skip
TENDERS = [k for k, _ in TENDER_MIX]
TENDER_CUMULATIVE = list(itertools.accumulate(w / 100 for _, w in TENDER_MIX))[:-1]


def cache_path(lines: int, members: int, regulars: bool = False) -> Path:
    kind = "-regulars" if regulars else ""
    name = f"reports-{lines}-{members}-{GENERATOR}{kind}-{head_revision()}.sqlite3"
    return ROOT / "build" / "bench" / name


def stamp(local: datetime) -> str:
    """A shop-local wall time as the UTC text SQLAlchemy stores."""
    return (local - OFFSET).strftime("%Y-%m-%d %H:%M:%S.%f")


@dataclass
class Ids:
    """The next id of each table (explicit ids keep references cheap)."""

    next: dict[str, int] = field(default_factory=dict)

    def take(self, table: str) -> int:
        n = self.next[table]
        self.next[table] = n + 1
        return n

    def last(self, table: str) -> int:
        return self.next[table] - 1


@dataclass
class Member:
    principal: int = 0
    bonus: int = 0
    points: int = 0


class Generator:
    def __init__(self, raw: sqlite3.Connection, lines: int, plan: Plan, first_member: int,
                 rng: random.Random, regulars: bool = False) -> None:
        self.raw = raw
        self.rng = rng
        self.lines_per_day = lines / DAYS
        self.plan = plan
        self.members = {i: Member() for i in range(first_member, first_member + len(plan.joined))}
        self.member_ids = list(self.members)
        tables = ("sales", "sale_lines", "sale_discounts", "tenders", "stored_value_entries",
                  "points_entries", "points_lots", "recharges", "refunds", "refund_lines",
                  "refund_tenders", "shifts", "shift_counts", "day_closes")
        self.ids = Ids({t: (raw.execute(f"SELECT COALESCE(MAX(id), 0) FROM {t}").fetchone()[0]
                            + 1) for t in tables})
        self.products = raw.execute("SELECT id, code, name, price FROM products").fetchall()
        self.rows: dict[str, list[tuple[object, ...]]] = {t: [] for t in tables}
        self.sv_total = [0, 0]
        self.points_total = 0
        self.refunded: list[tuple[int, list[int], int]] = []
        # regular buyers (``regulars``): day ordinal -> (member, product index) visits
        self.visits: dict[int, list[tuple[int, int]]] = {}
        if regulars:
            self._plan_regulars(lines)

    def _plan_regulars(self, lines: int) -> None:
        """Members buying one product every 7-30 days (+-20%, with 0-2 other products)
        for 60 days to the whole history, some stopping early (so some are due)."""
        rng = random.Random(7)
        last = ((datetime.now(UTC) + OFFSET).date() - timedelta(days=1)).toordinal()
        planned = 0
        while planned < lines * REPEAT_SHARE:
            i, product = rng.randrange(len(self.member_ids)), rng.randrange(len(self.products))
            member = self.member_ids[i]
            every = rng.randint(7, 30)
            day = max(last - rng.randint(60, DAYS), self.plan.joined[i])
            end = min(last, day + rng.randint(60, DAYS), self.plan.gone[i])
            while day < end:
                self.visits.setdefault(day, []).append((member, product))
                planned += 2
                day += max(1, round(every * rng.uniform(0.8, 1.2)))

    def coming(self, d: date) -> int | None:
        """A member still coming on ``d`` (:meth:`.Plan.pick`), or None: a walk-in."""
        i = self.plan.pick(self.rng, d.toordinal())
        return None if i is None else self.member_ids[i]

    # -- one day -------------------------------------------------------------
    def day(self, d: date, close: bool) -> None:
        rng = self.rng
        target = int(self.lines_per_day * rng.uniform(0.8, 1.2))
        shifts = [self._shift(d, staff, start, end) for staff, start, end in
                  ((3, 8, 15), (2, 15, 22))]  # fmt: skip
        taken: dict[int, dict[str, int]] = {s: {} for s in shifts}
        made, n_sale = 0, 0
        refundable: list[tuple[int, str, int, list[int], int, datetime]] = []
        for member_id, product in self.visits.pop(d.toordinal(), []):
            n_sale += 1
            at = datetime.combine(d, datetime.min.time()) + timedelta(
                seconds=8 * 3600 + rng.randrange(14 * 3600))
            k = rng.randint(1, 3)
            self._sale(d, at, n_sale, shifts[0] if at.hour < 15 else shifts[1], k,
                       taken[shifts[0] if at.hour < 15 else shifts[1]], (member_id, product))
            made += k
        while made < target:
            n_sale += 1
            at = datetime.combine(d, datetime.min.time()) + timedelta(
                seconds=8 * 3600 + (14 * 3600 * made) // target)
            shift = shifts[0] if at.hour < 15 else shifts[1]
            k = min(rng.randint(1, 5), target - made)
            sale = self._sale(d, at, n_sale, shift, k, taken[shift])
            if sale is not None:
                refundable.append(sale)
            made += k
        for i in range(rng.randint(30, 50)):
            at = datetime.combine(d, datetime.min.time()) + timedelta(minutes=480 + i * 17)
            self._recharge(d, at, i + 1, shifts[0] if at.hour < 15 else shifts[1],
                           taken[shifts[0] if at.hour < 15 else shifts[1]])
        for i, (sale_id, kind, amount, line_ids, shift, at) in enumerate(
                rng.sample(refundable, min(5, len(refundable)))):
            self._refund(d, at + timedelta(minutes=30), i + 1, sale_id, kind, amount, line_ids,
                         shift, taken[shift])
        for s in shifts:
            for kind in ("cash", "wechat", "alipay", "bank_card"):
                exp = taken[s].get(kind, 0) + (20000 if kind == "cash" else 0)
                self.rows["shift_counts"].append((self.ids.take("shift_counts"), s, kind, exp,
                                                  exp, 0))
        if close:
            self._close(d)
        self.flush()

    def _shift(self, d: date, staff: int, start: int, end: int) -> int:
        sid = self.ids.take("shifts")
        opened = datetime.combine(d, datetime.min.time()) + timedelta(hours=start)
        self.rows["shifts"].append((
            sid, f"B{d:%Y%m%d}-{staff:03d}", staff, "verified", 20000, 0, stamp(opened),
            stamp(opened + timedelta(hours=end - start)), staff, 1, "", STORE))
        return sid

    def _sale(self, d: date, at: datetime, n: int, shift: int, k: int, taken: dict[str, int],
              regular: tuple[int, int] | None = None,
              ) -> tuple[int, str, int, list[int], int, datetime] | None:
        rng, sid = self.rng, self.ids.take("sales")
        if regular is not None:
            member_id: int | None = regular[0]
        else:
            member_id = self.coming(d) if rng.random() < 0.4 else None
        gross = disc = 0
        line_ids = []
        for no in range(1, k + 1):
            pid, _code, name, price = self.products[
                regular[1] if regular is not None and no == 1
                else rng.randrange(len(self.products))]
            qty = 1 if rng.random() < 0.8 else rng.randint(2, 3)
            g = price * qty
            dsc = g * 5 // 100 if member_id else 0
            lid = self.ids.take("sale_lines")
            line_ids.append(lid)
            self.rows["sale_lines"].append((lid, sid, no, pid, name, qty, price, g, dsc, g - dsc,
                                            0, 0))
            gross, disc = gross + g, disc + dsc
        payable = gross - disc
        kind = TENDERS[bisect.bisect(TENDER_CUMULATIVE, rng.random())]
        m = self.members.get(member_id or 0)
        sv_p = sv_b = 0
        if kind == "stored_value" and (m is None or m.principal + m.bonus < payable):
            kind = "cash"
        if kind == "stored_value" and m is not None and member_id is not None:
            sv_b = min(m.bonus, payable)
            sv_p = payable - sv_b
            m.bonus -= sv_b
            m.principal -= sv_p
            self._sv(member_id, "spend", -sv_p, -sv_b, m, at, sale_id=sid)
        points = payable // 100 if member_id else 0
        if m is not None and member_id is not None and points:
            m.points += points
            self._points(member_id, points, m, at, d, sale_id=sid)
        staff = 3 if at.hour < 15 else 2
        self.rows["sales"].append((
            sid, f"S{d:%Y%m%d}-{n:04d}", f"b{sid:012d}", f"{sid:064x}", member_id, staff, shift,
            None, "completed", d.isoformat(), gross, disc, payable, 0, points, 0, "{}",
            stamp(at), STORE))
        if disc:
            self.rows["sale_discounts"].append((self.ids.take("sale_discounts"), sid, "tier",
                                                disc, None, "会员折扣"))
        self.rows["tenders"].append((self.ids.take("tenders"), sid, kind, payable,
                                     payable if kind == "cash" else None, "", sv_p, sv_b, 0,
                                     None))
        taken[kind] = taken.get(kind, 0) + payable
        if member_id is None and kind in ("cash", "wechat") and payable:
            return sid, kind, payable, line_ids, shift, at
        return None

    def _sv(self, member_id: int, kind: str, p: int, b: int, m: Member, at: datetime,
            **refs: int) -> None:
        self.sv_total[0] += p
        self.sv_total[1] += b
        self.rows["stored_value_entries"].append((
            self.ids.take("stored_value_entries"), member_id, kind, p, b, m.principal, m.bonus,
            refs.get("sale_id"), refs.get("recharge_id"), None, 3, "", stamp(at)))

    def _points(self, member_id: int, points: int, m: Member, at: datetime, d: date,
                **refs: int) -> None:
        self.points_total += points
        eid = self.ids.take("points_entries")
        self.rows["points_entries"].append((
            eid, member_id, "earn", points, m.points, refs.get("sale_id"), None, None, 3, "",
            stamp(at)))
        self.rows["points_lots"].append((self.ids.take("points_lots"), member_id, eid, points,
                                         points, (d + timedelta(days=365)).isoformat()))

    def _recharge(self, d: date, at: datetime, n: int, shift: int, taken: dict[str, int]) -> None:
        rng = self.rng
        member_id = self.coming(d)
        if member_id is None:
            return
        rid = self.ids.take("recharges")
        m = self.members[member_id]
        amount = rng.choice((10000, 20000, 30000, 50000, 100000))
        bonus = amount // 10 if amount >= 50000 else 0
        kind = "cash" if rng.random() < 0.5 else "wechat"
        m.principal += amount
        m.bonus += bonus
        self._sv(member_id, "recharge", amount, bonus, m, at, recharge_id=rid)
        self.rows["recharges"].append((
            rid, f"C{d:%Y%m%d}-{n:04d}", f"r{rid:012d}", f"{rid:064x}", member_id,
            3 if at.hour < 15 else 2, shift, amount, bonus, 0, kind, "", None, "completed",
            d.isoformat(), "{}", stamp(at)))
        taken[kind] = taken.get(kind, 0) + amount

    def _refund(self, d: date, at: datetime, n: int, sale_id: int, kind: str, amount: int,
                line_ids: list[int], shift: int, taken: dict[str, int]) -> None:
        rid = self.ids.take("refunds")
        self.rows["refunds"].append((
            rid, f"R{d:%Y%m%d}-{n:04d}", f"f{rid:012d}", "sale", sale_id, None, None, 2, 2,
            shift, "顾客退货", amount, d.isoformat(), stamp(at)))
        self.rows["refund_tenders"].append((self.ids.take("refund_tenders"), rid, kind, amount,
                                            0, 0, 0, ""))
        self.refunded.append((sale_id, line_ids, rid))  # lines marked refunded at flush
        taken[kind] = taken.get(kind, 0) - amount

    def _close(self, d: date) -> None:
        cid = self.ids.take("day_closes")
        marks = {"sale": self.ids.last("sales"), "refund": self.ids.last("refunds"),
                 "recharge": self.ids.last("recharges"),
                 "sv_entry": self.ids.last("stored_value_entries"),
                 "points_entry": self.ids.last("points_entries"), "coupon_event": 0,
                 "member": self.member_ids[0] - 1 + bisect.bisect_right(self.plan.joined,
                                                                        d.toordinal())}
        text = json.dumps({"watermarks": marks, "sv_close_principal": self.sv_total[0],
                           "sv_close_bonus": self.sv_total[1],
                           "points_close": self.points_total}, sort_keys=True)
        closed = datetime.combine(d, datetime.min.time()) + timedelta(hours=22, minutes=30)
        self.rows["day_closes"].append((
            cid, cid, d.isoformat(), 1, stamp(closed), marks["sale"], marks["refund"],
            marks["recharge"], text, hashlib.sha256(text.encode()).hexdigest(), STORE))

    # -- writing -------------------------------------------------------------
    def flush(self) -> None:
        for table, rows in self.rows.items():
            if rows:
                marks = ",".join("?" * len(rows[0]))
                cols = COLUMNS.get(table)
                self.raw.executemany(f"INSERT INTO {table} ({cols}) VALUES ({marks})", rows)
                rows.clear()
        for sale_id, line_ids, rid in self.refunded:
            self.raw.execute("UPDATE sales SET status = 'refunded' WHERE id = ?", (sale_id,))
            for lid in line_ids:
                qty, net = self.raw.execute("SELECT qty, net_amount FROM sale_lines WHERE id = ?",
                                            (lid,)).fetchone()
                self.raw.execute("UPDATE sale_lines SET refunded_qty = qty WHERE id = ?", (lid,))
                self.raw.execute("INSERT INTO refund_lines (refund_id, sale_line_id, qty, amount)"
                                 " VALUES (?, ?, ?, ?)", (rid, lid, qty, net))
        self.refunded.clear()

    def finish(self) -> None:
        self.raw.executemany(
            "UPDATE members SET sv_principal = ?, sv_bonus = ?, points_balance = ? WHERE id = ?",
            ((m.principal, m.bonus, m.points, i) for i, m in self.members.items()
             if m.principal or m.bonus or m.points))


STORE = 1  # the shop file's one store (migration 0018's default, the first row)



def _services_part(path: Path) -> None:
    open_database(path, path.parent / "backups").dispose()
    db = Database(make_engine(path))
    owner = init_shop(db, shop_name="基准测试店", owner_username="owner",
                      owner_display_name="老板", owner_password=PASSWORDS["owner"])
    for user, name, role in (("manager", "李店长", Role.MANAGER), ("cashier", "张收银", Role.CASHIER)):
        staff_svc.create_staff(db, owner, username=user, display_name=name, role=role,
                               password=PASSWORDS[user])
    staff = {u: staff_svc.login(db, u, p) for u, p in PASSWORDS.items()}
    build_world(db, staff)  # categories, the kit's products and members, open shifts
    db.close()


def plan_of(members: int, last: date) -> Plan:
    """The members' plan of a file of ``members`` whose history ends on ``last`` (the
    same each time: a bench adding days to a built file picks from the same members)."""
    return member_plan(members, last, DAYS, stamp, random.Random(20261205))


def days_until(last: date) -> Iterator[date]:
    for k in range(DAYS - 1, -1, -1):
        yield last - timedelta(days=k)


def build(path: Path, lines: int, members: int, regulars: bool = False) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".building")
    for p in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        p.unlink(missing_ok=True)
    started = time.perf_counter()
    _services_part(tmp)
    raw = sqlite3.connect(tmp, isolation_level=None)
    # A file being built: no journal, one exclusive lock (three times faster than WAL).
    raw.execute("PRAGMA journal_mode = OFF")
    raw.execute("PRAGMA locking_mode = EXCLUSIVE")
    raw.execute("PRAGMA synchronous = OFF")
    raw.execute("PRAGMA cache_size = -1000000")
    raw.execute("BEGIN")
    last = (datetime.now(UTC) + OFFSET).date() - timedelta(days=1)
    plan = plan_of(members, last)
    gen = Generator(raw, lines, plan, bulk_members(raw, plan, PRODUCTS), random.Random(20261124),
                    regulars)
    for i, d in enumerate(days_until(last)):
        gen.day(d, close=d < last)
        if i % 100 == 99:
            print(f"# generated {i + 1} days in {time.perf_counter() - started:.0f} s", flush=True)
    gen.finish()
    raw.execute("COMMIT")
    raw.close()
    raw = sqlite3.connect(tmp)
    raw.execute("PRAGMA journal_mode = WAL")  # as the application keeps it
    raw.execute("ANALYZE")
    raw.close()
    tmp.replace(path)
    print(f"# built {path.name} ({path.stat().st_size / 1e9:.2f} GB) in "
          f"{time.perf_counter() - started:.0f} s", flush=True)


def ensure(lines: int, members: int, regulars: bool = False) -> Path:
    """The cached file; ``regulars``: about a quarter of the lines bought by members
    coming back for one product every 7-30 days (the recommendations bench)."""
    path = cache_path(lines, members, regulars)
    if not path.exists():
        print(f"# building {lines:,} sale lines over {DAYS} days in {path} (once)", flush=True)
        build(path, lines, members, regulars)
    return path
