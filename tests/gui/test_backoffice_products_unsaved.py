"""商品's form with unsaved typing (issue 11, a blind trial: a new price typed, not
saved, was dropped without a word). Every way of leaving the edited product — another
row of the list, a search typed, the search cleared, another back-office page, the back
office closed — asks once "保存更改 / 不保存 / 取消", naming the product: Save (Enter)
saves and goes on, Discard drops the typing and goes on, Cancel (Esc) stays with the
form as typed and the list's current row on the edited product. A change typed back to
the original is no change; a save that fails keeps the owner on the product, typing
kept."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from sqlalchemy import select

from memberdesk.models import Product
from memberdesk.money import Money
from memberdesk.services.catalog import products as catalog

from .products_support import LANGS, SCREENS, add_products, open_products
from .tasks_support import Counter

CTRL = Qt.KeyboardModifier.ControlModifier
WASH, CAR = "8001", "8002"  # 精洗打蜡 ¥88.00, 洗车 ¥30.00
ANSWERING = [0]  # the answering that is on: one at a time
BUTTONS: list[str] = []  # the last question's buttons, left to right
PLACES: list[QRect] = []  # the last question's place on the screen


def price_in_db(c: Counter, code: str) -> int:
    with c.db.reader() as uow:
        return int(uow.session.scalar(select(Product.price).where(Product.code == code)).fen)


def open_wash(c: Counter, lang: str = "zh_CN",
              screen: tuple[int, int] | None = None) -> tuple[Any, Any]:
    """The products page on 精洗打蜡, found by a search ("800": both products); at
    ``screen``'s size (products_support) if given."""
    for code, name, fen in ((WASH, "精洗打蜡", 8800), (CAR, "洗车", 3000)):
        catalog.create_product(c.db, c.world.owner, catalog.ProductDraft(
            code=code, name=name, price=Money(fen)))
    if screen is not None:
        office, page = open_products(c, lang, screen)
    else:
        c.ui.i18n.set_language(lang)
        office = c.open(Qt.Key.Key_F8)
        page = office.show_page("products")
    c.settle()
    c.type(page.search, "800")
    c.press(Qt.Key.Key_Return, page.search)
    c.qtbot.waitUntil(lambda: page.editing is not None
                      and page.editing.product.code == WASH, timeout=5_000)
    c.settle()
    page.set_form_open(True)
    return office, page


def type_price(c: Counter, page: Any, text: str) -> None:
    page.price.clear()
    c.type(page.price, text)


def answering(c: Counter, answer: str) -> list[str]:
    """Answers each question asked in the next 5 s (until the next test asks for
    answers): "save" by Enter, "cancel" by Esc, "discard" by its button; the
    questions' texts, in order."""
    seen: list[str] = []
    ticks = [0]
    sightings = [0]
    ANSWERING[0] += 1
    mine = ANSWERING[0]

    def act() -> None:
        if ANSWERING[0] != mine:
            return  # an earlier test's
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.objectName() == "unsavedProduct":
            sightings[0] += 1
            if sightings[0] < 3:  # answered once it has been up a few ticks: a layout
                # change just after it showed (the page's message line) moves it too
                ticks[0] += 1
                QTimer.singleShot(20, act)
                return
            sightings[0] = 0
            seen.append(box.text())
            BUTTONS[:] = [b.text() for b in sorted(box.findChildren(QPushButton),
                                                   key=lambda b: b.x())]
            PLACES[:] = [box.frameGeometry()]
            if answer == "save":
                c.qtbot.keyClick(box, Qt.Key.Key_Return)
            elif answer == "cancel":
                c.qtbot.keyClick(box, Qt.Key.Key_Escape)
            else:
                button = box.findChild(QPushButton, "unsavedDiscard")
                assert button is not None
                button.click()
        ticks[0] += 1
        if ticks[0] < 250:
            QTimer.singleShot(20, act)

    QTimer.singleShot(0, act)
    return seen


def current_code(page: Any) -> str | None:
    row = page.model.row(page.table.currentIndex().row())
    return None if row is None else row.product.code


# -- the routes: what the owner does, and where it goes when the form lets go -------------------
def by_row(c: Counter, office: Any, page: Any) -> None:
    c.press(Qt.Key.Key_Down, page.table)  # 洗车, the next row


def by_search(c: Counter, office: Any, page: Any) -> None:
    c.type(page.search, "2")  # "8002": the search runs on its timer


