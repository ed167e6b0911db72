"""Revision 0003 indexes product names and fills product_search_keys (and missing
pinyin initials) for the products already in the file; `db check` stays clean."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from memberdesk.db import Database
from memberdesk.db.migrate import alembic_config, open_database
from memberdesk.services.backup import integrity
from memberdesk.services.catalog.search import search_products


def test_upgrade_fills_the_search_keys_of_existing_products(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0002_member_search")
    engine.dispose()
    raw = sqlite3.connect(path)
    raw.execute("INSERT INTO shop (id, name, db_uuid, created_at) VALUES (1, '老店', 'u-1', "
                "'2025-01-01')")
    for i, (code, name, initials) in enumerate(
        [("2003", "农夫山泉 550ml", "nfsq"), ("COLA", "可口可乐 330ml", "")], start=1
    ):
        raw.execute(
            "INSERT INTO products (id, code, name, name_initials, price, unit, "
            "points_ratio_permille, is_service, discountable, active) "
            "VALUES (?, ?, ?, ?, 200, '件', 1000, 0, 1, 1)", (i, code, name, initials))
    raw.commit()
    raw.close()

    db = Database(open_database(path, tmp_path / "backups"))
    try:
        for text, expected in (("山泉", "2003"), ("fsq", "2003"), ("可乐", "COLA"),
                               ("kkkl", "COLA"), ("kl", "COLA"), ("农夫", "2003")):
            assert [p.code for p in search_products(db, text).products] == [expected], text
        assert integrity.check_database(db) == []
    finally:
        db.close()
