"""The owner manages products and categories (issue 11, item 1): check digits, clear
errors in both languages, nothing saved on a bad request, only managers and owners,
every change audited, search keys kept in step, a list paged by code."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import func, select

from memberdesk.db import Database
from memberdesk.domain.barcode import barcode_problem, check_digit
from memberdesk.models import AuditEntry, MemberPrice, Product, Tier
from memberdesk.money import Money
from memberdesk.services.catalog import products as catalog
from memberdesk.services.catalog.admin import (
    edit_product,
    list_categories,
    list_products,
    product_detail,
    rename_category,
    set_product_active,
)
from memberdesk.services.catalog.search import search_products
from memberdesk.services.shared.errors import PermissionDenied, UserError

COLA = "6901939621608"  # a real EAN-13 (可口可乐 330ml)


def draft(**kw: Any) -> catalog.ProductDraft:
    base: dict[str, Any] = {"code": "1001", "name": "可口可乐 330ml", "price": Money(350),
                            "barcode": COLA}
    return catalog.ProductDraft(**{**base, **kw})


def products_count(db: Database) -> int:
    with db.reader() as uow:
        return int(uow.session.scalar(select(func.count(Product.id))) or 0)


def refused(fn: Any, *args: Any, **kw: Any) -> UserError:
    with pytest.raises(UserError) as info:
        fn(*args, **kw)
    return info.value


def test_check_digits() -> None:
    assert check_digit("690193962160") == 8
    assert barcode_problem("6901939621608") is None
    assert barcode_problem("96385074") is None  # EAN-8
    assert barcode_problem("036000291452") is None  # UPC-A
    wrong = barcode_problem("6901939621609")
    assert wrong is not None and (wrong.kind, wrong.symbology, wrong.expected) == (
        "check_digit", "EAN-13", 8)
    assert barcode_problem("96385075") is not None
    assert barcode_problem("A-1001") is None  # an in-store label code
    assert barcode_problem("12345") is None  # other lengths are plain codes
    assert barcode_problem("可乐") is not None


def test_bad_requests_say_what_is_wrong_and_save_nothing(db: Database, staff: dict[str, Any]) -> None:
    owner = staff["owner"]
    e = refused(catalog.create_product, db, owner, draft(barcode="6901939621609"))
    assert e.message() == ("条码 6901939621609 的校验位不对（EAN-13 最后一位应为 8），"
                           "请核对后重新扫描或输入")
    assert "wrong check digit" in e.message("en") and "should be 8" in e.message("en")
    e = refused(catalog.create_product, db, owner, draft(price=Money(-1)))
    assert "负" in e.message() and "negative" in e.message("en")
    e = refused(catalog.create_product, db, owner, draft(price=Money(100_000_001)))
    assert e.message("en") == "The price of ¥1,000,000.01 is not plausible (at most ¥1,000,000.00)"
    e = refused(catalog.create_product, db, owner, draft(name="可" * 61))
    assert e.message() == "商品名称太长（最多 60 个字）"
    assert e.message("en") == "product name is too long (at most 60 characters)"
    e = refused(catalog.create_product, db, owner, draft(code="10 01"))
    assert "no spaces" in e.message("en")
    e = refused(catalog.create_product, db, owner, draft(name="  "))
    assert e.message() == "请填写商品名称"
    e = refused(catalog.create_product, db, owner, draft(points_ratio_permille=-1))
    assert "0%" in e.message("en")
    assert products_count(db) == 0
    catalog.create_product(db, owner, draft())
    e = refused(catalog.create_product, db, owner, draft(barcode=None))
    assert e.message() == "商品编号 1001 已被商品“可口可乐 330ml”使用"
    e = refused(catalog.create_product, db, owner, draft(code="1002", barcode=f" {COLA} "))
    assert e.message("en") == f"Barcode {COLA} already belongs to 1001 可口可乐 330ml"
    assert products_count(db) == 1


def test_full_width_barcode_is_read_as_digits(db: Database, staff: dict[str, Any]) -> None:
    p = catalog.create_product(db, staff["owner"], draft(barcode="６９０１９３９６２１６０８"))
    assert p.barcode == COLA
    assert search_products(db, COLA).products[0].code == "1001"


def test_member_prices_in_the_same_request(db: Database, staff: dict[str, Any]) -> None:
    owner = staff["owner"]
    with db.reader() as uow:
        tier_id = uow.session.scalars(select(Tier.id).order_by(Tier.rank)).all()[-1]
    e = refused(catalog.create_product, db, owner,
                draft(member_prices=((tier_id, Money(400)),)))
    assert "高于售价" in e.message() and "above the price" in e.message("en")
    assert products_count(db) == 0
    catalog.create_product(db, owner, draft(member_prices=((tier_id, Money(300)),)))
    assert product_detail(db, "1001").member_prices == ((tier_id, Money(300)),)
    # lowering the price under a kept member price is refused too
    e = refused(edit_product, db, owner, "1001", price=Money(250))
    assert e.code == "member_price_above_price"
    edit_product(db, owner, "1001", price=Money(250), member_prices=())
    with db.reader() as uow:
        assert uow.session.scalar(select(func.count(MemberPrice.id))) == 0


def test_edit_deactivate_reactivate_and_the_audit(db: Database, staff: dict[str, Any]) -> None:
    owner = staff["manager"]
    catalog.create_product(db, owner, draft())
    detail = edit_product(db, owner, "1001", name="零度可乐 330ml", price=Money(380))
    assert (detail.product.name, detail.product.price) == ("零度可乐 330ml", Money(380))
    assert [p.code for p in search_products(db, "ldkl").products] == ["1001"]  # keys in step
    assert search_products(db, "可口").products == ()
    set_product_active(db, owner, "1001", False)
    assert search_products(db, COLA).products == ()  # the counter no longer finds it
    assert [r.product.code for r in list_products(db, search=COLA).rows] == ["1001"]
    e = refused(set_product_active, db, owner, "1001", False)
    assert e.message("en") == "Product 1001 is already stopped"
    set_product_active(db, owner, "1001", True)
    assert search_products(db, COLA).exact
    with db.reader() as uow:
        rows = uow.session.execute(select(AuditEntry.action, AuditEntry.detail).where(
            AuditEntry.entity == "product").order_by(AuditEntry.id)).all()
    assert [a for a, _ in rows] == ["product.create", "product.update", "product.deactivate",
                                    "product.activate"]
    changed = json.loads(rows[1][1])
    assert changed == {"name": ["可口可乐 330ml", "零度可乐 330ml"], "price": [350, 380]}


def test_an_old_bad_barcode_does_not_block_other_edits(db: Database, staff: dict[str, Any]) -> None:
    catalog.create_product(db, staff["owner"], draft(barcode=None))
    with db.uow() as uow:  # imported long ago, before the check
        p = uow.session.scalar(select(Product))
        assert p is not None
        p.barcode = "6901939621609"
        uow.commit()
    assert edit_product(db, staff["owner"], "1001", price=Money(400)).product.price == Money(400)
    e = refused(edit_product, db, staff["owner"], "1001", barcode="6901939621600")
    assert e.code == "barcode_check_digit"


def test_a_cashier_may_not(db: Database, staff: dict[str, Any]) -> None:
    cashier = staff["cashier"]
    with pytest.raises(PermissionDenied):
        catalog.create_product(db, cashier, draft())
    with pytest.raises(PermissionDenied):
        catalog.create_category(db, cashier, code="drinks", name="饮料")
    catalog.create_product(db, staff["owner"], draft())
    with pytest.raises(PermissionDenied):
        edit_product(db, cashier, "1001", price=Money(1))
    with pytest.raises(PermissionDenied):
        set_product_active(db, cashier, "1001", False)


def test_categories(db: Database, staff: dict[str, Any]) -> None:
    owner = staff["owner"]
    drinks = catalog.create_category(db, owner, code="drinks", name="饮料")
    e = refused(catalog.create_category, db, owner, code="drinks", name="酒水")
    assert e.message() == "分类编号 drinks 已被分类“饮料”使用"
    e = refused(catalog.create_category, db, owner, code="drinks2", name="饮料")
    assert e.message("en") == "There is already a category called “饮料”"
    rename_category(db, owner, "drinks", "酒水饮料")
    assert [(c.code, c.name) for c in list_categories(db)] == [("drinks", "酒水饮料")]
    catalog.create_product(db, owner, draft(category_id=drinks.id))
    assert list_products(db).rows[0].category == "酒水饮料"


def test_the_list_is_paged_by_code(db: Database, staff: dict[str, Any]) -> None:
    for i in range(5):
        catalog.create_product(db, staff["owner"], draft(code=f"P{i}", barcode=None,
                                                         name=f"商品{i}"))
    first = list_products(db, limit=2)
    assert [r.product.code for r in first.rows] == ["P0", "P1"] and first.more
    rest = list_products(db, after="P1", limit=3)
    assert [r.product.code for r in rest.rows] == ["P2", "P3", "P4"] and not rest.more


def test_a_page_can_run_on_through_a_product_far_down(db: Database,
                                                      staff: dict[str, Any]) -> None:
    """The products window after a save: the pages through the saved product's own,
    in one read, however far down the list it is; then ``limit`` more."""
    for i in range(8):
        catalog.create_product(db, staff["owner"], draft(code=f"P{i}", barcode=None,
                                                         name=f"商品{i}"))
    page = list_products(db, after="P0", limit=2, through="P5")
    assert [r.product.code for r in page.rows] == ["P1", "P2", "P3", "P4", "P5", "P6", "P7"]
    assert not page.more
    page = list_products(db, after="P1", limit=1, through="P4")
    assert [r.product.code for r in page.rows] == ["P2", "P3", "P4", "P5"] and page.more
    # already past it (or no such product): the next page as usual
    assert [r.product.code for r in list_products(db, after="P5", limit=1,
                                                  through="P3").rows] == ["P6"]
    assert [r.product.code for r in list_products(db, limit=2, through="P3x").rows] == [
        "P0", "P1", "P2", "P3", "P4", "P5"]
