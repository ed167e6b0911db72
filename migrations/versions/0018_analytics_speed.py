"""the 分析 page in one read: ``analysis_snapshots`` (the report's figures as of a
date, built by the analytics refresh after it wrote ``member_scores``)

Frozen: never import application code here.

Revision ID: 0018_analytics_speed
Revises: 0017_postgres
Create Date: 2026-12-03 14:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018_analytics_speed"
down_revision: str | None = "0017_postgres"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "analysis_snapshots",
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("generated_at", sa.DateTime(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("as_of", name=op.f("pk_analysis_snapshots")),
    )


def downgrade() -> None:
    op.drop_table("analysis_snapshots")
