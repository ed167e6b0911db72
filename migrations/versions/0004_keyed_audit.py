"""keyed audit chain: the key of each row's HMAC, the chain tip sealed in day closes

``audit_log.key_id`` names the key (kept outside the shop file) whose HMAC-SHA256 is
the row's hash; NULL marks the rows written before the switch-over, which keep their
plain SHA-256. ``day_closes.audit_tip`` ("id:hash" of the chain's newest row when the
day was closed) and ``day_closes.seal`` (an HMAC over the close and that tip). The
columns are nullable: existing rows keep verifying as they were written. Frozen:
never import application code here.

Revision ID: 0004_keyed_audit
Revises: 0003_product_search
Create Date: 2026-12-03 06:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_keyed_audit"
down_revision: str | None = "0003_product_search"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMN (no table rebuild): the append-only triggers stay as they are.
    op.add_column("audit_log", sa.Column("key_id", sa.String(length=16), nullable=True))
    op.add_column("day_closes", sa.Column("audit_tip", sa.String(length=96), nullable=True))
    op.add_column("day_closes", sa.Column("seal", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("day_closes") as batch:
        batch.drop_column("seal")
        batch.drop_column("audit_tip")
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_column("key_id")
