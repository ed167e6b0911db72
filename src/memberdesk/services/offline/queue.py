"""The till's queue of sales made while the server was gone (``offline-queue.sqlite3``).

One row a sale, numbered in the order it was made (``seq``), with its client id, the
cashier, the cart as it will be sent and the cash handed over. A row is ``waiting``
until the server took it (``sent``, with the server's sale number) or refused it
(``refused``, with the reason in both languages); a refused sale a manager wrote off
is ``written_off`` (with the manager's reason, name and time); rows are never deleted.

The file's schema version is SQLite's ``user_version``: version 0 (before write-offs)
is rebuilt to version 1 in one transaction the first time the file is opened.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from memberdesk.db import Database
from memberdesk.services.offline.files import QUEUE_FILE, connect, data_dir

WAITING, SENT, REFUSED, WRITTEN_OFF = "waiting", "sent", "refused", "written_off"
VERSION = 1

_TABLE = """
CREATE TABLE {name} (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    client_id TEXT NOT NULL UNIQUE,
    local_no TEXT NOT NULL UNIQUE,
    staff_id INTEGER NOT NULL,
    username TEXT NOT NULL,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    created_at TEXT NOT NULL,
    request TEXT NOT NULL,
    payable INTEGER NOT NULL,
    received INTEGER NOT NULL,
    state TEXT NOT NULL DEFAULT 'waiting'
        CHECK (state IN ('waiting', 'sent', 'refused', 'written_off')),
    reason_code TEXT,
    reason_zh TEXT,
    reason_en TEXT,
    sale_no TEXT,
    server_payable INTEGER,
    sent_at TEXT,
    write_off_reason TEXT,
    written_off_by TEXT,
    written_off_at TEXT
);
"""
_V0_COLUMNS = (
    "seq, client_id, local_no, staff_id, username, display_name, role, created_at, request,"
    " payable, received, state, reason_code, reason_zh, reason_en, sale_no, server_payable,"
    " sent_at"
)
_COLUMNS = (
    "seq",
    "client_id",
    "local_no",
    "staff_id",
    "username",
    "display_name",
    "role",
    "created_at",
    "request",
    "payable",
    "received",
    "state",
    "reason_code",
    "reason_zh",
    "reason_en",
    "sale_no",
    "server_payable",
    "sent_at",
    "write_off_reason",
    "written_off_by",
    "written_off_at",
)


@dataclass(frozen=True)
class QueuedSale:
    seq: int
    client_id: str
    local_no: str
    staff_id: int
    username: str
    display_name: str
    role: str
    created_at: str  # UTC ISO text
    request: str  # JSON: {"lines": [...], "cash": fen}
    payable: int  # fen, as priced offline
    received: int  # fen, the cash handed over
    state: str
    reason_code: str | None = None
    reason_zh: str | None = None
    reason_en: str | None = None
    sale_no: str | None = None
    server_payable: int | None = None
    sent_at: str | None = None
    write_off_reason: str | None = None
    written_off_by: str | None = None  # the manager's display name
    written_off_at: str | None = None  # UTC ISO text

    @property
    def cart(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(self.request)
        return data

    def reason(self, lang: str) -> str:
        return (self.reason_en if lang.startswith("en") else self.reason_zh) or ""


@dataclass(frozen=True)
class QueueCounts:
    waiting: int = 0
    refused: int = 0
    sent: int = 0
    written_off: int = 0


def queue_path(db: Database) -> Path:
    return data_dir(db) / QUEUE_FILE


class OfflineQueue:
    """The queue file, opened for one piece of work (``with OfflineQueue(path) as q``)."""

    def __init__(self, path: Path) -> None:
        self.conn = connect(path, full_sync=True)
        _upgrade(self.conn)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> OfflineQueue:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def add(
        self,
        client_id: str,
        staff: tuple[int, str, str, str],
        created_at: str,
        day: str,
        prefix: str,
        request: dict[str, Any],
        payable: int,
        received: int,
    ) -> QueuedSale:
        """Append a sale; its local number is ``<prefix>L<day>-<seq>``. On the disk
        (FULL sync) when this returns."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            seq = int(
                self.conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM queue").fetchone()[0]
            )
            local_no = f"{prefix}L{day}-{seq:04d}"
            self.conn.execute(
                "INSERT INTO queue (seq, client_id, local_no, staff_id, username, display_name,"
                " role, created_at, request, payable, received) VALUES"
                " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    seq,
                    client_id,
                    local_no,
                    *staff,
                    created_at,
                    json.dumps(request, sort_keys=True),
                    payable,
                    received,
                ),
            )
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        return self.get(seq)

    def get(self, seq: int) -> QueuedSale:
        row = self.conn.execute(
            f"SELECT {', '.join(_COLUMNS)} FROM queue WHERE seq = ?", (seq,)
        ).fetchone()
        return QueuedSale(*row)

    def rows(self, state: str | None = None, limit: int = 500) -> list[QueuedSale]:
        """In the order the sales were made."""
        where = "" if state is None else "WHERE state = ?"
        params: tuple[Any, ...] = (limit,) if state is None else (state, limit)
        return [
            QueuedSale(*r)
            for r in self.conn.execute(
                f"SELECT {', '.join(_COLUMNS)} FROM queue {where} ORDER BY seq LIMIT ?", params
            )
        ]

    def counts(self) -> QueueCounts:
        by_state = dict(self.conn.execute("SELECT state, count(*) FROM queue GROUP BY state"))
        return QueueCounts(
            by_state.get(WAITING, 0),
            by_state.get(REFUSED, 0),
            by_state.get(SENT, 0),
            by_state.get(WRITTEN_OFF, 0),
        )

    def mark_sent(self, seq: int, sale_no: str, server_payable: int, at: str) -> None:
        self.conn.execute(
            "UPDATE queue SET state = 'sent', sale_no = ?, server_payable = ?, sent_at = ?,"
            " reason_code = NULL, reason_zh = NULL, reason_en = NULL WHERE seq = ?",
            (sale_no, server_payable, at, seq),
        )

    def mark_refused(self, seq: int, code: str, zh: str, en: str) -> None:
        self.conn.execute(
            "UPDATE queue SET state = 'refused', reason_code = ?, reason_zh = ?,"
            " reason_en = ? WHERE seq = ?",
            (code, zh, en, seq),
        )

    def retry(self, seq: int) -> None:
        """A refused sale back in line (the manager fixed the reason)."""
        self.conn.execute(
            "UPDATE queue SET state = 'waiting' WHERE seq = ? AND state = 'refused'", (seq,)
        )

    def mark_written_off(self, seq: int, reason: str, by: str, at: str) -> None:
        """A refused sale a manager wrote off (recorded on the server first)."""
        self.conn.execute(
            "UPDATE queue SET state = 'written_off', write_off_reason = ?, written_off_by = ?,"
            " written_off_at = ? WHERE seq = ? AND state = 'refused'",
            (reason, by, at, seq),
        )


def _upgrade(conn: sqlite3.Connection) -> None:
    """Create the queue, or bring a file of an earlier version to :data:`VERSION`."""
    if int(conn.execute("PRAGMA user_version").fetchone()[0]) >= VERSION:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        if int(conn.execute("PRAGMA user_version").fetchone()[0]) < VERSION:
            exists = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'queue'"
            ).fetchone()
            if exists is None:
                conn.execute(_TABLE.format(name="queue"))
            else:  # version 0: the state's CHECK lacks written_off; rebuild the table
                conn.execute(_TABLE.format(name="queue_v1"))
                conn.execute(
                    f"INSERT INTO queue_v1 ({_V0_COLUMNS}) SELECT {_V0_COLUMNS} FROM queue"
                )
                conn.execute("DROP TABLE queue")
                conn.execute("ALTER TABLE queue_v1 RENAME TO queue")
            conn.execute(f"PRAGMA user_version = {VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
