"""Thin, typed access to the PC/SC API (pyscard's ``smartcard.scard``).

pyscard is imported lazily (on first use, never at import time) so that the
application starts, and reports "no card service", on a machine without a PC/SC
library. The constants are the fixed values of the PC/SC (winscard) API, identical
on pcsc-lite, Windows and macOS; keeping them here lets tests drive the reader
service with a fake API.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import Any, Protocol

__all__ = [
    "GET_UID_APDU",
    "PNP_NOTIFICATION",
    "PcscError",
    "PcscServiceUnavailable",
    "ScardApi",
    "describe_hresult",
    "describe_status_word",
    "list_readers",
    "load_scard",
]

# -- constants (winscard.h / pcsclite.h) ------------------------------------------

SCARD_S_SUCCESS = 0x00000000
SCARD_F_INTERNAL_ERROR = 0x80100001
SCARD_E_CANCELLED = 0x80100002
SCARD_E_INVALID_HANDLE = 0x80100003
SCARD_E_INVALID_PARAMETER = 0x80100004
SCARD_E_NO_MEMORY = 0x80100006
SCARD_E_UNKNOWN_READER = 0x80100009
SCARD_E_TIMEOUT = 0x8010000A
SCARD_E_SHARING_VIOLATION = 0x8010000B
SCARD_E_NO_SMARTCARD = 0x8010000C
SCARD_E_UNKNOWN_CARD = 0x8010000D
SCARD_E_PROTO_MISMATCH = 0x8010000F
SCARD_E_NOT_READY = 0x80100010
SCARD_E_SYSTEM_CANCELLED = 0x80100012
SCARD_F_COMM_ERROR = 0x80100013
SCARD_F_UNKNOWN_ERROR = 0x80100014
SCARD_E_NOT_TRANSACTED = 0x80100016
SCARD_E_READER_UNAVAILABLE = 0x80100017
SCARD_E_NO_SERVICE = 0x8010001D
SCARD_E_SERVICE_STOPPED = 0x8010001E
SCARD_E_NO_READERS_AVAILABLE = 0x8010002E
SCARD_W_UNSUPPORTED_CARD = 0x80100065
SCARD_W_UNRESPONSIVE_CARD = 0x80100066
SCARD_W_UNPOWERED_CARD = 0x80100067
SCARD_W_RESET_CARD = 0x80100068
SCARD_W_REMOVED_CARD = 0x80100069

SCARD_SCOPE_USER = 0
SCARD_SHARE_SHARED = 2
SCARD_LEAVE_CARD = 0
SCARD_PROTOCOL_T0 = 0x0001
SCARD_PROTOCOL_T1 = 0x0002

SCARD_STATE_UNAWARE = 0x0000
SCARD_STATE_IGNORE = 0x0001
SCARD_STATE_CHANGED = 0x0002
SCARD_STATE_UNKNOWN = 0x0004
SCARD_STATE_UNAVAILABLE = 0x0008
SCARD_STATE_EMPTY = 0x0010
SCARD_STATE_PRESENT = 0x0020
SCARD_STATE_EXCLUSIVE = 0x0080
SCARD_STATE_INUSE = 0x0100
SCARD_STATE_MUTE = 0x0200

# The pseudo-reader whose state changes when a reader is plugged in or out.
PNP_NOTIFICATION = "\\\\?PnP?\\Notification"

# PC/SC part 3 "Get Data": the UID of the card in the field.
GET_UID_APDU: tuple[int, ...] = (0xFF, 0xCA, 0x00, 0x00, 0x00)

# Result codes meaning "the resource manager (pcscd) is gone".
SERVICE_LOST_CODES = frozenset(
    {SCARD_E_NO_SERVICE, SCARD_E_SERVICE_STOPPED, SCARD_E_INVALID_HANDLE, SCARD_F_COMM_ERROR}
)

_HRESULT_TEXT: dict[int, str] = {
    SCARD_S_SUCCESS: "success",
    SCARD_F_INTERNAL_ERROR: "internal error in the PC/SC service",
    SCARD_E_CANCELLED: "cancelled",
    SCARD_E_INVALID_HANDLE: "invalid handle (the PC/SC service was restarted?)",
    SCARD_E_INVALID_PARAMETER: "invalid parameter",
    SCARD_E_NO_MEMORY: "out of memory",
    SCARD_E_UNKNOWN_READER: "unknown reader (unplugged?)",
    SCARD_E_TIMEOUT: "timeout",
    SCARD_E_SHARING_VIOLATION: "the card is in use by another program",
    SCARD_E_NO_SMARTCARD: "no card in the reader",
    SCARD_E_UNKNOWN_CARD: "unknown card",
    SCARD_E_PROTO_MISMATCH: "card protocol not supported",
    SCARD_E_NOT_READY: "reader or card not ready",
    SCARD_E_SYSTEM_CANCELLED: "cancelled by the system",
    SCARD_F_COMM_ERROR: "communication error with the PC/SC service",
    SCARD_F_UNKNOWN_ERROR: "unknown PC/SC error",
    SCARD_E_NOT_TRANSACTED: "the card did not answer (transaction failed)",
    SCARD_E_READER_UNAVAILABLE: "reader unavailable (unplugged?)",
    SCARD_E_NO_SERVICE: "the PC/SC service (pcscd) is not running",
    SCARD_E_SERVICE_STOPPED: "the PC/SC service (pcscd) has stopped",
    SCARD_E_NO_READERS_AVAILABLE: "no card reader connected",
    SCARD_W_UNSUPPORTED_CARD: "unsupported card",
    SCARD_W_UNRESPONSIVE_CARD: "the card does not respond",
    SCARD_W_UNPOWERED_CARD: "the card is not powered",
    SCARD_W_RESET_CARD: "the card was reset",
    SCARD_W_REMOVED_CARD: "the card was removed",
}

_SW_TEXT: dict[str, str] = {
    "6300": "the reader could not read the card (6300)",
    "6281": "part of the returned data may be corrupted (6281)",
    "6282": "end of data reached before Le bytes (6282)",
    "6700": "wrong length (6700)",
    "6800": "command not supported by this reader (6800)",
    "6981": "command incompatible with this card (6981)",
    "6982": "security status not satisfied (6982)",
    "6A81": "this reader or card does not support reading the UID (6A81)",
    "6A82": "data not found (6A82)",
    "6B00": "wrong parameters (6B00)",
    "6D00": "instruction not supported (6D00)",
    "6E00": "class not supported (6E00)",
}


def normalise_hresult(code: int) -> int:
    """pyscard returns result codes signed on Windows and unsigned elsewhere."""
    return int(code) & 0xFFFFFFFF


def describe_hresult(code: int) -> str:
    """A short English description of a PC/SC result code, with the code in hex."""
    code = normalise_hresult(code)
    text = _HRESULT_TEXT.get(code, "PC/SC error")
    return f"{text} (0x{code:08X})"


def describe_status_word(sw: str) -> str:
    """A short English description of an error status word such as ``6A81``."""
    sw = sw.upper()
    if sw in _SW_TEXT:
        return _SW_TEXT[sw]
    if sw.startswith("6C"):
        return f"wrong Le, card wants {int(sw[2:], 16)} bytes ({sw})"
    return f"the card answered with error status {sw}"


# -- the API surface the reader service uses --------------------------------------


class ScardApi(Protocol):
    """The subset of ``smartcard.scard`` used here (same names and return shapes)."""

    def SCardEstablishContext(self, dwScope: int) -> tuple[int, Any]: ...

    def SCardReleaseContext(self, hcontext: Any) -> int: ...

    def SCardListReaders(self, hcontext: Any, readergroups: list[str]) -> tuple[int, list[str]]: ...

    def SCardGetStatusChange(
        self, hcontext: Any, dwTimeout: int, readerstatelist: Sequence[tuple[str, int]]
    ) -> tuple[int, list[tuple[str, int, list[int]]]]: ...

    def SCardCancel(self, hcontext: Any) -> int: ...

    def SCardConnect(
        self, hcontext: Any, readername: str, dwShareMode: int, dwPreferredProtocols: int
    ) -> tuple[int, Any, int]: ...

    def SCardTransmit(
        self, hcard: Any, pioSendPci: int, apducommand: list[int]
    ) -> tuple[int, list[int]]: ...

    def SCardDisconnect(self, hcard: Any, dwDisposition: int) -> int: ...


class PcscError(RuntimeError):
    """A PC/SC call failed. ``code`` is the PC/SC result code, when there is one."""

    def __init__(self, message: str, code: int | None = None) -> None:
        super().__init__(message)
        self.code = code


class PcscServiceUnavailable(PcscError):
    """No PC/SC service: pcscd (or the Windows smart card service) is not running,
    or the PC/SC library (pyscard / libpcsclite) is missing."""


def load_scard() -> ScardApi:
    """Import pyscard's low-level module, or raise :class:`PcscServiceUnavailable`."""
    try:
        module: Any = importlib.import_module("smartcard.scard")
    except Exception as exc:  # ImportError, or OSError when libpcsclite is missing
        raise PcscServiceUnavailable(f"PC/SC library unavailable: {exc}") from exc
    api: ScardApi = module
    return api


def list_readers(api: ScardApi | None = None) -> list[str]:
    """Names of the connected PC/SC readers (empty list when none is plugged in).

    Raises :class:`PcscServiceUnavailable` when the PC/SC service is not running and
    :class:`PcscError` for other failures.
    """
    scard = api if api is not None else load_scard()
    hr, ctx = scard.SCardEstablishContext(SCARD_SCOPE_USER)
    hr = normalise_hresult(hr)
    if hr != SCARD_S_SUCCESS:
        raise PcscServiceUnavailable(
            f"cannot connect to the PC/SC service: {describe_hresult(hr)}", hr
        )
    try:
        hr, readers = scard.SCardListReaders(ctx, [])
        hr = normalise_hresult(hr)
        if hr == SCARD_E_NO_READERS_AVAILABLE:
            return []
        if hr in SERVICE_LOST_CODES:
            raise PcscServiceUnavailable(f"cannot list readers: {describe_hresult(hr)}", hr)
        if hr != SCARD_S_SUCCESS:
            raise PcscError(f"cannot list readers: {describe_hresult(hr)}", hr)
        return [str(name) for name in readers]
    finally:
        scard.SCardReleaseContext(ctx)
