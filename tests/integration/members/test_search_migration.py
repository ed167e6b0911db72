"""Revision 0002 adds member_search_keys and fills it for members already there."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from memberdesk.db import Database
from memberdesk.db.migrate import alembic_config, open_database
from memberdesk.models.enums import Role
from memberdesk.services.members.lookup import LookupOutcome, lookup
from memberdesk.services.shared.context import Actor
from memberdesk.services.staff.accounts import add_staff_in


def test_upgrade_fills_the_search_keys_of_existing_members(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001_baseline")
    engine.dispose()
    raw = sqlite3.connect(path)
    raw.executescript(
        """
        INSERT INTO shop (id, name, db_uuid, created_at) VALUES (1, '老店', 'u-1', '2025-01-01');
        INSERT INTO tiers (id, code, name, rank, upgrade_threshold, discount_permille,
                           points_multiplier_permille, active)
        VALUES (1, 'normal', '普通会员', 1, 0, 1000, 1000, 1);
        """
    )
    for i, (name, pinyin, initials, status) in enumerate(
        [("王小明", "wangxiaoming", "wxm", "active"), ("已注销", "", "", "anonymised")], start=1
    ):
        raw.execute(
            "INSERT INTO members (id, member_no, phone, phone_last4, name, name_pinyin, "
            "name_initials, gender, tags, notes, marketing_consent, status, tier_id, sv_principal,"
            " sv_bonus, points_balance, total_spent, visit_count, payment_password_failures, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'unknown', '', '', 0, ?, 1, 0, "
            "0, 0, 0, 0, 0, '2025-01-01', '2025-01-01')",
            (i, f"M{i:06d}", f"1380013800{i}", f"800{i}", name, pinyin, initials, status),
        )
    raw.commit()
    raw.close()

    db = Database(open_database(path, tmp_path / "backups"))
    try:
        with db.uow() as uow:
            staff = add_staff_in(uow.session, username="boss", display_name="老板",
                                 role=Role.OWNER, password="boss-pass")  # fmt: skip
            actor = Actor(staff.id, staff.username, staff.display_name, staff.role)
            uow.commit()
        for text in ("小明", "明", "xiaoming", "ming", "xm"):
            result = lookup(db, actor, text)
            assert [h.member_no for h in result.members] == ["M000001"], text
        assert lookup(db, actor, "注销").outcome is LookupOutcome.NOT_FOUND
    finally:
        db.close()
