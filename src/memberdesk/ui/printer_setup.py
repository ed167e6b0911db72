"""Which receipt printer the counter prints to.

Until the shop settings hold a printer, it is named by the environment variable
``MEMBERDESK_PRINTER``::

    file:/dev/usb/lp0          a device node (or a capture file)
    network:192.168.1.87[:9100]
    serial:/dev/ttyUSB0[:9600]
    usb:0416:5011              vendor and product id in hex
    dummy                      accept and discard (tests, demos)

Unset or empty: no printer; the receipt is shown on screen only. Parsing only:
nothing here talks to a device (that is :func:`.counter_jobs.print_receipt`, on
the worker).
"""

from __future__ import annotations

import os
from typing import Any

ENV_PRINTER = "MEMBERDESK_PRINTER"


class PrinterSpecError(ValueError):
    pass


def printer_spec(text: str | None = None) -> dict[str, Any] | None:
    """Keyword arguments for ``hardware.printer.PrinterTarget``, or None (no printer)."""
    raw = (os.environ.get(ENV_PRINTER, "") if text is None else text).strip()
    if not raw:
        return None
    kind, _, rest = raw.partition(":")
    kind = kind.strip().lower()
    if kind == "dummy":
        return {"kind": "dummy"}
    if kind == "file" and rest:
        return {"kind": "file", "device": rest}
    if kind in ("network", "serial") and rest:
        device, _, number = rest.rpartition(":") if rest.count(":") == 1 else (rest, "", "")
        spec: dict[str, Any] = {"kind": kind, "device": device or rest}
        if number:
            if not number.isdigit():
                raise PrinterSpecError(f"{ENV_PRINTER}: {number!r} is not a number")
            spec["port" if kind == "network" else "baudrate"] = int(number)
        return spec
    if kind == "usb":
        vendor, _, product = rest.partition(":")
        try:
            return {"kind": "usb", "usb_vendor": int(vendor, 16), "usb_product": int(product, 16)}
        except ValueError:
            raise PrinterSpecError(f"{ENV_PRINTER}: usb needs vendor:product in hex") from None
    raise PrinterSpecError(f"{ENV_PRINTER}: cannot read {raw!r}")


def configured_printer() -> dict[str, Any] | None:
    """The printer from the environment; a malformed value counts as none."""
    try:
        return printer_spec()
    except PrinterSpecError:
        return None
