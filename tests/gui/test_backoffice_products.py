"""F8 后台 → 商品 (issue 11, item 1): the owner adds a product with a barcode by
keys (Enter through the form) and the counter finds it by scanning; a wrong check
digit is a clear message and nothing is saved; stop and resume selling; the list
is lazy; a cashier has no products page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from memberdesk.models import Product
from memberdesk.money import Money
from memberdesk.services.catalog import products as catalog

from .tasks_support import Counter, counter_for

PEANUTS = "6901939621608"  # a valid EAN-13


@pytest.fixture
def counter(qtbot, ui, db, staff):  # type: ignore[no-untyped-def]
    yield from counter_for(qtbot, ui, db, staff)


def products_page(c: Counter):  # type: ignore[no-untyped-def]
    office = c.open(Qt.Key.Key_F8)
    c.press(Qt.Key.Key_6, office, Qt.KeyboardModifier.ControlModifier)
    page = office.page("products")
    assert office.stack.currentWidget() is page
    c.settle()
    return office, page


def count(c: Counter) -> int:
    with c.db.reader() as uow:
        return int(uow.session.scalar(select(func.count(Product.id))) or 0)


def fill(c: Counter, page, code: str, barcode: str, name: str, price: str) -> None:  # type: ignore[no-untyped-def]
    c.press(Qt.Key.Key_N, page, Qt.KeyboardModifier.ControlModifier)
    assert page.focusWidget() is page.code
    for text in (code, barcode, name, "包", price, ""):  # the cost is optional
        c.type(page.focusWidget(), text)
        c.press(Qt.Key.Key_Return, page.focusWidget())  # Enter moves to the next field
    assert page.focusWidget() is page.category
    c.press(Qt.Key.Key_Return, page.category)


def test_add_a_product_and_scan_it_at_the_counter(owner: Counter) -> None:
    c = owner
    office, page = products_page(c)
    assert page.heading.text() == "商品"
    before = count(c)
    assert page.model.rowCount() == before  # the world's few products, one page
    fill(c, page, "7001", "6901939621609", "花生", "5.50")
    for widget in page._fields()[7:]:  # points, member prices: Enter to the last, saving
        assert page.focusWidget() is widget
        c.press(Qt.Key.Key_Return, widget)
    c.settle()
    assert page.message.text() == ("条码 6901939621609 的校验位不对（EAN-13 最后一位应为 8），"
                                   "请核对后重新扫描或输入")
    assert count(c) == before  # nothing saved
    page.barcode.setText("")
    c.type(page.barcode, PEANUTS)
    page.save_button.click()
    c.settle()
    assert page.message.text() == "花生 (7001) 已添加，收银台现在可以找到它。"
    assert count(c) == before + 1
    c.settle()
    c.type(page.search, "hs")  # pinyin initials, through product_search
    c.press(Qt.Key.Key_Return, page.search)
    c.settle()
    assert [r.product.code for r in page.model.rows] == ["7001"]

    c.press(Qt.Key.Key_Escape, office)
    field = c.ui.main.cart_panel.product_field
    c.type(field, PEANUTS)  # the scanner types the barcode and Enter
    c.press(Qt.Key.Key_Return, field)
    c.settle()
    assert [i.name for i in c.ui.counter.cart.items] == ["花生"]


def test_stop_selling_and_sell_again(owner: Counter) -> None:
    c = owner
    catalog.create_product(c.db, c.world.owner, catalog.ProductDraft(
        code="7002", name="瓜子", price=Money(800)))
    _office, page = products_page(c)
    c.type(page.search, "7002")
    c.press(Qt.Key.Key_Return, page.search)
    c.settle()
    page.table.selectRow(0)
    c.settle()
    assert page.form_heading.text() == "修改 瓜子 (7002)"
    page.active_button.click()
    c.settle()
    assert page.message.text() == "瓜子 已停售，收银台将找不到它。"
    assert page.model.rows[0].product.active is False
    assert page.active_button.text() == "恢复销售"
    page.active_button.click()
    c.settle()
    assert page.model.rows[0].product.active is True


def test_change_a_products_price(owner: Counter) -> None:
    """Saving the form of an existing product (the whole form, its code included)
    changes it: the first owner to try it hit a TypeError."""
    c = owner
    catalog.create_product(c.db, c.world.owner, catalog.ProductDraft(
        code="7004", name="可乐", price=Money(300)))
    _office, page = products_page(c)
    c.type(page.search, "7004")
    c.press(Qt.Key.Key_Return, page.search)
    c.settle()
    page.table.selectRow(0)
    c.settle()
    assert page.form_heading.text() == "修改 可乐 (7004)"
    page.price.setText("3.50")
    assert page.save_button.toolTip() == "Ctrl+S"
    c.press(Qt.Key.Key_S, page.price, Qt.KeyboardModifier.ControlModifier)  # as on 设置
    c.settle()
    assert page.message.text() == "可乐 (7004) 已保存。"
    with c.db.reader() as uow:
        price = uow.session.scalar(select(Product.price).where(Product.code == "7004"))
    assert price == Money(350)


def test_the_list_is_fetched_page_by_page(owner: Counter) -> None:
    c = owner
    with c.db.uow() as uow:  # 450 products, fast
        uow.session.add_all(Product(code=f"Z{i:04d}", name=f"商品{i}", name_initials="sp",
                                    price=Money(100)) for i in range(450))
        uow.commit()
    _office, page = products_page(c)
    assert page.model.rowCount() == 200 and page.model.canFetchMore()
    page.table.scrollToBottom()
    c.qtbot.waitUntil(lambda: page.model.rowCount() > 200, timeout=5000)
    c.settle()
    assert page.model.rowCount() in (400, 400 + count(c) - 450, count(c))


def test_a_cashier_has_no_products_page(counter: Counter) -> None:
    office = counter.open(Qt.Key.Key_F8)
    assert "products" not in office.pages


def test_a_cost_above_the_price_is_warned_and_saved(owner: Counter) -> None:
    c = owner
    _office, page = products_page(c)
    c.press(Qt.Key.Key_N, page, Qt.KeyboardModifier.ControlModifier)
    for text in ("7003", "", "特价鸡蛋", "盒", "9.90"):
        c.type(page.focusWidget(), text)
        c.press(Qt.Key.Key_Return, page.focusWidget())
    assert page.focusWidget() is page.cost
    assert page.cost.placeholderText() == "可不填"  # optional, not "by discount"
    c.type(page.cost, "10.50")
    assert page.cost_warning.isVisible()
    assert page.cost_warning.text() == "进价高于售价：每卖一件都亏钱。"
    page.price.setText("12")
    assert not page.cost_warning.isVisible()  # the warning follows the fields
    page.price.setText("9.90")
    assert page.cost_warning.isVisible()
    page.save_button.click()
    c.settle()
    assert page.message.text() == "特价鸡蛋 (7003) 已添加，收银台现在可以找到它。"
    with c.db.reader() as uow:
        cost = uow.session.scalar(select(Product.cost).where(Product.code == "7003"))
    assert cost == Money(1050)
    c.type(page.search, "7003")
    c.press(Qt.Key.Key_Return, page.search)
    c.settle()
    row = page.model.index(0, 5)
    assert (page.model.headerData(5, Qt.Orientation.Horizontal), row.data()) == ("进价", "10.50")
    page.new_product()
    assert page.cost.text() == "" and not page.cost_warning.isVisible()


def test_a_new_shop_says_where_products_come_from(owner: Counter) -> None:
    c = owner
    with c.db.uow() as uow:  # the world's products gone: a shop just set up
        from memberdesk.models import MemberPrice, ProductSearchKey
        for model in (MemberPrice, ProductSearchKey):
            uow.session.query(model).delete()
        uow.session.query(Product).delete()
        uow.commit()
    _office, page = products_page(c)
    assert page.count_label.text() == "还没有商品：在下方添加，或导入…"
    assert page.form_open and page.form_heading.text() == "新商品"  # where products come from
    assert page.save_button.isEnabled() and page.code.isEnabled()


def test_a_new_product_starts_without_a_category(owner: Counter) -> None:
    """A category added while a product was being edited became that product's
    category (and so the one the form carried on with): now the edited product keeps
    its own; a new product starts with none (the list has no category filter), and a
    category added while typing a new product is chosen for it."""
    c = owner
    _office, page = products_page(c)
    page.table.selectRow(0)  # a product of the kit, in a category
    c.qtbot.waitUntil(lambda: page.editing is not None, timeout=5_000)
    c.settle()
    edited = page.editing.product
    assert edited.category_id is not None
    assert page.category.currentData() == edited.category_id
    page.category_code.setText("gifts")
    page.category_name.setText("礼品")
    page.add_category()
    c.settle()
    assert page.category.currentData() == edited.category_id  # still the product's own
    c.press(Qt.Key.Key_N, page, Qt.KeyboardModifier.ControlModifier)
    assert page.category.currentData() is None and page.category.currentText() == "—"
    page.category_code.setText("toys")
    page.category_name.setText("玩具")
    page.add_category()
    c.settle()
    assert page.category.currentText() == "玩具"  # added for the new product


def test_an_empty_member_price_says_what_applies_instead(owner: Counter) -> None:
    """Not "—", nor "list" / "tier" (the trial, at 1024 in English): the amount a
    member of the tier pays when the field is left empty — the tier's discount on the
    list price (rounded down, as at the counter), or the list price itself (a tier
    without a discount, or a product outside the tier discount); with no price typed,
    "= price" or the discount; the tool tip says it in a sentence."""
    c = owner
    office, page = products_page(c)
    by_tier = {t.code: e for t, e in zip(page.tiers, page.member_prices, strict=True)}
    gold = next(t for t in page.tiers if t.code == "gold")
    assert gold.discount_permille == 950
    page.price.setText("19.90")
    assert by_tier["normal"].placeholderText() == "19.90"  # 普通会员: no discount
    assert by_tier["gold"].placeholderText() == "18.90"  # 18.905, rounded down
    page.discountable.setChecked(False)
    assert {e.placeholderText() for e in page.member_prices} == {"19.90"}
    page.discountable.setChecked(True)
    page.price.clear()
    assert by_tier["normal"].placeholderText() == "同售价"
    assert by_tier["gold"].placeholderText() == "减5%"
    c.qtbot.keyClick(office, Qt.Key.Key_L,
                     Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    c.qtbot.waitUntil(lambda: page.heading.text() == "Products", timeout=5_000)
    assert by_tier["normal"].placeholderText() == "= price"
    assert by_tier["gold"].placeholderText() == "−5%"
    assert by_tier["gold"].toolTip() == ("金卡会员 price. Empty: the price less the 金卡会员 "
                                         "discount (5% off), as greyed here")
    page.price.setText("7")
    assert by_tier["gold"].placeholderText() == "6.65"


def test_the_list_gets_the_room_of_a_1024x768_screen(owner: Counter) -> None:
    """The owner of the trial saw 2 to 4 rows at 718 pixels high: the form took the
    room. Now its fields hide (F2 shows them) and a dozen rows show, in both languages."""
    c = owner
    with c.db.uow() as uow:
        uow.session.add_all(Product(code=f"Z{i:04d}", name=f"商品{i}", name_initials="sp",
                                    price=Money(100)) for i in range(30))
        uow.commit()
    office, page = products_page(c)
    office.resize(984, 718)  # a 1024x768 screen's counter less 40 x 50
    c.settle()
    c.qtbot.wait(50)

    def rows_shown() -> int:
        return page.table.viewport().height() // page.table.rowHeight(0)

    assert not page.form_open and not page.price.isVisible()
    c.qtbot.waitUntil(lambda: rows_shown() >= 12, timeout=2_000)
    assert page.form_toggle.text() == "展开表单 (F2)"
    c.press(Qt.Key.Key_F2, page.table)  # the form, for the picked product
    assert page.form_open and page.price.isVisible()
    assert page.form_toggle.text() == "收起表单 (F2)"
    c.press(Qt.Key.Key_F2, page.focusWidget())  # from the form's field
    assert not page.form_open
    c.qtbot.waitUntil(lambda: rows_shown() >= 12, timeout=2_000)  # once laid out
    c.qtbot.keyClick(office, Qt.Key.Key_L,
                     Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    c.qtbot.waitUntil(lambda: page.heading.text() == "Products", timeout=5_000)
    c.qtbot.waitUntil(lambda: rows_shown() >= 12, timeout=2_000)
    assert page.form_toggle.text() == "Show the form (F2)"
    page.table.setFocus()
    c.press(Qt.Key.Key_Return, page.table)  # Enter on a row: its form, to edit
    assert page.form_open and page.focusWidget() is page.name
    c.press(Qt.Key.Key_N, page, Qt.KeyboardModifier.ControlModifier)
    assert page.form_open and page.focusWidget() is page.code


def test_the_form_follows_the_list_after_a_search(owner: Counter) -> None:
    """A search showed other rows while the form kept the product picked before: now
    the first match is picked and in the form; nothing found, no product's fields."""
    c = owner
    for code, name in (("7101", "瓜子"), ("7102", "瓜子仁"), ("7201", "花生")):
        catalog.create_product(c.db, c.world.owner, catalog.ProductDraft(
            code=code, name=name, price=Money(800)))
    _office, page = products_page(c)
    first = page.model.rows[0].product
    c.qtbot.waitUntil(lambda: page.editing is not None, timeout=5_000)
    assert page.editing.product.code == first.code  # the list's first row, in the form
    assert page.table.currentIndex().row() == 0

    c.type(page.search, "7201")
    c.press(Qt.Key.Key_Return, page.search)
    c.settle()
    c.qtbot.waitUntil(lambda: page.editing is not None
                      and page.editing.product.code == "7201", timeout=5_000)
    assert page.name.text() == "花生" and page.form_heading.text() == "修改 花生 (7201)"
    assert page.table.currentIndex().row() == 0

    page.search.clear()
    c.type(page.search, "71")
    c.press(Qt.Key.Key_Return, page.search)
    c.settle()
    c.qtbot.waitUntil(lambda: page.editing is not None
                      and page.editing.product.code == "7101", timeout=5_000)
    page.table.selectRow(1)  # the form follows the picked row
    c.qtbot.waitUntil(lambda: page.editing.product.code == "7102", timeout=5_000)
    assert page.name.text() == "瓜子仁"

    page.search.clear()
    c.type(page.search, "no-such-thing")
    c.press(Qt.Key.Key_Return, page.search)
    c.settle()
    assert page.count_label.text() == "没有找到"
    assert page.editing is None and page.name.text() == "" and not page.name.isEnabled()
    assert page.form_heading.text() == "请在列表中选择商品，或点“新建”。"
    assert not page.save_button.isEnabled() and not page.active_button.isEnabled()
    c.press(Qt.Key.Key_N, page, Qt.KeyboardModifier.ControlModifier)  # New still works
    assert page.form_heading.text() == "新商品" and page.code.isEnabled()
    assert page.save_button.isEnabled()


def test_the_count_says_1_product_in_english(owner: Counter) -> None:
    c = owner
    with c.db.uow() as uow:
        from memberdesk.models import MemberPrice, ProductSearchKey
        for model in (MemberPrice, ProductSearchKey):
            uow.session.query(model).delete()
        uow.session.query(Product).delete()
        uow.commit()
    catalog.create_product(c.db, c.world.owner, catalog.ProductDraft(
        code="7301", name="瓜子", price=Money(800)))
    office, page = products_page(c)
    assert page.count_label.text() == "共 1 个商品"
    c.qtbot.keyClick(office, Qt.Key.Key_L,
                     Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    c.qtbot.waitUntil(lambda: page.heading.text() == "Products", timeout=5_000)
    assert page.count_label.text() == "1 product"
    catalog.create_product(c.db, c.world.owner, catalog.ProductDraft(
        code="7302", name="花生", price=Money(800)))
    page.model.reload()
    c.settle()
    assert page.count_label.text() == "2 products"
