"""F8 后台 → 审计 (issue 11, item 6), driven by keys: the owner filters the audit
log and reads a row's old and new values in words; Ctrl+K checks the chain on the
long-job worker and a tampered row shows as "chain broken at row N"; Ctrl+E exports
the filtered rows; the system log shows a warning and opens its folder; a manager
verifies a cashier's closed shift (and sees only that tab); a cashier has no page."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from python_calamine import CalamineWorkbook

from memberdesk.models.enums import TenderKind
from memberdesk.money import Money
from memberdesk.services.catalog import products as catalog
from memberdesk.services.shifts import shift as shifts

from .tasks_support import Counter, counter_for

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def counter(qtbot, ui, db, staff):  # type: ignore[no-untyped-def]
    yield from counter_for(qtbot, ui, db, staff)


def audit_page(c: Counter):  # type: ignore[no-untyped-def]
    office = c.open(Qt.Key.Key_F8)
    place = list(office.pages).index("audit")  # Ctrl+1…9, 0 in the order of the page list
    c.press(Qt.Key(Qt.Key.Key_0.value + (place + 1) % 10), office, CTRL)
    page = office.page("audit")
    assert office.stack.currentWidget() is page
    c.settle()
    return office, page


def wait_job(c: Counter, log) -> None:  # type: ignore[no-untyped-def]
    c.qtbot.waitUntil(lambda: log.job is None, timeout=30_000)
    c.settle()


def test_filter_by_action_and_read_the_change(owner: Counter) -> None:
    c = owner
    peanuts = catalog.create_product(c.db, c.world.owner, catalog.ProductDraft(
        code="7001", name="花生", price=Money(550)))
    catalog.update_product(c.db, c.world.owner, peanuts.id, catalog.ProductDraft(
        code="7001", name="花生", price=Money(600)))
    _office, page = audit_page(c)
    assert page.heading.text() == "审计"
    log = page.tab("log")
    assert page.tabs.currentWidget() is log and log.model.rowCount() > 5
    assert log.model.rows[0].id > log.model.rows[-1].id  # newest first
    # the action filter, by keys: type into the picker until it shows 修改商品
    box = log.action
    box.setFocus()
    target = box.findData("product.update")
    assert target > 0 and box.itemText(target) == "修改商品"
    while box.currentIndex() != target:
        c.press(Qt.Key.Key_Down, box)
    c.qtbot.waitUntil(lambda: not log.apply_timer.isActive(), timeout=2000)
    c.settle()
    assert {r.action for r in log.model.rows} == {"product.update"}
    c.press(Qt.Key.Key_Return, box)  # Enter moves on, as in a paper form
    log.table.setFocus()
    c.press(Qt.Key.Key_Home, log.table)
    text = log.detail.toPlainText()
    assert "价格" in text and "¥5.50 → ¥6.00" in text and "{" not in text
    assert log.count_label.text() == "共 1 条。"


def test_a_tampered_row_shows_where_the_chain_breaks(owner: Counter) -> None:
    c = owner
    _office, page = audit_page(c)
    log = page.tab("log")
    c.press(Qt.Key.Key_K, log.table, CTRL)
    wait_job(c, log)
    assert log.chain_label.text().startswith("审计链完整：已核对")
    with c.db.reader() as r:
        from sqlalchemy import text

        row = int(r.session.execute(text("SELECT MIN(id) FROM audit_log "
                                         "WHERE action = 'shift.open'")).scalar_one())
    conn = sqlite3.connect(c.db.paths.database, isolation_level=None)
    conn.execute("DROP TRIGGER trg_audit_log_no_update")
    conn.execute(f"UPDATE audit_log SET detail = '{{\"float\": 1}}' WHERE id = {row}")
    conn.close()
    c.press(Qt.Key.Key_K, log.table, CTRL)
    wait_job(c, log)
    with c.db.reader() as r:
        rows = int(r.session.execute(text("SELECT COUNT(*) FROM audit_log")).scalar_one())
    assert log.bar.maximum() == log.bar.value() == rows  # its progress reached the bar
    assert log.chain_label.text() == f"审计链在第 {row} 条断开：这条记录（开班）被修改过"
    assert log.chain_label.property("tone") == "error"
    c.ui.i18n.set_language("en")  # the window says it again in English
    c.qtbot.waitUntil(lambda: log.chain_label.text() ==
                      f"Chain broken at row {row}: this row (shift opened) was altered")


def test_export_the_filtered_rows(owner: Counter) -> None:
    c = owner
    _office, page = audit_page(c)
    log = page.tab("log")
    log.action.setCurrentIndex(log.action.findData("shift.open"))
    c.qtbot.waitUntil(lambda: not log.apply_timer.isActive(), timeout=2000)
    c.settle()
    assert len(log.model.rows) == 3  # the world's three open shifts
    c.press(Qt.Key.Key_E, log.table, CTRL)
    wait_job(c, log)
    written = sorted(Path(c.db.paths.exports).glob("审计日志_*.xlsx"))
    assert len(written) == 1 and "3" in log.message.text()
    rows = CalamineWorkbook.from_path(str(written[0])).get_sheet_by_name("审计日志").to_python()
    body = [r for r in rows if r and r[2] == "开班"]
    assert len(body) == 3 and all(r[7] == "备用金: ¥200.00" for r in body)
    with c.db.reader() as r:  # the export itself is audited
        from sqlalchemy import text

        names = r.session.execute(text("SELECT entity_id FROM audit_log "
                                       "WHERE action = 'audit.export'")).scalars().all()
    assert names == [written[0].name]


def test_the_system_log_shows_warnings_and_opens_its_folder(
        owner: Counter, monkeypatch: pytest.MonkeyPatch) -> None:
    c = owner
    from memberdesk.logsetup import setup_logging

    setup_logging(c.db.paths.logs)
    logging.getLogger("memberdesk.test").warning("打印机缺纸")
    logging.getLogger("memberdesk.test").info("平常的一条")
    try:
        office, page = audit_page(c)
        c.press(Qt.Key.Key_Tab, page.tabs, CTRL)
        c.press(Qt.Key.Key_Tab, page.tabs, CTRL)
        syslog = page.tab("system")
        assert page.tabs.currentWidget() is syslog
        c.settle()
        assert "打印机缺纸" in syslog.text.toPlainText()
        assert "平常的一条" in syslog.text.toPlainText()
        syslog.level.setFocus()
        c.press(Qt.Key.Key_Down, syslog.level)  # warnings and errors
        c.settle()
        shown = syslog.text.toPlainText()
        assert "打印机缺纸" in shown and "平常的一条" not in shown
        opened: list[str] = []
        from PySide6.QtGui import QDesktopServices

        monkeypatch.setattr(QDesktopServices, "openUrl",
                            lambda url: opened.append(url.toLocalFile()) or True)
        syslog.folder_button.click()
        assert opened == [str(c.db.paths.logs)]
        del office
    finally:
        root = logging.getLogger()
        for handler in list(root.handlers):
            if getattr(handler, "_memberdesk", False):
                root.removeHandler(handler)
                handler.close()


def test_a_manager_verifies_a_cashiers_shift(manager: Counter) -> None:
    c = manager
    closed = shifts.close_shift(c.db, c.world.cashier, {TenderKind.CASH: Money(19950)})
    _office, page = audit_page(c)
    assert page.tabs.count() == 1 and page.log is None  # the owner's tabs are not here
    checks = page.tab("shifts")
    assert [r.shift_no for r in checks.rows] == [closed.shift_no]
    assert checks.table.item(0, 5).text() == "-¥0.50"
    assert "现金短款 ¥0.50" in checks.picked_label.text()
    c.press(Qt.Key.Key_Return, checks.table)  # Enter: to the note
    assert checks.focusWidget() is checks.note
    c.type(checks.note, "short 5 jiao")
    c.press(Qt.Key.Key_Return, checks.note)  # Enter: verify
    c.settle()
    assert checks.message.text() == f"班次 {closed.shift_no}（张收银）已审核。"
    c.settle()
    assert checks.rows == () and checks.count_label.text() == "没有等待审核的班次。"
    # the manager's own shift: the service refuses, in words
    mine = shifts.close_shift(c.db, c.world.manager, {TenderKind.CASH: Money(20000)})
    checks.refresh()
    c.settle()
    checks.table.selectRow([r.id for r in checks.rows].index(mine.id))
    checks.verify()
    c.settle()
    assert checks.message.text() == f"不能审核自己的班次 {mine.shift_no}：请另一位店长或老板审核"


def test_a_cashier_has_no_audit_page(counter: Counter) -> None:
    office = counter.open(Qt.Key.Key_F8)
    assert "audit" not in office.pages


def test_the_list_is_fetched_page_by_page(owner: Counter) -> None:
    c = owner
    from memberdesk.services.shared import audit

    with c.db.uow() as uow:  # 450 rows more, fast
        for i in range(450):
            audit.record(uow.session, action="test.event", staff_id=1, detail={"i": i})
        uow.commit()
    _office, page = audit_page(c)
    log = page.tab("log")
    assert log.model.rowCount() == 200 and log.model.canFetchMore()
    assert log.count_label.text() == "显示最新的 200 条，向下滚动查看更多。"
    log.table.scrollToBottom()
    c.qtbot.waitUntil(lambda: log.model.rowCount() > 200, timeout=5000)
    c.settle()
    ids = [r.id for r in log.model.rows]
    assert len(ids) == len(set(ids)) == 400 and ids == sorted(ids, reverse=True)
