"""the 分析 page: indexes on member_scores so its figures read an index, never sort
the table: the segment / grade / lifecycle counts (with M, F, the churn flag and the
date, so the index covers that query) and the largest M first (top members, the churn
list by value at risk)

Frozen: never import application code here.

Revision ID: 0011_analysis
Revises: 0010_stock
Create Date: 2026-12-03 11:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0011_analysis"
down_revision: str | None = "0010_stock"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_member_scores_groups", "member_scores",
                    ["segment", "grade", "lifecycle", "m", "f", "churn_kind", "as_of"],
                    unique=False)
    op.create_index("ix_member_scores_m", "member_scores", ["m", "member_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_member_scores_m", table_name="member_scores")
    op.drop_index("ix_member_scores_groups", table_name="member_scores")
