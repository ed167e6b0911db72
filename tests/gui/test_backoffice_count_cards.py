"""F8 后台 → 计次卡 (issue 12, item 5): the owner adds a count-card template by keys
(Enter through the form), picks it to change it and stops selling it; a bad services
field is a clear message and nothing is saved; a manager sees the list but cannot add."""

from __future__ import annotations

from PySide6.QtCore import Qt

from memberdesk.services.count_cards.templates import list_templates
from tests.checkout_support.kit import yuan

from .tasks_support import Counter


def page_of(c: Counter):  # type: ignore[no-untyped-def]
    office = c.open(Qt.Key.Key_F8)
    page = office.show_page("count_cards")
    c.settle()
    return office, page


def fill(c: Counter, page, values: list[str]) -> None:  # type: ignore[no-untyped-def]
    for field, text in zip(page.fields, values, strict=True):
        field.clear()
        c.type(field, text)
        c.press(Qt.Key.Key_Return, field)  # Enter: the next field; in the last one, submit
    c.settle()


def test_the_owner_adds_changes_and_stops_a_template(owner: Counter) -> None:
    c = owner
    office, page = page_of(c)
    assert "count_cards" in office.pages and list(office.pages)[-1] == "jobs"
    assert page.heading.text() == "计次卡模板"
    fill(c, page, ["WASH10", "洗车10次卡", "250", "WASH x 10", "365", "", "gold=230"])
    assert page.message.text() == "“洗车10次卡”已上架：收银时输入 WASH10 即可卖出。"
    (t,) = list_templates(c.db, c.world.owner)
    assert (t.price, t.validity_days, [(i.product_code, i.uses) for i in t.items]) == (
        yuan("250"), 365, [("WASH", 10)])
    assert [(code, p) for code, _, p in t.tier_prices] == [("gold", yuan("230"))]
    assert page.table.rowCount() == 1 and page.table.item(0, 1).text() == "洗车10次卡"
    assert page.table.item(0, 6).text() == "在售"
    # a bad services field: said, nothing saved
    fill(c, page, ["WAX5", "打蜡5次卡", "100", "WAX", "", "", ""])
    assert page.message.text() == "服务项目：商品编号×次数，例如 WASH×10, WAX×2"
    assert len(list_templates(c.db, c.world.owner)) == 1
    # pick the template, change its price, stop selling it
    page.table.clearSelection()
    page.table.selectRow(0)
    assert page.price.text() == "250.00" and page.items.text() == "WASH×10"
    page.price.setText("280")
    page.save_button.click()
    c.settle()
    assert list_templates(c.db, c.world.owner)[0].price == yuan("280")
    page.active_button.click()
    c.settle()
    assert not list_templates(c.db, c.world.owner)[0].active
    assert page.table.item(0, 6).text() == "已停售"


def test_a_manager_sees_but_cannot_add(manager: Counter) -> None:
    c = manager
    _office, page = page_of(c)
    fill(c, page, ["WASH10", "洗车10次卡", "250", "WASH×10", "", "", ""])
    assert "修改会员规则" in page.message.text()
    assert list_templates(c.db, c.world.manager) == []
