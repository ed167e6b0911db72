"""The PC/SC reader service's thread (:class:`ReaderWorker`): one run of
:class:`~memberdesk.hardware.pcsc_reader.PcscReaderService` from ``start()`` to ``stop()``.

It loops on ``SCardGetStatusChange`` over every reader plus the PnP pseudo-reader,
reads a new card's UID and turns every fault into an event or a log line (see the
service's docstring); nothing here is used by other modules but the service.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from memberdesk.hardware.pcsc_api import (
    PNP_NOTIFICATION,
    SCARD_E_CANCELLED,
    SCARD_E_NO_READERS_AVAILABLE,
    SCARD_E_NO_SERVICE,
    SCARD_E_SERVICE_STOPPED,
    SCARD_E_TIMEOUT,
    SCARD_S_SUCCESS,
    SCARD_SCOPE_USER,
    SCARD_STATE_CHANGED,
    SCARD_STATE_IGNORE,
    SCARD_STATE_MUTE,
    SCARD_STATE_PRESENT,
    SCARD_STATE_UNAWARE,
    SCARD_STATE_UNKNOWN,
    SERVICE_LOST_CODES,
    PcscServiceUnavailable,
    ScardApi,
    describe_hresult,
    load_scard,
    normalise_hresult,
)
from memberdesk.hardware.pcsc_card import (
    READER_GONE_CODES,
    ReadFailure,
    event_counter,
    explain_failure,
    read_uid,
)
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

_log = logging.getLogger("memberdesk.hardware.pcsc_reader")

_MAX_CONSECUTIVE_FAILURES = 3
_SERVICE_STOPS_WITHOUT_READERS = sys.platform == "win32"
_MAX_SPURIOUS_PNP_WAKEUPS = 5


class _ServiceLost(Exception):
    """Internal: the PC/SC context is unusable; reconnect after ``retry_interval``."""

    def __init__(self, message: str, code: int | None = None) -> None:
        super().__init__(message)
        self.code = code


def _status_without_service(code: int | None) -> ReaderStatus:
    """Windows 8+ stops its smart card service when the last reader is unplugged and
    starts it when one is plugged in: there "service stopped" means "no reader"."""
    if _SERVICE_STOPS_WITHOUT_READERS and code in (SCARD_E_NO_SERVICE, SCARD_E_SERVICE_STOPPED):
        return ReaderStatus.NO_READER
    return ReaderStatus.NO_SERVICE


@dataclass(frozen=True, slots=True)
class ServiceConfig:
    listener: ReaderListener
    retry_interval: float
    poll_interval: float
    removal_grace: float
    reader_filter: Callable[[str], bool] | None
    api: ScardApi | None


@dataclass(slots=True)
class _Slot:
    """What the worker knows about one reader."""

    state: int = SCARD_STATE_UNAWARE
    present: bool = False
    counter: int = -1
    uid: str | None = None
    mute: bool = False


class ReaderWorker(threading.Thread):
    """One run of the service (``start()`` to ``stop()``); all state is per run."""

    def __init__(self, config: ServiceConfig) -> None:
        super().__init__(name="memberdesk-pcsc-reader", daemon=True)
        self._cfg = config
        self._halt = threading.Event()
        self._muted = False
        self._lock = threading.Lock()
        self._ctx: Any = None
        self._status = ReaderStatus.STOPPED
        self._slots: dict[str, _Slot] = {}

    # -- called from other threads ----------------------------------------------------

    @property
    def status(self) -> ReaderStatus:
        with self._lock:
            return self._status

    def readers(self) -> list[str]:
        with self._lock:
            return list(self._slots)

    def halt(self) -> None:
        """Ask the thread to finish and interrupt a blocking SCardGetStatusChange."""
        self._halt.set()
        with self._lock:
            ctx, api = self._ctx, self._cfg.api
        if ctx is not None and api is not None:
            try:
                api.SCardCancel(ctx)
            except Exception:  # the context may be dying with pcscd; the timeout covers it
                _log.debug("SCardCancel failed", exc_info=True)

    def mute(self) -> None:
        """Deliver no more events (after ``stop()`` returned)."""
        self._muted = True

    # -- the thread -------------------------------------------------------------------

    def run(self) -> None:
        try:
            while not self._halt.is_set():
                try:
                    self._session()
                except Exception as exc:  # a bug: log it, report it, keep the service alive
                    _log.exception("card reader thread failed; restarting")
                    self._drop_all()
                    self._set_status(ReaderStatus.NO_SERVICE, f"internal error: {exc!r}")
                self._halt.wait(self._cfg.retry_interval)
        finally:
            with self._lock:
                self._slots.clear()
            self._set_status(ReaderStatus.STOPPED, "card reader service stopped")

    def _session(self) -> None:
        """Connect to the PC/SC service and monitor until it is lost or we are halted."""
        try:
            api = self._cfg.api if self._cfg.api is not None else load_scard()
        except PcscServiceUnavailable as exc:
            self._set_status(ReaderStatus.NO_SERVICE, str(exc))
            return
        hr, ctx = api.SCardEstablishContext(SCARD_SCOPE_USER)
        hr = normalise_hresult(hr)
        if hr != SCARD_S_SUCCESS:
            self._set_status(
                _status_without_service(hr), f"cannot connect to PC/SC: {describe_hresult(hr)}"
            )
            return
        with self._lock:
            self._ctx = ctx
            self._cfg = replace(self._cfg, api=api)
        try:
            self._monitor(api, ctx)
        except _ServiceLost as lost:
            _log.info("PC/SC service lost: %s", lost)
            self._drop_all()
            self._set_status(_status_without_service(lost.code), str(lost))
        finally:
            with self._lock:
                self._ctx = None
            try:
                api.SCardReleaseContext(ctx)
            except Exception:
                _log.debug("SCardReleaseContext failed", exc_info=True)

    def _monitor(self, api: ScardApi, ctx: Any) -> None:
        use_pnp = True
        pnp_state = SCARD_STATE_UNAWARE
        failures = 0
        spurious_pnp = 0
        timeout_ms = max(1, int(self._cfg.poll_interval * 1000))
        while not self._halt.is_set():
            readers_changed = self._sync_readers(self._list_readers(api, ctx))
            self._refresh_status()
            query: list[tuple[str, int]] = [(PNP_NOTIFICATION, pnp_state)] if use_pnp else []
            with self._lock:
                query.extend((name, slot.state) for name, slot in self._slots.items())
            if not query:
                self._halt.wait(self._cfg.poll_interval)
                continue
            if readers_changed:
                spurious_pnp = 0
            hr, results = api.SCardGetStatusChange(ctx, timeout_ms, query)
            hr = normalise_hresult(hr)
            if hr in (SCARD_E_TIMEOUT, SCARD_E_CANCELLED):
                failures = 0
                continue
            if hr in SERVICE_LOST_CODES:
                raise _ServiceLost(f"PC/SC service lost: {describe_hresult(hr)}", hr)
            if hr != SCARD_S_SUCCESS:
                failures += 1
                if failures >= _MAX_CONSECUTIVE_FAILURES:
                    raise _ServiceLost(f"waiting for card events failed: {describe_hresult(hr)}")
                if hr not in READER_GONE_CODES:  # those just need a fresh reader list
                    _log.warning("SCardGetStatusChange: %s", describe_hresult(hr))
                self._halt.wait(min(0.1, self._cfg.poll_interval))
                continue
            failures = 0
            reader_event_seen = False
            for name, event_state, atr in results:
                event = int(event_state)
                if name == PNP_NOTIFICATION:
                    if event & SCARD_STATE_UNKNOWN:
                        _log.info("PC/SC service has no hot-plug notification; polling")
                        use_pnp = False
                    else:
                        pnp_state = event & ~SCARD_STATE_CHANGED
                    continue
                with self._lock:
                    slot = self._slots.get(name)
                if slot is not None and event & SCARD_STATE_CHANGED:
                    reader_event_seen = True
                    self._on_reader_state(api, ctx, name, slot, event, atr)
            if not reader_event_seen:
                # Only the PnP pseudo-reader woke us. If that keeps happening without a
                # reader change, this platform's PnP does not block: stop using it.
                spurious_pnp += 1
                if spurious_pnp > _MAX_SPURIOUS_PNP_WAKEUPS and not readers_changed:
                    _log.info("PnP notification keeps firing; falling back to polling")
                    use_pnp = False
            else:
                spurious_pnp = 0
            self._refresh_status()

    def _list_readers(self, api: ScardApi, ctx: Any) -> list[str]:
        hr, names = api.SCardListReaders(ctx, [])
        hr = normalise_hresult(hr)
        if hr == SCARD_E_NO_READERS_AVAILABLE:
            return []
        if hr != SCARD_S_SUCCESS:
            raise _ServiceLost(f"cannot list readers: {describe_hresult(hr)}", hr)
        accept = self._cfg.reader_filter
        return [
            str(n)
            for n in names
            if str(n) != PNP_NOTIFICATION and (accept is None or accept(str(n)))
        ]

    def _sync_readers(self, names: Sequence[str]) -> bool:
        """Emit ReaderAdded/ReaderRemoved for the difference; True if anything changed."""
        with self._lock:
            gone = [(n, s) for n, s in self._slots.items() if n not in names]
            for name, _slot in gone:
                del self._slots[name]
            added = [n for n in names if n not in self._slots]
            for name in added:
                self._slots[name] = _Slot()
        for name, slot in gone:
            if slot.present:
                self._emit(CardRemoved(name, slot.uid))
            self._emit(ReaderRemoved(name))
        for name in added:
            self._emit(ReaderAdded(name))
        return bool(gone or added)

    def _drop_all(self) -> None:
        """Forget every reader (the service went away), reporting what disappeared."""
        with self._lock:
            slots = list(self._slots.items())
            self._slots.clear()
        for name, slot in slots:
            if slot.present:
                self._emit(CardRemoved(name, slot.uid))
            self._emit(ReaderRemoved(name))

    def _on_reader_state(
        self, api: ScardApi, ctx: Any, name: str, slot: _Slot, event: int, atr: Sequence[int]
    ) -> None:
        if event & (SCARD_STATE_UNKNOWN | SCARD_STATE_IGNORE):
            return  # the reader vanished; the next reader list reports it
        slot.state = event & ~SCARD_STATE_CHANGED
        present = bool(event & SCARD_STATE_PRESENT)
        counter = event_counter(event)
        # A changed counter while present means the card left and came back (or another
        # card came) between two looks: that is a removal plus a new presentation.
        new_presentation = present and (not slot.present or counter != slot.counter)
        if slot.present and (not present or new_presentation):
            uid, slot.present, slot.uid, slot.mute = slot.uid, False, None, False
            self._emit(CardRemoved(name, uid))
        slot.counter = counter
        mute = bool(event & SCARD_STATE_MUTE)
        retry_after_mute = present and slot.present and slot.mute and not mute
        if not (new_presentation or retry_after_mute):
            return
        slot.present = True
        slot.mute = mute
        self._refresh_status()
        if mute:
            self._emit(
                ReadError(
                    name,
                    ReadErrorReason.UNRESPONSIVE_CARD,
                    "the card does not answer (mute card)",
                )
            )
            return
        self._read_card(api, ctx, name, slot, bytes(atr).hex().upper())

    # -- reading the UID ----------------------------------------------------------------

    def _read_card(self, api: ScardApi, ctx: Any, name: str, slot: _Slot, atr: str) -> None:
        try:
            outcome = read_uid(api, ctx, name)
        except Exception as exc:  # an unexpected pyscard failure must not end the service
            _log.exception("reading the card UID failed unexpectedly")
            outcome = ReadFailure(ReadErrorReason.PCSC_ERROR, f"unexpected error: {exc!r}")
        if isinstance(outcome, str):
            slot.uid = outcome
            self._emit(CardInserted(name, outcome, atr))
            return
        failure = outcome
        if failure.ambiguous:
            failure = explain_failure(
                api, ctx, name, slot.state, failure, self._cfg.removal_grace, self._halt.is_set
            )
        self._emit(
            ReadError(name, failure.reason, failure.message, failure.status_word, failure.pcsc_code)
        )
        if failure.reason is ReadErrorReason.SERVICE_LOST:
            raise _ServiceLost(failure.message, failure.pcsc_code)

    # -- status and delivery ------------------------------------------------------------

    def _refresh_status(self) -> None:
        with self._lock:
            slots = list(self._slots.items())
        if not slots:
            self._set_status(ReaderStatus.NO_READER, "no card reader connected")
            return
        on = [name for name, slot in slots if slot.present]
        if on:
            self._set_status(ReaderStatus.CARD_PRESENT, f"card on {', '.join(on)}")
        else:
            self._set_status(ReaderStatus.READY, f"ready: {', '.join(n for n, _ in slots)}")

    def _set_status(self, status: ReaderStatus, detail: str) -> None:
        with self._lock:
            if status is self._status:
                return
            self._status = status
        _log.info("card reader status: %s (%s)", status.value, detail)
        self._emit(StatusChanged(status, detail))

    def _emit(self, event: ReaderEvent) -> None:
        if self._muted:
            return
        _log.debug("card reader event: %r", event)
        try:
            self._cfg.listener(event)
        except Exception:
            _log.exception("card reader listener failed on %r", event)
