"""Receipt printers this computer can see, for the settings page's printer list:
USB printers (pyusb: devices with a printer interface, class 7), serial ports
(pyserial), and on Windows the installed printers (win32print, when present).
Each comes with its address in the ``printer.connection`` form
(:mod:`.printer_spec`); a network printer is typed (``network:HOST:PORT``).

Never raises for a missing library or a USB stack without permission: what cannot
be listed is left out (the address can always be typed).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

PRINTER_CLASS = 7  # USB interface class of printers


@dataclass(frozen=True)
class FoundPrinter:
    kind: str  # usb | serial | windows
    address: str  # for printer.connection, e.g. usb:0416:5011
    label: str  # what the list shows, e.g. "Printer POS-58 (0416:5011)"


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
        found.append(FoundPrinter("usb", f"usb:{ids}", f"{name} ({ids})"))
    return found


def _ports() -> Iterable[Any]:
    from serial.tools import list_ports

    return list(list_ports.comports())


def serial_ports(ports: Callable[[], Iterable[Any]] = _ports) -> list[FoundPrinter]:
    try:
        listed = list(ports())
    except Exception:  # no pyserial: none listed
        return []
    return [FoundPrinter("serial", f"serial:{p.device}",
                         f"{p.device} {p.description or ''}".strip()) for p in listed]


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
    """USB printers first (the usual receipt printer), then serial ports, then Windows'."""
    return usb_printers() + serial_ports() + windows_printers()
