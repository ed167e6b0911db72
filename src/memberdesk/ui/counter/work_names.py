"""The counter's work on the worker thread, named without importing it.

The work (:mod:`memberdesk.ui.counter.work`) imports the services and with them
SQLAlchemy. The window code must load without that stack (start-up speed; a test
guards it), so controllers refer to a piece of work through :func:`job`, which imports
:mod:`~memberdesk.ui.counter.work` only when it runs, on the task runner's worker.
The names are typed (:data:`WorkName`): mypy refuses a name that is not listed, and
``tests/gui/test_key_map.py`` checks the list against the functions of ``work``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal, get_args

WorkName = Literal[
    "backup_info", "cart_suggestions", "find_member", "member_view", "pay", "print_receipt",
    "product_with_code",
    "quote", "scan", "search_products", "session_info", "start_payment",
]
WORK_NAMES: frozenset[str] = frozenset(get_args(WorkName))


def job(name: WorkName) -> Callable[..., Any]:
    """A callable that runs ``work.<name>(*args, **kwargs)`` on the worker."""

    def run(*args: Any, **kwargs: Any) -> Any:
        from memberdesk.ui.counter import work

        return getattr(work, name)(*args, **kwargs)

    run.__qualname__ = run.__name__ = f"work.{name}"
    return run
