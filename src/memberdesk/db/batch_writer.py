"""The write transactions of a long background job (the analytics refresh writing a
million rows in batches) on one connection held for the job, with SQLite's WAL
checkpoints run between them instead of inside their commits.

SQLite checkpoints the WAL in the commit that takes it past ``wal_autocheckpoint``
pages (1,000 by default). A batch of a thousand scores rows dirties more pages than
that (its rows land all over the table's two indexes), so every batch's commit also
copied the WAL into the database file: the write lock is already free then, but the
call returns only afterwards, and the job, which leaves the lock free as long as it
held it (so a checkout polling for it gets it), counted the copy as lock held and
paused as long again. Measured on the 1M-member bench shop, 1,000 rows a transaction:
19.3 s of commits with the checkpoint inside them, 13.5 s without and 7.5 s of
checkpoints run between them (``docs/ARCHITECTURE.md``).

Here the connection's own automatic checkpoint is off for the job and
:meth:`BatchWriter.checkpoint` (a PASSIVE checkpoint: it never waits, never blocks a
writer) is run by the job during its pause. Other connections keep theirs: a checkout
that commits while the WAL is still long and no checkpoint is running copies it, as
it would have before.

The job's commits do not wait for the disk either (synchronous NORMAL; every other
connection keeps FULL): what it writes is worked out from the ledgers and is worked
out again by the next run if lost. A power cut can take back only its commits since
the last sync of the WAL, and that sync comes soon: the checkpoint in the next pause,
any checkout's commit, and the job's own closing write of its state (a FULL commit on
another connection: the WAL is one file, its sync covers every earlier commit). And
the state never says done for rows a power cut took back, wherever it is written (the
pair counts' state goes in with their last batch): WAL frames are chained by their
checksums, so recovery keeps a prefix of the commits, never a later one without an
earlier one.

While another connection holds a read snapshot (the aggregates' rebuild streams its
query from one), a checkpoint cannot copy past it: the WAL grows until the read ends,
and is checkpointed when the writer ends. A scores batch's commit was
4.5 ms of its lock time (1,227 commits, 5.5 s, in the first refresh of the 1M-member
bench shop). On PostgreSQL there is nothing to do: the writer's units of work are the
database's own."""

from __future__ import annotations

import logging
import sqlite3
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

from .uow import UnitOfWork

if TYPE_CHECKING:
    from .database import Database

log = logging.getLogger(__name__)

# The held connection's settings for the job (given back when it ends): no automatic
# checkpoint (see above); commits that write the WAL without waiting for the disk
# (NORMAL; SQLite's documentation: in WAL mode the database stays consistent, a power
# cut may take back the last commits); a 64 MB page cache (the scores' two indexes
# stay in memory between batches when no checkout wrote meanwhile: 17.4 ms a thousand
# rows against 19.6).
JOB_PRAGMAS = {"wal_autocheckpoint": 0, "synchronous": 1, "cache_size": -65536}


class BatchWriter:
    """``with db.batch_writer() as w: with w.uow() as uow: ...; uow.commit(); w.checkpoint()``."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._conn: Any = None  # the SQLAlchemy Connection held for the job (SQLite)
        self._kept: dict[str, Any] = {}  # the connection's own settings, given back

    def __enter__(self) -> Self:
        if self._db.engine.dialect.name == "sqlite":
            self._conn = self._db.engine.connect()
            try:
                raw = self._raw()
                self._kept = {name: raw.execute(f"PRAGMA {name}").fetchone()[0]
                              for name in JOB_PRAGMAS}
                for name, value in JOB_PRAGMAS.items():
                    raw.execute(f"PRAGMA {name} = {value}")
            except BaseException:  # some of the job's settings may be on it: not pooled
                conn, self._conn = self._conn, None
                conn.invalidate()
                conn.close()
                raise
        return self

    def _raw(self) -> sqlite3.Connection:
        return self._conn.connection.driver_connection  # type: ignore[no-any-return]

    def uow(self) -> UnitOfWork:
        """A write unit of work on the held connection (BEGIN IMMEDIATE, as
        :meth:`.Database.uow`'s)."""
        if self._conn is None:
            return self._db.uow()
        return UnitOfWork(self._db.sessions, bind=self._conn)

    def checkpoint(self) -> tuple[int, int] | None:
        """Copy what the WAL holds into the database file as far as no reader still
        needs it (PASSIVE), outside any transaction: the WAL's frames and those now in
        the file (None on PostgreSQL, or when it failed: that only leaves the WAL
        longer, and the next commit of any connection checkpoints it)."""
        if self._conn is None:
            return None
        try:
            row = self._raw().execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        except sqlite3.Error as exc:
            log.warning("WAL checkpoint between batches failed: %s", exc)
            return None
        return int(row[1]), int(row[2])

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        conn, self._conn = self._conn, None
        if conn is None:
            return
        try:
            raw = conn.connection.driver_connection
            raw.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
            for name, value in self._kept.items():
                raw.execute(f"PRAGMA {name} = {int(value)}")
        except sqlite3.Error as e:  # its settings not given back: not pooled again
            log.warning("WAL checkpoint after the batches failed: %s", e)
            conn.invalidate()
        finally:
            conn.close()
