"""Keys after a counter dialog closes (issue 11): the counter runs full screen on shop
PCs without a window manager, where nothing gives the window back its keys when a
dialog goes away; the F-keys (window shortcuts) then did nothing until a click. After
every dialog the counter is the active window again and its input has the focus.

The keys go where a real keyboard's go: to the application's focus widget (or the
active window), never straight to a field of our choosing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from .counter_support import Till, make_till


@pytest.fixture
def till(qtbot, ui, db, staff) -> Till:  # type: ignore[no-untyped-def]
    return make_till(qtbot, ui, db, staff)


def keyboard(till: Till) -> QWidget:
    """Where a key pressed now would go."""
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None, "no window has the keyboard"
    return target


def back_at_the_counter(till: Till, field: QWidget) -> None:
    till.qtbot.waitUntil(lambda: QApplication.activeWindow() is till.main, timeout=3_000)
    till.qtbot.waitUntil(lambda: QApplication.focusWidget() is field, timeout=3_000)


def test_after_a_task_dialog_closes_the_keys_go_to_the_counter(till: Till) -> None:
    from memberdesk.ui.counter.actions import counter_tasks_of

    tasks = counter_tasks_of(till.main)
    assert tasks is not None
    for key in (Qt.Key.Key_F5, Qt.Key.Key_F4):  # the shift, then the refund dialog
        till.qtbot.keyClick(keyboard(till), key)
        till.settle()
        dialog = tasks.dialog
        assert dialog is not None and dialog.isVisible()
        assert QApplication.activeWindow() is dialog
        till.qtbot.keyClick(keyboard(till), Qt.Key.Key_Escape)
        assert not dialog.isVisible()
        back_at_the_counter(till, till.lookup)
    till.qtbot.keyClicks(keyboard(till), "13800000001")  # typed, not clicked
    assert till.lookup.text() == "13800000001"
    till.qtbot.keyClick(keyboard(till), Qt.Key.Key_F5)  # a window shortcut works again
    assert tasks.dialog is not None and tasks.dialog.isVisible()


def test_after_the_payment_and_the_receipt_the_next_sale_is_typed(till: Till) -> None:
    till.ring_up("COLA")
    till.qtbot.keyClick(keyboard(till), Qt.Key.Key_F12)
    till.settle()
    payment = till.payment
    assert payment is not None and QApplication.activeWindow() is payment
    till.qtbot.keyClick(keyboard(till), Qt.Key.Key_Escape)  # not now
    back_at_the_counter(till, till.product)
    till.qtbot.keyClick(keyboard(till), Qt.Key.Key_F12)
    till.settle()
    till.qtbot.keyClick(keyboard(till), Qt.Key.Key_Return)  # cash, in full
    till.settle()
    receipt = till.receipt
    assert receipt is not None and QApplication.activeWindow() is receipt
    till.qtbot.keyClick(keyboard(till), Qt.Key.Key_Return)
    back_at_the_counter(till, till.product)
    till.qtbot.keyClicks(keyboard(till), "COLA")
    assert till.product.text() == "COLA"
