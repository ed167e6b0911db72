"""Where MemberDesk keeps its files. The one place that decides.

Order: an explicit ``--data-dir``, then ``MEMBERDESK_HOME``, then the platform's
user data directory (platformdirs). Backups and logs live inside the data dir.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "MemberDesk"
DB_FILENAME = "memberdesk.sqlite3"
ENV_HOME = "MEMBERDESK_HOME"
# The network edition: the shop's database on a PostgreSQL server, by URL.
ENV_DB_URL = "MEMBERDESK_DB_URL"
DB_URL_FILENAME = "database.url"  # one line in the data directory: the till's setting
ENV_STORE = "MEMBERDESK_STORE"
STORE_FILENAME = "store"  # beside database.url: the code of the store this till is in


@dataclass(frozen=True)
class DataPaths:
    root: Path

    @property
    def database(self) -> Path:
        return self.root / DB_FILENAME

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def exports(self) -> Path:
        return self.root / "exports"

    def ensure(self) -> DataPaths:
        for d in (self.root, self.backups, self.logs):
            d.mkdir(parents=True, exist_ok=True)
        return self


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> DataPaths:
    if explicit:
        return DataPaths(Path(explicit).expanduser().resolve())
    env = os.environ.get(ENV_HOME)
    if env:
        return DataPaths(Path(env).expanduser().resolve())
    return DataPaths(user_data_path(APP_NAME, appauthor=False))


def resolve_db_url(paths: DataPaths, explicit: str | None = None) -> str | None:
    """The shop database's URL for the network edition, or None for the local SQLite
    file: ``--db-url``, else ``$MEMBERDESK_DB_URL``, else the data directory's
    ``database.url`` (one line)."""
    if explicit and explicit.strip():
        return explicit.strip()
    env = os.environ.get(ENV_DB_URL, "").strip()
    if env:
        return env
    try:
        text = (paths.root / DB_URL_FILENAME).read_text(encoding="utf-8").strip()
    except (FileNotFoundError, NotADirectoryError):
        return None
    return text or None


def resolve_store(paths: DataPaths, explicit: str | None = None) -> str | None:
    """The code of the store this installation belongs to (the network edition):
    ``--store``, else ``$MEMBERDESK_STORE``, else the data directory's ``store`` file
    (one line, beside ``database.url``); None: the first store (a shop file's only one)."""
    for value in (explicit, os.environ.get(ENV_STORE)):
        if value and value.strip():
            return value.strip().upper()
    try:
        text = (paths.root / STORE_FILENAME).read_text(encoding="utf-8").strip()
    except (FileNotFoundError, NotADirectoryError):
        return None
    return text.upper() or None


def _source_root() -> Path:
    return Path(__file__).resolve().parents[2]


def resources_dir() -> Path:
    """``resources/`` of a source checkout, or the copy bundled by the installer."""
    bundled = Path(__file__).resolve().parent / "_resources"
    return bundled if bundled.is_dir() else _source_root() / "resources"


def migrations_dir() -> Path:
    bundled = Path(__file__).resolve().parent / "_migrations"
    return bundled if bundled.is_dir() else _source_root() / "migrations"
