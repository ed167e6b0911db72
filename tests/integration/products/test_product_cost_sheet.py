"""The cost (进价) in the product workbook (issue 11, item 1): an optional column of
the template and the export; a sheet without it (an old template) imports as before
and leaves costs alone; a blank cell removes a cost; a negative one fails its row."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from memberdesk.db import Database
from memberdesk.money import Money
from memberdesk.services.catalog import products as catalog
from memberdesk.services.catalog.admin import product_detail
from memberdesk.services.catalog.importer import import_products
from memberdesk.services.catalog.sheet import export_products, write_template

from ..members.sheets import read_sheet, write_sheet

Staff = dict[str, Any]
OLD_HEADER = ["货号", "商品名称", "售价"]
NEW_HEADER = ["货号", "商品名称", "售价", "进价"]


def test_the_template_and_the_export_have_the_cost_column(db: Database, staff: Staff,
                                                          tmp_path: Path) -> None:
    header = read_sheet(write_template(db, tmp_path / "t.xlsx"))[0]
    tiers = [i for i, h in enumerate(header) if h.startswith("会员价:")]
    assert tiers and header.index("进价") == max(tiers) + 1  # after the member prices
    en = read_sheet(write_template(db, tmp_path / "t-en.xlsx", "en"))[0]
    assert "Cost" in en
    catalog.create_product(db, staff["owner"], catalog.ProductDraft(
        code="1001", name="可乐", price=Money(350), cost=Money(210)))
    catalog.create_product(db, staff["owner"], catalog.ProductDraft(
        code="1002", name="雪碧", price=Money(350)))
    rows = read_sheet(export_products(db, staff["owner"], tmp_path / "out.xlsx").path)
    at = rows[0].index("进价")
    assert [r[at] for r in rows[1:]] == [2.1, ""]
    again = import_products(db, staff["owner"], tmp_path / "out.xlsx")
    assert (again.created, again.updated, again.unchanged, again.failed) == (0, 0, 2, 0)


def test_costs_import_an_old_sheet_keeps_them_a_blank_cell_removes_one(
        db: Database, staff: Staff, tmp_path: Path) -> None:
    manager = staff["manager"]
    first = write_sheet(tmp_path / "new.xlsx", [["1001", "可乐", "3.50", "2.10"],
                                                ["1002", "雪碧", "3.50", None],
                                                ["1003", "亏本卖", "1", "1.50"]],
                        NEW_HEADER, "商品")
    result = import_products(db, manager, first)
    assert (result.created, result.failed) == (3, 0)
    assert [product_detail(db, c).product.cost for c in ("1001", "1002", "1003")] == [
        Money(210), None, Money(150)]  # a cost above the price is allowed
    old = write_sheet(tmp_path / "old.xlsx", [["1001", "可乐", "3.80"]], OLD_HEADER, "商品")
    assert import_products(db, manager, old).updated == 1
    cola = product_detail(db, "1001").product
    assert (cola.price, cola.cost) == (Money(380), Money(210))  # no column: kept
    blank = write_sheet(tmp_path / "blank.xlsx", [["1001", "可乐", "3.80", None]],
                        NEW_HEADER, "商品")
    assert import_products(db, manager, blank).updated == 1
    assert product_detail(db, "1001").product.cost is None


def test_a_negative_cost_fails_its_row(db: Database, staff: Staff, tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "bad.xlsx", [["1001", "可乐", "3.50", "-1"],
                                               ["1002", "雪碧", "3.50", "abc"]],
                       NEW_HEADER, "商品")
    result = import_products(db, staff["manager"], path, dry_run=True)
    assert (result.created, result.failed) == (0, 2)
    assert [p.row for p in result.problems] == [2, 3]
    assert "negative" in result.problems[0].en
