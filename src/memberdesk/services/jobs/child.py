"""Long work beside the counter in a child process: the till's daily jobs and the 分析
page's refresh (:func:`run_in_child`).

Why a process and not the long-job thread: a thread shares the interpreter's lock with
the counter. The analytics refresh at a million members is ~15 s of Python; beside
it, every statement a checkout sends waited for the lock again (up to the switch
interval each, ~30 statements a checkout) and now and then for a collection or a long
C call of the refresh. Measured with the 1,000,000-member bench shop
(``tests/bench/bench_analytics.py``): checkout p99 beside the refresh in a thread
97 ms (median of three quiet runs, stop 28), in a child process see
``docs/ARCHITECTURE.md``. The child has its own interpreter (and memory, returned
when it ends); the database is the same file or server, so SQLite's lock and the
jobs' short batches are what a checkout meets, as before.

The child opens the parent's database afresh (the same SQLite file, or the same
server URL and store), with the parent's audit keyring and its clock: a moving clock
that starts at the parent's :func:`.clock.now` (tests and the demo freeze that clock;
the child sees the same instant). Progress goes up a pipe (``step``); a ``step`` that
returns False sets an event the child's own ``step`` reads, so cancelling works as in
a thread. A target that takes a ``step`` is always given one in the child: it stops
the work at the next batch once the parent is gone (a till killed or crashed leaves no
orphan running the jobs beside the next start's own). A user error raised in the child is raised again in the parent as the same
class with the same code and parameters; any other failure as :class:`ChildFailed`
with the child's traceback, which the child also wrote to the shop's log. When the
app quits, the child (a daemon) is ended with it; a job cut short is not recorded and
does the rest at the next run (:mod:`.runner`).

A database with no data directory (a test's in-memory engine) runs the work in the
calling thread, as does :data:`IN_PROCESS` (the benchmarks' comparison).
"""

from __future__ import annotations

import importlib
import inspect
import logging
import multiprocessing
import os
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, TypeVar

from memberdesk.db import Database
from memberdesk.services.shared import clock
from memberdesk.services.shared.errors import UserError

log = logging.getLogger(__name__)

Step = Callable[[int, int], bool]
R = TypeVar("R")
IN_PROCESS = False  # True: every call runs in the calling thread
POLL_S = 0.2  # how often the parent looks whether the child is still alive


class ChildFailed(RuntimeError):
    """The work failed in the child with something other than a user error (a bug,
    the disk): the child's traceback is the message."""


@dataclass(frozen=True)
class Opening:
    """What the child needs to open the parent's database."""

    root: str  # the data directory
    url: str | None  # the server's URL (网络版), None: the data directory's SQLite file
    store: str | None
    keyring: Any


def opening(db: Database) -> Opening | None:
    """How a child opens ``db``; None when it cannot (no data directory, in memory)."""
    if db.paths is None or db.unchecked_url is not None:
        return None
    if db.engine.dialect.name == "sqlite":
        name = db.engine.url.database
        if not name or name == ":memory:" or Path(name).resolve() != db.paths.database.resolve():
            return None
        return Opening(str(db.paths.root), None, db.store, db.keyring)
    return Opening(str(db.paths.root), db.engine.url.render_as_string(hide_password=False),
                   db.store, db.keyring)


def _target(name: str) -> Callable[..., Any]:
    module, _, attr = name.partition(":")
    fn: Callable[..., Any] = getattr(importlib.import_module(module), attr)
    return fn


def run_in_child(db: Database, target: Callable[..., R], *args: Any,
                 step: Step | None = None) -> R:
    """``target(db, *args[, step=...])`` (a module-level function) in a child process,
    its result returned here. ``step`` is called here as the child reports progress;
    ``args`` and the result must pickle."""
    spec = None if IN_PROCESS else opening(db)
    if spec is None:
        kw = {"step": step} if step is not None else {}
        return target(db, *args, **kw)
    name = f"{target.__module__}:{target.__qualname__}"
    ctx = multiprocessing.get_context("spawn")  # never fork a process that runs Qt
    receive, send = ctx.Pipe(duplex=False)
    cancel = ctx.Event()
    child = ctx.Process(target=_child_main, name=f"memberdesk {name}", daemon=True,
                        args=(spec, clock.now(), name, args, step is not None, send, cancel))
    started = time.monotonic()
    child.start()
    send.close()  # the child's end: EOF here once the child is gone
    try:
        result: R = _follow(child, receive, step, cancel)
        log.info("%s ran in a child process (pid %s) in %.1f s", target.__qualname__,
                 child.pid, time.monotonic() - started)
        return result
    finally:
        receive.close()
        child.join(5)
        if child.is_alive():
            child.terminate()
            child.join()


def _follow(child: Any, receive: Connection, step: Step | None, cancel: Any) -> Any:
    while True:
        if not receive.poll(POLL_S):
            if child.is_alive():
                continue
            if not receive.poll(0):  # gone without a word (killed, a crash)
                raise _ended(child)
        try:
            kind, *rest = receive.recv()
        except EOFError:
            raise _ended(child) from None
        if kind == "step":
            if step is not None and not step(rest[0], rest[1]):
                cancel.set()
        elif kind == "done":
            return rest[0]
        elif kind == "user_error":
            raise rest[0]
        else:
            raise ChildFailed(rest[0])


def _ended(child: Any) -> ChildFailed:
    child.join(5)
    return ChildFailed(f"the child process ended with code {child.exitcode}")


def _child_main(spec: Opening, parent_now: datetime, target: str, args: tuple[Any, ...],
                steps: bool, send: Connection, cancel: Any) -> None:
    """The child: open the database, run ``target`` on the parent's clock, say how it
    ended."""
    from memberdesk.db.engine import make_engine
    from memberdesk.domain import shoptime
    from memberdesk.logsetup import enable_fault_log, setup_logging
    from memberdesk.paths import DataPaths

    paths = DataPaths(Path(spec.root))
    setup_logging(paths.logs)
    enable_fault_log(paths.logs)
    started = time.monotonic()  # elapsed time, not a date: the clock below is the shop's
    db: Database | None = None
    try:
        if spec.url is None:
            engine = make_engine(paths.database)
        else:
            from memberdesk.db.postgres import make_pg_engine

            engine = make_pg_engine(spec.url)
        db = Database(engine, paths, spec.keyring, spec.store)

        parent = multiprocessing.parent_process()

        def child_step(done: int, total: int) -> bool:
            if parent is not None and not parent.is_alive():
                log.warning("%s stopped: the program that started it is gone", target)
                return False  # (a till killed or crashed: the next run does the rest)
            if steps:
                send.send(("step", done, total))
            return not cancel.is_set()

        fn = _target(target)
        kw = {"step": child_step} if steps or "step" in inspect.signature(fn).parameters else {}
        with shoptime.frozen(lambda: parent_now + timedelta(seconds=time.monotonic() - started)):
            result = fn(db, *args, **kw)
        send.send(("done", result))
    except UserError as exc:
        send.send(("user_error", exc))
    except BaseException:
        text = traceback.format_exc()
        log.error("%s failed in its child process (pid %d):\n%s", target, os.getpid(), text)
        send.send(("error", text))
    finally:
        if db is not None:
            db.close()
        send.close()
