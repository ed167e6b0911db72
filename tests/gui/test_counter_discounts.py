"""The discount keys at the counter (F11, Shift+F11, Ctrl+F11): within the cashier's
cap at once; over it a manager approves in the approval dialog, and the sale names
the approver; the receipt shows the discount."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from memberdesk.models import AuditEntry
from memberdesk.money import Money

from .counter_support import Till, make_till
from .test_counter_cart import cells, totals


@pytest.fixture
def till(qtbot, ui, db, staff) -> Till:  # type: ignore[no-untyped-def]
    return make_till(qtbot, ui, db, staff)


def _discount(till: Till, text: str, key: Qt.Key = Qt.Key.Key_F11,
              modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    back_to_the_window(till)
    till.press(key, till.main, modifier)
    dialog = till.counter.discounts.dialog
    assert dialog is not None and dialog.isVisible()
    till.type(dialog.field, text)


def _approver(till: Till) -> int | None:
    with till.db.reader() as uow:
        row = uow.session.scalars(select(AuditEntry).where(
            AuditEntry.action == "sale.manual_discount")).one()
        return row.approver_id


def back_to_the_window(till: Till) -> None:
    """A dialog closed: the window manager makes the counter active again (the
    offscreen platform has none, so the test does)."""
    till.main.activateWindow()
    till.qtbot.waitUntil(till.main.isActiveWindow, timeout=3000)


def _pay_cash(till: Till) -> None:
    back_to_the_window(till)
    dialog = till.pay_key()
    till.qtbot.keyClicks(dialog.rows["cash"].field, "100")
    till.press(Qt.Key.Key_Return, dialog)


def test_an_item_discount_within_the_cap_goes_straight_to_the_receipt(till: Till) -> None:
    till.ring_up("CHIPS", "BEER")
    till.press(Qt.Key.Key_Up, till.product)  # the chips
    _discount(till, "10%")
    assert cells(till)[0] == ["乐事薯片 原味 70g", "1", "¥8.80", "-¥0.88", "¥7.92"]
    assert totals(till) == ("2", "¥14.80", "-¥0.88", "¥13.92")
    assert till.counter.discounts.approval is None
    _pay_cash(till)
    assert till.receipt.isVisible() and "手工折扣" in till.receipt.receipt_text()
    assert _approver(till) is None


def test_over_the_cap_a_manager_approves_by_keys(till: Till) -> None:
    till.ring_up("CHIPS")
    _discount(till, "3", Qt.Key.Key_F11, Qt.KeyboardModifier.ShiftModifier)  # order: 3.00 of 8.80
    assert totals(till)[2:] == ("-¥3.00", "¥5.80")
    approval = till.counter.discounts.approval
    assert approval is not None and approval.isVisible()
    till.press(Qt.Key.Key_Escape, approval)  # not now: F12 asks again
    assert till.counter.cart.approval_id is None
    back_to_the_window(till)
    till.press(Qt.Key.Key_F12)
    approval = till.counter.discounts.approval
    assert approval is not None and approval.isVisible() and till.payment is None
    till.type(approval.username, "manager")
    till.type(approval.password, "manager-pass")
    till.settle()
    dialog = till.payment  # the payment opened once the manager approved
    assert dialog is not None and dialog.isVisible()
    till.qtbot.keyClicks(dialog.rows["cash"].field, "10")
    till.press(Qt.Key.Key_Return, dialog)
    [sale] = till.sales()
    assert sale.payable == Money(580)
    assert _approver(till) == till.world.manager.staff_id


def test_a_new_price_and_an_approver_without_the_permission(till: Till) -> None:
    till.ring_up("BEER")
    _discount(till, "4", Qt.Key.Key_F11, Qt.KeyboardModifier.ControlModifier)  # 6.00 -> 4.00
    assert cells(till)[0][3:] == ["-¥2.00", "¥4.00"]
    approval = till.counter.discounts.approval
    assert approval is not None
    till.type(approval.username, "cashier")
    till.type(approval.password, "cashier-pass")
    till.settle()
    assert "没有权限" in approval.message.text() and till.counter.cart.approval_id is None
    till.press(Qt.Key.Key_Escape, approval)
    _discount(till, "7", Qt.Key.Key_F11, Qt.KeyboardModifier.ControlModifier)  # not lower
    assert "须低于原价" in till.main.banner.text
    assert cells(till)[0][3:] == ["-¥2.00", "¥4.00"]  # the refused change was undone
