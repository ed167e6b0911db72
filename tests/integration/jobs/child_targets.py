"""Work for tests/integration/jobs/test_child.py to run in a child process: module-level
functions, importable there."""

from __future__ import annotations

import os
import time
from typing import Any

from sqlalchemy import func, select

from memberdesk.db import Database
from memberdesk.models import Member
from memberdesk.services.shared import clock
from memberdesk.services.shared.errors import Localized, ValidationError


def where_and_when(db: Database) -> tuple[int, Any, int]:
    """The child's pid, its shop clock and what it reads of the parent's shop."""
    with db.reader() as r:
        members = int(r.session.scalar(select(func.count()).select_from(Member)) or 0)
    return os.getpid(), clock.now(), members


def counting(db: Database, upto: int, *, step: Any) -> int:
    """Steps 1..upto until told to stop; how far it got."""
    for i in range(1, upto + 1):
        time.sleep(0.01)
        if not step(i, upto):
            return i
    return upto


def refusing(db: Database) -> None:
    raise ValidationError("jobs_future_date", until=Localized("明天", "tomorrow"),
                          today="2026-01-01")


def breaking(db: Database) -> None:
    raise ZeroDivisionError("a bug in the child")


def dying(db: Database) -> None:
    os._exit(3)


def counting_until_told(db: Database, pidfile: str, *, step: Any) -> int:
    """Notes its pid, then steps every 50 ms for at most a minute until told to stop."""
    with open(pidfile, "w", encoding="utf-8") as f:
        f.write(str(os.getpid()))
    for i in range(1, 1200):
        time.sleep(0.05)
        if not step(i, 0):
            return i
    return -1
