"""Reading a card's UID over PC/SC, and explaining why a read failed.

Used by the reader service's thread; pure functions over a :class:`ScardApi` and a
context handle, so they can be driven by a fake API in tests.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from memberdesk.hardware.pcsc_api import (
    GET_UID_APDU,
    SCARD_E_NO_READERS_AVAILABLE,
    SCARD_E_NO_SERVICE,
    SCARD_E_NO_SMARTCARD,
    SCARD_E_PROTO_MISMATCH,
    SCARD_E_READER_UNAVAILABLE,
    SCARD_E_SERVICE_STOPPED,
    SCARD_E_SHARING_VIOLATION,
    SCARD_E_UNKNOWN_CARD,
    SCARD_E_UNKNOWN_READER,
    SCARD_LEAVE_CARD,
    SCARD_PROTOCOL_T0,
    SCARD_PROTOCOL_T1,
    SCARD_S_SUCCESS,
    SCARD_SHARE_SHARED,
    SCARD_STATE_CHANGED,
    SCARD_STATE_IGNORE,
    SCARD_STATE_PRESENT,
    SCARD_STATE_UNKNOWN,
    SCARD_W_REMOVED_CARD,
    SCARD_W_UNPOWERED_CARD,
    SCARD_W_UNRESPONSIVE_CARD,
    SCARD_W_UNSUPPORTED_CARD,
    SERVICE_LOST_CODES,
    ScardApi,
    describe_hresult,
    describe_status_word,
    normalise_hresult,
)
from memberdesk.hardware.reader_events import ReadErrorReason
from memberdesk.hardware.uid import InvalidUidError, uid_from_bytes

__all__ = ["READER_GONE_CODES", "ReadFailure", "event_counter", "explain_failure", "read_uid"]

_log = logging.getLogger(__name__)

READER_GONE_CODES = frozenset(
    {SCARD_E_UNKNOWN_READER, SCARD_E_READER_UNAVAILABLE, SCARD_E_NO_READERS_AVAILABLE}
)
_CARD_GONE_CODES = frozenset({SCARD_W_REMOVED_CARD, SCARD_E_NO_SMARTCARD})
_BAD_CARD_CODES = frozenset(
    {
        SCARD_W_UNRESPONSIVE_CARD,
        SCARD_W_UNPOWERED_CARD,
        SCARD_W_UNSUPPORTED_CARD,
        SCARD_E_PROTO_MISMATCH,
        SCARD_E_UNKNOWN_CARD,
    }
)


def event_counter(event_state: int) -> int:
    """pcsc-lite and Windows count card insertions/removals in the high 16 bits."""
    return (event_state >> 16) & 0xFFFF


@dataclass(frozen=True, slots=True)
class ReadFailure:
    reason: ReadErrorReason
    message: str
    status_word: str | None = None
    pcsc_code: int | None = None
    ambiguous: bool = False
    """True when the card may simply have left: look again before reporting."""


def read_uid(api: ScardApi, ctx: Any, reader: str) -> str | ReadFailure:
    """Connect (shared), send ``FF CA 00 00 00``, disconnect leaving the card as it is.

    Returns the canonical UID, or a :class:`ReadFailure` saying why not.
    """
    hr, hcard, protocol = api.SCardConnect(
        ctx, reader, SCARD_SHARE_SHARED, SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1
    )
    hr = normalise_hresult(hr)
    if hr != SCARD_S_SUCCESS:
        return failure_for(hr, "connecting to the card")
    try:
        apdu = list(GET_UID_APDU)
        for attempt in range(2):
            hr, response = api.SCardTransmit(hcard, protocol, apdu)
            hr = normalise_hresult(hr)
            if hr != SCARD_S_SUCCESS:
                return failure_for(hr, "reading the UID")
            data = bytes(response)
            if len(data) < 2:
                return ReadFailure(
                    ReadErrorReason.NO_RESPONSE,
                    "the card gave no answer to the UID command",
                    ambiguous=True,
                )
            sw = data[-2:].hex().upper()
            if sw.startswith("6C") and attempt == 0:  # wrong Le: ask again with SW2
                apdu = [*GET_UID_APDU[:4], data[-1]]
                continue
            if sw != "9000":
                return ReadFailure(
                    ReadErrorReason.STATUS_WORD,
                    f"reading the UID failed: {describe_status_word(sw)}",
                    status_word=sw,
                )
            try:
                return uid_from_bytes(data[:-2])
            except InvalidUidError as exc:
                shown = data[:-2].hex().upper() or "no data"
                return ReadFailure(ReadErrorReason.BAD_RESPONSE, f"unusable UID {shown}: {exc}")
        return ReadFailure(ReadErrorReason.STATUS_WORD, "the reader kept asking for another Le")
    finally:
        try:
            api.SCardDisconnect(hcard, SCARD_LEAVE_CARD)
        except Exception:
            _log.debug("SCardDisconnect failed", exc_info=True)


def failure_for(hr: int, step: str) -> ReadFailure:
    """Classify a failed PC/SC call made while reading a card."""
    message = f"{step}: {describe_hresult(hr)}"
    if hr in (SCARD_E_NO_SERVICE, SCARD_E_SERVICE_STOPPED):
        return ReadFailure(ReadErrorReason.SERVICE_LOST, message, pcsc_code=hr)
    if hr in _CARD_GONE_CODES:
        return ReadFailure(ReadErrorReason.CARD_REMOVED, message, pcsc_code=hr)
    if hr in READER_GONE_CODES:
        return ReadFailure(ReadErrorReason.READER_REMOVED, message, pcsc_code=hr)
    if hr == SCARD_E_SHARING_VIOLATION:
        return ReadFailure(ReadErrorReason.READER_BUSY, message, pcsc_code=hr)
    if hr in _BAD_CARD_CODES:
        return ReadFailure(ReadErrorReason.UNRESPONSIVE_CARD, message, pcsc_code=hr, ambiguous=True)
    return ReadFailure(ReadErrorReason.PCSC_ERROR, message, pcsc_code=hr, ambiguous=True)


def explain_failure(
    api: ScardApi,
    ctx: Any,
    reader: str,
    state: int,
    failure: ReadFailure,
    grace: float,
    halted: Callable[[], bool],
) -> ReadFailure:
    """After an unclear failure, watch the reader for up to ``grace`` seconds: did the
    card (or the reader, or the service) go away? pcscd sees a removal within ~0.4 s.

    ``state`` is the reader's event state when the card arrived.
    """
    deadline = time.monotonic() + grace
    current = state
    while not halted():
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            break
        hr, results = api.SCardGetStatusChange(
            ctx, max(1, int(remaining * 1000)), [(reader, current)]
        )
        hr = normalise_hresult(hr)
        if hr in SERVICE_LOST_CODES:
            return replace(
                failure,
                reason=ReadErrorReason.SERVICE_LOST,
                message=f"PC/SC service lost during the read ({failure.message})",
            )
        if hr in READER_GONE_CODES:
            return _reader_removed(failure)
        if hr != SCARD_S_SUCCESS or not results:
            break
        event = int(results[0][1])
        if event & (SCARD_STATE_UNKNOWN | SCARD_STATE_IGNORE):
            return _reader_removed(failure)
        if not event & SCARD_STATE_PRESENT or event_counter(event) != event_counter(state):
            return replace(
                failure,
                reason=ReadErrorReason.CARD_REMOVED,
                message=f"card removed during the read ({failure.message})",
            )
        current = event & ~SCARD_STATE_CHANGED
    return failure


def _reader_removed(failure: ReadFailure) -> ReadFailure:
    return replace(
        failure,
        reason=ReadErrorReason.READER_REMOVED,
        message=f"reader removed during the read ({failure.message})",
    )
