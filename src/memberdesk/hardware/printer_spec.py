"""A receipt printer written as one line of text, as the shop settings
(``printer.connection``) and the ``MEMBERDESK_PRINTER`` environment variable hold it::

    file:/dev/usb/lp0          a device node (or a capture file)
    network:192.168.1.87[:9100]
    serial:/dev/ttyUSB0[:9600]
    usb:0416:5011              vendor and product id in hex
    windows:POS-58             a printer installed in Windows, by its name
    dummy                      accept and discard (tests, demos)

Empty: no printer. Parsing only (no python-escpos import, no device access).
"""

from __future__ import annotations

from typing import Any

EXAMPLES = "network:192.168.1.87:9100, usb:0416:5011, serial:/dev/ttyUSB0, file:/dev/usb/lp0"


class PrinterSpecError(ValueError):
    pass


def parse_printer(text: str) -> dict[str, Any] | None:
    """Keyword arguments for ``hardware.printer.PrinterTarget``, or None (no printer)."""
    raw = text.strip()
    if not raw:
        return None
    kind, _, rest = raw.partition(":")
    kind = kind.strip().lower()
    if kind == "dummy":
        return {"kind": "dummy"}
    if kind in ("file", "windows") and rest.strip():
        return {"kind": kind, "device": rest.strip() if kind == "windows" else rest}
    if kind in ("network", "serial") and rest:
        device, _, number = rest.rpartition(":") if rest.count(":") == 1 else (rest, "", "")
        spec: dict[str, Any] = {"kind": kind, "device": device or rest}
        if number:
            if not number.isdigit():
                raise PrinterSpecError(f"{number!r} is not a number")
            spec["port" if kind == "network" else "baudrate"] = int(number)
        return spec
    if kind == "usb":
        vendor, _, product = rest.partition(":")
        try:
            return {"kind": "usb", "usb_vendor": int(vendor, 16), "usb_product": int(product, 16)}
        except ValueError:
            raise PrinterSpecError("usb needs vendor:product in hex") from None
    raise PrinterSpecError(f"cannot read {raw!r}")
