"""The local copy of the catalogue a till sells from while the server is gone.

:func:`refresh_catalogue` copies the active products (code, barcode, name, list price,
discountable) and the settings a walk-in cash sale needs (rounding, the largest change
and line, the shop's name and time zone, the store's code) into a new local file and
swaps it in by rename; :func:`find_product` reads it. Member prices, coupons and
campaigns are not copied: offline, nobody is a member.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import bindparam, select

from memberdesk.db import Database
from memberdesk.models import Product
from memberdesk.money import Money
from memberdesk.services.offline.files import CATALOGUE_FILE, connect, data_dir, enabled
from memberdesk.services.receipts.header import header_columns, header_of
from memberdesk.services.shared import clock, this_store
from memberdesk.services.shared.errors import NotFoundError, ValidationError
from memberdesk.services.shared.policy import Policy

_SCHEMA = """
CREATE TABLE products (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, barcode TEXT,
    name TEXT NOT NULL, price INTEGER NOT NULL, discountable INTEGER NOT NULL,
    points_ratio INTEGER NOT NULL);
CREATE INDEX products_barcode ON products (barcode);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
SETTINGS = (
    "checkout.rounding",
    "checkout.max_change_fen",
    "checkout.max_line_fen",
    "checkout.plain_amount_confirm_fen",
    "shop.timezone_offset_minutes",
)
# A copy made before a setting was copied: the setting's default.
DEFAULTS = {"checkout.plain_amount_confirm_fen": "50000"}


@dataclass(frozen=True)
class LocalProduct:
    id: int
    code: str
    barcode: str | None
    name: str
    price: Money
    discountable: bool
    points_ratio: int


@dataclass(frozen=True)
class CatalogueInfo:
    products: int
    refreshed_at: str  # UTC ISO text


def catalogue_path(db: Database) -> Path:
    return data_dir(db) / CATALOGUE_FILE


def refresh_catalogue(db: Database) -> CatalogueInfo | None:
    """Copy the server's active products and the cash sale's settings to the local
    file (None on a shop file: nothing to do)."""
    if not enabled(db):
        return None
    with db.reader() as uow:
        s = uow.session
        policy = Policy.load(s)
        rows = s.execute(
            select(
                Product.id,
                Product.code,
                Product.barcode,
                Product.name,
                Product.price,
                Product.discountable,
                Product.points_ratio_permille,
            ).where(Product.active.is_(True))
        ).all()
        settings = {
            key: str(policy.int(key)) if key != "checkout.rounding" else policy.text(key)
            for key in SETTINGS
        }
        header = header_of(s.execute(select(*header_columns(bindparam("store_id"))),
                                     {"store_id": this_store.current_store_id(s)}).one())
        settings["shop_name"] = header.name  # the receipt's header (receipts.header)
        settings["shop_address"], settings["shop_phone"] = header.address, header.phone
        settings["number_prefix"] = this_store.number_prefix(s, "")
        settings["store_id"] = str(this_store.current_store_id(s))
        refreshed = clock.now().isoformat()
    settings["refreshed_at"] = refreshed
    final = catalogue_path(db)
    fresh = final.with_name(final.name + ".new")
    for leftover in (fresh, Path(f"{fresh}-wal"), Path(f"{fresh}-shm")):
        leftover.unlink(missing_ok=True)
    conn = connect(fresh, full_sync=True)
    try:
        conn.execute("PRAGMA journal_mode=DELETE")  # one file to rename
        conn.executescript(_SCHEMA)
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO products VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    r.id,
                    r.code,
                    r.barcode,
                    r.name,
                    r.price.fen,
                    int(r.discountable),
                    r.points_ratio_permille,
                )
                for r in rows
            ],
        )
        conn.executemany("INSERT INTO settings VALUES (?, ?)", settings.items())
        conn.execute("COMMIT")
    finally:
        conn.close()
    for old in (Path(f"{final}-wal"), Path(f"{final}-shm")):
        old.unlink(missing_ok=True)
    os.replace(fresh, final)
    return CatalogueInfo(len(rows), refreshed)


class LocalCatalogue:
    """The local copy, opened read-only; refuses to sell without one."""

    def __init__(self, path: Path) -> None:
        if not path.exists():
            raise ValidationError("offline_no_catalogue")
        self._conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        self.settings = dict(self._conn.execute("SELECT key, value FROM settings"))

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> LocalCatalogue:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def setting_int(self, key: str) -> int:
        return int(self.settings.get(key, DEFAULTS.get(key, "")))

    def _product(self, row: tuple[int, str, str | None, str, int, int, int]) -> LocalProduct:
        pid, code, barcode, name, price, discountable, ratio = row
        return LocalProduct(pid, code, barcode, name, Money(price), bool(discountable), ratio)

    _COLUMNS = "id, code, barcode, name, price, discountable, points_ratio"

    def find(self, key: str) -> LocalProduct:
        """A product by barcode, else by code (as the checkout matches a scan)."""
        key = key.strip()
        for column in ("barcode", "code"):
            row = self._conn.execute(
                f"SELECT {self._COLUMNS} FROM products WHERE {column} = ?", (key,)
            ).fetchone()
            if row is not None:
                return self._product(row)
        raise NotFoundError("product_not_found", key=key)

    def by_id(self, product_id: int) -> LocalProduct:
        row = self._conn.execute(
            f"SELECT {self._COLUMNS} FROM products WHERE id = ?", (product_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError("product_not_found", key=product_id)
        return self._product(row)

    def search(self, text: str, limit: int = 20) -> list[LocalProduct]:
        """Products whose name, code or barcode contains ``text``."""
        like = f"%{text.strip()}%"
        rows = self._conn.execute(
            f"SELECT {self._COLUMNS} FROM products WHERE name LIKE ? OR code LIKE ? "
            "OR barcode LIKE ? ORDER BY code LIMIT ?",
            (like, like, like, limit),
        ).fetchall()
        return [self._product(r) for r in rows]
