"""F8 后台 → 库存 (issue 11, item 2): a manager finds a product, receives goods and
counts it by keys (Enter through quantity and note/reason), sets a low-stock level
and sees the low-stock list; a bad quantity is a clear message and nothing is
saved; the list is lazy; a cashier has no stock page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from memberdesk.models import Product, StockEntry, StockKind
from memberdesk.money import Money
from memberdesk.services.stock.ledger import receive_stock, stock_of

from .tasks_support import Counter, counter_for


@pytest.fixture
def counter(qtbot, ui, db, staff):  # type: ignore[no-untyped-def]
    yield from counter_for(qtbot, ui, db, staff)


def stock_page(c: Counter):  # type: ignore[no-untyped-def]
    office = c.open(Qt.Key.Key_F8)
    row = list(office.pages).index("stock")  # Ctrl+1… in the order of the page list
    c.press(Qt.Key(Qt.Key.Key_1.value + row), office, Qt.KeyboardModifier.ControlModifier)
    page = office.page("stock")
    assert office.stack.currentWidget() is page
    c.settle()
    return office, page


def find(c: Counter, page, text: str) -> None:  # type: ignore[no-untyped-def]
    c.type(page.search, text)
    c.press(Qt.Key.Key_Return, page.search)
    c.settle()
    assert len(page.model.rows) == 1
    page.table.setFocus()
    c.press(Qt.Key.Key_Down, page.table)  # the first row becomes current
    c.settle()


def entries(c: Counter, code: str) -> list[tuple[StockKind, int, int, str]]:
    with c.db.reader() as uow:
        return [(e.kind, e.delta, e.on_hand_after, e.note) for e in uow.session.scalars(
            select(StockEntry).join(Product, Product.id == StockEntry.product_id)
            .where(Product.code == code).order_by(StockEntry.id))]


def test_receive_and_count_by_keys(manager: Counter) -> None:
    c = manager
    _office, page = stock_page(c)
    assert page.heading.text() == "库存"
    # fits the back office at 1024x768: 984 wide, less the page list and margins
    assert page.minimumSizeHint().width() <= 984 - 140 - 48 - 18
    find(c, page, "kkkl")  # 可口可乐 by its pinyin initials
    assert page.picked is not None and page.picked.code == "COLA"
    assert page.form_heading.text() == "可口可乐 330ml (COLA)：未管库存——入库或盘点后开始管理"
    c.press(Qt.Key.Key_Return, page.table)  # Enter in the list: on to the quantity received
    assert page.focusWidget() is page.receive_qty
    c.type(page.receive_qty, "2.5")
    c.press(Qt.Key.Key_Return, page.receive_qty)
    c.type(page.note, "康师傅配送")
    c.press(Qt.Key.Key_Return, page.note)
    c.settle()
    assert page.message.text() == "请输入 1 到 1,000,000 之间的整数。"
    assert page.focusWidget() is page.receive_qty and entries(c, "COLA") == []
    c.type(page.receive_qty, "２４")  # full-width digits from a Chinese input method
    c.press(Qt.Key.Key_Return, page.receive_qty)
    assert page.focusWidget() is page.note
    c.press(Qt.Key.Key_Return, page.note)
    c.settle()
    assert page.message.text() == "可口可乐 330ml：已入库 24，现有 24。"
    assert page.form_heading.text() == "可口可乐 330ml (COLA)：现有 24 件"
    assert page.model.rows[0].on_hand == 24
    assert page.moves.rowCount() == 1 and page.moves.item(0, 1).text() == "入库"

    page.count_qty.setFocus()
    c.type(page.count_qty, "21")
    c.press(Qt.Key.Key_Return, page.count_qty)
    assert page.focusWidget() is page.reason
    c.press(Qt.Key.Key_Return, page.reason)  # no reason: refused, nothing posted
    c.settle()
    assert page.message.text() == "请填写盘点原因，例如 月末盘点。"
    c.type(page.reason, "月末盘点 破损 3 瓶")
    c.press(Qt.Key.Key_Return, page.reason)
    c.settle()
    assert page.message.text() == "可口可乐 330ml：盘点为 21，差 -3。"
    assert entries(c, "COLA") == [(StockKind.RECEIVE, 24, 24, "康师傅配送"),
                                  (StockKind.COUNT, -3, 21, "月末盘点 破损 3 瓶")]
    assert [page.moves.item(0, col).text() for col in (1, 2, 3)] == [
        "盘点", "-3 → 21", "月末盘点 破损 3 瓶"]
    assert page.moves.item(0, 3).toolTip() == "月末盘点 破损 3 瓶\n李店长"  # who: in the tooltip

    page.low_at.setFocus()
    c.type(page.low_at, "30")
    c.press(Qt.Key.Key_Return, page.low_at)
    c.settle()
    assert page.message.text() == "可口可乐 330ml：不高于 30 时为低库存。"
    assert page.model.data(page.model.index(0, 4)) == "低库存"
    assert stock_of(c.db, "COLA").low_at == 30
    page.search.setFocus()  # (Alt+F) Find, then Tab: 只看低库存, Space ticks it
    c.press(Qt.Key.Key_Tab, page.search)
    assert page.focusWidget() is page.low_only
    c.press(Qt.Key.Key_Space, page.low_only)
    c.settle()
    assert page.low_only.isChecked()
    assert [r.code for r in page.model.rows] == ["COLA"]
    assert page.count_label.text().endswith("管库存 1 个，低库存 1 个")


def test_ctrl_e_exports_the_stock_report(manager: Counter) -> None:
    from python_calamine import CalamineWorkbook

    c = manager
    receive_stock(c.db, c.world.owner, "COLA", 5)
    _office, page = stock_page(c)
    c.press(Qt.Key.Key_E, page.search, Qt.KeyboardModifier.ControlModifier)
    assert page.exporting
    c.qtbot.waitUntil(lambda: not page.exporting, timeout=30_000)
    written = sorted(c.db.paths.exports.glob("库存报表_*"))
    assert [p.suffix for p in written] == [".pdf", ".xlsx"]
    assert page.message.text().startswith("已导出：")
    book = CalamineWorkbook.from_path(str(written[1]))
    rows = book.get_sheet_by_name("现有库存").to_python()
    assert rows[1][:4] == ["COLA", "可口可乐 330ml", "件", 5.0]


def test_the_list_is_fetched_page_by_page(manager: Counter) -> None:
    c = manager
    with c.db.uow() as uow:  # 450 products, fast
        uow.session.add_all(Product(code=f"Z{i:04d}", name=f"商品{i}", name_initials="sp",
                                    price=Money(100)) for i in range(450))
        uow.commit()
    _office, page = stock_page(c)
    assert page.model.rowCount() == 200 and page.model.canFetchMore()
    page.table.scrollToBottom()
    c.qtbot.waitUntil(lambda: page.model.rowCount() > 200, timeout=5000)
    with c.db.reader() as uow:
        total = int(uow.session.scalar(select(func.count(Product.id))) or 0)
    assert page.model.rowCount() in (400, total)


def test_a_cashier_has_no_stock_page(counter: Counter) -> None:
    office = counter.open(Qt.Key.Key_F8)
    assert "stock" not in office.pages


def test_the_counter_refuses_a_sale_below_zero_naming_the_product(
        qtbot, ui, db, staff) -> None:  # type: ignore[no-untyped-def]
    from .counter_support import make_till

    till = make_till(qtbot, ui, db, staff)
    w = till.world
    w.set_settings(stock__allow_negative=False)
    receive_stock(db, w.owner, "BEER", 1)
    till.ring_up("BEER", "BEER")
    dialog = till.pay_key()
    till.press(Qt.Key.Key_Return, dialog)  # cash, as filled in
    assert dialog.message.text() == (
        "“青岛啤酒 500ml”库存不足：现有 1件，这单要 2件（设置不允许负库存销售）")
    assert till.sale_count() == 0 and stock_of(db, "BEER").on_hand == 1
