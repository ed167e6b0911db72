"""The pace of a background job that writes many rows in short transactions (the
analytics refresh, its aggregates and recommendations, the scores of imported members):
after each write the lock is left free as long as the write held it, at least
:data:`PAUSE_S`. SQLite's lock is not fair: a job that took it again at once would
starve a checkout polling for it in SQLite's busy handler, which sleeps in growing
steps. The pause is owed, not slept at once: the job reads and works out its next
batch meanwhile and waits only for what is left of it when it comes to write again.

The writes go through one :class:`~memberdesk.db.batch_writer.BatchWriter`: its WAL
checkpoint runs in the pause (not inside the commit, where it was counted as lock held
and paused for again) and its commits do not wait for the disk (the rows are derived
and worked out again if a power cut takes them back; see that module).

    with Pacer(db) as pace:
        for batch in batches:
            with pace.write() as uow:
                ...
                uow.commit()
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import Self

from memberdesk.db import Database, UnitOfWork
from memberdesk.db.batch_writer import BatchWriter

PAUSE_S = 0.01  # the least pause after a write


class Pacer:
    def __init__(self, db: Database, least: float | None = None) -> None:
        self._db = db
        self._least = PAUSE_S if least is None else least
        self._writer: BatchWriter | None = None
        self._free_until = 0.0  # monotonic: when the pause owed ends
        self.longest = 0.0  # the longest lock held by one write (seconds)
        self.held = 0.0  # the lock held by the last write (seconds)

    def __enter__(self) -> Self:
        self._writer = self._db.batch_writer().__enter__()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        writer, self._writer = self._writer, None
        if writer is not None:
            writer.__exit__(exc_type, exc, tb)  # its last checkpoint: in the pause
        if exc is None:
            self.rest()  # the write that follows the job (its state) waits its turn too

    def rest(self) -> None:
        """Wait out what is left of the pause owed by the last write."""
        time.sleep(max(0.0, self._free_until - time.monotonic()))

    @contextmanager
    def write(self) -> Iterator[UnitOfWork]:
        """A write unit of work, begun once the last write's pause is over; the lock it
        holds (from BEGIN IMMEDIATE, not counting any wait for a checkout's commit: that
        checkout needs no pause) is owed as the next pause, the WAL checkpointed at the
        start of it."""
        if self._writer is None:
            raise RuntimeError("Pacer.write used outside its with-block")
        self.rest()
        with self._writer.uow() as uow:
            uow.session.connection()  # BEGIN IMMEDIATE: any wait for the lock is here
            started = time.monotonic()
            yield uow
        self.held = time.monotonic() - started
        self.longest = max(self.longest, self.held)
        self._free_until = time.monotonic() + max(self.held, self._least)
        self._writer.checkpoint()
