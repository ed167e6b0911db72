"""The PC/SC reader service on a real PC/SC stack: a private pcscd with the
vsmartcard vpcd driver and virtual cards written in the tests (tests/support).

Faults that vpcd cannot produce (a reader unplugged in the middle of a read, a card
swapped between two polls, a broken listener) run against a small fake PC/SC API at
the end of this file.

Without pcscd/vpcd these tests skip, except with CI=true, where they fail.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import pytest

from memberdesk.hardware import pcsc_api
from memberdesk.hardware.pcsc_api import PcscServiceUnavailable, list_readers
from memberdesk.hardware.pcsc_reader import PcscReaderService
from memberdesk.hardware.pcsc_wait import wait_for_card
from memberdesk.hardware.reader_events import (
    CardInserted,
    CardRemoved,
    ReaderAdded,
    ReaderEvent,
    ReaderRemoved,
    ReadError,
    ReadErrorReason,
    ReaderStatus,
    StatusChanged,
)
from tests.support.pcscd import (
    VPCD_READER,
    PcscdProcess,
    started_pcscd,
)
from tests.support.vpcd_card import VirtualCard, virtual_cards

EVENT_TIMEOUT = 5.0  # pcscd polls every ~0.4 s; generous for a loaded CI machine


class EventRecorder:
    """Listener that queues events. ``wait_for`` returns (and consumes) the first
    event that matches, looking first at events skipped by earlier waits; bounded."""

    def __init__(self) -> None:
        self._queue: queue.Queue[ReaderEvent] = queue.Queue()
        self._pending: list[ReaderEvent] = []
        self.history: list[ReaderEvent] = []
        self.threads: set[str] = set()

    def __call__(self, event: ReaderEvent) -> None:
        self.threads.add(threading.current_thread().name)
        self._queue.put(event)

    def wait_for(
        self, match: Callable[[ReaderEvent], bool], timeout: float = EVENT_TIMEOUT
    ) -> ReaderEvent:
        for index, event in enumerate(self._pending):
            if match(event):
                del self._pending[index]
                return event
        deadline = time.monotonic() + timeout
        while (remaining := deadline - time.monotonic()) > 0:
            try:
                event = self._queue.get(timeout=remaining)
            except queue.Empty:
                break
            self.history.append(event)
            if match(event):
                return event
            self._pending.append(event)
        raise AssertionError(f"no matching event within {timeout} s; saw {self.history!r}")

    def wait_status(self, status: ReaderStatus, timeout: float = EVENT_TIMEOUT) -> ReaderEvent:
        return self.wait_for(lambda e: isinstance(e, StatusChanged) and e.status is status, timeout)

    def drain(self, quiet: float = 0.0) -> list[ReaderEvent]:
        """Everything not consumed yet (waiting ``quiet`` s for stragglers)."""
        events, self._pending = self._pending, []
        deadline = time.monotonic() + quiet
        while True:
            try:
                event = self._queue.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                break
            self.history.append(event)
            events.append(event)
        return events


def is_inserted(uid: str) -> Callable[[ReaderEvent], bool]:
    return lambda e: isinstance(e, CardInserted) and e.uid == uid


def is_removed(e: ReaderEvent) -> bool:
    return isinstance(e, CardRemoved)


def is_read_error(e: ReaderEvent) -> bool:
    return isinstance(e, ReadError)


def status_of(service: PcscReaderService) -> ReaderStatus:
    """The service's status now (a call, so type checkers do not narrow it)."""
    return service.status


# -- fixtures -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pcscd_daemon() -> Iterator[PcscdProcess]:
    yield from started_pcscd()


@pytest.fixture
def pcscd(pcscd_daemon: PcscdProcess) -> PcscdProcess:
    """The module's pcscd, running at the start of each test (a restart test may
    have left it stopped if it failed half-way)."""
    if not pcscd_daemon.running:
        pcscd_daemon.start()
    return pcscd_daemon


@pytest.fixture
def cards() -> Iterator[Callable[..., VirtualCard]]:
    yield from virtual_cards()