def by_clearing(c: Counter, office: Any, page: Any) -> None:
    page.search.clear()  # the clear button's way


def by_page(c: Counter, office: Any, page: Any) -> None:
    c.press(Qt.Key.Key_1, page.price, CTRL)  # 日结


def by_closing(c: Counter, office: Any, page: Any) -> None:
    office.close_button.click()


ROUTES: dict[str, Callable[[Counter, Any, Any], None]] = {
    "row": by_row, "search": by_search, "search cleared": by_clearing,
    "page": by_page, "close": by_closing}


def went_on(route: str, office: Any, page: Any) -> bool:
    """The route done: the place the owner went to."""
    if route == "row":
        return page.editing is not None and page.editing.product.code == CAR
    if route == "search":
        return page.model.search == "8002" and page.editing is not None \
            and page.editing.product.code == CAR
    if route == "search cleared":
        return page.model.search == "" and not page.model.loading
    if route == "page":
        return office.stack.currentWidget() is office.page("day")
    return not office.isVisible()


@pytest.mark.parametrize("route", [r for r in ROUTES if r != "search cleared"])
@pytest.mark.parametrize("answer", ["save", "discard", "cancel"])
def test_leaving_an_unsaved_product_asks_once(owner: Counter, route: str, answer: str) -> None:
    c = owner
    office, page = open_wash(c)
    type_price(c, page, "99.00")
    assert page.unsaved()
    seen = answering(c, answer)
    ROUTES[route](c, office, page)
    c.qtbot.waitUntil(lambda: len(seen) >= 1, timeout=3_000)
    c.settle()
    c.qtbot.wait(100)  # a second question would have come
    c.settle()
    assert seen == ["商品「精洗打蜡」有未保存的更改"]
    assert BUTTONS == ["保存更改", "不保存", "取消"]
    assert page.save_button.text() == "保存"  # the form's own (tr looks along the MRO)
    if answer == "cancel":
        assert price_in_db(c, WASH) == 8800
        assert office.isVisible() and office.stack.currentWidget() is page
        assert office.nav.currentRow() == list(office.pages).index("products")
        assert page.editing is not None and page.editing.product.code == WASH
        assert page.price.text() == "99.00" and page.unsaved()  # as typed
        assert current_code(page) == WASH  # no half-changed selection
        assert page.search.text() == page.model.search == "800"
        if route == "page":  # the keys go on in the form, where the typing was
            assert QApplication.focusWidget() is page.price
        return
    c.qtbot.waitUntil(lambda: went_on(route, office, page), timeout=5_000)
    c.settle()
    assert price_in_db(c, WASH) == (9900 if answer == "save" else 8800)
    assert not page.unsaved()
    if route in ("row", "search"):
        assert current_code(page) == CAR and page.name.text() == "洗车"


@pytest.mark.parametrize("search", ["", "8001", "精洗"], ids=["cleared", "code", "name"])
def test_a_search_that_keeps_the_edited_product_does_not_ask(owner: Counter,
                                                            search: str) -> None:
    """The search cleared (the whole list) or narrowed to the edited product: nothing
    would leave the form, so no question; the list shows the search, the edited
    product current, its typing kept (unsaved, the database unchanged)."""
    c = owner
    _office, page = open_wash(c)
    type_price(c, page, "99.00")
    seen = answering(c, "discard")
    page.search.setText(search)  # typed or cleared: the search runs on its timer
    c.qtbot.waitUntil(lambda: page.model.search == search and not page.model.loading,
                      timeout=5_000)
    c.qtbot.waitUntil(lambda: current_code(page) == WASH, timeout=3_000)
    c.qtbot.wait(150)  # a question would have come
    c.settle()
    assert seen == []
    assert page.editing is not None and page.editing.product.code == WASH
    assert page.price.text() == "99.00" and page.unsaved()
    assert price_in_db(c, WASH) == 8800
    if search:  # the search's list: 洗车 (8002) is not in it
        codes = [r.product.code for r in page.model.rows]
        assert WASH in codes and CAR not in codes


def test_a_new_product_typed_stays_through_a_search(owner: Counter) -> None:
    """A new product's form is no row of any list: a search does not replace it."""
    c = owner
    _office, page = open_wash(c)
    c.press(Qt.Key.Key_N, page, CTRL)
    c.type(page.code, "8003")
    page.name.insert("抛光")
    seen = answering(c, "discard")
    c.type(page.search, "2")  # "8002"
    c.qtbot.waitUntil(lambda: page.model.search == "8002" and not page.model.loading,
                      timeout=5_000)
    c.qtbot.wait(150)
    c.settle()
    assert seen == [] and page.creating and page.editing is None
    assert page.code.text() == "8003" and page.name.text() == "抛光" and page.unsaved()


