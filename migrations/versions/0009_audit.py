"""the audit viewer: indexes that give the audit log's rows newest first by time, for
all rows, by staff member (and by action: ``ix_audit_log_action_at`` exists), so a
page of a million-row log is an index range scan, never a sort

Frozen: never import application code here.

Revision ID: 0009_audit
Revises: 0008_tiers
Create Date: 2026-12-03 07:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0009_audit"
down_revision: str | None = "0008_tiers"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_audit_log_at", "audit_log", ["at"], unique=False)
    op.create_index("ix_audit_log_staff_id_at", "audit_log", ["staff_id", "at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_audit_log_staff_id_at", table_name="audit_log")
    op.drop_index("ix_audit_log_at", table_name="audit_log")
