"""F8 后台 → 设置 → 门店: the owner types the shop's name, address and phone, saves
(Ctrl+S), and the next receipt's preview beside them shows them; a manager sees
them read-only; an empty name is refused in the window's language."""

from __future__ import annotations

from PySide6.QtCore import Qt

from memberdesk.models.enums import TenderKind
from memberdesk.services.receipts.text import render_text
from memberdesk.services.shop.details import shop_details
from memberdesk.services.shop.setup import shop_info

from .tasks_support import Counter
from .test_backoffice_settings import CTRL, retype, settings_page, settle


def type_over(c: Counter, editor, text: str) -> None:  # type: ignore[no-untyped-def]
    """As :func:`retype`, for Chinese too (QTest types ASCII only): what an input
    method hands the field is an insert over the selection."""
    retype(c, editor, "")
    editor.insert(text)
    c.qtbot.wait(50)


def _preview_head(page) -> list[str]:  # type: ignore[no-untyped-def]
    lines = page.shop_box.preview.toPlainText().splitlines()
    return [ln.strip() for ln in lines[:lines.index(next(ln for ln in lines if "小票" in ln or
                                                        "RECEIPT" in ln))]]


def test_the_owner_renames_the_shop_and_the_next_receipt_preview_shows_it(owner: Counter) -> None:
    c = owner
    _office, page = settings_page(c)
    box = page.shop_box
    c.qtbot.waitUntil(lambda: box.details is not None, timeout=10_000)
    assert box.heading.text() == "店名、地址、电话（打印在小票上）"
    assert box.name.text() == "测试便利店" and box.address.text() == "" and box.phone.text() == ""
    assert _preview_head(page) == ["测试便利店"]
    assert box.preview_label.text() == "下一张小票预览（58 毫米）"

    type_over(c, box.name, "好邻居便利店")
    type_over(c, box.address, "文三路 100 号")
    retype(c, box.phone, "0571-88886666")
    c.press(Qt.Key.Key_S, box.phone, CTRL)
    settle(c, page)
    assert page.message.text() == "已保存店名、地址和电话。"
    details = shop_details(c.db, c.world.owner)
    assert (details.name, details.address, details.phone) == (
        "好邻居便利店", "文三路 100 号", "0571-88886666")
    assert shop_info(c.db).name == "好邻居便利店"
    c.qtbot.waitUntil(lambda: _preview_head(page)[0] == "好邻居便利店", timeout=10_000)
    assert _preview_head(page) == ["好邻居便利店", "文三路 100 号", "电话 0571-88886666"]
    c.qtbot.waitUntil(lambda: "好邻居便利店" in c.ui.main.status.shop_label.text(), timeout=10_000)
    assert c.ui.main.windowTitle().startswith("好邻居便利店")
    sale = c.world.sell([("COLA", 1)], [(TenderKind.CASH, "10")])  # the next real one
    assert render_text(sale.receipt, 58).splitlines()[:3] == (
        page.shop_box.preview.toPlainText().splitlines()[:3])

    c.ui.i18n.set_language("en")
    c.qtbot.waitUntil(lambda: box.heading.text() == "Shop name, address and phone (on receipts)")
    assert _preview_head(page) == ["好邻居便利店", "文三路 100 号", "Tel. 0571-88886666"]
    shown = box.preview.toPlainText()  # the sample line and its tender in English too
    assert "Sample item" in shown and "Cash" in shown
    assert "示例商品" not in shown and "现金" not in shown
    type_over(c, box.name, "")  # emptied
    c.press(Qt.Key.Key_S, box.name, CTRL)
    settle(c, page)
    assert page.message.text() == "shop name is required"
    assert box.name.hasFocus()
    assert shop_details(c.db, c.world.owner).name == "好邻居便利店"


def test_a_manager_sees_the_shop_details_read_only(manager: Counter) -> None:
    c = manager
    _office, page = settings_page(c)
    box = page.shop_box
    c.qtbot.waitUntil(lambda: box.details is not None, timeout=10_000)
    assert box.name.text() == "测试便利店" and not box.name.isEnabled()
    assert box.changes() is None
    assert _preview_head(page) == ["测试便利店"]
