"""Undoing a restore: the backup (the "before a restore" copy) holds the newer prices,
the live file the older ones. The confirmation must not call those prices recorded
here and lost: it says they differ and become the backup's version (trial issue 1)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from memberdesk.money import Money
from memberdesk.services.backup import create as backup_svc
from memberdesk.services.backup.create import create_backup
from memberdesk.services.catalog.admin import edit_product
from memberdesk.ui.backoffice.restore_confirm import RestoreConfirm

from .tasks_support import Counter


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_undo_of_a_restore_does_not_call_the_newer_prices_lost(owner: Counter,
                                                               lang: str) -> None:
    c = owner
    w = c.world
    edit_product(c.db, w.owner, "CHIPS", price=Money(900))
    edit_product(c.db, w.owner, "BEER", price=Money(800))
    # the safety copy: made after the price changes
    backup = create_backup(c.db, w.owner, now=backup_svc.clock_now() - timedelta(minutes=5)).path
    # what the older backup's restore left live: the older prices
    edit_product(c.db, w.owner, "CHIPS", price=Money(850))
    edit_product(c.db, w.owner, "BEER", price=Money(750))
    c.ui.i18n.set_language(lang)
    c.ui.main.resize(1024, 768)
    office = c.open(Qt.Key.Key_F8)
    page = office.show_page("backup")
    c.settle()
    page.restore_from(backup)
    c.settle()
    confirm = page.confirm
    assert isinstance(confirm, RestoreConfirm) and confirm.isVisible()
    text = confirm.loss_label.text()
    if lang == "zh_CN":
        assert text == "与备份不同，恢复后将改为备份中的内容：商品 2 个", text
    else:
        assert text == "Different in the backup, will become the backup's version: 2 products"
        assert "lost" not in text and "Recorded here" not in text
    confirm.reject()
    c.settle()