def _make_service(recorder: EventRecorder, **kwargs: Any) -> PcscReaderService:
    options: dict[str, Any] = {
        "retry_interval": 0.2,
        "poll_interval": 0.25,
        "reader_filter": lambda name: name == VPCD_READER,
    }
    options.update(kwargs)
    return PcscReaderService(recorder, **options)


@pytest.fixture
def recorder() -> EventRecorder:
    return EventRecorder()


@pytest.fixture
def service_factory() -> Iterator[Callable[..., PcscReaderService]]:
    """Services made by a test, all stopped at teardown even if the test fails."""
    made: list[PcscReaderService] = []

    def make(recorder: EventRecorder, **kwargs: Any) -> PcscReaderService:
        svc = _make_service(recorder, **kwargs)
        made.append(svc)
        return svc

    yield make
    for svc in made:
        svc.stop()


@pytest.fixture
def service(pcscd: PcscdProcess, recorder: EventRecorder) -> Iterator[PcscReaderService]:
    svc = _make_service(recorder)
    svc.start()
    try:
        recorder.wait_status(ReaderStatus.READY)
        yield svc
    finally:
        svc.stop()


def present_and_read(recorder: EventRecorder, card: VirtualCard, expected_uid: str) -> CardInserted:
    card.insert()
    event = recorder.wait_for(is_inserted(expected_uid))
    assert isinstance(event, CardInserted)
    return event


def take_away(recorder: EventRecorder, card: VirtualCard) -> CardRemoved:
    card.remove()
    event = recorder.wait_for(is_removed)
    assert isinstance(event, CardRemoved)
    return event


# -- real PC/SC stack -------------------------------------------------------------------


@pytest.mark.timeout(30)
def test_card_inserted_reports_canonical_uid(
    service: PcscReaderService, recorder: EventRecorder, cards: Callable[..., VirtualCard]
) -> None:
    assert status_of(service) is ReaderStatus.READY
    assert service.list_readers() == [VPCD_READER]
    card = cards("04:a1:b2:c3")
    event = present_and_read(recorder, card, "04A1B2C3")
    assert event == CardInserted(VPCD_READER, "04A1B2C3", card.atr.hex().upper())
    recorder.wait_status(ReaderStatus.CARD_PRESENT)
    assert status_of(service) is ReaderStatus.CARD_PRESENT
    assert [bytes.fromhex("FFCA000000")] == card.apdus
    # events come from the reader thread, never from the caller's
    assert recorder.threads == {"memberdesk-pcsc-reader"}


@pytest.mark.timeout(30)
def test_removal_then_a_second_different_card(
    service: PcscReaderService, recorder: EventRecorder, cards: Callable[..., VirtualCard]
) -> None:
    first = cards("04A1B2C3")
    present_and_read(recorder, first, "04A1B2C3")
    assert take_away(recorder, first) == CardRemoved(VPCD_READER, "04A1B2C3")
    recorder.wait_status(ReaderStatus.READY)

    second = cards("04112233445566")  # a 7-byte UID
    present_and_read(recorder, second, "04112233445566")
    assert take_away(recorder, second) == CardRemoved(VPCD_READER, "04112233445566")
    assert status_of(service) is ReaderStatus.READY


@pytest.mark.timeout(30)
def test_the_same_card_presented_again_counts_again(
    service: PcscReaderService, recorder: EventRecorder, cards: Callable[..., VirtualCard]
) -> None:
    card = cards("DEADBEEF")
    for _ in range(3):
        present_and_read(recorder, card, "DEADBEEF")
        take_away(recorder, card)
    inserted = [e for e in recorder.history if isinstance(e, CardInserted)]
    assert len(inserted) == 3


@pytest.mark.timeout(30)
@pytest.mark.parametrize("sw", ["6A81", "6300"])
def test_error_status_word_is_a_read_error_not_a_crash(
    sw: str,
    service: PcscReaderService,
    recorder: EventRecorder,
    cards: Callable[..., VirtualCard],
) -> None:
    bad = cards("04A1B2C3", get_uid_sw=sw)
    bad.insert()
    event = recorder.wait_for(is_read_error)
    assert isinstance(event, ReadError)
    assert event.reason is ReadErrorReason.STATUS_WORD
    assert event.status_word == sw
    assert event.reader == VPCD_READER
    assert sw in event.message
    assert take_away(recorder, bad) == CardRemoved(VPCD_READER, None)

    assert service.running
    good = cards("0A0B0C0D")
    present_and_read(recorder, good, "0A0B0C0D")


