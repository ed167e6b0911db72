"""What the login screen shows, read straight from an up-to-date shop file.

Start-up shows a filled-in login screen before SQLAlchemy, the models and the
services are imported (they take seconds on a busy till; the person types a password
meanwhile). This module uses only :mod:`sqlite3` and reads five small things by their
keys: the schema revision, the shop's name, the active staff, the time zone setting,
who has a shift open (the login list chooses them first).
Anything unusual — no file, not SQLite, an older or newer schema, a shop not set up,
a network shop, an error — answers ``None``, and start-up takes the full path
(recognise, back up, migrate, then read through the services) as before.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from .migrate import HEAD_REVISION, SQLITE_MAGIC

# The default of the ``shop.timezone_offset_minutes`` setting (services/shared/
# setting_specs.py; a test keeps the two equal).
DEFAULT_UTC_OFFSET_MINUTES = 480
TIMEZONE_KEY = "shop.timezone_offset_minutes"

# Every statement the peek sends: each reads one row by its key, or the staff table
# (a few dozen rows in any shop). tests/unit/test_startup_reads.py checks their plans.
REVISION_SQL = "SELECT version_num FROM alembic_version"
SHOP_SQL = "SELECT name FROM shop WHERE id = 1"
STAFF_SQL = "SELECT username, display_name FROM staff WHERE active = 1 ORDER BY id"
SETTING_SQL = "SELECT value FROM settings WHERE key = ?"
# As services/staff/accounts.open_shift_username: per active account, its open shift at
# this till's store (on a shop file its first, db/till_store.py) by the (staff, status)
# index (``store_id + 0``: not by the store's index, which holds every shift of it);
# the latest opened (the highest id) first.
OPEN_SHIFT_SQL = ("SELECT staff.username, (SELECT max(shifts.id) FROM shifts WHERE"
                  " shifts.staff_id = staff.id AND shifts.status = 'open' AND"
                  " shifts.store_id + 0 = (SELECT id FROM stores ORDER BY id LIMIT 1))"
                  " AS open_id FROM staff WHERE staff.active = 1 AND open_id IS NOT NULL"
                  " ORDER BY open_id DESC LIMIT 1")


@dataclass(frozen=True)
class LoginInfo:
    """What the login screen needs, read in one go."""

    shop_name: str | None  # None: the shop is not set up yet
    staff: list[tuple[str, str]]
    utc_offset_minutes: int = DEFAULT_UTC_OFFSET_MINUTES  # the shop's time zone
    # 网络版: the server cannot be reached; the staff are the till's copy (offline log-in)
    offline: bool = False
    open_shift: str | None = None  # the user name of who has a shift open on this till


def peek_login(path: Path) -> LoginInfo | None:
    """The login screen's facts of the SQLite shop file at ``path`` if it is set up and
    at this build's schema revision; otherwise ``None`` (the caller opens it fully)."""
    try:
        if not path.is_file():
            return None
        with path.open("rb") as fh:
            if fh.read(16) != SQLITE_MAGIC:
                return None
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except (OSError, sqlite3.Error):
        return None
    try:
        revision = conn.execute(REVISION_SQL).fetchone()
        if revision is None or revision[0] != HEAD_REVISION:
            return None
        shop = conn.execute(SHOP_SQL).fetchone()
        if shop is None:
            return None
        staff = [(str(u), str(d)) for u, d in conn.execute(STAFF_SQL)]
        stored = conn.execute(SETTING_SQL, (TIMEZONE_KEY,)).fetchone()
        offset = DEFAULT_UTC_OFFSET_MINUTES if stored is None else int(json.loads(stored[0]))
        holder = conn.execute(OPEN_SHIFT_SQL).fetchone()
        return LoginInfo(str(shop[0]), staff, offset,
                         open_shift=None if holder is None else str(holder[0]))
    except (sqlite3.Error, ValueError, TypeError):
        return None
    finally:
        conn.close()
