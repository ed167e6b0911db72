"""商品 at 1366x768 and 1024x768 with the form open (issue 11, the trial's findings):
the list keeps its rows (8 at 1366, 5 at 1024; one showed at 1366), a 13-digit
barcode shows whole and the name takes the room left, in both languages; the form
shows the list's current row after a search is cleared (the product being edited
stays selected and in view, even beyond the first page), and a row picked in the
old list while the search clears does not take the form over. The member list's
phone numbers at 1024 are sized with the same room."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QStyle, QTableView

from memberdesk.money import Money
from memberdesk.services.catalog import products as catalog
from memberdesk.ui.common.column_fit import cell_tip

from .products_support import LANGS, add_products, open_products
from .tasks_support import Counter

SIZES = {(1366, 768): 8, (1024, 768): 5}  # the screen, the rows shown with the form open


def rows_shown(table: QTableView) -> float:
    return table.viewport().height() / table.rowHeight(0)


def needed(table: QTableView, text: str) -> int:
    """The width a cell needs to show ``text`` unelided: its exact (fractional) width,
    the item's text margins on both sides and the grid line."""
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    return math.ceil(QFontMetricsF(table.font()).horizontalAdvance(text)) + 2 * margin + 1


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("screen", list(SIZES))
def test_the_list_keeps_its_rows_with_the_form_open(owner: Counter, lang: str,
                                                    screen: tuple[int, int]) -> None:
    c = owner
    add_products(c, 30)
    office, page = open_products(c, lang, screen)
    c.press(Qt.Key.Key_F2, page.table)  # the picked product's form
    assert page.form_open and page.price.isVisible() and page.save_button.isVisible()
    c.qtbot.waitUntil(lambda: rows_shown(page.table) >= SIZES[screen], timeout=3_000)
    for widget in (page.save_button, page.active_button, page.member_prices[-1]):
        bottom = widget.mapTo(office, widget.rect().bottomRight())
        assert office.rect().contains(bottom), widget  # the whole form on screen
    assert office.width() == screen[0] - 40  # nothing widened the window
    assert not page.category_row.isVisible()  # asked for: "+" or Alt+G
    c.press(Qt.Key.Key_G, page.focusWidget(), Qt.KeyboardModifier.AltModifier)
    assert page.category_row.isVisible() and page.focusWidget() is page.category_code
    page.category_more.click()  # "+" again: the row goes
    assert not page.category_row.isVisible()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("screen", list(SIZES))
def test_a_13_digit_barcode_shows_whole_and_the_name_takes_the_rest(
        owner: Counter, lang: str, screen: tuple[int, int]) -> None:
    c = owner
    catalog.create_product(c.db, c.world.owner, catalog.ProductDraft(
        code="0001", name="统一冰红茶 500ml", barcode="6901939621608", price=Money(650)))
    _office, page = open_products(c, lang, screen)
    page.set_form_open(True)
    table = page.table
    c.qtbot.wait(60)  # the columns share the width once the rows are in
    c.settle()
    row = next(i for i, r in enumerate(page.model.rows) if r.product.code == "0001")
    c.qtbot.waitUntil(lambda: not table.horizontalScrollBar().isVisible(), timeout=3_000)
    assert table.columnWidth(1) >= needed(table, "6901939621608")
    assert cell_tip(table, page.model.index(row, 1)) is None
    assert table.columnWidth(2) >= needed(table, "统一冰红茶 500ml")  # the name: the rest
    assert cell_tip(table, page.model.index(row, 2)) is None
    category = table.horizontalHeader().sectionSizeHint(6)
    assert table.columnWidth(6) <= max(category, 80 + 3)  # the category takes no more


def test_the_form_keeps_the_edited_product_after_the_search_is_cleared(owner: Counter) -> None:
    """Edited from a search, on the list's third page: clearing the search fetches
    pages until it is there, selects it, scrolls to it; the form still shows it."""
    c = owner
    add_products(c, 450)
    _office, page = open_products(c, "zh_CN", (1024, 768))
    c.type(page.search, "Z0420")
    c.press(Qt.Key.Key_Return, page.search)
    c.qtbot.waitUntil(lambda: page.editing is not None
                      and page.editing.product.code == "Z0420", timeout=5_000)
    page.search.clear()  # the clear button's way: the search runs on its timer
    c.qtbot.waitUntil(lambda: not page.model.search and page.model.rowCount() > 400,
                      timeout=10_000)
    c.settle()
    current = page.model.row(page.table.currentIndex().row())
    assert current is not None and current.product.code == "Z0420"
    assert page.editing is not None and page.editing.product.code == "Z0420"
    assert page.form_heading.text() == "修改 商品420 (Z0420)"
    rect = page.table.visualRect(page.table.currentIndex())
    assert page.table.viewport().rect().contains(rect)  # scrolled into view


def test_a_row_picked_while_the_search_clears_does_not_take_the_form(owner: Counter) -> None:
    """A row clicked in the old list while the cleared search's list was on its way:
    its product came after the new list had selected the edited one, and the form
    showed a product that was not the list's current row."""
    c = owner
    for code, name in (("7101", "瓜子"), ("7102", "瓜子仁")):
        catalog.create_product(c.db, c.world.owner, catalog.ProductDraft(
            code=code, name=name, price=Money(800)))
    _office, page = open_products(c, "zh_CN", (1366, 768))
    c.type(page.search, "710")
    c.press(Qt.Key.Key_Return, page.search)
    c.qtbot.waitUntil(lambda: page.editing is not None
                      and page.editing.product.code == "7101", timeout=5_000)
    page.search.clear()
    page.search_timer.stop()
    page._search()  # the whole list asked for first
    page.table.selectRow(1)  # then 7102 picked in the search's list still on screen
    c.qtbot.waitUntil(lambda: not page.model.search, timeout=5_000)
    c.settle()
    c.qtbot.wait(100)
    c.settle()
    current = page.model.row(page.table.currentIndex().row())
    assert current is not None and page.editing is not None
    assert page.editing.product.code == current.product.code
    assert page.name.text() == current.product.name


@pytest.mark.parametrize("lang", LANGS)
def test_member_phone_numbers_show_whole_at_1024(owner: Counter, lang: str) -> None:
    c = owner
    c.ui.i18n.set_language(lang)
    c.ui.main.resize(1024, 768)
    office = c.open(Qt.Key.Key_F8)
    office.resize(984, 718)
    panel = office.show_page("members").list
    c.settle()
    c.qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=5_000)
    c.qtbot.wait(60)
    c.settle()
    table = panel.table
    phone = next(col for col in range(panel.model.columnCount())
                 if str(panel.model.index(0, col).data()).startswith("138"))
    width = max(needed(table, str(panel.model.index(r, phone).data()))
                for r in range(panel.model.rowCount()))
    assert table.columnWidth(phone) >= width