@pytest.mark.timeout(30)
def test_card_pulled_mid_read(
    service: PcscReaderService, recorder: EventRecorder, cards: Callable[..., VirtualCard]
) -> None:
    pulled = cards("04A1B2C3", drop_on_get_uid=True)
    pulled.insert()
    first = recorder.wait_for(lambda e: isinstance(e, ReadError | CardRemoved))
    assert pulled.dropped.is_set()
    if isinstance(first, ReadError):
        assert first.reason in (
            ReadErrorReason.CARD_REMOVED,
            ReadErrorReason.NO_RESPONSE,
            ReadErrorReason.PCSC_ERROR,
        ), first
        recorder.wait_for(is_removed)
    assert not any(isinstance(e, CardInserted) for e in recorder.history)
    pulled.remove()

    assert service.running
    after = cards("11223344")
    present_and_read(recorder, after, "11223344")
    take_away(recorder, after)


@pytest.mark.timeout(40)
def test_pcscd_stopped_then_started_again(
    pcscd: PcscdProcess,
    service: PcscReaderService,
    recorder: EventRecorder,
    cards: Callable[..., VirtualCard],
) -> None:
    card = cards("01020304")
    present_and_read(recorder, card, "01020304")

    pcscd.stop()
    recorder.wait_status(ReaderStatus.NO_SERVICE)
    lost = recorder.history
    assert CardRemoved(VPCD_READER, "01020304") in lost
    assert ReaderRemoved(VPCD_READER) in lost
    assert status_of(service) is ReaderStatus.NO_SERVICE
    assert service.running
    assert service.list_readers() == []
    card.remove()

    time.sleep(0.5)  # a few failed retries while the service is down
    assert status_of(service) is ReaderStatus.NO_SERVICE
    assert service.running

    pcscd.start()
    recorder.wait_for(lambda e: e == ReaderAdded(VPCD_READER))
    recorder.wait_status(ReaderStatus.READY)
    again = cards("05060708")
    present_and_read(recorder, again, "05060708")
    take_away(recorder, again)


@pytest.mark.timeout(40)
def test_service_started_while_pcscd_is_down(
    pcscd: PcscdProcess,
    recorder: EventRecorder,
    cards: Callable[..., VirtualCard],
    service_factory: Callable[..., PcscReaderService],
) -> None:
    pcscd.stop()
    with pytest.raises(PcscServiceUnavailable):
        list_readers()
    svc = service_factory(recorder)
    svc.start()
    recorder.wait_status(ReaderStatus.NO_SERVICE)
    assert status_of(svc) is ReaderStatus.NO_SERVICE
    started = time.monotonic()
    pcscd.start()
    recorder.wait_status(ReaderStatus.READY)
    assert time.monotonic() - started < 5.0
    card = cards("CAFEBABE")
    present_and_read(recorder, card, "CAFEBABE")
    stopped = time.monotonic()
    assert svc.stop()
    assert time.monotonic() - stopped < 1.0


@pytest.mark.timeout(30)
def test_stop_returns_quickly(
    pcscd: PcscdProcess,
    recorder: EventRecorder,
    cards: Callable[..., VirtualCard],
    service_factory: Callable[..., PcscReaderService],
) -> None:
    # a long poll interval: stop() must not wait for SCardGetStatusChange's timeout
    svc = service_factory(recorder, poll_interval=5.0, reader_filter=None)
    svc.start()
    recorder.wait_status(ReaderStatus.READY)
    time.sleep(0.3)  # now blocked in SCardGetStatusChange
    started = time.monotonic()
    assert svc.stop()
    assert time.monotonic() - started < 1.0
    assert not svc.running
    assert status_of(svc) is ReaderStatus.STOPPED
    recorder.wait_status(ReaderStatus.STOPPED, timeout=0.1)

    # and it can be started again, and stopped with a card on the reader
    svc.start()
    recorder.wait_status(ReaderStatus.READY)
    card = cards("0BADF00D")
    present_and_read(recorder, card, "0BADF00D")
    started = time.monotonic()
    assert svc.stop()
    assert time.monotonic() - started < 1.0
    recorder.drain()
    card.remove()
    time.sleep(0.6)
    assert recorder.drain() == [], "no events after stop() returned"


