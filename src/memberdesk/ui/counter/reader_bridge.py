"""PC/SC card events as Qt signals on the GUI thread.

:class:`~memberdesk.hardware.pcsc_reader.PcscReaderService` calls its listener on
its own thread. :meth:`ReaderBridge.listener` is that listener: it only emits a
private signal, which a queued connection delivers to the GUI thread; there the
bridge re-emits it as typed public signals. No widget ever sees the reader thread.

The service is created by :meth:`start` (pyscard is imported then, not before);
until then the state is ``"stopped"``. Tests feed fake events straight into
:meth:`listener` from any thread.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal

from memberdesk.hardware.reader_events import (
    CardInserted,
    CardRemoved,
    ReaderAdded,
    ReaderEvent,
    ReaderRemoved,
    ReadError,
    StatusChanged,
)

if TYPE_CHECKING:
    from memberdesk.hardware.pcsc_reader import PcscReaderService

log = logging.getLogger(__name__)


class ReaderBridge(QObject):
    status_changed = Signal(str)  # a hardware.reader_events.ReaderStatus value
    card_inserted = Signal(str)  # canonical UID
    card_removed = Signal(object)  # UID or None
    read_failed = Signal(str)  # a ReadErrorReason value
    reader_added = Signal(str)
    reader_removed = Signal(str)
    _event = Signal(object)  # emitted on the reader thread, received on the GUI thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._status = "stopped"
        self._service: PcscReaderService | None = None
        self._event.connect(self._dispatch, Qt.ConnectionType.QueuedConnection)

    @property
    def status(self) -> str:
        return self._status

    # -- the service -------------------------------------------------------------------
    def start(self, **options: Any) -> None:
        """Start watching the PC/SC readers (``options`` go to the service)."""
        if self._service is None:
            from memberdesk.hardware.pcsc_reader import PcscReaderService

            self._service = PcscReaderService(self.listener, **options)
        self._service.start()

    def stop(self) -> None:
        service, self._service = self._service, None
        if service is not None:
            service.stop()
        self._set_status("stopped")

    # -- any thread ---------------------------------------------------------------------
    def listener(self, event: ReaderEvent) -> None:
        """The service's listener: hand the event to the GUI thread, nothing else."""
        self._event.emit(event)

    # -- GUI thread ---------------------------------------------------------------------
    def _dispatch(self, event: object) -> None:
        if isinstance(event, StatusChanged):
            self._set_status(str(event.status))
        elif isinstance(event, CardInserted):
            self.card_inserted.emit(event.uid)
        elif isinstance(event, CardRemoved):
            self.card_removed.emit(event.uid)
        elif isinstance(event, ReadError):
            log.info("card read failed on %s: %s", event.reader, event.message)
            self.read_failed.emit(str(event.reason))
        elif isinstance(event, ReaderAdded):
            self.reader_added.emit(event.reader)
        elif isinstance(event, ReaderRemoved):
            self.reader_removed.emit(event.reader)
        else:
            log.warning("unknown reader event %r", event)

    def _set_status(self, status: str) -> None:
        if status != self._status:
            self._status = status
            self.status_changed.emit(status)
