"""A virtual contactless card for the ``vsmartcard-vpcd`` PC/SC driver.

vpcd (loaded by pcscd through ``/etc/reader.conf.d/vpcd``) listens on TCP 35963 for
the reader "Virtual PCD 00 00" (and 35964 for "... 00 01"). A card is a TCP client:
connecting inserts it, closing removes it. Every message in both directions is a
2-byte big-endian length followed by the payload. A 1-byte payload from vpcd is a
control code (0 power off, 1 power on, 2 reset, 4 send the ATR); a longer payload is
a command APDU that must be answered with a response APDU. pcscd asks for the ATR on
every poll (about every 400 ms) to see whether the card is still there.

Never connect to the vpcd port for any other purpose: a connection is an insertion.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Callable, Iterator
from types import TracebackType
from typing import Any

VPCD_HOST = "127.0.0.1"
VPCD_PORT = 35963
VPCD_PORT_SECOND_SLOT = 35964

# PC/SC part 3 pseudo-ATR of a MIFARE Classic 1K seen through a contactless reader
# (offers T=0 and T=1, correct TCK).
DEFAULT_ATR = bytes.fromhex("3B8F8001804F0CA000000306030001000000006A")
GET_UID_APDU = bytes.fromhex("FFCA000000")
SW_OK = bytes.fromhex("9000")
SW_INS_NOT_SUPPORTED = bytes.fromhex("6D00")
SW_FUNCTION_NOT_SUPPORTED = bytes.fromhex("6A81")

CTRL_POWER_OFF = 0
CTRL_POWER_ON = 1
CTRL_RESET = 2
CTRL_ATR = 4

_TCP_QUICKACK = getattr(socket, "TCP_QUICKACK", 12)

# A responder gets a command APDU and returns the response APDU (data + SW1 SW2),
# or None to drop the connection without answering (the card was pulled mid-read).
Responder = Callable[[bytes], bytes | None]


class VirtualCardError(RuntimeError):
    """The virtual card could not be inserted (is the test pcscd with vpcd running?)."""


def _uid_bytes(uid: str | bytes) -> bytes:
    if isinstance(uid, bytes):
        return uid
    cleaned = "".join(ch for ch in uid if ch not in " :-")
    return bytes.fromhex(cleaned)


class VirtualCard:
    """One virtual card; ``insert()`` puts it on the reader, ``remove()`` takes it off.

    ``uid``: the UID returned for ``FF CA 00 00 00`` (hex string or bytes).
    ``get_uid_sw``: answer ``FF CA 00 00 00`` with this status word only (e.g. ``6A81``,
    ``6300``) instead of UID + ``9000``.
    ``drop_on_get_uid``: close the connection instead of answering the UID command,
    which the reader sees as a card pulled out in the middle of the read.
    ``responder``: full control; overrides the two options above.
    """

    def __init__(
        self,
        uid: str | bytes,
        *,
        atr: bytes = DEFAULT_ATR,
        get_uid_sw: bytes | str | None = None,
        drop_on_get_uid: bool = False,
        responder: Responder | None = None,
        host: str = VPCD_HOST,
        port: int = VPCD_PORT,
        connect_timeout: float = 2.0,
    ) -> None:
        self.uid = _uid_bytes(uid)
        self.atr = atr
        self.get_uid_sw = bytes.fromhex(get_uid_sw) if isinstance(get_uid_sw, str) else get_uid_sw
        self.drop_on_get_uid = drop_on_get_uid
        self._responder = responder
        self.host = host
        self.port = port
        self.connect_timeout = connect_timeout
        self.get_uid_requested = threading.Event()
        self.dropped = threading.Event()
        self._apdus: list[bytes] = []
        self._controls: list[int] = []
        self._lock = threading.Lock()
        self._sock: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None

    # -- public -----------------------------------------------------------------------

    @property
    def uid_hex(self) -> str:
        return self.uid.hex().upper()

    @property
    def apdus(self) -> list[bytes]:
        """Command APDUs received so far."""
        with self._lock:
            return list(self._apdus)

    @property
    def controls(self) -> list[int]:
        """Control codes received so far (power on/off, reset, ATR requests)."""
        with self._lock:
            return list(self._controls)

    @property
    def serving(self) -> bool:
        """True while the connection to vpcd is open (the card is on the reader)."""
        return self._thread is not None and self._thread.is_alive()

    @property
    def error(self) -> BaseException | None:
        """An unexpected exception raised in the serving thread, if any."""
        return self._error

    def insert(self) -> None:
        """Connect to vpcd (= put the card on the reader) and start answering."""
        if self.serving:
            raise VirtualCardError("card is already inserted")
        self.get_uid_requested.clear()
        self.dropped.clear()
        try:
            sock = socket.create_connection((self.host, self.port), timeout=self.connect_timeout)
        except OSError as exc:
            raise VirtualCardError(
                f"cannot connect to vpcd on {self.host}:{self.port} ({exc}); "
                "is pcscd running with the vsmartcard-vpcd driver?"
            ) from exc
        sock.settimeout(None)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._sock = sock
        self._thread = threading.Thread(
            target=self._serve, args=(sock,), name=f"vpcd-card-{self.uid_hex}", daemon=True
        )
        self._thread.start()

    def remove(self, timeout: float = 2.0) -> None:
        """Close the connection (= take the card off the reader). Idempotent."""
        sock, self._sock = self._sock, None
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            with contextlib.suppress(OSError):
                sock.close()
        thread, self._thread = self._thread, None
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)

    def respond(self, apdu: bytes) -> bytes | None:
        """The card's answer to one command APDU (None = drop the connection)."""
        if self._responder is not None:
            return self._responder(apdu)
        if apdu[:4] == GET_UID_APDU[:4]:
            self.get_uid_requested.set()
            if self.drop_on_get_uid:
                return None
            if self.get_uid_sw is not None:
                return self.get_uid_sw
            return self.uid + SW_OK
        if apdu[:2] == GET_UID_APDU[:2]:  # FF CA 01 00: ATS, not supported here
            return SW_FUNCTION_NOT_SUPPORTED
        return SW_INS_NOT_SUPPORTED

    def __enter__(self) -> VirtualCard:
        self.insert()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.remove()

    def __repr__(self) -> str:
        return f"VirtualCard(uid={self.uid_hex}, port={self.port}, serving={self.serving})"

    # -- serving thread ---------------------------------------------------------------

    def _serve(self, sock: socket.socket) -> None:
        try:
            while True:
                header = self._recv_exact(sock, 2)
                if header is None:
                    return
                length = int.from_bytes(header, "big")
                payload = self._recv_exact(sock, length) if length else b""
                if payload is None:
                    return
                if length == 1:
                    self._on_control(sock, payload[0])
                    continue
                if length == 0:
                    continue
                with self._lock:
                    self._apdus.append(payload)
                answer = self.respond(payload)
                if answer is None:
                    self.dropped.set()
                    with contextlib.suppress(OSError):
                        sock.shutdown(socket.SHUT_RDWR)
                    with contextlib.suppress(OSError):
                        sock.close()
                    return
                self._send_frame(sock, answer)
        except OSError:
            return  # connection closed by remove() or by vpcd
        except BaseException as exc:  # pragma: no cover - surfaced through .error
            self._error = exc
            with contextlib.suppress(OSError):
                sock.close()

    def _on_control(self, sock: socket.socket, code: int) -> None:
        with self._lock:
            self._controls.append(code)
        if code == CTRL_ATR:
            self._send_frame(sock, self.atr)
        # power on / power off / reset need no answer

    @staticmethod
    def _send_frame(sock: socket.socket, payload: bytes) -> None:
        sock.sendall(len(payload).to_bytes(2, "big") + payload)

    @staticmethod
    def _recv_exact(sock: socket.socket, size: int) -> bytes | None:
        chunks = bytearray()
        while len(chunks) < size:
            chunk = sock.recv(size - len(chunks))
            if not chunk:
                return None
            # Without this, delayed ACKs make every APDU round trip cost ~40 ms.
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.IPPROTO_TCP, _TCP_QUICKACK, 1)
            chunks += chunk
        return bytes(chunks)


def virtual_cards() -> Iterator[Callable[..., VirtualCard]]:
    """The body of a fixture (``yield from virtual_cards()``): makes cards, and
    afterwards takes them all away and waits until pcscd has seen them leave (the
    next test must not insert a card before that)."""
    from .pcscd import VPCD_READER, wait_reader_empty

    made: list[VirtualCard] = []

    def make(uid: str, **kwargs: Any) -> VirtualCard:
        card = VirtualCard(uid, **kwargs)
        made.append(card)
        return card

    yield make
    for card in made:
        card.remove()
    if made:
        assert wait_reader_empty(VPCD_READER), "pcscd did not notice the card removal"