@pytest.mark.timeout(30)
def test_stop_returns_quickly_while_waiting_for_the_service(
    pcscd: PcscdProcess,
    recorder: EventRecorder,
    service_factory: Callable[..., PcscReaderService],
) -> None:
    pcscd.stop()
    svc = service_factory(recorder, retry_interval=30.0)
    svc.start()
    recorder.wait_status(ReaderStatus.NO_SERVICE)
    started = time.monotonic()
    assert svc.stop()
    assert time.monotonic() - started < 1.0


@pytest.mark.timeout(30)
def test_list_readers(pcscd: PcscdProcess) -> None:
    readers = list_readers()
    assert VPCD_READER in readers
    assert "Virtual PCD 00 01" in readers


# -- a fake PC/SC API for faults vpcd cannot produce -------------------------------------


class FakePcsc:
    """An in-memory PC/SC resource manager with the ``smartcard.scard`` call shapes."""

    PRESENT = pcsc_api.SCARD_STATE_PRESENT
    EMPTY = pcsc_api.SCARD_STATE_EMPTY

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self.service_up = True
        self.readers: dict[str, list[Any]] = {}  # name -> [present, counter, uid]
        self.pnp_generation = 0
        self._cancelled = False
        self.on_transmit: Callable[[str], tuple[int, list[int]]] | None = None
        self._handles: dict[int, str] = {}

    # scripting
    def add_reader(self, name: str) -> None:
        with self._cond:
            self.readers[name] = [False, 0, b""]
            self.pnp_generation += 1
            self._cond.notify_all()

    def remove_reader(self, name: str) -> None:
        with self._cond:
            self.readers.pop(name, None)
            self.pnp_generation += 1
            self._cond.notify_all()

    def put_card(self, name: str, uid: bytes) -> None:
        with self._cond:
            slot = self.readers[name]
            slot[0], slot[1], slot[2] = True, slot[1] + 1, uid
            self._cond.notify_all()

    def take_card(self, name: str) -> None:
        with self._cond:
            slot = self.readers[name]
            slot[0], slot[1] = False, slot[1] + 1
            self._cond.notify_all()

    def swap_card(self, name: str, uid: bytes) -> None:
        """Remove and present another card before anyone looks (counter += 2)."""
        with self._cond:
            slot = self.readers[name]
            slot[1], slot[2] = slot[1] + 2, uid
            self._cond.notify_all()

    def _state(self, name: str) -> int | None:
        slot = self.readers.get(name)
        if slot is None:
            return None
        return (self.PRESENT if slot[0] else self.EMPTY) | (int(slot[1]) << 16)

    # the API
    def SCardEstablishContext(self, dwScope: int) -> tuple[int, Any]:
        if not self.service_up:
            return pcsc_api.SCARD_E_NO_SERVICE, 0
        return 0, 1

    def SCardReleaseContext(self, hcontext: Any) -> int:
        return 0

    def SCardListReaders(self, hcontext: Any, groups: list[str]) -> tuple[int, list[str]]:
        with self._cond:
            if not self.service_up:
                return pcsc_api.SCARD_E_NO_SERVICE, []
            if not self.readers:
                return pcsc_api.SCARD_E_NO_READERS_AVAILABLE, []
            return 0, list(self.readers)

    def SCardGetStatusChange(
        self, hcontext: Any, timeout: int, states: Sequence[tuple[str, int]]
    ) -> tuple[int, list[tuple[str, int, list[int]]]]:
        deadline = time.monotonic() + timeout / 1000
        with self._cond:
            while True:
                if not self.service_up:
                    return pcsc_api.SCARD_E_NO_SERVICE, []
                if self._cancelled:
                    self._cancelled = False
                    return pcsc_api.SCARD_E_CANCELLED, []
                out: list[tuple[str, int, list[int]]] = []
                changed = False
                for name, current in states:
                    if name == pcsc_api.PNP_NOTIFICATION:
                        actual = self.pnp_generation << 16
                        flag = pcsc_api.SCARD_STATE_CHANGED if actual != current else 0
                    else:
                        state = self._state(name)
                        if state is None:
                            actual = pcsc_api.SCARD_STATE_UNKNOWN | pcsc_api.SCARD_STATE_IGNORE
                            flag = pcsc_api.SCARD_STATE_CHANGED
                        else:
                            actual = state
                            flag = pcsc_api.SCARD_STATE_CHANGED if state != current else 0
                    changed = changed or bool(flag)
                    out.append((name, actual | flag, []))
                if changed:
                    return 0, out
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return pcsc_api.SCARD_E_TIMEOUT, out
                self._cond.wait(remaining)

    def SCardCancel(self, hcontext: Any) -> int:
        with self._cond:
            self._cancelled = True
            self._cond.notify_all()
        return 0

    def SCardConnect(
        self, hcontext: Any, name: str, share: int, protocols: int
    ) -> tuple[int, Any, int]:
        with self._cond:
            slot = self.readers.get(name)
            if slot is None:
                return pcsc_api.SCARD_E_UNKNOWN_READER, 0, 0
            if not slot[0]:
                return pcsc_api.SCARD_E_NO_SMARTCARD, 0, 0
            handle = len(self._handles) + 100
            self._handles[handle] = name
            return 0, handle, pcsc_api.SCARD_PROTOCOL_T1

    def SCardTransmit(self, hcard: Any, pci: int, apdu: list[int]) -> tuple[int, list[int]]:
        name = self._handles[hcard]
        if self.on_transmit is not None:
            return self.on_transmit(name)
        with self._cond:
            return 0, [*self.readers[name][2], 0x90, 0x00]

    def SCardDisconnect(self, hcard: Any, disposition: int) -> int:
        return 0


