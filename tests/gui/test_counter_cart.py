"""Ringing up: scanned and typed items, plain amounts, quantities, the discounts
the pricing service explains, Esc, and bad input in the fields."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.checkout_support.kit import snapshot

from .counter_support import Till, make_till


@pytest.fixture
def till(qtbot, ui, db, staff) -> Till:  # type: ignore[no-untyped-def]
    return make_till(qtbot, ui, db, staff)


def cells(till: Till) -> list[list[str]]:
    model = till.counter.cart.model
    return [
        [model.index(r, c).data() or "" for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def totals(till: Till) -> tuple[str, str, str, str]:
    p = till.main.totals_panel
    return (p.items_value.text(), p.subtotal_value.text(), p.discount_value.text(),
            p.due_value.text())


def test_scan_type_and_keys_build_the_cart(till: Till) -> None:
    till.burst(till.product, "6901234567892")  # a scanner: 可口可乐
    till.type(till.product, "CHIPS")  # a typed code
    till.type(till.product, "COLA")  # the same item again: one more on its line
    assert cells(till) == [
        ["可口可乐 330ml", "2", "¥3.50", "", "¥7.00"],
        ["乐事薯片 原味 70g", "1", "¥8.80", "", "¥8.80"],
    ]
    assert till.counter.cart.selected_row() == 0

    till.press(Qt.Key.Key_Plus, till.product)  # the field is empty: +1 on the selected line
    till.press(Qt.Key.Key_Down, till.product)
    till.press(Qt.Key.Key_Plus, till.product)
    till.press(Qt.Key.Key_Plus, till.product)
    till.press(Qt.Key.Key_Minus, till.product)
    assert [row[1] for row in cells(till)] == ["3", "2"]
    assert totals(till) == ("5", "¥28.10", "¥0.00", "¥28.10")

    till.press(Qt.Key.Key_Delete, till.product)  # removes the selected line (the chips)
    assert [row[0] for row in cells(till)] == ["可口可乐 330ml"]

    till.type(till.amount, "25.5")  # a plain amount
    assert cells(till)[-1] == ["直接收款", "1", "¥25.50", "", "¥25.50"]
    assert totals(till) == ("4", "¥36.00", "¥0.00", "¥36.00")
    assert till.sale_count() == 0  # nothing is written while ringing up


def test_member_prices_and_tier_discounts_are_shown_as_the_service_explains(till: Till) -> None:
    till.find("13800000002")  # 李四, gold: cola at the member price, 5% off the rest
    till.ring_up("COLA", "COLA", "CHIPS", "CIG")
    rows = cells(till)
    assert rows[0] == ["可口可乐 330ml", "2", "¥3.50", "-¥1.00", "¥6.00"]
    assert rows[1] == ["乐事薯片 原味 70g", "1", "¥8.80", "-¥0.44", "¥8.36"]
    assert rows[2] == ["中华香烟", "1", "¥45.00", "", "¥45.00"]  # not discountable
    panel = till.main.totals_panel
    lines = [
        (panel.discount_rows.itemAt(i, panel.discount_rows.ItemRole.LabelRole).widget().text(),
         panel.discount_rows.itemAt(i, panel.discount_rows.ItemRole.FieldRole).widget().text())
        for i in range(panel.discount_rows.rowCount())
    ]
    assert lines == [("会员价", "-¥1.00"), ("金卡会员折扣", "-¥0.44")]
    assert totals(till) == ("4", "¥60.80", "-¥1.44", "¥59.36")

    # Without the member the same cart costs the full price.
    till.press(Qt.Key.Key_Escape, till.main)
    assert totals(till)[3] == "¥60.80"

    till.ui.i18n.set_language("en")
    till.press(Qt.Key.Key_F2, till.main)
    till.find("M000002")
    assert lines_of(till) == [("Member price", "-¥1.00"), ("金卡会员 discount", "-¥0.44")]
    till.ui.i18n.set_language("zh_CN")


def lines_of(till: Till) -> list[tuple[str, str]]:
    rows = till.main.totals_panel.discount_rows
    return [
        (rows.itemAt(i, rows.ItemRole.LabelRole).widget().text(),
         rows.itemAt(i, rows.ItemRole.FieldRole).widget().text())
        for i in range(rows.rowCount())
    ]


def test_letters_never_reach_an_amount_field(till: Till) -> None:
    till.main.focus_field(till.amount)
    till.qtbot.keyClicks(till.amount, "abc12x.3y45")
    assert till.amount.text() == "12.34"  # digits and two decimals only
    till.amount.clear()
    till.qtbot.keyClicks(till.amount, ".")
    till.press(Qt.Key.Key_Return, till.amount)
    assert till.main.banner.text == "请输入以元为单位的金额，例如 25 或 12.50。"
    assert till.counter.cart.is_empty


def test_an_unknown_item_is_refused_and_the_cart_stays(till: Till) -> None:
    till.ring_up("COLA")
    before = snapshot(till.db)
    till.type(till.product, "NOPE")
    assert till.main.banner.text == "找不到商品 NOPE"
    assert [row[0] for row in cells(till)] == ["可口可乐 330ml"]
    till.burst(till.product, "6909999999999")  # a scanned barcode nobody sells here
    assert till.main.banner.text == "找不到商品 6909999999999"
    assert snapshot(till.db) == before


def test_an_amount_over_the_line_limit_is_undone_with_the_reason(till: Till) -> None:
    till.ring_up("COLA")
    till.type(till.amount, "200000")  # checkout.max_line_fen: 100,000 yuan
    till.press(Qt.Key.Key_F1, till.counter.cart.plain_dialog)  # above ¥500: confirmed
    assert "超出上限" in till.main.banner.text
    assert [row[0] for row in cells(till)] == ["可口可乐 330ml"]
    assert totals(till)[3] == "¥3.50"


def test_esc_clears_the_typing_then_the_member_then_the_cart(till: Till) -> None:
    till.find("13800000001")
    till.ring_up("COLA")
    till.main.focus_field(till.product)
    till.qtbot.keyClicks(till.product, "CHI")
    till.press(Qt.Key.Key_Escape)
    assert till.product.text() == ""
    assert till.ui.state.member is not None and len(till.counter.cart.items) == 1
    till.press(Qt.Key.Key_Escape)
    assert till.ui.state.member is None and len(till.counter.cart.items) == 1
    till.press(Qt.Key.Key_Escape)
    assert till.counter.cart.is_empty
    assert totals(till) == ("0", "¥0.00", "¥0.00", "¥0.00")
    assert till.lookup.hasFocus()


CTRL = Qt.KeyboardModifier.ControlModifier


def test_ctrl_z_brings_back_the_cart_esc_emptied(till: Till) -> None:
    """Issue 11 (a fifth blind trial): Esc pressed three times to close a dialog lost
    the member and a cart of 3 items without a word. The cart's Esc says what went and
    Ctrl+Z, from the lookup where Esc left the keys, brings the lines back, priced again."""
    till.ring_up("COLA", "COLA", "CHIPS")
    before = cells(till)
    due = totals(till)[3]
    till.press(Qt.Key.Key_Escape)
    assert till.counter.cart.is_empty and till.lookup.hasFocus()
    banner = till.main.banner
    assert banner.isVisible() and banner.tone == "ok"
    assert banner.label.text() == f"购物车已清空：3 件商品（{due}）。按 Ctrl+Z 恢复。"
    till.press(Qt.Key.Key_Z, till.lookup, CTRL)
    till.settle()
    assert cells(till) == before and totals(till)[3] == due
    assert banner.label.text() == "购物车已恢复：3 件商品。"
    till.press(Qt.Key.Key_Z, till.lookup, CTRL)  # once: nothing more to bring back
    till.settle()
    assert cells(till) == before

    # An item rung up after the Esc starts a new sale: the old cart is gone for good,
    # and Ctrl+Z is the field's own undo again.
    till.ui.i18n.set_language("en")
    till.press(Qt.Key.Key_Escape)
    assert banner.label.text() == f"Cart cleared: 3 items ({due}). Press Ctrl+Z to bring it back."
    till.ring_up("CHIPS")
    till.settle()
    till.press(Qt.Key.Key_Z, till.lookup, CTRL)
    till.settle()
    assert [row[0] for row in cells(till)] == [before[-1][0]]

    # A log-out forgets it: the next cashier's Ctrl+Z brings back nothing.
    till.press(Qt.Key.Key_Escape)
    assert till.counter.cart.is_empty and till.counter.cart_restore.kept is not None
    till.counter.end_session()
    assert till.counter.cart_restore.kept is None
