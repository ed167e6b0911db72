"""Receipt printers this computer can see, for the settings page's printer list:
USB printers (pyusb: devices with a printer interface, class 7), the kernel's USB
printer nodes (``/dev/usb/lp*``), USB serial adapters (pyserial: a port with a USB
vendor id; a built-in COM port such as /dev/ttyS0 is on every PC with nothing on
it, so it is not offered) and on Windows the installed printers (win32print, when
present).
Each comes with its address in the ``printer.connection`` form
(:mod:`.printer_spec`); a network printer is typed (``network:HOST:PORT``).

Never raises for a missing library or a USB stack without permission: what cannot
be listed is left out (the address can always be typed).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PRINTER_CLASS = 7  # USB interface class of printers


@dataclass(frozen=True)
class FoundPrinter:
    kind: str  # usb | file (a /dev/usb/lp node) | serial | windows
    address: str  # for printer.connection, e.g. usb:0416:5011
    label: str  # what the list shows, e.g. "Printer POS-58 (0416:5011)"
    ids: str = ""  # USB vendor:product, when known


def _usb_devices() -> Iterable[Any]:
    import usb.core  # pyusb

    return usb.core.find(find_all=True) or ()


def _is_printer(device: Any) -> bool:
    if getattr(device, "bDeviceClass", 0) == PRINTER_CLASS:
        return True
    with contextlib.suppress(Exception):
        for config in device:
            for interface in config:
                if interface.bInterfaceClass == PRINTER_CLASS:
                    return True
    return False


def _usb_name(device: Any) -> str:
    with contextlib.suppress(Exception):  # reading strings may need permission
        import usb.util

        names = [usb.util.get_string(device, i) for i in (device.iManufacturer, device.iProduct)
                 if i]
        return " ".join(n for n in names if n)
    return ""


def usb_printers(devices: Callable[[], Iterable[Any]] = _usb_devices) -> list[FoundPrinter]:
    found: list[FoundPrinter] = []
    try:
        candidates = list(devices())
    except Exception:  # no pyusb, no backend (libusb), no permission: none listed
        return found
    for d in candidates:
        if not _is_printer(d):
            continue
        ids = f"{d.idVendor:04x}:{d.idProduct:04x}"
        name = _usb_name(d) or "USB"
        found.append(FoundPrinter("usb", f"usb:{ids}", f"{name} ({ids})", ids))
    return found


def _ports() -> Iterable[Any]:
    from serial.tools import list_ports

    return list(list_ports.comports())


def serial_ports(ports: Callable[[], Iterable[Any]] = _ports) -> list[FoundPrinter]:
    """USB serial adapters only (a port with a USB vendor id): a receipt printer on a
    USB cable that shows up as a COM port. A motherboard's port (/dev/ttyS0, COM1)
    cannot say whether anything is plugged into it; its address can be typed."""
    try:
        listed = list(ports())
    except Exception:  # no pyserial: none listed
        return []
    return [FoundPrinter("serial", f"serial:{p.device}",
                         f"{p.device} {p.description or ''}".strip())
            for p in listed if getattr(p, "vid", None)]


def _lp_nodes() -> Iterable[Path]:
    return sorted(Path("/dev/usb").glob("lp*"))


def _sys_text(path: Path) -> str:
    with contextlib.suppress(OSError):
        return path.read_text(encoding="utf-8", errors="replace").strip()
    return ""


def lp_nodes(nodes: Callable[[], Iterable[Path]] = _lp_nodes,
             sys_class: Path = Path("/sys/class/usblp")) -> list[FoundPrinter]:
    """The Linux kernel's USB printer nodes (usblp): a printer that is plugged in, with
    its vendor and product id from sysfs when readable."""
    try:
        listed = list(nodes())
    except OSError:
        return []
    found = []
    for node in listed:
        usb_device = sys_class / node.name / "device" / ".."
        ids = ":".join(_sys_text(usb_device / n) for n in ("idVendor", "idProduct"))
        ids = "" if ids == ":" else ids.lower()
        name = " ".join(t for t in (_sys_text(usb_device / "manufacturer"),
                                    _sys_text(usb_device / "product")) if t) or "USB"
        found.append(FoundPrinter("file", f"file:{node}", f"{name} ({ids or node})", ids))
    return found


def _windows_names() -> Iterable[str]:
    import win32print  # pywin32, Windows only

    flags = win32print.PRINTER_ENUM_LOCAL | win32print.PRINTER_ENUM_CONNECTIONS
    return [p[2] for p in win32print.EnumPrinters(flags)]


def windows_printers(names: Callable[[], Iterable[str]] = _windows_names) -> list[FoundPrinter]:
    try:
        listed = list(names())
    except Exception:  # not Windows, or no pywin32
        return []
    return [FoundPrinter("windows", f"windows:{n}", n) for n in listed]


def find_printers() -> list[FoundPrinter]:
    """USB printers first (the usual receipt printer; one the kernel holds as a
    /dev/usb/lp node is listed by its node, which is how it prints), then USB serial
    adapters, then Windows' printers."""
    nodes = lp_nodes()
    held = {p.ids for p in nodes if p.ids}
    usb = [p for p in usb_printers() if p.ids not in held]
    return nodes + usb + serial_ports() + windows_printers()