@pytest.fixture
def fake() -> FakePcsc:
    return FakePcsc()


@pytest.fixture
def fake_service(fake: FakePcsc, recorder: EventRecorder) -> Iterator[PcscReaderService]:
    svc = PcscReaderService(
        recorder, api=fake, retry_interval=0.1, poll_interval=0.2, removal_grace=0.3
    )
    yield svc
    svc.stop()


@pytest.mark.timeout(20)
def test_fake_reader_hot_plug(
    fake: FakePcsc, fake_service: PcscReaderService, recorder: EventRecorder
) -> None:
    fake_service.start()
    recorder.wait_status(ReaderStatus.NO_READER)
    fake.add_reader("ACS ACR122U")
    assert recorder.wait_for(lambda e: isinstance(e, ReaderAdded)) == ReaderAdded("ACS ACR122U")
    recorder.wait_status(ReaderStatus.READY)
    fake.put_card("ACS ACR122U", bytes.fromhex("04A1B2C3"))
    recorder.wait_for(is_inserted("04A1B2C3"))
    fake.remove_reader("ACS ACR122U")
    assert recorder.wait_for(is_removed) == CardRemoved("ACS ACR122U", "04A1B2C3")
    recorder.wait_for(lambda e: e == ReaderRemoved("ACS ACR122U"))
    recorder.wait_status(ReaderStatus.NO_READER)
    assert fake_service.running


