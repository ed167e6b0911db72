"""User errors the counter words itself, in the user's language through Qt.

The services' :class:`~memberdesk.services.shared.errors.UserError` carries its own
Chinese and English text. A few things the cashier must be told have no service
message: the database held by another program, a card that could not be read, a
card presented in the middle of a payment. :class:`CounterError` is a
``UserError`` (so the task runner, the banner and the dialogs treat it like any
other) whose text comes from the Qt catalogue instead.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from memberdesk.services.shared.errors import UserError
from memberdesk.ui.shell.i18n import QT_TRANSLATE_NOOP

CONTEXT = "CounterMessages"

# code -> English source text (translated through the "CounterMessages" context).
TEXTS: dict[str, str] = {
    "database_busy": QT_TRANSLATE_NOOP(
        "CounterMessages",
        "The shop database is busy: another program is holding it. Nothing was saved. "
        "Close the other program (or wait a moment) and try again.",
    ),
    "disk_full": QT_TRANSLATE_NOOP(
        "CounterMessages", "The disk is full: nothing was saved. Free some space and try again."
    ),
    "card_read_failed": QT_TRANSLATE_NOOP(
        "CounterMessages", "The card could not be read. Present it to the reader again."
    ),
    "card_pulled": QT_TRANSLATE_NOOP(
        "CounterMessages", "The card was taken away while it was being read. Present it again."
    ),
    "reader_unplugged": QT_TRANSLATE_NOOP(
        "CounterMessages",
        "The card reader was disconnected. Plug it in again, or type the phone or member number.",
    ),
    "reader_service_down": QT_TRANSLATE_NOOP(
        "CounterMessages",
        "The card reader service is not running. Type the phone or member number meanwhile.",
    ),
    "card_during_payment": QT_TRANSLATE_NOOP(
        "CounterMessages",
        "A card was presented during the payment. Finish or cancel this payment first (Esc).",
    ),
    "not_an_amount": QT_TRANSLATE_NOOP("CounterMessages", "Type an amount in yuan, e.g. 25 or 12.50."),
    "nothing_to_pay": QT_TRANSLATE_NOOP(
        "CounterMessages", "The cart is empty: scan an item or type an amount first."
    ),
    "no_line_selected": QT_TRANSLATE_NOOP("CounterMessages", "Select a line of the cart first."),
    "no_open_shift": QT_TRANSLATE_NOOP(
        "CounterMessages", "Open a shift before taking payments: press F5 and count the float."
    ),
    "printer_not_set": QT_TRANSLATE_NOOP(
        "CounterMessages",
        "No receipt printer is set up (back office F8, Settings). The receipt is shown on screen "
        "only.",
    ),
    "print_failed": QT_TRANSLATE_NOOP(
        "CounterMessages", "The receipt printer did not answer: {detail}. The sale itself is saved."
    ),
    "receipt_unplugged": QT_TRANSLATE_NOOP(
        "CounterMessages", "The receipt printer is not connected: check its cable and power, "
        "then print again (P). The sale itself is saved."
    ),
    "receipt_no_paper": QT_TRANSLATE_NOOP(
        "CounterMessages", "The receipt printer is out of paper: put in a new roll, then print "
        "again (P). The sale itself is saved."
    ),
    "printer_unplugged": QT_TRANSLATE_NOOP(
        "CounterMessages", "The printer is not connected: check its cable, power and address "
        "({detail})."
    ),
    "printer_no_paper": QT_TRANSLATE_NOOP(
        "CounterMessages", "The printer is out of paper: put in a new roll and try again."
    ),
    "printer_test_failed": QT_TRANSLATE_NOOP(
        "CounterMessages", "The printer did not print: {detail}"
    ),
    "printer_none": QT_TRANSLATE_NOOP(
        "CounterMessages", "Type the printer's address first, e.g. usb:0416:5011, "
        "network:192.168.1.87:9100, serial:/dev/ttyUSB0 or file:/dev/usb/lp0."
    ),
    "printer_address_bad": QT_TRANSLATE_NOOP(
        "CounterMessages", "That is not a printer address: {detail}"
    ),
    "no_member_picked": QT_TRANSLATE_NOOP("CounterMessages", "No member was picked."),
    "member_detached": QT_TRANSLATE_NOOP(
        "CounterMessages", "Member {name} ({member_no}) is no longer at the counter."
    ),
    "member_detached_sale": QT_TRANSLATE_NOOP(
        "CounterMessages",
        "Member {name} ({member_no}) is no longer at the counter: this sale is a walk-in sale.",
    ),
    "member_kept": QT_TRANSLATE_NOOP(
        "CounterMessages",
        "Member {name} ({member_no}) stays on this sale (Esc takes the member off).",
    ),
}


class LookupNotice(UserError):
    """A lookup that found nobody, or a blocked card, worded by the lookup service
    (``LookupResult.message``) so the banner can show it like any user error."""

    kind = "lookup"

    def __init__(self, result: Any) -> None:
        Exception.__init__(self, result.message("en"))
        self.code = str(result.outcome)
        self.params = {}
        self.result = result

    def message(self, lang: str = "zh_CN") -> str:
        return str(self.result.message(lang))


class DetachedNotice(UserError):
    """Why a lookup found nobody, and what became of the member who was at the
    counter: taken off after a typed lookup (so the next sale is never credited to
    them by mistake), or kept after a card reader's miss or failure."""

    kind = "lookup"

    def __init__(self, cause: UserError, detached: UserError) -> None:
        Exception.__init__(self, f"{cause}; {detached}")
        self.code = cause.code
        self.params = {}
        self.cause = cause
        self.detached = detached

    def message(self, lang: str = "zh_CN") -> str:
        first = self.cause.message(lang).rstrip()
        english = lang.startswith("en")
        if first and first[-1] not in "。.！!？?":
            first += "." if english else "。"
        return f"{first}{' ' if english else ''}{self.detached.message(lang)}"


class CounterError(UserError):
    """A user error with a Qt-translated text (see :data:`TEXTS`)."""

    kind = "counter"

    def __init__(self, code: str, **params: Any) -> None:
        if code not in TEXTS:
            raise KeyError(f"no counter text for {code!r}")
        Exception.__init__(self, TEXTS[code])
        self.code = code
        self.params = params

    def message(self, lang: str = "zh_CN") -> str:
        """The text in the interface language now installed (``lang`` is implied)."""
        del lang
        template = QCoreApplication.translate(CONTEXT, TEXTS[self.code])
        try:
            return template.format(**self.params)
        except (KeyError, IndexError):
            return template
