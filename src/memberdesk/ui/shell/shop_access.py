"""Worker-side jobs of the session controller. They run only on the task runner's
thread, which also pays for importing the database stack (SQLAlchemy, alembic,
the services): the login window is on screen before any of that is loaded."""

from __future__ import annotations

import logging
from pathlib import Path

from memberdesk.db import Database
from memberdesk.db.errors import storage_problem
from memberdesk.db.migrate import DatabaseError
from memberdesk.db.peek import LoginInfo
from memberdesk.paths import DataPaths, resolve_db_url, resolve_store
from memberdesk.services.shop import setup as shop_svc
from memberdesk.services.staff import accounts as staff_svc

log = logging.getLogger(__name__)


__all__ = ["LoginInfo", "load_login_info", "open_database"]


def open_database(paths: DataPaths) -> Database | DatabaseError:
    """Open (back up, migrate) the shop file. A file we cannot open (foreign,
    damaged, newer, or refused by the operating system) is an expected outcome,
    returned rather than raised."""
    url = resolve_db_url(paths)
    try:
        db = Database.open(paths, url, resolve_store(paths))
    except DatabaseError as exc:
        log.error("cannot open %s: %s", exc.path, exc)
        if exc.code == "server_unreachable" and url and _offline_possible(paths):
            log.info("the server is away: offline log-in from the till's staff copy")
            return Database.unchecked(paths, url, resolve_store(paths))
        return exc
    except Exception as exc:  # the upgrade or the folders on a full disk, a held file
        log.error("cannot open %s: %s", paths.database, exc)
        problem = storage_problem(exc, paths.database)
        if problem is None and not isinstance(exc, OSError):
            raise
        return DatabaseError(problem or "unreadable", paths.database, str(exc))
    from memberdesk.services.backup.files import remove_leftovers

    removed = remove_leftovers(paths.root)  # what killed backups and restores left behind
    if removed:
        log.info("removed leftovers of interrupted backups/restores: %s", ", ".join(removed))
    return db


def _offline_possible(paths: DataPaths) -> bool:
    from memberdesk.services.offline.login import can_log_in_offline

    return can_log_in_offline(paths.root)


def load_login_info(db: Database) -> LoginInfo:
    """The shop's name and who may log in; a till started while its server is away:
    from its copies (the catalogue's shop name and time zone, the staff who logged
    in on it)."""
    if not db.server_checked and db.paths is not None:
        return offline_login_info(db.paths.root)
    if not shop_svc.is_initialised(db):
        return LoginInfo(None, [])
    from memberdesk.services.shared.settings import read_settings

    offset = int(read_settings(db)["shop.timezone_offset_minutes"])
    return LoginInfo(shop_svc.shop_info(db).name, staff_svc.login_names(db), offset,
                     open_shift=staff_svc.open_shift_username(db))



def offline_login_info(folder: Path) -> LoginInfo:
    from memberdesk.services.offline.catalogue import LocalCatalogue
    from memberdesk.services.offline.files import CATALOGUE_FILE
    from memberdesk.services.offline.staff_copy import known_names

    with LocalCatalogue(folder / CATALOGUE_FILE) as cat:
        name = cat.settings.get("shop_name") or "MemberDesk"
        offset = cat.setting_int("shop.timezone_offset_minutes")
    return LoginInfo(name, known_names(folder), offset, offline=True)
