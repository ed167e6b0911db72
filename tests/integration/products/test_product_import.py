"""Products from Excel and back (issue 11, item 1): the template, a dry run that
lists every bad row with its reason, the error workbook read back independently,
re-import by item code without duplicates, categories created with the import,
export that imports again, formula text neutralised, cancel."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from memberdesk.db import Database
from memberdesk.models import AuditEntry, Category, MemberPrice, Product, ProductSearchKey
from memberdesk.money import Money
from memberdesk.services.backup.integrity import check_database
from memberdesk.services.catalog import products as catalog
from memberdesk.services.catalog.admin import list_products, product_detail
from memberdesk.services.catalog.importer import import_products
from memberdesk.services.catalog.sheet import export_products, write_template
from memberdesk.services.shared.errors import PermissionDenied, UserError
from memberdesk.services.sheets.importer import ImportProgress

from ..members.sheets import Formula, read_sheet, write_sheet

Staff = dict[str, Any]
HEADER = ["货号", "条码", "商品名称", "分类", "单位", "售价", "会员价:银卡会员", "会员价:金卡会员",
          "积分", "在售"]  # fmt: skip
COLA = "6901939621608"  # valid EAN-13
CHIPS = "96385074"  # valid EAN-8


def _count(db: Database, model: Any) -> int:
    with db.reader() as uow:
        return int(uow.session.scalar(select(func.count()).select_from(model)) or 0)


def row(code: Any = None, barcode: Any = None, name: Any = None, category: Any = None,
        unit: Any = None, price: Any = None, silver: Any = None, gold: Any = None,
        points: Any = None, active: Any = None) -> list[Any]:  # fmt: skip
    return [code, barcode, name, category, unit, price, silver, gold, points, active]


GOOD = [
    row("1001", COLA, "可口可乐 330ml", "饮料", "瓶", "3.50", "3.30", 3.2, "是", "是"),
    row("1002", CHIPS, "乐事薯片", "零食", "包", 6, None, "5.50"),
    row("1003", None, "=HYPERLINK(\"http://x\")", "饮料", None, "2", points="否"),
]


def test_template_has_a_member_price_column_per_tier(db: Database, staff: Staff,
                                                     tmp_path: Path) -> None:
    path = write_template(db, tmp_path / "模板.xlsx")
    rows = read_sheet(path)
    assert rows[0][:6] == ["货号（必填）", "条码", "商品名称（必填）", "分类", "单位", "售价（必填）"]
    assert "会员价:金卡会员" in rows[0] and len(rows) == 1
    result = import_products(db, staff["manager"], path)
    assert (result.rows, result.created, result.failed, result.error_report) == (0, 0, 0, None)
    en = read_sheet(write_template(db, tmp_path / "template-en.xlsx", "en"))
    assert en[0][:3] == ["Item code (required)", "Barcode", "Name (required)"]
    assert "Member price: 金卡会员" in en[0]


def test_import_creates_products_categories_and_member_prices(
    db: Database, staff: Staff, tmp_path: Path
) -> None:
    path = write_sheet(tmp_path / "products.xlsx", GOOD, HEADER, "商品")
    seen: list[ImportProgress] = []
    result = import_products(db, staff["manager"], path, progress=seen.append)
    assert (result.rows, result.created, result.updated, result.unchanged, result.failed) == (
        3, 3, 0, 0, 0)
    assert result.new_categories == ("饮料", "零食")
    assert result.summary() == ("共 3 行：新建 3 个商品，更新 0 个，无变化 0 个，有错误 0 行；"
                                "新建分类：饮料、零食")
    assert result.summary("en").startswith("3 rows: created 3 products, updated 0")
    assert seen[-1] == ImportProgress(3, 3, 3, 0, 0)
    cola = product_detail(db, "1001")
    assert (cola.product.barcode, cola.product.price, cola.product.unit) == (COLA, Money(350), "瓶")
    assert dict(cola.member_prices) == {2: Money(330), 3: Money(320)}
    assert product_detail(db, "1003").product.points_ratio_permille == 0
    assert product_detail(db, "1003").product.unit == "件"
    # found as the counter finds products: by pinyin initials, by barcode
    assert [r.product.code for r in list_products(db, search="kkkl").rows] == ["1001"]
    assert catalog.find_product(db, CHIPS).code == "1002"
    with db.reader() as uow:
        cats = {n: c for n, c in uow.session.execute(select(Category.name, Category.code))}
        audits = list(uow.session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
    assert set(cats) == {"饮料", "零食"}
    assert audits[-3:] == ["category.create", "category.create", "product.import"]
    assert check_database(db) == []


BAD = [
    row("2001", "6901939621609", "坏校验位", None, None, "1"),          # row 2: check digit
    row("2002", COLA, "条码在表里重复", None, None, "1"),                # row 3: first, fine
    row("2003", COLA, "条码重复", None, None, "1"),                     # row 4: repeats row 3
    row("2004", "6920152400012", "条码已被店里商品使用", None, None, "1"),  # row 5: shop's
    row("2005", None, "负价格", None, None, "-3"),                      # row 6
    row("2006", None, "离谱价格", None, None, "5000000"),                # row 7
    row("2007", None, "会员价高于售价", None, None, "3", "3.50"),         # row 8
    row("2008", None, "钻石价", None, None, "3"),                      # row 9: unknown tier
    row("2009", None, Formula("=1+2"), None, None, "3"),                # row 10: a formula
    row("2002", None, "货号重复", None, None, "1"),                     # row 11: code repeats
    row("2010", None, "没问题", None, None, "1"),                       # row 12: fine
]  # fmt: skip


def test_a_dry_run_lists_every_bad_row_and_writes_the_error_workbook(
    db: Database, staff: Staff, tmp_path: Path
) -> None:
    catalog.create_product(db, staff["owner"], catalog.ProductDraft(
        code="9001", name="店里的商品", price=Money(100), barcode="6920152400012"))
    header = [*HEADER, "会员价:黑卡"]
    rows = [[*r, "2.00" if r[0] == "2008" else None] for r in BAD]
    path = write_sheet(tmp_path / "bad.xlsx", rows, header, "商品")
    before = _count(db, Product)
    result = import_products(db, staff["owner"], path, dry_run=True, lang="en")
    assert _count(db, Product) == before  # a dry run writes nothing
    assert (result.rows, result.created, result.failed) == (11, 2, 9)
    by_row = {p.row: p for p in result.problems}
    assert sorted(by_row) == [2, 4, 5, 6, 7, 8, 9, 10, 11]
    assert "check digit" in by_row[2].en and "should be 8" in by_row[2].en
    assert by_row[4].en == f"The barcode {COLA} repeats row 3"
    assert "already belongs to 9001 店里的商品" in by_row[5].en
    assert "must not be negative" in by_row[6].en
    assert "not plausible" in by_row[7].en
    assert "member price of ¥3.50 is above the price of ¥3.00" in by_row[8].en
    assert "黑卡" in by_row[9].en and "金卡会员" in by_row[9].en
    assert "formula" in by_row[10].en and "公式" in by_row[10].zh
    assert by_row[11].zh == "货号 2002 与第 3 行重复"
    assert result.error_report == tmp_path / "bad.errors.xlsx"
    back = read_sheet(result.error_report)  # python-calamine, not openpyxl
    assert back[0] == [*header, "Errors", "Row"]
    assert [r[-1] for r in back[1:]] == [2, 4, 5, 6, 7, 8, 9, 10, 11]
    assert back[1][0] == "2001" and "check digit" in back[1][-2]
    assert back[8][2] == "=1+2"  # the formula's text, as text: never evaluated
    cell = load_workbook(result.error_report)["Products"]["C9"]
    assert (cell.data_type, cell.quotePrefix) == ("s", True)


def test_a_formula_in_a_member_price_column_fails_its_row(db: Database, staff: Staff,
                                                          tmp_path: Path) -> None:
    rows = [row("3001", None, "可乐", None, None, "3", Formula("=2*1"))]
    result = import_products(db, staff["owner"], write_sheet(tmp_path / "f.xlsx", rows, HEADER,
                                                             "商品"), dry_run=True)  # fmt: skip
    assert result.failed == 1
    assert result.problems[0].zh == "会员价单元格是公式，请改为直接填写内容"


def test_reimport_updates_by_code_without_duplicates(db: Database, staff: Staff,
                                                     tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "products.xlsx", GOOD, HEADER, "商品")
    import_products(db, staff["owner"], path)
    again = import_products(db, staff["owner"], path)
    assert (again.created, again.updated, again.unchanged, again.failed) == (0, 0, 3, 0)
    changed = [row("1001", COLA, "可口可乐 330ml", "饮料", "瓶", "3.80", "3.60", None),
               row("1002", CHIPS, "乐事薯片 原味", "零食", "包", 6)]
    result = import_products(db, staff["owner"],
                             write_sheet(tmp_path / "changed.xlsx", changed, HEADER, "商品"))
    assert (result.created, result.updated, result.unchanged) == (0, 2, 0)
    assert _count(db, Product) == 3 and _count(db, Category) == 2
    cola = product_detail(db, "1001")
    assert cola.product.price == Money(380)
    assert dict(cola.member_prices) == {2: Money(360)}  # the blank gold cell removed it
    assert [r.product.code for r in list_products(db, search="原味").rows] == ["1002"]
    with db.reader() as uow:
        detail = uow.session.scalars(select(AuditEntry.detail).where(
            AuditEntry.action == "product.import").order_by(AuditEntry.id.desc())).first()
    assert '"price": [350, 380]' in str(detail) or "[350, 380]" in str(detail)
    assert check_database(db) == []


def test_a_lowered_price_under_a_kept_member_price_fails_the_row(
    db: Database, staff: Staff, tmp_path: Path
) -> None:
    import_products(db, staff["owner"], write_sheet(tmp_path / "a.xlsx", GOOD, HEADER, "商品"))
    # no member price columns this time: the gold price of 3.20 is kept, above 3.00
    sheet = write_sheet(tmp_path / "b.xlsx", [["1001", "可口可乐 330ml", "3.00"]],
                        ["货号", "商品名称", "售价"], "商品")
    result = import_products(db, staff["owner"], sheet, lang="en")
    assert result.failed == 1
    texts = [p.en for p in result.problems]
    assert any("below the current 银卡会员 member price of ¥3.30" in t for t in texts)
    assert any("below the current 金卡会员 member price of ¥3.20" in t for t in texts)
    assert product_detail(db, "1001").product.price == Money(350)


def test_export_imports_again_unchanged_and_neutralises_formula_text(
    db: Database, staff: Staff, tmp_path: Path
) -> None:
    import_products(db, staff["owner"], write_sheet(tmp_path / "a.xlsx", GOOD, HEADER, "商品"))
    out = export_products(db, staff["manager"], tmp_path / "export.xlsx")
    assert out.rows == 3
    back = read_sheet(out.path)
    assert back[0][:6] == ["货号（必填）", "条码", "商品名称（必填）", "分类", "单位", "售价（必填）"]
    assert back[1][:6] == ["1001", COLA, "可口可乐 330ml", "饮料", "瓶", 3.5]
    assert back[3][2] == "=HYPERLINK(\"http://x\")"  # text, not a formula
    cell = load_workbook(out.path)["商品"]["C4"]
    assert (cell.data_type, cell.quotePrefix) == ("s", True)
    again = import_products(db, staff["owner"], out.path)
    assert (again.created, again.updated, again.unchanged, again.failed) == (0, 0, 3, 0)
    with db.reader() as uow:
        assert uow.session.scalar(select(func.count()).where(
            AuditEntry.action == "product.export")) == 1


def test_a_cashier_may_not_import_or_export(db: Database, staff: Staff, tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "a.xlsx", GOOD, HEADER, "商品")
    with pytest.raises(PermissionDenied):
        import_products(db, staff["cashier"], path, dry_run=True)
    with pytest.raises(PermissionDenied):
        export_products(db, staff["cashier"], tmp_path / "out.xlsx")
    assert not (tmp_path / "out.xlsx").exists()


def _many(tmp_path: Path, n: int) -> Path:
    rows = (row(f"P{i:06d}", None, f"商品{i}", "杂货", None, "9.90", "9.00") for i in range(n))
    return write_sheet(tmp_path / "many.xlsx", rows, HEADER, "商品")


def test_cancel_while_reading_writes_nothing(db: Database, staff: Staff, tmp_path: Path) -> None:
    path = _many(tmp_path, 1200)
    calls: list[ImportProgress] = []

    def cancel() -> bool:
        return len(calls) >= 1

    with pytest.raises(UserError) as err:
        import_products(db, staff["owner"], path, progress=calls.append, cancel=cancel)
    assert err.value.code == "import_cancelled"
    assert (_count(db, Product), _count(db, Category)) == (0, 0)


def test_cancel_while_writing_keeps_whole_batches_and_carries_on(
    db: Database, staff: Staff, tmp_path: Path
) -> None:
    path = _many(tmp_path, 1000)
    seen: list[ImportProgress] = []

    def cancel() -> bool:  # after the second batch written
        return sum(1 for p in seen if p.writing) >= 2

    with pytest.raises(UserError) as err:
        import_products(db, staff["owner"], path, progress=seen.append, cancel=cancel)
    assert err.value.code == "product_import_stopped"
    assert err.value.message("en").startswith("Import stopped: 400 products were written "
                                              "(up to row 401)")
    # nothing half-imported: each product written has its member price and search keys
    assert (_count(db, Product), _count(db, MemberPrice)) == (400, 400)
    with db.reader() as uow:
        keyless = uow.session.scalar(select(func.count(Product.id)).where(
            ~Product.id.in_(select(ProductSearchKey.product_id))))
    assert keyless == 0
    assert check_database(db) == []
    rest = import_products(db, staff["owner"], path)
    assert (rest.created, rest.unchanged, _count(db, Product)) == (600, 400, 1000)
