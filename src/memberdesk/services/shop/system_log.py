"""The system log (系统日志) for the owner: the newest records of the rotating log
file (``<data dir>/logs/memberdesk.log``, 5 × 2 MB, :mod:`memberdesk.logsetup`),
filtered by level. A record's following lines (a traceback) stay with it. Times
are as the log writes them: the computer's clock, not the shop's."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from memberdesk.db import Database
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.permissions import Permission, require

LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
LOG_NAME = "memberdesk.log"
SHOWN = 500  # records at most
READ_BYTES = 1_000_000  # from the end of each file: enough for 500 records
_HEAD = re.compile(
    r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:,\d{3})?) (DEBUG|INFO|WARNING|ERROR|CRITICAL) "
    r"(\S+)(?: \[[^\]]*\])? ?(.*)$"
)


@dataclass(frozen=True)
class LogRecord:
    at: str  # as logged
    level: str
    source: str  # the logger's name
    text: str  # the message and any lines that followed it


@dataclass(frozen=True)
class LogTail:
    folder: Path
    records: tuple[LogRecord, ...]  # newest first
    more: bool  # older matching records were left out


def _files(folder: Path) -> list[Path]:
    """The log and its rotated copies, newest first."""
    out = [folder / LOG_NAME]
    out += [folder / f"{LOG_NAME}.{i}" for i in range(1, 10)]
    return [p for p in out if p.is_file()]


def _tail_text(path: Path) -> tuple[str, bool]:
    """The last READ_BYTES of ``path`` from a line start; and whether it was cut."""
    with path.open("rb") as fh:
        fh.seek(0, 2)
        size = fh.tell()
        start = max(0, size - READ_BYTES)
        fh.seek(start)
        data = fh.read()
    if start:
        data = data[data.find(b"\n") + 1:]
    return data.decode("utf-8", errors="replace"), start > 0


def parse_records(text: str) -> list[LogRecord]:
    """Records in file order; lines before the first record head are dropped."""
    records: list[LogRecord] = []
    for line in text.splitlines():
        m = _HEAD.match(line)
        if m:
            records.append(LogRecord(m.group(1), m.group(2), m.group(3), m.group(4)))
        elif records and line.strip():
            last = records[-1]
            records[-1] = LogRecord(last.at, last.level, last.source, f"{last.text}\n{line}")
    return records


def read_log_folder(folder: Path, min_level: str = "INFO", limit: int = SHOWN) -> LogTail:
    """The newest ``limit`` records of at least ``min_level``, newest first."""
    floor = LEVELS.index(min_level) if min_level in LEVELS else 0
    found: list[LogRecord] = []
    more = False
    for path in _files(folder):
        try:
            text, cut = _tail_text(path)
        except OSError:
            continue
        matching = [r for r in parse_records(text) if LEVELS.index(r.level) >= floor]
        found += reversed(matching)
        if len(found) > limit:
            break
        if cut:
            more = True
            break
    return LogTail(folder, tuple(found[:limit]), more or len(found) > limit)


def read_system_log(db: Database, actor: Actor, min_level: str = "INFO",
                    limit: int = SHOWN) -> LogTail:
    """The shop's own log (owner only: it may hold tracebacks with data in them)."""
    with db.reader() as uow:
        require(uow.session, actor, Permission.VIEW_AUDIT)
    if db.paths is None:
        raise RuntimeError("the system log needs the shop's data folder")
    return read_log_folder(db.paths.logs, min_level, limit)
