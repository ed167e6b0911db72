"""Short write transactions for the daily jobs that move members one by one (tier
evaluation, birthday gifts): the members to look at are found first in a read
transaction (no write lock), then handled in batches, each its own unit of work,
closed after :data:`BUDGET_MS` of work or :data:`MAX_MEMBERS` members, whichever
comes first, so a checkout waiting for the write lock waits at most about one
budget. Each batch writes one audit row naming what it did (``audit_batch``): the
audit row, with its chain and the tip setting, costs more than the member's own
rows, so one per member would take most of the budget. Between batches the lock is
left free for as long as the batch held it (at most :data:`PAUSE_MS`): without that
pause a checkout waiting in SQLite's busy handler kept waking into the next batch
(measured on the 100,000-member bench shop, a loaded 2-core machine: checkout p99
623 ms, max 796 ms during the jobs; with it p99 82 ms, max 149 ms; alone p99 36 ms)."""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TypeVar

from sqlalchemy.orm import Session

from memberdesk.db import Database

T = TypeVar("T")
R = TypeVar("R")

BUDGET_MS = 10.0
MAX_MEMBERS = 200
PAUSE_MS = 100.0


def _elapsed_ms(since: float) -> float:
    return (time.monotonic() - since) * 1000  # a duration, not a date: not the shop clock


def run_batches(
    db: Database,
    items: Sequence[T],
    work: Callable[[Session, T], R | None],
    *,
    audit_batch: Callable[[Session, list[R]], None] | None = None,
    step: Callable[[int, int], bool] | None = None,
    budget_ms: float | None = None,
    max_members: int | None = None,
) -> tuple[int, bool]:
    """``work(session, item)`` for each item, in short units of work; what it returns
    (None: nothing done) is handed to ``audit_batch(session, results)`` at the end of
    each batch that did something, in its transaction. Returns (items done, cancelled): ``step(done, total)`` after each batch; False stops there (what
    was done stays done)."""
    budget = BUDGET_MS if budget_ms is None else budget_ms
    cap = max_members or MAX_MEMBERS
    done = 0
    while done < len(items):
        with db.uow() as uow:
            uow.session.connection()  # BEGIN IMMEDIATE: any wait for the lock is here
            started = time.monotonic()  # the budget and the pause count the lock held
            n = 0
            results: list[R] = []
            while done + n < len(items):
                result = work(uow.session, items[done + n])
                if result is not None:
                    results.append(result)
                n += 1
                if n >= cap or _elapsed_ms(started) >= budget:
                    break
            if results and audit_batch is not None:
                audit_batch(uow.session, results)
            uow.commit()
        done += n
        if done < len(items):
            # Leave the lock free as long as the batch held it (at most PAUSE_MS): a
            # checkout waiting in SQLite's busy handler sleeps in growing steps and
            # would otherwise find the next batch holding the lock each time it wakes.
            time.sleep(min(_elapsed_ms(started), PAUSE_MS) / 1000)
        if step is not None and not step(done, len(items)):
            return done, True
    return done, False


SWITCH_S = 0.0005  # how long a job's thread may keep the interpreter (default 5 ms)
FULL_GC_AFTER = 1_000_000  # young collections before a full one while a job runs (default 10)


@contextmanager
def sharing_the_interpreter() -> Iterator[None]:
    """While a long job runs beside the counter in one process (the long-job worker,
    the benches' threads), let the interpreter switch threads every :data:`SWITCH_S`
    instead of every 5 ms: a checkout waiting to go on after each database call would
    otherwise wait up to 5 ms a time for the job's Python loops (the tail of its
    latency). And put off the garbage collector's full collections
    (:data:`FULL_GC_AFTER`): one walks every object of the process holding the
    interpreter, and the analytics refresh keeps millions (a figure per member): at
    100,000 members each took 0.5-0.8 s, the counter's thread stopped meanwhile; the
    young collections go on (they free the cycles the checkouts leave), and what is left
    for a full one is collected after the job. The old interval and thresholds come back
    at the end."""
    before = sys.getswitchinterval()
    thresholds = gc.get_threshold()
    sys.setswitchinterval(min(before, SWITCH_S))
    gc.set_threshold(thresholds[0], thresholds[1], max(thresholds[2], FULL_GC_AFTER))
    try:
        yield
    finally:
        sys.setswitchinterval(before)
        gc.set_threshold(*thresholds)
