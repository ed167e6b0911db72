"""Events the card reader service reports to its listener (frozen dataclasses).

The listener is called on the reader thread; a Qt bridge re-emits them as signals.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "CardInserted",
    "CardRemoved",
    "ReadError",
    "ReadErrorReason",
    "ReaderAdded",
    "ReaderEvent",
    "ReaderListener",
    "ReaderRemoved",
    "ReaderStatus",
    "StatusChanged",
]


class ReaderStatus(StrEnum):
    """Overall state of card reading, for the status bar."""

    STOPPED = "stopped"
    """The service is not running (before ``start()`` and after ``stop()``)."""
    NO_SERVICE = "no_service"
    """No PC/SC service (pcscd not running, library missing); retried periodically."""
    NO_READER = "no_reader"
    """The service runs but no reader is plugged in."""
    READY = "ready"
    """At least one reader, no card on any reader."""
    CARD_PRESENT = "card_present"
    """A card lies on at least one reader."""


class ReadErrorReason(StrEnum):
    """Why a presented card could not be read."""

    STATUS_WORD = "status_word"
    """The reader/card answered ``FF CA 00 00 00`` with an error status word."""
    BAD_RESPONSE = "bad_response"
    """``90 00`` but the data is not a 4, 7, 8 or 10 byte UID."""
    NO_RESPONSE = "no_response"
    """The card gave no answer (usually moved out of the field)."""
    CARD_REMOVED = "card_removed"
    """The card was taken away during the read."""
    READER_REMOVED = "reader_removed"
    """The reader was unplugged during the read."""
    SERVICE_LOST = "service_lost"
    """The PC/SC service stopped during the read."""
    READER_BUSY = "reader_busy"
    """Another program holds the card exclusively."""
    UNRESPONSIVE_CARD = "unresponsive_card"
    """The card does not answer to reset / unsupported card."""
    PCSC_ERROR = "pcsc_error"
    """Any other PC/SC failure (see ``pcsc_code``)."""


@dataclass(frozen=True, slots=True)
class StatusChanged:
    """The overall :class:`ReaderStatus` changed; ``detail`` is English, for logs."""

    status: ReaderStatus
    detail: str = ""


@dataclass(frozen=True, slots=True)
class ReaderAdded:
    reader: str


@dataclass(frozen=True, slots=True)
class ReaderRemoved:
    reader: str


@dataclass(frozen=True, slots=True)
class CardInserted:
    """A card was presented and its UID read. Every presentation gives one event,
    also when the same card is presented again."""

    reader: str
    uid: str
    """Canonical upper-case hex, e.g. ``04A1B2C3``."""
    atr: str = ""
    """The card's ATR in upper-case hex (informational)."""


@dataclass(frozen=True, slots=True)
class CardRemoved:
    reader: str
    uid: str | None
    """UID of the card that left, or None when it could not be read."""


@dataclass(frozen=True, slots=True)
class ReadError:
    """A card was presented but its UID could not be read. The service keeps running."""

    reader: str
    reason: ReadErrorReason
    message: str
    """English, for logs; the UI translates ``reason``."""
    status_word: str | None = None
    """The error status word in hex (``6A81``) for ``STATUS_WORD``."""
    pcsc_code: int | None = None
    """The PC/SC result code, when a PC/SC call failed."""


ReaderEvent = StatusChanged | ReaderAdded | ReaderRemoved | CardInserted | CardRemoved | ReadError
ReaderListener = Callable[[ReaderEvent], None]
