"""A printer that is unplugged or out of paper is a clear PrinterError code (a fake
device stands in for python-escpos's USB and serial printers), and the test print
of the settings page turns each into one message."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from escpos.exceptions import USBNotFoundError

from memberdesk.hardware import printer
from memberdesk.hardware.printer import PrinterError, PrinterTarget, print_text

PAPER_ANSWERS = {2: b"\x12", 1: b"\x1e", 0: b"\x72", None: b""}  # DLE EOT 4's answers


class FakeDevice:
    """What print_text uses of an escpos printer; ``paper`` as paper_status() would
    say (None: nothing answers, as a serial port with nothing on it)."""

    def __init__(self, paper: int | None = 2, missing: bool = False) -> None:
        self.paper, self.missing = paper, missing
        self.sent: list[bytes] = []
        self.drawer: list[int] = []
        self.cuts = 0

    def open(self) -> None:
        if self.missing:
            raise USBNotFoundError("Device not found (0416:5011)")

    def query_status(self, mode: bytes) -> bytes:
        assert mode == b"\x10\x04\x04"  # the paper sensor
        return PAPER_ANSWERS[self.paper]

    def _raw(self, data: bytes) -> None:
        self.sent.append(data)

    def cut(self) -> None:
        self.cuts += 1

    def cashdraw(self, pin: int) -> None:
        self.drawer.append(pin)

    def close(self) -> None:
        pass


USB = PrinterTarget("usb", usb_vendor=0x0416, usb_product=0x5011)


def _with(monkeypatch: pytest.MonkeyPatch, device: FakeDevice) -> FakeDevice:
    monkeypatch.setattr(printer, "_open", lambda _target: device)
    return device


def test_unplugged_out_of_paper_and_fine(monkeypatch: pytest.MonkeyPatch) -> None:
    _with(monkeypatch, FakeDevice(missing=True))
    with pytest.raises(PrinterError) as err:
        print_text("小票", USB, check_paper=True)
    assert err.value.code == "unplugged"
    device = _with(monkeypatch, FakeDevice(paper=0))
    with pytest.raises(PrinterError) as err:
        print_text("小票", USB, check_paper=True)
    assert err.value.code == "no_paper" and device.sent == []  # nothing half printed
    device = _with(monkeypatch, FakeDevice(paper=1))  # near the end: still prints
    print_text("小票", PrinterTarget("usb", open_drawer=True), check_paper=True)
    assert device.sent and device.cuts == 1 and device.drawer == [2]


def test_a_missing_device_node_is_unplugged(tmp_path: Path) -> None:
    with pytest.raises(PrinterError) as err:
        print_text("x", PrinterTarget("file", device=str(tmp_path / "gone" / "lp0")))
    assert err.value.code == "unplugged"


def test_the_test_print_says_what_is_wrong(monkeypatch: pytest.MonkeyPatch, qapp: Any,
                                           tmp_path: Path) -> None:
    from memberdesk.ui.counter.errors import CounterError
    from memberdesk.ui.shell.printer_jobs import test_print

    for connection, code in (("", "printer_none"), ("usb:xyz", "printer_address_bad"),
                             (f"file:{tmp_path}/gone/lp0", "printer_unplugged")):
        with pytest.raises(CounterError) as err:
            test_print(connection, False, 58)
        assert err.value.code == code
    _with(monkeypatch, FakeDevice(paper=0))
    with pytest.raises(CounterError) as err:
        test_print("usb:0416:5011", True, 80)
    assert err.value.code == "printer_no_paper"
    device = _with(monkeypatch, FakeDevice())
    assert test_print("usb:0416:5011", True, 80) is True  # the printer answered
    page = b"".join(device.sent).decode("gb18030", errors="replace")
    assert "打印测试" in page and "-" * 48 in page and device.drawer == [2]


def test_a_test_print_nothing_answers_is_only_sent(monkeypatch: pytest.MonkeyPatch,
                                                   qapp: Any, tmp_path: Path) -> None:
    """A serial port with nothing on it takes the bytes and says nothing: the test
    print does not claim the page was printed (nor does a device node, which cannot
    answer)."""
    from memberdesk.ui.shell.printer_jobs import test_print

    device = _with(monkeypatch, FakeDevice(paper=None))
    assert test_print("serial:/dev/ttyS0", False, 58) is False
    assert device.sent  # sent all the same
    monkeypatch.undo()
    assert test_print(f"file:{tmp_path}/lp0", False, 58) is False


class FakeUsb:
    """A USB device as pyusb gives it: configurations of interfaces."""

    def __init__(self, vendor: int, product: int, classes: tuple[int, ...]) -> None:
        self.idVendor, self.idProduct, self.bDeviceClass = vendor, product, 0
        self.iManufacturer = self.iProduct = 0
        self._configs = [[type("Interface", (), {"bInterfaceClass": c})() for c in classes]]

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._configs)


def test_the_printers_this_computer_sees() -> None:
    from types import SimpleNamespace

    from memberdesk.hardware.printer_devices import serial_ports, usb_printers, windows_printers

    devices = [FakeUsb(0x0416, 0x5011, (7,)), FakeUsb(0x046D, 0xC52B, (3,))]  # a printer, a mouse
    assert [(p.address, p.label) for p in usb_printers(lambda: devices)] == [
        ("usb:0416:5011", "USB (0416:5011)")]

    def no_backend() -> list[Any]:
        raise RuntimeError("No backend available")  # pyusb without libusb

    assert usb_printers(no_backend) == []
    port = SimpleNamespace(device="/dev/ttyUSB0", description="USB-Serial", vid=0x1A86)
    board = SimpleNamespace(device="/dev/ttyS0", description="ttyS0", vid=None)  # every PC's
    assert [p.address for p in serial_ports(lambda: [board, port])] == ["serial:/dev/ttyUSB0"]
    assert windows_printers() == [] or all(p.kind == "windows" for p in windows_printers())
    found = windows_printers(lambda: ["POS-58"])
    assert [(p.address, p.label) for p in found] == [("windows:POS-58", "POS-58")]
    from memberdesk.hardware.printer_spec import parse_printer
    assert parse_printer(found[0].address) == {"kind": "windows", "device": "POS-58"}


def test_usb_printer_nodes_with_their_ids(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """/dev/usb/lp0 is offered as a file printer, named from sysfs; the same printer is
    not listed a second time by its USB ids (the kernel holds it)."""
    from memberdesk.hardware import printer_devices
    from memberdesk.hardware.printer_devices import lp_nodes

    usb_device = tmp_path / "sys" / "1-1"
    (usb_device / "1-1:1.0").mkdir(parents=True)
    for name, text in (("idVendor", "0416"), ("idProduct", "5011"),
                       ("manufacturer", "Winbond"), ("product", "POS-58")):
        (usb_device / name).write_text(text + "\n")
    (tmp_path / "usblp" / "lp0").mkdir(parents=True)
    (tmp_path / "usblp" / "lp0" / "device").symlink_to(usb_device / "1-1:1.0")
    found = lp_nodes(lambda: [Path("/dev/usb/lp0"), Path("/dev/usb/lp1")], tmp_path / "usblp")
    assert [(p.address, p.label) for p in found] == [
        ("file:/dev/usb/lp0", "Winbond POS-58 (0416:5011)"),
        ("file:/dev/usb/lp1", "USB (/dev/usb/lp1)")]
    from memberdesk.hardware.printer_spec import parse_printer
    assert parse_printer(found[0].address) == {"kind": "file", "device": "/dev/usb/lp0"}

    monkeypatch.setattr(printer_devices, "lp_nodes", lambda: found[:1])
    monkeypatch.setattr(printer_devices, "usb_printers", lambda: [
        printer_devices.FoundPrinter("usb", "usb:0416:5011", "POS-58 (0416:5011)", "0416:5011"),
        printer_devices.FoundPrinter("usb", "usb:0519:0003", "TM (0519:0003)", "0519:0003")])
    monkeypatch.setattr(printer_devices, "serial_ports", lambda: [])
    monkeypatch.setattr(printer_devices, "windows_printers", lambda: [])
    assert [p.address for p in printer_devices.find_printers()] == [
        "file:/dev/usb/lp0", "usb:0519:0003"]
