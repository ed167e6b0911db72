"""the network edition on PostgreSQL: 64-bit integers there, as SQLite's INTEGER is

SQLite's INTEGER holds 64 bits; PostgreSQL's holds 32, too small for money in fen
(the report totals past the input cap) and for long-lived ids. On PostgreSQL every
integer column becomes BIGINT; on SQLite nothing changes.

Frozen: never import application code here.

Revision ID: 0017_postgres
Revises: 0016_campaigns
Create Date: 2026-12-03 11:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017_postgres"
down_revision: str | None = "0016_campaigns"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COLUMNS = sa.text(
    "SELECT table_name, column_name FROM information_schema.columns "
    "WHERE table_schema = current_schema() AND data_type = :type "
    "AND table_name <> 'alembic_version' ORDER BY table_name, ordinal_position"
)


def _retype(old: str, new: str) -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    by_table: dict[str, list[str]] = {}
    for table, column in conn.execute(_COLUMNS, {"type": old}):
        by_table.setdefault(str(table), []).append(str(column))
    for table, columns in by_table.items():
        changes = ", ".join(f'ALTER COLUMN "{c}" TYPE {new}' for c in columns)
        op.execute(f'ALTER TABLE "{table}" {changes}')


def upgrade() -> None:
    _retype("integer", "BIGINT")


def downgrade() -> None:
    _retype("bigint", "INTEGER")
