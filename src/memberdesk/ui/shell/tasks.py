"""The one background task runner. The GUI thread never touches the database.

Every service call goes through :meth:`TaskRunner.call` (or :meth:`TaskRunner.run`
for a plain callable such as opening the database). The callable runs on a worker
thread; its outcome comes back on the GUI thread:

* a result -> the ``on_done`` callback;
* a :class:`~memberdesk.services.shared.errors.UserError` -> the ``on_user_error``
  callback if one was given, else the :attr:`TaskRunner.user_error` signal (the
  main window shows it as a non-blocking banner, in the current language); a lost
  database server (``server_lost``) is also announced on :attr:`TaskRunner.server_lost`
  whoever handles the error (the counter's red strip);
* any other exception -> ``sys.excepthook`` on the GUI thread, which the crash
  handler (:mod:`.crash`) turns into a log entry and a crash dialog.

After delivery :attr:`TaskRunner.finished` is emitted with the :class:`Task`;
tests wait on it (``qtbot.waitSignal(runner.finished)``).

Tasks run one at a time, in the order submitted, so a refresh submitted after a
write sees that write. Long jobs (export, backup) will get a runner of their own.
"""

from __future__ import annotations

import itertools
import logging
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal

from memberdesk.services.shared.errors import UserError

if TYPE_CHECKING:
    from memberdesk.db import Database

log = logging.getLogger(__name__)

_ids = itertools.count(1)


@dataclass(eq=False)
class Task:
    """One submitted call and, once :attr:`done`, its outcome."""

    name: str
    fn: Callable[[], Any] = field(repr=False)
    on_done: Callable[[Any], None] | None = field(default=None, repr=False)
    on_user_error: Callable[[UserError], None] | None = field(default=None, repr=False)
    on_finally: Callable[[], None] | None = field(default=None, repr=False)
    id: int = field(default_factory=lambda: next(_ids))
    done: bool = False
    result: Any = None
    error: BaseException | None = None
    worker_thread: str = ""


class _Job(QRunnable):
    def __init__(self, task: Task, report: Callable[[Task], None]) -> None:
        super().__init__()
        self._task = task
        self._report = report

    def run(self) -> None:
        task = self._task
        task.worker_thread = threading.current_thread().name
        try:
            task.result = task.fn()
        except BaseException as exc:  # everything is reported; nothing dies silently
            task.error = exc
        self._report(task)


def _refuse(error: UserError) -> None:
    raise error


def _log_failure(task: Task) -> None:
    if task.error is not None:
        log.error("task %s failed", task.name, exc_info=task.error)


class TaskRunner(QObject):
    """Runs service calls off the GUI thread and hands the outcome back to it."""

    finished = Signal(object)  # Task, after its callback ran
    user_error = Signal(object)  # UserError with no on_user_error callback
    server_lost = Signal(object)  # a StorageError server_lost, whoever handles it
    busy_changed = Signal(bool)
    _completed = Signal(object)  # Task; emitted on the worker, received on the GUI thread

    def __init__(self, database: Database | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = database
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pool.setExpiryTimeout(-1)  # keep the worker thread: one thread, one connection
        self._pending = 0
        self._completed.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        # Asked before each call with the service's name: a user error refuses it at once
        # (the offline till refuses the server's work instead of waiting for the server:
        # ui/counter/offline_controller.py); None lets it run.
        self.gate: Callable[[str], UserError | None] | None = None

    # -- the database -----------------------------------------------------------
    @property
    def has_database(self) -> bool:
        return self._db is not None

    @property
    def database(self) -> Database | None:
        """The database attached now (for handing to another runner; only worker
        code may use it)."""
        return self._db

    def attach(self, database: Database) -> None:
        """Hand over an opened database. Only worker code will ever use it."""
        self._db = database

    # -- submitting ---------------------------------------------------------------
    def call(
        self,
        service: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_user_error: Callable[[UserError], None] | None = None,
        on_finally: Callable[[], None] | None = None,
        **kwargs: Any,
    ) -> Task:
        """Run ``service(database, *args, **kwargs)`` on the worker."""
        if self._db is None:
            raise RuntimeError("no database attached to the task runner")
        refused = self.gate(getattr(service, "__qualname__", "")) if self.gate else None
        if refused is not None:
            return self.run(_refuse, refused, on_done=on_done, on_user_error=on_user_error,
                            on_finally=on_finally)
        return self.run(service, self._db, *args, on_done=on_done, on_user_error=on_user_error,
                        on_finally=on_finally, **kwargs)

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_user_error: Callable[[UserError], None] | None = None,
        on_finally: Callable[[], None] | None = None,
        **kwargs: Any,
    ) -> Task:
        """Run ``fn(*args, **kwargs)`` on the worker (no database argument).
        ``on_finally`` runs after the outcome is handled, whatever it was (a bug
        included): the place to leave a busy state."""
        name = getattr(fn, "__qualname__", repr(fn))
        task = Task(name, lambda: fn(*args, **kwargs), on_done, on_user_error, on_finally)
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        self._pool.start(_Job(task, self._completed.emit))
        return task

    @property
    def busy(self) -> bool:
        return self._pending > 0

    # -- delivering (GUI thread) -----------------------------------------------
    def _deliver(self, task: Task) -> None:
        task.done = True
        self._pending -= 1
        try:
            self._dispatch(task)
        finally:
            if self._pending == 0:
                self.busy_changed.emit(False)
            self.finished.emit(task)

    def _dispatch(self, task: Task) -> None:
        exc = task.error
        try:
            if exc is None:
                if task.on_done is not None:
                    task.on_done(task.result)
            elif isinstance(exc, UserError):
                log.info("task %s: user error %s", task.name, exc.code)
                # Imported here: the window shows before the database stack loads
                # (memberdesk.db pulls in SQLAlchemy); a user error comes from a
                # service, so it is loaded by now.
                from memberdesk.db.errors import SERVER_LOST

                if exc.code == SERVER_LOST:
                    self.server_lost.emit(exc)
                if task.on_user_error is not None:
                    task.on_user_error(exc)
                else:
                    self.user_error.emit(exc)
            else:
                log.error("task %s failed on %s", task.name, task.worker_thread)
                sys.excepthook(type(exc), exc, exc.__traceback__)
        except Exception as callback_exc:  # a bug in a callback is a bug like any other
            sys.excepthook(type(callback_exc), callback_exc, callback_exc.__traceback__)
        if task.on_finally is not None:
            try:
                task.on_finally()
            except Exception as callback_exc:
                sys.excepthook(type(callback_exc), callback_exc, callback_exc.__traceback__)

    # -- shutting down -----------------------------------------------------------
    def wait(self, timeout_ms: int = 10_000) -> bool:
        """Block until the worker is idle (shutdown and tests only)."""
        return bool(self._pool.waitForDone(timeout_ms))

    def shutdown(self, timeout_ms: int = 10_000, *, close_database: bool = True) -> None:
        """Let running work finish, then close the database on the worker."""
        db, self._db = self._db, None
        if db is not None and close_database:
            self._pool.start(_Job(Task("close database", db.close), _log_failure))
        if not self._pool.waitForDone(timeout_ms):
            log.error("background work still running after %d ms at shutdown", timeout_ms)
