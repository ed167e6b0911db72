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


def _source_root() -> Path:
    return Path(__file__).resolve().parents[2]


def resources_dir() -> Path:
    """``resources/`` of a source checkout, or the copy bundled by the installer."""
    bundled = Path(__file__).resolve().parent / "_resources"
    return bundled if bundled.is_dir() else _source_root() / "resources"


def migrations_dir() -> Path:
    bundled = Path(__file__).resolve().parent / "_migrations"
    return bundled if bundled.is_dir() else _source_root() / "migrations"
