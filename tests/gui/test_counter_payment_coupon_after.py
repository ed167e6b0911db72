"""The payment dialog: a coupon ticked (or unticked) after the amounts were filled in
or typed (issue 11). The amount due changes; stored value the dialog filled in
follows it, as it follows the points (one rule:
:func:`memberdesk.ui.counter.tender_rows.stored_value_keeps_the_rest`); an amount
the cashier typed is theirs, and what is left (or over) is said."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from .counter_support import Till, make_till
from .test_counter_payment import give_coupon


@pytest.fixture
def till(qtbot, ui, db, staff) -> Till:  # type: ignore[no-untyped-def]
    return make_till(qtbot, ui, db, staff)


def test_a_coupon_ticked_after_the_points_moves_the_stored_value_filled_in(till: Till) -> None:
    """Blind trial: points added (F2), then the coupon ticked: the stored value filled
    in stayed at ¥43.80 and the tenders came to ¥5.00 more than the ¥48.80 due."""
    w = till.world
    w.recharge("alice", "100")
    w.give_points("alice", 1000)
    give_coupon(till, "C5", "满20减5", 5, 20)
    till.find("13800000001")
    till.ring_up("CHIPS", "CIG")  # ¥53.80
    dialog = till.pay_key()
    rows = dialog.rows
    till.press(Qt.Key.Key_F2, dialog)  # points ¥10.00, stored value keeps ¥43.80
    assert rows["stored_value"].field.text() == "43.80"
    till.press(Qt.Key.Key_F7, dialog)
    till.press(Qt.Key.Key_Space, dialog.coupon_list)  # 满20减5 ticked after the amounts
    till.qtbot.waitUntil(lambda: dialog.due_value.text() == "¥48.80", timeout=5_000)
    assert rows["points"].field.text() == "10.00"
    assert rows["stored_value"].field.text() == "38.80"  # follows the amount due
    assert dialog.summary.text() == "已收齐，按回车确认"
    till.press(Qt.Key.Key_Space, dialog.coupon_list)  # unticked: it pays the ¥5.00 again
    till.qtbot.waitUntil(lambda: dialog.due_value.text() == "¥53.80", timeout=5_000)
    assert rows["stored_value"].field.text() == "43.80"
    till.press(Qt.Key.Key_Space, dialog.coupon_list)
    till.qtbot.waitUntil(lambda: dialog.due_value.text() == "¥48.80", timeout=5_000)
    till.press(Qt.Key.Key_Return, dialog)
    [sale] = till.sales()
    assert till.tenders(sale.id) == {"stored_value": (3880, None), "points": (1000, None)}


def test_a_coupon_ticked_after_a_typed_stored_value_keeps_it(till: Till) -> None:
    """The cashier's own stored value amount is kept when a coupon changes the amount
    due: what is still to pay (or paid over) is said, in either language."""
    w = till.world
    w.recharge("alice", "100")
    give_coupon(till, "C5", "满20减5", 5, 20)
    till.find("13800000001")
    till.ring_up("CHIPS", "CIG")  # ¥53.80
    dialog = till.pay_key()
    rows = dialog.rows
    till.press(Qt.Key.Key_F1, dialog)
    till.type(rows["stored_value"].field, "30", enter=False)  # typed over the 53.80
    till.press(Qt.Key.Key_F3, dialog)  # cash: the ¥23.80 left
    assert rows["cash"].field.text() == "23.80"
    till.press(Qt.Key.Key_F7, dialog)
    till.press(Qt.Key.Key_Space, dialog.coupon_list)
    till.qtbot.waitUntil(lambda: dialog.due_value.text() == "¥48.80", timeout=5_000)
    assert rows["stored_value"].field.text() == "30"  # the cashier's: kept
    assert dialog.summary.text() == "已收 ¥53.80 · 找零 ¥5.00"  # the cash over is change
    till.ui.i18n.set_language("en")
    till.qtbot.waitUntil(lambda: dialog.summary.text() == "Paid ¥53.80 · Change ¥5.00",
                         timeout=5_000)
    till.press(Qt.Key.Key_Return, dialog)
    [sale] = till.sales()
    assert till.tenders(sale.id) == {"stored_value": (3000, None), "cash": (1880, 2380)}


def test_stored_value_over_the_amount_due_is_said_at_once_not_as_change(till: Till) -> None:
    """A trial: stored value alone above the amount due (typed, then a coupon ticked)
    read "已收 ¥91.50 · 找零 ¥9.15" until Enter said that non-cash payments give no
    change. The line says so as soon as it is so."""
    till.world.recharge("alice", "100")
    till.find("13800000001")
    till.ring_up("CHIPS", "CIG")  # ¥53.80
    dialog = till.pay_key()
    till.press(Qt.Key.Key_F1, dialog)
    till.type(dialog.rows["stored_value"].field, "60", enter=False)  # ¥6.20 over
    assert dialog.summary.text() == "只有现金可以多付找零，非现金付款超出 ¥6.20"
    assert "找零 ¥6.20" not in dialog.summary.text()
    dialog.rows["stored_value"].field.selectAll()
    till.type(dialog.rows["stored_value"].field, "50", enter=False)  # now short
    assert dialog.summary.text() == "已收 ¥50.00 · 还需 ¥3.80"
