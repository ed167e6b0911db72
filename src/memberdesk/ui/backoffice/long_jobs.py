"""Long work (exports, backups) on a worker of its own, so the counter's task
runner stays free for sales while a big export runs.

The job reaches the database the counter's runner has *now* (after a restore,
the restored one): :meth:`LongJobs.call` first asks that runner for it, then
runs the job on the long-job worker. SQLite gives each thread its own
connection from the engine's pool; WAL lets a long read run beside checkouts.

Progress and cancelling: a job gets a :class:`Progress`; it calls
``progress.step(done, total)`` from the worker (delivered to the GUI thread as
a signal) and stops when ``progress.cancelled`` turns true.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QProgressBar

from memberdesk.services.shared.errors import UserError
from memberdesk.ui.shell.tasks import TaskRunner


def _the_database(db: Any) -> Any:
    return db  # only the runner's turn matters: the jobs queued before it are done


class Progress(QObject):
    """Shared by the GUI (cancel) and the worker (report steps)."""

    stepped = Signal(int, int)  # done, total (0: unknown)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()

    def step(self, done: int, total: int = 0) -> bool:
        """Report from the worker; returns False once cancelled (stop then)."""
        self.stepped.emit(done, total)
        return not self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


class JobBar(QProgressBar):
    """A long job's progress bar: busy until the job's first step says how far."""

    def follow(self, progress: Progress) -> None:
        self.setRange(0, 0)
        progress.stepped.connect(self._step)

    def _step(self, done: int, total: int) -> None:
        if total > 0:
            self.setRange(0, total)
            self.setValue(min(done, total))


class LongJobs(QObject):
    started = Signal()
    finished = Signal(object)  # the Task, after its callback ran

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.worker = TaskRunner(parent=self)
        self.worker.finished.connect(self._finished)
        self._running = 0
        self._held = False

    @property
    def busy(self) -> bool:
        return self._running > 0

    @property
    def held(self) -> bool:
        """A restore is under way: no new long job (the scheduled backup waits)."""
        return self._held

    def hold(self, held: bool) -> None:
        self._held = held

    def call(
        self,
        job: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None],
        on_user_error: Callable[[UserError], None],
        on_finally: Callable[[], None] | None = None,
        **kwargs: Any,
    ) -> None:
        """``job(db, *args, **kwargs)`` on the long-job worker."""
        self._running += 1
        self.started.emit()

        def go(_queued: Any) -> None:
            # The runner's database now: a restore queued before this job swapped it.
            db = self.runner.database
            if db is None:  # shutting down
                self._running -= 1
                return
            self.worker.attach(db)
            self.worker.call(job, *args, on_done=on_done, on_user_error=on_user_error,
                             on_finally=on_finally, **kwargs)

        self.runner.call(_the_database, on_done=go)

    def call_with_progress(
        self,
        job: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None],
        on_user_error: Callable[[UserError], None],
        on_finally: Callable[[], None],
    ) -> Progress:
        """``job(db, *args, progress)``; the :class:`Progress` it reports to is owned
        here, not by the page that started it: the back office may be closed and
        deleted while the job still reports. ``on_finally`` runs in every case."""
        progress = Progress(self)

        def finish() -> None:
            progress.deleteLater()
            on_finally()

        self.call(job, *args, progress, on_done=on_done, on_user_error=on_user_error,
                  on_finally=finish)
        return progress

    def _finished(self, task: Any) -> None:
        # Counted here, not in the callbacks: a job that hits a bug has no callback.
        self._running -= 1
        self.finished.emit(task)

    def wait(self, timeout_ms: int = 30_000) -> bool:
        """Block until the long-job worker is idle (shutdown and tests)."""
        return self.worker.wait(timeout_ms)
