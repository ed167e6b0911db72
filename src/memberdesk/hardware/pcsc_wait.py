"""Wait for one card on any PC/SC reader (``memberdesk reader test``)."""

from __future__ import annotations

import queue
import time
from collections.abc import Callable

from memberdesk.hardware.pcsc_api import ScardApi
from memberdesk.hardware.pcsc_reader import PcscReaderService
from memberdesk.hardware.reader_events import CardInserted, ReaderEvent, ReaderListener, ReadError


def wait_for_card(
    timeout: float,
    *,
    reader_filter: Callable[[str], bool] | None = None,
    on_event: ReaderListener | None = None,
    api: ScardApi | None = None,
) -> CardInserted | ReadError | None:
    """Run a reader service until one card is read (or fails to read) or ``timeout``
    seconds pass; returns the :class:`CardInserted` / :class:`ReadError`, or None.

    ``on_event`` sees every event on the caller's thread (for ``memberdesk reader
    test``). A card already on the reader counts.
    """
    events: queue.Queue[ReaderEvent] = queue.Queue()
    service = PcscReaderService(
        events.put, retry_interval=1.0, reader_filter=reader_filter, api=api
    )
    deadline = time.monotonic() + timeout
    service.start()
    try:
        while (remaining := deadline - time.monotonic()) > 0:
            try:
                event = events.get(timeout=remaining)
            except queue.Empty:
                break
            if on_event is not None:
                on_event(event)
            if isinstance(event, CardInserted | ReadError):
                return event
        return None
    finally:
        service.stop()
