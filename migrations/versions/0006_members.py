"""members page: indexes for the back office's member list, sorted by last visit,
stored value or points and paged by keyset (value, id)

Frozen: never import application code here.

Revision ID: 0006_members
Revises: 0005_job_runs
Create Date: 2026-12-03 07:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_members"
down_revision: str | None = "0005_job_runs"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_members_last_visit_at", "members", ["last_visit_at"], unique=False)
    op.create_index("ix_members_points_balance", "members", ["points_balance"], unique=False)
    op.create_index(
        "ix_members_stored_value", "members", [sa.text("(sv_principal + sv_bonus)")], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_members_stored_value", table_name="members")
    op.drop_index("ix_members_points_balance", table_name="members")
    op.drop_index("ix_members_last_visit_at", table_name="members")
