"""F8 后台 → 商品: products from Excel by keys (issue 11, item 1). Ctrl+I picks a
file and checks it (a dry run: the summary, every bad row, the error workbook,
nothing written), Enter imports it, the list shows the new products; a cancelled
check writes nothing; Ctrl+E exports every product to a workbook read back with
python-calamine."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from python_calamine import CalamineWorkbook
from sqlalchemy import func, select

from memberdesk.models import Product

from ..integration.members.sheets import write_sheet
from .tasks_support import Counter
from .test_backoffice_products import products_page

HEADER = ["货号", "条码", "商品名称", "分类", "售价", "会员价:金卡会员"]


def finish(c: Counter, page) -> None:  # type: ignore[no-untyped-def]
    c.qtbot.waitUntil(lambda: not page.running, timeout=60_000)
    c.settle()


def codes(c: Counter) -> set[str]:
    with c.db.reader() as uow:
        return set(uow.session.scalars(select(Product.code)))


def sheet(tmp_path: Path) -> Path:
    return write_sheet(tmp_path / "商品表.xlsx", [
        ["8001", "6901939621608", "进口可乐", "进口食品", "3.50", "3.20"],
        ["8002", "6901939621609", "校验位错", "饮料", "2.00", None],  # row 3: check digit
        ["8003", None, "瓜子大包", "零食", "12", "10"],
    ], HEADER, "商品")  # fmt: skip


def pick(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """The file dialogs answer ``path`` (they would wait for a person)."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(path), ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(path), ""))


def test_check_then_import_by_keys(owner: Counter, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    c = owner
    _office, page = products_page(c)
    before = codes(c)
    assert not page.import_button.isVisible()
    pick(monkeypatch, sheet(tmp_path))
    c.press(Qt.Key.Key_I, page, Qt.KeyboardModifier.ControlModifier)
    finish(c, page)
    assert page.checked is not None and (page.checked.created, page.checked.failed) == (2, 1)
    text = page.message.text()
    assert text.startswith("共 3 行：将新建 2 个商品，将更新 0 个，无变化 0 个，有错误 1 行；将新建分类：进口食品")
    assert "尚未写入任何数据" in text and str(tmp_path / "商品表.errors.xlsx") in text
    assert page.jobs.problems.isVisible()
    assert page.jobs.problems.toPlainText().startswith("第 3 行：条码 6901939621609 的校验位不对")
    assert codes(c) == before  # the check wrote nothing
    assert page.import_button.isVisible() and page.focusWidget() is page.import_button

    c.press(Qt.Key.Key_Return, page.import_button)  # Enter imports what was checked
    finish(c, page)
    assert page.imported is not None and page.imported.created == 2
    assert page.message.text().startswith("共 3 行：新建 2 个商品")
    assert codes(c) == before | {"8001", "8003"}
    assert not page.import_button.isVisible()
    c.qtbot.waitUntil(lambda: {"8001", "8003"} <= {r.product.code for r in page.model.rows})
    assert page.category.findText("进口食品") > 0  # the new category is in the form's list


def test_a_cancelled_check_writes_nothing(owner: Counter, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    c = owner
    _office, page = products_page(c)
    before = codes(c)
    rows = ([f"C{i:05d}", None, f"商品{i}", "杂货", "1.00", None] for i in range(3000))
    pick(monkeypatch, write_sheet(tmp_path / "many.xlsx", rows, HEADER, "商品"))
    c.press(Qt.Key.Key_I, page, Qt.KeyboardModifier.ControlModifier)
    page.jobs.cancel_button.click()  # before the worker has read the first batch
    finish(c, page)
    assert page.message.text() == "导入已取消，没有写入任何数据"
    assert page.checked is None and not page.import_button.isVisible()
    assert codes(c) == before


def test_export_by_keys(owner: Counter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    c = owner
    _office, page = products_page(c)
    out = tmp_path / "商品导出.xlsx"
    pick(monkeypatch, out)
    c.press(Qt.Key.Key_E, page, Qt.KeyboardModifier.ControlModifier)
    finish(c, page)
    with c.db.reader() as uow:
        total = uow.session.scalar(select(func.count(Product.id)))
    assert page.exported is not None and page.exported.rows == total
    assert page.message.text() == f"已导出 {total} 个商品到 {out}。"
    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("商品").to_python()
    assert rows[0][0] == "货号（必填）" and len(rows) == total + 1
