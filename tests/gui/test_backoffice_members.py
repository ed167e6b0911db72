"""F8 后台 → 会员导入导出: save the template, check a file (a dry run that
writes nothing but the error workbook), import it, import it again (nothing
twice), cancel an import (nothing written), export every member."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from python_calamine import CalamineWorkbook

from memberdesk.services.members.lookup import LookupOutcome, lookup
from tests.integration.members.sheets import row, write_sheet

from .tasks_support import Counter


def members_page(c: Counter):  # type: ignore[no-untyped-def]
    office = c.open(Qt.Key.Key_F8)
    c.press(Qt.Key.Key_3, office, Qt.KeyboardModifier.ControlModifier)
    page = office.page("members")
    assert office.stack.currentWidget() is page
    assert page.heading.text() == "会员"  # the member list comes first
    c.press(Qt.Key.Key_I, page, Qt.KeyboardModifier.AltModifier)  # the 导入导出 tab
    assert page.heading.text() == "会员导入导出"
    c.qtbot.waitUntil(lambda: page.folder == c.db.paths.exports)  # files offered there
    return page


def finish(c: Counter, page) -> None:  # type: ignore[no-untyped-def]
    c.qtbot.waitUntil(lambda: not page.running, timeout=30_000)


def sheet(tmp_path: Path) -> Path:
    return write_sheet(tmp_path / "老系统会员.xlsx", [
        row(name="赵六", phone="13912345678", card_uid="04A1B2C3", opening_principal="100.50",
            opening_bonus="20", opening_points=300),
        row(name="钱七", phone="1391234"),  # not a mobile number
        row(name="张三", phone="13800000001"),  # already registered (the kit's alice)
    ])  # fmt: skip


def found(c: Counter, text: str) -> bool:
    return lookup(c.db, c.world.owner, text).outcome is LookupOutcome.MEMBER


def test_template_check_import_and_import_again(manager: Counter, tmp_path: Path) -> None:
    c = manager
    page = members_page(c)
    assert not page.import_button.isEnabled()  # nothing checked yet

    template = tmp_path / "模板.xlsx"
    page.save_template_to(template)
    c.settle()
    assert template.is_file()
    assert page.message.text().startswith(f"模板已保存：{template}")
    assert CalamineWorkbook.from_path(str(template)).get_sheet_by_name("会员").to_python()[0][1] \
        == "姓名（必填）"

    path = sheet(tmp_path)
    page.check_file(path)
    finish(c, page)
    assert page.checked is not None
    assert (page.checked.created, page.checked.skipped, page.checked.failed) == (1, 1, 1)
    assert "将新建 1 位会员" in page.message.text()
    assert "尚未写入任何数据" in page.message.text()
    assert page.problems.isVisible()
    assert page.problems.toPlainText().startswith("第 3 行：")
    errors = page.checked.error_report
    assert errors is not None and errors.is_file()
    assert str(errors) in page.message.text()
    assert not found(c, "13912345678")  # the check wrote nothing
    assert page.import_button.isEnabled()

    page.import_button.click()
    finish(c, page)
    assert page.imported is not None and page.imported.created == 1
    assert "新建 1 位会员" in page.message.text()
    hit = lookup(c.db, c.world.owner, "04A1B2C3").member
    assert hit is not None and hit.name == "赵六"
    assert hit.sv_principal.fen == 10050 and hit.sv_bonus.fen == 2000 and hit.points == 300
    assert not page.import_button.isEnabled()

    page.check_file(path)  # the same file again: nothing left to import
    finish(c, page)
    assert page.checked is not None and page.checked.created == 0
    assert page.checked.skipped == 2
    assert "没有可导入的会员" in page.message.text()
    assert not page.import_button.isEnabled()


def test_a_cancelled_import_writes_nothing(manager: Counter, tmp_path: Path) -> None:
    c = manager
    page = members_page(c)
    path = sheet(tmp_path)
    page.check_file(path)
    finish(c, page)
    page.import_button.click()
    page.cancel_button.click()  # before the worker reads the first batch
    finish(c, page)
    assert page.message.text() == "导入已取消，没有写入任何数据"
    assert page.imported is None
    assert not found(c, "13912345678")


def test_a_file_that_is_not_a_workbook(manager: Counter, tmp_path: Path) -> None:
    c = manager
    page = members_page(c)
    bad = tmp_path / "members.xlsx"
    bad.write_text("name,phone\n")
    page.check_file(bad)
    finish(c, page)
    assert page.checked is None
    assert "members.xlsx" in page.message.text()
    assert page.message.property("tone") == "error"
    assert not page.import_button.isEnabled()


def test_export_every_member(manager: Counter, tmp_path: Path) -> None:
    c = manager
    page = members_page(c)
    out = tmp_path / "会员.xlsx"
    page.export_to(out)
    finish(c, page)
    assert page.exported is not None and page.exported.rows == 3
    assert page.message.text() == f"已导出 3 位会员到 {out}。"
    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("会员").to_python()
    phones = sorted(str(r[2]) for r in rows[1:])
    assert phones == ["13800000001", "13800000002", "13800000003"]  # a manager may unmask


def test_closing_the_back_office_during_an_export_harms_nothing(manager: Counter,
                                                                tmp_path: Path) -> None:
    c = manager
    page = members_page(c)
    office = c.tasks.dialog
    out = tmp_path / "会员.xlsx"
    long_jobs = page.long_jobs
    with c.qtbot.waitSignal(long_jobs.finished, timeout=30_000):
        page.export_to(out)
        office.reject()
        c.tasks.open_register()  # the next task: the back office is deleted meanwhile
        assert c.tasks.dialog is not office
    c.qtbot.wait(50)
    assert out.is_file()  # the export went on to the end, and nothing crashed


def test_a_bug_in_a_job_leaves_the_page_usable(manager: Counter, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from memberdesk.ui.backoffice import members as members_module

    def broken(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise ValueError("a bug")

    monkeypatch.setattr(members_module, "export_members", broken)
    c = manager
    page = members_page(c)
    with c.qtbot.captureExceptions() as caught, \
            c.qtbot.waitSignal(page.long_jobs.finished, timeout=30_000):
        page.export_to(tmp_path / "x.xlsx")
    assert [type(e[1]) for e in caught] == [ValueError]  # to the crash hook, as bugs go
    assert not page.running
    assert page.export_button.isEnabled() and page.check_button.isEnabled()
    assert not page.cancel_button.isVisible()
