"""Type-ahead after 开班 (issue 11): the cashier opens the shift with Enter and types the
next customer's phone at once. The keys typed while the shift is being opened and the
dialog goes away reach the member lookup, whole and in order; none lands in a cash
field of the closing dialog, none twice."""

from __future__ import annotations

import contextlib
import threading
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.exceptions import TimeoutError

from memberdesk.models.enums import TenderKind
from memberdesk.services.shifts import shift as shifts
from memberdesk.ui.counter.actions import counter_tasks_of
from tests.checkout_support.kit import yuan

from .counter_support import DEVICE_MS, PERSON_MS, Till, make_till

PHONE = "13800000001"


@pytest.fixture
def till(qtbot, ui, db, staff) -> Till:  # type: ignore[no-untyped-def]
    return make_till(qtbot, ui, db, staff)


def typed_now(char: str) -> bool:
    """A key as the keyboard sends it (to the window with the keyboard focus, which gives it
    to its focus widget, like a key from X); False: no window has the keyboard, it is lost."""
    window = QGuiApplication.focusWindow()
    if window is None:
        return False
    QTest.keyClick(window, Qt.Key.Key_Return if char == "\n" else Qt.Key(ord(char)))
    return True


def _open_dialog(till: Till):  # type: ignore[no-untyped-def]
    shifts.close_shift(till.db, till.world.cashier, {TenderKind.CASH: yuan("200")})
    till.ui.state.set_shift(None)
    tasks = counter_tasks_of(till.main)
    assert tasks is not None
    till.qtbot.waitUntil(lambda: QApplication.focusWidget() is till.lookup)
    till.press(Qt.Key.Key_F5)
    dialog = tasks.dialog
    assert dialog is not None and dialog.isVisible()
    till.qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.float_amount)
    till.qtbot.keyClicks(dialog.float_amount, "300")
    return dialog


@pytest.mark.parametrize("pause_ms", [0, 1, 5, 20, 50])
def test_a_phone_typed_at_once_after_opening_the_shift_reaches_the_lookup(
        till: Till, pause_ms: int) -> None:
    """On main before the fix: "" (pause 0: the whole phone went into the float
    field of the busy dialog), "3800000001" (20 ms: the reported symptom), ..."""
    dialog = _open_dialog(till)
    assert typed_now("\n")  # 开班
    lost = []
    for char in PHONE:  # at once, a key every ``pause_ms``
        if not typed_now(char):
            lost.append(char)
        if pause_ms:
            till.qtbot.wait(pause_ms)
    till.settle()
    till.qtbot.waitUntil(lambda: not dialog.isVisible())
    till.qtbot.waitUntil(lambda: QApplication.focusWidget() is till.lookup)
    with contextlib.suppress(TimeoutError):  # (the assertion below says what it got)
        till.qtbot.waitUntil(lambda: till.lookup.text() == PHONE, timeout=2_000)
    assert (lost, till.lookup.text()) == ([], PHONE)
    assert till.ui.state.shift is not None
    assert till.ui.state.shift.opening_float == yuan("300")
    assert dialog.float_amount.text() == "300"  # nothing went to the cash field
    assert typed_now("\n")
    till.settle()
    assert till.main.member_panel.card.name.text() == "张三"


def test_when_the_shift_does_not_open_the_keys_typed_go_nowhere_and_the_dialog_stays(
        till: Till, monkeypatch: pytest.MonkeyPatch) -> None:
    from memberdesk.ui.dialogs import shift as shift_dialog

    typing_done = threading.Event()
    real_open = shift_dialog.open_it

    def open_it_after_the_typing(*args: Any) -> Any:  # on the worker: the keys come first
        typing_done.wait(10)
        return real_open(*args)

    dialog = _open_dialog(till)
    monkeypatch.setattr(shift_dialog, "open_it", open_it_after_the_typing)
    shifts.open_shift(till.db, till.world.cashier, yuan("100"))  # meanwhile, at another till
    assert typed_now("\n")
    for char in PHONE:
        assert typed_now(char)
    typing_done.set()
    till.settle()
    till.qtbot.wait(50)
    assert dialog.isVisible() and dialog.message.isVisible()  # it says why
    assert dialog.float_amount.text() == "300"  # no phone digits in the cash field
    assert till.lookup.text() == ""
    assert QApplication.focusWidget() is dialog.float_amount
    assert typed_now("5")  # the dialog has the keys again
    assert dialog.float_amount.text() == "3005"


@pytest.mark.parametrize("step_ms", [DEVICE_MS, PERSON_MS])
def test_a_scan_at_once_stays_a_scan_and_typing_stays_typing(till: Till, step_ms: int) -> None:
    """Held keys keep the time they were typed: a barcode scanner's burst (with Enter)
    is still a product for the cart; the same digits typed by a person are a search."""
    barcode = "6901234567892"
    dialog = _open_dialog(till)
    assert typed_now("\n")
    till.clock.step = step_ms
    for char in barcode + "\n":
        assert typed_now(char)
    till.settle()
    till.qtbot.waitUntil(lambda: not dialog.isVisible())
    if step_ms == DEVICE_MS:
        till.qtbot.waitUntil(lambda: len(till.counter.cart.items) == 1)
        assert [i.name for i in till.counter.cart.items] == ["可口可乐 330ml"]
    else:
        till.qtbot.waitUntil(lambda: till.main.banner.text == f"找不到“{barcode}”")
        assert not till.counter.cart.items
    assert dialog.float_amount.text() == "300"
