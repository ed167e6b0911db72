"""The till's two local files beside the shop's data folder (网络版 only).

* ``offline-catalogue.sqlite3``: a copy of the active products and their list prices and
  the few settings a cash sale needs, rebuilt whole from the server (written to a new
  file, then swapped in by rename) whenever the till is online. A separate SQLite file
  and not a cache in memory: it survives a restart of the till while the server is
  still away, a barcode is found by its index in well under a millisecond, and a
  half-written refresh never replaces the last good copy.
* ``offline-queue.sqlite3``: the sales made offline, in order, each with its client id.
  Written with ``synchronous=FULL`` (each sale is on the disk before its receipt prints)
  and never rebuilt: a row is only marked sent (with the server's sale number) or
  refused (with the reason), never deleted.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from memberdesk.db import Database

CATALOGUE_FILE = "offline-catalogue.sqlite3"
QUEUE_FILE = "offline-queue.sqlite3"


def enabled(db: Database) -> bool:
    """True for a till on a PostgreSQL server with a data folder; a shop file never
    sells offline (its database is on this computer)."""
    return db.paths is not None and db.engine.dialect.name == "postgresql"


def data_dir(db: Database) -> Path:
    if db.paths is None:
        raise RuntimeError("a till without a data folder has no offline files")
    return db.paths.root


def connect(path: Path, *, full_sync: bool) -> sqlite3.Connection:
    """A connection to a local file in autocommit mode: each statement is its own
    transaction unless the caller says BEGIN."""
    conn = sqlite3.connect(path, timeout=5, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute(f"PRAGMA synchronous={'FULL' if full_sync else 'NORMAL'}")
    conn.execute("PRAGMA busy_timeout=5000")
    return conn