def test_a_change_typed_back_is_no_change(owner: Counter) -> None:
    c = owner
    _office, page = open_wash(c)
    type_price(c, page, "99.00")
    assert page.unsaved()
    type_price(c, page, "88.0")  # the same amount as loaded (88.00)
    page.name.setText("精洗打蜡 ")  # a space the save would trim
    assert not page.unsaved()
    seen = answering(c, "cancel")
    by_row(c, _office, page)
    c.qtbot.waitUntil(lambda: page.editing is not None
                      and page.editing.product.code == CAR, timeout=3_000)
    assert seen == []


@pytest.mark.parametrize("route", ["row", "page"])
def test_a_save_that_fails_stays_with_the_typing(owner: Counter, route: str) -> None:
    """A wrong check digit (the service's check): the error shows, the owner stays on
    精洗打蜡 with the price and the barcode as typed; no price is saved."""
    c = owner
    office, page = open_wash(c)
    type_price(c, page, "99.00")
    c.type(page.barcode, "6901939621609")  # the check digit should be 8
    seen = answering(c, "save")
    ROUTES[route](c, office, page)
    c.qtbot.waitUntil(lambda: len(seen) == 1, timeout=3_000)
    c.settle()
    c.qtbot.wait(100)
    c.settle()
    assert "校验位" in page.message.text()
    assert price_in_db(c, WASH) == 8800
    assert office.stack.currentWidget() is page
    assert page.editing is not None and page.editing.product.code == WASH
    assert current_code(page) == WASH
    assert page.price.text() == "99.00" and page.barcode.text() == "6901939621609"
    assert page.unsaved()


def test_a_missing_price_stays_and_says_so(owner: Counter) -> None:
    """The form's own check (no price): the question's Save is the Save button's."""
    c = owner
    office, page = open_wash(c)
    page.price.clear()
    seen = answering(c, "save")
    by_closing(c, office, page)
    c.qtbot.waitUntil(lambda: len(seen) == 1, timeout=3_000)
    c.settle()
    assert office.isVisible() and page.message.text() == "请输入售价。"
    assert page.price.text() == "" and page.unsaved()


def test_a_new_product_typed_asks_too_in_english(owner: Counter) -> None:
    c = owner
    office, page = open_wash(c, "en")
    c.press(Qt.Key.Key_N, page, CTRL)
    c.type(page.code, "8003")
    page.name.insert("Polish")
    seen = answering(c, "discard")
    by_row(c, office, page)
    c.qtbot.waitUntil(lambda: len(seen) == 1, timeout=3_000)
    assert seen == ["Product “Polish” has unsaved changes."]
    assert BUTTONS == ["Save", "Discard", "Cancel"]
    c.qtbot.waitUntil(lambda: page.editing is not None, timeout=3_000)
    assert not page.unsaved()


def test_a_category_added_for_a_blank_new_product_is_no_typing(owner: Counter) -> None:
    """The whole path of a new shop: New, a category added (Alt+G, chosen for the new
    product), New again does not ask (it hung there, unanswered)."""
    c = owner
    _office, page = open_wash(c)
    c.press(Qt.Key.Key_N, page, CTRL)
    c.press(Qt.Key.Key_G, page.focusWidget(), Qt.KeyboardModifier.AltModifier)
    c.type(page.category_code, "tea")
    c.press(Qt.Key.Key_Return, page.category_code)
    page.category_name.insert("茶叶")
    c.press(Qt.Key.Key_Return, page.category_name)
    c.settle()
    c.qtbot.waitUntil(lambda: page.category.currentText() == "茶叶", timeout=3_000)
    assert not page.unsaved()
    seen = answering(c, "cancel")
    c.press(Qt.Key.Key_N, page, CTRL)
    c.qtbot.wait(100)
    assert seen == [] and page.focusWidget() is page.code


