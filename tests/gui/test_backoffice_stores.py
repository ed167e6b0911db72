"""F8 后台 → 门店 (the owner's, issue 15 §2): a single-machine shop shows its one store
and says more stores need the network edition; the owner renames it; on a chain the
owner opens a store and closes and reopens it; this computer's own store cannot be
closed from here; a manager has no such page."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from memberdesk.services.shop.stores import list_stores

from .tasks_support import Counter


def stores_page(c: Counter):  # type: ignore[no-untyped-def]
    office = c.open(Qt.Key.Key_F8)
    assert list(office.pages)[-2:] == ["stores", "jobs"]  # before 每日任务, the last page
    office.nav.setCurrentRow(list(office.pages).index("stores"))
    page = office.page("stores")
    assert office.stack.currentWidget() is page
    c.settle()
    return office, page


def rows(page) -> list[tuple[str, ...]]:  # type: ignore[no-untyped-def]
    return [tuple(page.table.item(r, c).text() for c in range(page.table.columnCount()))
            for r in range(page.table.rowCount())]


def test_a_single_shop_shows_its_one_store_and_the_owner_renames_it(owner: Counter) -> None:
    c = owner
    office, page = stores_page(c)
    assert office.nav.item(list(office.pages).index("stores")).text() == "门店"
    assert page.heading.text() == "门店"
    assert "单机版" in page.edition_note.text() and "网络版" in page.edition_note.text()
    assert not page.add_box.isVisible()  # one store on one computer: nothing to open
    [(code, name, _addr, _phone, _staff, state)] = rows(page)
    assert code == "MAIN" and name.endswith("（本机）") and state == "营业中"
    assert page.selected is not None and page.selected.code == "MAIN"
    assert not page.active_button.isVisible()  # the one store is this computer's: open
    page.name_edit.setText("人民路店")
    page.address_edit.setText("人民路 8 号")
    c.enter(page.phone_edit)  # Enter in the last field saves
    assert page.message.text() == "门店 MAIN 已保存：人民路店。"
    assert rows(page)[0][1:4] == ("人民路店（本机）", "人民路 8 号", "")
    assert [(s.code, s.name, s.address) for s in list_stores(c.db)] == \
        [("MAIN", "人民路店", "人民路 8 号")]
    page.name_edit.setText(" ")
    page.save_button.click()
    c.settle()
    assert page.message.text() == "请填写门店名称（最多 40 个字）"
    c.ui.i18n.set_language("en")
    c.qtbot.waitUntil(lambda: page.heading.text() == "Stores", timeout=5_000)
    assert page.edition_note.text().startswith("Single-machine edition")
    assert rows(page)[0][1] == "人民路店 (this computer)"
    assert page.table.horizontalHeaderItem(4).text() == "Own staff"


def test_on_a_chain_the_owner_opens_closes_and_reopens_a_store(owner: Counter) -> None:
    c = owner
    _office, page = stores_page(c)
    assert page.overview is not None
    page._show(replace(page.overview, network=True))  # what a chain server's till shows
    assert page.add_box.isVisible() and "网络版" in page.edition_note.text()
    assert page.active_button.isVisible() and not page.active_button.isEnabled()  # MAIN: here
    page.new_code.setText("b2")
    page.new_name.setText("解放路店")
    c.enter(page.new_code)
    assert page.focusWidget() is page.new_name  # Enter moves on through the form
    c.enter(page.new_name)
    assert page.message.text() == "门店 B2（解放路店）已开设。安装该店的收银机时填写门店编号 B2。"
    assert [r[0] for r in rows(page)] == ["MAIN", "B2"]
    assert page.selected is not None and page.selected.code == "B2"
    assert page.active_button.text() == "停业" and page.active_button.isEnabled()
    page.active_button.click()
    c.settle()
    assert page.message.text() == "门店 B2（解放路店）已停业。"
    assert rows(page)[1][5] == "已停业" and page.active_button.text() == "恢复营业"
    page.active_button.click()
    c.settle()
    assert rows(page)[1][5] == "营业中"
    assert [(s.code, s.active) for s in list_stores(c.db)] == [("MAIN", True), ("B2", True)]
    page.new_code.setText("B2")
    page.new_name.setText("又一家")
    page.add_button.click()
    c.settle()
    assert page.message.text() == "门店编号“B2”已存在" and len(rows(page)) == 2


def test_a_manager_has_no_stores_page(manager: Counter) -> None:
    office = manager.open(Qt.Key.Key_F8)
    assert "stores" not in office.pages and list(office.pages)[-1] == "jobs"
