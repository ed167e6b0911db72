"""Which receipt printer the counter prints to.

The shop setting ``printer.connection`` (the back office's settings page, or
``memberdesk settings set printer.connection ...``) names it; the environment
variable ``MEMBERDESK_PRINTER``, when set and not empty, overrides the setting (a
test print to another printer, a demo with ``dummy``). The text is read by
:func:`memberdesk.hardware.printer_spec.parse_printer`::

    file:/dev/usb/lp0          a device node (or a capture file)
    network:192.168.1.87[:9100]
    serial:/dev/ttyUSB0[:9600]
    usb:0416:5011              vendor and product id in hex
    windows:POS-58             a printer installed in Windows, by its name
    dummy                      accept and discard (tests, demos)

The settings page lists the printers it can see (Ctrl+L) and prints a test page
(Ctrl+T). Neither set: no printer; the receipt is shown on screen only. Parsing only:
nothing here talks to a device (that is :func:`memberdesk.ui.counter.work.print_receipt`, on
the worker).
"""

from __future__ import annotations

import os
from typing import Any

from memberdesk.hardware.printer_spec import PrinterSpecError, parse_printer

ENV_PRINTER = "MEMBERDESK_PRINTER"

__all__ = ["ENV_PRINTER", "PrinterSpecError", "configured_printer", "printer_spec",
           "set_shop_printer"]

_shop_printer: tuple[str, bool] = ("", False)  # printer.connection, printer.open_drawer


def set_shop_printer(connection: str, open_drawer: bool) -> None:
    """The shop's printer settings, as the counter last read them (at login and after
    the settings page saves): every receipt and slip prints through them."""
    global _shop_printer
    _shop_printer = (connection, open_drawer)


def printer_spec(text: str | None = None) -> dict[str, Any] | None:
    """Keyword arguments for ``hardware.printer.PrinterTarget``, or None (no printer);
    ``text`` None: the environment variable's."""
    raw = os.environ.get(ENV_PRINTER, "") if text is None else text
    try:
        return parse_printer(raw)
    except PrinterSpecError as exc:
        raise PrinterSpecError(f"{ENV_PRINTER}: {exc}") from None


def configured_printer(setting: str | None = None, open_drawer: bool | None = None
                       ) -> dict[str, Any] | None:
    """The printer: the environment variable when set, else the shop's setting
    (``printer.connection``, with ``printer.open_drawer``; by default as last given to
    :func:`set_shop_printer`); a malformed value counts as none."""
    if setting is None:
        setting = _shop_printer[0]
    if open_drawer is None:
        open_drawer = _shop_printer[1]
    env = os.environ.get(ENV_PRINTER, "").strip()
    try:
        spec = parse_printer(env or setting)
    except PrinterSpecError:
        return None
    if spec is not None and open_drawer:
        spec["open_drawer"] = True
    return spec
