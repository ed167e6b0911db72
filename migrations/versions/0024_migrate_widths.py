"""the audit log's entity id unbounded on PostgreSQL, as SQLite stores it

SQLite never enforces a VARCHAR's length, and the shop files' audit rows name backup
and restored files by their file name (``memberdesk-20261129-210000-000000+0800-day-
close.sqlite3``: 56 characters, a restored file any length) in ``entity_id``, declared
VARCHAR(40). Such rows cannot be shortened (each is in the hash chain), so moving a
shop onto a server (``network migrate``) needs the column to take them: TEXT on
PostgreSQL. On SQLite nothing changes.

The downgrade on PostgreSQL fails (nothing changed) while a longer entity id is
stored: it never cuts an audit row.

Frozen: never import application code here.

Revision ID: 0024_migrate_widths
Revises: 0023_store_day_close
Create Date: 2026-12-03 17:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0024_migrate_widths"
down_revision: str | None = "0023_store_day_close"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE audit_log ALTER COLUMN entity_id TYPE TEXT")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE audit_log ALTER COLUMN entity_id TYPE VARCHAR(40)")
