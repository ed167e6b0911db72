"""The test print of the settings page (on the worker: it talks to a device).

Prints a page to the printer as typed in the form (not yet saved), with the paper
width's ruler, and kicks the cash drawer when that is ticked; a printer that is not
there, out of paper or refusing is one clear message
(:class:`~memberdesk.ui.counter.errors.CounterError`)."""

from __future__ import annotations

from memberdesk.ui.counter.errors import CounterError


def test_page(paper_mm: int) -> str:
    from memberdesk.services.receipts.text import COLUMNS  # characters per line of the paper

    width = COLUMNS.get(paper_mm, 32)
    return "\n".join([
        "MemberDesk 打印测试 / test print",
        f"纸宽 {paper_mm} mm / paper {paper_mm} mm",
        "-" * width,
        "1234567890" * (width // 10) + "1234567890"[: width % 10],
        "中文打印正常 Chinese prints fine",
        "-" * width,
    ]) + "\n"


def test_print(connection: str, open_drawer: bool, paper_mm: int) -> bool:
    """True when the printer answered (it is there, with paper); False when the page
    was only sent (a device node, a network or Windows printer, a serial port: none
    of them says whether anything is listening)."""
    from memberdesk.hardware.printer import PrinterError, PrinterTarget, print_confirmed
    from memberdesk.hardware.printer_spec import PrinterSpecError, parse_printer

    try:
        spec = parse_printer(connection)
    except PrinterSpecError as exc:
        raise CounterError("printer_address_bad", detail=str(exc)) from exc
    if spec is None:
        raise CounterError("printer_none")
    try:
        return print_confirmed(test_page(paper_mm),
                               PrinterTarget(**spec, open_drawer=open_drawer))
    except PrinterError as exc:
        if exc.code == "unplugged":
            raise CounterError("printer_unplugged", detail=connection.strip()) from exc
        if exc.code == "no_paper":
            raise CounterError("printer_no_paper") from exc
        raise CounterError("printer_test_failed", detail=exc.detail or exc.code) from exc
