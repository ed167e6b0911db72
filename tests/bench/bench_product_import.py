"""Importing 100,000 products from Excel (issue 11: streamed, progress, cancel).

A fresh shop, a 100,000-row sheet as a shop would fill it in (code, EAN-13 with
its right check digit, a Chinese name, one of 40 categories, unit, price, a gold
member price, earns points, on sale): the dry run, the import, and the same file
again (every row unchanged), each timed; the peak RSS of the process; and raw
sqlite3 inserting the same products, search keys and member prices in one
transaction, for the ratio.

    .venv/bin/python -m tests.bench product_import
"""

from __future__ import annotations

import resource
import sqlite3
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook

ROWS = 100_000


def _ean13(n: int) -> str:
    from memberdesk.domain.barcode import check_digit

    body = f"690{n:09d}"
    return body + str(check_digit(body))


def _sheet(path: Path) -> Path:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("商品")
    ws.append(["货号", "条码", "商品名称", "分类", "单位", "售价", "会员价:金卡会员", "积分", "在售"])
    for i in range(ROWS):
        ws.append([f"P{i:06d}", _ean13(i), f"康师傅红烧牛肉面 {i}号", f"分类{i % 40}", "包",
                   f"{3 + i % 50}.50", f"{3 + i % 50}.00", "是", "是"])
    wb.save(path)
    return path


def _raw(path: Path, rows: list[tuple[object, ...]], keys: list[tuple[str, int]]) -> float:
    con = sqlite3.connect(path, isolation_level=None)
    con.executescript("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
                      "CREATE TABLE p(id INTEGER PRIMARY KEY, code TEXT UNIQUE, barcode TEXT UNIQUE,"
                      " name TEXT, initials TEXT, category_id INT, price INT, unit TEXT);"
                      "CREATE INDEX ix_name ON p(name); CREATE INDEX ix_ini ON p(initials);"
                      "CREATE TABLE k(key TEXT, product_id INT, PRIMARY KEY(key, product_id))"
                      " WITHOUT ROWID; CREATE TABLE mp(product_id INT, tier_id INT, price INT);")
    started = time.perf_counter()
    con.execute("BEGIN IMMEDIATE")
    con.executemany("INSERT INTO p(code, barcode, name, initials, category_id, price, unit) "
                    "VALUES (?,?,?,?,?,?,?)", rows)
    con.executemany("INSERT INTO k VALUES (?,?)", keys)
    con.executemany("INSERT INTO mp VALUES (?,3,?)", [(i + 1, 300) for i in range(len(rows))])
    con.execute("COMMIT")
    took = time.perf_counter() - started
    con.close()
    return took


def main() -> None:
    from memberdesk.db import Database
    from memberdesk.db.migrate import open_database
    from memberdesk.paths import DataPaths
    from memberdesk.services.catalog.importer import import_products
    from memberdesk.services.catalog.products import initials, search_keys
    from memberdesk.services.shop.setup import init_shop

    with tempfile.TemporaryDirectory(prefix="memberdesk-bench-") as tmp:
        root = Path(tmp)
        paths = DataPaths(root / "shop").ensure()
        open_database(paths.database, root / "backups").dispose()
        db = Database.open(paths)
        owner = init_shop(db, shop_name="bench", owner_username="boss",
                          owner_display_name="boss", owner_password="boss-pass-1")
        started = time.perf_counter()
        sheet = _sheet(root / "products.xlsx")
        print(f"# sheet of {ROWS:,} rows written in {time.perf_counter() - started:.1f} s "
              f"({sheet.stat().st_size / 1e6:.1f} MB)")
        steps: list[int] = []
        for label, dry in (("import_products_100k_dry_run_s", True),
                           ("import_products_100k_s", False),
                           ("import_products_100k_again_s", False)):
            started = time.perf_counter()
            result = import_products(db, owner, sheet, dry_run=dry,
                                     progress=lambda p: steps.append(p.rows_done))
            took = time.perf_counter() - started
            print(f"{label}: {took:.1f} s ({result.summary('en')})")
        print(f"import_products_progress_reports: {len(steps)}")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        print(f"import_products_peak_rss_mb: {peak} MB")
        db.close()
        rows = []
        keys = []
        for i in range(ROWS):
            name = f"康师傅红烧牛肉面 {i}号"
            ini = initials(name)
            rows.append((f"P{i:06d}", _ean13(i), name, ini, 1 + i % 40, 350, "包"))
            keys += [(k, i + 1) for k in search_keys(name, ini)]
        raw = _raw(root / "raw.sqlite3", rows, keys)
        print(f"import_products_100k_raw_sqlite_s: {raw:.1f} s (inserts only: no reading, "
              f"no checks, one transaction)")
