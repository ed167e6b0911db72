"""Product search at the counter: code, barcode, name, pinyin initials and parts of
them, ranked; inactive products left out; renamed products found by the new name;
every query an index search (EXPLAIN QUERY PLAN), like the member lookup."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event

from memberdesk.db import Database
from memberdesk.money import Money
from memberdesk.services.catalog import products as catalog
from memberdesk.services.catalog.search import search_products

PRODUCTS = (
    ("COLA", "6901234567892", "可口可乐 330ml", "3.50"),
    ("PEPSI", "6901234567908", "百事可乐 330ml", "3.00"),
    ("CHIPS", None, "乐事薯片 原味 70g", "8.80"),
    ("2003", None, "农夫山泉 550ml", "2.00"),
    ("20031", None, "农夫山泉 1.5L", "4.50"),
    ("CIG", None, "中华香烟", "45.00"),
)


@pytest.fixture
def products(db: Database, staff: dict[str, Any]) -> dict[str, catalog.ProductInfo]:
    return {
        code: catalog.create_product(db, staff["owner"], catalog.ProductDraft(
            code=code, name=name, price=Money.parse(price), barcode=barcode))
        for code, barcode, name, price in PRODUCTS
    }


def names(db: Database, text: str) -> list[str]:
    return [p.name for p in search_products(db, text).products]


@pytest.mark.usefixtures("products")
def test_every_way_a_cashier_names_a_product(db: Database) -> None:
    exact = search_products(db, "2003")
    assert exact.exact and [p.name for p in exact.products] == ["农夫山泉 550ml"]
    assert search_products(db, "6901234567908").exact
    assert search_products(db, "cola").exact  # codes are kept as typed: COLA
    assert names(db, "200") == ["农夫山泉 550ml", "农夫山泉 1.5L"]  # code prefix
    assert names(db, "农夫") == ["农夫山泉 1.5L", "农夫山泉 550ml"]  # name prefix
    assert sorted(names(db, "可乐")) == ["可口可乐 330ml", "百事可乐 330ml"]  # in the middle
    assert names(db, "薯片") == ["乐事薯片 原味 70g"]
    assert names(db, "kkkl") == ["可口可乐 330ml"]  # initials
    assert sorted(names(db, "kl")) == ["可口可乐 330ml", "百事可乐 330ml"]  # part of them
    assert names(db, "ZHXY") == ["中华香烟"]
    assert names(db, "不存在") == [] and names(db, "  ") == []
    assert not search_products(db, "农夫").exact


def test_inactive_and_renamed_products(db: Database, staff: dict[str, Any],
                                       products: dict[str, catalog.ProductInfo]) -> None:
    cig = products["CIG"]
    draft = catalog.ProductDraft(code="CIG", name="玉溪香烟", price=Money.parse("25.00"))
    catalog.update_product(db, staff["owner"], cig.id, draft)
    assert names(db, "玉溪") == ["玉溪香烟"] and names(db, "yxxy") == ["玉溪香烟"]
    assert names(db, "中华") == [] and names(db, "hxy") == []
    catalog.update_product(db, staff["owner"], cig.id, draft, active=False)
    assert names(db, "香烟") == [] and not search_products(db, "CIG").products


def test_a_long_list_is_cut_and_says_so(db: Database, staff: dict[str, Any]) -> None:
    for i in range(25):
        catalog.create_product(db, staff["owner"], catalog.ProductDraft(
            code=f"T{i:03d}", name=f"测试商品{i}", price=Money.parse("1.00")))
    found = search_products(db, "测试", limit=20)
    assert len(found.products) == 20 and found.more


@pytest.fixture
def captured(db: Database) -> Iterator[list[tuple[str, Any]]]:
    seen: list[tuple[str, Any]] = []

    def grab(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any,
             many: bool) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", grab)
    yield seen
    event.remove(db.engine, "before_cursor_execute", grab)


@pytest.mark.usefixtures("products")
def test_no_search_scans_a_table(db: Database, captured: list[tuple[str, Any]]) -> None:
    for text in ("2003", "cola", "200", "农夫", "可乐", "kl", "kkkl", "不存在", "6901234567908"):
        search_products(db, text)
    assert db.paths is not None
    raw = sqlite3.connect(db.paths.database)
    try:
        for statement, params in captured:
            plan = [row[3] for row in raw.execute(f"EXPLAIN QUERY PLAN {statement}", params)]
            for step in plan:
                assert not step.startswith("SCAN"), (statement, params, plan)
    finally:
        raw.close()


@pytest.mark.usefixtures("products")
def test_a_search_reads_few_statements_and_no_orm_objects(
        db: Database, captured: list[tuple[str, Any]]) -> None:
    """search_product_p95_ms: a scan is one statement; Chinese text skips the code
    ranges (codes are ASCII)."""
    assert search_products(db, "2003").exact
    assert len(captured) == 1
    captured.clear()
    assert search_products(db, "可乐").products
    assert len(captured) == 4  # exact, name prefix, name middle (keys), the rows
    captured.clear()
    assert search_products(db, "kl").products
    assert len(captured) == 7  # exact, code, CODE, name, initials, keys, the rows
