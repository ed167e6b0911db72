"""The restore's confirmation also counts the members registered or edited, products
added or changed, stock movements and settings changed since the backup (issue 11),
in both languages, and still fits a 1024x768 screen: every text whole, the password
and its button inside the window."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QRect

from memberdesk.models.enums import TenderKind
from memberdesk.money import Money
from memberdesk.services.backup import create as backup_svc
from memberdesk.services.backup.create import create_backup
from memberdesk.services.catalog import products as catalog
from memberdesk.services.catalog.admin import edit_product
from memberdesk.services.loyalty.enrol import register_member
from memberdesk.services.members.profiles import edit_member
from memberdesk.services.shared.settings import change_settings
from memberdesk.services.stock.ledger import count_stock, receive_stock
from memberdesk.ui.backoffice.restore_confirm import RestoreConfirm

from .office_1024 import office_page_at_1024
from .tasks_support import Counter

SHOTS = os.environ.get("MEMBERDESK_SHOTS", "")


def a_day_of_work(c: Counter) -> Path:
    w = c.world
    receive_stock(c.db, w.owner, "COLA", 24)
    backup = create_backup(c.db, w.owner, now=backup_svc.clock_now() - timedelta(hours=5)).path
    w.sell([("CHIPS", 2)], [(TenderKind.CASH, "20.00")])
    w.recharge("alice", "100")
    register_member(c.db, w.owner, phone="13600000006", name="吴十")
    register_member(c.db, w.owner, phone="13600000007", name="郑十一")
    edit_member(c.db, w.owner, "M000002", phone="13900000002")
    catalog.create_product(c.db, w.owner, catalog.ProductDraft(
        code="TEA", name="绿茶 500ml", price=Money(400)))
    edit_product(c.db, w.owner, "CHIPS", price=Money(900))
    edit_product(c.db, w.owner, "BEER", name="青岛啤酒 纯生 500ml")
    receive_stock(c.db, w.owner, "BEER", 12)
    count_stock(c.db, w.owner, "COLA", 20, "破损")
    receive_stock(c.db, w.owner, "CHIPS", 6)
    change_settings(c.db, w.owner, {"backup.keep_daily": 9})
    return backup


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_confirmation_counts_members_products_stock_and_settings(owner: Counter,
                                                                      lang: str) -> None:
    c = owner
    backup = a_day_of_work(c)
    _office, page = office_page_at_1024(c, lang, "backup")
    page.restore_from(backup)
    c.settle()
    confirm = page.confirm
    assert isinstance(confirm, RestoreConfirm) and confirm.isVisible()
    lines = confirm.loss_label.text().split("\n")
    if lang == "zh_CN":
        assert lines[-2:] == ["• 会员：新登记 2 位；商品：新增 1 个；"
                              "3 笔库存变动（入库、盘点、调拨等）",
                              "与备份不同，恢复后将改为备份中的内容：商品 2 个，会员 1 位，设置 1 项"]
    else:
        assert lines[-2:] == ["• members: 2 registered; products: 1 added; "
                              "3 stock movements (received, counted, transferred)",
                              "Different in the backup, will become the backup's version: "
                              "2 products, 1 member, 1 setting"]
    c.qtbot.wait(50)
    c.settle()
    if SHOTS:
        confirm.grab().save(str(Path(SHOTS) / f"restore-confirm-{lang}.png"))
    # fits a 768-pixel screen (less a task bar); every text at its full height
    assert confirm.frameGeometry().height() <= 768 - 40, confirm.frameGeometry()
    for label in (confirm.made_label, confirm.loss_label, confirm.keep_label):
        assert label.height() >= label.heightForWidth(label.width()), label.objectName()
    inside = QRect(0, 0, confirm.width(), confirm.height())
    for widget in (confirm.password, confirm.approve_button):
        corner = widget.mapTo(confirm, widget.rect().bottomRight())
        assert widget.isVisible() and inside.contains(corner), widget.objectName()
    confirm.reject()
    c.settle()
