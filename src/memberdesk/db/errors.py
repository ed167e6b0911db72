"""Storage failures a person can act on, recognised in one place.

A full disk (SQLite's ``SQLITE_FULL``, a shared-memory file that cannot grow, an
``OSError`` with ``ENOSPC``/``EDQUOT``) and a database held by another program
(``SQLITE_BUSY``/``SQLITE_LOCKED`` after the busy timeout, a row lock past
PostgreSQL's lock_timeout) are not bugs and not damage: the transaction was rolled
back and nothing was saved. On a database server the connection may also be lost
(the network, a server restart): the transaction then either committed on the server
or not at all, and a retry with the same client id says which. :func:`storage_problem`
names them; :func:`storage_error` turns them into the user error every layer shows
(the unit of work raises it, the CLI prints it on one line, the counter shows it).
Anything else is left alone (``None``) for the caller to treat as it did before.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path
from typing import Final

from memberdesk.services.shared.errors import StorageError

DISK_FULL: Final = "storage_full"
BUSY: Final = "storage_busy"
SERVER_LOST: Final = "server_lost"

# PostgreSQL: class 08 (connection exception), the server shutting down or restarting
# (57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now); a row another
# till holds past lock_timeout (55P03) is a busy database.
_PG_LOST_STATES = ("57P01", "57P02", "57P03")
_PG_BUSY_STATES = ("55P03",)

_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_IOERR, _SQLITE_FULL = 5, 6, 10, 13
_SQLITE_IOERR_SHMSIZE = 4874  # the -shm file could not grow: no space left
_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT})
# A generic "disk I/O error" with less than this free beside the file is a full disk.
LOW_SPACE_BYTES: Final = 1024 * 1024

_FULL_TEXTS = ("database or disk is full", "no space left on device", "disk quota exceeded")
_BUSY_TEXTS = ("database is locked", "database is busy", "database table is locked")


def _free_bytes(path: Path | str) -> int | None:
    here = Path(path)
    for candidate in (here, *here.parents):
        try:
            st = os.statvfs(candidate)
        except OSError:
            continue
        return st.f_bavail * st.f_frsize
    return None


def _causes(exc: BaseException) -> list[BaseException]:
    """``exc`` and what it wraps (SQLAlchemy's ``orig``, ``__cause__``), outermost first."""
    found: list[BaseException] = []
    todo: list[BaseException | None] = [exc]
    while todo and len(found) < 8:
        e = todo.pop(0)
        if e is None or any(e is f for f in found):
            continue
        found.append(e)
        orig = getattr(e, "orig", None)
        todo += [orig if isinstance(orig, BaseException) else None, e.__cause__]
    return found


def _server_problem(e: BaseException) -> str | None:
    """:data:`SERVER_LOST` or :data:`BUSY` for a psycopg error, else ``None``.

    A connection that broke (the server went away, restarted, the network dropped,
    the backend was terminated) is lost whatever its SQLSTATE (psycopg gives none
    when the socket closed); so is an error SQLAlchemy found to be a disconnect."""
    if getattr(e, "connection_invalidated", False):
        return SERVER_LOST
    if not type(e).__module__.startswith("psycopg"):
        return None
    import psycopg

    if not isinstance(e, psycopg.Error):
        return None
    state = e.sqlstate or ""
    if state in _PG_BUSY_STATES:
        return BUSY
    if state.startswith("08") or state in _PG_LOST_STATES:
        return SERVER_LOST
    if isinstance(e, psycopg.OperationalError) and not state:
        return SERVER_LOST  # no answer at all: connection refused, closed, timed out
    return None


def storage_problem(exc: BaseException, path: Path | str | None = None) -> str | None:
    """:data:`DISK_FULL`, :data:`BUSY`, :data:`SERVER_LOST` or ``None`` (not a storage
    problem).

    ``path`` (the database file or the file being written) lets a bare "disk I/O
    error" count as a full disk when hardly any space is left beside it."""
    for e in _causes(exc):
        server = _server_problem(e)
        if server is not None:
            return server
        if isinstance(e, OSError) and e.errno in _FULL_ERRNOS:
            return DISK_FULL
        if isinstance(e, sqlite3.Error):
            code = getattr(e, "sqlite_errorcode", None)
            if isinstance(code, int):
                if code & 0xFF == _SQLITE_FULL or code == _SQLITE_IOERR_SHMSIZE:
                    return DISK_FULL
                if code & 0xFF in (_SQLITE_BUSY, _SQLITE_LOCKED):
                    return BUSY
                if code & 0xFF == _SQLITE_IOERR and path is not None:
                    free = _free_bytes(path)
                    if free is not None and free < LOW_SPACE_BYTES:
                        return DISK_FULL
            text = str(e).lower()
            if any(t in text for t in _FULL_TEXTS):
                return DISK_FULL
            if any(t in text for t in _BUSY_TEXTS):
                return BUSY
    return None


def storage_error(exc: BaseException, path: Path | str | None = None) -> StorageError | None:
    """The user error for ``exc`` when it is a storage problem, else ``None``."""
    problem = storage_problem(exc, path)
    return None if problem is None else StorageError(problem)
