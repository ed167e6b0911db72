"""PC/SC card reader service: a background thread that reports reader and card events.

Built on pyscard's low-level ``smartcard.scard`` API rather than its CardMonitor and
ReaderMonitor: those are process-wide singletons whose threads stop for good when
pcscd goes away or a reader is unplugged (pyscard issues #27, #82, #128), and whose
long waits keep ``stop()`` from returning promptly.

The thread loops on ``SCardGetStatusChange`` over every reader plus the
``\\\\?PnP?\\Notification`` pseudo-reader (hot-plug), with a short timeout, and
``stop()`` interrupts it with ``SCardCancel``. When a card arrives it reads the UID
with ``FF CA 00 00 00``. Every fault (no pcscd, pcscd restarting, reader unplugged,
card pulled mid-read, an error status word, a bug in the listener) becomes an event
or a log line; no exception leaves the thread. Without a PC/SC service the status
is NO_SERVICE and the connection is retried every ``retry_interval`` seconds.

Events are delivered by calling ``listener(event)`` **on the reader thread**; the
listener must be quick and thread-safe (the Qt bridge emits a queued signal).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from types import TracebackType

from memberdesk.hardware.pcsc_api import ScardApi
from memberdesk.hardware.pcsc_worker import ReaderWorker, ServiceConfig
from memberdesk.hardware.reader_events import ReaderListener, ReaderStatus

_log = logging.getLogger(__name__)


class PcscReaderService:
    """Watches every PC/SC reader in a background thread and reports events.

    ``listener`` is called on the reader thread with each :data:`ReaderEvent`.
    ``retry_interval``: seconds between attempts to reach a missing PC/SC service.
    ``poll_interval``: longest wait per ``SCardGetStatusChange`` (also bounds how long
    a reader without hot-plug notification takes to appear, and ``stop()``).
    ``removal_grace``: after an unclear read failure, how long to watch for the card
    leaving so the error can say "card removed".
    ``reader_filter``: only readers whose name it accepts are watched.
    ``api``: a PC/SC API object (tests); default: pyscard's ``smartcard.scard``.
    """

    def __init__(
        self,
        listener: ReaderListener,
        *,
        retry_interval: float = 2.0,
        poll_interval: float = 0.5,
        removal_grace: float = 0.6,
        reader_filter: Callable[[str], bool] | None = None,
        api: ScardApi | None = None,
    ) -> None:
        if retry_interval <= 0 or poll_interval <= 0 or removal_grace < 0:
            raise ValueError("intervals must be positive")
        self._config = ServiceConfig(
            listener=listener,
            retry_interval=retry_interval,
            poll_interval=poll_interval,
            removal_grace=removal_grace,
            reader_filter=reader_filter,
            api=api,
        )
        self._guard = threading.Lock()
        self._worker: ReaderWorker | None = None

    @property
    def status(self) -> ReaderStatus:
        """The current overall status (STOPPED when not running)."""
        worker = self._worker
        return worker.status if worker is not None else ReaderStatus.STOPPED

    @property
    def running(self) -> bool:
        worker = self._worker
        return worker is not None and worker.is_alive()

    def list_readers(self) -> list[str]:
        """The readers the service is watching now (a snapshot; empty when stopped)."""
        worker = self._worker
        return worker.readers() if worker is not None and worker.is_alive() else []

    def start(self) -> None:
        """Start the reader thread. Does nothing if it is already running."""
        with self._guard:
            if self._worker is not None and self._worker.is_alive():
                return
            self._worker = ReaderWorker(self._config)
            self._worker.start()

    def stop(self, timeout: float = 2.0) -> bool:
        """Stop the reader thread; returns True when it has ended within ``timeout``.

        After ``stop()`` returns no further events are delivered. Safe to call twice,
        and from the listener (then it does not wait).
        """
        with self._guard:
            worker = self._worker
            if worker is None:
                return True
            worker.halt()
            if worker is threading.current_thread():
                return False
            # SCardCancel only interrupts a wait already in progress: repeat it, in case
            # the thread was between two SCardGetStatusChange calls the first time.
            deadline = time.monotonic() + timeout
            while worker.is_alive() and (remaining := deadline - time.monotonic()) > 0:
                worker.join(min(0.05, remaining))
                if worker.is_alive():
                    worker.halt()
            ended = not worker.is_alive()
            if not ended:
                _log.warning("card reader thread did not stop within %.1f s", timeout)
            worker.mute()
            return ended

    def __enter__(self) -> PcscReaderService:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

