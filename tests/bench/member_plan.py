"""The members of the report benchmarks' shop (``report_data``): when each registered
and when each stops coming."""

from __future__ import annotations

import bisect
import random
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

MEMBERS_BEFORE = 0.25  # of the members, registered before the history's first day
STAYING = 0.5  # of the members, never drop out; the others after LIFETIME_DAYS on average
LIFETIME_DAYS = 240
PICKS = 8  # tries at a member still coming before a member sale goes to a walk-in


@dataclass(frozen=True)
class Plan:
    """When each member (by index, in id order) registered and stops coming (day
    ordinals; ``gone`` past the history for those who stay): a real shop's members join
    over the years, in member-number order, and many stop coming after a while."""

    joined: list[int]
    gone: list[int]
    created: list[str]  # created_at as stored

    def pick(self, rng: random.Random, day: int) -> int | None:
        """A member (index) registered by ``day`` who has not stopped coming, picked at
        random; None after :data:`PICKS` tries."""
        joined = bisect.bisect_right(self.joined, day)
        for _ in range(PICKS if joined else 0):
            i = rng.randrange(joined)
            if self.gone[i] > day:
                return i
        return None


def member_plan(n: int, last: date, days_: int, stamp: Callable[[datetime], str],
                rng: random.Random) -> Plan:
    """``n`` members over a history of ``days_`` days to ``last``."""
    first = (last - timedelta(days=days_ - 1)).toordinal()
    days = sorted(first - rng.randrange(1, 730) if rng.random() < MEMBERS_BEFORE
                  else rng.randrange(first, last.toordinal() + 1) for _ in range(n))
    gone = [d + 1 + int(rng.expovariate(1 / LIFETIME_DAYS)) if rng.random() >= STAYING
            else last.toordinal() + 1 for d in days]
    created = [stamp(datetime.combine(date.fromordinal(d), datetime.min.time())
                     + timedelta(seconds=8 * 3600 + rng.randrange(14 * 3600))) for d in days]
    return Plan([max(d, first) for d in days], gone, created)


def bulk_members(raw: sqlite3.Connection, plan: Plan, products: int) -> int:
    """The plan's members and ``products`` products, inserted; the first member's id."""
    first = raw.execute("SELECT MAX(id) FROM members").fetchone()[0] + 1
    tier = raw.execute("SELECT id FROM tiers ORDER BY rank LIMIT 1").fetchone()[0]
    raw.executemany(
        "INSERT INTO members (id, member_no, phone, phone_last4, name, name_pinyin, "
        "name_initials, gender, tags, notes, marketing_consent, status, tier_id, sv_principal, "
        "sv_bonus, points_balance, total_spent, visit_count, payment_password_failures, "
        "created_at, updated_at) VALUES "
        "(?, ?, ?, ?, ?, 'huiyuan', 'hy', 'unknown', '', '', 0, 'active', ?, 0, 0, 0, 0, 0, 0, "
        "?, ?)",
        ((first + i, f"B{i:07d}", f"139{i:08d}", f"{i:08d}"[-4:], f"会员{i}", tier, at, at)
         for i, at in enumerate(plan.created)))
    cats = [r[0] for r in raw.execute("SELECT id FROM categories")]
    rng = random.Random(5)
    raw.executemany(
        "INSERT INTO products (code, barcode, name, name_initials, category_id, price, unit, "
        "points_ratio_permille, is_service, discountable, active) "
        "VALUES (?, NULL, ?, '', ?, ?, '件', 1000, 0, 1, 1)",
        ((f"P{i:05d}", f"商品{i:05d} {rng.choice('红黄蓝绿白')}色装", rng.choice(cats),
          rng.randint(100, 9900)) for i in range(products)))
    return int(first)
