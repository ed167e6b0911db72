"""Logging to a rotating file in the data directory (and stderr for the CLI), and the
fault log that a hard crash writes its Python traceback to."""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import os
from pathlib import Path
from typing import IO

from memberdesk.domain.shoptime import utc_now

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"


def setup_logging(log_dir: Path, *, level: int = logging.INFO, stderr: bool = False) -> Path:
    log_dir.mkdir(parents=True, exist_ok=True)
    log_file = log_dir / "memberdesk.log"
    root = logging.getLogger()
    for h in list(root.handlers):
        if getattr(h, "_memberdesk", False):
            root.removeHandler(h)
            h.close()
    handler = logging.handlers.RotatingFileHandler(
        log_file, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handler._memberdesk = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    if stderr:
        err = logging.StreamHandler()
        err.setLevel(logging.WARNING)
        err.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
        err._memberdesk = True  # type: ignore[attr-defined]
        root.addHandler(err)
    root.setLevel(level)
    return log_file


FAULT_LOG = "faults.log"
_fault_file: IO[str] | None = None  # open as long as the process lives


def enable_fault_log(log_dir: Path) -> Path:
    """A hard crash (a segfault in Qt, an abort) leaves the Python traceback of every
    thread in ``log_dir/faults.log``: :mod:`faulthandler` writes it there. The file is
    appended to (one header line per start) and stays open until the process ends,
    so a crash while Qt tears down at exit is caught too."""
    global _fault_file
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / FAULT_LOG
    previous, _fault_file = _fault_file, path.open("a", encoding="utf-8")
    _fault_file.write(f"--- {utc_now().isoformat(timespec='seconds')} "
                      f"pid {os.getpid()}: fault log armed\n")
    _fault_file.flush()
    faulthandler.enable(_fault_file, all_threads=True)
    if previous is not None:
        previous.close()
    return path
