"""Card readers and other devices. No Qt here: the UI bridges events to signals.

* :mod:`memberdesk.hardware.uid` — canonical card UIDs and the candidates a typed or
  keyboard-wedge string may denote.
* :mod:`memberdesk.hardware.pcsc_reader` — the PC/SC reader service (background
  thread, events to a listener).

pyscard is only imported when a reader service or ``list_readers()`` runs.
"""

from memberdesk.hardware.pcsc_api import PcscError, PcscServiceUnavailable, list_readers
from memberdesk.hardware.pcsc_reader import PcscReaderService
from memberdesk.hardware.pcsc_wait import wait_for_card
from memberdesk.hardware.reader_events import (
    CardInserted,
    CardRemoved,
    ReaderAdded,
    ReaderEvent,
    ReaderListener,
    ReaderRemoved,
    ReadError,
    ReadErrorReason,
    ReaderStatus,
    StatusChanged,
)
from memberdesk.hardware.uid import (
    InvalidUidError,
    canonical_uid,
    is_canonical_uid,
    uid_candidates,
    uid_from_bytes,
)

__all__ = [
    "CardInserted",
    "CardRemoved",
    "InvalidUidError",
    "PcscError",
    "PcscReaderService",
    "PcscServiceUnavailable",
    "ReadError",
    "ReadErrorReason",
    "ReaderAdded",
    "ReaderEvent",
    "ReaderListener",
    "ReaderRemoved",
    "ReaderStatus",
    "StatusChanged",
    "canonical_uid",
    "is_canonical_uid",
    "list_readers",
    "uid_candidates",
    "uid_from_bytes",
    "wait_for_card",
]
