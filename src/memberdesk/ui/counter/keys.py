"""Every key of the counter in one map (issue 10): the counter window's keys and those of
the payment dialog. The modules that create the actions read their keys here;
``tests/gui/test_key_map.py`` checks that no key does two things in one window and that
each action the window shows carries the key listed here.

The translatable names keep their contexts (``CounterTasks``, ``DiscountKeys``): the
translations are looked up by context, wherever the text is written.
"""

from __future__ import annotations

from memberdesk.ui.shell.i18n import QT_TRANSLATE_NOOP
from memberdesk.ui.shell.login import LANGUAGE_SHORTCUT as LANGUAGE, QUIT_SHORTCUT as QUIT

# -- the counter window ------------------------------------------------------------
FIND = "F2"
PAY = "F12"
CLEAR = "Esc"
LOCK = "F9"
LOGOUT = "Shift+F9"
RECONNECT = "Ctrl+R"  # only while the database server cannot be reached
OFFLINE_SALE = "Ctrl+Shift+F12"  # a walk-in cash sale while the server cannot be reached
# LANGUAGE (Ctrl+Shift+L) and QUIT (Ctrl+Q) work on every screen: ui/shell/login.py.

# The tasks: (name, key, label) in the key bar's order.
TASKS: tuple[tuple[str, str, str], ...] = (
    ("recharge", "F3", QT_TRANSLATE_NOOP("CounterTasks", "Recharge")),
    ("refund", "F4", QT_TRANSLATE_NOOP("CounterTasks", "Refund")),
    ("shift", "F5", QT_TRANSLATE_NOOP("CounterTasks", "Shift")),
    ("register", "F6", QT_TRANSLATE_NOOP("CounterTasks", "New member")),
    ("cards", "F7", QT_TRANSLATE_NOOP("CounterTasks", "Lost card")),
    ("backoffice", "F8", QT_TRANSLATE_NOOP("CounterTasks", "Back office")),
    ("edit", "F10", QT_TRANSLATE_NOOP("CounterTasks", "Member details")),
    ("mall", "Shift+F2", QT_TRANSLATE_NOOP("CounterTasks", "Gifts")),
    ("signin", "F1", QT_TRANSLATE_NOOP("CounterTasks", "Sign in")),
    ("coupon", "Shift+F1", QT_TRANSLATE_NOOP("CounterTasks", "Give coupon")),
    ("count_card", "Shift+F3", QT_TRANSLATE_NOOP("CounterTasks", "Count card")),
)

# The manual discounts: (kind, key, label).
DISCOUNTS: tuple[tuple[str, str, str], ...] = (
    ("line", "F11", QT_TRANSLATE_NOOP("DiscountKeys", "Discount")),
    ("order", "Shift+F11", QT_TRANSLATE_NOOP("DiscountKeys", "Order discount")),
    ("override", "Ctrl+F11", QT_TRANSLATE_NOOP("DiscountKeys", "New price")),
)


# The suggestions under the cart (推荐, 常一起买): one key per button, left to right.
SUGGESTIONS: tuple[str, ...] = tuple(f"Alt+{n}" for n in range(1, 7))


def counter_window_keys() -> list[str]:
    """Every key of the counter window, once per action (a key listed twice is a clash)."""
    return ([FIND, PAY, CLEAR, LOCK, LOGOUT, RECONNECT, OFFLINE_SALE, LANGUAGE, QUIT]
            + [key for _, key, _ in TASKS] + [key for _, key, _ in DISCOUNTS]
            + list(SUGGESTIONS))


# -- the payment dialog ------------------------------------------------------------
# (TenderKind value, key) in the order shown.
TENDERS: tuple[tuple[str, str], ...] = (
    ("stored_value", "F1"),
    ("points", "F2"),
    ("cash", "F3"),
    ("bank_card", "F4"),
    ("wechat", "F5"),
    ("alipay", "F6"),
)
COUPON = "F7"  # the coupon list
BEST_COUPON = "Shift+F7"  # tick the coupon that saves the most


def payment_dialog_keys() -> list[str]:
    """Every key of the payment dialog, once per action."""
    return [key for _, key in TENDERS] + [COUPON, BEST_COUPON]
