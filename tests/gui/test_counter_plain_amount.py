"""Plain amounts (直接收款) at the counter: always visibly a plain amount, a
confirming key above the shop's limit, and a typed number that is a product code
said to be one. Driven by keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from memberdesk.money import Money
from memberdesk.services.catalog import products as catalog

from .counter_support import Till, make_till


@pytest.fixture
def till(qtbot, ui, db, staff) -> Till:  # type: ignore[no-untyped-def]
    t = make_till(qtbot, ui, db, staff)
    catalog.create_product(db, t.world.owner, catalog.ProductDraft(
        code="2003", name="农夫山泉 550ml", price=Money.parse("2.00")))
    return t


def lines(till: Till) -> list[tuple[str, str]]:
    model = till.counter.cart.model
    return [(model.index(r, 0).data(), model.index(r, 4).data()) for r in range(model.rowCount())]


def test_the_amount_field_says_what_it_is(till: Till) -> None:
    panel = till.main.cart_panel
    assert panel.amount_label.text() == "直接收款 ¥"
    assert panel.amount_label.isVisible() and panel.amount_label.buddy() is till.amount
    assert panel.product_label.text() == "商品"
    till.qtbot.keyClicks(till.amount, "25")  # with text typed the label still says so
    assert panel.amount_label.isVisible()


def test_an_amount_within_the_limit_goes_straight_in(till: Till) -> None:
    till.type(till.amount, "25.5")
    assert lines(till) == [("直接收款", "¥25.50")]
    assert till.counter.cart.plain_dialog is None


def test_an_amount_above_the_limit_needs_the_confirming_key(till: Till) -> None:
    till.type(till.amount, "600")
    dialog = till.counter.cart.plain_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.amount_label.text() == "¥600.00"
    assert dialog.reason_label.text() == "超过直接收款确认线 ¥500.00，请核对金额。"
    assert dialog.amount_button.text() == "收取 ¥600.00（F1）"
    assert not dialog.product_button.isVisible()
    till.press(Qt.Key.Key_Return, dialog)  # a habitual Enter takes nothing
    till.press(Qt.Key.Key_Enter, dialog)
    assert dialog.isVisible() and till.counter.cart.is_empty
    till.press(Qt.Key.Key_F1, dialog)
    assert till.counter.cart.plain_dialog is None
    assert lines(till) == [("直接收款", "¥600.00")]
    assert till.amount.text() == ""
    till.qtbot.waitUntil(till.amount.hasFocus)


def test_esc_goes_back_to_the_amount_to_correct_it(till: Till) -> None:
    till.type(till.amount, "6000")
    till.press(Qt.Key.Key_Escape, till.counter.cart.plain_dialog)
    assert till.counter.cart.plain_dialog is None and till.counter.cart.is_empty
    till.qtbot.waitUntil(till.amount.hasFocus)  # the counter has the keys again
    assert till.amount.selectedText() == "6000"


def test_the_limit_is_a_shop_setting(till: Till) -> None:
    till.world.set_settings(checkout__plain_amount_confirm_fen=100_000)  # ¥1,000
    till.press(Qt.Key.Key_F9, till.main)
    from .helpers import log_in

    log_in(till.qtbot, till.ui, "cashier", "cashier-pass")
    till.settle()
    till.type(till.amount, "600")
    assert lines(till) == [("直接收款", "¥600.00")]
    till.type(till.amount, "1000.01")
    assert till.counter.cart.plain_dialog.reason_label.text() == (
        "超过直接收款确认线 ¥1,000.00，请核对金额。")


def test_a_product_code_typed_as_an_amount_says_so(till: Till) -> None:
    till.type(till.amount, "2003")
    dialog = till.counter.cart.plain_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.amount_label.text() == "¥2,003.00"
    assert dialog.reason_label.text() == (
        "2003 是商品编码：农夫山泉 550ml ¥2.00。\n超过直接收款确认线 ¥500.00，请核对金额。")
    assert dialog.product_button.isVisible()
    assert dialog.product_button.text() == "加入商品（回车）"
    assert dialog.back_button.text() == "返回修改（Esc）"
    till.press(Qt.Key.Key_Return, dialog)  # what the cashier meant: the product
    assert lines(till) == [("农夫山泉 550ml", "¥2.00")]
    till.qtbot.waitUntil(till.product.hasFocus)

    till.type(till.amount, "2003")  # and if it really was ¥2,003: F1
    till.press(Qt.Key.Key_F1, till.counter.cart.plain_dialog)
    assert lines(till) == [("农夫山泉 550ml", "¥2.00"), ("直接收款", "¥2,003.00")]


def test_a_small_amount_that_is_a_product_code_says_so_too(till: Till) -> None:
    catalog.create_product(till.db, till.world.owner, catalog.ProductDraft(
        code="12", name="打气", price=Money.parse("1.00")))
    till.type(till.amount, "12")
    dialog = till.counter.cart.plain_dialog
    assert dialog.reason_label.text() == "12 是商品编码：打气 ¥1.00。"
    till.press(Qt.Key.Key_F1, dialog)
    assert lines(till) == [("直接收款", "¥12.00")]


def test_a_plain_amount_line_looks_different_from_a_product(till: Till) -> None:
    till.ring_up("COLA")
    till.type(till.amount, "8")
    model = till.counter.cart.model
    assert model.index(1, 0).data() == "直接收款"
    assert model.index(1, 0).data(Qt.ItemDataRole.FontRole).italic()
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole) is None
