"""Receipt printing: plain receipt text to an ESC/POS printer (python-escpos) over
USB, serial or the network, to a file (a device node such as /dev/usb/lp0, or a
capture file), to memory (the Dummy printer, for tests and previews), or to PDF.

Knows nothing of sales: it takes the text laid out by the receipt service.
Chinese text is sent in the printer's Chinese mode (FS &) encoded as GB18030,
which is what Chinese 58/80 mm thermal printers expect.
"""

from __future__ import annotations

import contextlib
import socket
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from escpos import printer as escpos_printer
from escpos.constants import RT_MASK_NOPAPER, RT_STATUS_PAPER
from escpos.exceptions import DeviceNotFoundError, Error as EscposError

INIT = b"\x1b\x40"  # ESC @
CHINESE_ON = b"\x1c\x26"  # FS &
CHINESE_OFF = b"\x1c\x2e"  # FS .
FEED_LINES = 4
KINDS = ("usb", "serial", "network", "file", "windows", "dummy")


class PrinterError(Exception):
    """The printer could not be reached or refused the data. ``code`` says which."""

    def __init__(self, code: str, detail: str = "") -> None:
        self.code = code
        self.detail = detail
        super().__init__(f"{code}: {detail}".strip())


@dataclass(frozen=True)
class PrinterTarget:
    kind: str  # one of KINDS
    device: str = ""  # file path, serial device or network host
    port: int = 9100  # network
    usb_vendor: int = 0
    usb_product: int = 0
    baudrate: int = 9600  # serial
    encoding: str = "gb18030"
    cut: bool = True
    open_drawer: bool = False  # kick the cash drawer (pin 2) after printing


def receipt_bytes(text: str, *, encoding: str = "gb18030", cut: bool = True) -> bytes:
    """The raw ESC/POS job for ``text`` (without the cut, which the driver adds)."""
    body = text.replace("\r\n", "\n").encode(encoding, errors="replace")
    return INIT + CHINESE_ON + body + b"\n" * FEED_LINES + CHINESE_OFF


def _open(target: PrinterTarget) -> Any:
    if target.kind == "dummy":
        return escpos_printer.Dummy()
    if target.kind == "file":
        return escpos_printer.File(target.device)
    if target.kind == "network":
        return escpos_printer.Network(target.device, port=target.port, timeout=10)
    if target.kind == "serial":
        return escpos_printer.Serial(target.device, baudrate=target.baudrate)
    if target.kind == "usb":
        return escpos_printer.Usb(target.usb_vendor, target.usb_product)
    if target.kind == "windows":
        return escpos_printer.Win32Raw(target.device)
    raise PrinterError("unknown_kind", target.kind)


# Errors that mean the printer is not there: unplugged, switched off, a wrong address.
_ABSENT = (DeviceNotFoundError, FileNotFoundError, ConnectionRefusedError, TimeoutError,
           socket.timeout, socket.gaierror)


def _paper_answer(p: Any, target: PrinterTarget) -> bytes:
    """The printer's answer to the paper-sensor query (DLE EOT 4), for the kinds that
    can answer (USB, serial); empty when it says nothing: a serial port with nothing
    on it, a device node, a network printer, a Windows queue."""
    if target.kind not in ("usb", "serial"):
        return b""
    try:
        return bytes(p.query_status(RT_STATUS_PAPER) or b"")
    except (EscposError, OSError, NotImplementedError, AttributeError, ValueError):
        return b""  # pyusb's timeout is a USBError (an OSError)


def print_text(text: str, target: PrinterTarget, *, check_paper: bool = False) -> bytes:
    """Print ``text``; returns the bytes sent (for the dummy printer: all it got).
    Raises :class:`PrinterError` ``unplugged`` (no such printer, or it does not
    answer), ``no_paper`` (``check_paper``: it says it is out of paper; nothing is
    printed) or ``print_failed``."""
    return _print(text, target, check_paper)[0]


def print_confirmed(text: str, target: PrinterTarget) -> bool:
    """Print ``text`` as :func:`print_text` with ``check_paper``; True when the printer
    itself answered (it is there and has paper), False when the data was only sent
    (nothing answered: whether paper came out is for a person to see)."""
    return _print(text, target, True)[1]


def _print(text: str, target: PrinterTarget, check_paper: bool) -> tuple[bytes, bool]:
    try:
        p = _open(target)
    except _ABSENT as exc:
        raise PrinterError("unplugged", str(exc)) from exc
    try:
        if target.kind != "dummy":
            try:
                p.open()
            except _ABSENT as exc:
                raise PrinterError("unplugged", str(exc)) from exc
        answer = _paper_answer(p, target) if check_paper else b""
        if answer and answer[0] & RT_MASK_NOPAPER == RT_MASK_NOPAPER:
            raise PrinterError("no_paper")
        job = receipt_bytes(text, encoding=target.encoding)
        p._raw(job)
        if target.cut:
            p.cut()
        if target.open_drawer:
            p.cashdraw(2)
        sent: bytes = p.output if target.kind == "dummy" else job
        return sent, bool(answer)
    except _ABSENT as exc:
        raise PrinterError("unplugged", str(exc)) from exc
    except (EscposError, OSError) as exc:
        raise PrinterError("print_failed", str(exc)) from exc
    finally:
        if target.kind != "dummy":
            with contextlib.suppress(EscposError, OSError):
                p.close()


def print_pdf(text: str, path: Path, *, paper_mm: int = 58, font_size: float = 8.0) -> Path:
    """Write ``text`` as a receipt-shaped PDF (one long page, monospaced CJK layout:
    one column is half an em, a Chinese character two columns)."""
    import unicodedata

    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    from memberdesk.reports.fonts import cjk_font

    font = cjk_font()
    lines = text.rstrip("\n").split("\n")
    width = paper_mm * mm
    leading = font_size * 1.35
    height = (len(lines) + 4) * leading
    half = font_size / 2
    canvas = Canvas(str(path), pagesize=(width, height))
    canvas.setFont(font, font_size)
    y = height - 2 * leading
    margin = 3 * mm
    for line in lines:
        x = margin
        for ch in line:
            wide = unicodedata.east_asian_width(ch) in ("W", "F")
            if ch != " ":
                canvas.drawString(x, y, ch)
            x += half * (2 if wide else 1)
        y -= leading
    canvas.showPage()
    canvas.save()
    return path
