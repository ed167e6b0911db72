"""Ctrl+Q with a shift still open asks once before the application ends; so does
closing the counter or the login window (the title bar's X, Alt+F4 where a window
manager turns it into a close): :class:`GuardedClose` turns that close into the same
``quit_requested`` as Ctrl+Q, so the rule has one home (``AppController.quit``).

Quitting keeps every paid sale (each is saved as it is made) and the shift stays open:
whoever logs in next on this till carries on with it, or closes it with F5. The
cashier who pressed Ctrl+Q by habit at the end of the day is told so and may stay to
close the shift now. The cart is not kept: items rung up and not paid are named (how
many, how much), and asked about with no shift open too. Enter (and Esc) stay;
quitting takes the other button.

Logging out (Shift+F9) does not keep the cart either: :func:`confirm_logout` asks the
same question in the same words, "log out" for "quit" (the shift stays open, as a log
out always leaves it). Ctrl+Q on the login screen after a cashier logged out with the
shift open asks about that shift as on the counter (:class:`ShiftsLeftOpen`; issue 11).
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMessageBox, QWidget

from memberdesk.money import Money
from memberdesk.ui.common.fmt import money
from memberdesk.ui.shell.i18n import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)
CONTEXT = "QuitGuard"
TITLE = QT_TRANSLATE_NOOP("QuitGuard", "Shift {number} is still open")
TEXT = QT_TRANSLATE_NOOP(
    "QuitGuard",
    "Shift {number} has not been closed. If you quit now it stays open, and nothing is "
    "lost: next time, carry on with it or close it with F5 (count the cash).\n\n"
    "To close the shift now, stay and press F5.",
)
CART_TEXT = QT_TRANSLATE_NOOP(
    "QuitGuard",
    "Shift {number} has not been closed. If you quit now it stays open, and the paid "
    "sales are kept, but the %n unpaid item(s) in the cart ({amount}) are not kept: "
    "next time, carry on with the shift or close it with F5 (count the cash).\n\n"
    "To take the payment or close the shift now, stay.",
)
# On the log-in screen F5 does nothing: the cashier whose shift it is logs in first.
LOGIN_TEXT = QT_TRANSLATE_NOOP(
    "QuitGuard",
    "Shift {number} of {name} has not been closed. If you quit now it stays open, and "
    "nothing is lost.\n\nTo close it now, stay: {name} logs in and presses F5 (count the "
    "cash).",
)
CART_TITLE = QT_TRANSLATE_NOOP("QuitGuard", "The cart has not been paid")
CART_ONLY_TEXT = QT_TRANSLATE_NOOP(
    "QuitGuard",
    "If you quit now, the %n unpaid item(s) in the cart ({amount}) are not kept.\n\n"
    "To take the payment, stay.",
)
CART_QUIT = QT_TRANSLATE_NOOP("QuitGuard", "Quit, cart not kept")
LOGOUT_CART_TEXT = QT_TRANSLATE_NOOP(
    "QuitGuard",
    "If you log out now, the %n unpaid item(s) in the cart ({amount}) are not kept.\n\n"
    "To take the payment, stay.",
)
LOGOUT_CART = QT_TRANSLATE_NOOP("QuitGuard", "Log out, cart not kept")
# What leaving the counter says about the unpaid cart: (question, button), by the way out.
CART_ONLY = {"quit": (CART_ONLY_TEXT, CART_QUIT), "logout": (LOGOUT_CART_TEXT, LOGOUT_CART)}
STAY = QT_TRANSLATE_NOOP("QuitGuard", "Stay (Enter)")
QUIT = QT_TRANSLATE_NOOP("QuitGuard", "Quit, shift stays open")


def _t(text: str, n: int = -1, **params: str) -> str:
    """``text`` in the current language; ``n``: the count of a "%n … item(s)" text."""
    return QCoreApplication.translate(CONTEXT, text, None, n).format(**params)


def unpaid_cart(cart: Any) -> tuple[int, str] | None:
    """The counter's cart (a ``CartController``) rung up and not paid: how many items
    and how much (the priced total, else the prices as entered); None when empty."""
    if cart is None or cart.is_empty:
        return None
    bd = cart.breakdown
    total = bd.payable if bd is not None else Money(
        sum(i.unit_price.fen * i.qty for i in cart.items))
    return cart.model.item_count, money(total)


def quit_box(parent: QWidget | None, shift_no: str | None, cart: tuple[int, str] | None = None,
             way: str = "quit", staff: str = "") -> tuple[QMessageBox, QWidget]:
    """The question, and its quit button (Enter and Esc choose to stay). ``way``:
    "quit", or "logout" (asked about the cart only: a log out leaves the shift open);
    ``staff``: asked on the log-in screen, the cashier whose shift it is."""
    cart_text, cart_button = CART_ONLY[way]
    if shift_no and cart:
        title = _t(TITLE, number=shift_no)
        text = _t(CART_TEXT, cart[0], number=shift_no, amount=cart[1])
    elif shift_no:
        title = _t(TITLE, number=shift_no)
        text = _t(LOGIN_TEXT, number=shift_no, name=staff) if staff else _t(TEXT, number=shift_no)
    else:
        count, amount = cart or (0, "")
        title, text = _t(CART_TITLE), _t(cart_text, count, amount=amount)
    box = QMessageBox(QMessageBox.Icon.Warning, title, text,
                      QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("quitWithOpenShift" if shift_no else f"{way}WithUnpaidCart")
    stay = box.addButton(_t(STAY), QMessageBox.ButtonRole.RejectRole)
    leave = box.addButton(_t(QUIT if shift_no else cart_button),
                          QMessageBox.ButtonRole.DestructiveRole)
    leave.setObjectName("quitAnyway")
    box.setDefaultButton(stay)
    box.setEscapeButton(stay)
    return box, leave


def confirm_quit(parent: QWidget | None, shift: Any, cart: Any = None, *,
                 at_login: bool = False) -> bool:
    """True: quit (no shift open and nothing unpaid in the cart, or the cashier chose
    to). ``shift``: the open shift (a ``ShiftSummary``), or None; ``cart``: the
    counter's ``CartController``, or None; ``at_login``: asked on the log-in screen
    (the question names the shift's cashier, who logs in to close it)."""
    staff = str(getattr(shift, "staff_name", "") or "") if at_login else ""
    return _confirm(parent, getattr(shift, "shift_no", None), unpaid_cart(cart), "quit", staff)


def confirm_logout(parent: QWidget | None, cart: Any) -> bool:
    """True: log out (nothing unpaid in the cart, or the cashier chose to). Asked like
    :func:`confirm_quit` with no shift open: the shift stays open on a log out."""
    return _confirm(parent, None, unpaid_cart(cart), "logout")


def _confirm(parent: QWidget | None, shift_no: str | None, unpaid: tuple[int, str] | None,
             way: str, staff: str = "") -> bool:
    if not shift_no and unpaid is None:
        return True
    box, leave = quit_box(parent, shift_no, unpaid, way, staff)
    box.exec()
    if box.clickedButton() is not leave:
        return False
    log.info("%s with shift %s still open, %s unpaid items in the cart",
             way, shift_no, unpaid[0] if unpaid else 0)
    return True


class ShiftsLeftOpen:
    """The shifts their cashiers logged out from, still open, in this run: on the login
    screen Ctrl+Q asks about the last one as the counter asks about its shift (the
    cashier's log out cleared the counter's). A cashier who logs out again with the
    shift closed (F5) takes it off."""

    def __init__(self) -> None:
        self._by_staff: dict[Any, Any] = {}  # staff id -> ShiftSummary, the last one last

    def logged_out(self, actor: Any, shift: Any) -> None:
        staff = getattr(actor, "staff_id", None)
        self._by_staff.pop(staff, None)
        if actor is not None and shift is not None:
            self._by_staff[staff] = shift

    def last(self) -> Any:
        return next(reversed(self._by_staff.values()), None)


class GuardedClose:
    """Mixin for a top-level window with a ``quit_requested`` signal (list it before the
    Qt class): while ``close_guarded`` (the application's windows, from
    :func:`guard_closes`), closing it (the title bar's X, Alt+F4 through a window
    manager) is Ctrl+Q, asked like it; the window stays, and the application ends if
    the answer is to quit. Otherwise (windows built by tests, closed by their
    clean-up) a close closes as usual."""

    close_guarded = False

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.close_guarded:
            event.ignore()
            self.quit_requested.emit()  # type: ignore[attr-defined]
            return
        parent: Any = super()
        parent.closeEvent(event)


def guard_closes(*windows: GuardedClose, on: bool = True) -> None:
    """The application's windows ask before a close ends it (``run``), until it ends."""
    for window in windows:
        window.close_guarded = on
