"""A till selling beside long work, for the benches that measure how long a checkout
waits while the jobs, the analytics refresh or a backup run (``checkout_p99_during_*``).

:func:`till_on_copy` opens a copy of a bench shop file, logs the report data's staff
in, warms the checkout up and times ``quiet`` checkouts with nothing else running;
:meth:`Till.during` runs the work in a thread and times checkouts (one every 50 ms)
until it is over.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from memberdesk.db import Database
from memberdesk.models import Member
from memberdesk.models.enums import TenderKind
from memberdesk.money import Money
from memberdesk.paths import DataPaths
from memberdesk.services.checkout.cart import CartLine, CartRequest, quote
from memberdesk.services.staff.accounts import login
from tests.checkout_support.kit import World

from . import report_data

Tenders = list[tuple[TenderKind, str]]


def _world(db: Database) -> tuple[World, list[CartLine], Tenders]:
    actors = {u: login(db, u, p) for u, p in report_data.PASSWORDS.items()}
    w = World(db, actors["owner"], actors["manager"], actors["cashier"])
    with db.reader() as uow:
        w.members = {k: int(uow.session.scalar(select(Member.id).where(Member.phone == p)) or 0)
                     for k, p in (("alice", "13800000001"), ("bob", "13800000002"))}
    lines = [CartLine(product="COLA", qty=2), CartLine(product="CHIPS"), CartLine(product="BEER")]
    payable = quote(db, w.cashier, CartRequest(tuple(lines), w.members["bob"])).payable
    cash = payable - Money.parse("10.00")
    return w, lines, [(TenderKind.WECHAT, "10.00"), (TenderKind.CASH, cash.yuan())]


def _checkouts(w: World, lines: list[CartLine], tenders: Tenders,
               until: threading.Event | None, count: int) -> list[float]:
    out: list[float] = []
    while (until is None and len(out) < count) or (until is not None and not until.is_set()):
        t0 = time.perf_counter()
        w.sell(lines, tenders, member="bob")
        out.append((time.perf_counter() - t0) * 1000)
        time.sleep(0.05)
    return out


@dataclass(frozen=True)
class Beside:
    """What :meth:`Till.during` measured: the work's result, its wall and thread CPU
    seconds, and each checkout's milliseconds while it ran."""

    result: Any
    s: float
    cpu: float
    busy: list[float]


@dataclass
class Till:
    db: Database
    w: World
    lines: list[CartLine]
    tenders: Tenders
    quiet: list[float]  # checkout ms with nothing else running

    def during(self, work: Callable[[], Any]) -> Beside:
        done = threading.Event()
        out: dict[str, Any] = {}

        def run() -> None:
            t0, cpu0 = time.perf_counter(), time.thread_time()
            try:
                out["result"] = work()
            finally:
                out["s"] = time.perf_counter() - t0
                out["cpu"] = time.thread_time() - cpu0
                done.set()

        thread = threading.Thread(target=run)
        thread.start()
        busy = _checkouts(self.w, self.lines, self.tenders, done, 0)
        thread.join()
        if "result" not in out:
            raise RuntimeError("the work beside the till failed (its error is printed above)")
        return Beside(out["result"], out["s"], out["cpu"], busy)


@contextmanager
def till_on_copy(path: Path, quiet: int = 100) -> Iterator[Till]:
    with tempfile.TemporaryDirectory(prefix="md-bench-", dir=path.parent) as tmp:
        paths = DataPaths(Path(tmp) / "data").ensure()
        shutil.copyfile(path, paths.database)
        db = Database.open(paths)
        try:
            w, lines, tenders = _world(db)
            _checkouts(w, lines, tenders, None, 20)  # warm up
            yield Till(db, w, lines, tenders, _checkouts(w, lines, tenders, None, quiet))
        finally:
            db.close()
