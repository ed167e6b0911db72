"""Names of the counter's worker jobs, without importing them.

The jobs (:mod:`.counter_jobs`) import the services and with them SQLAlchemy. The
window code must load without that stack (start-up speed; a test guards it), so
controllers refer to a job through :func:`job`, which imports
:mod:`.counter_jobs` only when the job runs — on the task runner's worker.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def job(name: str) -> Callable[..., Any]:
    """A callable that runs ``counter_jobs.<name>(*args, **kwargs)``."""

    def run(*args: Any, **kwargs: Any) -> Any:
        from . import counter_jobs

        return getattr(counter_jobs, name)(*args, **kwargs)

    run.__qualname__ = run.__name__ = f"counter_jobs.{name}"
    return run