def test_after_discard_on_a_page_click_the_keys_still_work(owner: Counter) -> None:
    """The trial: 不保存 on a page picked in the list, then Ctrl+6 did nothing (the
    keyboard focus left on the hidden form) until a click or Esc."""
    c = owner
    office, page = open_wash(c)
    type_price(c, page, "99.00")
    seen = answering(c, "discard")
    nav = office.nav
    stock_row = list(office.pages).index("stock")
    c.qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton,
                       pos=nav.visualItemRect(nav.item(stock_row)).center())
    c.qtbot.waitUntil(lambda: office.stack.currentWidget() is office.page("stock"),
                      timeout=5_000)
    c.settle()
    assert seen == ["商品「精洗打蜡」有未保存的更改"]
    focus = QApplication.focusWidget()
    assert focus is not None and focus.isVisible() and focus.window() is office
    assert QApplication.activeWindow() is office
    QTest.keyClick(focus, Qt.Key.Key_6, CTRL)  # 商品
    c.settle()
    assert office.stack.currentWidget() is page


def selected_codes(page: Any) -> list[str]:
    rows = page.table.selectionModel().selectedRows()
    return [page.model.row(index.row()).product.code for index in rows]


@pytest.mark.parametrize("answer", ["save", "discard", "cancel"])
def test_the_list_keeps_the_edited_product_while_the_question_is_up(
        owner: Counter, answer: str) -> None:
    """The trial: a click on 洗车's row with 精洗打蜡 unsaved highlighted 洗车 while the
    question about 精洗打蜡 was up. The list shows the product the question names
    until it is answered: Save and Discard go to the row clicked, Cancel stays."""
    c = owner
    _office, page = open_wash(c)
    type_price(c, page, "99.00")
    while_asked: list[tuple[str | None, list[str]]] = []
    ANSWERING[0] += 1  # an earlier test's answering stops
    mine, ticks = ANSWERING[0], [0]

    def look_then_answer() -> None:
        box = QApplication.activeModalWidget()
        if not (isinstance(box, QMessageBox) and box.objectName() == "unsavedProduct"):
            ticks[0] += 1
            if ANSWERING[0] == mine and ticks[0] < 250:
                QTimer.singleShot(20, look_then_answer)
            return
        while_asked.append((current_code(page), selected_codes(page)))
        name = {"save": "unsavedSave", "discard": "unsavedDiscard", "cancel": "unsavedCancel"}
        button = box.findChild(QPushButton, name[answer])
        assert button is not None
        button.click()

    QTimer.singleShot(0, look_then_answer)
    car = next(i for i, r in enumerate(page.model.rows) if r.product.code == CAR)
    table = page.table
    c.qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                       pos=table.visualRect(page.model.index(car, 2)).center())
    c.qtbot.waitUntil(lambda: len(while_asked) == 1, timeout=3_000)
    assert while_asked == [(WASH, [WASH])]
    expected = WASH if answer == "cancel" else CAR
    c.qtbot.waitUntil(lambda: page.editing is not None
                      and page.editing.product.code == expected, timeout=5_000)
    c.settle()
    assert current_code(page) == expected and selected_codes(page) == [expected]
    assert price_in_db(c, WASH) == (9900 if answer == "save" else 8800)
    assert page.unsaved() == (answer == "cancel")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("screen", SCREENS)
def test_the_question_leaves_the_product_row_in_sight(owner: Counter, lang: str,
                                                      screen: tuple[int, int]) -> None:
    """Blind trial at 1024x768: the question, centred on the window, covered the list:
    the owner could not see which product it was about. It shows below the list, over
    the form: the question and the product's row (the list's current one) both seen."""
    c = owner
    office, page = open_wash(c, lang, screen)
    add_products(c, 30, "8000{:02d}")  # found by "800" too, listed before 精洗打蜡 (8001)
    c.press(Qt.Key.Key_Return, page.search)  # the list again, 精洗打蜡 current (mid-list)
    c.qtbot.waitUntil(lambda: page.model.rowCount() == 32 and current_code(page) == WASH,
                      timeout=5_000)
    c.settle()
    type_price(c, page, "99.00")
    seen = answering(c, "cancel")
    by_row(c, office, page)
    c.qtbot.waitUntil(lambda: len(seen) >= 1, timeout=3_000)
    c.settle()
    assert current_code(page) == WASH
    view = page.table.viewport()
    cell = page.table.visualRect(page.table.currentIndex())
    assert view.rect().contains(cell)  # the row in the list's sight
    row = QRect(view.mapToGlobal(QPoint(0, cell.top())), QSize(view.width(), cell.height()))
    [box] = PLACES
    assert not box.intersects(row), (box, row)
    assert office.geometry().contains(box), (box, office.geometry())  # on the window