@pytest.mark.timeout(20)
@pytest.mark.parametrize(
    "failure", [pcsc_api.SCARD_E_READER_UNAVAILABLE, pcsc_api.SCARD_E_NOT_TRANSACTED]
)
def test_fake_reader_unplugged_mid_read(
    failure: int, fake: FakePcsc, fake_service: PcscReaderService, recorder: EventRecorder
) -> None:
    fake.add_reader("R1")
    fake_service.start()
    recorder.wait_status(ReaderStatus.READY)

    def unplug(name: str) -> tuple[int, list[int]]:
        fake.remove_reader(name)
        return failure, []

    fake.on_transmit = unplug
    fake.put_card("R1", bytes.fromhex("04A1B2C3"))
    error = recorder.wait_for(is_read_error)
    assert isinstance(error, ReadError)
    assert error.reason is ReadErrorReason.READER_REMOVED, error
    recorder.wait_for(lambda e: e == ReaderRemoved("R1"))
    recorder.wait_status(ReaderStatus.NO_READER)

    fake.on_transmit = None
    fake.add_reader("R1")
    fake.put_card("R1", bytes.fromhex("0A0B0C0D"))
    recorder.wait_for(is_inserted("0A0B0C0D"))
    assert fake_service.running


@pytest.mark.timeout(20)
def test_fake_card_swapped_between_polls_counts_twice(
    fake: FakePcsc, fake_service: PcscReaderService, recorder: EventRecorder
) -> None:
    fake.add_reader("R1")
    fake_service.start()
    recorder.wait_status(ReaderStatus.READY)
    fake.put_card("R1", bytes.fromhex("04A1B2C3"))
    recorder.wait_for(is_inserted("04A1B2C3"))
    fake.swap_card("R1", bytes.fromhex("04A1B2C3"))  # the same card, lifted and put back
    assert recorder.wait_for(is_removed) == CardRemoved("R1", "04A1B2C3")
    recorder.wait_for(is_inserted("04A1B2C3"))


@pytest.mark.timeout(20)
def test_fake_bad_uid_length_and_broken_listener(fake: FakePcsc) -> None:
    recorder = EventRecorder()
    calls = 0

    def broken(event: ReaderEvent) -> None:
        nonlocal calls
        calls += 1
        recorder(event)
        raise RuntimeError("listener bug")

    fake.add_reader("R1")
    svc = PcscReaderService(broken, api=fake, retry_interval=0.1, poll_interval=0.2)
    svc.start()
    try:
        recorder.wait_status(ReaderStatus.READY)
        fake.put_card("R1", bytes.fromhex("0102"))  # 2 bytes is no UID
        error = recorder.wait_for(is_read_error)
        assert isinstance(error, ReadError)
        assert error.reason is ReadErrorReason.BAD_RESPONSE
        fake.take_card("R1")
        recorder.wait_for(is_removed)
        fake.put_card("R1", bytes.fromhex("01020304"))
        recorder.wait_for(is_inserted("01020304"))
        assert svc.running
        assert calls >= 5
    finally:
        assert svc.stop()


@pytest.mark.timeout(20)
def test_fake_service_outage(
    fake: FakePcsc, fake_service: PcscReaderService, recorder: EventRecorder
) -> None:
    fake.service_up = False
    fake_service.start()
    recorder.wait_status(ReaderStatus.NO_SERVICE)
    with fake._cond:
        fake.service_up = True
        fake.readers["R1"] = [False, 0, b""]
        fake._cond.notify_all()
    recorder.wait_status(ReaderStatus.READY)
    with fake._cond:
        fake.service_up = False
        fake._cond.notify_all()
    recorder.wait_status(ReaderStatus.NO_SERVICE)
    assert ReaderRemoved("R1") in recorder.history
    assert fake_service.running


@pytest.mark.timeout(20)
def test_fake_wait_for_card_and_list_readers(fake: FakePcsc) -> None:
    with pytest.raises(PcscServiceUnavailable):
        fake.service_up = False
        list_readers(fake)
    fake.service_up = True
    assert list_readers(fake) == []
    fake.add_reader("R1")
    assert list_readers(fake) == ["R1"]

    seen: list[ReaderEvent] = []
    started = time.monotonic()
    assert wait_for_card(0.5, api=fake, on_event=seen.append) is None
    assert 0.4 < time.monotonic() - started < 1.5
    assert ReaderAdded("R1") in seen

    fake.put_card("R1", bytes.fromhex("04A1B2C3D4E5F6"))
    result = wait_for_card(5.0, api=fake)
    assert result == CardInserted("R1", "04A1B2C3D4E5F6", "")
