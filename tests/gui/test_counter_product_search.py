"""Finding a product at the counter by name, pinyin initials or code, with a pick
list driven by keys (issue 9, item 4)."""

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
        code="PEPSI", name="百事可乐 330ml", price=Money.parse("3.00")))
    return t


def items(till: Till) -> list[str]:
    return [i.name for i in till.counter.cart.items]


def rows(dialog) -> list[list[str]]:  # type: ignore[no-untyped-def]
    t = dialog.table
    return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]


def test_a_name_part_opens_a_pick_list_driven_by_keys(till: Till) -> None:
    till.type(till.product, "kl")  # pinyin initials of 可乐, in the middle of kkkl and bskl
    dialog = till.counter.cart.pick_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.heading.text() == "有 2 个商品符合“kl”"
    assert sorted(r[1] for r in rows(dialog)) == ["可口可乐 330ml", "百事可乐 330ml"]
    assert {r[2] for r in rows(dialog)} == {"COLA", "PEPSI"}
    second = rows(dialog)[1][1]
    till.press(Qt.Key.Key_Down, dialog.table)
    till.press(Qt.Key.Key_Return, dialog.table)
    assert till.counter.cart.pick_dialog is None
    assert items(till) == [second]
    till.qtbot.waitUntil(till.product.hasFocus)

    till.type(till.product, "可乐")  # the name, typed through the input method
    till.press(Qt.Key.Key_1, till.counter.cart.pick_dialog.table)  # the number key picks
    assert items(till) == ["百事可乐 330ml", "可口可乐 330ml"]


def test_a_single_name_match_is_still_picked_with_enter(till: Till) -> None:
    till.type(till.product, "薯片")
    dialog = till.counter.cart.pick_dialog
    assert rows(dialog)[0][1:4] == ["乐事薯片 原味 70g", "CHIPS", "¥8.80"]
    till.press(Qt.Key.Key_Return, dialog.table)
    assert items(till) == ["乐事薯片 原味 70g"]


def test_a_code_or_barcode_goes_straight_in_and_esc_picks_nothing(till: Till) -> None:
    till.type(till.product, "cola")  # the code, typed in lower case
    assert items(till) == ["可口可乐 330ml"] and till.counter.cart.pick_dialog is None
    till.type(till.product, "xiangyan")  # nothing: said so
    assert till.main.banner.text == "找不到商品 xiangyan"
    till.type(till.product, "zhxy")
    till.press(Qt.Key.Key_Escape, till.counter.cart.pick_dialog.table)
    assert till.counter.cart.pick_dialog is None and items(till) == ["可口可乐 330ml"]
