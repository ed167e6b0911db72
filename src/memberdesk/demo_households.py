"""The demo's households (``memberdesk/demo.py``): members who buy the same two products
every 4 to 7 days, so the counter's suggestions show on the demo shop: half of them
stop a gap before today (due for both products: 推荐), and the pairs they buy are
bought together far more often than chance (常一起买). Drawn from a random generator
of their own, so the rest of the simulation is the same as without them."""

from __future__ import annotations

import random
from collections.abc import Collection, Sequence

HOUSEHOLD_SHARE = 0.05  # of the members
# milk and biscuits, noodles and cola, crisps and beer, toothpaste and soap
HOUSEHOLD_BASKETS = (("1006", "2002"), ("2005", "1001"), ("2001", "1004"), ("3003", "3002"))

Visits = dict[int, list[tuple[int, tuple[str, ...]]]]  # trading day -> (member, codes)


def household_visits(member_ids: Sequence[int], smokers: Collection[int], rng: random.Random,
                     days: int, min_days: int) -> Visits:
    """Per trading day (0 = the first), the households coming and what they buy: none
    of them a regular smoker, none with fewer than ``min_days`` days of trading."""
    others = [m for m in member_ids if m not in smokers]
    count = max(1, round(len(member_ids) * HOUSEHOLD_SHARE))
    visits: Visits = {}
    if days < min_days or len(others) < count:
        return visits
    for n, member_id in enumerate(rng.sample(others, k=count)):
        gap, basket = rng.choice((4, 5, 6, 7)), rng.choice(HOUSEHOLD_BASKETS)
        day, last = rng.randrange(gap), days - gap if n % 2 == 0 else days - 1
        while day <= last:  # the last visit a gap before today: due today
            visits.setdefault(day, []).append((member_id, basket))
            day += gap
    return visits
