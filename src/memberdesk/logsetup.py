"""Logging to a rotating file in the data directory (and stderr for the CLI)."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

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
